"""The first-name opener intents, written into the English model from a list of names.

    PYTHONPATH=lambda:. .venv/bin/python -m tools.name_openers

(rf18b) "Anita says she can't feel her legs", "Tom's calf is hot and swollen": a sentence
that opens with someone's first name matched no carrier (a name slot may not sit beside a
SearchQuery), fell to Fallback, and no words reached the red-flag check. Each name in
interaction_models/first_names.yaml is a literal carrier instead: "tom {query}" in
TheirNameIntent (TheirNameMoreIntent past 300 names) and "tom's {query}" in
TheirNamePossIntent (TheirNamePossMoreIntent), all LAST in the model so every older carrier
keeps its ties. Their words reach the checks as TheirOpenerIntent's do ("someone" put back
for the red-flag reading, the FAQ reads the words alone).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from tools.models import MODELS, SOURCE_LOCALE, render

ROOT = Path(__file__).resolve().parent.parent
NAMES = MODELS / "first_names.yaml"
# As many intents a form as the list needs: an intent holds at most 300 samples
# (test_questions_model_limits.py). The first two of each keep their rf18b names; (rf20) the
# list grew past 600 names, so TheirName3Intent, TheirNamePoss3Intent ... follow; (q22) past
# 3,000, so an eleventh of each.
CAP = 300
CHUNKS = 11
PLAIN = (
    "TheirNameIntent",
    "TheirNameMoreIntent",
    *(f"TheirName{k}Intent" for k in range(3, CHUNKS + 1)),
)
POSSESSIVE = (
    "TheirNamePossIntent",
    "TheirNamePossMoreIntent",
    *(f"TheirNamePoss{k}Intent" for k in range(3, CHUNKS + 1)),
)
SLOT = {"name": "query", "type": "AMAZON.SearchQuery"}


def names() -> list[str]:
    data: dict[str, Any] = yaml.safe_load(NAMES.read_text("utf-8"))
    return [str(n).lower() for n in data["names"]]


def intents() -> list[dict[str, Any]]:
    listed = names()
    if len(listed) > CAP * len(PLAIN):
        raise ValueError(f"{len(listed)} names: room for {CAP * len(PLAIN)}")
    made = []
    for form, intent_names in (("{} {{query}}", PLAIN), ("{}'s {{query}}", POSSESSIVE)):
        for k, name in enumerate(intent_names):
            chunk = listed[k * CAP : (k + 1) * CAP]
            if not chunk:
                continue
            samples = [form.format(n) for n in chunk]
            made.append({"name": name, "slots": [dict(SLOT)], "samples": samples})
    return made


def with_openers(model: dict[str, Any]) -> dict[str, Any]:
    """The model with the two intents (re)written last."""
    lm = model["interactionModel"]["languageModel"]
    lm["intents"] = [i for i in lm["intents"] if i["name"] not in (*PLAIN, *POSSESSIVE)]
    lm["intents"].extend(intents())
    return model


def main() -> None:
    path = MODELS / f"{SOURCE_LOCALE}.json"
    path.write_text(render(with_openers(json.loads(path.read_text("utf-8")))), "utf-8")


if __name__ == "__main__":
    main()
