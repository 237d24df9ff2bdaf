"""Keep every locale's interaction model and the ASK CLI skill package in step with en-US.

en-US.json is the one that is edited; `make models` writes the other English locales and
the `skill-package/interactionModels/custom/` copies. A test fails when they drift.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "interaction_models"
PACKAGE_MODELS = ROOT / "skill-package" / "interactionModels" / "custom"
# The intent names the Lambda may log: a forged request can put any text in an intent name.
INTENT_NAMES = ROOT / "lambda" / "hamstring_coach" / "intent_names.json"
SOURCE_LOCALE = "en-US"
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def expected_files() -> dict[Path, str]:
    source = json.loads((MODELS / f"{SOURCE_LOCALE}.json").read_text("utf-8"))
    text = render(source)
    files: dict[Path, str] = {}
    for locale in LOCALES:
        # The English locales share one model today; a locale that needs its own words
        # (slot synonyms, say) gets an overlay here rather than a hand-edited copy.
        files[MODELS / f"{locale}.json"] = text
        files[PACKAGE_MODELS / f"{locale}.json"] = text
    names = sorted(i["name"] for i in source["interactionModel"]["languageModel"]["intents"])
    files[INTENT_NAMES] = json.dumps(names, indent=1) + "\n"
    return files


def main() -> None:
    for path, text in expected_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
