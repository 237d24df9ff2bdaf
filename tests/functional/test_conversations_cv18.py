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
# yaml header). Still failing, and why:
# - cv18_carer_dad_then_herself (6): the skill coaches only the person it talks to; a carer
#   asking for her father's workout ("he wants his exercises") is read as someone else's
#   matter, so his workout never starts (a design question: coaching by proxy); "... stop
#   now" said last is not yet read as a stop. His hot swollen calf, said mid-workout, now
#   gets the doctor for him.
# - cv18_taxi_driver_aside (1): "I've been sat in the cab all day, is it alright to give it a
#   proper good stretch" is now heard (the greeting "howay" is a carrier) but answered with
#   sitting, not stretching: a FAQ matcher choice between two topics in one sentence.
# - cv18_teen_pop_hold_physio (2) and cv18_workout_doorbell_and_kids (1): "start my workout
#   then" / "finish yesterday's workout" said to the morning check hears the morning
#   question again; the script expects a workout without that answer, and the check is the
#   program's gate for the day's load (left as designed; see the report).
# - cv18_too_easy_skip_ahead (3): "this is way too easy, chuck me onto the nordics" gets the
#   pain rule, not "harder"; "put me up a stage, I'm bored" is not heard; "how many weeks
#   till I can sprint" gets recovery time in months, not when sprinting comes back.
FAILING: set[str] = {
    "cv18_carer_dad_then_herself",
    "cv18_taxi_driver_aside",
    "cv18_teen_pop_hold_physio",
    "cv18_too_easy_skip_ahead",
    "cv18_workout_doorbell_and_kids",
    # cv18_glasgow_questions passes since q18b: "my pal got one in her shoulder" is another
    # person's treatment of another part (domain/faq.py `_treated_elsewhere`), backstory.
}


@pytest.mark.parametrize("script", cv6.scripted(SCRIPTS, FAILING))
def test_a_whole_conversation(script: dict[str, Any], play_script: cv6.PlayScript) -> None:
    play_script(script, Run9)


def test_the_scripts_are_enough() -> None:
    assert len(SCRIPTS) >= 14
    assert all(s["id"].startswith("cv18_") for s in SCRIPTS)
    assert all(sum("say" in step for step in s["steps"]) >= 6 for s in SCRIPTS)
