"""What the generated content files (tools.faq_model, tools.red_flag_model) share: the
counts a naive Bayes classifier learns (`tally`), and the command line that writes the file,
or with --check says whether it drifted."""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any


def tally(items: Iterable[tuple[Iterable[str], str]], min_count: int) -> dict[str, dict[str, Any]]:
    """Per label: how many texts, and how many of them had each feature; a feature seen
    fewer than `min_count` times over all labels is left out (it says little)."""
    by_label: dict[str, Counter[str]] = defaultdict(Counter)
    docs: Counter[str] = Counter()
    for found, label in items:
        docs[label] += 1
        by_label[label].update(found)
    overall: Counter[str] = Counter()
    for c in by_label.values():
        overall.update(c)
    return {
        label: {
            "docs": docs[label],
            "counts": {f: n for f, n in sorted(by_label[label].items()) if overall[f] >= min_count},
        }
        for label in sorted(docs)
    }


def render_labels(model: Mapping[str, Any], module: str, kind: str) -> str:
    """A counts file as content: JSON with one label per line, sorted as given. JSON has no
    comments, so the file says what made it in a key of its own."""
    made = f"python -m {module} (do not edit)"
    lines = [f"  {json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in model.items()]
    return (
        f'{{"generated_by": "{made}", "kind": "{kind}", "items": {{\n'
        + ",\n".join(lines)
        + "\n}}\n"
    )


def main(
    doc: str | None, build: Callable[[], str], path: Path, module: str, argv: list[str] | None
) -> int:
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the file drifted")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        same = path.exists() and path.read_text("utf-8") == text
        print("up to date" if same else f"{path} differs: run python -m {module}")
        return 0 if same else 1
    path.write_text(text, "utf-8")
    print(f"wrote {path} ({len(text.encode('utf-8'))} bytes)")
    return 0
