"""Round 25: an exercise said first, then a detail of its steps with no request word ("the
bridge hold, how many seconds and how hard do I push"), or a request with its detail woven
in ("how do I do the bridge where my hips sink down over five seconds"), was answered with
the dosage or the slow-lowering topic, or met with "I'm not sure": the steps answer it.
Read from the retired holdout22 to holdout24 (walkthroughs the matcher answered). Said the
other way round, a dosage question stays one. Sentences written for these tests, typed
through the console's resolver into the real handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("text", "step_of"),
    [
        ("right, the bridge hold, how many seconds and how hard do I push", "bridge hold"),
        ("so the eccentric bridge, which bit is slow, the up or the down", "eccentric bridge"),
        ("how do I do the bridge where my hips sink down over five seconds", "eccentric bridge"),
        ("how do you even do a romanian deadlift", "romanian deadlift"),
        ("ask hamstring coach how does one perform the nordic curl", "nordic hamstring curl"),
        ("the romanian deadlift, knees soft or locked", "romanian deadlift"),
    ],
)
def test_a_named_exercise_then_a_detail_gets_its_steps(
    fresh: Callable[[], TextSession], text: str, step_of: str
) -> None:
    chat = fresh()
    reply = said(chat, text).lower()
    assert step_of in reply and "step 1" in reply, reply
    assert chat.attributes.get("mode") == "walkthrough"


@pytest.mark.parametrize(
    "text",
    [
        "how many seconds should the bridge hold last",
        "the nordics, how many times a week",
        "ice on the back of my upper leg, how many minutes",
        "road running, how much can I do with this",
        "how do I start running again",
        "walking to the bridge is two kilometres, should I get the bus",
        "it twinges on the deadlifts, do I push through it",
    ],
)
def test_a_dosage_or_a_description_alone_gets_no_steps(
    fresh: Callable[[], TextSession], text: str
) -> None:
    chat = fresh()
    reply = said(chat, text).lower()
    assert "step 1" not in reply, reply
    assert chat.attributes.get("mode") != "walkthrough"
