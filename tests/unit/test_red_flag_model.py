"""The learned second opinion for red flags (rf14: domain/red_flags.py `assess_whose`,
tools/red_flag_model.py, measured by bench/red_flag_folds.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.faq_classifier import Classifier
from hamstring_coach.domain.triage import Level
from tests.eval import questions_measure
from tools import red_flag_model


@pytest.fixture(scope="module")
def flags(content_source: dict[str, Any]) -> red_flags.RedFlags:
    return red_flags.load(content_source["en"]["red_flag"])


@pytest.fixture(scope="module")
def rules_only(flags: red_flags.RedFlags) -> red_flags.RedFlags:
    return dataclasses.replace(flags, learned=Classifier.from_counts({}))


def test_the_committed_model_is_what_the_tool_builds() -> None:
    # Re-run `python -m tools.red_flag_model` after a change to the red-flag words (they
    # read the statements) or to a readable set.
    assert red_flag_model.MODEL_FILE.read_text("utf-8") == red_flag_model.build()


def test_it_never_learns_from_the_frozen_or_a_blind_set() -> None:
    assert "frozen" not in red_flag_model.READABLE
    assert questions_measure.newest_held_out() not in red_flag_model.READABLE


def test_a_soon_row_or_a_calm_line_is_a_label_no_flag_has(flags: red_flags.RedFlags) -> None:
    # The model may raise urgent and emergency rows only: its other labels name no flag.
    ids = {f.id: f.level.name.lower() for f in flags.flags}
    labels = set(flags.learned.labels)
    assert red_flag_model.CALM in labels
    for label in labels:
        if label in ids:
            assert ids[label] in ("urgent", "emergency"), label
        else:
            assert label == red_flag_model.CALM or label.startswith(red_flag_model.QUIET), label


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # A walking aid borrowed, of a kind the rules do not name (a walker; the owner word
        # reads it as the grandad's besides). holdout13's "had to use my grandad's
        # crutches" was the classifier's catch until round 15 gave the rules "use ...
        # crutch*", as round 14 gave them the Scots "cannae put the leg down".
        ("I've had to use my grandad's walker to get around the flat", "cannot_bear_weight"),
    ],
)
def test_it_raises_what_the_rules_missed(
    flags: red_flags.RedFlags, rules_only: red_flags.RedFlags, text: str, row: str
) -> None:
    assert rules_only.assess(text) is None
    flag = flags.assess(text)
    assert flag is not None and flag.id == row


@pytest.mark.parametrize(
    "text",
    [
        "how long until I can run again",
        "I am able to pull my toes up towards me without any issue",
        "it's getting slowly better since I started the exercises three weeks ago",
        "I'm trying to lose weight and I've dropped five pounds",
        "neither leg is numb or weak",
        "",
    ],
)
def test_it_leaves_calm_lines_calm(flags: red_flags.RedFlags, text: str) -> None:
    assert flags.assess(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I can't feel anything between my legs",
        "my leg feels a bit weak after the gym but that's just tired muscles",
        "my calf is hot and swollen",
    ],
)
def test_it_never_changes_what_the_rules_raised(
    flags: red_flags.RedFlags, rules_only: red_flags.RedFlags, text: str
) -> None:
    # A rule's flag (or its level) is never lowered, calmed or swapped for another at the
    # same level (rfq16: it may only raise the level, below).
    assert flags.assess_whose(text) == rules_only.assess_whose(text)


def _sure_of(label: str, words: str) -> Classifier:
    """A second opinion all but certain of `label` for statements with these words."""
    model = {
        label: {"docs": 50, "counts": {w: 50 for w in words.split()}},
        red_flag_model.CALM: {"docs": 50, "counts": {"fine": 50, "ok": 50}},
    }
    return Classifier.from_counts(model)


def test_it_may_raise_a_rule_level_when_all_but_certain(
    rules_only: red_flags.RedFlags,
) -> None:
    # (rfq16) The rules read a numb leg (urgent); a second opinion all but certain of the
    # saddle row (emergency) raises the level, as it did for holdout15's "the area that
    # touches the bike seat has gone completely numb" before the rules learnt the bike
    # seat. Measured leave-one-set-out (bench/red_flag_folds.py): 3 blind under-triaged
    # statements fixed, none over-triaged, no calm line raised.
    text = "my leg went numb after the long ride"
    assert (found := rules_only.assess(text)) is not None
    assert found.level is Level.URGENT
    sure = dataclasses.replace(
        rules_only, learned=_sure_of("saddle_numbness", "my leg went numb after the long ride")
    )
    raised = sure.assess(text)
    assert raised is not None and raised.id == "saddle_numbness"
    assert raised.level > found.level


def test_it_never_lowers_a_rule_level(rules_only: red_flags.RedFlags) -> None:
    # Sure of a lower row (urgent) than the rules' emergency: the rules' flag stands.
    text = "I can't feel anything between my legs and my leg is weak"
    found = rules_only.assess(text)
    assert found is not None and found.level is Level.EMERGENCY
    sure = dataclasses.replace(
        rules_only,
        learned=_sure_of(
            "leg_numb_tingle_weak", "i cannot feel anything between my legs and leg is weak"
        ),
    )
    assert sure.assess(text) == found
