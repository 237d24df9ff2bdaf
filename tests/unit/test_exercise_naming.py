"""An exercise named in other words (issue 15, item 2): the slot arrives unresolved, and
`described` finds the exercise the words clearly fit, or none (then "which exercise?")."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain.program import Program, described
from hamstring_coach.domain.program.naming import stem


@pytest.fixture(scope="module")
def program(content_source: dict[str, Any]) -> Program:
    en = content_source["en"]
    return Program.from_content(en["exercise"], en["stage"], en["pacing"])


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        # A name wrapped in other words.
        ("deadlift one", "romanian_deadlift"),
        ("nordic with my partner holding my feet", "nordic_curl"),
        ("nordic hamstring thing", "nordic_curl"),
        ("deadlift on one leg", "single_leg_rdl"),
        # A description, no name.
        ("bridge where you lower slowly", "eccentric_bridge"),
        ("bridge where you go down slow", "eccentric_bridge"),
        ("one where I lift my hips and hold it there", "isometric_bridge_hold"),
        ("one where you bend forward at the hips with a weight", "romanian_deadlift"),
        ("one kneeling where you fall forward", "nordic_curl"),
        ("one with the towel sliding on the floor", "slider_curl"),
    ],
)
def test_words_that_clearly_fit_one_exercise_name_it(
    program: Program, said: str, meant: str
) -> None:
    assert described(program, said) == meant


@pytest.mark.parametrize(
    "said",
    [
        "",
        "the one",
        "squat",
        "hamstring stretch",  # every exercise is for the hamstring: no guess
        "lunges with a twist",
        "calf raise",
    ],
)
def test_words_that_fit_no_exercise_clearly_name_none(program: Program, said: str) -> None:
    assert described(program, said) is None


def test_a_tie_between_two_equally_plain_exercises_is_not_guessed(program: Program) -> None:
    # "leg" is in four names; nothing else said picks one.
    assert described(program, "leg one") is None


def test_stems_make_word_forms_meet() -> None:
    assert stem("lowering") == stem("lowers") == stem("lower")
    assert stem("slowly") == "slow" and stem("hips") == "hip"
    assert stem("press") == "press"
