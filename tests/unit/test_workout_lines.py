"""Every line key the workout feature can say exists, including keys chosen at run time."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hamstring_coach.domain.program import Program
from hamstring_coach.domain.progression import COMPARES, MorningAnswer, judge

ROOT = Path(__file__).resolve().parents[2]
FILES = [
    *(
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "lambda/hamstring_coach/handlers/workout").glob("*.py"))
    ),
    "lambda/hamstring_coach/handlers/walkthrough.py",
    "lambda/hamstring_coach/handlers/progress_report.py",
    "lambda/hamstring_coach/voice/coaching.py",
]


def test_every_dotted_key_literal_in_the_feature_is_a_line(content_source: dict[str, Any]) -> None:
    lines = set(content_source["en"]["line"])
    used: set[str] = set()
    for name in FILES:
        used |= set(re.findall(r'"([a-z]+\.[a-z_.]+)"', (ROOT / name).read_text("utf-8")))
    assert len(used) > 80
    assert used <= lines, sorted(used - lines)


def test_keys_built_at_run_time_exist(content_source: dict[str, Any]) -> None:
    lines = set(content_source["en"]["line"])
    en = content_source["en"]
    rules = Program.from_content(en["exercise"], en["stage"], en["pacing"]).pacing
    for blocked in ("bad_morning", "too_much_today", "first_session"):  # harder_blocked
        assert f"harder.{blocked}" in lines
    for level in ("urgent", "emergency", "soon"):  # symptoms.flag_response
        assert f"safety.flag.{level}" in lines
    for kit in ("ball", "anchor"):  # handlers/workout/pacing.KITS, exercise `needs`
        assert f"kit.ask.{kit}" in lines and f"reprompt.kit.{kit}" in lines
    for reason in ("weekly", "heavy_gap", "gap"):  # program.RestReason
        assert f"today.rest.{reason}" in lines
    reasons = set()
    for during in (None, *range(11)):
        for compare in (None, *COMPARES):
            for score in (None, *range(11)):
                for complete in (True, False):
                    answer = MorningAnswer(compare, score)
                    verdict, reason, _flare = judge(during, answer, complete, rules)
                    if verdict != "good":
                        reasons.add(reason)
    # Every reason for holding or easing is said in words ("since ...").
    assert reasons and all(f"why.{r}" in lines for r in reasons), reasons
