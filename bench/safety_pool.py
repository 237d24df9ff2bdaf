"""Pool, matcher level, every readable set (rfq16): on-topic questions the red-flag matcher
raises (routed to safety instead of answered), and the red-flag sets' misses, false alarms
and under-triage. Never the frozen set, nor a set still blind.

    PYTHONPATH=lambda:. .venv/bin/python -m bench.safety_pool [--questions] [--flags]

The whole question (or statement) is given to the matcher; the skill gives what follows a
known carrier, so the whole-skill figures (questions_measure, harness) can differ a little.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections import Counter
from collections.abc import Sequence

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.faq_classifier import Classifier
from tests.eval import harness, questions_measure
from tools.content_source import load_source
from tools.red_flag_model import READABLE

LEVELS = {"soon": 1, "urgent": 2, "emergency": 3}


def question_sets() -> list[str]:
    return [
        n
        for n in questions_measure.SETS
        if n not in ("frozen", questions_measure.newest_held_out())
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", action="store_true")
    parser.add_argument("--flags", action="store_true")
    parser.add_argument("--rules", action="store_true", help="rules alone (no second opinion)")
    args = parser.parse_args(argv)
    both = not (args.questions or args.flags)
    flags = red_flags.load(load_source()["en"]["red_flag"])
    if args.rules:
        flags = dataclasses.replace(flags, learned=Classifier.from_counts({}))

    def level(text: str) -> tuple[str | None, str]:
        flag = flags.assess(text)
        return (flag.level.name.lower(), flag.id) if flag else (None, "")

    if args.questions or both:
        total = Counter[str]()
        for name in question_sets():
            for q in questions_measure.load_set(name):
                if q.label in ("red_flag", "off_topic"):
                    continue
                total[name] += 1
                got, row = level(q.text)
                if got:
                    total["raised"] += 1
                    print(f"Q {name:10} {got:9} {row:22} {q.text}")
        print(
            "on-topic questions:",
            sum(v for k, v in total.items() if k != "raised"),
            "raised:",
            total["raised"],
        )
    if args.flags or both:
        miss = under = fa = n_red = n_calm = 0
        for name in READABLE:
            red, calm = harness.load(name)
            for s in red:
                n_red += 1
                got, row = level(s.text)
                if got is None:
                    miss += 1
                    print(f"MISS  {name:10} {s.level:9} {s.row:22} {s.text}")
                elif LEVELS[got] < LEVELS[str(s.level)]:
                    under += 1
                    print(f"UNDER {name:10} {s.level}->{got} {row} | {s.text}")
            for s in calm:
                n_calm += 1
                got, row = level(s.text)
                if got:
                    fa += 1
                    print(f"FA    {name:10} {got:9} {row:22} {s.text}")
        print(f"red {n_red} missed {miss} under {under}; calm {n_calm} false alarms {fa}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
