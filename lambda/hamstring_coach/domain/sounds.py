"""How a word sounds, as a short key: words the recogniser mishears compared by sound.

Pure, no dependencies (nothing to package for Lambda). A small relative of Metaphone,
written for the recogniser's mistakes rather than for names: a domain word heard as other
words ("sigh attic a" for "sciatica", "ten dino pithy" for "tendinopathy", "hammer string"
for "hamstring") keeps its consonants in order while its vowels and word breaks wander.
So the key keeps the consonant sounds only: spellings of one sound folded into one letter
("ph" and "f", "c" before "e" and "k"), doubled letters once, vowels and the glides "w",
"h" and "y" dropped, and an "r" after a vowel dropped where no vowel follows it, as it is
in much English speech ("hammer" sounds "hamma"). `key("sciatica") == "STK"`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

_VOWELS = "aeiouy"

# Spellings of one sound, tried in order at each place (longest first where they overlap).
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("tch", "X"),
    ("sch", "SK"),
    ("sh", "X"),
    ("ch", "X"),
    ("ph", "F"),
    ("th", "0"),
    ("gh", ""),
    ("ck", "K"),
    ("qu", "KW"),
    ("dg", "X"),
    ("nge", "NX"),  # "lunge": the n, then a soft g
    ("ng", "N"),
)
# One letter's sound: "c" and "g" soften before e, i, y; "x" is "ks".
_LETTER = {
    "b": "P",
    "d": "T",
    "f": "F",
    "j": "X",
    "k": "K",
    "l": "L",
    "m": "M",
    "n": "N",
    "p": "P",
    "q": "K",
    "s": "S",
    "t": "T",
    "v": "F",
    "x": "KS",
    "z": "S",
}
_NON_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=8192)  # the same words at every question, and the index's at its build
def key(word: str) -> str:
    """The word's consonant sounds as capital letters: "STK" for "sciatica" and for "sigh
    attic a". Voiced and unvoiced pairs share a letter (b and p, d and t, v and f, z and
    s): the recogniser swaps them ("squads" for "squats"). Empty for a word of vowels."""
    w = _NON_LETTER.sub("", word.lower())
    if w[:2] in ("kn", "gn", "pn", "wr", "ps"):
        w = w[1:]
    if w.endswith("mb"):
        w = w[:-1]
    out: list[str] = []
    i = 0
    while i < len(w):
        for spelling, sound in _SPELLINGS:
            if w.startswith(spelling, i):
                out.append(sound)
                i += len(spelling)
                break
        else:
            out.append(_sound(w, i))
            i += 1
    folded: list[str] = []
    for sound in "".join(out):
        if not folded or folded[-1] != sound:
            folded.append(sound)
    return "".join(folded)


def _sound(w: str, i: int) -> str:
    letter = w[i]
    after = w[i + 1] if i + 1 < len(w) else ""
    if letter == "c":
        if after in ("e", "i", "y"):
            return "" if i > 0 and w[i - 1] == "s" else "S"  # "science": one s
        return "K"
    if letter == "g":
        return "X" if after in ("e", "i", "y") else "K"
    if letter == "r":
        before = w[i - 1] if i else ""
        # Said after a vowel with no vowel after it, it is not heard in much of English.
        return "" if before in _VOWELS and after not in _VOWELS else "R"
    return _LETTER.get(letter, "")


# A key this short matches too much by chance ("L" is "heel", "hole" and "all"): it never
# re-reads a word.
MIN_KEY = 3
# The most words a misheard word may have been broken into ("ten dino pithy").
MAX_PIECES = 4
# A word said alone needs a longer key: one real word heard for another shares less.
MIN_KEY_ALONE = 4
# How alike in spelling (difflib's ratio, 0-1) the words said and the known word must be
# as well as in sound: a sound key alone reads "sorry" as "serious".
SIMILAR = 0.9
# Pieces share fewer letters with the word they were heard for ("sigh cling", "cycling"),
# but far more than words that only happen to share its consonants ("scar tissue" and
# "circuits", 0.1; "worried enough" and "radiating", 0.4).
SIMILAR_RUN = 0.6
# A run's first word is at least this long: "i", "at", "to" start no misheard word.
MIN_FIRST = 3
# Filler words this short ("to", "on", "at", "the") are words said as meant, not pieces;
# but for a number, which the recogniser writes for a syllable ("ten dino pithy").
MAX_SMALL = 3
_NUMBERS = frozenset({"one", "two", "six", "ten"})


@dataclass(frozen=True)
class Sounds:
    """The matcher's words by how they sound, to read a word it does not know as the one
    known word that sounds like it.

    `heard`: each key that exactly one known word has (a word as written, e.g. "sciatica";
    two forms of one word, "sciatic" and "sciatica", count as one), mapped to that word.
    `plain`: every word the skill's question content writes (its answers included): an
    ordinary word said as meant, never read as another ("nothing" is not "anything").
    `known`: the words the matcher knows alone (a topic's word, a one-word synonym),
    stemmed: said as they are, they are left alone and are never a piece of another.
    `small`: the filler words; a short one is no piece of a misheard word (`_small`).
    """

    heard: Mapping[str, str]
    plain: frozenset[str]
    known: frozenset[str]
    small: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        targets: Iterable[tuple[str, str]],
        plain: Iterable[str],
        known: frozenset[str],
        small: Iterable[str] = (),
    ) -> Sounds:
        """`targets`: (word as written, its stem) for each word a misheard one may become."""
        by_key: dict[str, set[str]] = {}
        written: dict[str, str] = {}
        for word, stemmed in targets:
            sound = key(word)
            if len(sound) >= MIN_KEY:
                by_key.setdefault(sound, set()).add(stemmed)
                written.setdefault(sound, word)
        return cls(
            heard={k: written[k] for k, stems in by_key.items() if len(stems) == 1},
            plain=frozenset(plain),
            known=known,
            small=frozenset(small),
        )

    def respelled(self, tokens: Sequence[str], stem: Callable[[str], str]) -> list[str]:
        """The tokens, with each word or run of two to MAX_PIECES words that the skill does
        not write read as the one known word that sounds the same: "sigh attic a" is
        "sciatica". Longest runs first, left to right. A run needs a word the skill never
        writes ("sigh attic a": "sigh"), and none of its words may be a known one ("hamstring
        stretches" stays two words)."""
        if not self.heard:
            return list(tokens)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for size in range(min(MAX_PIECES, len(tokens) - i), 0, -1):
                run = tokens[i : i + size]
                word = self._heard_as(run, stem)
                if word is not None:
                    out.append(word)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def _small(self, word: str) -> bool:
        return word in self.small and len(word) <= MAX_SMALL and word not in _NUMBERS

    def _heard_as(self, run: Sequence[str], stem: Callable[[str], str]) -> str | None:
        if all(w in self.plain for w in run) or any(stem(w) in self.known for w in run):
            return None
        said = "".join(run)
        sound = key(said)
        word = self.heard.get(sound)
        if word is None:
            return None
        if len(run) == 1:
            # One word for another: a longer key, and spelt nearly alike ("tendonopathy").
            alike = SequenceMatcher(None, said, word).ratio() >= SIMILAR
            return word if len(sound) >= MIN_KEY_ALONE and alike else None
        # Pieces of one word: a short filler word ("i reset", "paper at", "at east", "brews
        # on") is a word said as meant beside another; only a last vowel is a piece of a
        # word that ends in one ("sigh attic a"; not "pinches a" for "benches").
        if len(run[0]) < MIN_FIRST or len(sound) < MIN_KEY:
            return None
        if any(self._small(w) for w in run[:-1]):
            return None
        # A small word last only as a vowel, for a word that ends in one ("sigh attic a").
        if self._small(run[-1]) and (key(run[-1]) or word[-1] not in _VOWELS):
            return None
        return word if SequenceMatcher(None, said, word).ratio() >= SIMILAR_RUN else None
