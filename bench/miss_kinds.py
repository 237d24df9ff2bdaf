"""How the on-topic questions not answered right were answered, in counts only (round 21).

    PYTHONPATH=lambda:. .venv/bin/python -m bench.miss_kinds holdout21

Per way (in session, one-shot): the misses by outcome kind (a wrong topic, a miss, a
choice, a red flag ...) and by the intent they arrived on, with every topic intent counted
together. It prints no question's words, so it may be run on the blind set: on holdout21's
one measurement it showed that 90 of the ~203 in-session misses fell to
AMAZON.FallbackIntent (no carrier matched, so no words reached the skill), which says where
the next work is better than a per-topic score does.
"""

from __future__ import annotations

import argparse
from collections import Counter

from hamstring_coach.handlers.faq import ASIDE_OPENERS
from tests.eval import questions_measure as qm

# Carriers whose words reach the matcher; any other intent is a topic's own (or a flow's).
CARRIERS = frozenset(
    {
        "AMAZON.FallbackIntent",
        "QuestionIntent",
        "MoreQuestionIntent",
        "WhatQuestionIntent",
        "WhyQuestionIntent",
        "PoliteQuestionIntent",
        # the aside openers, the generated world openers among them (op23), as the skill
        # lists them
        *(i.value for i in ASIDE_OPENERS),
    }
)
NOT_ON_TOPIC = ("off_topic", "red_flag")
GOOD = ("right",)


def kinds(report: qm.Report, way: str) -> tuple[Counter[str], Counter[str]]:
    """(misses by verdict and outcome kind, misses by the intent they arrived on)."""
    by_kind: Counter[str] = Counter()
    by_intent: Counter[str] = Counter()
    for question, outcomes, verdicts in report.results:
        if question.label in NOT_ON_TOPIC or verdicts[way] in GOOD:
            continue
        outcome = outcomes[way]
        by_kind[f"{verdicts[way]} {outcome.kind}"] += 1
        by_intent[outcome.intent if outcome.intent in CARRIERS else "a topic's own intent"] += 1
    return by_kind, by_intent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("set", choices=sorted(qm.SETS))
    args = parser.parse_args(argv)
    report = qm.measure(args.set)
    for way in qm.WAYS:
        by_kind, by_intent = kinds(report, way)
        print(f"{way}: {sum(by_kind.values())} on-topic questions not answered right")
        for name, counter in (("outcome", by_kind), ("arrived on", by_intent)):
            for key, n in counter.most_common():
                print(f"  {name:10} {key:32} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
