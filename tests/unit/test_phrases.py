"""The longest-phrase scan the answer readers share (domain/phrases.py)."""

from __future__ import annotations

import doctest

from hamstring_coach.domain import phrases
from hamstring_coach.domain.phrases import longest_first, scan


def test_the_examples_in_the_module_hold() -> None:
    assert doctest.testmod(phrases).failed == 0


def test_the_longest_phrase_at_a_place_wins_and_a_tie_goes_to_the_first_listed() -> None:
    known = longest_first([(("not",), "no"), (("not", "as", "good"), "worse"), (("good",), "ok")])
    assert scan(("not", "as", "good", "today"), known) == [(0, "worse")]
    tied = longest_first([(("fine",), "yes"), (("fine",), "no")])
    assert scan(("fine",), tied) == [(0, "yes")]
    assert scan((), known) == []
