"""Whether a mechanics change left the matchers' outputs alone: `python -m bench.same_outputs`.

Writes, for every statement of the readable sets (dev, dev9 and the retired held-out sets,
questions and red flags, and the FAQ phrasings of the unit tests) plus spliced and random
word salad made from those statements' and the red-flag phrases' own words (seeded, so the
same texts each time), the red flags `raised` finds and what `FaqIndex.match` decides, as
one JSON file. Run it before and after a change and compare the files (`cmp`): a speed-up
must leave them byte-identical. Never reads the frozen sets or a held-out set still blind.

    PYTHONPATH=lambda:. .venv/bin/python -m bench.same_outputs /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from hamstring_coach.domain import faq, red_flags
from tools.content_source import load_source

TESTS = Path(__file__).resolve().parents[1] / "tests"
READABLE = ("dev", "dev9", "holdout", *(f"holdout{n}" for n in range(3, 10)))


def _strings(node: object, out: list[str]) -> None:
    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, dict):
        for value in node.values():
            _strings(value, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out)


def readable_texts() -> list[str]:
    texts: list[str] = []
    for name in READABLE:
        questions = yaml.safe_load((TESTS / "eval" / f"questions_{name}.yaml").read_text("utf-8"))
        texts += [str(q["q"]) for q in questions["questions"]]
        flags_file = TESTS / "eval" / f"red_flags_{name}.yaml"
        if flags_file.exists():
            for rows in yaml.safe_load(flags_file.read_text("utf-8")).values():
                if isinstance(rows, list):
                    texts += [str(r["text"]) for r in rows if isinstance(r, dict) and "text" in r]
    _strings(yaml.safe_load((TESTS / "unit" / "faq_phrasings.yaml").read_text("utf-8")), texts)
    return texts


def salad(real: list[str], flag_content: object, count: int, seed: int = 10) -> list[str]:
    """Random word strings from the statements' and phrases' words, and two statements
    spliced with a joining word: the shapes of negation, clauses and gaps no set has."""
    words: set[str] = {w for t in real for w in t.lower().split()}
    phrases: list[str] = []
    _strings(flag_content, phrases)
    words.update(w.strip("*") for p in phrases for w in p.lower().split() if w != "...")
    vocab = sorted(words)
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(count):
        if rng.random() < 0.5:
            out.append(" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 25))))
        else:
            a, b = rng.choice(real).split(), rng.choice(real).split()
            joint = rng.choice(["", "but", "and", "no", "not"]).split()
            out.append(" ".join(a[: rng.randint(0, len(a))] + joint + b[rng.randint(0, len(b)) :]))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--salad", type=int, default=6000, help="random texts added")
    args = parser.parse_args(argv)
    source = load_source()["en"]
    real = readable_texts()
    texts = real + salad(real, source["red_flag"], args.salad)
    flags = red_flags.load(source["red_flag"])
    index = faq.FaqIndex.build(
        faq.topics_from(source["faq"]), faq.lexicon_from(source["faq_lexicon"])
    )
    rows: list[list[Any]] = []
    started = time.process_time()
    for text in texts:
        rows.append([text, [f.id for f in red_flags.raised(text, flags)]])
    flagged = time.process_time()
    for row, text in zip(rows, texts, strict=True):
        found = index.match(text)
        row.append([found.outcome.name, list(found.topics), round(found.score, 12)])
    matched = time.process_time()
    n = len(texts)
    print(
        f"{n} texts, {sum(1 for r in rows if r[1])} raise a flag; CPU a text: red flags "
        f"{1000 * (flagged - started) / n:.3f} ms, "
        f"FAQ match {1000 * (matched - flagged) / n:.3f} ms",
        file=sys.stderr,
    )
    args.out.write_text(json.dumps(rows, indent=0) + "\n", "utf-8")


if __name__ == "__main__":
    main()
