"""Whole conversations, round 11 (tests/functional/conversations_cv11.yaml, written blind):
other people's wordings of the four kinds rounds 9 and 10 left failing (written before the
fixes, so a fix of the kind shows), then new personas over days: back after a week, a
morning a bit worse that settles, a doorbell mid-set, "how many more", no step or bench,
reminders changed or stopped, the data deleted, a yes/no answered with a number or a story.
The driver is round 9's (`Run9`); no new properties.
`CV6_TRANSCRIPT=1 pytest tests/functional/test_conversations_cv11.py -s` prints every turn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.functional import test_conversations_cv6 as cv6
from tests.functional.test_conversations_cv9 import Run9

SCRIPTS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "conversations_cv11.yaml").read_text(encoding="utf-8")
)["scripts"]

# Scripts that fail on today's code (strict: a pass is reported, so the mark goes). Before
# any fix 12 turns failed in 7 of the 13 scripts.
FAILING: set[str] = {
    "cv11_kind_strong_swearing",
    "cv11_kind_command_and_question",
    "cv11_kind_ending_with_goodbye",
    "cv11_kind_morning_compare_and_how",
    "cv11_morning_worse_but_settles",
    "cv11_delete_my_data",
    "cv11_number_or_story_for_yes_no",
}


@pytest.mark.parametrize("script", cv6.scripted(SCRIPTS, FAILING))
def test_a_whole_conversation(script: dict[str, Any], play_script: cv6.PlayScript) -> None:
    play_script(script, Run9)


def test_the_scripts_are_enough() -> None:
    new = [s for s in SCRIPTS if not s["id"].startswith("cv11_kind_")]
    assert len(new) >= 8
    assert all(s["id"].startswith("cv11_") for s in SCRIPTS)
