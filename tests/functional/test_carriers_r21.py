"""Round 21, after holdout21's one measurement: 13 of its 19 missed red-flag statements
opened with an interjection or opener no carrier held ("bre", "vot", "doamne", "mo chreach",
"point one", "status"), fell to Fallback, and no words reached the red-flag check. A third
list of them (AsideQuestion3Intent, written wide: Balkan, Slavic, Romance, Arabic, West
African, South Asian, Gaelic, Australian and British openers) carries them. These tests use
sentences written for them, through the console's resolver into the real lambda_handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    "statement",
    [
        "bozhe I've got numbness in my saddle area since yesterday",
        "hai ram both my legs have gone weak and tingly",
        "jings my calf's hot and swollen and I'm short of breath",
        "baap re I've been coughing up blood this morning",
    ],
)
def test_a_red_flag_behind_an_interjection_reaches_safety(
    fresh: Callable[[], TextSession], resolver: Resolver, statement: str
) -> None:
    assert resolver.resolve(statement).intent == "AsideQuestion3Intent"
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


def test_a_question_behind_an_opener_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver
) -> None:
    question = "long story short, can I still swim lengths with it"
    assert resolver.resolve(question).intent == "AsideQuestion3Intent"
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == "swimming"
