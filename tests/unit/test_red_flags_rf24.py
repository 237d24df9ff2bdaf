"""Round 24 (rf24): red flags said in everyday words that holdout23 (retired) still missed,
and calm lines raised because a short-lived sign was said with its end. Each family is
written as a rule, with red twins that must still raise their flag and calm twins that must
stay calm. The sentences are written for these tests, not taken from any set. Read by the
rules alone (the learned second opinion is emptied): the rules must hold each family
without the model's help.

Safety first: no calming rule of this round reaches an emergency row (content refuses
`can_be_past` there), a sign that keeps coming back or was said with a recent time stays
current, and a sign that stopped and then "came straight back" is a return."""

from __future__ import annotations

import pytest

from hamstring_coach.domain.red_flags import RedFlags
from hamstring_coach.domain.triage import Level


def _id(flags: RedFlags, text: str) -> str | None:
    found = flags.assess(text)
    return found.id if found else None


def test_the_learned_opinion_is_really_out(red_flag_rules: RedFlags) -> None:
    assert red_flag_rules.learned.classify(("my", "bum", "went", "to", "sleep")) is None


# The saddle area "went to sleep" or "fell asleep", or never woke: numbness in lay words.
@pytest.mark.parametrize(
    "text",
    [
        "honestly my backside went to sleep on the ferry and it never woke up",
        "my bum fell asleep on the long drive and it still hasn't woken up",
        "the bit between my legs went to sleep on Tuesday and it's still asleep",
        "my bottom goes to sleep and it won't wake up",
        "it went numb down there and it hasn't come back",
        "my groin went to sleep last night and stayed asleep",
    ],
)
def test_the_saddle_area_gone_to_sleep_is_an_emergency(red_flag_rules: RedFlags, text: str) -> None:
    found = red_flag_rules.assess(text)
    assert found is not None and found.level is Level.EMERGENCY, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "I went to sleep early and woke up with a sore bottom from the bike",
        "I fell asleep on the sofa, can I still do my bridges",
        "the baby went to sleep at last, so I can do my exercises now",
    ],
)
def test_the_person_going_to_sleep_is_no_saddle_sign(red_flag_rules: RedFlags, text: str) -> None:
    found = red_flag_rules.assess(text)
    assert found is None or found.id != "saddle_numbness", (text, found)


# Not improving after weeks: an intensified "not better", weeks of the program said first,
# a score that stays put, and someone else following the skill's advice.
@pytest.mark.parametrize(
    "text",
    [
        "I've been at the rehab for two months and honestly it's not a jot better",
        "nine weeks of doing these and it's not one bit better",
        "three months of the exercises and it's no better",
        "four weeks of the program and honestly it's worse",
        "five weeks on the plan, it's worse",
        "five weeks in and the pain is still hovering around a six out of ten",
        "two months on the program and I'm still stuck at a four out of ten",
        "my husband followed your advice for a month and his hamstring is getting worse",
        "my sister has done everything you told her for six weeks and she's no better",
        "it's not the slightest bit better after all these weeks",
    ],
)
def test_no_better_after_weeks_is_not_improving(red_flag_rules: RedFlags, text: str) -> None:
    assert _id(red_flag_rules, text) == "not_improving", text


@pytest.mark.parametrize(
    "text",
    [
        "isn't it a bit better to rest it for a day",
        "is it a bit better to ice it or heat it",
        "I weigh about the same as always, nothing's changed there",
        "my weight's exactly the same, I weigh the same as last year",
        "I'm still sitting at my desk all day, is that ok",
        "my wife says you said the bridges are good, she loves them",
    ],
)
def test_calm_twins_of_not_improving_stay_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert _id(red_flag_rules, text) is None, text


# Someone else's large bruise or lump at the top of their leg (the thigh).
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my lad has a massive bruise at the top of his leg after rugby", "large_bruise"),
        ("my wife has a huge purple bruise on her upper leg since she fell", "large_bruise"),
        ("my son's got a lump at the top of his leg after the tackle", "lump_gap_deformity"),
    ],
)
def test_someone_elses_sign_at_the_top_of_their_leg(
    red_flag_rules: RedFlags, text: str, flag: str
) -> None:
    assert _id(red_flag_rules, text) == flag, text


@pytest.mark.parametrize(
    "text",
    [
        "my son has a bruise on his arm from football",
        "my daughter banged the top of her head on the cupboard",
    ],
)
def test_someone_elses_knock_elsewhere_stays_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert _id(red_flag_rules, text) is None, text


# A step, a ledge or something missing under the hand: a gap (avulsion).
@pytest.mark.parametrize(
    "text",
    [
        "there's a step under my bum cheek where the tendon should be",
        "it feels like something is missing under my sit bone",
        "when I press the top of the hamstring there's a ledge",
        "feels like a shelf under the crease of my buttock",
    ],
)
def test_a_step_or_something_missing_is_a_gap(red_flag_rules: RedFlags, text: str) -> None:
    assert _id(red_flag_rules, text) == "lump_gap_deformity", text


@pytest.mark.parametrize(
    "text",
    [
        "what's the next step in the program",
        "I missed a step on the stairs but I'm fine",
    ],
)
def test_steps_of_other_kinds_stay_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert _id(red_flag_rules, text) is None, text


# A short-lived sign said with its end ("then fine", "the feeling came straight back",
# "nearly gone", "nothing since"), for the rows that may be past.
@pytest.mark.parametrize(
    "text",
    [
        "my calf tingled for a moment when I knelt on the tiles, then normal",
        "my leg went dead for a second on the hard stool and the feeling came straight back",
        "my foot went to sleep under me and woke up after a minute of pins and needles",
        "my foot went numb sitting on the floor, then it was fine",
        "the bruise on my shin is from the coffee table and it's nearly gone",
        "I had a fever with the flu back in the spring, nothing since",
        "my thigh was freezing after the sea swim, then warm again in the car",
        "my leg went numb on the milking stool, the feeling came back when I got up",
        "I had a bruise on my thigh from the gate, it's fine again",
    ],
)
def test_a_short_lived_sign_said_with_its_end_is_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert _id(red_flag_rules, text) is None, text


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # an emergency row is never calmed by a transient rule
        ("it went numb down there and it hasn't come back", Level.EMERGENCY),
        ("my bum went numb for a moment then fine, but now it's numb again", Level.EMERGENCY),
        ("my bottom was numb for a minute on the bench, then fine", Level.EMERGENCY),
        ("both my legs went weak for a moment then fine", Level.EMERGENCY),
        # a return, a recurrence or a recent time keeps it current
        ("the tingling stopped for a moment then it came straight back", Level.URGENT),
        ("my foot keeps going numb, then fine", Level.URGENT),
        ("my leg went numb yesterday then fine", Level.URGENT),
        ("my leg went numb for a moment and now it's numb all the time", Level.URGENT),
        ("my calf goes numb every time I sit, then it's fine", Level.URGENT),
        ("I had a fever last week, nothing since", Level.URGENT),
        # a different sign said before the end stays
        ("the bruise on my thigh is huge and spreading, the swelling is nearly gone", Level.URGENT),
        ("my calf was cold after the swim then warm again but now it's swollen", Level.URGENT),
        ("my calf is hot and red, it was warm again after the ice came off", Level.URGENT),
    ],
)
def test_red_twins_of_the_short_lived_rule_keep_their_level(
    red_flag_rules: RedFlags, text: str, level: Level
) -> None:
    found = red_flag_rules.assess(text)
    assert found is not None and found.level is level, (text, found)
