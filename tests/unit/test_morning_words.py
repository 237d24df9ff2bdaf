"""The morning answer read from a sentence (domain/morning_words.py), with the content's
words: every phrase reads as its own answer, and sentences people say read as they mean."""

from __future__ import annotations

import doctest
from typing import Any

import pytest

from hamstring_coach.domain import morning_words
from hamstring_coach.domain.morning_words import MorningWords, compare_in
from hamstring_coach.domain.progression import COMPARES, Compare


@pytest.fixture(scope="module")
def known(content_source: dict[str, Any]) -> MorningWords:
    return MorningWords.from_content(content_source["en"]["pacing"]["morning_words"])


def test_the_examples_in_the_module_hold() -> None:
    assert doctest.testmod(morning_words).failed == 0


def test_every_phrase_reads_as_its_own_answer(content_source: dict[str, Any]) -> None:
    item = content_source["en"]["pacing"]["morning_words"]
    seen: dict[str, Compare] = {}
    for compare in COMPARES:
        for phrase in item[compare]:
            assert phrase not in seen, (phrase, seen.get(phrase), compare)
            seen[phrase] = compare
    known = MorningWords.from_content(item)
    for phrase, meant in seen.items():
        assert compare_in(phrase, known) == meant, phrase


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("bit stiff but ok", "same"),
        ("no different to normal", "same"),
        ("no worse than usual", "same"),
        ("not any better really", "same"),
        ("honestly I'd say it's a little bit better", "better"),
        ("not as sore as yesterday", "better"),
        ("it hurts more today", "worse"),
        ("fine but maybe a bit sorer", "worse"),
        ("it's not as good as usual", "worse"),
        ("it's way worse, it's flared up", "much_worse"),
        ("okay but really sore", "much_worse"),
    ],
)
def test_sentences_read_as_they_mean(known: MorningWords, said: str, meant: str) -> None:
    assert compare_in(said, known) == meant


@pytest.mark.parametrize(
    "said",
    ["better than yesterday but worse than usual", "it's my hamstring", "", "a bit sore"],
)
def test_no_answer_or_two_that_disagree_read_as_none(known: MorningWords, said: str) -> None:
    assert compare_in(said, known) is None


def test_the_red_flag_a_plain_no_change_answers_over_is_named(known: MorningWords) -> None:
    assert known.over_flags == {"not_improving"}
