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

(round 29) A name whose plain form another sample already starts with ("dale {query}" is
Spanish speakers' "go on", an aside) can still open a sentence as a possessive ("Dale's been
doing the exercises two months and it's worse"): the list's `possessive_only` names are
written in the possessive form only, after the others.
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
# 3,000, so an eleventh of each; (r32) past 4,500, so a sixteenth.
CAP = 300
CHUNKS = 16
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


def names() -> tuple[list[str], list[str]]:
    """The listed names, and the names written as possessives only (lower case)."""
    data: dict[str, Any] = yaml.safe_load(NAMES.read_text("utf-8"))
    plain = [str(n).lower() for n in data["names"]]
    only = [str(n).lower() for n in data.get("possessive_only") or ()]
    if overlap := set(plain) & set(only):
        raise ValueError(f"listed twice, as a name and as a possessive only: {sorted(overlap)}")
    return plain, only


def intents() -> list[dict[str, Any]]:
    plain, only = names()
    possessive = [*plain, *only]
    if len(possessive) > CAP * len(POSSESSIVE):
        raise ValueError(f"{len(possessive)} names: room for {CAP * len(POSSESSIVE)}")
    made = []
    for form, intent_names, listed in (
        ("{} {{query}}", PLAIN, plain),
        ("{}'s {{query}}", POSSESSIVE, possessive),
    ):
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
