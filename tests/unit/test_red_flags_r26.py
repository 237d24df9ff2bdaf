"""Round 26: red flags, by family, with the rules alone (the learned second opinion emptied).

After holdout25 was retired, its on-topic questions that went to safety were read by cause:
a word of a sign said of something else (bumps on a trail, a hot oven, time wasted, a surf
pop-up, the knees drawn to the chest, "can it be both"), a snap asked about as a risk, a
habit done every night, a flare of the last day or two said "worse than before", and months
said of something other than the pain. Two left from round 25: no better after only days,
and the legs said to be fine beside a sign in the hands. Each became a family with its
raising neighbours: a leg part, a sign or weeks of care said too keep the flag.

After holdout26's one measurement (31a0b52: 360/380, 20 false alarms, 0 under-triaged) its
ten missed statements were read, safety before blindness, and became families: toes caught
on a kerb by someone else, a leg that sends them straight down on standing, the muscle slid
down the leg, a calf twice the size, someone else's cancer then "this ache has started",
kept up every night with it and "there even when he's still".

Sentences written for these tests, not the set's."""

from __future__ import annotations

import pytest

from hamstring_coach.domain.red_flags import RedFlags


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a pop felt on the board, a snap felt
        ("I felt a pop high in my hamstring when popping up on the board", "pop"),
        ("could it snap again, I felt something snap in my bum on Sunday", "pop"),
        # both, with a sign in both legs
        ("the doctor says it could be both, and both my legs are numb now", "both_legs"),
        ("I lift with two legs and then both legs went weak and wobbly", "both_legs"),
        # the knees to the chest, with a chest pain
        ("I pull my knees up to my chest and get a crushing pain in my chest", "chest_pain"),
        # a flare with weeks of care and no change
        ("worse since two days, and eight weeks of exercises with no improvement", "not_improving"),
        ("for three months it's been getting worse despite the exercises", "not_improving"),
        # every night with pain, all the time with an ache, stiffness that never eases
        ("I do them every night and the pain wakes me up", "night_rest_pain"),
        ("I feel tight all the time and it aches all night", "night_rest_pain"),
        ("it stiffens up overnight and the pain wakes me, it never eases", "night_rest_pain"),
        # wasting that is the body's
        ("I've been wasting away and lost a lot of weight", "weight_loss"),
        # a hot leg, a bump on the body
        ("my calf is hot and swollen after standing by the ovens all day", "hot_swollen_limb"),
        ("there's a hard bump at my sit bone since the trail ride", "lump_gap_deformity"),
        # weeks of no progress; legs fine "but" weak; a sign in the feet beside fine legs
        ("it's been six weeks and it's no better", "not_improving"),
        ("my legs are fine but weak when I stand up", "legs_giving_way"),
        ("my feet are numb, my legs are fine though", "legs_giving_way"),
        ("pins and needles in both feet but the legs are fine", "both_legs"),
        # (after holdout26's measurement) its ten missed statements as families
        ("my husband keeps catching his toes on the kerb", "foot_drop"),
        ("I tried to get up from the chair and went straight down", "cannot_bear_weight"),
        ("I can only stand on my good leg since lunch", "cannot_bear_weight"),
        ("the muscle has slid down towards my knee", "lump_gap_deformity"),
        ("my right calf is double the size of the left", "hot_swollen_limb"),
        (
            "my gran had bowel cancer, she's in the clear, but this pain has started",
            "their_history",
        ),
        ("my mum is up every night with it, even when she is still", "night_rest_pain"),
    ],
)
def test_a_family_raises_its_flag(red_flag_rules: RedFlags, text: str, row: str) -> None:
    flag = red_flag_rules.assess(text)
    assert flag is not None and flag.id == row, (text, flag and flag.id)


@pytest.mark.parametrize(
    "text",
    [
        "I surf most mornings and popping up on the board pulls at the back of my leg",
        "my son wants to know if a cortisone shot can make the tendon snap",
        "could it snap if I go back to sprinting too soon",
        "one physio says tendon, the other says nerve, could it be both",
        "for the bridge do I go up with both legs and down with one",
        "I hug my knees to my chest in bed and my bum is sore in the morning",
        "I tweaked it yesterday and it came back worse than before, do I start again",
        "the pain is worse since two days, what should I do",
        "does a flare-up mean it's getting worse or is it just a bad week",
        "first game in months on Saturday and now it's sore",
        "I can't afford to be off work for months, how long does it take",
        "I'm on the rowing machine every night, how long should I go for",
        "I walk the dog every night, is that enough",
        "I feel tight all the time, should I stretch more",
        "it stiffens up overnight but eases once I get moving",
        "my husband says I'm wasting my time with the exercises",
        "I work next to hot ovens all day and my leg feels looser",
        "mountain biking over the bumps on the trail, is that okay",
        "it's only been ten days and it's no better, is that normal",
        "I've got pins and needles in my hands but the legs are fine",
    ],
)
def test_a_calm_line_stays_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None
