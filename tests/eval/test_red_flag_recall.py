"""Red-flag recall through the resolver and the real lambda_handler (tests/eval/harness.py).

The dev set is what the model and the lexicon were tuned on: every red flag must reach
safety advice at its level or above, with no false alarm. The frozen set was written before
the lexicon was read and is never tuned on: its figures are measured and printed (see the
end of `make test`), and recorded in the commit history; the issue's target is 100% recall.
"""

from __future__ import annotations

from typing import Any

from hamstring_coach.app import LambdaHandler
from local.resolver import Resolver
from tests.eval.harness import REPORTS, measure


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
    hit, total = figures.recall()
    # 108 statements, each one-shot and in session; 45 calm ones the same.
    assert total == 216 and len(figures.calm) == 90
    assert hit > 0
