"""Content as the skill sees it: items of a few kinds, merged for one locale."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Kinds the content source may hold. Lines are the skill's spoken words; the others are
# domain content each feature reads through its own typed view.
KINDS = (
    "line",
    "exercise",
    "faq",
    "faq_lexicon",
    # Generated (tools/faq_model.py): the question classifier's counts.
    "faq_model",
    # Generated (tools/howto_model.py): how people ask for an exercise's steps.
    "howto_model",
    "red_flag",
    "symptom_question",
    "stage",
    "pacing",
)


@dataclass(frozen=True)
class ContentBundle:
    locale: str
    version: str
    items: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)

    def kind(self, kind: str) -> Mapping[str, Mapping[str, Any]]:
        return self.items.get(kind, {})

    def get(self, kind: str, item_id: str) -> Mapping[str, Any] | None:
        return self.items.get(kind, {}).get(item_id)


def locale_chain(locale: str) -> list[str]:
    """Content partitions to merge for a locale, most general first (en, then en-GB)."""
    lang = locale.split("-", maxsplit=1)[0]
    return [lang] if lang == locale else [lang, locale]


def merge(
    locale: str, version: str, partitions: Sequence[Mapping[str, Mapping[str, Mapping[str, Any]]]]
) -> ContentBundle:
    merged: dict[str, dict[str, Mapping[str, Any]]] = {}
    for part in partitions:
        for kind, items in part.items():
            merged.setdefault(kind, {}).update(items)
    return ContentBundle(locale=locale, version=version, items=merged)
