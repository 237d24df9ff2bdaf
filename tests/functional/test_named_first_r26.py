"""Round 26: a topic or an exercise said first with no carrier word, then the question
("surgical options?", "flared up after the match, do I just ice it", "single leg RDL, which
hand holds the weight", "for the nordic, hips straight or bent"), fell to Fallback and lost
every word. Read from the retired holdout22 to holdout25 (their Fallback misses), then
written wider than the ones read:

- more of each topic's own words lead its intent ("flared up {query}", "kettlebell swings
  {query}", "dolphin kick {query}", "the stairs {query}"); Alexa sends the rest and the
  topic's name stands in for the word ("eccentric" only before a question word: alone it
  starts "eccentric bridge", an exercise);
- an exercise's name said first, in words that are no value of the exercise slot ("the hold
  {query}", "roamin dead lift {query}") or after "for the", "on the", "with the", leads one
  intent per exercise, whose spoken name (content) is put back in front of the rest,
  after "the".

Sentences written for these tests, typed through the console's resolver into the real
handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.eval.harness import Classifier
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("text", "intent", "word"),
    [
        ("flared up again after the wedding, what now", "FlareUpIntent", "calm it first"),
        ("surgical options, what are they", "SurgeryIntent", "surg"),
        ("kettlebell swings, are they off the table", "GymIntent", "keep training"),
        ("dolphin kick in the pool, is that daft with this", "SwimmingIntent", "swim"),
        ("the stairs at work, should I take the lift instead", "WalkingIntent", "walk"),
        ("steroid injections, how long do they last", "InjectionsIntent", "injection"),
        ("the stationary bike, how long a session", "CyclingIntent", "cycl"),
        ("eccentric, what's that do for the tendon", "LoadingIntent", "lengthens"),
    ],
)
def test_a_topic_word_said_first_gets_that_topic(
    fresh: Callable[[], TextSession],
    resolver: Resolver,
    classify: Classifier,
    text: str,
    intent: str,
    word: str,
) -> None:
    assert resolver.resolve(text).intent == intent
    reply = said(fresh(), text)
    assert classify.level(reply) is None, reply
    assert "not sure" not in reply.lower(), reply
    assert word in reply.lower(), reply


@pytest.mark.parametrize(
    ("text", "step_of"),
    [
        ("for the nordic do I keep my hips straight or bend at the waist", "nordic hamstring curl"),
        ("on the romanian deadlift, where do my eyes look", "romanian deadlift"),
        ("for the lowering bridge heels on a step or the floor", "eccentric bridge"),
        ("roamin dead lift, how does it go", "romanian deadlift"),
        ("the hold, arms flat or on my chest", "bridge hold"),
        # (round 27) described, not named: the walkthrough's learned opinion
        # (tools/howto_model.py); the bare name said first, and "cues for"
        (
            "the one where I lie on my back and push my hips up and stay there, how high "
            "should they go",
            "bridge hold",
        ),
        (
            "the exercise where you kneel and someone holds your ankles and you fall forward "
            "slowly, how do I not land on my face",
            "nordic hamstring curl",
        ),
        (
            "the bending forward one with the dumbbells and a flat back, where should I feel it",
            "romanian deadlift",
        ),
        ("what do I hook my heels under for the kneeling one at home", "nordic hamstring curl"),
        ("nordic curl, how does it go again", "nordic hamstring curl"),
        ("romanian deadlift, how do I keep my back flat", "romanian deadlift"),
        ("slow down bridge, how do I do it properly", "eccentric bridge"),
        ("cues for the single leg deadlift, I keep wobbling", "single-leg"),
    ],
)
def test_an_exercise_said_first_or_described_gets_its_steps(
    fresh: Callable[[], TextSession], resolver: Resolver, text: str, step_of: str
) -> None:
    assert resolver.resolve(text).intent != FALLBACK
    chat = fresh()
    reply = said(chat, text).lower()
    assert step_of in reply and "step 1" in reply, reply
    assert chat.attributes.get("mode") == "walkthrough"


def test_a_sign_said_after_an_exercise_name_still_reaches_the_advice(
    fresh: Callable[[], TextSession], classify: Classifier
) -> None:
    reply = said(fresh(), "for the nordic, I felt a pop and now there's a big bruise")
    assert classify.level(reply) == "urgent", reply


def test_an_exercise_named_first_then_a_dose_gets_the_dose(
    fresh: Callable[[], TextSession], classify: Classifier
) -> None:
    chat = fresh()
    reply = said(chat, "for the nordic, how many times a week")
    assert classify.level(reply) is None, reply
    assert chat.attributes.get("mode") != "walkthrough", reply
    assert "week" in reply.lower(), reply
