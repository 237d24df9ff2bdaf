"""Round 25: red-flag words that are also everyday English. "Bump up the weight" raises a
dose; it is no bump under the buttock, which stays a flag. Sentences written for these
tests; the rules alone (the learned second opinion emptied) must hold them."""

from __future__ import annotations

import pytest

from hamstring_coach.domain.red_flags import RedFlags


@pytest.mark.parametrize(
    "text",
    [
        "when do I bump up the weight, every session or once a week",
        "should I bump it up to the next level now",
        "my physio bumped up the weights on the deadlift",
    ],
)
def test_bump_up_as_raise_is_no_lump(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "there's a bump up by my sit bone that wasn't there last week",
        "I've got a bump under my buttock since the fall",
        "a hard bump came up where the tendon is",
    ],
)
def test_a_bump_on_the_body_is_still_a_lump(red_flag_rules: RedFlags, text: str) -> None:
    flag = red_flag_rules.assess(text)
    assert flag is not None and flag.id == "lump_gap_deformity", text
