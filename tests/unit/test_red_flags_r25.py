"""Round 25: red flags, by family, with the rules alone (the learned second opinion emptied).

- "Bump up the weight" raises a dose; a bump under the buttock stays a flag.
- After holdout25's one measurement (b4ac158: 364/380, 48 false alarms, 4 under-triaged) its
  eight missed statements and two under-triaged ones were read, safety before blindness, and
  each became a family.
- Its calm lines were then read by cause: a short-lived sign said with its end, and fingers
  popped on a stretch. Never an emergency row (they refuse an end); a return, a recent time
  or a leg part named keeps a sign current.

Sentences written for these tests, not the set's."""

from __future__ import annotations

import pytest

from hamstring_coach.domain.red_flags import RedFlags


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a bump on the body
        ("there's a bump up by my sit bone that wasn't there last week", "lump_gap_deformity"),
        ("I've got a bump under my buttock since the fall", "lump_gap_deformity"),
        ("a hard bump came up where the tendon is", "lump_gap_deformity"),
        # numb likened to a dead material
        ("my mum says her bottom and inner thighs feel like cardboard", "saddle_numbness"),
        ("down below it feels like rubber when I wipe", "saddle_numbness"),
        # hours with no wee, and no urge
        ("I've not been for a wee in ten hours and I don't need to", "bladder_bowel"),
        ("he hasn't had a pee in a whole day", "bladder_bowel"),
        # legs that "have gone"; "without my arms" is a means, not a denial
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
        # a return, a leg part or a recent time keeps it current
        ("I had a fever, it went the next day but came back tonight", "fever_unwell"),
        ("I felt a pop in my hamstring when I stretched my back leg", "pop"),
        ("my leg went weak yesterday and it's still weak today", "leg_numb_tingle_weak"),
    ],
)
def test_a_family_raises_its_flag(red_flag_rules: RedFlags, text: str, row: str) -> None:
    flag = red_flag_rules.assess(text)
    assert flag is not None and flag.id == row, (text, flag and flag.id)


@pytest.mark.parametrize(
    "text",
    [
        # "bump up" as "raise"
        "when do I bump up the weight, every session or once a week",
        "should I bump it up to the next level now",
        "my physio bumped up the weights on the deadlift",
        # the families' calm neighbours
        "I can get up without my arms now, my legs feel strong",
        "sitting on the wooden benches at the fair kills my sit bone",
        "I went down a notch on the leg press",
        # a sign said with its end
        "I ran a temperature after the jab but it went the next day",
        "I dropped a few pounds with a stomach bug and put it all back on",
        "my toes went numb in my new boots and it was gone once I took them off",
        "there's an ache at night after a long shift but it's gone by breakfast",
        "my fingers popped when I stretched them at my desk",
    ],
)
def test_a_calm_line_stays_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None
