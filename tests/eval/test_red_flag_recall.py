"""Red-flag recall through the resolver and the real lambda_handler (tests/eval/harness.py).

The dev set is what the model and the lexicon were tuned on: every red flag must reach
safety advice at its level or above, with no false alarm. The frozen set was written before
the lexicon was read and is never tuned on (nor opened by whoever tunes): its figures are
measured and printed (see the end of `make test`). The issue's target, 100% recall, was
reached on it both ways in the review round (216/216, 0/90 false alarms, none under-
triaged; 212/216 and 2/90 before), so it is asserted: a change that loses a frozen red flag
fails here, and the set itself is never edited to pass.
The held-out sets are measured the same way; a target one misses is a strict expected failure
carrying the figure measured once. The second and third held-out sets were retired to tuning
material on the evening of 2026-11-30 and are held to what they measured while held out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from hamstring_coach.app import LambdaHandler
from local.resolver import Resolver
from tests.eval.harness import LEVELS, MODES, REPORTS, Figures, load, measure
from tests.eval.questions_measure import local_skill
from tests.open_sessions import checked

FROZEN_FALSE_ALARMS_BEFORE = 2

# The rows of domain-brief.md section 3, by level (as the frozen set's header names them).
ROWS = {
    "emergency": (
        "saddle_numbness",
        "bladder_bowel",
        "both_legs",
        "breathless_swollen_leg",
        "chest_pain",
        "coughing_blood",
    ),
    "urgent": (
        "pop",
        "cannot_bear_weight",
        "large_bruise",
        "lump_gap_deformity",
        "leg_numb_tingle_weak",
        "foot_drop",
        "hot_swollen_limb",
        "fever_unwell",
    ),
    "soon": (
        "not_improving",
        "night_rest_pain",
        "weight_loss",
        "cancer_history",
        "new_pain_over_50",
    ),
}


def test_dev_set_every_red_flag_reaches_safety_advice_without_false_alarms(
    skill: LambdaHandler, content_source: dict[str, Any]
) -> None:
    figures = measure("dev", skill, Resolver.for_locale("en-US"), content_source["en"]["line"])
    REPORTS["dev"] = figures.report()
    hit, total = figures.recall()
    assert total >= 100
    assert hit == total, figures.report()
    assert not figures.under_triaged, figures.report()
    assert not figures.false_alarms, figures.report()


def test_frozen_set_is_measured_and_printed(
    skill: LambdaHandler, content_source: dict[str, Any]
) -> None:
    figures = measure("frozen", skill, Resolver.for_locale("en-US"), content_source["en"]["line"])
    # Held-out sets print counts only: listing their cases in every run would teach them to
    # whoever tunes (`python -m tests.eval.harness frozen` lists them when a person asks).
    REPORTS["frozen"] = figures.report(limit=0)
    _, total = figures.recall()
    # 108 statements, each one-shot and in session; 45 calm ones the same.
    assert total == 216 and len(figures.calm) == 90
    for mode in MODES:
        mode_hit, mode_total = figures.recall(mode)
        assert mode_hit == mode_total, figures.report(limit=0)
    assert not figures.under_triaged, figures.report(limit=0)
    # False alarms are stated, not a target: no more than the 2 of the round before.
    assert len(figures.false_alarms) <= FROZEN_FALSE_ALARMS_BEFORE, figures.report(limit=0)


# --- the held-out sets nobody tuned on -------------------------------------------------
# The second (red_flags_holdout.yaml, 2026-11-30): written from people's own words and the domain
# brief by someone who read neither the content, the model, the matcher, the lexicon nor the other
# sets' cases; committed alone before it was measured. Measured once on 2026-11-30 (main at
# b5949f8): recall 202/224 = 90.2% (101/112 one-shot, 101/112 in session); false alarms 4/112 (a
# pop "years ago" that healed, a hamstring pulled "thirty years ago"); under-triaged 4 (both legs
# going, tingling spreading to the other leg: emergency statements given urgent advice). Misses
# then, each both ways: "I haven't been able to ..." read as a denial (pee, stand, pull my foot
# up), "it won't take my weight", "it's going down both legs", "struggling to breathe, leg's
# swollen up", a massive purple bruise, hopping, "worse now than when I started", "unexplained
# weight loss", a new pain at seventy two.
# On 3911d98 (the third round, tuned on new dev statements only): recall 216/224 = 96.4%,
# false alarms 2/112, under-triaged 2.
# The third held-out set (red_flags_holdout3.yaml, 2026-11-30 afternoon): written from the
# brief alone by someone who read neither the content, the model, the matcher nor any other
# set, while the matcher was tuned on new development statements; committed alone, measured
# on the morning's code for a baseline (counts only) and once on the final code. Baseline on
# main at 2bbda9d, right after the set was committed (93ea22e): recall 242/278 = 87.1%
# (121/139 each way), false alarms 4/140, under-triaged 4. Measured once on the day's final
# code (main at 3911d98, nothing tuned after): recall 252/278 = 90.6% (126/139 each way),
# false alarms 0/140, under-triaged 4.

# Each held-out set: the least it was written to hold (red-flag and calm statements), and
# how many it holds (so an edit to a set nobody may edit fails here).
HELD_OUT = {
    "holdout": {"least": (100, 50), "holds": (112, 56)},
    "holdout3": {"least": (120, 60), "holds": (139, 70)},
    "holdout4": {"least": (140, 70), "holds": (153, 78)},
    "holdout5": {"least": (160, 80), "holds": (177, 86)},
    "holdout6": {"least": (160, 80), "holds": (171, 90)},
    "holdout7": {"least": (160, 80), "holds": (171, 89)},
    "holdout8": {"least": (170, 85), "holds": (179, 85)},
    "holdout9": {"least": (180, 85), "holds": (209, 96)},
    "holdout10": {"least": (180, 85), "holds": (228, 93)},
    "holdout11": {"least": (180, 85), "holds": (210, 91)},
    "holdout12": {"least": (180, 85), "holds": (190, 90)},
    "holdout13": {"least": (180, 85), "holds": (201, 92)},
    "holdout14": {"least": (180, 85), "holds": (195, 89)},
    "holdout15": {"least": (180, 85), "holds": (190, 95)},
    "holdout16": {"least": (180, 85), "holds": (190, 95)},
    "holdout17": {"least": (180, 85), "holds": (190, 95)},
    "holdout18": {"least": (180, 95), "holds": (190, 102)},
    "holdout19": {"least": (180, 95), "holds": (190, 100)},
    "holdout20": {"least": (180, 95), "holds": (190, 100)},
    "holdout21": {"least": (180, 95), "holds": (190, 100)},
    "holdout22": {"least": (180, 95), "holds": (190, 100)},
    "holdout23": {"least": (180, 95), "holds": (190, 100)},
    "holdout24": {"least": (180, 95), "holds": (190, 100)},
    "holdout25": {"least": (180, 95), "holds": (190, 100)},
    "holdout26": {"least": (180, 95), "holds": (190, 100)},
    "holdout27": {"least": (180, 95), "holds": (190, 100)},
    "holdout28": {"least": (180, 95), "holds": (190, 100)},
    "holdout29": {"least": (180, 95), "holds": (190, 100)},
    "holdout30": {"least": (180, 95), "holds": (190, 100)},
    "holdout31": {"least": (180, 95), "holds": (190, 100)},
    "holdout32": {"least": (180, 95), "holds": (190, 100)},
    "holdout33": {"least": (180, 95), "holds": (190, 100)},
    "holdout34": {"least": (180, 95), "holds": (190, 100)},
    "holdout35": {"least": (180, 95), "holds": (190, 100)},
    "holdout36": {"least": (180, 95), "holds": (190, 100)},
    "holdout37": {"least": (180, 95), "holds": (190, 100)},
    "holdout38": {"least": (180, 95), "holds": (190, 100)},
    "holdout39": {"least": (180, 95), "holds": (190, 100)},
    "holdout40": {"least": (180, 95), "holds": (190, 100)},
    "holdout41": {"least": (180, 95), "holds": (190, 100)},
    "holdout42": {"least": (180, 95), "holds": (190, 100)},
    "holdout43": {"least": (180, 95), "holds": (190, 100)},
    "holdout44": {"least": (180, 95), "holds": (190, 100)},
    "holdout45": {"least": (180, 95), "holds": (190, 100)},
    "holdout46": {"least": (180, 95), "holds": (190, 100)},
    "holdout47": {"least": (180, 95), "holds": (190, 100)},
    "holdout48": {"least": (180, 95), "holds": (190, 100)},
    "holdout49": {"least": (180, 95), "holds": (190, 100)},
}


def _missed(name: str, reason: str) -> Any:
    return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_set_covers_every_row_of_the_brief(name: str) -> None:
    red, calm = load(name)
    least_red, least_calm = HELD_OUT[name]["least"]
    assert len(red) >= least_red and len(calm) >= least_calm
    assert all(s.level in LEVELS and s.row in ROWS[s.level] for s in red)
    rows = Counter(s.row for s in red)
    assert all(rows[row] >= 5 for level in LEVELS for row in ROWS[level]), rows
    assert len({s.text for s in red + calm}) == len(red) + len(calm)


@pytest.fixture(scope="module")
def held_out(content_source: dict[str, Any]) -> Callable[[str], Figures]:
    """Each held-out set measured once per run, on a skill of its own (the figures are plain
    data once out of the moto context), so the targets below share one measurement."""
    measured: dict[str, Figures] = {}

    def figures(name: str) -> Figures:
        if name not in measured:
            with local_skill() as app:
                lines = content_source["en"]["line"]
                measured[name] = measure(name, checked(app), Resolver.for_locale("en-US"), lines)
            REPORTS[name] = measured[name].report(limit=0)
        return measured[name]

    return figures


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_set_is_measured_and_printed(
    held_out: Callable[[str], Figures], name: str
) -> None:
    figures = held_out(name)
    hit, total = figures.recall()
    # Each statement one-shot and in session; the calm ones the same.
    red, calm = HELD_OUT[name]["holds"]
    assert total == 2 * red and len(figures.calm) == 2 * calm
    assert hit > 0


# Retired that evening (2026-11-30, before the fourth round of tuning): both sets were handed
# to whoever tunes the red flags, so their figures since are development figures. Each is held
# to what it measured as a held-out set on 3911d98 (recall, false alarms, under-triaged), and
# the targets move to the set written blind for that round.
# Round 4 (feat/rf) tuned on their misses and reached 224/224 and 276/278 with no false alarm
# and none under-triaged (the two left: "at fifty five I've suddenly got this new pain", whose
# opener "at" is now the reminders' "at {time}"): the floors are raised to that.
RETIRED_FLOORS = {
    "holdout": {"recall": 224, "false_alarms": 0, "under_triaged": 0},
    "holdout3": {"recall": 278, "false_alarms": 0, "under_triaged": 0},
    # Retired the night of 2026-11-30 at its one measurement on 0ce43a1 (below: 274, 16, 0),
    # then tuned on by rf5 (docs/safety-net.md, round 5) and held to what that reached.
    # Round 6 (rf6) reached 306/306 with the same 2 false alarms; round 7 (rf7) 0 false alarms.
    "holdout4": {"recall": 306, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-01 at its one measurement on cf2e1b8 (below: 318, 22, 4), then tuned
    # on by rf6 (docs/safety-net.md, round 6) and held to what that reached; round 7 (rf7)
    # removed its last 2 false alarms.
    "holdout5": {"recall": 354, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-01 at its one measurement on 5238a7b (below: 322, 16, 2), then tuned
    # on by rf7 (docs/safety-net.md, round 7) and held to what that reached.
    "holdout6": {"recall": 342, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-01 at its one measurement on ae02dd4 (below: 328, 26, 2), then tuned
    # on by rf8 (docs/safety-net.md, round 8) and held to what that reached.
    "holdout7": {"recall": 342, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-01 at its one measurement on 46dfe3c (below: 344, 24, 2), then tuned
    # on by rf9 (docs/safety-net.md, round 9) and held to what that reached.
    "holdout8": {"recall": 358, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-01 at its one measurement on cb01080 (below: 402, 28, 0), then tuned
    # on by rf10 (docs/safety-net.md, round 10) and held to what that reached.
    "holdout9": {"recall": 418, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-01 at its one measurement on 59e985d (below: 432, 46, 2); raised in
    # round 11 (rf11) to what its tuning reached.
    "holdout10": {"recall": 456, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-01 (late) at its one measurement on 84389bb (below: 398, 14, 2);
    # raised in round 12 (rf12) to what its tuning reached.
    "holdout11": {"recall": 420, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-02 at its one measurement on 04b5752 (below: 362, 30, 0); raised in
    # round 13 (rf13) to what its tuning reached (11 calm lines still raise, on purpose: over-
    # triage where a calming rule would also calm a real flag, docs/safety-net.md).
    "holdout12": {"recall": 380, "false_alarms": 22, "under_triaged": 0},
    # Retired 2026-12-02 at its one measurement on 37bfcc1 (below: 384, 30, 0); raised in
    # round 14 (rf14) to what the learned second opinion and two word families reached.
    # Round 23 (rf23): false alarms 24 -> 20 (e30b2cc -> rf23), measured by this harness.
    "holdout13": {"recall": 390, "false_alarms": 20, "under_triaged": 0},
    # Retired 2026-12-02 (third session) at its one measurement on 2f5c497 (below: 362, 22,
    # 6; the shipped code differs only by refactors checked to change no decision); raised
    # in round 15 (rf15) to what its tuning reached: the 14 trials still missed are Fallback
    # turns (no text reaches the matcher), the 16 false alarms over-triage kept on purpose.
    "holdout14": {"recall": 376, "false_alarms": 16, "under_triaged": 0},
    # Retired 2026-12-02 (fourth session) at its one measurement on 8828c25 (below: 350, 14,
    # 4); the shipped code at retirement (115f023) measured the same. Raised in round 16
    # (rfq16) to what its tuning reached (2 catches are the second opinion's, trained on it);
    # the 18 trials still missed were a third person's signs ("Derek", "my dad"); who16's
    # endings and their_history row, merged, reached 378/380 (CI on c17d94c), held to that.
    # Raised in round 18 (rf18b) to 380/380, measured by this harness on a6216ca: the
    # first-name carriers ("Derek's running a temperature ...").
    "holdout15": {"recall": 380, "false_alarms": 0, "under_triaged": 0},
    # Retired 2026-12-02 (fifth session) at its one measurement on c17d94c (below: 352, 38,
    # 4); the shipped code at retirement (98b0946) measured the same.
    # Raised in round 18 (rf18b) to what its tuning reached, measured by this harness on
    # a6216ca: 374/380, 38 false alarms, 0 under-triaged (lay wordings and "redness ...").
    # Raised in round 19 (rf19) to 378/380, measured by this harness on f302f3c: "my mum
    # has lost a lot of weight lately and has this pain" ("has this pain": theirs).
    # Round 23 (rf23): false alarms 24 -> 22 (e30b2cc -> rf23), measured by this harness.
    "holdout16": {"recall": 378, "false_alarms": 22, "under_triaged": 0},
    # Retired 2026-12-02 (sixth session) at its one measurement on 436d869 (below: 316, 32,
    # 0); the shipped code at retirement (44ac38a) measured the same. Raised in round 18
    # (rf18) to what its tuning reached, measured by this harness (364/380, 182/190 each
    # way): the 16 trials still missed are a first name said first (Fallback: no carrier
    # can start with a name), "self-care hasn't worked", and two relatives' readings left
    # calm on purpose (docs/safety-net.md, round 18); the 32 false alarms are unchanged.
    # Raised in round 18 (rf18b) to 368/380, measured by this harness on a6216ca: the
    # first-name carriers ("Sam's calf ..."); "Priya" is not on the name list.
    # Raised in round 19 (rf19) to 374/380, measured by this harness: the Fallback openers
    # (hedges, interjections, "self-care ..."), and "grandpa's seventy nine and it only
    # started ..." (an age in two words read as one number). Left: "Priya" (not listed).
    # Round 23 (rf23): false alarms 26 -> 24 (e30b2cc -> rf23), measured by this harness.
    "holdout17": {"recall": 374, "false_alarms": 24, "under_triaged": 0},
    # Retired 2026-12-03 (seventh session) at its one measurement on fb033b9 (below: 330,
    # 40, 0). Raised in round 19 (rf19) to 380/380 (40 false alarms, 0 under-triaged),
    # measured by this harness on f302f3c: openers that fell to Fallback (a hedge said first,
    # a word said to the listener in the person's own language, "bit ...", "left and right
    # ...", "electric ...", "at 70 ..."), lay wordings by row, and whose a sign is. Set to
    # 378 at the merge: rf19's bare "at {statement}" carrier (which took "at 70 this came on
    # for the first time", typed with digits) was dropped a third time (as in rounds 4 and
    # 6): virtual-alexa, like a device, reads "at ..." as the reminders' "at {time}", which
    # the e2e agreement test caught. "At seventy ..." in words still reaches the check
    # (ReportAtAgeIntent).
    "holdout18": {"recall": 378, "false_alarms": 40, "under_triaged": 0},
    # Retired 2026-12-03 (eighth session) at its one measurement on dfc5393 (below: 338,
    # 30, 2). The two under-triaged trials (one statement) were fixed after in a0bc050, so
    # 0 is held; re-measured on 39e1bad: 338, 30, 0.
    # Raised in round 20 (rf20) to 362/380 and 28 false alarms, measured by this harness
    # (tests.eval.harness, both ways) on 3aef1ab: first names grown by rule (12 statements
    # from Fallback), the soon rows read generally, rest that eases calmed. Left: 9
    # statements opened by a first name not on the list ("Sanjay", "Tomasz", "Li" ...).
    # Round 21 (rf21): 26 false alarms, measured by this harness on f64578e and ccfddff (a
    # pop from cracked knuckles, "same as always" breath; recall 362 unchanged).
    "holdout19": {"recall": 362, "false_alarms": 26, "under_triaged": 0},
    # Retired 2026-12-03 (ninth session) at its one measurement on 6a860d8 (below: 362 of
    # 380, 24 false alarms of 200, none under-triaged).
    # Raised in round 21 (rf21) to 380/380, 10 false alarms, 0 under-triaged, measured by
    # this harness (both ways) on f64578e and again on ccfddff: the soon rows and the foot
    # read as word families, "hot swollen red calf" from Fallback (ReportHotIntent), calm
    # lines calmed. The shipped learned model was trained on this set; since ccfddff the
    # rules alone miss none of its statements either.
    "holdout20": {"recall": 380, "false_alarms": 10, "under_triaged": 0},
    # Retired 2026-12-03 (tenth session). Measured once on 539131c: 342 of 380, 58 -> 56
    # false alarms of 200, none under-triaged; its 19 misses were then read (five were
    # emergencies) and 17 fixed in 6ef5f76, so it is held where it now stands.
    # Round 22 (rf22): 36, then 28 false alarms, measured by this harness (both ways) after
    # its calm lines were read by cause (docs/safety-net.md, round 22); recall 376 unchanged.
    # Round 23 (rf23): 24 false alarms, measured by this harness (both ways) after calm lines
    # by cause (a fatty lump years before, a calf puffy "always has been"); recall 376.
    "holdout21": {"recall": 376, "false_alarms": 24, "under_triaged": 0},
    # Retired 2026-12-03 (eleventh session). Measured once on 70abf34: 354 of 380, 40 false
    # alarms of 200, 2 under-triaged (one statement both ways: a weak leg that spread to
    # the other one, read as one leg); its misses were then read and 8 fixed in c898857, so
    # it is held where it stood after that: 370, 40, 2.
    # Round 23 (rf23): 380/380, 8 false alarms, 0 under-triaged, measured by this harness
    # (both ways): the both-legs statement read by the rules alone (the learned model had
    # caught it only because it was trained on it), its four other misses read as families,
    # its calm lines by cause (docs/safety-net.md, round 23).
    "holdout22": {"recall": 380, "false_alarms": 8, "under_triaged": 0},
    # Retired 2026-12-03 (twelfth session). Measured once on 5604692: 306 of 380, 20 false
    # alarms of 200, 2 under-triaged; its misses were then read and fixed in 8660723 and
    # 3bb294e, so it is held where it stood after that: 364, 20, 0.
    # Round 24 (rf24): 378/380, 6 false alarms, 0 under-triaged, measured by this harness
    # (both ways; 366 / 20 / 0 at 8e73d15 before it): its misses read as word families (a
    # saddle area "went to sleep", not improving said with an intensifier or a score that
    # stays put, someone else following the skill's advice) and its calm lines by cause (a
    # short-lived sign said with its end). Left: "Bai, ..." (Fallback: Basque "yes", an
    # answer), and three emergency rows said to have passed (over-triage kept on purpose,
    # docs/safety-net.md).
    "holdout23": {"recall": 378, "false_alarms": 6, "under_triaged": 0},
    # Retired 2026-12-04 (thirteenth session). Measured once on 0c56491: 364 of 380, 16
    # false alarms of 200, 0 under-triaged; its eight missed statements were then read and
    # fixed as families in bb324d2, so it is held where it stood after that: 380, 16, 0.
    "holdout24": {"recall": 380, "false_alarms": 16, "under_triaged": 0},
    # Retired 2026-12-04 (fourteenth session). Measured once on b4ac158: 364 of 380, 48
    # false alarms of 200, 4 under-triaged; its missed and under-triaged statements were
    # then read and fixed as families in bb4f492, and its calm lines by cause in 14194b6, so
    # it is held where it stood after that: 380, 38, 0.
    "holdout25": {"recall": 380, "false_alarms": 38, "under_triaged": 0},
    # Retired 2026-12-04 (fifteenth session). Measured once on 31a0b52: 360 of 380, 20
    # false alarms of 200, 0 under-triaged; its missed statements were then read and fixed
    # as families in 827d980, and its calm lines by cause in c8c71b2, so it is held where it
    # stood after that: 380, 6, 0.
    "holdout26": {"recall": 380, "false_alarms": 6, "under_triaged": 0},
    # Retired 2026-12-04 (fifteenth session, mid-round). Measured once on e95f6ea: 360 of
    # 380, 34 false alarms of 200, 0 under-triaged; its missed statements were then read and
    # fixed as families in 3eb6804, and its calm lines by cause in 83f631d, so it is held
    # where it stood after that: 380, 18, 0.
    "holdout27": {"recall": 380, "false_alarms": 18, "under_triaged": 0},
    # Retired 2026-12-04 (sixteenth session, start of round 28). Measured once on 52e0ccf:
    # 356 of 380, 16 false alarms of 200, 0 under-triaged; its missed statements were then
    # read and fixed as families, and its calm lines by cause, in the same commit, so it is
    # held where it stood after that: 380, 6, 0.
    "holdout28": {"recall": 380, "false_alarms": 6, "under_triaged": 0},
    # Retired 2026-12-04 (sixteenth session, mid-round 28). Measured once on 9cd2fab: 358 of
    # 380, 14 false alarms of 200, 0 under-triaged; its missed statements were then read and
    # fixed as families, and its calm lines by cause, in the same commit, so it is held
    # where it stood after that: 380, 4, 0.
    "holdout29": {"recall": 380, "false_alarms": 4, "under_triaged": 0},
    # Retired 2026-12-05 (seventeenth session, the start of round 29). Measured once on
    # 255d7a7 and again on a780c42 before anything was tuned: 370 of 380, 16 false alarms
    # of 200, 0 under-triaged; its missed statements were then read and fixed as families,
    # and its calm lines by cause, in the same commit, so it is held where it stood after
    # that: 380, 8, 0.
    "holdout30": {"recall": 380, "false_alarms": 8, "under_triaged": 0},
    # Retired 2026-12-05 (eighteenth session, the start of round 30). Measured once on
    # 9a18965 and again on 7a49010 before anything was tuned: 362 of 380, 16 false alarms
    # of 200, 0 under-triaged; its missed statements were then read and fixed as families
    # (mostly carriers: seven of the nine fell to Fallback), and its calm lines by cause,
    # in the same commit, so it is held where it stood after that: 380, 2, 0.
    "holdout31": {"recall": 380, "false_alarms": 2, "under_triaged": 0},
    # Retired 2026-12-05 (nineteenth session, the start of round 31). Measured once on
    # 28cef71 and again on 2a2d48a before anything was tuned: 362 of 380, 24 false alarms
    # of 200, 0 under-triaged; its missed statements were then read and fixed as families,
    # and its calm lines by cause, in the same commit, so it is held where it stood after
    # that: 380, 10, 0 (three of the five calm lines left are a numb or tingling bum that
    # went once off the bike or bench: emergency rows refuse an end on purpose).
    "holdout32": {"recall": 380, "false_alarms": 10, "under_triaged": 0},
    # Retired 2026-12-05 (twentieth session, the start of round 32). Measured once on
    # 1446c59 and again on 8ba95d4 before anything was tuned: 366 of 380, 34 false alarms
    # of 200, 0 under-triaged; its missed statements were then read and fixed as families,
    # and its calm lines by cause, in the same commit, so it is held where it stood after
    # that: 380, 20, 0 (four of the ten calm lines left are a numb or tingling bum that
    # went once the person stood up: emergency rows refuse an end on purpose; three more,
    # legs like jelly, puffed on the stairs and a night cramp, were excepted in a first
    # draft that a helper's review showed hid real signs beside them, so they stay).
    "holdout33": {"recall": 380, "false_alarms": 20, "under_triaged": 0},
    # Retired 2026-12-05 (twenty-first session, the start of round 33). Measured once on
    # a40e180 and again on c5e4828 before anything was tuned: 370 of 380, 30 false alarms
    # of 200, 0 under-triaged; its five missed statements were then read and fixed as
    # families in the same commit, so it is held where it stood after that: 380, 30, 0.
    # Its calm lines were left as they were: most are a numbness or a weakness that went at
    # once (emergency and urgent rows refuse an end on purpose), and a calm exception is
    # where the last two reviews found under-triage.
    "holdout34": {"recall": 380, "false_alarms": 30, "under_triaged": 0},
    # Retired 2026-12-05 (twenty-second session, the start of round 34). Measured once on
    # ef74f83 and again on 1cafa04 before anything was tuned: 358 of 380, 28 false alarms
    # of 200, 0 under-triaged; its eleven missed statements were then read and fixed as
    # families in the same commit (raising changes only), so it is held where it stood
    # after that: 380, 28, 0. Its calm lines were left as they were, for the reason above.
    "holdout35": {"recall": 380, "false_alarms": 28, "under_triaged": 0},
    # Retired 2026-12-06 (twenty-third session, the start of round 35). Measured once on
    # 18a00a4 and again on e999a20 before anything was tuned: 370 of 380, 12 false alarms of
    # 200, 0 under-triaged; its five missed statements were then read and fixed as
    # families ("saddle area's", "weight's" and "kind of a ..." said first, weight lost
    # with "no diet", a son's bridges done for a month and "actually worse"). Held where it
    # stood after that: 380, 12, 0.
    "holdout36": {"recall": 380, "false_alarms": 12, "under_triaged": 0},
    # Retired 2026-12-06 (twenty-fourth session, the start of round 36). Measured once on
    # 1029c70 and again on 467908a before anything was tuned: 340 of 380, 16 false alarms
    # of 200, 0 under-triaged. Its missed statements were then read and fixed as families
    # (days and hours said first, "thigh's" and "hamstring's", the scales, "kind of an",
    # crutches, a balloon as a simile, pounding in bed, a relative eating just fine, the
    # pain that "just keeps going up"; 378), and four calm lines by cause (the diet said
    # after a "but", a bruise's size said after it, a bruise that came and went,
    # seasickness; 8). Held there: 378, 8, 0. Left: "forty-one years old and I wet the bed"
    # (an age under fifty said first has no carrier).
    "holdout37": {"recall": 378, "false_alarms": 8, "under_triaged": 0},
    # Retired 2026-12-06 (twenty-fifth session, the start of round 37). Measured once on
    # c4be9e6 and again on cbd1e72 before anything was tuned: 332 of 380, 28 false alarms
    # of 200, 4 under-triaged (two answers each way). Retraining on it gave 334 and 2: one
    # statement, each way, "mine's gone into both legs overnight", read as the night row's
    # "overnight" alone. Its misses were then read and fixed as families (the pain "gone
    # into" both legs, "zinging down each leg", a hip's pop in the avulsion's story, a
    # champagne cork, a leg that "won't go down", weeks in and still the same score,
    # "exactly where I started", "you said it'd improve"; forms of address said first,
    # "think I've got", "hopping", "temperature's", "giant bruise", "back of my legs",
    # "left calf's"; 356, 0 under-triaged), and two calm lines by cause (swelling watched
    # for and not found, two pounds lost and explained; 24). Held there: 356, 24, 0. Left:
    # ten statements that open with words of another language ("entre las piernas",
    # "beide Beine", "tossi sangue"), which no carrier can list.
    "holdout38": {"recall": 356, "false_alarms": 24, "under_triaged": 0},
    # Retired 2026-12-06 (twenty-sixth session, the start of round 38). Measured once on
    # 43497b1 and again on 535e837 before anything was tuned: 365 of 380, 38 false alarms
    # of 200, 2 under-triaged (one statement, each way: "ankle and calf swollen on the one
    # side and I feel like there's no air in the room", read as a hot swollen limb alone,
    # emergency -> urgent). Retraining on it gave 365, 38, 0; the air said missing from
    # the room is breathlessness now. Its misses were then read and fixed as families
    # ("still not better, two months", rest pain "whether I move or not" or "even when I'm
    # not doing anything", "never seen a bruise like it", a relative's weight lost with
    # "nobody knows"; "foot's ...", "never seen a bruise like ...", "for my mum ..."
    # carried; 378), and its calm lines by cause (a relative's swelling seen to and set
    # apart, weight lost on purpose, a temperature checked and normal, breathless from
    # reps or a Nordic's effort; 24). Held there: 378, 24, 0. Left: two one-shot
    # statements that begin "Alexa, er", which no carrier takes.
    "holdout39": {"recall": 378, "false_alarms": 24, "under_triaged": 0},
    # Retired at the start of round 39 at its one measurement on 9b2b7b1 (348, 24, 0), the
    # same again on 188f541 before anything was tuned. Then read: its statements that fell
    # to Fallback behind a supposition ("say I'm leaking ..."), an indirect ask ("I'd like
    # to find out if ...", then the sign), the program's words ("week one day two, ...") or
    # an injury's action ("kicked the ball ... crack ..."), all carried now; its rules
    # misses as families (a foot that "drops flat", "shouldn't it be getting better by
    # now", "stuck on stage one for seven weeks", "gone nowhere", "losing five kilo ... I
    # don't try"; 380 of 380), and its calm lines by cause (a relative's sign set apart or
    # seen to, sugar given up, a night ache gone on rolling over, a cramp gone after a
    # stretch; 14). Held there: 380, 14, 0.
    "holdout40": {"recall": 380, "false_alarms": 14, "under_triaged": 0},
    # Retired at the start of round 40 at its one measurement on 2b8377e (recall 360/380, 36
    # false alarms of 200, 0 under-triaged), the same again on ff0493b before anything was
    # tuned. Then read: its statements that fell to Fallback behind first words with no
    # carrier ("Peeing's gone weird", "swole calf", "I'd say it's about a six ...", "tried
    # to walk ...", "Took a picture ...", "I'd be most grateful ..."), all carried now; its
    # rules misses as families (the calf rise, toes that won't come up, pain in bed "doesn't
    # matter what position", "a month without any improvement"; 380 of 380), and its calm
    # lines by cause (a slimming club, hill sprints, a hobble that goes, a massage gun's
    # mark, tight ski boots, clumsiness, jelly legs after a set, someone else's sign set
    # apart, the hand, a lifelong night wee, a cold gym, hot yoga, the shin; 4). Held there.
    "holdout41": {"recall": 380, "false_alarms": 4, "under_triaged": 0},
    # Retired at the start of round 41 at its one measurement on 3562f09 (recall 358/380, 28
    # false alarms of 200, 0 under-triaged), the same again on 24c84b6 before anything was
    # tuned. Then read: its statements behind first words with no carrier ("as I was
    # saying, ...", "saw something on the news about clots ...", "read on a forum that
    # ...", "at yoga ..."), carried now; its rules misses as families (a heel-walk that
    # fails, "won't go away even when I rest"; 380 of 380), and its calm lines by cause
    # ("I'm asking for me", "mine's fine", laces too tight, a benign breast lump, nights
    # that settled back down, "numbness? no."; 16). Held there.
    "holdout42": {"recall": 380, "false_alarms": 16, "under_triaged": 0},
    # Retired at the start of round 42 at its one measurement on 67df928 (recall 358/380, 12
    # false alarms of 200, 0 under-triaged), the same again on aab5df0 before anything was
    # tuned. Then read: its statements behind first words with no carrier ("bloody spit
    # when I cough", "half my foot is numb", "everything's fine apart from ...", "these long
    # dark winter nights"), carried now; its rules misses as families (someone holding
    # their chest, a fever "coming from that leg", "he's never had anything like it" at
    # sixty-six, steadily worse through weeks of exercises, pain "the minute I rest",
    # lying awake with it throbbing; 380 of 380), and its calm lines by cause ("no pins and
    # needles or numbness", "I sleep through most nights", toilet habits unchanged, puffed
    # on stairs like everyone, a cooker that popped, a gap in payments; 0). Held there.
    "holdout43": {"recall": 380, "false_alarms": 0, "under_triaged": 0},
    # Retired at the start of round 43 at its one measurement on 27f5b9d (recall 366/380, 22
    # false alarms of 200, 0 under-triaged), measured again on d63d5b7 before anything was
    # tuned. Then read: four statements behind first words with no carrier ("found a hard
    # lump ...", "left lower leg's puffy ...", carried now), blood "hawked up", someone
    # pacing at night with a pain that won't settle, someone thin "without even trying"
    # (376 of 380); its calm lines by cause (a star sign, a spouse's cancer "not me",
    # mowing, bonfire smoke, a blood donation, a cold gone, weight lost by plan; 8). Held
    # there.
    "holdout44": {"recall": 376, "false_alarms": 8, "under_triaged": 0},
    # Retired at the start of round 44 at its one measurement on 48f9b12 (recall 350/380, 16
    # false alarms of 200, 4 under-triaged), measured again on 1a040e4 before anything was
    # tuned. Then read, its two under-triaged statements first: the chair not felt "like
    # he's sitting on nothing" (saddle, not a numb leg), a denial taken back ("not out of
    # breath exactly, well, maybe a bit"); then its missed ones (first words with no
    # carrier, "claret", weight "gone off me", "the leg pain" at night) and its calm lines
    # by cause (a jar lid, coffee, snoring, hunger "all the time", a dentist's numb lip, a
    # sprained ankle going down; 378 of 380, 0, 0). Held there.
    "holdout45": {"recall": 378, "false_alarms": 0, "under_triaged": 0},
    # Retired at the start of round 45 at its one measurement on 4029245 (recall 358/380, 8
    # false alarms of 200, 2 under-triaged: one statement, both ways), measured again on
    # 93620b8 before anything was tuned. Then read, its under-triaged statement first: both
    # legs that "won't hold me up" (both legs, not one leg's weight); then its missed ones
    # (first words with no carrier, a bruise "every colour going", pain "doing absolutely
    # nothing", "creeping up, not down", "sort of half numb", "a patch") and its calm lines
    # by cause (legs heavy after a race, a bruised banana, a gap in training, numb at the
    # news; 380 of 380, 0, 0). Held there.
    "holdout46": {"recall": 380, "false_alarms": 0, "under_triaged": 0},
    # Retired at the start of round 46 at its one measurement on a2d9017 (recall 358/380, 16
    # false alarms of 200, 0 under-triaged), measured again on f4b042b before anything was
    # tuned. Then read: its missed ones (first words with no carrier: a worry, how long, a
    # Spanish "after", sleep said first; a bruise after a busy kettle; a relative's tumour
    # and "now she's got this ache"; the same if not worse, still just as sore) and its calm
    # lines by cause (legs heavy after squats, the same size, a phone and a bike chain, a
    # steep hill, the loo once a night, wine, a hip on a table; 378 of 380, 0, 0). Held there.
    "holdout47": {"recall": 378, "false_alarms": 0, "under_triaged": 0},
    # Retired at the start of round 47 at its one measurement on 404a454 (recall 350/380, 12
    # false alarms of 200, 0 under-triaged), measured again on 52bf81f before anything was
    # tuned. Then read: its missed ones (signs said after a time with no carrier, "going on
    # three days now", "three in the morning", "late at night"; "toilet's normal, well ...";
    # a foot asleep that won't wake; skin like cardboard; a cough denied, then "came up
    # bloody"; a shiner; "none of us know why"; asking for Mum who had myeloma; worse than
    # day one) and its calm lines by cause (bread, furniture and wine as things, a tyre that
    # went bang, a bed that collapsed, legs tired after a hike; 380 of 380, 0, 0). Held there.
    "holdout48": {"recall": 380, "false_alarms": 0, "under_triaged": 0},
}


@pytest.mark.parametrize("name", RETIRED_FLOORS)
def test_retired_sets_do_no_worse_than_when_they_were_held_out(
    held_out: Callable[[str], Figures], name: str
) -> None:
    figures = held_out(name)
    floor = RETIRED_FLOORS[name]
    hit, _ = figures.recall()
    assert hit >= floor["recall"], figures.report(limit=0)
    assert len(figures.false_alarms) <= floor["false_alarms"], figures.report(limit=0)
    assert len(figures.under_triaged) <= floor["under_triaged"], figures.report(limit=0)


# The fourth held-out set (red_flags_holdout4.yaml, 2026-11-30, evening): 153 red-flag
# statements over all 19 rows (8-9 each) and 78 calm near-misses, written from the brief alone
# by someone who read neither the content, the model, the matcher nor any other set; committed
# alone (b01e139) while the evening's tuning began. Baseline, counts only, on the code before
# that tuning (fa95697 with the set): recall 268/306 = 87.6% (134/153 each way), false alarms
# 22/156, under-triaged 0. Measured once on the evening's final code (main at 0ce43a1,
# nothing tuned after): recall 274/306 = 89.5% (137/153 each way), false alarms 16/156,
# under-triaged 0.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets moved to the fifth set.


# The fifth held-out set (red_flags_holdout5.yaml, 2026-11-30, night): 177 red-flag statements
# over all 19 rows (9-11 each) and 86 calm near-misses, written from the brief alone by
# someone who read neither the content, the model, the matcher nor any other set; committed
# alone (adf6c4f) while the night's tuning began. Baseline, counts only, on the code before
# that tuning (main at d323935): recall 310/354 = 87.6% (155/177 each way), false alarms
# 38/172, under-triaged 4. Measured once on the night's final code (main at cf2e1b8,
# nothing tuned after): recall 318/354 = 89.8% (159/177 each way), false alarms 22/172,
# under-triaged 4.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets moved to the sixth set.


# The sixth held-out set (red_flags_holdout6.yaml, 2026-12-01, small hours): 171 red-flag
# statements over all 19 rows and 90 calm near-misses, written from the brief alone by
# someone who read neither the content, the model, the matcher nor any other set; committed
# alone (c59f0b1). Baseline, counts only, on the code before that round's tuning (2d3c4fe):
# recall 318/342 = 93.0%, false alarms 18/180, under-triaged 6. Measured once on the round's
# final code (main at 5238a7b, nothing tuned after): recall 322/342 = 94.2%, false alarms
# 16/180, under-triaged 2.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets moved to the seventh set.


# The seventh held-out set (red_flags_holdout7.yaml, 2026-12-01, morning): 171 red-flag
# statements (9 per row) and 89 calm near-misses, written from the brief alone, committed
# alone (763ea91). Baseline, counts only, on the code before round 7 (d17b323): recall
# 322/342 = 94.2%, false alarms 34/178, under-triaged 2. Measured once on the round's final
# code (ae02dd4, nothing tuned after): recall 328/342 = 95.9%, false alarms 26/178,
# under-triaged 2.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets moved to the eighth set.


# The eighth held-out set (red_flags_holdout8.yaml, 2026-12-01, morning): 179 red-flag
# statements over all 19 rows and 85 calm near-misses, written from the brief alone, committed
# alone (2d7d492). Baseline, counts only, on the code before round 8 (9c3bd84): recall
# 342/358 = 95.5%, false alarms 26/170, under-triaged 0. Measured once on the round's final
# code (46dfe3c, nothing tuned after): recall 344/358 = 96.1%, false alarms 24/170,
# under-triaged 2.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets moved to the ninth set.


# The ninth held-out set (red_flags_holdout9.yaml, 2026-12-01, late morning): 209 red-flag
# statements, 11 on each of the 19 rows, and 96 calm near-misses, written from the brief
# alone, committed alone (6b8e884). Baseline, counts only, on the code before round 9
# (6b8e884): recall 400/418 = 95.7%, false alarms 28/192, under-triaged 0. Measured once on
# the round's final code (cb01080, nothing tuned after): recall 402/418 = 96.2% (201/209
# each way), false alarms 28/192, under-triaged 0.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets moved to the tenth set.


# The tenth held-out set (red_flags_holdout10.yaml, 2026-12-01, afternoon): 228 red-flag
# statements, 11-13 on each of the 19 rows, and 93 calm near-misses, written from the brief
# alone, committed alone (4345712). Baseline, counts only, on the code before round 10
# (edd4dc8): recall 424/456 = 93.0%, false alarms 44/186, under-triaged 2. Measured once on
# the round's final code (59e985d, nothing tuned after): recall 432/456 = 94.7% (216/228
# each way), false alarms 46/186, under-triaged 2.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets moved to the eleventh set.


# The eleventh held-out set (red_flags_holdout11.yaml, 2026-12-01, night): 210 red-flag
# statements, 11-12 on each of the 19 rows, and 91 calm near-misses, written from the brief
# alone, committed alone (e50f9ba; 19 of its texts repeat, word for word, short texts of
# earlier readable sets). Baseline, counts only, on the code before round 11's tuning
# (0a41864): recall 398/420 = 94.8%, false alarms 18/182, under-triaged 2. Measured once on
# the round's final code (84389bb, nothing tuned after): recall 398/420 = 94.8% (199/210 each
# way), false alarms 14/182, under-triaged 2.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets move to the twelfth set.


# The twelfth held-out set (red_flags_holdout12.yaml, 2026-12-01, late night): 190 red-flag
# statements, 10 on each of the 19 rows, and 90 calm near-misses, written from the brief
# alone, committed alone (91be965). Baseline, counts only, on the code before round 12's
# tuning (ee08682): recall 362/380 = 95.3%, false alarms 30/180, under-triaged 0. Measured once
# on the round's final code (04b5752, nothing tuned after): recall 362/380 = 95.3% (181/190
# each way), false alarms 30/180, under-triaged 0: round 12's fixes on the eleventh set moved
# nothing here.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets move to the thirteenth set.


# The thirteenth held-out set (red_flags_holdout13.yaml, 2026-12-02): 201 red-flag
# statements, 10-13 on each of the 19 rows, and 92 calm near-misses, written from the brief
# alone, committed alone (78c0a39). Baseline, counts only, on the code before round 13's
# tuning (c1eae7a): recall 384/402 = 95.5%, false alarms 30/184, under-triaged 0. Measured
# once on the round's final code (37bfcc1, nothing tuned after): recall 384/402 = 95.5%
# (192/201 each way), false alarms 30/184, under-triaged 0: round 13's fixes on the twelfth
# set moved nothing here.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets move to the fourteenth set.


# The fourteenth held-out set (red_flags_holdout14.yaml, 2026-12-02, second session): 195
# red-flag statements, 10-11 on each of the 19 rows, and 89 calm near-misses, written from
# the brief alone, committed alone (4372bba). Baseline, counts only, on the code before
# round 14's tuning (30dea9f): recall 362/390 = 92.8%, false alarms 22/178, under-triaged 6.
# Measured once on the round's final code (2f5c497, nothing tuned after): recall 362/390 =
# 92.8% (181/195 each way), false alarms 22/178, under-triaged 6: the learned second opinion
# (rf14) raised nothing here, and round 14's word families on the thirteenth set moved
# nothing.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets move to the fifteenth set.


# The fifteenth held-out set (red_flags_holdout15.yaml, 2026-12-02, third session): 190
# red-flag statements, 10 on each of the 19 rows, and 95 calm near-misses, written from the
# brief alone, committed alone (cdf3c1d). Baseline, counts only, on the code before round
# 15's tuning (cec5a5e): recall 348/380 = 91.6%, false alarms 14/190, under-triaged 4.
# Measured once on the round's final code (8828c25, nothing tuned after): recall 350/380 =
# 92.1% (175/190 each way), false alarms 14/190, under-triaged 4.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above; the shipped code at retirement, 115f023, measured the same
# counts), and the targets move to the sixteenth set.


# The sixteenth held-out set (red_flags_holdout16.yaml, 2026-12-02, fourth session): 190
# red-flag statements, 10 on each of the 19 rows, and 95 calm near-misses, written from the
# brief alone, committed alone (ad8a1dd). Baseline, counts only, on the code before round
# 16's tuning (1f4deaf): recall 348/380 = 91.6%, false alarms 38/190, under-triaged 4.
# Measured once on the round's final code (c17d94c, nothing tuned after): recall 352/380 =
# 92.6% (176/190 each way), false alarms 38/190, under-triaged 4.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above; the shipped code at retirement, 98b0946, measured the same
# counts), and the targets move to the seventeenth set.


# The seventeenth held-out set (red_flags_holdout17.yaml, 2026-12-02, fifth session): 190
# red-flag statements, 10 on each of the 19 rows, and 95 calm near-misses, written from the
# brief alone, committed alone (631245b). Baseline, counts only, on the code before round
# 17's tuning (7162535): recall 316/380 = 83.2% (158/190 each way), false alarms 34/190,
# under-triaged 0. Measured once on the round's final code (436d869, nothing tuned after):
# recall 316/380 = 83.2%, false alarms 32/190, under-triaged 0; the shipped code (21a8515)
# measured the same.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above; the shipped code at retirement, 44ac38a, measured the same
# counts), and the targets move to the eighteenth set.


# The eighteenth held-out set (red_flags_holdout18.yaml, 2026-12-02, sixth session): 190
# red-flag statements, 10 on each of the 19 rows, and 102 calm near-misses, written from the
# brief alone, committed alone (f659272). Baseline, counts only, before round 18's tuning
# (f71fe0e): recall 324/380 = 85.3% (162/190 each way), false alarms 40/204, under-triaged 0.
# Measured once on the round's final code (fb033b9, nothing tuned after): recall 330/380 =
# 86.8% (165/190 each way), false alarms 40/204, under-triaged 0.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (RETIRED_FLOORS above), and the targets move to the nineteenth set.


# The nineteenth held-out set (red_flags_holdout19.yaml, 2026-12-03, seventh session): 190
# red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written from the
# brief alone, committed alone (b23f563). Baseline, counts only, before round 19's tuning
# (b23f563): recall 330/380 = 86.8% (165/190 each way), false alarms 30/200, under-triaged 2
# (one statement, both ways). Measured once on the round's final code (dfc5393, nothing
# tuned after): recall 338/380 = 88.9% (169/190 each way), false alarms 30/200,
# under-triaged 2: "breathing very fast" beside a swollen leg after a flight read urgent, not
# emergency. Because under-triage is the one failure this harness must never allow, that
# statement (and only it) was then read and fixed (a0bc050: breathing said fast, quick or
# rapid is breathlessness), so the set is no longer blind: the next figure comes from a
# twentieth set.
#
# The twentieth held-out set (red_flags_holdout20.yaml, 2026-12-03, eighth session): 190
# red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written blind by
# a helper from the brief alone, committed alone (8f356a5). Baseline, counts only, before
# round 20's tuning (8f356a5): recall 358/380 = 94.2% (179/190 each way), false alarms
# 24/200, under-triaged 0; misses by row both ways: not_improving 6, cancer_history 4,
# night_rest_pain 4, weight_loss 4, foot_drop 2, hot_swollen_limb 2. Measured once on the
# round's final code (6a860d8, nothing tuned after): recall 362/380 = 95.3% (181/190 each
# way), false alarms 24/200, under-triaged 0; misses: not_improving 6, night_rest_pain 4,
# weight_loss 4, foot_drop 2, hot_swollen_limb 2 (cancer_history 4 -> 0). The set stays
# blind: nothing in it was read.
# The twenty-first held-out set (red_flags_holdout21.yaml, 2026-12-03, ninth session): 190
# red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written blind by
# a helper from the brief alone, committed alone (ec2e4b5). Baseline, counts only, before
# round 21's tuning (ec2e4b5): recall 342/380 = 90.0% (171/190 each way), false alarms
# 58/200, under-triaged 0; misses by row both ways: not_improving 8, new_pain_over_50 6,
# both_legs 4, cannot_bear_weight 4, and 2 each for bladder_bowel, breathless_swollen_leg,
# coughing_blood, fever_unwell, hot_swollen_limb, large_bruise, pop and weight_loss.
# Measured once on the round's final code (539131c: rf21 and q21 merged, nothing tuned
# after): recall 342/380 = 90.0%, false alarms 56/200, under-triaged 0; the same misses by
# row. rf21's tuning on holdout20 (362 -> 380 there) carried nothing here. Four calm lines
# were seen at the baseline (a grep for the false-alarm total also printed the first false
# alarms); none was tuned on. After the measurement its 19 missed statements were read (5
# of emergency rows) and fixed in 6ef5f76: re-run 378/380, 56 false alarms, 0
# under-triaged, a development figure; the set is no longer blind. 376/380 once the opener
# "a little {query}" was dropped (it took "a little worse" from the morning check).
# The twenty-second held-out set (red_flags_holdout22.yaml, 2026-12-03, tenth session): 190
# red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written blind by
# a helper from the brief alone, committed alone (a1c61ad). Baseline, counts only, before
# round 22's tuning: recall 354/380 = 93.2%, false alarms 52/200, under-triaged 2.
# Measured once on the round's final code (70abf34, nothing tuned after): recall 354/380,
# false alarms 40/200, under-triaged 2 (one statement both ways: the other leg weak too,
# read as one leg). Its missed statements were then read, safety before blindness, and 8
# fixed in c898857: 370/380, 40, 2, a development figure; the set is no longer blind.
# The twenty-third held-out set (red_flags_holdout23.yaml, 2026-12-03, eleventh session): 190
# red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written blind by
# a helper from the brief alone, committed alone (fd1c971). Baseline, counts only, before
# round 23's tuning: recall 274/380 = 72.1%, false alarms 20/200, under-triaged 2.
# Measured once on the round's final code (5604692, nothing tuned after): recall 306/380,
# false alarms 20/200, under-triaged 2 (someone else's urge to go no longer felt, read as a
# numb leg). Its missed statements were then read, safety before blindness, and fixed in
# 8660723 and 3bb294e (mostly openers the world list lacked): 364/380, 20, 0, a development
# figure; the set is no longer blind.
# The twenty-fourth held-out set (red_flags_holdout24.yaml, 2026-12-03, twelfth session): 190
# red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written blind by
# a helper from the brief alone, committed alone (8e73d15). Baseline, counts only, before
# round 24's tuning: recall 364/380 = 95.8%, false alarms 14/200, under-triaged 0.
# Measured once on the round's final code (0c56491, nothing tuned after): recall 364/380,
# false alarms 16/200, under-triaged 0. Its eight missed statements were then read, safety
# before blindness, and fixed as families in bb324d2 (Pidgin "no fit", someone else who
# cannot weight bear, a gaunt look, "the same or worse", a floppy foot, Ghanaian openers):
# 380/380, 16, 0, a development figure; the set is no longer blind.
# The twenty-fifth held-out set (red_flags_holdout25.yaml, 2026-12-04, thirteenth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, a third of
# the personas mixing in another language, written blind by a helper from the brief alone,
# committed alone (25cd122). Baseline, counts only: recall 364/380, false alarms 48/200,
# under-triaged 4. Measured once on the round's final code (b4ac158, nothing tuned after):
# the same, 364/380, 48, 4. Its eight missed and two under-triaged statements were then
# read, safety before blindness, and fixed as families in bb4f492 (numbness likened to
# cardboard or rubber, hours without a wee, "using my arms" not a denial, legs "gone on
# me", a chest "like someone's sitting on it", someone else's cancer named by its kind,
# "worse than in spring", "a new notch", world openers): 380/380, 48, 0; its calm lines
# read by cause in 14194b6 (a sign said with its end, a back cracked on a stretch): 380,
# 38, 0, development figures; the set is no longer blind.
# The twenty-sixth held-out set (red_flags_holdout26.yaml, 2026-12-04, fourteenth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written
# blind by a helper from the brief alone, committed alone (0e46cf1). Baseline, counts only:
# recall 360/380, false alarms 20/200, under-triaged 0. Measured once on the round's final
# code (31a0b52, nothing tuned after): the same, 360/380, 20, 0. Its missed statements were
# then read and fixed as families in 827d980 (someone else catching his toes on a kerb,
# "went straight down" on standing, "only stand on the other leg", a muscle slid down the
# leg, a calf twice the size, someone else's cancer "all clear, but this ache has started",
# up every night with it): 380/380, 20, 0; its calm lines read by cause in c8c71b2 (a leg
# asleep on the toilet, weight lost on purpose, a bruised feeling with no bruise, an elbow
# popped on a stretch): 380, 6, 0, development figures; the set is no longer blind.
# The twenty-seventh held-out set (red_flags_holdout27.yaml, 2026-12-04, fifteenth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written
# blind by a helper from the brief alone, committed alone (d11b083). Baseline, counts only:
# recall 360/380, false alarms 34/200, under-triaged 0. Measured once (e95f6ea, nothing
# tuned after): the same, 360/380, 34, 0. Its missed statements were then read and fixed as
# families in 3eb6804 (trouble "holding things in" at the back end, a leg that "lost its
# strength", "felt something tear up", a hamstring lower than the other, someone thinner
# though eating normally, a throb in bed "even when I don't move a muscle", a score stuck
# for weeks; "lunged for" and "month three" carriers): 380/380, 34, 0; its calm lines read
# by cause in 83f631d (a neck or ankle cracked, a lump or bruise elsewhere, weight lost to a
# cleanse or an operation, a thigh bigger from the kicking leg, run down with a cold):
# 380, 18, 0, development figures; the set is no longer blind.
# The twenty-eighth held-out set (red_flags_holdout28.yaml, 2026-12-04, fifteenth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written
# blind by a helper from the brief alone, committed alone (c1dec80). Measured once (52e0ccf,
# nothing tuned after): 356/380, 16 false alarms, 0 under-triaged. Its missed statements
# were then read and fixed as families at the start of round 28 (a first name's everyday
# short form said first, "Doug says ..."; a hard swelling said first; a step seen in the
# back of the thigh; "flu like" and "week by week" said first; rest that does not ease it,
# worse in bed; nothing making any difference; "never had a bad leg in my life" at sixty
# one): 380/380, 16, 0; its calm lines read by cause (weight lost from more running on
# purpose, calves puffy after a flight gone down overnight, a stubbed purple toe, shaky on
# the slow lowering, a neck gland): 380, 6, 0, development figures; the set is no longer
# blind. Left as alarms on purpose: a numb bottom that came back on getting off the bike
# or standing from a bench (an emergency sign is never read as over), and a fading bruise
# from a fall three weeks ago (a recent time keeps a sign current).
# The twenty-ninth held-out set (red_flags_holdout29.yaml, 2026-12-04, sixteenth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written
# blind by a helper from the brief alone, committed alone (f8c5638). Baseline, counts only:
# 358/380, 14 false alarms, 0 under-triaged. Measured once (9cd2fab, nothing tuned after):
# the same. Its missed statements were then read and fixed as families mid-round 28 (down
# there "like cotton wool"; the wee not felt coming "and then it's too late"; neither leg
# doing "what I tell it"; one cheek lower and flatter; a knot that moves; night pain that
# doesn't settle; "eight weeks and it's the same"; a story "started on the left" and "run
# down" said first; a spouse's chemo and a parent's cancer "before this started"): 380/380,
# 14, 0; its calm lines read by cause (a foot numb on the loo, back after a minute; pins and
# needles with the legs crossed that "goes in a minute"; weight lost fasting for Ramadan; a
# leg that shakes on long holds and stops at rest; sweaty at night with the heating high):
# 380, 4, 0, development figures; the set is no longer blind. Left as alarms on purpose: a
# numb or tingly bottom back to normal on standing or getting off the bike (an emergency
# sign is never read as over).
# The thirtieth held-out set (red_flags_holdout30.yaml, 2026-12-04, sixteenth session): 190
# red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses, written blind by
# a helper from the brief alone, committed alone (255d7a7) and measured once at the end of
# round 28 with nothing tuned in between: recall 370/380 (185 of 190 each way), 16 false
# alarms of 200, 0 under-triaged. Measured again at the start of round 29 on a780c42 (the
# same), then read: its five missed statements fixed as families (trouble "holding my
# water"; a husband's kidney cancer said through the relatives' carrier, now a spouse's own
# intent; "sweating at night" said first; "he's suddenly got this pain" at 81; "doing his
# rehab for ages and it's worse") -> 380/380; its calm lines by cause (weight lost as the
# doctor said to; an ankle swollen after dancing in heels; numbness from the tractor seat
# gone after a few steps; feet tingling from a cold loch, gone once warm) -> 380, 8, 0,
# development figures. Left as alarms on purpose: a numb bottom that came right on standing
# or getting off the saddle (an emergency sign is never read as over).
# The thirty-first held-out set (red_flags_holdout31.yaml, 2026-12-05, seventeenth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A helper
# wrote it blind from the brief alone, and it was committed alone (c271d9e). The baseline
# and the one measurement at the end of round 29 (9a18965, nothing tuned after) agreed:
# recall 362/380 (181 of 190 each way), 16 false alarms of 200, 0 under-triaged. Measured
# again at the start of round 30 on 7a49010 (the same), then read: seven of its nine missed
# statements had fallen to Fallback with words the rules read whole, so they are carriers
# (a thermometer's reading, blood in the phlegm, "sat on", "tripped", a hedge, a fizzy
# feeling, a red patch said first), and two were rules (an ache that carries on at night
# even when not lying on it; weeks of looking after it, spread and worse) -> 380/380; its
# calm lines by cause (legs wobbly straight after spin; weight dropped for a named reason;
# weeing a lot after drinking loads; breathless at altitude, fine once down; a cracking
# ankle; a ski boot's numbness gone once it was off) -> 380, 2, 0, development figures.
# The thirty-second held-out set (red_flags_holdout32.yaml, 2026-12-05, eighteenth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A helper
# wrote it blind from the brief alone, and it was committed alone (ead18b5). The baseline
# and the one measurement at the end of round 30 (28cef71, nothing tuned after) agreed:
# recall 362/380 (181 of 190 each way), 24 false alarms of 200, 0 under-triaged. Measured
# again at the start of round 31 on 2a2d48a (the same), then read: its nine missed
# statements as families (the seat "he'd sit on a horse with", an electric buzz down the
# leg, someone's hamstring aching all night however they lie, a throb lying in bed not
# moving, "never stops aching even when I rest", an ache that "doesn't switch off", weeks
# of care and the pain spreading; a pop "halfway through the nordics" and hearsay "a mate
# at running club said" that fell to Fallback, now carriers) -> 380/380; its calm lines by
# cause (puffing like a train after sprints, breath held on the nordics, lying on that side,
# curling up with a pillow between the knees, weight lost since getting back into running,
# up for a wee once a night as always, blood spat after brushing) -> 380, 10, 0,
# development figures.
# The thirty-third held-out set (red_flags_holdout33.yaml, 2026-12-05, nineteenth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A helper
# wrote it blind from the brief alone, and it was committed alone (e667fd9). Baseline
# (e667fd9): recall 366/380, 36 false alarms of 200, 0 under-triaged. Measured once at the
# end of round 31 (1446c59, nothing tuned after): recall 366/380 (183 of 190 each way), 34
# false alarms of 200, 0 under-triaged. Measured again at the start of round 32 on 8ba95d4
# (the same), then read: its six missed statements as families (a lump's, so many nights in
# a row, said first, fell to Fallback and are carriers; a husband's trousers falling off him
# "and he hasn't been trying"; a client's cancer and "is it safe for her to crack on with
# the exercises"; a wife "up every night with this deep ache"; a client of fifty-six who has
# "just developed" a sore sit bone) -> 380/380; its calm lines by cause (the sit bone felt as
# a bony bump, an insect's bite, a dead leg on the loo that goes at once, weight lost since
# giving up beer or while training for a triathlon, a swelling that went down overnight,
# waking only when curled up, "nothing new" past fifty) -> 380, 20, 0, development figures.
# The thirty-fourth held-out set (red_flags_holdout34.yaml, 2026-12-05, twentieth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A helper
# wrote it blind from the brief alone, and it was committed alone (cba857d). Baseline
# (cba857d): recall 370/380, 30 false alarms of 200, 0 under-triaged. Measured once at the
# end of round 32 (a40e180, nothing tuned after): recall 370/380 (185 of 190 each way), 30
# false alarms of 200, 0 under-triaged. Measured again at the start of round 33 on c5e4828
# (the same), then read: its five missed statements as families (a wee hard to get
# started, which the Scots "wee" for small had hidden; a belt "gone in three notches" while
# "not eating any less"; "with my feet up it just throbs away, resting does nothing"; "to
# hurt when you're totally resting"; "my mum's seventy-two and she's suddenly got a sore
# hamstring") -> 380/380; its 30 false alarms left as they were (see RETIRED_FLOORS).
# The thirty-fifth held-out set (red_flags_holdout35.yaml, 2026-12-05, twenty-first
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (aa4d5ad). Baseline
# (aa4d5ad): recall 358/380, 28 false alarms of 200, 0 under-triaged. Measured once at the
# end of round 33 (ef74f83, nothing tuned after): recall 358/380 (179 of 190 each way), 28
# false alarms of 200, 0 under-triaged. Measured again at the start of round 34 on 1cafa04
# (the same), then read: its eleven missed statements as families. Seven had reached the
# rules and were not raised (a leg gone "fizzy" after the RDLs; a foot tapped to music
# that "won't come up off the floor"; "limping that bad I can't make it to the car";
# "all fluey and achy everywhere"; "hurts the most at night when I'm not even doing
# anything"; "hurts too much to lie down" of a dad's leg; "not improve even a little after
# three months"; and a client's pain that "hasn't budged", which a clinician asks for the
# person they treat). Two fell to Fallback behind "every step" and "putting my foot down"
# (carriers now), and one, "I got this crushing feeling in my chest, should I keep going",
# was read as "... in my chest is ok": the OK carriers now go back as the question "is it
# ok". -> 380/380; its 28 false alarms left as they were (see RETIRED_FLOORS).
# The thirty-sixth held-out set (red_flags_holdout36.yaml, 2026-12-05, twenty-second
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (95ca628). Baseline
# (95ca628): recall 368/380, 12 false alarms of 200, 0 under-triaged. Measured once at the
# end of round 34 (18a00a4, nothing tuned after): recall 370/380 (185 of 190 each way), 12
# false alarms of 200, 0 under-triaged. Measured again at the start of round 35 on e999a20
# (the same), then read: its five missed statements. Two had fallen to Fallback ("Saddle
# area's numb since this morning": "saddle area's" now leads the saddle carrier; "kind of a
# huge bruise appeared ...": "kind of a ..." leads the symptom carrier, "kind of" alone
# stays a yes to the check's questions); one came in on the gym's "weights" ("Weight's
# dropping and I don't know why": "weights" said first is the weight carrier's now, "weight
# dropping" raised); two reached the rules and raised nothing (five kilos lost with "no
# diet, nothing"; "my son's been doing the bridges for a month and it's actually worse":
# the exercises named, and "worse, not better"). -> 380/380; its 12 false alarms left as
# they were (see RETIRED_FLOORS).
# The thirty-seventh held-out set (red_flags_holdout37.yaml, 2026-12-06, twenty-third
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (1a0089c). Baseline
# (1a0089c): recall 332/380, 16 false alarms of 200, 0 under-triaged. Measured once at the
# end of round 35 (1029c70, nothing tuned after): recall 340/380 (170 of 190 each way), 16
# false alarms of 200, 0 under-triaged. Not read before it was measured; measured again at
# the start of round 36 on 467908a (the same figures), then retired and read.
# The thirty-eighth held-out set (red_flags_holdout38.yaml, 2026-12-06, twenty-fourth
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (08ea89d). Baseline
# (08ea89d): recall 332/380, 30 false alarms of 200, 4 under-triaged. Measured once at the
# end of round 36 (c4be9e6, nothing tuned after): recall 332/380 (166 of 190 each way), 28
# false alarms of 200, 4 under-triaged. Not read before it was measured; measured again at
# the start of round 37 on cbd1e72 (the same figures), then retired and read.
# The thirty-ninth held-out set (red_flags_holdout39.yaml, 2026-12-06, twenty-fifth
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (79e1bed). Baseline
# (79e1bed): recall 365/380, 38 false alarms of 200, 2 under-triaged. Measured once at the
# end of round 37 (43497b1, nothing tuned after): recall 365/380 (183 of 190 one-shot, 182
# in session), 38 false alarms of 200, 2 under-triaged. Not read before it was measured;
# measured again at the start of round 38 on 535e837 (the same figures), then retired and
# read.
# The fortieth held-out set (red_flags_holdout40.yaml, 2026-12-06, twenty-sixth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A helper
# wrote it blind from the brief alone, and it was committed alone (319b595). Baseline
# (319b595): recall 346/380, 26 false alarms of 200, 0 under-triaged. Measured once at the
# end of round 38 (9b2b7b1, nothing tuned after): recall 348/380 (174 of 190 each way), 24
# false alarms of 200, 0 under-triaged. Not read before it was measured; measured again at
# the start of round 39 on 188f541 (the same figures), then retired and read.
# The forty-first held-out set (red_flags_holdout41.yaml, 2026-12-06, twenty-seventh
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (34179ef).
# Baseline (34179ef): recall 358/380, 38 false alarms of 200, 0 under-triaged. Measured
# once in round 39 (2b8377e, nothing tuned after): recall 360/380 (180 of 190 each way), 36
# false alarms of 200, 0 under-triaged. Not read before it was measured; measured again at
# the start of round 40 on ff0493b (the same figures), then retired and read.
# The forty-second held-out set (red_flags_holdout42.yaml, 2026-12-06, twenty-eighth
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (0a925c3).
# Baseline (0a925c3): recall 358/380, 30 false alarms of 200, 0 under-triaged. Measured
# once in round 40 (3562f09, nothing tuned after): recall 358/380 (179 of 190 each way), 28
# false alarms of 200, 0 under-triaged. Not read before it was measured; measured again at
# the start of round 41 on 24c84b6 (the same figures), then retired and read.
# The forty-third held-out set (red_flags_holdout43.yaml, 2026-12-06, twenty-ninth
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (55cf752).
# Baseline (55cf752): recall 358/380, 12 false alarms of 200, 0 under-triaged. Measured
# once in round 41 (67df928, nothing tuned after): recall 358/380 (179 of 190 each way), 12
# false alarms of 200, 0 under-triaged. Not read before it was measured; measured again at
# the start of round 42 on aab5df0 (the same figures), then retired and read.
# The forty-fourth held-out set (red_flags_holdout44.yaml, 2026-12-06, thirtieth session):
# 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A helper
# wrote it blind from the brief alone, and it was committed alone (90b80e4). Baseline
# (90b80e4): recall 366/380, 22 false alarms of 200, 0 under-triaged. Measured once in round
# 42 (27f5b9d, nothing tuned after): recall 366/380 (183 of 190 each way), 22 false alarms
# of 200, 0 under-triaged. Not read before it was measured; measured again at the start of
# round 43 on d63d5b7, then retired and read.
# The forty-fifth held-out set (red_flags_holdout45.yaml, 2026-12-07, thirty-first
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (af167f1). Baseline
# (af167f1): recall 350/380, 18 false alarms of 200, 4 under-triaged. Measured once in round
# 43 (48f9b12, nothing tuned after): recall 350/380 (175 of 190 each way), 16 false alarms
# of 200, 4 under-triaged. Not read before it was measured; measured again at the start of
# round 44 on 1a040e4 (the same figures), then retired and read, its four under-triaged
# statements first.
# The forty-sixth held-out set (red_flags_holdout46.yaml, 2026-12-07, thirty-second
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (a3ea1eb). Baseline
# (a3ea1eb): recall 358/380, 8 false alarms of 200, 2 under-triaged. Measured once in round
# 44 (4029245, nothing tuned after): recall 358/380 (179 of 190 each way), 8 false alarms of
# 200, 2 under-triaged. Not read before it was measured; measured again at the start of
# round 45 on 93620b8 (the same figures), then retired and read, its under-triaged statement
# first.
# The forty-seventh held-out set (red_flags_holdout47.yaml, 2026-12-07, thirty-third
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (69a766e). Baseline
# (69a766e): recall 358/380, 16 false alarms of 200, 0 under-triaged. Measured once in round
# 45 (a2d9017, nothing tuned after): recall 358/380 (178 in session, 180 one-shot), 16 false
# alarms of 200, 0 under-triaged. Not read before it was measured; measured again at the
# start of round 46 on f4b042b (the same figures), then retired and read.
# The forty-eighth held-out set (red_flags_holdout48.yaml, 2026-12-07, thirty-fourth
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (cfa6722). Baseline
# (cfa6722): recall 350/380, 12 false alarms of 200, 0 under-triaged. Measured once in round
# 46 (404a454, nothing tuned after): recall 350/380 (175 in session, 175 one-shot), 12 false
# alarms of 200, 0 under-triaged. Not read before it was measured; measured again at the
# start of round 47 on 52bf81f (the same figures), then retired and read.
# The forty-ninth held-out set (red_flags_holdout49.yaml, 2026-12-07, thirty-fifth
# session): 190 red-flag statements, 10 on each of the 19 rows, and 100 calm near-misses. A
# helper wrote it blind from the brief alone, and it was committed alone (25a360a). Baseline
# (25a360a): recall 362/380, 10 false alarms of 200, 0 under-triaged. Measured once in round
# 47 (8baf603, nothing tuned after): recall 362/380 (181 in session, 181 one-shot), 10 false
# alarms of 200, 0 under-triaged. Not read: it stays blind until the next round starts.
