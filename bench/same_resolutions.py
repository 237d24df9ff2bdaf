"""Whether a resolver change left every resolution alone: `python -m bench.same_resolutions OUT`.

Resolves, with local.resolver, every readable text the eval tier and the tests type (the
questions and red-flag statements of dev, dev9 and the retired held-out sets), the ways the
eval harness says them (in session; one-shot as "ask hamstring coach ..." and the set's own
one-shot form; "open hamstring coach and ..."), the short ones also while the skill elicits
a slot (Dialog.ElicitSlot, each slot the model lets it elicit), and every sample of the model
and built-in phrase with its slots filled. Writes each full Resolution (request type,
intent, slots with their resolutions, new session, matched sample) as one JSON file and the
mean time per resolve on stderr. Run it before and after a change and compare (`cmp`): a
speed-up must leave the files byte-identical. Never reads the frozen sets or a held-out set
still blind (only the sets named in READABLE).

    PYTHONPATH=lambda:. .venv/bin/python -m bench.same_resolutions /tmp/before.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from local.resolver import Resolver

EVAL = Path(__file__).resolve().parents[1] / "tests" / "eval"
READABLE = ("dev", "dev9", "holdout", *(f"holdout{n}" for n in range(3, 15)))
# Answers a person gives when asked "what time?" (and some that are no time at all).
TIMES = (
    "7 pm",
    "seven",
    "at seven in the morning",
    "half past seven",
    "25 o'clock",
    "banana bread",
    "noon",
    "8",
    "every weekday at 8",
    "quarter to nine",
    "stop",
    "help",
    "yes",
)
_SHORT = 6  # words: texts this short are also tried as the answer to an elicited slot


def _texts() -> list[tuple[str, str]]:
    """(text, its set's one-shot form or "") for every readable question and statement."""
    out: list[tuple[str, str]] = []
    for name in READABLE:
        path = EVAL / f"questions_{name}.yaml"
        if path.exists():
            for q in yaml.safe_load(path.read_text("utf-8"))["questions"]:
                out.append((str(q["q"]), str(q.get("one_shot") or "")))
        path = EVAL / f"red_flags_{name}.yaml"
        if path.exists():
            data = yaml.safe_load(path.read_text("utf-8"))
            for item in data.get("red_flags", []) + data.get("non_red_flags", []):
                out.append((str(item["text"]), ""))
    return out


def _filled(resolver: Resolver, text: str) -> str:
    """A sample with each {slot} replaced by a value a person might say."""
    for name, slot_type in sorted(
        {s: t for slots in resolver.intents.values() for s, t in slots.items()}.items()
    ):
        value = resolver.example_value(slot_type) or {
            "AMAZON.NUMBER": "five",
            "AMAZON.TIME": "7 pm",
        }.get(slot_type, "my hamstring")
        text = text.replace("{" + name + "}", value)
    return text


def cases(resolver: Resolver) -> list[tuple[str, str, tuple[str, str] | None]]:
    """(way, text, eliciting) for every resolve the check makes, in a fixed order."""
    eliciting = sorted(k for k, v in resolver._slot_samples.items() if v)
    out: list[tuple[str, str, tuple[str, str] | None]] = []
    for text, one_shot in _texts():
        out.append(("in session", text, None))
        out.append(("one-shot", f"ask hamstring coach {text}", None))
        if one_shot:
            out.append(("one-shot (set)", one_shot, None))
        out.append(("open and", f"open hamstring coach and {text}", None))
        if len(text.split()) <= _SHORT:
            out.extend(("eliciting", text, pair) for pair in eliciting)
    for sample in resolver._samples:
        out.append(("sample", _filled(resolver, sample.text), None))
    for text in TIMES:
        out.extend(("eliciting", text, pair) for pair in eliciting)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--every",
        type=int,
        default=1,
        help="only every Nth case (the resolver before an index takes ~80 ms a text under load)",
    )
    args = parser.parse_args(argv)
    resolver = Resolver.for_locale("en-US")
    todo = cases(resolver)[:: args.every]
    rows: list[dict[str, Any]] = []
    began = time.perf_counter()
    for way, text, eliciting in todo:
        resolution = resolver.resolve(text, eliciting)
        rows.append(
            {
                "way": way,
                "text": text,
                "eliciting": eliciting,
                "resolution": dataclasses.asdict(resolution),
            }
        )
    spent = time.perf_counter() - began
    args.out.write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", "utf-8")
    print(
        f"{len(rows)} resolves in {spent:.1f} s: {spent / len(rows) * 1000:.2f} ms each",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
