"""Red-flag recall through the resolver and the real lambda_handler (tests/eval/harness.py).

The dev set is what the model and the lexicon were tuned on: every red flag must reach
safety advice at its level or above, with no false alarm. The frozen set was written before
the lexicon was read and is never tuned on (nor opened by whoever tunes): its figures are
measured and printed (see the end of `make test`). The issue's target, 100% recall, was
reached on it both ways in the review round (216/216, 0/90 false alarms, none under-
triaged; 212/216 and 2/90 before), so it is asserted: a change that loses a frozen red flag
fails here, and the set itself is never edited to pass.
"""

from __future__ import annotations

from typing import Any

from hamstring_coach.app import LambdaHandler
from local.resolver import Resolver
from tests.eval.harness import MODES, REPORTS, measure

FROZEN_FALSE_ALARMS_BEFORE = 2


def test_dev_set_every_red_flag_reaches_safety_advice_without_false_alarms(
    skill: LambdaHandler, content_source: dict[str, Any]
) -> None:
    figures = measure("dev", skill, Resolver.for_locale("en-US"), content_source["en"]["line"])
    REPORTS["dev"] = figures.report()
    hit, total = figures.recall()
    assert total >= 100
    assert hit == total, figures.report()
    assert not figures.under_triaged, figures.report()
    assert not figures.false_alarms, figures.report()


def test_frozen_set_is_measured_and_printed(
    skill: LambdaHandler, content_source: dict[str, Any]
) -> None:
    figures = measure("frozen", skill, Resolver.for_locale("en-US"), content_source["en"]["line"])
    REPORTS["frozen"] = figures.report()
    _, total = figures.recall()
    # 108 statements, each one-shot and in session; 45 calm ones the same.
    assert total == 216 and len(figures.calm) == 90
    for mode in MODES:
        mode_hit, mode_total = figures.recall(mode)
        assert mode_hit == mode_total, figures.report(limit=0)
    assert not figures.under_triaged, figures.report(limit=0)
    # False alarms are stated, not a target: no more than the 2 of the round before.
    assert len(figures.false_alarms) <= FROZEN_FALSE_ALARMS_BEFORE, figures.report(limit=0)
