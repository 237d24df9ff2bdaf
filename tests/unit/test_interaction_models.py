"""Every locale's model and the skill package agree with en-US; samples are sane."""

from __future__ import annotations

import json
import re

from tools.models import MODELS, expected_files


def test_locale_models_and_skill_package_are_in_step_with_en_us() -> None:
    stale = [
        str(path)
        for path, text in expected_files().items()
        if not path.exists() or path.read_text("utf-8") != text
    ]
    assert not stale, f"run `make models`: {stale}"


def test_model_invocation_name_and_samples() -> None:
    model = json.loads((MODELS / "en-US.json").read_text("utf-8"))["interactionModel"]
    lm = model["languageModel"]
    assert lm["invocationName"] == "hamstring coach"
    seen: dict[str, str] = {}
    types = {t["name"] for t in lm.get("types", [])}
    for intent in lm["intents"]:
        slots = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for slot_type in slots.values():
            assert slot_type.startswith("AMAZON.") or slot_type in types
        for sample in intent["samples"]:
            key = sample.lower()
            assert key not in seen, f"{sample!r} in {intent['name']} and {seen[key]}"
            seen[key] = intent["name"]
            for name in re.findall(r"\{(\w+)\}", sample):
                assert name in slots, f"{intent['name']}: {sample!r} names unknown slot"
            if "AMAZON.SearchQuery" in slots.values():
                # SearchQuery needs a carrier phrase and no other slot beside it.
                assert sample.strip() != "{" + next(iter(slots)) + "}"
                assert len(slots) == 1
