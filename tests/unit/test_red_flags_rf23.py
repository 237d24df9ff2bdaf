"""Round 23 (rf23): a leg sign spread to the other leg read as both legs by the rules alone,
holdout22's remaining misses as families, and calm lines raised, by cause, each with red
twins that must still raise their flag. The sentences are written for these tests, not
taken from any set. Read by the rules alone (the learned second opinion is emptied): the
rules must hold each family without the model's help."""

from __future__ import annotations

import pytest

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.red_flags import RedFlags
from hamstring_coach.domain.triage import Level


def _id(flags: RedFlags, text: str) -> str | None:
    found = flags.assess(text)
    return found.id if found else None


def test_the_learned_opinion_is_really_out(red_flag_rules: RedFlags) -> None:
    # The fixture is the rules alone: an empty model says nothing about any statement.
    assert red_flag_rules.learned.classify(("both", "legs", "weak")) is None


# A one-leg sign now in the other leg is both legs (emergency, possible cauda equina), not
# one leg (urgent), however far the sign sits from the side words.
@pytest.mark.parametrize(
    "text",
    [
        "it was only my left but now the right one has gone all tingly and weak as well",
        "at first just the right leg was numb but now the left one is going numb and heavy too",
        "now the other leg is numb as well",
        "the weakness has spread to my other leg",
        "my good leg is getting weak too",
        "first it was one leg, now the other leg has gone weak as well",
        "it started in my left leg and now the right one is tingling too",
        "the other leg has started going numb too",
        "first the right, now the left one's tingling",
        "the pins and needles have moved across to the opposite leg",
        "the numbness has spread across to the other side",
        "my right leg was numb and now my left one has gone numb too",
        "the other side has gone weak and heavy as well",
        "baith ma legs went weak",
        "baith legs are tingling since the morning",
        "both of me legs feel like jelly",
        "my right leg is numb and the other leg was fine but now it's numb too",
        "my right leg has gone weak and the other leg is fine but a bit tingly",
    ],
)
def test_a_sign_in_the_other_leg_is_both_legs_by_the_rules_alone(
    red_flag_rules: RedFlags, text: str
) -> None:
    found = red_flag_rules.assess(text)
    assert found is not None and found.level is Level.EMERGENCY, (text, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my other leg is fine", None),
        ("the left one is a bit sore too from compensating, just achy", None),
        ("the other leg is stronger", None),
        ("the left one aches a bit too from limping, nothing more", None),
        ("my other leg feels normal", None),
        ("I did the right side, now the left, is that right", None),
        ("my right hamstring is sore and now the left is a little tight as well", None),
        # one leg's sign with the other leg said to be fine is the one-leg row (urgent)
        ("my right leg is weak, the other leg is totally fine", Level.URGENT),
        ("my left leg is numb, the other leg is normal", Level.URGENT),
        # ...but a word that could put a sign in the other leg ("gone", "but", "too") keeps
        # both legs: the reading is unclear, so the higher flag
        ("my left leg has gone numb, the other leg is normal", Level.EMERGENCY),
    ],
)
def test_calm_or_one_leg_twins(red_flag_rules: RedFlags, text: str, expected: Level | None) -> None:
    found = red_flag_rules.assess(text)
    assert (found.level if found else None) is expected, (text, found)


# holdout22's remaining misses, each as a family with calm twins.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a groove in the back of the leg: the bare "groove in the" exception took it
        ("a groove in the back of my thigh has appeared since the sprint", "lump_gap_deformity"),
        ("I can feel a groove in the muscle where it used to be smooth", "lump_gap_deformity"),
        ("there's a groove in the hamstring now, just under my bum", "lump_gap_deformity"),
        ("I'm getting into the groove with the bridges", None),
        ("the foam roller has a groove in the middle of it", None),
        # no position in bed: "cannot find" is read "not", a denial of what follows
        ("I couldn't find a comfy position in bed all night, it aches", "night_rest_pain"),
        ("can't find a single position that doesn't hurt when I lie down", "night_rest_pain"),
        ("I cannot find any position where it stops aching at night", "night_rest_pain"),
        ("I can't find my slippers in the bedroom", None),
        ("I can't find the right position for the nordic curls", None),
        ("I cannot find a comfortable position for the bridges", None),
        ("I don't change position in bed much", None),
        # someone else's age with a new ache where they sit
        ("my dad is seventy two and he's got a new ache in his bum", "new_pain_over_50"),
        ("my nan, she's eighty, just started getting an ache where she sits", "new_pain_over_50"),
        ("my husband's sixty and he's got a new ache at the top of his leg", "new_pain_over_50"),
        ("my mum's sixty seven and she's got a new hip, it's brilliant", None),
        ("my dad's seventy and he's got a new bike", None),
        ("my mum's sixty seven and she's had this ache for years", None),
        # the program done for a time and worse, the person's own or someone else's
        ("I've been doing the program since March and I'm worse", "not_improving"),
        ("my dad's been on the program six weeks and he's getting worse", "not_improving"),
        ("my son's been doing your plan since january and he is worse", "not_improving"),
        ("my wife's done the exercises for a month and honestly she's worse", "not_improving"),
        ("my husband's been doing the program since March and he loves it", None),
        ("my wife has been doing the exercises for a month and she's much better", None),
        ("my husband is worse at remembering his exercises than me", None),
    ],
)
def test_holdout22s_misses_as_families(
    red_flag_rules: RedFlags, text: str, expected: str | None
) -> None:
    assert _id(red_flag_rules, text) == expected, text


def test_someone_elses_age_and_program_are_theirs(red_flag_rules: RedFlags) -> None:
    # Their flag, so the advice is that THEY be seen and the person's program goes on.
    for text in (
        "my dad is seventy two and he's got a new ache in his bum",
        "my dad's been on the program six weeks and he's getting worse",
    ):
        found, theirs = red_flag_rules.assess_whose(text)
        assert found is not None and theirs, text


# Calm lines raised, by cause: long ago or long-standing, explained, gone, not on the leg,
# or said not to be; each with red twins that keep their flag.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # explained by a knock, a blood test, or small
        ("there's a bruise on my thigh from bumping into the bed frame, no big deal", None),
        ("the bruise on my leg is from the cat jumping up, it's only small", None),
        ("the bruise is from the blood test last week, it's on my arm", None),
        ("a bruise on my thigh from walking into the table, getting bigger", "large_bruise"),
        ("a bruise on the back of my thigh from bumping the door, purple all down", "large_bruise"),
        ("I felt a pop and the bruise on my thigh is small", "pop"),
        # long-standing: always done that, been there for years
        ("my hip clicks and pops when I get up, no pain, it has always done that", None),
        ("a lump on my shin from a hockey ball, been there for years", None),
        ("a lump on the back of my thigh, been there for years, now bigger", "lump_gap_deformity"),
        ("I felt a pop in my hamstring yesterday, it always does that", "pop"),
        # not the leg
        ("I heard a pop from the log burner, nothing to do with my leg", None),
        ("a crack when my knee straightened, the physio says it's gas in the joint", None),
        ("a crack when my knee bent and then sharp pain behind it", "pop"),
        ("my leg tingled when I knocked my funny bone, I mean my elbow", None),
        ("my leg has been tingling for days and I hit my funny bone too", "leg_numb_tingle_weak"),
        # explained and gone
        ("my thigh feels warm because I've just come out of a hot shower, not red at all", None),
        ("my calf is warm since my shower and it's swollen and tender", "hot_swollen_limb"),
        ("my leg swelled on the coach trip but went down the same day", None),
        ("my leg swelled on the flight and it's still swollen", "hot_swollen_limb"),
        ("I lost a couple of pounds with a stomach bug but I'm back to normal", None),
        ("I had the flu and I'm still shivery with a temperature", "fever_unwell"),
        ("it goes numb when I sit on the hard seat, but it's fine once I get up", None),
        ("it goes numb when I sit and it is still numb hours later", "leg_numb_tingle_weak"),
        ("my calf cramped at night and eased once I stretched it", None),
        ("my calf aches every night and nothing eases it", "night_rest_pain"),
        # a relative's sign explained; a benign lump removed
        ("my sister had bladder trouble after giving birth, I'm asking about my hamstring", None),
        ("there's a dip where they took out a harmless cyst years ago", None),
        # said not to be worse, with no time or self-care
        ("the hamstring pain is the same, not worse, just letting you know", None),
        ("the pain is the same after eight weeks of the exercises", "not_improving"),
    ],
)
def test_calm_lines_by_cause(red_flag_rules: RedFlags, text: str, expected: str | None) -> None:
    assert _id(red_flag_rules, text) == expected, text


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # an explanation is set aside by what says the sign is real after all (raised beside
        # a higher flag: assess gives the highest, so every flag raised is read here)
        ("I lost half a stone with the flu and I keep losing it without trying", "weight_loss"),
        ("I had a lump removed and it was cancer", "cancer_history"),
        ("I had a fatty lump removed but the biopsy said malignant", "cancer_history"),
    ],
)
def test_an_explanation_undone_keeps_the_flag(
    red_flag_rules: RedFlags, text: str, row: str
) -> None:
    assert row in {f.id for f in red_flags.raised(text, red_flag_rules)}, text


# After holdout23's one measurement its red-flag misses were read (safety before
# blindness): someone else's urge to go no longer felt was read as a numb leg (urgent), and
# a leak said plainly was missed. Sentences written for this test.
@pytest.mark.parametrize(
    "text",
    [
        "my mother says she can't feel when she needs to go anymore",
        "my dad can't tell when he needs to go to the toilet now",
        "I leak a little when I walk now, since the leg got bad",
        "she leaks when she coughs since the pain started",
    ],
)
def test_an_urge_not_felt_or_a_leak_is_an_emergency(red_flag_rules: RedFlags, text: str) -> None:
    found = red_flag_rules.assess(text)
    assert found is not None and found.id == "bladder_bowel" and found.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the tap in the bathroom leaks a bit, anyway my hamstring is sore",
        "I know when I need to go, no problems there, just the sit bone ache",
    ],
)
def test_a_leaking_tap_or_a_normal_urge_stays_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None
