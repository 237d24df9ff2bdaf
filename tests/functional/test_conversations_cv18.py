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
# cv18_midset_saddle_numbness and cv18_check_hedged_answers passed).
FAILING: set[str] = {
    "cv18_morning_check_waterworks",
    "cv18_carer_dad_then_herself",
    "cv18_taxi_driver_aside",
    "cv18_check_unsure_then_hold_and_cleared",
    "cv18_teen_pop_hold_physio",
    "cv18_steady_over_two_weeks",
    "cv18_flare_seven_then_eight",
    "cv18_twelve_days_in_benidorm",
    "cv18_no_kit_terse",
    "cv18_too_easy_skip_ahead",
    "cv18_workout_doorbell_and_kids",
    "cv18_glasgow_questions",
    "cv18_welsh_reminders_and_delete",
    "cv18_unsure_bricklayer",
}


@pytest.mark.parametrize("script", cv6.scripted(SCRIPTS, FAILING))
def test_a_whole_conversation(script: dict[str, Any], play_script: cv6.PlayScript) -> None:
    play_script(script, Run9)


def test_the_scripts_are_enough() -> None:
    assert len(SCRIPTS) >= 14
    assert all(s["id"].startswith("cv18_") for s in SCRIPTS)
    assert all(sum("say" in step for step in s["steps"]) >= 6 for s in SCRIPTS)
