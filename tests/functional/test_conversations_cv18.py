"""Whole conversations, round 18 (tests/functional/conversations_cv18.yaml, written blind):
red-flag signs said in everyday words mid-set, in the morning check and as an aside; a
symptom check answered with hedges, stories and questions; a hold after an urgent result
lifted in the person's own words; pacing over weeks (steady, a flare, twelve days away, no
kit, too easy); a workout interrupted; questions mid-workout; reminders and deletion.
The driver is round 9's (`Run9`); no new properties.
`CV6_TRANSCRIPT=1 pytest tests/functional/test_conversations_cv18.py -s` prints every turn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.functional import test_conversations_cv6 as cv6
from tests.functional.test_conversations_cv9 import Run9

SCRIPTS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "conversations_cv18.yaml").read_text(encoding="utf-8")
)["scripts"]

# Scripts that fail on today's code (strict: a pass is reported, so the mark goes). The first
# run, on d4658be before any fix: 64 turns failed in 14 of the 16 scripts (only
# cv18_midset_saddle_numbness and cv18_check_hedged_answers passed). After round 18's fixes
# (conv18): 14 turns fail in 6 scripts, 10 scripts pass (two expectations corrected, in the
# yaml header). After conv18b: 7 turns fail in 3 scripts, 13 pass (no expectation
# corrected): a workout asked for inside the morning check skips the check in one step and
# starts (cv18_teen_pop_hold_physio, cv18_workout_doorbell_and_kids pass); "... stop now"
# said last is leaving; "way too easy" mid-set is "harder"; "put me up a stage" is heard;
# a friend's part told after "can I get a jab in it" is the story (cv18_glasgow_questions
# passes).
# Still failing, and why:
# - cv18_carer_dad_then_herself (5): the skill coaches only the person it talks to; a carer
#   asking for her father's workout ("he wants his exercises") is read as someone else's
#   matter, so his workout never starts and "he's ready, go on" / "he wants to know how many
#   more" are someone else's words (a design question left open: coaching by proxy would
#   put his workout and her own red flag on one record). His hot swollen calf, said
#   mid-workout, gets the doctor for him; "okay I'll ring the surgery ... stop now" now ends.
# - cv18_taxi_driver_aside (1): "I've been sat in the cab all day, is it alright to give it a
#   proper good stretch" is heard (the greeting "howay" is a carrier) but answered with
#   sitting, not stretching: a FAQ matcher choice between two topics in one sentence.
# - cv18_too_easy_skip_ahead (1): "how many weeks till I can sprint again" gets recovery
#   time in months ("sprint again" is the recovery topic's in the lexicon), not when
#   sprinting comes back in the program.
# - cv18_workout_doorbell_and_kids (1), after the merge: "finish yesterday's workout" said to
#   the welcome's morning question hears that question once more, with its reason and "say
#   skip". conv18b skipped the check there in one step, which left a person who always opens
#   with "start my workout" without a morning answer ever, so never stepping up (four
#   functional tests of steady progression failed in CI). A request made after the question
#   was tied to the exercises ("shall I tell you today's exercises?" -> yes -> the question ->
#   "start my workout") still skips it in one step, and an all-clear from a professional
#   closes a morning owed from before the pause (cv18_teen_pop_hold_physio passes).
FAILING: set[str] = {
    "cv18_workout_doorbell_and_kids",
    "cv18_carer_dad_then_herself",
    "cv18_taxi_driver_aside",
    "cv18_too_easy_skip_ahead",
}


@pytest.mark.parametrize("script", cv6.scripted(SCRIPTS, FAILING))
def test_a_whole_conversation(script: dict[str, Any], play_script: cv6.PlayScript) -> None:
    play_script(script, Run9)


def test_the_scripts_are_enough() -> None:
    assert len(SCRIPTS) >= 14
    assert all(s["id"].startswith("cv18_") for s in SCRIPTS)
    assert all(sum("say" in step for step in s["steps"]) >= 6 for s in SCRIPTS)
