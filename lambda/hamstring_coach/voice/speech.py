"""Spoken lines from content, with variety and safe SSML."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
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


# Lines with this many wordings or more are never said the same way twice in a row (the
# frequent ones: welcome, fallback, rest, set done...). Fewer wordings are simply random.
REMEMBER_FROM = 3


class Speech:
    """Picks a line's variant and fills its {fields}; filled values are SSML-escaped.

    `said` is which wording each frequent line last used (kept in the session by the
    caller, through `keep`): the next pick of that line takes another one. Without it
    (tests, one-off uses) every pick is simply random.
    """

    def __init__(
        self,
        bundle: ContentBundle,
        rng: random.Random,
        said: Mapping[str, int] | None = None,
        keep: Callable[[dict[str, int]], None] | None = None,
    ) -> None:
        self._lines = bundle.kind("line")
        self._rng = rng
        # Only lines that exist are carried on, whatever the session held.
        self._said = {k: v for k, v in (said or {}).items() if k in self._lines}
        self._keep = keep

    def has(self, key: str) -> bool:
        return key in self._lines

    def variants(self, key: str) -> list[str]:
        body = self._lines.get(key)
        if body is None:
            raise MissingLineError(key)
        return list(body["variants"])

    def line(self, key: str, **values: Any) -> str:
        variants = self.variants(key)
        if self._keep is None or len(variants) < REMEMBER_FROM:
            return fill(self._rng.choice(variants), values)
        last = self._said.get(key)
        text = self._rng.choice([v for n, v in enumerate(variants) if n != last])
        self._said[key] = variants.index(text)
        self._keep(self._said)
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
