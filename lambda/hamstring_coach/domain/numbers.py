"""Whole numbers from an AMAZON.NUMBER slot.

Alexa sends digits ("5"); some simulators send words ("five"); Alexa sends "?" when it
heard a number it could not make out. Anything that is not clearly one whole number is None,
so the caller can ask again instead of guessing.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "oh": 0,
    "nil": 0,
    "none": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
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
_NEGATIVE = ("minus", "negative")
_DIGITS = re.compile(r"^[+-]?\d+$")


def parse_number(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip().lower()
    if not text:
        return None
    if _DIGITS.match(text):
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    sign = 1
    if words and words[0] in _NEGATIVE:
        sign, words = -1, words[1:]
    if words and words[-1] == "hundred" and len(words) == 2 and words[0] in ("a", "one"):
        return sign * 100
    total = _words_below_hundred(words)
    return None if total is None else sign * total


def _words_below_hundred(words: list[str]) -> int | None:
    if len(words) == 1:
        word = words[0]
        if word in _UNITS:
            return _UNITS[word]
        if word in _TENS:
            return _TENS[word]
        return None
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNITS and 0 < _UNITS[words[1]] < 10:
        return _TENS[words[0]] + _UNITS[words[1]]
    return None
