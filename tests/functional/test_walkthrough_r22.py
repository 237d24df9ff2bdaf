"""Round 23: requests to be walked through an exercise that started no walkthrough, or the
wrong one (on the blind holdout22, 21 of 72 in session). Read from the retired readable sets
(holdout18-21) by cause: a name said in a way the model did not hold ("nautical curls",
"norse curl", "the holding bridge exercise"), a frame or a tag it did not hold ("..., teach me",
"show man the", "take me across"), free words that named no exercise or the
wrong one ("single leg eccentric bridge" read as the single-leg bridge, "stiff leg
deadlift" as the single-leg deadlift), and frames of a question the steps did not answer
("how is Ray supposed to do", "how it is done", "I want to learn the"). Sentences written
for these tests, typed through the console's resolver into the real handler; dosage and
pain questions beside them must stay questions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from tests.functional.test_personas import said


def _walking(chat: TextSession) -> str | None:
    walk = chat.attributes.get("walk")
    if chat.attributes.get("mode") != "walkthrough" or not isinstance(walk, dict):
        return None
    return str(walk.get("ex"))


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        # Names said other ways: mishearings, other countries' names, descriptions.
        ("how do I do nautical curls", "nordic_curl"),
        ("the norse curl, how is it done", "nordic_curl"),
        ("show me them knee drops", "nordic_curl"),
        ("how do you do the natural hamstring curl", "nordic_curl"),
        ("how do I do the bum up hold", "isometric_bridge_hold"),
        ("static glute bridge, show me please", "isometric_bridge_hold"),
        ("how do I do the bridge going down slowly", "eccentric_bridge"),
        ("negative glute bridge, teach me", "eccentric_bridge"),
        ("how do I do a romanian lift", "romanian_deadlift"),
        ("stiff legged deadlifts, how does that go", "romanian_deadlift"),
        ("how do I do a stork deadlift", "single_leg_rdl"),
        # Frames and tags said around a name.
        ("bridge hold, teach me again", "isometric_bridge_hold"),
        ("take me across the romanian deadlift", "romanian_deadlift"),
        ("describe a nordic curl for a beginner", "nordic_curl"),
        ("I want to learn the single leg deadlift", "single_leg_rdl"),
        ("how can I do the bridge hold on my bed", "isometric_bridge_hold"),
        # Free words read to the right exercise.
        ("how do I do the one legged eccentric bridge, or how", "eccentric_bridge"),
        ("how do I do the stiff leg deadlift with a barbell", "romanian_deadlift"),
        ("how is my dad supposed to do the single leg deadlift", "single_leg_rdl"),
        ("my partner holds my feet, the norwegian curl, how it is done", "nordic_curl"),
        ("how do I do the bridge hold, and also should my arms be flat", "isometric_bridge_hold"),
        ("ask hamstring coach how to do a nordic curl for the very first time", "nordic_curl"),
    ],
)
def test_the_walkthrough_of_the_exercise_asked_for_starts(
    fresh: Callable[[], TextSession], text: str, exercise: str
) -> None:
    chat = fresh()
    reply = said(chat, text).lower()
    assert _walking(chat) == exercise, reply
    assert "step 1" in reply, reply


@pytest.mark.parametrize(
    "text",
    [
        "how long do I hold the bridge hold for",
        "how often should I do nordics",
        "does the eccentric bridge hurt your hamstring",
        "how can I do nordics every day",
        "how can I do the bridge when it hurts",
        "how many seconds am I supposed to do the bridge hold",
        "can I do nordics",
        "is the stiff leg deadlift bad for my tendon",
    ],
)
def test_dosage_and_pain_questions_are_not_taken_for_the_steps(
    fresh: Callable[[], TextSession], text: str
) -> None:
    chat = fresh()
    reply = said(chat, text).lower()
    assert _walking(chat) is None, reply
    assert "step 1" not in reply, reply
