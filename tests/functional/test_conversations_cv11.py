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
# any fix 12 turns failed in 7 of the 13 scripts; after conv11's fixes 5 turns in 3:
# - kind_strong_swearing: strong swear words said first ("fuck me that's heavy") reach
#   Fallback, which carries no words; no carrier with those words goes in the model
#   (certification, and Alexa masks them). The kind is not fixed.
# - number_or_story_for_yes_no: FIXED in round 14 (conv14): a story that answers the
#   screen's onset question ("well it crept up on me over a couple of months") was asked
#   again without end; the comparison's questions now carry their own story words
#   (content said_yes / said_no, domain/answers.story_answer).
# - morning_worse_but_settles: "a bit worse first thing but it settles after ten minutes":
#   a comparison the COMPARISON type does not know, then a clause. Only `{compare}
#   {feeling}` (both known) went in: carriers like `{compare} but {feeling}` took red-flag
#   statements from their own carriers (docs/questions.md, round 11).
# The integrator took the two-slot sample out again (stop 29): "{compare} {feeling}" is never
# matched by virtual-alexa (tests/e2e/test_frame_e2e.py) and "{compare} and {feeling}" takes
# any "X and Y" sentence from the red-flag check, so kind_morning_compare_and_how fails again.
# (conv17) Both morning scripts pass: a comparison said first and a clause after it comes in
# on a comparison opener (one literal intent per direction, "a bit worse {statement}",
# "better than yesterday {statement}", LAST in the model), its word put back in front
# (handlers/said.py), and the morning check reads the sentence (domain/morning_words.py).
# kind_strong_swearing passes as cv9_swears_at_the_pain does (content workout.fallback).
FAILING: set[str] = set()


@pytest.mark.parametrize("script", cv6.scripted(SCRIPTS, FAILING))
def test_a_whole_conversation(script: dict[str, Any], play_script: cv6.PlayScript) -> None:
    play_script(script, Run9)


def test_the_scripts_are_enough() -> None:
    new = [s for s in SCRIPTS if not s["id"].startswith("cv11_kind_")]
    assert len(new) >= 8
    assert all(s["id"].startswith("cv11_") for s in SCRIPTS)
