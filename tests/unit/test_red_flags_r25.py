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


# After holdout25's one measurement (b4ac158: 364/380, 48 false alarms, 4 under-triaged) its
# eight missed statements and two under-triaged ones were read, safety before blindness, and
# each became a family. Sentences written for these tests, not the set's.
@pytest.mark.parametrize(
    ("text", "row"),
    [
        # numb likened to a dead material
        ("my mum says her bottom and inner thighs feel like cardboard", "saddle_numbness"),
        ("down below it feels like rubber when I wipe", "saddle_numbness"),
        # hours with no wee, and no urge
        ("I've not been for a wee in ten hours and I don't need to", "bladder_bowel"),
        ("he hasn't had a pee in a whole day", "bladder_bowel"),
        # legs that "have gone"
        ("I can't get off the sofa without my arms, both legs have gone", "both_legs"),
        ("my legs have just gone on me since lunch", "legs_giving_way"),
        # a chest with someone sitting on it
        ("my chest feels like someone is sitting on it", "chest_pain"),
        # someone else's cancer said by its kind or its treatment, and a pain said new
        ("my husband finished his prostate cancer treatment, now his bum aches", "their_history"),
        ("my mum had ovarian cancer years back and this pain is new", "their_history"),
        # tried everything and worse than a season ago
        ("I've tried everything and it's worse than it was in the summer", "not_improving"),
        # a belt on a new notch (its carrier takes "belt's")
        ("on a new notch and I'm eating as much as ever", "weight_loss"),
    ],
)
def test_a_family_read_from_holdout25_raises_its_flag(
    red_flag_rules: RedFlags, text: str, row: str
) -> None:
    flag = red_flag_rules.assess(text)
    assert flag is not None and flag.id == row, (text, flag and flag.id)


@pytest.mark.parametrize(
    "text",
    [
        "I can get up without my arms now, my legs feel strong",
        "sitting on the wooden benches at the fair kills my sit bone",
        "I went down a notch on the leg press",
    ],
)
def test_their_calm_neighbours_stay_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None


# Its calm lines were then read by cause: a short-lived sign said with its end ("it went the
# next day", "gone once I took them off", "gone by breakfast", weight "put back on"), and
# fingers popped on a stretch. Never an emergency row (they refuse an end), and a return or
# a recent time keeps a sign current.
@pytest.mark.parametrize(
    "text",
    [
        "I ran a temperature after the jab but it went the next day",
        "I dropped a few pounds with a stomach bug and put it all back on",
        "my toes went numb in my new boots and it was gone once I took them off",
        "there's an ache at night after a long shift but it's gone by breakfast",
        "my fingers popped when I stretched them at my desk",
    ],
)
def test_a_sign_said_with_its_end_is_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("I had a fever, it went the next day but came back tonight", "fever_unwell"),
        ("I felt a pop in my hamstring when I stretched my back leg", "pop"),
        ("my leg went weak yesterday and it's still weak today", "leg_numb_tingle_weak"),
    ],
)
def test_a_return_or_a_leg_keeps_it_a_flag(red_flag_rules: RedFlags, text: str, row: str) -> None:
    flag = red_flag_rules.assess(text)
    assert flag is not None and flag.id == row, (text, flag and flag.id)
