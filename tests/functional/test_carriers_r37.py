"""Round 37, after holdout38's one measurement, read by kind once it was retired. Its new
carriers are tested beside their older kin: signs behind an opener in
test_carriers_r24.py, terse questions in a topic's own words and what the doctor's
carriers stand for (content `carried_as`) in test_topic_word_carriers.py, a form of
address in test_carriers_op23.py. Here: weather and a drive's length are no topic ("is it
gonna be windy", "drive time to ..."), nor (round 38, holdout39's off-topic questions) a
tram, the immune system or seasickness tablets.

Sentences written for these tests, through the console's resolver into the real
lambda_handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    "question",
    [
        "is it gonna be windy this afternoon on the coast",
        "what is the drive time to the airport",
        "is the number thirteen tram running today",
        "is cold water good for the immune system",
        "do seasickness tablets make you sleepy",
    ],
)
def test_subjects_that_are_no_topic_are_declined(
    fresh: Callable[[], TextSession], question: str
) -> None:
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") is None
