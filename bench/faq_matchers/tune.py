"""Fast offline scoring of the question matcher on the development set (issue 15).

    PYTHONPATH=lambda:. .venv/bin/python -m bench.faq_matchers.tune [--grid] [--show]

Scores hamstring_coach.domain.faq.FaqIndex directly on the development set's questions as
the interaction model hands them over (the words after a carrier phrase), without the
skill: a second per run, so the matcher's constants can be compared quickly. Confirm any
change with `python -m tests.eval.questions_measure dev`, which runs the whole skill.

The questions the policy round wrote blind (personas `pol_`) are split in two: within
each label, the 1st, 3rd and 5th are tuned on with the rest of the set ("tune"); the 2nd
and 4th are held back ("check") and only read, to see whether a change generalises.
"""

from __future__ import annotations

import argparse
import ast
import itertools
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hamstring_coach.domain import faq
from local.resolver import Resolver
from tests.eval import questions_measure as qm
from tools.content_source import load_source

EVAL = Path(__file__).resolve().parents[2] / "tests" / "eval"
BLIND = "pol_"


@dataclass(frozen=True)
class Case:
    text: str  # what the matcher is given
    label: str
    part: str  # "tune" (written earlier), "blind" (tuned on too) or "check" (held back)


def cases() -> list[Case]:
    """The development set's questions that reach the matcher, each with its part."""
    resolver = Resolver.for_locale("en-US")
    data = yaml.safe_load((EVAL / "questions_dev.yaml").read_text("utf-8"))["questions"]
    seen: Counter[str] = Counter()
    out = []
    for q in data:
        if q["topic"] in ("howto", "red_flag"):
            continue
        part = "tune"
        if str(q["persona"]).startswith(BLIND):
            seen[q["topic"]] += 1
            part = "check" if seen[q["topic"]] % 2 == 0 else "blind"
        resolved = resolver.resolve(q["q"])
        text = resolved.slot_value("query") if resolved.intent == "QuestionIntent" else None
        out.append(Case(text or q["q"], str(q["topic"]), part))
    return out


@dataclass
class Tally:
    right: int = 0
    offered_one: int = 0  # a "did you mean" naming one topic, the right one
    offered_two: int = 0  # a choice of two, one of them right
    miss: int = 0
    wrong: int = 0
    on: int = 0
    off: int = 0
    off_answered: int = 0
    off_offered: int = 0

    def line(self) -> str:
        on = self.on or 1
        return (
            f"right {self.right / on:6.1%}  offered one {self.offered_one / on:5.1%} "
            f"two {self.offered_two / on:5.1%}  miss {self.miss / on:5.1%}  "
            f"wrong {self.wrong / on:5.1%}  (n={self.on})  off-topic answered "
            f"{self.off_answered}/{self.off} offered {self.off_offered}"
        )


def score(
    index: faq.FaqIndex, items: Sequence[Case], labels: Mapping[str, Any], show: bool = False
) -> Tally:
    tally = Tally()
    for case in items:
        found = index.match(case.text)
        kind, topics = found.outcome, found.topics
        if case.label == "off_topic":
            tally.off += 1
            tally.off_answered += kind is faq.Outcome.ANSWER
            tally.off_offered += kind is faq.Outcome.CHOICE
            if show and kind is faq.Outcome.ANSWER:
                print(f"  off-topic answered {case.text!r} -> {topics}")
            continue
        tally.on += 1
        wanted = set(labels[case.label]["topics"])
        if kind is faq.Outcome.ANSWER and topics[0] in wanted:
            tally.right += 1
            continue
        if kind is faq.Outcome.CHOICE and wanted & set(topics):
            if len(topics) == 1:
                tally.offered_one += 1
            else:
                tally.offered_two += 1
        elif kind in (faq.Outcome.MISS, faq.Outcome.OFF_TOPIC):
            tally.miss += 1
        else:
            tally.wrong += 1
        if show:
            print(f"  {case.label:<22} {kind.value:<9} {topics} {case.text!r}")
    return tally


@contextmanager
def constants(**values: Any) -> Iterator[None]:
    saved = {name: getattr(faq, name) for name in values}
    for name, value in values.items():
        setattr(faq, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(faq, name, value)


def build(content: Mapping[str, Any]) -> faq.FaqIndex:
    return faq.FaqIndex.build(
        faq.topics_from(content["faq"]), faq.lexicon_from(content["faq_lexicon"])
    )


GRID: dict[str, tuple[Any, ...]] = {
    "UNKNOWN_WEIGHT": (0.45, 0.6),
    "COVERAGE": (1 / 3, 0.5),
    "DOMINANT": (0.0, 0.4, 0.5),
    "BOTH_SHARE": (0.2, 0.3),
}


def skill_figures() -> int:
    """The blind questions' figures through the whole skill (questions_measure), by half."""
    report = qm.measure("dev")
    seen: Counter[str] = Counter()
    halves: dict[str, list[Any]] = {"blind": [], "check": []}
    for row in report.results:
        question = row[0]
        if question.persona.startswith(BLIND):
            seen[question.label] += 1
            halves["check" if seen[question.label] % 2 == 0 else "blind"].append(row)
    for name, rows in halves.items():
        for line in qm.Report(f"{name} half", rows).lines(per_topic=False):
            print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--grid", action="store_true", help="try the GRID of constants")
    parser.add_argument("--show", action="store_true", help="list what was not answered right")
    parser.add_argument(
        "--skill", action="store_true", help="the blind halves through the whole skill"
    )
    parser.add_argument(
        "--set", action="append", default=[], help="NAME=VALUE: a constant to try (Python literal)"
    )
    args = parser.parse_args(argv)
    for item in args.set:
        name, value = item.split("=", 1)
        setattr(faq, name, ast.literal_eval(value))
    content = dict(load_source()["en"])
    labels = yaml.safe_load((EVAL / "questions_topics.yaml").read_text("utf-8"))["labels"]
    all_cases = cases()
    tune = [c for c in all_cases if c.part != "check"]
    blind = [c for c in all_cases if c.part == "blind"]
    check = [c for c in all_cases if c.part == "check"]
    if args.skill:
        return skill_figures()
    if not args.grid:
        index = build(content)
        print("tune :", score(index, tune, labels, args.show).line())
        print("blind:", score(index, blind, labels).line())
        print("check:", score(index, check, labels).line())
        return 0
    names = list(GRID)
    for values in itertools.product(*(GRID[n] for n in names)):
        setting = dict(zip(names, values, strict=True))
        with constants(**setting):
            index = build(content)  # UNKNOWN_WEIGHT is read at build time
            t, b = score(index, tune, labels), score(index, blind, labels)
            c = score(index, check, labels)
        shown = " ".join(f"{n}={v}" for n, v in setting.items())
        print(f"{shown}\n  tune : {t.line()}\n  blind: {b.line()}\n  check: {c.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
