"""Numbers as an AMAZON.NUMBER slot may carry them: digits or English number words.

Alexa itself sends digits ("5") or "?" when it heard a number it could not make out; the
virtual-alexa emulator used by the end-to-end tests sends the words as typed ("five",
"twenty five"). Any handler that reads an AMAZON.NUMBER slot should go through
`parse_number`, so both arrive as the same int and anything else as None. The local text
resolver uses it too, to turn typed number words into digits the way Alexa does.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1_000, "million": 1_000_000}
_NEGATIVE = {"minus", "negative"}
_DIGITS = re.compile(r"[+-]?\d+")


# The longest number text worth reading ("minus nine hundred and ninety nine thousand...").
MAX_NUMBER_TEXT = 64


def parse_number(text: str | None) -> int | None:
    """The integer that `text` says, or None if it is not a whole number.

    >>> parse_number("7"), parse_number("twenty-five"), parse_number("one hundred and five")
    (7, 25, 105)
    >>> parse_number("?") is None, parse_number("five six") is None
    (True, True)
    """
    if text is None or len(text) > MAX_NUMBER_TEXT:
        return None  # no spoken number is this long (and int() refuses past 4,300 digits)
    cleaned = text.strip().lower().replace(",", "")
    if _DIGITS.fullmatch(cleaned):
        return int(cleaned)
    words = cleaned.replace("-", " ").split()
    sign = 1
    if words and words[0] in _NEGATIVE:
        sign, words = -1, words[1:]
    value = _words_to_int(words)
    return None if value is None else sign * value


def _words_to_int(words: list[str]) -> int | None:
    """A left-to-right reading that rejects sequences no one says ("five six", "twenty ten")."""
    if words == ["zero"]:
        return 0
    if not words:
        return None
    total = 0
    group = 0  # the part below the last thousand or million
    scale_limit = 10**12  # each scale word must be smaller than the one before
    last = "start"
    for index, word in enumerate(words):
        nxt = words[index + 1] if index + 1 < len(words) else None
        if word == "a" and last == "start" and (nxt == "hundred" or nxt in _SCALES):
            group, last = 1, "unit"
        elif (
            word in _UNITS
            and word != "zero"
            and last in ("start", "tens", "hundred", "scale", "and")
        ):
            group += _UNITS[word]
            last = "unit"
        elif word in _TEENS and last in ("start", "hundred", "scale", "and"):
            group += _TEENS[word]
            last = "teen"
        elif word in _TENS and last in ("start", "hundred", "scale", "and"):
            group += _TENS[word]
            last = "tens"
        elif word == "hundred" and last == "start":
            group, last = 100, "hundred"
        elif word == "hundred" and last in ("unit", "teen", "tens") and group % 100 == group:
            group *= 100
            last = "hundred"
        elif word in _SCALES and last in ("unit", "teen", "tens", "hundred"):
            if _SCALES[word] >= scale_limit:
                return None
            scale_limit = _SCALES[word]
            total += group * scale_limit
            group = 0
            last = "scale"
        elif word == "and" and last in ("hundred", "scale"):
            last = "and"
        else:
            return None
    return None if last == "and" else total + group


def score_said(first: str | None, second: str | None = None) -> int | None:
    """A 0-10 score as said: one number, or a range ("six or seven", "four to five"), which
    counts as its top: the pain rules then err on the cautious side."""
    low, high = parse_number(first), parse_number(second)
    if low is None or high is None:
        return low if high is None else None
    return max(low, high)


MAX_SCORE = 10  # the top of the 0-10 scales the skill asks for
_WORD = re.compile(r"[a-z0-9]+")
# Words that are numbers but, inside a sentence, rarely a score ("a bad one", "one leg").
_NOT_A_SCORE = frozenset({"one", "a"})
# Words that join two scores into a range, whose top counts: "six or seven", "four to five",
# and a second thought (round 9): "six out of ten, maybe seven", "three, perhaps four".
_RANGE = re.compile(r"\b(?:or|to|maybe|perhaps|possibly|probably|nearly|almost)\b")
# "Out of ten" names the scale, not a second score: "six out of ten, maybe seven" is a range.
_SCALE = ("out", "of")
# A number followed by one of these counts something in the workout ("can I do three sets",
# "five k"), so it is not a score. Not days or weeks: "two days ago it was a five" still
# holds two numbers, and is asked again rather than read as today's. English, like the
# number words above: the number reader is English-only.
_COUNTED = frozenset(
    {
        *("set", "sets", "rep", "reps", "hold", "holds", "time", "times"),
        *("second", "seconds", "secs", "minute", "minutes", "mins"),
        *("kilo", "kilos", "kg", "pound", "pounds", "lbs", "mile", "miles", "k", "km"),
        *("am", "pm", "percent"),
    }
)


def score_in(text: str | None) -> int | None:
    """A 0-10 score said inside a sentence ("maybe a four, it comes and goes"), or None
    when it holds no score or several that are not a range ("four or five" counts as five).

    >>> score_in("maybe a four it comes and goes"), score_in("six or seven I suppose")
    (4, 7)
    >>> score_in("a bad one"), score_in("two days ago it was a five") is None
    (None, True)
    >>> score_in("can I do three sets"), score_in("it hurts about a six when I lift")
    (None, 6)
    >>> score_in("six out of ten, maybe seven"), score_in("a six out of ten")
    (7, 6)
    """
    words = _WORD.findall((text or "").lower())
    after = [*words[1:], ""]
    numbers = [
        n
        for i, w in enumerate(words)
        if w not in _NOT_A_SCORE
        and after[i] not in _COUNTED
        and tuple(words[max(i - 2, 0) : i]) != _SCALE
        and (n := parse_number(w)) is not None
    ]
    scores = sorted({n for n in numbers if 0 <= n <= MAX_SCORE})
    if len(scores) == 1 and len(numbers) == 1:
        return scores[0]
    if len(scores) == 2 and len(numbers) == 2 and _RANGE.search(text or ""):
        return scores[1]
    return None
