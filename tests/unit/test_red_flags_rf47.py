"""Round 47, after holdout48's one measurement: its missed red-flag statements, its calm
lines raised and its on-topic questions sent to safety were read, and each became a family,
written here with sentences of our own and read by the rules (and their second opinion)
alone. Both ways: the sign said with the new words still raises, and the calm twin stays
calm. The statements that fell to Fallback ("going on three days now ...", "toilet's
normal, well ...", "late at night ...", "half my foot's ...") are carriers now, tested
through the resolver and the skill in tests/functional/test_carriers_r24.py."""

from __future__ import annotations

import pytest

from hamstring_coach.domain.red_flags import RedFlags


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("my toe's gone to sleep and it won't wake up, all morning now", "leg_numb_tingle_weak"),
        ("there's a bit on my shin that feels like cardboard to touch", "leg_numb_tingle_weak"),
        ("not much of a cough, but what I brought up came up bloody", "coughing_blood"),
        ("got a shiner on my thigh the size of a dinner plate, never hit it", "large_bruise"),
        ("at night I'm pacing the kitchen, it won't settle", "night_rest_pain"),
        ("stretched out on the couch and it still aches like mad", "night_rest_pain"),
        ("two months in and it's worse than day one", "not_improving"),
        ("truthfully it's the same as when I started four weeks ago", "not_improving"),
        ("none of us know why grandad keeps losing weight", "weight_loss"),
        ("I'm asking for my uncle, he had bowel cancer", "cancer_history"),
        # The new exceptions set aside only their own words: a real sign said beside them
        ("I rest all the time and the pain still keeps me awake at night", "night_rest_pain"),
        ("the tyre went bang and I felt a pop in my hamstring", "pop"),
        ("my foot slaps the floor when I walk since Monday", "foot_drop"),
        ("my leg went hot and red after the hot tub", "hot_swollen_limb"),
        ("I feel sick and shivery and my tendon's killing me", "fever_unwell"),
    ],
)
def test_a_family_read_from_holdout48_raises_its_flag(
    red_flag_rules: RedFlags, text: str, row: str
) -> None:
    found, _ = red_flag_rules.assess_whose(text)
    assert found is not None, text
    assert found.id == row, (text, found.id)


@pytest.mark.parametrize(
    "text",
    [
        "legs are heavy after the long hike yesterday, nothing else",
        "the tyre on my son's bike went bang on the school run",
        "my loaf rose into a big lump in the tin",
        "the wardrobe got a dent in it when we moved",
        "the old sofa collapsed when the kids jumped on it",
        "the wine left a purple ring on the tablecloth",
        "I'm guessing it's months not weeks, is that right",
        "didn't feel much at the time, now it's a slow ache where I sit, is that a strain",
        "should I rest all the time or keep moving",
        "I sleep on my front every night, is that bad for it",
        "when a hamstring is pulled where does it hurt",
        "is a sick tendon the same as a torn one",
        "the boat was slapping across the waves all day, could that cause it",
        "we sat in the hot springs for an hour, is heat good for it",
    ],
)
def test_its_calm_twins_stay_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None, text
