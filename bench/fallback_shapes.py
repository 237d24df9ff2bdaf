"""Every readable text the resolver still sends to AMAZON.FallbackIntent, with its label
(round fb22): `python -m bench.fallback_shapes OUT.json`.

Unlike bench.fallbacks (its own READABLE list), this reads every set the measures name
(tests/eval/questions_measure.SETS and harness.SETS) except the frozen ones and the newest
held-out set (still blind: questions_measure.newest_held_out, so a retirement needs no
edit), both in session and one-shot, and writes {text: intent} for every text so two models
can be compared (`--against OLD.json` lists every text whose intent moved).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from local.resolver import FALLBACK, Resolver
from tests.eval import harness, questions_measure

BLIND = ("frozen", questions_measure.newest_held_out())


def texts() -> list[tuple[str, str, str]]:
    """(set, label, text) for every readable question, red flag and calm statement, each
    also in its one-shot form."""
    out: list[tuple[str, str, str]] = []
    for name in questions_measure.SETS:
        if name in BLIND:
            continue
        for q in questions_measure.load_set(name):
            out += [(name, q.label, q.text), (name, q.label + "/1shot", q.one_shot)]
    for name in harness.SETS:
        if name in BLIND:
            continue
        red, calm = harness.load(name)
        for s in red:
            out += [(name, f"RF:{s.row}", s.text)]
            out += [(name, f"RF:{s.row}/1shot", f"ask hamstring coach {s.text}")]
        for s in calm:
            out += [(name, "calm", s.text), (name, "calm/1shot", f"ask hamstring coach {s.text}")]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    resolver = Resolver.for_locale("en-US")
    found: dict[str, str] = {}
    falls: list[str] = []
    for name, label, text in texts():
        if text not in found:
            got = resolver.resolve(text)
            found[text] = got.intent or got.request_type
        if found[text] == FALLBACK:
            falls.append(f"{name}\t{label}\t{text}")
    args.out.write_text(json.dumps(found, indent=0))
    print("\n".join(falls))
    print(f"fallback: {len(falls)} of {len(found)} texts")
    if args.against:
        old = json.loads(args.against.read_text())
        for text, intent in old.items():
            if text in found and found[text] != intent:
                print(f"MOVED {intent} -> {found[text]}  {text}")


if __name__ == "__main__":
    main()
