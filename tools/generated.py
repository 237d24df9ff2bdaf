"""The command line shared by the generated content files (tools.faq_model,
tools.red_flag_model): write the file, or with --check say whether it drifted."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


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
