"""Read the reviewable content source (content/<partition>/**/*.yaml) into plain data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

CONTENT_ROOT = Path(__file__).resolve().parent.parent / "content"


class ContentSourceError(ValueError):
    """A content file that does not follow the source format."""


def _normalise(kind: str, body: Any) -> dict[str, Any]:
    if kind == "line":
        variants = [body] if isinstance(body, str) else body
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise ContentSourceError("a line is a string or a list of strings")
        return {"variants": [" ".join(v.split()) for v in variants]}
    if not isinstance(body, dict):
        raise ContentSourceError(f"a {kind} item is a mapping")
    return body


def load_source(root: Path = CONTENT_ROOT) -> dict[str, dict[str, dict[str, dict[str, Any]]]]:
    source: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
    # A generated content file is JSON (tools/faq_model.py): YAML reads it too, ten times
    # slower.
    paths = [*root.glob("*/**/*.yaml"), *root.glob("*/**/*.json")]
    for path in sorted(paths):
        partition = path.relative_to(root).parts[0]
        text = path.read_text("utf-8")
        doc = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        if not isinstance(doc, dict) or "kind" not in doc or "items" not in doc:
            raise ContentSourceError(f"{path}: needs 'kind' and 'items'")
        kind = str(doc["kind"])
        bucket = source.setdefault(partition, {}).setdefault(kind, {})
        for item_id, body in (doc["items"] or {}).items():
            if item_id in bucket:
                raise ContentSourceError(f"{path}: {kind} {item_id!r} is defined twice")
            try:
                bucket[str(item_id)] = _normalise(kind, body)
            except ContentSourceError as err:
                raise ContentSourceError(f"{path}: {item_id}: {err}") from err
    return source
