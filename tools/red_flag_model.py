"""The red-flag classifier's counts, learned from the labelled red-flag statements (rf14).

    PYTHONPATH=lambda:. .venv/bin/python -m tools.red_flag_model          # writes the file
    PYTHONPATH=lambda:. .venv/bin/python -m tools.red_flag_model --check  # fails when it drifted

The question classifier's code (domain/faq_classifier.py), given other labels: every
statement of the READABLE red-flag sets (tests/eval/red_flags_*.yaml: dev and the retired
held-out sets; never the frozen set, never a held-out set still blind) labelled with its row,
and their calm lines labelled `calm`, each read as the red-flag matcher reads it (its
contractions and rewrites: domain/red_flags.py `read`). The counts are content: the item
`learned` of kind `red_flag` (content/en/red_flag_model.json), which domain/red_flags.py asks
only when its rules raised nothing (a second opinion that may only raise). Deterministic; a
test fails when the committed file is not what this builds: re-run it after a change to the
red-flag words or a readable set. Measured leave-one-set-out: bench/red_flag_folds.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.faq_classifier import features
from tools import generated
from tools.content_source import CONTENT_ROOT, load_source

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
MODEL_FILE = CONTENT_ROOT / "en" / "red_flag_model.json"
KIND = "red_flag"
ITEM = red_flags.LEARNED_ITEM  # the item domain/red_flags.py `load` reads the counts from
CALM = "calm"  # the label of a calm line (no red flag)
# A soon row's statements keep a label of their own, so the classifier still tells them
# apart, but one that names no flag: the skill raises nothing on it. Their words turn on a
# direction a bag of words cannot read ("it's a lot better after six weeks" and "no better
# after six weeks"; losing weight on purpose or not): leave-one-set-out, letting the
# classifier raise them doubled its false alarms (docs/safety-net.md, Round 14).
QUIET = "quiet:"
# The sets the model may learn from: dev and every retired held-out set. A blind held-out
# set joins only once it is retired (its later figures would be training-set figures).
READABLE = (
    "dev",
    "holdout",
    "holdout3",
    "holdout4",
    "holdout5",
    "holdout6",
    "holdout7",
    "holdout8",
    "holdout9",
    "holdout10",
    "holdout11",
    "holdout12",
    "holdout13",
    # (rf15) retired at the start of round 15, after its one measurement (2f5c497)
    "holdout14",
    # (rfq16) retired at the start of round 16, after its one measurement (8828c25)
    "holdout15",
    # (learn17) retired at the start of round 17, after its one measurement (c17d94c)
    "holdout16",
    # retired at the start of round 18, after its one measurement (436d869)
    "holdout17",
    # retired at the start of round 19, after its one measurement (fb033b9)
    "holdout18",
    # retired at the start of round 20, after its one measurement (dfc5393)
    "holdout19",
    # retired at the start of round 21, after its one measurement (6a860d8)
    "holdout20",
    # retired at the start of round 22, after its one measurement (539131c)
    "holdout21",
    # retired at the start of round 23, after its one measurement (70abf34)
    "holdout22",
    # retired at the start of round 24, after its one measurement (5604692)
    "holdout23",
    # retired at the start of round 25, after its one measurement (0c56491)
    "holdout24",
    # retired at the start of round 26, after its one measurement (b4ac158)
    "holdout25",
    # retired at the start of round 27, after its one measurement (31a0b52)
    "holdout26",
    # retired mid-round 27, after its one measurement (e95f6ea)
    "holdout27",
    # retired at the start of round 28, after its one measurement (52e0ccf)
    "holdout28",
    # retired mid-round 28, after its one measurement (9cd2fab)
    "holdout29",
    # retired at the start of round 29, after its one measurement (255d7a7, again on a780c42)
    "holdout30",
    # retired at the start of round 30, after its one measurement (9a18965, again on 7a49010)
    "holdout31",
    # retired at the start of round 31, after its one measurement (28cef71, again on 2a2d48a)
    "holdout32",
    # retired at the start of round 32, after its one measurement (1446c59, again on 8ba95d4)
    "holdout33",
    # retired at the start of round 33, after its one measurement (a40e180, again on c5e4828)
    "holdout34",
    # retired at the start of round 34, after its one measurement (ef74f83, again on 1cafa04)
    "holdout35",
    # retired at the start of round 35, after its one measurement (18a00a4, again on e999a20)
    "holdout36",
    # retired at the start of round 36, after its one measurement (1029c70, again on 467908a)
    "holdout37",
    # retired at the start of round 37, after its one measurement (c4be9e6, again on cbd1e72)
    "holdout38",
    # retired at the start of round 38, after its one measurement (43497b1, again on 535e837)
    "holdout39",
    # retired at the start of round 39, after its one measurement (9b2b7b1, again on 188f541)
    "holdout40",
    # retired at the start of round 40, after its one measurement (2b8377e, again on ff0493b)
    "holdout41",
    # retired at the start of round 41, after its one measurement (3562f09, again on 24c84b6)
    "holdout42",
    # retired at the start of round 42, after its one measurement (67df928, again on aab5df0)
    "holdout43",
    # retired at the start of round 43, after its one measurement (27f5b9d, again on d63d5b7)
    "holdout44",
    # retired at the start of round 44, after its one measurement (48f9b12, again on 1a040e4)
    "holdout45",
    # retired at the start of round 45, after its one measurement (4029245, again on 93620b8)
    "holdout46",
    # retired at the start of round 46, after its one measurement (a2d9017, again on f4b042b)
    "holdout47",
    # retired at the start of round 47, after its one measurement (404a454, again on 52bf81f)
    "holdout48",
)
# As tools/faq_model.py: a feature seen fewer times over all the sets is left out.
MIN_COUNT = 3


def statements(names: Iterable[str] = READABLE) -> list[tuple[str, str]]:
    """(statement, its row or `calm`) for every statement of the named sets, in file order;
    a soon row's label starts QUIET."""
    out: list[tuple[str, str]] = []
    for name in names:
        data = yaml.safe_load((EVAL / f"red_flags_{name}.yaml").read_text("utf-8"))
        out.extend(
            (str(i["text"]), ("" if i["level"] != "soon" else QUIET) + str(i["row"]))
            for i in data["red_flags"]
        )
        out.extend((str(i["text"]), CALM) for i in data["non_red_flags"])
    return out


def reader(flags: red_flags.RedFlags | None = None) -> Any:
    """A statement's features as the red-flag matcher reads its words."""
    reading = (flags or red_flags.load(load_source()["en"]["red_flag"])).reading
    return lambda text: features(red_flags.read(text, reading))


def counts(
    items: Iterable[tuple[set[str], str]], min_count: int = MIN_COUNT
) -> dict[str, dict[str, Any]]:
    """Per label: how many statements, and how many of them had each feature."""
    return generated.tally(items, min_count)


def render(model: Mapping[str, Any]) -> str:
    """The content file: one item, `learned`, with one label per line, sorted."""
    made = "python -m tools.red_flag_model (do not edit)"
    lines = [f"  {json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in model.items()]
    return (
        f'{{"generated_by": "{made}", "kind": "{KIND}", "items": {{"{ITEM}": {{\n'
        + ",\n".join(lines)
        + "\n}}}\n"
    )


def build() -> str:
    read = reader()
    return render(counts((read(text), label) for text, label in statements()))


def main(argv: list[str] | None = None) -> int:
    return generated.main(__doc__, build, MODEL_FILE, "tools.red_flag_model", argv)


if __name__ == "__main__":
    raise SystemExit(main())
