"""Phrases found in a sentence's words, the longest at each place. Pure.

Shared by the readers of people's own words that vote by phrase (domain/answers.py: a yes
or a no; domain/morning_words.py: this morning against usual), so "no way" is read before
"no" and "not as good" before "good" the same way in both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

Phrase = tuple[str, ...]

_WORD = re.compile(r"[a-z0-9']+")


def words_of(text: str) -> Phrase:
    """A sentence's words as the phrase readers compare them: lower case, apostrophes
    (straight or curly) dropped, so "haven't" is "havent" however it was typed."""
    text = text.lower().replace("\u2019", "'")
    return tuple(w.replace("'", "") for w in _WORD.findall(text))


def longest_first[T](found: Iterable[tuple[Phrase, T]]) -> tuple[tuple[Phrase, T], ...]:
    """The phrases, longest first; phrases of one length keep their order (so the first
    listed wins a tie)."""
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


def scan[T](words: Sequence[str], phrases: Sequence[tuple[Phrase, T]]) -> list[tuple[int, T]]:
    """Where each phrase is said, left to right: at each place the first of `phrases`
    (longest first) said there, and the words it covers are read no further.

    >>> scan(("no", "way", "no"), longest_first([(("no",), "n"), (("no", "way"), "w")]))
    [(0, 'w'), (2, 'n')]
    """
    hits: list[tuple[int, T]] = []
    i = 0
    while i < len(words):
        for phrase, value in phrases:
            if tuple(words[i : i + len(phrase)]) == phrase:
                hits.append((i, value))
                i += len(phrase)
                break
        else:
            i += 1
    return hits
