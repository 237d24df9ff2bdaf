"""Misheard words read by sound (Round 17, sound17): what the reading changes, pooled.

    PYTHONPATH=lambda:. .venv/bin/python -m bench.sound_readings [--show] [--unknown FILE]

Every readable question set (not the frozen one, nor the one being written blind) as the
interaction model hands its questions to the matcher (the words after a carrier phrase):
each question read with and without `faq.SOUND_READING`, matched with the learned second
opinion and without. Prints the re-readings and, pooled, the right answers gained and
lost, wrong answers created, off-topic questions answered. `--unknown FILE` writes every
word the matcher does not know, with its count and an example, for the table in
docs/questions.md. The red-flag sets' lines are read too, to count re-readings there.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from hamstring_coach.domain import faq
from local.resolver import Resolver
from tests.eval import questions_measure as qm
from tools.content_source import load_source

EVAL = Path(__file__).resolve().parents[1] / "tests" / "eval"


def readable() -> list[str]:
    return [name for name in qm.SETS if name not in ("frozen", qm.newest_held_out())]


@contextmanager
def sound_reading(on: bool) -> Iterator[None]:
    saved = faq.SOUND_READING
    faq.SOUND_READING = on
    try:
        yield
    finally:
        faq.SOUND_READING = saved


def build(content: Mapping[str, Any], on: bool) -> faq.FaqIndex:
    with sound_reading(on):
        return faq.FaqIndex.build(
            faq.topics_from(content["faq"]),
            faq.lexicon_from(content["faq_lexicon"]),
            content.get("faq_model"),
        )


def cases(resolver: Resolver) -> list[tuple[str, str, str]]:
    """(set, text the matcher gets, label) for every readable question that reaches it."""
    out = []
    for name in readable():
        for q in qm.load_set(name):
            if q.label in ("howto", "red_flag"):
                continue
            resolved = resolver.resolve(q.text)
            if resolved.intent != "QuestionIntent":
                continue
            out.append((name, resolved.slot_value("query") or q.text, q.label))
    return out


def outcome(found: faq.Match, label: str, labels: Mapping[str, Any]) -> str:
    if label == "off_topic":
        return "off_answered" if found.outcome is faq.Outcome.ANSWER else "off_ok"
    wanted = set(labels[label]["topics"])
    if found.outcome is faq.Outcome.ANSWER:
        return "right" if found.topics[0] in wanted else "wrong"
    if found.outcome is faq.Outcome.CHOICE:
        return "offered" if wanted & set(found.topics) else "offered_wrong"
    return "miss"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list every re-read question")
    parser.add_argument("--unknown", help="write the words the matcher does not know here")
    args = parser.parse_args(argv)
    content = dict(load_source()["en"])
    labels = yaml.safe_load(qm.LABELS.read_text("utf-8"))["labels"]
    off, on = build(content, False), build(content, True)
    items = cases(Resolver.for_locale("en-US"))
    tally: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    example: dict[str, str] = {}
    for name, text, label in items:
        before, after = off.read(text), on.read(text)
        for term in before.terms:
            if term not in off._known and not term.startswith(faq.FRAME_MARK):
                unknown[term] += 1
                example.setdefault(term, text)
        if before.terms == after.terms:
            continue
        tally["re-read"] += 1
        for learned in (False, True):
            was = outcome(off.match(text, learned), label, labels)
            now = outcome(on.match(text, learned), label, labels)
            tag = "learned" if learned else "bm25"
            tally[f"{tag} {was}->{now}"] += was != now
            if args.show and learned:
                print(f"{name:<10} {label:<22} {was:>13} -> {now:<13} {text!r}")
                print(f"{'':>34} {' '.join(after.terms)}")
    print(f"questions reaching the matcher: {len(items)}; re-read: {tally['re-read']}")
    for k, v in sorted(tally.items()):
        if v and k != "re-read":
            print(f"  {k}: {v}")
    red = 0
    for path in sorted(EVAL.glob("red_flags_*.yaml")):
        if qm.newest_held_out() in path.name or "frozen" in path.name:
            continue
        for row in yaml.safe_load(path.read_text("utf-8"))["red_flags"]:
            text = str(row["text"])
            if off.read(text).terms != on.read(text).terms:
                red += 1
                if args.show:
                    print(f"  red-flag set {path.stem} {row.get('level')}: {text!r}")
                    print(f"      {' '.join(on.read(text).terms)}")
    print(f"red-flag set lines re-read: {red}")
    if args.unknown:
        lines = [f"{n}\t{w}\t{example[w]}" for w, n in unknown.most_common()]
        Path(args.unknown).write_text("\n".join(lines) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
