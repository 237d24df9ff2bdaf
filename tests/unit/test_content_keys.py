"""Every content file reads as written: a key said twice in one mapping is silently resolved
by YAML to the later one, so an edit to the earlier copy would do nothing (the lexicon once
carried two `desk` groups, the first a stale subset of the second)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CONTENT = Path(__file__).resolve().parents[2] / "content"


class _UniqueKeys(yaml.SafeLoader):
    """A safe loader that refuses a mapping with a repeated key."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} repeated", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)

FILES = sorted(CONTENT.rglob("*.yaml"))


def test_there_is_content_to_check() -> None:
    assert len(FILES) >= 8


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CONTENT)))
def test_no_key_is_said_twice(path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        assert yaml.load(handle, Loader=_UniqueKeys) is not None
