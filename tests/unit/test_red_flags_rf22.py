"""Round 22 (rf22): calm statements that were raised, by cause, each with red twins that must
still raise their flag. The sentences are written for these tests, not taken from any set."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.red_flags import RedFlagContentError, RedFlags


@pytest.fixture(scope="module")
def flags(content_source: dict[str, Any]) -> RedFlags:
    return red_flags.load(content_source["en"]["red_flag"])


def _id(flags: RedFlags, text: str) -> str | None:
    found = flags.assess(text)
    return found.id if found else None


# A word read in a sense the row does not mean: "sick" as worry, a flu jab, running down a
# hill, an ear or an ankle that popped, bruising asked about a kind of injury.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my partner is worried sick about me running the marathon", None),
        ("honestly I'm sick to death of sitting on a cushion", None),
        ("what makes a tendon get sick in the first place", None),
        ("my shoulder aches from the flu shot, otherwise all good", None),
        ("is it ok to run down the stairs at the station yet", None),
        ("could I jog or run down the slope on my usual loop", None),
        ("my ears popped on the train through the tunnel", None),
        ("there was a pop in my wrist when I opened the jar", None),
        ("I popped the blister on my toe with a needle", None),
        ("would a strain have bruising, or does a tear get bruising", None),
        ("is bruising a sign of a tear or of the tendon thing", None),
        # ...red twins
        ("I'm sick and shivering and my hamstring aches", "fever_unwell"),
        ("I had the flu shot and now I've a high temperature and my leg aches", "fever_unwell"),
        ("I feel so run down, sweating at night, and the back of my thigh hurts", "fever_unwell"),
        ("I heard a pop in my hamstring as I ran down the hill", "pop"),
        ("a pop in my knee and then the back of my thigh went sharp", "pop"),
        ("is bruising a sign of a tear, I have a huge purple patch on my thigh", "large_bruise"),
        ("does a strain get bruising like mine, it is spreading down to my knee", "large_bruise"),
    ],
)
def test_words_in_another_sense(flags: RedFlags, text: str, expected: str | None) -> None:
    assert _id(flags, text) == expected, text


# A tear wondered about when the pain came on slowly: the brief's self-care sign, not a pop.
# A sound, suddenness, a mechanism or a sign of a tear said with it keeps the flag.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my physio friend thinks I tore it, but it crept up on me, which one is it", None),
        ("could I have torn something if it came on gradually", None),
        ("the gym guy says I tore it, there was no pop, it built up bit by bit", None),
        # ...red twins
        ("I think I tore it doing the splits, it has been slowly stiffening since", "pop"),
        ("I tore something, it was sudden, and it has got slowly more bruised", "pop"),
        ("I tore it yesterday and it is slowly swelling up", "pop"),
        ("I felt it tear, and the pain has slowly spread since", "pop"),
    ],
)
def test_a_tear_wondered_about_over_a_slow_onset(
    flags: RedFlags, text: str, expected: str | None
) -> None:
    assert _id(flags, text) == expected, text


# Pain at night or at rest said to ease is not the flag's pain that does not ease.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it niggles at rest on the train but changing position eases it", None),
        ("a bit of a night ache after a long drive, gone by morning", None),
        ("the ache at night only comes when I lie on that side, I sleep well otherwise", None),
        # ...red twins
        ("the pain at night never eases, whatever position I try", "night_rest_pain"),
        ("it aches at rest every night and nothing eases it", "night_rest_pain"),
        ("it throbs at night, changing position eases it for a minute", "night_rest_pain"),
        ("it wakes me in the night, then I sleep fine once I get comfy", "night_rest_pain"),
    ],
)
def test_night_or_rest_pain_that_eases(flags: RedFlags, text: str, expected: str | None) -> None:
    assert _id(flags, text) == expected, text


# "No different" or "the same as ever" said beside something else, with no time and no
# self-care: the leg unaffected, not a lack of progress.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I had a sore throat on Sunday, the hamstring is no different", None),
        ("new trainers rub my heel but my leg is the same as ever", None),
        # ...red twins
        ("eight weeks of the exercises and it is no different", "not_improving"),
        ("it's the same as ever after two months of rehab", "not_improving"),
        ("I've been resting it and it's still no different", "not_improving"),
    ],
)
def test_no_different_without_time_or_self_care(
    flags: RedFlags, text: str, expected: str | None
) -> None:
    assert _id(flags, text) == expected, text


# A limb gone to sleep for seconds after a position or the cold is not a nerve sign; one
# that is new, lasts, spreads or is in both legs or the saddle still is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my foot tingled after kneeling to paint, gone as soon as I stood up", None),
        ("my calf felt weak for a second after cramp, then it came back in seconds", None),
        ("my toes were numb in the snow but warmed up fine", None),
        # ...red twins
        ("my foot goes numb for a minute and it happens every day now", "leg_numb_tingle_weak"),
        ("tingling down my leg, it went in seconds but it's new", "leg_numb_tingle_weak"),
        ("my foot tingles after sitting and it is still numb hours later", "leg_numb_tingle_weak"),
        ("both legs went weak for a few seconds when I stood up", "both_legs"),
        ("my bum went numb and it wore off as soon as I stood up", "saddle_numbness"),
    ],
)
def test_a_limb_gone_to_sleep_for_seconds(flags: RedFlags, text: str, expected: str | None) -> None:
    assert _id(flags, text) == expected, text


# A joint or a word in another sense: a knee swollen from a knock, a lump of something,
# numb or weak as feelings, off with hay fever, a star sign, a screening that found nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my knee swelled a little after tiling the bathroom floor", None),
        ("I dropped a lump of coal on the hearth", None),
        ("honestly I've gone numb to all the conflicting advice", None),
        ("I'm out of sorts with my allergies this week", None),
        ("what's my star sign got to do with it", None),
        ("I went for cancer screening last spring and it came back clear", None),
        # ...red twins
        ("my knee and calf are swollen and warm on one side", "hot_swollen_limb"),
        ("my knee is swollen and it's spreading up my thigh", "hot_swollen_limb"),
        ("swelling behind my knee, it's new", "hot_swollen_limb"),
        ("there's a lump at the top of my hamstring", "lump_gap_deformity"),
        ("my foot has gone numb to the touch", "leg_numb_tingle_weak"),
        ("I'm under the weather with hay fever and now a temperature too", "fever_unwell"),
        ("the cancer screening found something and I had treatment", "cancer_history"),
        ("I'm a cancer survivor and this ache is new", "cancer_history"),
        # a small bruise said with its size, and a nerve sign said to be sorted
        ("a little bruise on my thigh from the car door, about the size of a penny", None),
        ("my toes tingled for a while in the spring, it was my back, all sorted now", None),
        ("a small bruise on my thigh after I felt a pull, and it's spreading", "large_bruise"),
        ("a tiny bruise at the back of my thigh since the sprint", "large_bruise"),
        (
            "my foot was numb, they said it was sorted, but it's numb again today",
            "leg_numb_tingle_weak",
        ),
    ],
)
def test_a_joint_or_another_sense(flags: RedFlags, text: str, expected: str | None) -> None:
    assert _id(flags, text) == expected, text


# A sign said of another part later in the sentence, shaky legs after an effort, an onset
# years back said with an age over fifty.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the bruise from the car door is on my forearm", None),
        ("my hand swelled up from a bee sting, my legs are fine", None),
        ("my legs were shaky after the long bike ride up the pass", None),
        ("I'm 58 and the ache began four years ago, it's been looked at", None),
        # ...red twins
        ("the bruise from the tackle is on my arm and a huge one on my thigh", "large_bruise"),
        ("my hand swelled from a sting and now my calf is swollen too", "hot_swollen_limb"),
        ("I'm shaky after my run and I've got a temperature", "fever_unwell"),
        ("I'm 66, it started years ago but this new pain is different", "new_pain_over_50"),
        ("I'm 70 and this pain started last month", "new_pain_over_50"),
    ],
)
def test_another_part_an_effort_or_an_old_onset(
    flags: RedFlags, text: str, expected: str | None
) -> None:
    assert _id(flags, text) == expected, text


# The content rule behind the slow-onset tear: an exception group's `when`.
def _when_rules() -> RedFlags:
    return red_flags.load(
        {
            "words": {"negators": ["no", "not"], "boundaries": ["and", "but"]},
            "tear": {
                "level": "urgent",
                "any": ["tore", "pop"],
                "except": [{"phrases": ["tore"], "when": ["slowly"], "unless": ["bruise"]}],
            },
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i tore it", "tear"),  # no `when` said: the exception does not count
        ("i tore it slowly", None),
        ("i tore it not slowly", "tear"),  # a denied `when` is not said
        ("i tore it slowly and a bruise", "tear"),  # `unless` still sets it aside
        ("i tore it slowly and a pop", "tear"),  # only the group's own phrases are excused
    ],
)
def test_an_exception_group_counts_only_when_its_when_is_said(
    text: str, expected: str | None
) -> None:
    found = _when_rules().assess(text)
    assert (found.id if found else None) == expected


def test_an_empty_when_is_refused() -> None:
    with pytest.raises(RedFlagContentError):
        red_flags.load(
            {
                "x": {
                    "level": "urgent",
                    "any": ["a"],
                    "except": [{"phrases": ["a"], "unless": ["b"], "when": []}],
                }
            }
        )


# Round 22, after holdout22's one measurement: its missed statements were read (safety
# before blindness) and two rule families widened. Sentences written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my foot is lazy and it doesn't go up when I walk", "foot_drop"),
        ("his foot won't go up properly when he steps", "foot_drop"),
        ("my leg feels like it is full of fizzy water to the ankle", "leg_numb_tingle_weak"),
        # Calm twins: the same words about something else.
        ("the drink tasted like lemonade", None),
        ("my legs were tired so I had a fizzy water", None),
        ("I feel lazy about my leg exercises today", None),
    ],
)  # fmt: skip
def test_round_22_families(flags: RedFlags, text: str, expected: str | None) -> None:
    assert _id(flags, text) == expected
