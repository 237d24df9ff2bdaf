"""Round 24, after holdout24's one measurement: its eight missed red-flag statements were
read (safety before blindness) and each became a family, written here with sentences of
our own, read by the rules alone. Pidgin "no fit" is "cannot"; someone else who cannot
walk after a fall or a match, or has to hop; someone else's weight lost since the pain
began, or a gaunt look; someone else's cancer with "she's had this sore bum"; weeks or a
month of care and "the same or worse". The terse "floppy foot since Monday" and the Ghanaian
"ei, ..." fell to Fallback: they are carriers now (tests/functional/test_carriers_r24.py)."""

from __future__ import annotations

import pytest

from hamstring_coach.domain.red_flags import RedFlags


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("I no fit hold my wee since this morning", "bladder_bowel"),
        ("abeg I no dey fit control my bowels again", "bladder_bowel"),
        ("my dad can't walk since he fell, he has to hop everywhere", "cannot_bear_weight"),
        ("my son can't weight bear after the game", "cannot_bear_weight"),
        ("my sister can't walk since her fall on the ice", "cannot_bear_weight"),
        ("my husband looks gaunt and he's lost weight since this started", "weight_loss"),
        ("my dad's lost a lot of weight since the pain began", "weight_loss"),
        ("my mum had breast cancer, she's had this sore bottom for weeks", "their_history"),
        ("my father had cancer in his bowel years ago, he has had this sore leg a month", None),
        ("after a month of looking after it myself it's the same or worse", "not_improving"),
        ("six weeks of doing the program properly and it's still the same", "not_improving"),
    ],
)
def test_a_family_read_from_holdout24_raises_its_flag(
    red_flag_rules: RedFlags, text: str, row: str | None
) -> None:
    found, _ = red_flag_rules.assess_whose(text)
    assert found is not None, text
    if row is not None:
        assert found.id == row, (text, found.id)


@pytest.mark.parametrize(
    "text",
    [
        "I no fit sit long on the bus, na the sit bone",
        "my son can weight bear fine, it's just sore",
        "after a month of self-care it's much better",
        "my husband looks tired after work",
        "my mum had a cancer scare that came to nothing, her bum is fine",
        "six weeks of doing the program and it's a lot better",
    ],
)
def test_its_calm_twins_stay_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None, text
