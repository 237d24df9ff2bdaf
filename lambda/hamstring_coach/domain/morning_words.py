"""This morning against the usual morning, read from a sentence.

Asked "worse, about the same, or better?", people answer in their own words: "bit stiff but
ok", "it hurts more today", "little bit better I think", "no different". Those reach the
skill as a question or a statement (their first words match a carrier phrase), where the
matcher offered topics ("did you mean sitting, or walking?") or the question was asked
again. This reads the answer from the words themselves, with the phrases in content
(`morning_words` in the pacing content), so a locale can say its own. Pure.

How a sentence is read:
- each phrase found is a vote, the longest phrase at a place winning ("not as good" is
  worse, though "good" alone is the same; "no worse" is the same, though "worse" is worse);
- a direction beats "the same" ("fine, maybe a bit sorer" is a little worse);
- "a lot worse" beats "a little worse" (over-reading a flare-up is the safe side: it only
  keeps the day gentle);
- better and worse together say nothing for sure, so the question is asked again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hamstring_coach.domain.phrases import Phrase, longest_first, scan
from hamstring_coach.domain.progression import COMPARES, Compare

_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower().replace("\u2019", "'")))


@dataclass(frozen=True)
class MorningWords:
    """Phrases that answer the morning question, each with the comparison it says, longest
    first (so the longest phrase at a place is found first)."""

    phrases: tuple[tuple[Phrase, Compare], ...] = ()
    # Red flags (by id) whose words also answer the morning question: "no change" there
    # means like other mornings, not "not improving" over weeks.
    over_flags: frozenset[str] = frozenset()

    @classmethod
    def from_content(cls, item: Mapping[str, Iterable[object]]) -> MorningWords:
        found: dict[Phrase, Compare] = {}
        for compare in COMPARES:
            for phrase in item.get(compare, ()):
                words = _words(str(phrase))
                if words:
                    found.setdefault(words, compare)
        over = frozenset(str(f) for f in item.get("answers_over_flags", ()))
        return cls(phrases=longest_first(found.items()), over_flags=over)


def compare_in(text: str | None, known: MorningWords) -> Compare | None:
    """The comparison a sentence gives, or None when it gives none, or two that disagree.

    >>> w = MorningWords.from_content(
    ...     {"same": ["ok", "no worse"], "worse": ["worse", "hurts more"],
    ...      "much_worse": ["a lot worse"], "better": ["better"]})
    >>> compare_in("bit stiff but ok", w), compare_in("it hurts more today", w)
    ('same', 'worse')
    >>> compare_in("no worse than usual", w), compare_in("ok but a lot worse", w)
    ('same', 'much_worse')
    >>> compare_in("better than yesterday but worse than usual", w) is None
    True
    """
    said = {compare for _, compare in scan(_words(text or ""), known.phrases)}
    directions = said - {"same"}
    if "better" in directions and directions & {"worse", "much_worse"}:
        return None
    if "much_worse" in directions:
        return "much_worse"
    if directions:
        return next(iter(directions))
    return "same" if said else None
