"""Whole conversations, round 10 (tests/functional/conversations_cv10.yaml, written blind):
other people's wordings of the kinds round 9 left failing (written before the fixes, so a fix
of the kind shows), then new personas: a toddler interrupting, a misheard count, "how many
left", no equipment, the morning in words, a reminder moved, "start again", half listening, a
set before a fare and the rest later. The driver is round 9's (`Run9`); no new properties.
`CV6_TRANSCRIPT=1 pytest tests/functional/test_conversations_cv10.py -s` prints every turn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.functional import test_conversations_cv6 as cv6
from tests.functional.test_conversations_cv9 import Run9

SCRIPTS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "conversations_cv10.yaml").read_text(encoding="utf-8")
)["scripts"]

# Scripts that fail on today's code (strict: a pass is reported, so the mark goes). Before
# any fix 38 turns failed in 12 of the 22 scripts; on conv10's branch one turn in each of
# two. someone_elses_symptom ("my lad's got a temperature but I feel fine" paused the
# exercises) passes since the merge of rf10's rule for someone else's signs: a fever is
# an injury-context row, calm when it is someone else's. Left:
# Round 11 (conv11): pain_next_day_worse passes: a comparison then how it feels ("worse
# than yesterday, it's really achy") is a MorningCompareIntent sample with a second slot
# (FEELING) and the two are read together (a direction beats "the same").
# The integrator took that sample out again (stop 29): "{compare} and {feeling}" is a
# two-slot sample that takes any "X and Y" sentence, red flags included ("me leg's gone all
# pins and needles down to me toes" left the red-flag check on a fresh clone), and
# "{compare} {feeling}" is never matched by virtual-alexa (tests/e2e/test_frame_e2e.py).
# "worse than yesterday, it's really achy" fails until a carrier is found that moves no
# red-flag statement.
# (conv17) cv10_pain_next_day_worse passes: "worse than yesterday, it's really achy" comes in
# on a comparison opener ("worse {statement}", ReportWorseIntent) and the morning check reads it.
FAILING: set[str] = set()


@pytest.mark.parametrize("script", cv6.scripted(SCRIPTS, FAILING))
def test_a_whole_conversation(script: dict[str, Any], play_script: cv6.PlayScript) -> None:
    play_script(script, Run9)


def test_the_scripts_are_enough() -> None:
    personas = {s["persona"].split(",")[0] for s in SCRIPTS}
    new = [s for s in SCRIPTS if not s["id"].startswith("cv10_kind_")]
    assert len(new) >= 8 and len(personas) >= 15
    assert all(s["id"].startswith("cv10_") for s in SCRIPTS)
