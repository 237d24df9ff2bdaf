"""AMAZON.NUMBER values as digits (Alexa) or words (virtual-alexa) read the same way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstring_coach.domain.numbers import parse_number, score_in, score_said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("5", 5),
        ("10", 10),
        (" 07 ", 7),
        ("-3", -3),
        ("1,000", 1000),
        ("zero", 0),
        ("one", 1),
        ("Five", 5),
        ("ten", 10),
        ("thirteen", 13),
        ("twenty", 20),
        ("twenty five", 25),
        ("twenty-five", 25),
        ("ninety nine", 99),
        ("a hundred", 100),
        ("hundred", 100),
        ("one hundred", 100),
        ("one hundred and five", 105),
        ("one hundred twenty three", 123),
        ("fifteen hundred", 1500),
        ("twenty five hundred", 2500),
        ("a thousand", 1000),
        ("two thousand and twenty six", 2026),
        ("one thousand five hundred", 1500),
        ("three million four thousand", 3_004_000),
        ("minus five", -5),
        ("negative two", -2),
    ],
)
def test_reads_digits_and_words(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "?",
        "five six",
        "twenty thirty",
        "five twenty",
        "ten five",
        "one hundred hundred",
        "one hundred and",
        "and five",
        "a",
        "a five",
        "zero five",
        "two thousand three thousand",
        "five point five",
        "2.5",
        "lots",
        "five apples",
        "minus",
    ],
)
def test_rejects_what_is_not_a_whole_number(text: str | None) -> None:
    assert parse_number(text) is None


_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _say(n: int) -> str:
    """An independent spelling of 0..999 to check the parser against."""
    if n < 20:
        return _WORDS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _WORDS[n % 10])
    rest = n % 100
    return f"{_WORDS[n // 100]} hundred" + ("" if rest == 0 else f" and {_say(rest)}")


@given(st.integers(min_value=0, max_value=999))
def test_every_number_below_a_thousand_round_trips(n: int) -> None:
    assert parse_number(_say(n)) == n
    assert parse_number(str(n)) == n


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("6", None, 6), ("6", "7", 7), ("5", "4", 5), (None, None, None), (None, "7", None)],
)
def test_a_score_said_as_a_range_counts_as_its_top(
    first: str | None, second: str | None, expected: int | None
) -> None:
    # "Six or seven" is read as seven: the pain rules err on the cautious side.
    assert score_said(first, second) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a four it comes and goes", 4),
        ("a two i suppose not bad", 2),
        ("well i'd say three", 3),
        ("four or five", 5),
        ("somewhere from three to four", 4),
        ("it was 6 really", 6),
        ("a bad one", None),  # "one" inside a sentence is rarely a score
        ("two days ago it was a five", None),  # two numbers, no range: not a guess
        ("about twenty", None),  # off the scale
        ("it settled down after my tea", None),
        ("can I do three sets", None),  # a count in the workout, not a score
        ("it hurts about a six when I do five reps", 6),
        # Round 9: a second thought is a range, and "out of ten" is the scale, not a score.
        ("six out of ten, maybe seven", 7),
        ("three, maybe four", 4),
        ("a five, perhaps a six", 6),
        ("about a six out of ten", 6),
        ("", None),
    ],
)
def test_a_score_inside_a_sentence(text: str, expected: int | None) -> None:
    assert score_in(text) == expected
