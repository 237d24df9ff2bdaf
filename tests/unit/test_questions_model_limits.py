"""The interaction model stays inside what Alexa accepts (issue 15 adds many samples).

Limits as the public "Interaction model limits" and AMAZON.SearchQuery pages give them (to
confirm against the live pages before certification): at most 250 intents, a sample at
most 200 characters, a sample never in two intents, and a SearchQuery slot always beside
a carrier phrase and alone in its sample.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tools.models import MODELS

MAX_INTENTS = 250
MAX_SAMPLE_CHARS = 200
# Far below any published per-intent cap; a sign the list has been generated carelessly.
MAX_SAMPLES_PER_INTENT = 300
_SLOT = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    text = (MODELS / "en-US.json").read_text("utf-8")
    return dict(json.loads(text)["interactionModel"]["languageModel"])


def test_counts_and_lengths_are_inside_alexas_limits(model: dict[str, Any]) -> None:
    assert len(model["intents"]) <= MAX_INTENTS
    for intent in model["intents"]:
        assert len(intent.get("samples", [])) <= MAX_SAMPLES_PER_INTENT, intent["name"]
        for sample in intent.get("samples", []):
            assert len(sample) <= MAX_SAMPLE_CHARS, sample


def test_samples_use_only_letters_spaces_apostrophes_and_slots(model: dict[str, Any]) -> None:
    # A hyphen ("x-ray") is not accepted in a sample, and emulators split it differently.
    for intent in model["intents"]:
        for sample in intent.get("samples", []):
            assert re.fullmatch(r"[A-Za-z' ]+", _SLOT.sub("x", sample)), sample


def test_no_sample_belongs_to_two_intents(model: dict[str, Any]) -> None:
    owner: dict[str, str] = {}
    for intent in model["intents"]:
        for sample in intent.get("samples", []):
            key = " ".join(sample.lower().replace("'", "").split())
            assert owner.setdefault(key, intent["name"]) == intent["name"], sample


def test_search_query_slots_have_a_carrier_phrase_and_no_other_slot(
    model: dict[str, Any],
) -> None:
    for intent in model["intents"]:
        types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for sample in intent.get("samples", []):
            slots = _SLOT.findall(sample)
            assert all(s in types for s in slots), sample
            if any(types[s] == "AMAZON.SearchQuery" for s in slots):
                assert len(slots) == 1, sample
                assert _SLOT.sub("", sample).strip(), f"{sample!r} has no carrier phrase"
