"""Round 27: an exercise described, not named ("the one where I lie on my back and push my
hips up and stay there, how high should they go"), then a detail of how it is done. The
walkthrough rules know exercises by their names; a learned opinion (tools/howto_model.py),
its walkthrough labels set beside the question model's topics, knows how people describe
them (its walkthrough cases sit with round 26's in test_named_first_r26.py); here, what it
must leave alone, and topics said first in plain words. Sentences written for these tests,
typed through the console's resolver into the real handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.eval.harness import Classifier
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # About the method or the choice of exercise, not its steps: the topic answers.
        ("how slow should the lowering part be", "slow"),
        ("can I still do squats at the gym", "squat"),
        ("how many sets of the bridge hold should I do", "a week"),
    ],
)
def test_a_question_about_an_exercise_that_is_no_request_still_gets_its_topic(
    fresh: Callable[[], TextSession], text: str, word: str
) -> None:
    chat = fresh()
    reply = said(chat, text).lower()
    assert chat.attributes.get("mode") != "walkthrough", reply
    assert "step 1" not in reply and word in reply, reply


def test_a_sign_said_within_a_description_still_reaches_the_advice(
    fresh: Callable[[], TextSession], classify: Classifier
) -> None:
    reply = said(
        fresh(),
        "the one lying on my back with my hips up, since yesterday I can't feel my bum "
        "or between my legs, how high should my hips go",
    )
    assert classify.level(reply) == "emergency", reply


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # (round 27) a topic said first in plain words, which fell to Fallback: a
        # comparison (its words go back in front), a long-haul flight, a hot water bag, a
        # sports doc, a client's question
        ("strain or tendon, how would I know", "sit bone"),
        ("tear or tendon, which is it likely to be", "sit bone"),
        ("long haul flight in March, will sitting that long set it off", "sit"),
        ("hot water bag tonight, would that help", "heat"),
        ("worth seeing a sports doc about it", "see"),
        ("a client asks if she can keep cycling to work, what should I tell her", "cycl"),
    ],
)
def test_a_topic_said_first_in_plain_words_gets_its_topic(
    fresh: Callable[[], TextSession], resolver: Resolver, text: str, word: str
) -> None:
    assert resolver.resolve(text).intent != FALLBACK
    reply = said(fresh(), text).lower()
    assert "not sure" not in reply and word in reply, reply
