"""Why a right topic was not answered: each on-topic question's outcome by reason (issue 15).

    PYTHONPATH=lambda:. .venv/bin/python -m bench.faq_matchers.reasons holdout4 dev [--persona qm5_]

Runs the sets through the whole skill (tests.eval.questions_measure) and counts, both ways,
what happened to each on-topic question: answered right, Fallback (no carrier phrase
matched), another intent, routed to safety, a "did you mean" with the right topic first or
second or not at all, a wrong answer, an honest miss, a wrong walkthrough. Off-topic
questions answered with a topic are counted beside. Never run it on a set nobody may read.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Mapping
from typing import Any

from tests.eval import questions_measure as qm

FALLBACK = "AMAZON.FallbackIntent"
REASONS = (
    "right",
    "fallback",
    "other_intent",
    "safety",
    "choice_first",
    "choice_second",
    "choice_wrong",
    "answer_wrong",
    "miss",
    "howto_wrong",
)


def reason(question: qm.Question, outcome: qm.Outcome, labels: Mapping[str, Any]) -> str:
    """One on-topic question's reason (REASONS); off-topic ones are "off_" + their verdict,
    red flags "flag_" + theirs."""
    said = qm.verdict(question, outcome, labels)
    if question.label == "red_flag":
        return f"flag_{said}"
    if question.label == "off_topic":
        return f"off_{said}"
    if said == "right":
        return "right"
    if outcome.intent == FALLBACK:
        return "fallback"
    if outcome.kind == "red_flag":
        return "safety"
    if question.label == "howto":
        return "howto_wrong"
    wanted = set(labels["labels"][question.label].get("topics", ()))
    if outcome.kind == "choice":
        if outcome.detail and outcome.detail[0] in wanted:
            return "choice_first"
        return "choice_second" if wanted & set(outcome.detail) else "choice_wrong"
    if outcome.kind == "answer":
        return "answer_wrong"
    if outcome.kind == "miss":
        return "miss"
    return "other_intent"


def table(report: qm.Report, persona: str = "") -> list[str]:
    labels = qm.load_labels()
    rows = [r for r in report.results if r[0].persona.startswith(persona)]
    lines = []
    for way in qm.WAYS:
        counts = Counter(reason(question, outcomes[way], labels) for question, outcomes, _ in rows)
        on = sum(counts[r] for r in REASONS)
        off = sum(v for k, v in counts.items() if k.startswith("off_"))
        cells = " ".join(f"{r}={counts[r]}" for r in REASONS)
        share = counts["right"] / on if on else 1.0
        lines.append(
            f"{report.name:<9} {way:<10} on-topic {on}: {cells}; right {share:.1%}; "
            f"off-topic answered {counts['off_answered']}/{off}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("sets", nargs="+", choices=sorted(qm.SETS))
    parser.add_argument("--persona", default="", help="only personas with this prefix")
    args = parser.parse_args(argv)
    for name in args.sets:
        for line in table(qm.measure(name), args.persona):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
