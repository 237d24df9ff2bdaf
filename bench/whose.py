"""Texts said about someone else (round 16, who16): every readable question and red-flag
statement whose subject is another person (a first name, "my husband / mum / mate...", or
he / she / his / her), how the resolver placed it and what the whole skill did, by kind.

    PYTHONPATH=lambda:. python -m bench.whose            # the table
    PYTHONPATH=lambda:. python -m bench.whose --show 80  # and the failures
    ... --json /tmp/x.json                                # every outcome, to compare runs

Readable sets only (dev, dev9, holdout, holdout3..holdout15); never frozen or a held-out set
still held out. The whole skill runs (the moto store), so a full run takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.eval import harness, questions_measure
from tools import faq_model
from tools.content_source import load_source

# The question model's readable sets (a superset of the red-flag ones): one list, moved on at
# each retirement.
READABLE = faq_model.READABLE

RELATIONS = frozenset(
    [
        "husband",
        "hubby",
        "wife",
        "missus",
        "son",
        "daughter",
        "dad",
        "daddy",
        "father",
        "mum",
        "mam",
        "mom",
        "mother",
        "mommy",
        "partner",
        "mate",
        "friend",
        "pal",
        "client",
        "clients",
        "patient",
        "patients",
        "brother",
        "sister",
        "boyfriend",
        "girlfriend",
        "grandad",
        "granddad",
        "grandpa",
        "grandma",
        "gran",
        "granny",
        "nan",
        "nana",
        "uncle",
        "aunt",
        "auntie",
        "boss",
        "colleague",
        "neighbour",
        "neighbor",
        "kid",
        "kids",
        "child",
        "boy",
        "girl",
        "lad",
        "lass",
        "grandson",
        "granddaughter",
        "nephew",
        "niece",
        "cousin",
        "fiance",
        "fiancee",
        "buddy",
        "teammate",
        "player",
        "athlete",
        "student",
        "students",
        "lodger",
        "housemate",
        "flatmate",
        "father-in-law",
        "mother-in-law",
    ]
)
_REL = re.compile(
    r"\b(?:my|our|me|ma|mi)\s+(?:\w+\s+)?(?:"
    + "|".join(map(re.escape, sorted(RELATIONS)))
    + r")(?:'s|s)?\b"
)
_PRONOUN = re.compile(r"\b(?:he|she|he's|she's|his|him|her|hers|himself|herself)\b")
# The first names the readable sets' personas speak for (checked by hand: every capitalised
# word in the sets is a name, a day, a month, a place or a sentence's first word).
_NAME = re.compile(r"\b(?:derek|gwyn|jean|ron|margaret)\b")


def subject(text: str) -> str | None:
    """name, relation or pronoun: the first that the text has; None for the person's own."""
    low = text.lower()
    if _NAME.search(low):
        return "name"
    if _REL.search(low):
        return "relation"
    if _PRONOUN.search(low):
        return "pronoun"
    return None


def items() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for name in READABLE:
        if name in questions_measure.SETS:
            for q in questions_measure.load_set(name):
                kind = subject(q.text)
                if kind:
                    found.append({"set": name, "group": "question", "who": kind, "q": q})
        if name in harness.SETS:
            red, calm = harness.load(name)
            for group, statements in (("rf_red", red), ("rf_calm", calm)):
                for s in statements:
                    kind = subject(s.text)
                    if kind:
                        found.append({"set": name, "group": group, "who": kind, "s": s})
    return found


def run(found: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    labels = questions_measure.load_labels()
    lines = load_source()["en"]["line"]
    classifier = harness.Classifier(lines)
    resolver = questions_measure._resolver()
    out: list[dict[str, Any]] = []
    with questions_measure.local_skill() as app:
        for item in found:
            if item["group"] == "question":
                q = item["q"]
                outcomes = questions_measure.ask(app, q)
                for way, o in outcomes.items():
                    v = questions_measure.verdict(q, o, labels)
                    good = v in ("right", "routed", "honest", "offered")
                    out.append(
                        {
                            "set": item["set"],
                            "group": "question",
                            "who": item["who"],
                            "label": q.label,
                            "way": way,
                            "text": q.text,
                            "intent": o.intent,
                            "verdict": v,
                            "good": good,
                        }
                    )
            else:
                s = item["s"]
                for h in harness.run_one(app, resolver, classifier, s):
                    if item["group"] == "rf_red":
                        under = False
                        if h.level is not None and s.level is not None:
                            given = "urgent" if h.level == "check" else h.level
                            under = harness.LEVELS.index(given) < harness.LEVELS.index(s.level)
                        v = "missed" if h.level is None else ("under" if under else "flagged")
                        good = v == "flagged"
                    else:
                        v = "calm" if h.level is None else "false_alarm"
                        good = v == "calm"
                    out.append(
                        {
                            "set": item["set"],
                            "group": item["group"],
                            "who": item["who"],
                            "label": s.row or "calm",
                            "way": h.mode,
                            "text": s.text,
                            "intent": h.intent.split()[0] if h.intent else "",
                            "verdict": v,
                            "good": good,
                        }
                    )
    return out


def table(rows: Sequence[dict[str, Any]]) -> list[str]:
    lines = [
        "| group | who | texts (x2 ways) | good | Fallback | verdicts |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    keys = sorted({(r["group"], r["who"]) for r in rows})
    for group, who in keys:
        chosen = [r for r in rows if r["group"] == group and r["who"] == who]
        good = sum(r["good"] for r in chosen)
        fb = sum("Fallback" in r["intent"] for r in chosen)
        verdicts = Counter(r["verdict"] for r in chosen)
        vs = ", ".join(f"{k} {n}" for k, n in verdicts.most_common())
        lines.append(f"| {group} | {who} | {len(chosen)} | {good} | {fb} | {vs} |")
    total = len(rows)
    lines.append(
        f"| all | all | {total} | {sum(r['good'] for r in rows)} | "
        f"{sum('Fallback' in r['intent'] for r in rows)} | |"
    )
    return lines


def main(argv: Sequence[str] | None = None) -> None:  # pragma: no cover - a console entry
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--show", type=int, default=0, help="list up to N failures")
    parser.add_argument("--json", type=Path, help="write every outcome here")
    parser.add_argument("--against", type=Path, help="an earlier --json to compare with")
    args = parser.parse_args(argv)
    rows = run(items())
    print("\n".join(table(rows)))
    if args.json:
        args.json.write_text(json.dumps(rows))
    if args.against:
        before = {
            (r["text"], r["way"], r["group"]): r for r in json.loads(args.against.read_text())
        }
        for r in rows:
            b = before.get((r["text"], r["way"], r["group"]))
            if b and b["good"] != r["good"]:
                sign = "+" if r["good"] else "-"
                where = f"{r['set']}/{r['group']}/{r['way']}"
                print(f"{sign} [{where}] {b['verdict']}->{r['verdict']} {r['intent']}: {r['text']}")
    if args.show:
        bad = [r for r in rows if not r["good"] and r["way"] in ("in_session", "in session")]
        for r in bad[: args.show]:
            where = f"{r['set']}/{r['group']}/{r['who']}/{r['label']}"
            print(f"[{where}] {r['verdict']} {r['intent']}: {r['text']}")


if __name__ == "__main__":  # pragma: no cover
    main()
