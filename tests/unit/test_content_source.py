"""The content source: valid against its schema, every line the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tools.content_source import CONTENT_ROOT, ContentSourceError, load_source

ROOT = Path(__file__).resolve().parents[2]
LINE_SCHEMA = {
    "type": "object",
    "required": ["variants"],
    "properties": {
        "variants": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "minLength": 1, "maxLength": 1200},
        }
    },
    "additionalProperties": False,
}


def test_every_line_matches_the_schema(content_source: dict[str, Any]) -> None:
    for partition, kinds in content_source.items():
        for line_id, body in kinds.get("line", {}).items():
            try:
                jsonschema.validate(body, LINE_SCHEMA)
            except jsonschema.ValidationError as err:
                raise AssertionError(f"{partition}/{line_id}: {err.message}") from err


def test_locale_partitions_only_override_lines_that_exist_in_english(
    content_source: dict[str, Any],
) -> None:
    base = content_source["en"]
    for partition, kinds in content_source.items():
        if partition == "en":
            continue
        for kind, items in kinds.items():
            missing = set(items) - set(base.get(kind, {}))
            assert not missing, f"{partition} overrides unknown {kind}: {missing}"


def test_every_line_key_used_in_code_exists(content_source: dict[str, Any]) -> None:
    lines = set(content_source["en"]["line"])
    used: set[str] = set()
    pattern = re.compile(r"""\.(?:line|first|variants|has)\(\s*["']([a-z0-9_.]+)["']""")
    for path in (ROOT / "lambda").rglob("*.py"):
        used.update(pattern.findall(path.read_text("utf-8")))
    assert used, "no line keys found: the scan is broken"
    assert used <= lines, f"lines used but not in content: {sorted(used - lines)}"


def test_lines_are_well_formed_ssml_fragments(content_source: dict[str, Any]) -> None:
    for kinds in content_source.values():
        for line_id, body in kinds.get("line", {}).items():
            for text in body["variants"]:
                assert "&" not in text.replace("&amp;", ""), line_id
                assert text.count("<") == text.count(">"), line_id


def test_a_duplicate_id_in_the_source_is_rejected(tmp_path: Path) -> None:
    part = tmp_path / "en"
    part.mkdir()
    (part / "a.yaml").write_text("kind: line\nitems:\n  x: one\n")
    (part / "b.yaml").write_text("kind: line\nitems:\n  x: two\n")
    with pytest.raises(ContentSourceError):
        load_source(tmp_path)


def test_the_real_source_loads() -> None:
    assert "en" in load_source(CONTENT_ROOT)
