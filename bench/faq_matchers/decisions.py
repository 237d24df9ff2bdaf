"""How often each kind of matcher decision is right, over many evaluation sets together (issue 15).

    PYTHONPATH=lambda:. .venv/bin/python -m bench.faq_matchers.decisions record holdout6 dev ...
    PYTHONPATH=lambda:. .venv/bin/python -m bench.faq_matchers.decisions kinds

`record` runs each question of the named sets through the whole skill, in session, and keeps
what the matcher was given on that turn (the words after the carrier phrase, as the
interaction model hands them over) with the question's label, in `.local/decisions.json`.
Only questions the matcher decided are kept (not Fallback, red flags, walkthroughs or the
dedicated intents' answers). `kinds` re-decides every kept question with the code as it is
now and counts, per kind of outcome (answer; "did you mean" about one topic or two, by the
rule that stopped the answer; miss; off topic), how often the first topic offered is right
and how many off-topic questions land there: the measure for choosing when a "did you
mean" should simply be answered. Never run it on a set nobody may read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hamstring_coach.domain import faq
from local.dialog import TextSession
from tests.eval import questions_measure as qm
from tools.content_source import load_source
from tools.faq_model import READABLE  # the sets that may be read and tuned on

CACHE = Path(__file__).resolve().parents[2] / ".local" / "decisions.json"


@contextmanager
def matcher_calls() -> Iterator[list[str]]:
    """Every question text FaqIndex.match is given while inside."""
    seen: list[str] = []
    index_class: Any = faq.FaqIndex
    original = index_class.match

    def record(self: Any, question: str) -> faq.Match:
        seen.append(question)
        result: faq.Match = original(self, question)
        return result

    index_class.match = record
    try:
        yield seen
    finally:
        index_class.match = original


def record(names: Sequence[str]) -> list[dict[str, Any]]:
    """Each question's matcher input, label and what the skill did, in session."""
    rows: list[dict[str, Any]] = []
    with qm.local_skill() as handler:
        for name in names:
            for question in qm.load_set(name):
                if question.label in ("howto", "red_flag"):
                    continue
                chat = TextSession(handler, qm._resolver())
                chat.say(f"open {qm.INVOCATION}")
                with matcher_calls() as calls, qm.recorded_signals() as seen:
                    exchange = chat.say(question.text)
                outcome = qm.classify(
                    str(exchange.resolution.intent or ""), exchange.response or {}, seen
                )
                if outcome.kind not in ("answer", "choice", "miss") or not calls:
                    continue
                rows.append(
                    {
                        "set": name,
                        "label": question.label,
                        "persona": question.persona,
                        "text": calls[-1],
                        "kind": outcome.kind,
                        "detail": list(outcome.detail),
                    }
                )
    return rows


def kind_of(index: faq.FaqIndex, text: str) -> tuple[str, faq.Match]:
    """The outcome and, for a "did you mean", which rule stopped the answer."""
    found = index.match(text)
    if found.outcome is not faq.Outcome.CHOICE:
        return str(found.outcome), found
    reading = index.read(text)
    return f"choice{len(found.topics)}:{index.why_not(reading)}", found


def kinds(rows: Sequence[Mapping[str, Any]], show: str = "") -> list[str]:
    labels = qm.load_labels()["labels"]
    index = _index()
    right: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        kind, found = kind_of(index, str(row["text"]))
        label = str(row["label"])
        cell = right[kind]
        cell["n"] += 1
        if label == "off_topic":
            cell["off"] += 1
            verdict = "off"
        elif found.topics and found.topics[0] in labels[label].get("topics", ()):
            cell["first"] += 1
            verdict = "first"
        elif set(found.topics) & set(labels[label].get("topics", ())):
            cell["second"] += 1
            verdict = "second"
        else:
            verdict = "wrong"
        if show and kind.startswith(show) and verdict != "first":
            print(f"{kind:<24} {verdict:<6} {label:<22} {row['text']!r} -> {found.topics}")
    lines = [f"{'kind':<26} {'n':>5} {'on':>5} {'1st right':>10} {'2nd':>4} {'off':>4}"]
    for kind in sorted(right):
        c = right[kind]
        on = c["n"] - c["off"]
        share = c["first"] / on if on else 0.0
        lines.append(f"{kind:<26} {c['n']:>5} {on:>5} {share:>9.1%} {c['second']:>4} {c['off']:>4}")
    return lines


def _index() -> faq.FaqIndex:
    content = load_source()["en"]
    lexicon = faq.lexicon_from(content["faq_lexicon"])
    return faq.FaqIndex.build(faq.topics_from(content["faq"]), lexicon)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("sets", nargs="+", choices=READABLE)
    show = sub.add_parser("kinds")
    show.add_argument("--show", default="", help="list the misses of kinds starting so")
    args = parser.parse_args(argv)
    if args.command == "record":
        rows = record(args.sets)
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_text(json.dumps(rows), "utf-8")
        print(f"{len(rows)} matcher decisions kept in {CACHE}")
        return 0
    for line in kinds(json.loads(CACHE.read_text("utf-8")), args.show):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
