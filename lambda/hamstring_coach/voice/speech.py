"""Spoken lines from content, with variety and safe SSML."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from hamstring_coach.domain.content import ContentBundle

_FIELD = re.compile(r"\{(\w+)\}")


class Ssml(str):
    """Text that is already SSML, built from filled lines (whose values were escaped then):
    `fill` inserts it as it is, so nesting one line in another never escapes twice."""

    __slots__ = ()


class MissingLineError(KeyError):
    """A line key that the content does not have: a content bug caught by the schema test."""


class Speech:
    """Picks a line's variant and fills its {fields}; filled values are SSML-escaped."""

    def __init__(self, bundle: ContentBundle, rng: random.Random) -> None:
        self._lines = bundle.kind("line")
        self._rng = rng

    def has(self, key: str) -> bool:
        return key in self._lines

    def variants(self, key: str) -> list[str]:
        body = self._lines.get(key)
        if body is None:
            raise MissingLineError(key)
        return list(body["variants"])

    def line(self, key: str, **values: Any) -> str:
        text = self._rng.choice(self.variants(key))
        return fill(text, values)

    def first(self, key: str, **values: Any) -> str:
        """The first variant: for text that must not vary (cards, disclaimers in tests)."""
        return fill(self.variants(key)[0], values)


def fill(text: str, values: Mapping[str, Any]) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in values:
            raise KeyError(f"line needs {{{name}}}")
        value = values[name]
        return value if isinstance(value, Ssml) else escape(str(value))

    return _FIELD.sub(sub, text)


_TAG = re.compile(r"<[^>]+>")


def plain(ssml: str) -> str:
    """SSML to readable text (for cards and logs-free previews)."""
    text = _TAG.sub(" ", ssml)
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return re.sub(r"\s+", " ", text).strip()
