"""The whole skill on one set with the classifier trained without that set (issue 15).

    PYTHONPATH=lambda:. .venv/bin/python -m bench.faq_matchers.skill_folds holdout9 --model fold
    PYTHONPATH=lambda:. .venv/bin/python -m bench.faq_matchers.skill_folds holdout9 --model none

`--model fold`: the content's `faq_model` is replaced by counts from every readable set but
the measured one, so the figure is an honest one for that set (the shipped model learned
from it). `--model none`: no model (the matcher alone, as before round 10). `--model
shipped`: the committed model (a training-set figure for a readable set).
"""

from __future__ import annotations

import argparse
from typing import Any

from tests.eval import questions_measure as qm
from tools import faq_model
from tools.content_source import load_source


def content(held: str, model: str) -> dict[str, Any]:
    source: dict[str, Any] = load_source()
    en = dict(source["en"])
    if model == "none":
        en.pop("faq_model", None)
    elif model == "fold":
        names = [n for n in faq_model.READABLE if n != held]
        en["faq_model"] = faq_model.counts(faq_model.index(en), faq_model.questions(names))
    return {**source, "en": en}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("set", choices=faq_model.READABLE)
    parser.add_argument("--model", choices=("fold", "none", "shipped"), default="fold")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    chosen = content(args.set, args.model)

    def seeded() -> dict[str, Any]:
        return chosen

    # What local_skill seeds: the module's own name for load_source.
    setattr(qm, "load_source", seeded)  # noqa: B010
    report = qm.measure(args.set)
    if args.show:
        for line in report.failures():
            print(line)
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
