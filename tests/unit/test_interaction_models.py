"""Generated models: committed code in step with the source, generation deterministic,
every locale served; samples are sane."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tools.models import LOCALES, MODELS, expected_files, locale_files, locale_model, main


def test_committed_generated_code_is_in_step_with_the_source() -> None:
    stale = [
        str(path)
        for path, text in expected_files().items()
        if not path.exists() or path.read_text("utf-8") != text
    ]
    assert not stale, f"run `make models`: {stale}"


def test_only_the_edited_sources_are_committed_as_models() -> None:
    # Copies are generated into ignored paths, so none can drift from its source.
    assert sorted(p.stem for p in MODELS.glob("*.json")) == sorted(set(LOCALES.values()))
    assert not (MODELS.parent / "skill-package" / "interactionModels").exists()


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first = locale_files(tmp_path)
    second = locale_files(tmp_path)
    assert first == second
    assert sorted(p.name for p in first) == sorted(f"{loc}.json" for loc in LOCALES)
    for locale in LOCALES:
        model = locale_model(locale)["interactionModel"]["languageModel"]
        assert model["invocationName"] == "hamstring coach"


def test_make_models_writes_every_locale_into_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tools import models  # noqa: PLC0415 (the module's paths are patched)

    monkeypatch.setattr(models, "ROOT", tmp_path)
    monkeypatch.setattr(models, "BUILD_MODELS", tmp_path / "models")
    monkeypatch.setattr(models, "expected_files", dict)  # leave the committed code alone
    main()
    written = sorted(p.name for p in (tmp_path / "models").iterdir())
    assert written == sorted(f"{loc}.json" for loc in LOCALES)


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
