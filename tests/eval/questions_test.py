"""Questions in people's own words (issue 15), measured through the resolver and the real
lambda_handler: the frozen set (never tuned on), the held-out sets (never tuned on while they
are held out), the retired held-out sets (measured, then handed to tuning) and the development
set (tuned on).

The figures, per label, one-shot and in-session apart, are printed at the end of the run
(a terminal-summary hook registered by the fixture below), so `make test` shows them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.eval.questions_measure import (
    OFF_TOPIC_ANSWERED_LIMIT,
    ON_TOPIC_TARGET,
    WAYS,
    Report,
    load_labels,
    load_set,
    measure,
)

# Baseline of the frozen set on the code before issue 15 (commit f5bead0's message):
# on-topic right 23.8% in-session, 22.8% one-shot; red flags routed 69.2%.
BASELINE_RED_FLAGS_ROUTED = 9 / 13
# Sets nobody tunes on: their figures are printed per label.
HELD_OUT = ("frozen",)
# Held-out sets retired to tuning material once their one measurement was recorded (the
# evening round of 2026-11-30): blind-written questions are the best tuning signal there is,
# and a new blind set (written before the round) takes over as the honest figure. Their
# figures are printed per label too, and held to what they measured while held out.
# The fourth set joined them on the night of 2026-11-30, once its one measurement was recorded.
# The fifth joined them on 2026-12-01, once its one measurement was recorded; the sixth the
# same morning, once its own was; the seventh that afternoon; the eighth on 2026-12-01's
# last session, once its own was; the ninth on 2026-12-01's evening session; the tenth on
# 2026-12-01's night session, once its own was; the eleventh on 2026-12-01's late session,
# once its own was; the twelfth on 2026-12-02's first session, once its own was; the
# thirteenth on 2026-12-02's second session, once its own was; the fourteenth on 2026-12-02's
# third session, once its own was; the fifteenth on 2026-12-02's fourth session, once its
# own was; the sixteenth on 2026-12-02's fifth session, once its own was; the seventeenth on
# 2026-12-02's sixth session, once its own was.
RETIRED = (
    "holdout",
    "holdout3",
    "holdout4",
    "holdout5",
    "holdout6",
    "holdout7",
    "holdout8",
    "holdout9",
    "holdout10",
    "holdout11",
    "holdout12",
    "holdout13",
    "holdout14",
    "holdout15",
    "holdout16",
    "holdout17",
    "holdout18",
    "holdout19",
    "holdout20",
    "holdout21",
    "holdout22",
    "holdout23",
    "holdout24",
    "holdout25",
    "holdout26",
    "holdout27",
    "holdout28",
    "holdout29",
    "holdout30",
    "holdout31",
    "holdout32",
    "holdout33",
    "holdout34",
    "holdout35",
    "holdout36",
    "holdout37",
    "holdout38",
    "holdout39",
    "holdout40",
    "holdout41",
    "holdout42",
    "holdout43",
    "holdout44",
    "holdout45",
    "holdout46",
    "holdout47",
    "holdout48",
)
ALL_SETS = ("frozen", *RETIRED, "dev")


class _Summary:
    """Prints the reports once pytest has finished, after the usual summary."""

    def __init__(self) -> None:
        self.reports: dict[str, Report] = {}

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        for name in ALL_SETS:
            report = self.reports.get(name)
            if report is None:
                continue
            kind = " (retired held-out set, now tuned on)" if name in RETIRED else ""
            terminalreporter.write_sep("-", f"questions in people's own words: {name} set{kind}")
            for line in report.lines(per_topic=name != "dev"):
                terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def summary(request: pytest.FixtureRequest) -> Iterator[_Summary]:
    plugin = _Summary()
    request.config.pluginmanager.register(plugin, "questions-summary")
    yield plugin


@pytest.fixture(scope="module")
def reports(summary: _Summary) -> dict[str, Report]:
    for name in ALL_SETS:
        summary.reports[name] = measure(name)
    return summary.reports


# The issue's target, met on 2026-11-30 by the second tuning round (feat/faqtune): the frozen
# set was never opened and only its aggregate looked at, three times; tuning used the
# development set only (docs/questions.md). Before that round: 72.0% right both ways.
@pytest.mark.parametrize("way", WAYS)
def test_frozen_on_topic_questions_are_answered_right(reports: dict[str, Report], way: str) -> None:
    assert reports["frozen"].summary(way)["on_topic_right"] >= ON_TOPIC_TARGET


@pytest.mark.parametrize("way", WAYS)
def test_frozen_off_topic_questions_are_not_answered_with_a_topic(
    reports: dict[str, Report], way: str
) -> None:
    assert reports["frozen"].summary(way)["off_topic_answered"] <= OFF_TOPIC_ANSWERED_LIMIT


@pytest.mark.parametrize("way", WAYS)
def test_frozen_red_flags_are_routed_to_safety_at_least_as_often_as_before(
    reports: dict[str, Report], way: str
) -> None:
    # Every red flag routed is the safety issue's target (its matcher is that work); this
    # branch must at least not lose any that were routed before.
    assert reports["frozen"].summary(way)["red_flag_routed"] >= BASELINE_RED_FLAGS_ROUTED


# The dev set's third round (personas `pol_`, 2026-11-30, feat/policy): 150 questions
# written blind to measure the matcher on wording nobody had tuned to, half of them held
# back while tuning (docs/questions.md). They are a measure, not tuned material, so the
# target is asserted on the rest of the set; they are held to at least the figure the
# matcher had before that round: 92 of 135 on-topic right both ways (68.1%, on 94b4616).
ROUND_3 = "pol_"
ROUND_3_BEFORE = 92 / 135


# Round 4's walkthrough questions (personas `qw4_`, feat/walk): 60 exercise-steps requests in
# people's own words, written blind and committed alone; measured before tuning: 13 of 60
# right both ways. Held apart like round 3. Tuned on afterwards (carriers, synonyms, names
# in other words), they are held to that round's figure: 51 of 60 both ways.
ROUND_4_WALK = "qw4_"
ROUND_4_WALK_BEFORE = 13 / 60
ROUND_4_WALK_AFTER = 51 / 60


def _dev(reports: dict[str, Report], round_3: bool) -> Report:
    dev = reports["dev"]
    rows = [
        r
        for r in dev.results
        if r[0].persona.startswith(ROUND_3) == round_3 and not r[0].persona.startswith(ROUND_4_WALK)
    ]
    return Report(dev.name, rows)


@pytest.mark.parametrize("way", WAYS)
def test_dev_set_meets_the_same_targets(reports: dict[str, Report], way: str) -> None:
    assert _dev(reports, round_3=False).summary(way)["on_topic_right"] >= ON_TOPIC_TARGET
    assert reports["dev"].summary(way)["off_topic_answered"] <= OFF_TOPIC_ANSWERED_LIMIT


@pytest.mark.parametrize("way", WAYS)
def test_dev_round_3_questions_do_no_worse_than_the_matcher_before_them(
    reports: dict[str, Report], way: str
) -> None:
    summary = _dev(reports, round_3=True).summary(way)
    assert summary["on_topic_total"] == 135
    assert summary["on_topic_right"] >= ROUND_3_BEFORE


@pytest.mark.parametrize("way", WAYS)
def test_dev_round_4_walkthrough_questions_keep_their_tuned_figure(
    reports: dict[str, Report], way: str
) -> None:
    rows = [r for r in reports["dev"].results if r[0].persona.startswith(ROUND_4_WALK)]
    summary = Report("dev", rows).summary(way)
    assert summary["on_topic_total"] == 60
    assert summary["on_topic_right"] >= ROUND_4_WALK_AFTER > ROUND_4_WALK_BEFORE


def test_the_harness_reads_outcomes_from_the_skill_not_from_its_wording(
    reports: dict[str, Report],
) -> None:
    # A sanity check on the measuring itself: every outcome kind it can report shows up,
    # so a broken classifier (everything "other") cannot pass as a low score.
    kinds = {o.kind for _, outcomes, _ in reports["dev"].results for o in outcomes.values()}
    assert {"answer", "choice", "red_flag", "howto"} <= kinds
    assert "miss" in kinds


# --- the held-out sets nobody tuned on --------------------------------------------------
# The second (questions_holdout.yaml, 2026-11-30): written from twelve personas and the domain
# brief by someone who read neither the content, the model, the matcher nor the other sets'
# cases; committed alone before it was measured.
# The third (questions_holdout3.yaml, 2026-11-30 afternoon): written from twelve new personas
# and the domain brief by someone who read neither the content, the model, the matcher nor
# any other evaluation set, while four others tuned the content and the matcher on new
# development questions of their own; committed alone, measured on the morning's code for a
# baseline (counts only) and once on the final code.
# Only their shapes are asserted as plain facts; the issue's targets are asserted as on the
# frozen set, and a target today's code misses is a strict expected failure carrying the
# figures measured on it (so the marker must go the day the target is met).
#
# The second set, measured once on 2026-11-30 (main at b5949f8, with the signal recorder
# passing `health=` through), before anyone had seen the set: on-topic right 41.5%
# in-session and 44.8% one-shot of 183 (69.9% / 70.5% with a "did you mean" naming the right
# topic); red flags routed 14/15 both ways; off-topic answered with a topic 0.0% (offered
# 7.7%) of 26. (The frozen set scored 71.5% on the same code: the gap is what tuning to a
# set that had been measured many times looks like, or what these personas add;
# docs/questions.md.) On 3911d98 (the third round): 70.5% in-session, 71.6% one-shot (82.0% /
# 81.4% with a right "did you mean"); red flags 14/15; off-topic answered 0.0%. Its off-topic
# pass/fail was used once as a signal during that round (docs/questions.md), so it is no
# longer fully held out; the third set is.
# The third set's baseline, counts only, on the morning's code (main at 2bbda9d) right after
# the set was committed (93ea22e): on-topic right 49.6% both ways of 262 (72.5% with a "did
# you mean" naming the right topic); red flags routed 17/18 both ways; off-topic answered
# 0.0% of 33 (offered 6.1%). Measured once on the day's final matcher and content (main at
# 3911d98, after the qa, qb, qc, policy, rf and convo rounds merged; nothing tuned after):
# on-topic right 61.8% both ways (79.0% with a right "did you mean"); red flags routed 17/18;
# off-topic answered 0.0% (offered 6.1%). Weakest labels then: what_is_it 1/9, causes 2/9,
# howto 5/17.


@dataclass(frozen=True)
class Shape:
    """The least a held-out set was written to hold."""

    questions: int
    personas: int
    per_label: int
    howto: int
    off_topic: int
    red_flag: int


SHAPES = {
    "holdout": Shape(questions=220, personas=10, per_label=5, howto=5, off_topic=20, red_flag=12),
    "holdout3": Shape(questions=240, personas=12, per_label=7, howto=12, off_topic=28, red_flag=15),
    "holdout4": Shape(
        questions=400, personas=20, per_label=12, howto=24, off_topic=40, red_flag=25
    ),
    "holdout5": Shape(
        questions=550, personas=28, per_label=16, howto=29, off_topic=51, red_flag=30
    ),
    "holdout6": Shape(
        questions=660, personas=31, per_label=18, howto=33, off_topic=61, red_flag=30
    ),
    "holdout7": Shape(
        questions=583, personas=32, per_label=17, howto=36, off_topic=58, red_flag=29
    ),
    "holdout8": Shape(
        questions=647, personas=40, per_label=18, howto=36, off_topic=54, red_flag=28
    ),
    "holdout9": Shape(
        questions=754, personas=43, per_label=21, howto=48, off_topic=64, red_flag=40
    ),
    "holdout10": Shape(
        questions=742, personas=49, per_label=21, howto=48, off_topic=70, red_flag=34
    ),
    "holdout11": Shape(
        questions=670, personas=47, per_label=19, howto=40, off_topic=60, red_flag=32
    ),
    "holdout12": Shape(
        questions=683, personas=45, per_label=20, howto=41, off_topic=58, red_flag=30
    ),
    "holdout13": Shape(
        questions=741, personas=47, per_label=20, howto=48, off_topic=69, red_flag=35
    ),
    "holdout14": Shape(
        questions=715, personas=44, per_label=21, howto=44, off_topic=67, red_flag=36
    ),
    "holdout15": Shape(
        questions=720, personas=49, per_label=20, howto=45, off_topic=68, red_flag=34
    ),
    "holdout16": Shape(
        questions=755, personas=64, per_label=22, howto=48, off_topic=73, red_flag=37
    ),
    "holdout17": Shape(
        questions=805, personas=64, per_label=22, howto=60, off_topic=93, red_flag=40
    ),
    "holdout18": Shape(
        questions=836, personas=72, per_label=22, howto=64, off_topic=123, red_flag=42
    ),
    "holdout19": Shape(
        questions=830, personas=71, per_label=22, howto=64, off_topic=120, red_flag=42
    ),
    "holdout20": Shape(
        questions=891, personas=77, per_label=23, howto=72, off_topic=138, red_flag=47
    ),
    "holdout21": Shape(
        questions=891, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout22": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout23": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout24": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout25": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout26": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout27": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout28": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout29": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout30": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout31": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout32": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout33": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout34": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout35": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout36": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout37": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout38": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout39": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout40": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout41": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout42": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout43": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout44": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout45": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout46": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout47": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    "holdout48": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
    # Held out (measured once, at the end of round 47): its shape is checked so an edit shows.
    "holdout49": Shape(
        questions=880, personas=77, per_label=23, howto=72, off_topic=142, red_flag=45
    ),
}


@pytest.mark.parametrize("name", SHAPES)
def test_held_out_set_has_the_shape_it_was_written_to(name: str) -> None:
    shape = SHAPES[name]
    questions = load_set(name)
    labels = load_labels()
    counts = Counter(q.label for q in questions)
    assert len(questions) >= shape.questions
    assert len({q.persona for q in questions}) >= shape.personas
    assert set(counts) <= {*labels["labels"], "howto", "red_flag", "off_topic"}
    for label in labels["labels"]:
        assert counts[label] >= shape.per_label, label
    assert counts["howto"] >= shape.howto
    assert counts["off_topic"] >= shape.off_topic
    assert counts["red_flag"] >= shape.red_flag
    assert all(q.exercise in labels["howto"] for q in questions if q.label == "howto")
    assert len({q.text for q in questions}) == len(questions)


# Retired that evening (2026-11-30, before the fourth round of tuning): both sets were handed
# to the people tuning, so their figures since are development figures. Each is held to what
# it measured as a held-out set on 3911d98, so tuning on one part of it cannot quietly lose
# another; the issue's 85% target moves to the set written blind for that round.
@dataclass(frozen=True)
class Floor:
    """What a retired set measured on its last held-out run."""

    on_topic_right: dict[str, float]
    red_flag_routed: float
    # Off-topic questions answered with a topic, at most (the issue's limit unless the set
    # measured worse while held out: then that, until tuning brings it under the limit).
    off_topic_answered: dict[str, float] | None = None


FLOORS = {
    "holdout": Floor({"in_session": 0.705, "one_shot": 0.716}, red_flag_routed=14 / 15),
    "holdout3": Floor({"in_session": 0.618, "one_shot": 0.618}, red_flag_routed=17 / 18),
    # Retired the night of 2026-11-30 (its one measurement, on 0ce43a1, is recorded below).
    "holdout4": Floor({"in_session": 0.712, "one_shot": 0.723}, red_flag_routed=23 / 25),
    # Retired 2026-12-01 at its one measurement on cf2e1b8 (recorded below). It measured
    # 6/51 and 5/51 off-topic answered; round 6 (qmatch6) brought that under the issue's
    # limit, which now applies to it as to the others.
    "holdout5": Floor({"in_session": 0.809, "one_shot": 0.805}, red_flag_routed=28 / 30),
    # Retired 2026-12-01 at its one measurement on 5238a7b (recorded below): 79.8% each
    # way, off-topic answered 5/61 each way. Round 7 raised it: topic words as carriers
    # (carry7) and the decision and off-topic subjects (qmatch7), together 500/575 in
    # session and 501/575 one-shot, 0/61 off-topic answered (on ac5a08e): held to that
    # figure, and to the issue's 5% off-topic limit like the others.
    # Round 8 (qmatch8) raised it to 89.0% each way; round 9 to 519/575 and 520/575 on the
    # merged code (qmatch9 alone had 520/521; one question each way went with the merge).
    "holdout6": Floor({"in_session": 0.903, "one_shot": 0.904}, red_flag_routed=29 / 30),
    # Retired 2026-12-01 at its one measurement on ae02dd4 (recorded below): 78.0% in
    # session, 79.6% one-shot, off-topic answered 0/58. Round 8 (qmatch8: question frames,
    # backstory) raised it to 79.6% / 81.0%, off-topic still 0/58. Round 9 (qmatch9: the
    # condition's own words, dropped endings, story words) to 459/496 and 462/496; the
    # merged round 9 code measured 461/496 and 464/496, round 10 (qmatch10) 462 and 465.
    "holdout7": Floor({"in_session": 0.931, "one_shot": 0.937}, red_flag_routed=27 / 29),
    # Retired 2026-12-01 at its one measurement on 46dfe3c (recorded below): 480/565 in
    # session, 483/565 one-shot, off-topic answered 2/54. Round 9 (qmatch9) raised it to
    # 495/565 and 498/565, off-topic still 2/54. The merged round 9 code measured 509/565
    # and 512/565; round 10 (qmatch10) 512/565 and 515/565, off-topic still 2/54.
    "holdout8": Floor({"in_session": 0.906, "one_shot": 0.911}, red_flag_routed=28 / 28),
    # Retired 2026-12-01 at its one measurement on cb01080 (recorded below): 495/650 in
    # session, 503/650 one-shot, off-topic answered 1/64. Round 10 raised it: qmatch10
    # (frames and the sore place for the basic topics) to 511/650 and 518/650 on its branch
    # alone; qclf10 (a classifier learned from the readable sets) to 541/650 and 552/650
    # with the classifier trained without holdout9 (bench.faq_matchers.skill_folds). The
    # shipped model learned from holdout9 too: from round 10 on, a training-set figure
    # (the merged round 10 code measured 86.3% / 87.8%, off-topic 2/64, red flags routed
    # 40/40 after rf10). The floor is the honest fold figure, not the training-set one.
    # Round 11 (rf11) reads "my boy's got a huge bruise ... after a tackle" as the son's, not
    # the person's own; a bruise is a sign of the person's own injury, so said of someone
    # else it is calm by round 10's rule (docs/safety-net.md): 39/40. It was routed before only
    # because "boy" was not yet read as another person. Making the injury rows `anyone` for
    # every body part raised a son's bruised arm and a father who walks little (unit tests);
    # a bruise on another person's LEG is the next round's job (issue 12 note).
    "holdout9": Floor({"in_session": 0.832, "one_shot": 0.849}, red_flag_routed=39 / 40),
    # Retired 2026-12-01 at its one measurement on 59e985d (recorded below): 553/638 in
    # session, 558/638 one-shot, red flags routed 32/34 and 33/34, off-topic answered 6/70
    # each way: over the issue's 5%, so held to that until tuning brings it under.
    # Round 11 (q11: off-topic subjects by kind, and three off-topic words that turned away
    # our own questions) brought it to 3/70 off-topic answered each way, under the issue's
    # limit, which now applies to it as to the others; on-topic 558/638 and 562/638 with
    # the classifier trained without holdout10 (skill_folds, the honest figure held here;
    # the shipped model, which learned from it, measured 578/638 and 580/638).
    "holdout10": Floor({"in_session": 0.875, "one_shot": 0.881}, red_flag_routed=32 / 34),
    # Retired 2026-12-01 (late) at its one measurement on 84389bb (recorded below): 521/578 in
    # session, 528/578 one-shot, red flags routed 30/32 each way, off-topic answered 6/60
    # each way: over the issue's 5%, so held to that until tuning brings it under.
    # Round 12 (q12: off-topic subjects by kind in the lexicon) brought it to 0/60 each way
    # with the classifier trained without holdout11 (skill_folds), on-topic unchanged at
    # 521/578 and 528/578: the issue's limit now applies to it as to the others.
    "holdout11": Floor({"in_session": 0.901, "one_shot": 0.913}, red_flag_routed=30 / 32),
    # Retired 2026-12-02 at its one measurement on 04b5752 (recorded below): 517/595 in
    # session, 522/595 one-shot, red flags routed 29/30 each way, off-topic answered 4/58
    # each way: over the issue's 5%, so held to that until tuning brings it under. The
    # on-topic floors are what the shipped code (90ab27e, whose model had not learned
    # holdout11, unlike 04b5752's) measured: 516/595 and 520/595, all else the same.
    "holdout12": Floor(
        {"in_session": 0.867, "one_shot": 0.874},
        red_flag_routed=29 / 30,
        # Round 13 (q13: prices and kick-off times off topic) brought it to 2/58 each way.
        off_topic_answered={"in_session": 2 / 58, "one_shot": 2 / 58},
    ),
    # Retired 2026-12-02 at its one measurement on 37bfcc1 (recorded below; the shipped code
    # differs from it only in comments and test constants): 561/637 in session, 566/637
    # one-shot, red flags routed 32/35 each way, off-topic answered 6/69 each way: over the
    # issue's 5%, so held to that until tuning brings it under.
    "holdout13": Floor(
        # Round 14 (q14: the model learns it, a training-set figure; four off-topic words
        # we share with other subjects narrowed) reached 581/637 and 584/637, off 5/69.
        {"in_session": 0.912, "one_shot": 0.917},
        red_flag_routed=32 / 35,
        off_topic_answered={"in_session": 5 / 69, "one_shot": 5 / 69},
    ),
    # Retired 2026-12-02 (third session) at its one measurement on 2f5c497 (recorded below;
    # the shipped code, 1aabf54, differs from it only by refactors with no change of
    # behaviour): 546/612 in session, 550/612 one-shot, red flags routed 33/36 each way,
    # off-topic answered 5/67 each way: over the issue's 5%, so held to that.
    "holdout14": Floor(
        # Round 15 (q15: the model learns it, a training-set figure; off-topic words for an
        # animal's leg, drinks by name, racing that is not on foot, running out of breath)
        # reached 557/612 and 559/612, off 1/67 each way (the nitrox dive).
        {"in_session": 0.910, "one_shot": 0.913},
        red_flag_routed=33 / 36,
        off_topic_answered={"in_session": 1 / 67, "one_shot": 1 / 67},
    ),
    # Retired 2026-12-02 (fourth session) at its one measurement on 8828c25 (recorded below):
    # 516/618 in session, 515/618 one-shot (under the issue's 85%), red flags routed 33/34,
    # off-topic answered 6/68 each way (over the issue's 5%, so held to that). The shipped
    # code at retirement (115f023, two fixes later) measured the same counts.
    "holdout15": Floor(
        # Round 16 (tail16: the model learns it; questions said last given carriers) reached
        # 527/618 and 525/618 with the model trained without holdout15 (skill_folds, the
        # honest figure held here; the shipped model, which learned it, measured 543/618 and
        # 541/618, off-topic 5/68), off-topic 6/68 each way.
        {"in_session": 0.853, "one_shot": 0.850},
        red_flag_routed=33 / 34,
        off_topic_answered={"in_session": 6 / 68, "one_shot": 6 / 68},
    ),
    # Retired 2026-12-02 (fifth session) at its one measurement on c17d94c (recorded below):
    # 524/645 in session, 530/645 one-shot (under the issue's 85%), red flags routed 34/37 in
    # session and 33/37 one-shot (one floor for both ways: the lower), off-topic answered 8/73
    # each way (over the issue's 5%, so held to that). The shipped code at retirement
    # (98b0946, refactors since) measured the same counts.
    "holdout16": Floor(
        # Round 17 (learn17: the model learns it; term-after-next pairs, LEARNED_MISS)
        # reached 531/645 and 537/645 with the model trained without holdout16 (skill_folds,
        # the honest figure held here; the shipped model, which learned it, measured 554/645
        # and 562/645), off-topic 8/73 each way, red flags routed 34/37 and 33/37. Round 18
        # (q18's carriers, q18b) measured 552/645 and 555/645 the same way (skill_folds
        # holdout16 --model fold): raised to that.
        {"in_session": 0.855, "one_shot": 0.860},
        red_flag_routed=33 / 37,
        off_topic_answered={"in_session": 8 / 73, "one_shot": 8 / 73},
    ),
    # Retired 2026-12-02 (sixth session) at its one measurement on 436d869 (recorded below):
    # 522/672 in session, 538/672 one-shot (under the issue's 85%), red flags routed 35/40
    # each way, off-topic answered 5/93 in session and 6/93 one-shot (over the issue's 5%, so
    # held to that). The shipped code at retirement (44ac38a) measured the same counts.
    "holdout17": Floor(
        # Round 18 (q18: a walkthrough carrier, an aside carrier for vocatives and tags,
        # walkthrough cues, borrowed "running") reached 562/672 and 577/672 with a model
        # not trained on holdout17 (the figure held here; the carriers were written from
        # its misses, so it is no blind figure), red flags routed 38/40 each way, off-topic
        # answered 3/93 and 4/93. Round 18 (q18b: another person's treatment of another
        # part is backstory; a topic's noun phrase said first with a modifier) measured
        # 574/672 and 585/672 the same way (skill_folds holdout17 --model fold), off-topic
        # and red flags unchanged: raised to that.
        {"in_session": 0.854, "one_shot": 0.870},
        red_flag_routed=38 / 40,
        off_topic_answered={"in_session": 3 / 93, "one_shot": 4 / 93},
    ),
    # Retired 2026-12-03 (seventh session) at its one measurement on fb033b9 (recorded
    # below): 546/671 in session, 561/671 one-shot (under the issue's 85%), red flags routed
    # 36/42 in session and 37/42 one-shot, off-topic answered 6/123 and 7/123.
    "holdout18": Floor(
        # Round 19 (q19: discourse markers of other languages as carriers, topic noun
        # phrases, "tired" no longer off topic, recovery frames, contracted question words)
        # measured 597/671 and 604/671 with a model not trained on holdout18 (skill_folds
        # holdout18 --model fold; the changes were written from its misses, so it is no
        # blind figure), red flags routed 38/42 and 39/42, off-topic answered 5/123 each
        # way: raised to that.
        {"in_session": 0.889, "one_shot": 0.900},
        red_flag_routed=38 / 42,
        off_topic_answered={"in_session": 5 / 123, "one_shot": 5 / 123},
    ),
    # Retired 2026-12-03 (eighth session) at its one measurement on dfc5393 (recorded
    # below), re-measured unchanged on 39e1bad: 539/668 in session, 551/668 one-shot (under
    # the issue's 85%), red flags routed 38/42 in session and 40/42 one-shot, off-topic
    # answered 16/120 each way.
    "holdout19": Floor(
        # Round 20 (q20: the model's sure off-topic verdict declines a weak answer, a frame
        # asked of a stranger, walkthrough request words, a ramble's turn, timetables)
        # measured 547/668 and 558/668 with a model not trained on holdout19 (skill_folds
        # holdout19 --model fold on 41c1979; its misses were read, so it is no blind
        # figure), red flags routed 38/42 and 40/42, off-topic answered 12/120 each way:
        # raised to that.
        {"in_session": 0.818, "one_shot": 0.835},
        red_flag_routed=38 / 42,
        off_topic_answered={"in_session": 12 / 120, "one_shot": 12 / 120},
    ),
    # Retired 2026-12-03 (ninth session) at its one measurement on 6a860d8 (recorded below),
    # re-counted unchanged on 329d8da: 610/706 in session, 624/706 one-shot, red flags
    # routed 46/47 each way, off-topic answered 17/138 each way.
    "holdout20": Floor(
        {"in_session": 0.864, "one_shot": 0.883},
        red_flag_routed=46 / 47,
        off_topic_answered={"in_session": 17 / 138, "one_shot": 17 / 138},
    ),
    # Retired 2026-12-03 (tenth session) at its one measurement on 539131c (recorded below):
    # 501/704 in session, 523/704 one-shot, red flags routed 42/45 each way, off-topic
    # answered 8/142 each way.
    "holdout21": Floor(
        {"in_session": 0.711, "one_shot": 0.742},
        red_flag_routed=42 / 45,
        off_topic_answered={"in_session": 8 / 142, "one_shot": 8 / 142},
    ),
    # Retired 2026-12-03 (eleventh session) at its one measurement on 70abf34 (recorded
    # below): 393/693 in session, 438/693 one-shot, red flags routed 33/45 each way,
    # off-topic answered 2/142 each way.
    "holdout22": Floor(
        {"in_session": 0.567, "one_shot": 0.632},
        red_flag_routed=33 / 45,
        off_topic_answered={"in_session": 2 / 142, "one_shot": 2 / 142},
    ),
    # Retired 2026-12-03 (twelfth session) at its one measurement on 5604692 (recorded
    # below): 382/693 in session, 439/693 one-shot, red flags routed 32/45 each way,
    # off-topic answered 5/142 each way.
    "holdout23": Floor(
        {"in_session": 0.551, "one_shot": 0.633},
        red_flag_routed=32 / 45,
        off_topic_answered={"in_session": 5 / 142, "one_shot": 5 / 142},
    ),
    # Retired 2026-12-04 (thirteenth session) at its one measurement on 0c56491 (recorded
    # below): 530/693 in session, 548/693 one-shot, red flags routed 42/45 each way,
    # off-topic answered 8/142 each way.
    "holdout24": Floor(
        {"in_session": 0.764, "one_shot": 0.790},
        red_flag_routed=42 / 45,
        off_topic_answered={"in_session": 8 / 142, "one_shot": 8 / 142},
    ),
    # Retired 2026-12-04 (fourteenth session) at its one measurement on b4ac158 (recorded
    # below): 475/693 in session, 482/693 one-shot, red flags routed 44/45 each way,
    # off-topic answered 8/142 each way.
    "holdout25": Floor(
        {"in_session": 0.685, "one_shot": 0.695},
        red_flag_routed=44 / 45,
        off_topic_answered={"in_session": 8 / 142, "one_shot": 8 / 142},
    ),
    # Retired 2026-12-04 (fifteenth session) at its one measurement on 31a0b52 (recorded
    # below): 534/693 in session, 543/693 one-shot, red flags routed 45/45 each way,
    # off-topic answered 7/142 in session and 8/142 one-shot.
    "holdout26": Floor(
        {"in_session": 0.770, "one_shot": 0.783},
        red_flag_routed=45 / 45,
        off_topic_answered={"in_session": 7 / 142, "one_shot": 8 / 142},
    ),
    # Retired 2026-12-04 (fifteenth session, mid-round) at its one measurement on e95f6ea
    # (recorded below): 547/693 in session, 550/693 one-shot, red flags routed 44/45 each
    # way, off-topic answered 9/142 each way.
    "holdout27": Floor(
        {"in_session": 0.789, "one_shot": 0.793},
        red_flag_routed=44 / 45,
        off_topic_answered={"in_session": 9 / 142, "one_shot": 9 / 142},
    ),
    # Retired 2026-12-04 (sixteenth session, start of round 28) at its one measurement on
    # 52e0ccf (recorded below): 531/693 in session, 550/693 one-shot, red flags routed 42/45
    # each way, off-topic answered 11/142 in session and 13/142 one-shot.
    "holdout28": Floor(
        {"in_session": 0.766, "one_shot": 0.793},
        red_flag_routed=42 / 45,
        off_topic_answered={"in_session": 11 / 142, "one_shot": 13 / 142},
    ),
    # Retired 2026-12-04 (sixteenth session, mid-round 28) at its one measurement on 9cd2fab
    # (recorded below): 568/693 in session, 587/693 one-shot, red flags routed 45/45 each
    # way, off-topic answered 13/142 each way.
    "holdout29": Floor(
        {"in_session": 0.819, "one_shot": 0.847},
        red_flag_routed=45 / 45,
        off_topic_answered={"in_session": 13 / 142, "one_shot": 13 / 142},
    ),
    # Retired 2026-12-05 (seventeenth session, the start of round 29) at its one measurement
    # on 255d7a7, measured again on a780c42 before anything was tuned (the same counts):
    # 601/693 in session, 616/693 one-shot, red flags routed 42/45 each way, off-topic
    # answered 7/142 in session and 8/142 one-shot.
    "holdout30": Floor(
        {"in_session": 0.867, "one_shot": 0.888},
        red_flag_routed=42 / 45,
        off_topic_answered={"in_session": 7 / 142, "one_shot": 8 / 142},
    ),
    # Retired 2026-12-05 (eighteenth session, the start of round 30) at its one measurement
    # on 9a18965, measured again on 7a49010 before anything was tuned (the same counts):
    # 550/693 in session, 565/693 one-shot, red flags routed 40/45 each way, off-topic
    # answered 7/142 each way.
    "holdout31": Floor(
        {"in_session": 0.793, "one_shot": 0.815},
        red_flag_routed=40 / 45,
        off_topic_answered={"in_session": 7 / 142, "one_shot": 7 / 142},
    ),
    # Retired 2026-12-05 (nineteenth session, the start of round 31) at its one measurement
    # on 28cef71, measured again on 2a2d48a before anything was tuned (the same counts):
    # 541/693 in session, 565/693 one-shot, red flags routed 40/45 each way, off-topic
    # answered 9/142 each way.
    "holdout32": Floor(
        {"in_session": 0.781, "one_shot": 0.815},
        red_flag_routed=40 / 45,
        off_topic_answered={"in_session": 9 / 142, "one_shot": 9 / 142},
    ),
    # Retired 2026-12-05 (twentieth session, the start of round 32) at its one measurement
    # on 1446c59, measured again on 8ba95d4 before anything was tuned (the same counts):
    # 542/693 in session, 565/693 one-shot, red flags routed 42/45 each way, off-topic
    # answered 10/142 each way.
    "holdout33": Floor(
        {"in_session": 0.782, "one_shot": 0.815},
        red_flag_routed=42 / 45,
        off_topic_answered={"in_session": 10 / 142, "one_shot": 10 / 142},
    ),
    # Retired 2026-12-05 (twenty-first session, the start of round 33) at its one
    # measurement on a40e180, measured again on c5e4828 before anything was tuned (the same
    # counts): 527/693 in session, 550/693 one-shot, red flags routed 38/45 each way,
    # off-topic answered 12/142 in session and 13/142 one-shot.
    "holdout34": Floor(
        {"in_session": 0.760, "one_shot": 0.793},
        red_flag_routed=38 / 45,
        off_topic_answered={"in_session": 12 / 142, "one_shot": 13 / 142},
    ),
    # Retired 2026-12-05 (twenty-second session, the start of round 34) at its one
    # measurement on ef74f83, measured again on 1cafa04 before anything was tuned (the same
    # counts): 579/693 in session, 592/693 one-shot, red flags routed 41/45 each way,
    # off-topic answered 10/142 each way.
    "holdout35": Floor(
        {"in_session": 0.835, "one_shot": 0.854},
        red_flag_routed=41 / 45,
        off_topic_answered={"in_session": 10 / 142, "one_shot": 10 / 142},
    ),
    # Retired 2026-12-06 (twenty-third session, the start of round 35) at its one
    # measurement on 18a00a4 (494/693 in session, 521/693 one-shot), measured again on
    # e999a20 before anything was tuned: 495/693 in session, 522/693 one-shot (one question
    # each way more, from e24008b's treatment-with-how-long rule, written after the
    # measurement), red flags routed 37/45 each way, off-topic answered 8/142 each way.
    "holdout36": Floor(
        {"in_session": 0.714, "one_shot": 0.753},
        red_flag_routed=37 / 45,
        off_topic_answered={"in_session": 8 / 142, "one_shot": 8 / 142},
    ),
    # Retired 2026-12-06 (twenty-fourth session, the start of round 36) at its one
    # measurement on 1029c70 (387/693 in session, 419/693 one-shot), measured again on
    # 467908a before anything was tuned: the same counts (dd3196e's calm exceptions moved
    # none of its questions), red flags routed 43/45 each way, off-topic answered 8/142 in
    # session and 9/142 one-shot.
    "holdout37": Floor(
        {"in_session": 0.558, "one_shot": 0.605},
        red_flag_routed=43 / 45,
        off_topic_answered={"in_session": 8 / 142, "one_shot": 9 / 142},
    ),
    # Retired 2026-12-06 (twenty-fifth session, the start of round 37) at its one
    # measurement on c4be9e6 (473/693 in session, 476/693 one-shot), measured again on
    # cbd1e72 before anything was tuned: the same counts, red flags routed 34/45 each way,
    # off-topic answered 10/142 each way.
    "holdout38": Floor(
        {"in_session": 0.683, "one_shot": 0.687},
        red_flag_routed=34 / 45,
        off_topic_answered={"in_session": 10 / 142, "one_shot": 10 / 142},
    ),
    # Retired 2026-12-06 (twenty-sixth session, the start of round 38) at its one
    # measurement on 43497b1 (540/693 in session, 558/693 one-shot), measured again on
    # 535e837 before anything was tuned: the same counts, red flags routed 43/45 each way,
    # off-topic answered 9/142 each way.
    "holdout39": Floor(
        {"in_session": 0.779, "one_shot": 0.805},
        red_flag_routed=43 / 45,
        off_topic_answered={"in_session": 9 / 142, "one_shot": 9 / 142},
    ),
    # Retired 2026-12-06 (twenty-seventh session, the start of round 39) at its one
    # measurement on 9b2b7b1 (488/693 in session, 502/693 one-shot), measured again on
    # 188f541 before anything was tuned: the same counts, red flags routed 41/45 each way,
    # off-topic answered 9/142 each way.
    "holdout40": Floor(
        {"in_session": 0.704, "one_shot": 0.724},
        red_flag_routed=41 / 45,
        off_topic_answered={"in_session": 9 / 142, "one_shot": 9 / 142},
    ),
    # Retired 2026-12-06 (twenty-eighth session, the start of round 40) at its one
    # measurement on 2b8377e (511/693 in session, 527/693 one-shot), measured again on
    # ff0493b before anything was tuned: the same counts, red flags routed 41/45 each way,
    # off-topic answered 9/142 each way.
    "holdout41": Floor(
        {"in_session": 0.737, "one_shot": 0.760},
        red_flag_routed=41 / 45,
        off_topic_answered={"in_session": 9 / 142, "one_shot": 9 / 142},
    ),
    # Retired 2026-12-06 (twenty-ninth session, the start of round 41) at its one
    # measurement on 3562f09 (475/693 in session, 488/693 one-shot), measured again on
    # 24c84b6 before anything was tuned: the same counts, red flags routed 39/45 each way,
    # off-topic answered 9/142 each way.
    "holdout42": Floor(
        {"in_session": 0.685, "one_shot": 0.704},
        red_flag_routed=39 / 45,
        off_topic_answered={"in_session": 9 / 142, "one_shot": 9 / 142},
    ),
    # Retired 2026-12-06 (thirtieth session, the start of round 42) at its one measurement
    # on 67df928 (533/693 in session, 547/693 one-shot), measured again on aab5df0 before
    # anything was tuned: the same counts, red flags routed 38/45 and 37/45 (the floor takes
    # the lower), off-topic answered 11/142 and 12/142.
    "holdout43": Floor(
        {"in_session": 0.769, "one_shot": 0.789},
        red_flag_routed=37 / 45,
        off_topic_answered={"in_session": 11 / 142, "one_shot": 12 / 142},
    ),
    # Retired 2026-12-07 (thirty-first session, the start of round 43) at its one measurement
    # on 27f5b9d (503/693 in session, 513/693 one-shot), measured again on d63d5b7 before
    # anything was tuned: 503/693 and 513/693, red flags routed 34/45 and 38/45
    # (the floor takes the lower), off-topic answered 17/142 and 15/142.
    "holdout44": Floor(
        {"in_session": 0.726, "one_shot": 0.740},
        red_flag_routed=34 / 45,
        off_topic_answered={"in_session": 17 / 142, "one_shot": 15 / 142},
    ),
    # Retired 2026-12-07 (thirty-second session, the start of round 44) at its one
    # measurement on 48f9b12 (500/693 in session, 515/693 one-shot), measured again on 1a040e4
    # before anything was tuned: 500/693 and 515/693, red flags routed 40/45 and 39/45 (the
    # floor takes the lower), off-topic answered 15/142 and 17/142.
    "holdout45": Floor(
        {"in_session": 0.722, "one_shot": 0.743},
        red_flag_routed=39 / 45,
        off_topic_answered={"in_session": 15 / 142, "one_shot": 17 / 142},
    ),
    # Retired 2026-12-07 (thirty-third session, the start of round 45) at its one
    # measurement on 4029245 (569/693 in session, 584/693 one-shot), measured again on
    # 93620b8 before anything was tuned: 569/693 and 584/693, red flags routed 36/45 and 38/45
    # (the floor takes the lower), off-topic answered 13/142 and 14/142.
    "holdout46": Floor(
        {"in_session": 0.821, "one_shot": 0.843},
        red_flag_routed=36 / 45,
        off_topic_answered={"in_session": 13 / 142, "one_shot": 14 / 142},
    ),
    # Retired 2026-12-07 (thirty-fourth session, the start of round 46) at its one
    # measurement on a2d9017 (553/693 in session, 567/693 one-shot), measured again on
    # f4b042b before anything was tuned: 553/693 and 567/693, red flags routed 39/45 and 41/45
    # (the floor takes the lower), off-topic answered 11/142 and 10/142.
    "holdout47": Floor(
        {"in_session": 0.798, "one_shot": 0.818},
        red_flag_routed=39 / 45,
        off_topic_answered={"in_session": 11 / 142, "one_shot": 10 / 142},
    ),
    # Retired 2026-12-07 (thirty-fifth session, the start of round 47) at its one
    # measurement on 404a454 (526/693 in session, 539/693 one-shot), measured again on
    # 52bf81f before anything was tuned: 526/693 and 539/693, red flags routed 36/45 and 40/45
    # (the floor takes the lower), off-topic answered 6/142 and 6/142.
    "holdout48": Floor(
        {"in_session": 0.759, "one_shot": 0.777},
        red_flag_routed=36 / 45,
        off_topic_answered={"in_session": 6 / 142, "one_shot": 6 / 142},
    ),
}


@pytest.mark.parametrize("name", RETIRED)
@pytest.mark.parametrize("way", WAYS)
def test_retired_sets_do_no_worse_than_when_they_were_held_out(
    reports: dict[str, Report], name: str, way: str
) -> None:
    summary = reports[name].summary(way)
    # The floor is a rounded percentage: compare to its precision.
    assert round(summary["on_topic_right"], 3) >= FLOORS[name].on_topic_right[way]
    assert summary["red_flag_routed"] >= FLOORS[name].red_flag_routed


@pytest.mark.parametrize("name", RETIRED)
@pytest.mark.parametrize("way", WAYS)
def test_held_out_off_topic_questions_are_not_answered_with_a_topic(
    reports: dict[str, Report], name: str, way: str
) -> None:
    floor = FLOORS.get(name)
    limit = OFF_TOPIC_ANSWERED_LIMIT
    if floor is not None and floor.off_topic_answered is not None:
        limit = max(limit, floor.off_topic_answered[way])
    assert reports[name].summary(way)["off_topic_answered"] <= limit


# --- the fourth held-out set ------------------------------------------------------------
# questions_holdout4.yaml (2026-11-30, evening): 422 questions from twenty new personas (a
# hairdresser, a gymnast's dad, a carer asking for her husband, a padel player, a pilot, a
# jiu-jitsu player, a pregnant runner, a horse rider, a warehouse picker, a run-on talker, a
# texter, a German speaker, Australian and Indian English, Alexa mishearings...), written by
# someone who read only the domain brief and the label list, committed alone (b01e139) while
# the evening's tuning began. Baseline, counts only, on the code before any of that tuning
# (fa95697 with the set): on-topic right 57.1% in-session, 58.2% one-shot of 354 (74.6% /
# 74.9% with a right "did you mean"); red flags routed 23/25; off-topic answered with a topic
# 2.3% of 43 (offered 4.7%). Measured once on the evening's final code (main at 0ce43a1,
# after the qload, walk, qdef, sim, rf and qact rounds merged; nothing tuned after):
# on-topic right 71.2% in-session, 72.3% one-shot (79.1% / 79.9% with a right "did you
# mean"); red flags routed 23/25; off-topic answered 2.3% (offered 4.7%).


# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above), and the issue's targets moved to the fifth set.


# --- the fifth held-out set -------------------------------------------------------------
# questions_holdout5.yaml (2026-11-30, night): 552 questions from 28 new personas (a postal
# worker, a lorry driver, a fast bowler, a field-hockey player, a rower, a teenage skater, a
# sceptic, a solicitor, a cellist, a lawn-bowls player, a Spanish and a Glaswegian speaker, a
# bricklayer, a night-shift guard, a golfer, a personal trainer asking for a client, a physio
# student, a stutterer, a forum reader, a Cornish fisherman, a child asking for her mum...),
# written by someone who read only the domain brief and the label list, committed alone
# (adf6c4f) while the night's tuning began. Baseline, counts only, on the code before any of
# that tuning (main at d323935): on-topic right 74.7% in-session, 74.5% one-shot of 471
# (85.1% / 84.7% with a right "did you mean"); red flags routed 28/30; off-topic answered
# with a topic 9.8% / 7.8% of 51 (offered 3.9%). Measured once on the night's final code
# (main at cf2e1b8, after the qact5, sim5, qmatch, rf5 and qcond5 rounds and the
# integrator's own work merged; nothing tuned after): on-topic right 80.9% in-session,
# 80.5% one-shot (87.0% / 86.4% with a right "did you mean"); red flags routed 28/30;
# off-topic answered with a topic 11.8% / 9.8% (offered 2.0%).


# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above: on-topic right, red flags routed, and off-topic answered held to
# what it measured), and the issue's targets moved to the sixth set.


# --- the sixth held-out set -------------------------------------------------------------
# questions_holdout6.yaml (2026-12-01, small hours): 666 questions from 31 new personas (a
# parkrun starter at sixty, an army recruit, a window cleaner, a ballet teacher, a carer, a
# baseball pitcher, Nigerian, Irish, South African, Welsh, Polish and Filipino speakers, a
# worrier, a minimalist, someone in the car, a self-corrector, a slang user...), written by
# someone who read only the domain brief and the label list, committed alone (c59f0b1).
# Baseline, counts only, on the code before that round's tuning (2d3c4fe): on-topic right
# 78.3% each way of 575 (85.6% / 85.4% with a right "did you mean"); red flags routed 29/30;
# off-topic answered with a topic 9.8% of 61. Measured once on the round's final code (main
# at 5238a7b, after the qmatch6, qhow6, qact6, qcond6, rf6 and conv6 merges; nothing tuned
# after): on-topic right 79.8% each way (86.8% / 86.6% with a right "did you mean"); red
# flags routed 29/30; off-topic answered 8.2% (offered 3.3%); walkthroughs 29/33.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above), and the issue's targets moved to the seventh set.


# --- the seventh held-out set -----------------------------------------------------------
# questions_holdout7.yaml (2026-12-01, morning): 583 questions from 32 new personas (a
# Singaporean, a Hong Kong Cantonese speaker, Ghanaian, Jamaican and Brazilian speakers, a
# teen texter, a pharmacist, a "what about" asker, a greeter, a negative asker...), written
# by someone who read only the domain brief and the label list, committed alone (763ea91).
# Baseline, counts only, on the code before round 7 (d17b323): on-topic right 73.4% /
# 75.0% of 496 (80.4% / 81.5% with a right "did you mean"); red flags routed 27/29;
# off-topic answered 1.7% of 58. Measured once on the round's final code (ae02dd4: carry7,
# conv7, qmatch7, rf7; nothing tuned after): on-topic right 78.0% / 79.6% (83.9% / 84.7%);
# red flags routed 27/29; off-topic answered 0.0%; walkthroughs 25/36.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above), and the issue's targets moved to the eighth set.


# --- the eighth held-out set ------------------------------------------------------------
# questions_holdout8.yaml (2026-12-01, morning): 647 questions from 40 new personas (a
# firefighter, a scaffolder, a midwife, a fencer, an Irish dancer, a wicketkeeper, a
# 78-year-old who repeats himself, someone with a heavy cold, Kenyan, Malaysian, Trinidadian,
# Scouse, Geordie, Texan, Boston and French speakers, a forum reader, "quick one"...), written
# by someone who read only the domain brief and the label list, committed alone (2d7d492).
# Baseline, counts only, on the code before round 8 (9c3bd84): on-topic right 83.9% / 84.2%
# of 565 (88.7% / 88.8% with a right "did you mean"); red flags routed 28/28; off-topic
# answered 3.7% of 54; walkthroughs 29/36 and 30/36. Measured once on the round's final code
# (46dfe3c: carry8, rf8, qmatch8, how8; nothing tuned after): on-topic right 480/565 = 84.96%
# in session, 483/565 = 85.5% one-shot (89.2% / 89.7%); red flags routed 28/28; off-topic
# answered 3.7% (2/54); walkthroughs 28/36 and 30/36.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above), and the issue's targets moved to the ninth set.


# --- the ninth held-out set -------------------------------------------------------------
# questions_holdout9.yaml (2026-12-01, late morning): 754 questions from 43 new personas (a
# Welsh choir tenor, a Durban surf-ski paddler, Indian, Barbadian, Guyanese, Nigerian,
# Zimbabwean, Singaporean, Queensland, Canadian, Alabama, Wisconsin, Brooklyn, Belfast,
# Cockney, Yorkshire, Brummie and Mancunian speakers, people quoting TikTok, text-speak,
# the misheard...), written by someone who read only the domain brief, the label list and
# the list of personas already used, committed alone (6b8e884). Baseline, counts only, on
# the code before round 9 (6b8e884): on-topic right 75.1% / 76.5% of 650 (81.7% / 83.4%
# with a right "did you mean"); red flags routed 36/40; off-topic answered 1.6% of 64;
# walkthroughs 36/48 and 35/48. Measured once on the round's final code (cb01080: rf9,
# conv9, model9, qmatch9, gen9; nothing tuned after): on-topic right 495/650 = 76.2% in
# session, 503/650 = 77.4% one-shot (82.5% / 84.2%); red flags routed 36/40; off-topic
# answered 1.6% (1/64); walkthroughs 36/48 and 35/48.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above), and the issue's targets moved to the tenth set.


# --- the tenth held-out set -------------------------------------------------------------
# questions_holdout10.yaml (2026-12-01, afternoon): 742 questions from 49 new personas (an
# Aberdeen rig worker in Doric, and speakers of many other Englishes, ages and trades),
# written by someone who read only the domain brief, the label list and the list of
# personas already used, committed alone (4345712). Baseline, counts only, on the code
# before round 10 (edd4dc8): on-topic right 499/638 = 78.2% in session, 508/638 = 79.6%
# one-shot (85.3% / 86.2% with a right "did you mean"); red flags routed 32/34 and 33/34;
# off-topic answered 4/70 = 5.7%. Measured once on the round's final code (59e985d: conv10,
# perf10, qmatch10, rf10, qclf10; nothing tuned after): on-topic right 553/638 = 86.7% in
# session, 558/638 = 87.5% one-shot (87.1% / 88.1%); red flags routed 32/34 and 33/34;
# off-topic answered 6/70 = 8.6% (over the issue's 5%); walkthroughs 44/48 and 43/48.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above), and the issue's targets moved to the eleventh set.


# --- the eleventh held-out set ----------------------------------------------------------
# questions_holdout11.yaml (2026-12-01, night): 670 questions from 47 new personas, written by
# someone who read only the domain brief, the label list and the list of personas already
# used, committed alone (e50f9ba; 23 of its questions repeat, word for word, short questions
# of earlier readable sets). Baseline, counts only, on the code before round 11's tuning
# (0a41864, the model already retrained with holdout10): on-topic right 518/578 = 89.6% in
# session, 525/578 = 90.8% one-shot (90.1% / 91.3% with a right "did you mean"); red flags
# routed 30/32 each way; off-topic answered 6/60 = 10.0%; walkthroughs 34/40 each way.
# Measured once on the round's final code (84389bb: q11, rf11, conv11; nothing tuned after):
# on-topic right 521/578 = 90.1% in session, 528/578 = 91.3% one-shot (90.7% / 91.9%); red
# flags routed 30/32 each way; off-topic answered 6/60 = 10.0% (over the issue's 5%);
# walkthroughs 34/40 each way.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above); the issue's targets move to the twelfth set, written blind before
# any tuning on the eleventh.


# --- the twelfth held-out set -----------------------------------------------------------
# questions_holdout12.yaml (2026-12-01, late night): 683 questions from 45 new personas, written
# by someone who read only the domain brief, the label list and the list of personas already
# used, committed alone (91be965). Baseline, counts only, on the code before round 12's tuning
# (ee08682, the model already retrained with holdout11): on-topic right 517/595 = 86.9% in
# session, 522/595 = 87.7% one-shot (87.9% / 88.7% with a right "did you mean"); red flags
# routed 29/30 each way; off-topic answered 4/58 = 6.9%; walkthroughs 32/41 each way.
# Measured once on the round's final code (04b5752: q12, rf12; nothing tuned after): the same
# counts, label by label: on-topic right 517/595 and 522/595; red flags routed 29/30; off-topic
# answered 4/58 = 6.9% (over the issue's 5%); walkthroughs 32/41.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above); the issue's targets move to the thirteenth set, written blind
# before any tuning on the twelfth.


# --- the thirteenth held-out set --------------------------------------------------------
# questions_holdout13.yaml (2026-12-02): 741 questions from 47 new personas, written by
# someone who read only the domain brief, the label list and the list of personas already
# used, committed alone (78c0a39). Baseline, counts only, on the code before round 13's
# tuning (c1eae7a): on-topic right 560/637 = 87.9% in session, 566/637 = 88.9% one-shot
# (88.7% / 89.5% with a right "did you mean"); red flags routed 32/35 each way; off-topic
# answered 6/69 = 8.7%; walkthroughs 44/48 each way.
# Measured once on the round's final code (37bfcc1: rf13, q13; nothing tuned after): on-topic
# right 561/637 = 88.1% in session, 566/637 = 88.9% one-shot (89.2% / 89.8%); red flags
# routed 32/35; off-topic answered 6/69 = 8.7% (over the issue's 5%); walkthroughs 44/48.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above); the issue's targets move to the fourteenth set, written blind
# before any tuning on the thirteenth.


# --- the fourteenth held-out set --------------------------------------------------------
# questions_holdout14.yaml (2026-12-02, second session): 715 questions from 44 new personas,
# written by someone who read only the domain brief, the label list and the list of personas
# already used, committed alone (4372bba). Baseline, counts only, on the code before round
# 14's tuning (30dea9f): on-topic right 543/612 = 88.7% in session, 547/612 = 89.4% one-shot
# (89.5% / 90.0% with a right "did you mean"); red flags routed 33/36 each way; off-topic
# answered 5/67 = 7.5%; walkthroughs 32/44 in session, 33/44 one-shot.
# Measured once on the round's final code (2f5c497: conv14, rf14, q14; nothing tuned after):
# on-topic right 546/612 = 89.2% in session, 550/612 = 89.9% one-shot (89.9% / 90.4%); red
# flags routed 33/36; off-topic answered 5/67 = 7.5% (over the issue's 5%); walkthroughs
# 32/44 and 33/44. Gained: causes +1, running +2, each way; nothing lost.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above); the issue's targets move to the fifteenth set, written blind
# before any tuning on the fourteenth.


# --- the fifteenth held-out set ---------------------------------------------------------
# questions_holdout15.yaml (2026-12-02, third session): 720 questions from 49 new personas,
# written by someone who read only the domain brief, the label list and the list of personas
# already used, committed alone (cdf3c1d). Baseline, counts only, on the code before round
# 15's tuning (cec5a5e): on-topic right 517/618 = 83.7% in session, 516/618 = 83.5% one-shot
# (84.5% / 84.3% with a right "did you mean"); red flags routed 33/34 each way; off-topic
# answered 6/68 = 8.8%; walkthroughs 38/45 each way.
# Measured once on the round's final code (8828c25: ci15, open15, q15, rf15; nothing tuned
# after): on-topic right 516/618 = 83.5% in session, 515/618 = 83.3% one-shot (84.3% /
# 84.1%): under the issue's 85%; red flags routed 33/34; off-topic answered 6/68 = 8.8% (over
# the issue's 5%); walkthroughs 38/45. Moved: running +1, causes -1, recovery_time -1, each
# way. Two fixes for retired-set regressions came after the measurement (2100545, 0ac36b5).
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above; the shipped code at retirement, 115f023, measured the same counts);
# the issue's targets move to the sixteenth set, written blind before any tuning on the
# fifteenth.


# --- the sixteenth held-out set ---------------------------------------------------------
# questions_holdout16.yaml (2026-12-02, fourth session): 755 questions from 64 new personas,
# written by someone who read only the domain brief, the label names and the list of personas
# already used, committed alone (ad8a1dd). Baseline, counts only, on the code before round
# 16's tuning (1f4deaf): on-topic right 521/645 = 80.8% in session, 528/645 = 81.9% one-shot
# (82.9% / 84.0% with a right "did you mean"); red flags routed 34/37 in session, 33/37
# one-shot; off-topic answered 8/73 = 11.0%; walkthroughs 35/48 and 34/48.
# Measured once on the round's final code (c17d94c: rfq16, who16, tail16; nothing tuned
# after): on-topic right 524/645 = 81.2% in session, 530/645 = 82.2% one-shot (83.6% /
# 84.5%): under the issue's 85%; red flags routed 34/37 and 33/37; off-topic answered 8/73 =
# 11.0% (over the issue's 5%); walkthroughs 35/48 and 34/48. Moved in session: cycling,
# flare_up, ice_heat, sleep, strain_vs_tendinopathy +1 each; surgery, walking -1 each.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above; the shipped code at retirement, 98b0946, measured the same counts);
# the issue's targets move to the seventeenth set, written blind before any tuning on the
# sixteenth.


# --- the seventeenth held-out set -------------------------------------------------------
# questions_holdout17.yaml (2026-12-02, fifth session): 805 questions from 64 new personas,
# written by someone who read only the domain brief, the label names and the list of personas
# already used, committed alone (631245b). Baseline, counts only, on the code before round
# 17's tuning (7162535): on-topic right 517/672 = 76.9% in session, 535/672 = 79.6% one-shot
# (78.6% / 81.4% with a right "did you mean"); red flags routed 35/40 each way; off-topic
# answered 5/93 = 5.4% in session, 6/93 = 6.5% one-shot; walkthroughs 33/60 each way.
# Measured once on the round's final code (436d869: sound17, learn17, conv17 and the merge's
# cannot_bear_weight fix; nothing tuned after): on-topic right 522/672 = 77.7% in session,
# 538/672 = 80.1% one-shot (78.9% / 81.4%): under the issue's 85%; red flags routed 35/40;
# off-topic answered 5/93 and 6/93 (over the issue's 5%); walkthroughs 33/60. The shipped
# code (21a8515, a comparison opener said alone) measured the same counts.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above; the shipped code at retirement, 44ac38a, measured the same counts);
# the issue's targets move to the eighteenth set, written blind before any tuning on the
# seventeenth.


# The eighteenth held-out set (questions_holdout18.yaml, 2026-12-02, sixth session): 836
# questions from 72 new personas (131 one-shots, 64 walkthroughs, 123 off-topic, 42 red
# flags), written blind and committed alone (f659272). Baseline, counts only, before round
# 18's tuning (f71fe0e): on-topic right 533/671 = 79.4% in session, 550/671 = 82.0% one-shot
# (80.3% / 82.9% with a right "did you mean"); red flags routed 35/42 and 37/42; off-topic
# answered 6/123 = 4.9% and 7/123 = 5.7%; walkthroughs 48/64 and 49/64.
# Measured once on the round's final code (fb033b9: q18, rf18, conv18, q18b, rf18b, conv18b
# and holdout17 in both learned models; nothing tuned after): on-topic right 546/671 = 81.4%
# in session, 561/671 = 83.6% one-shot (82.1% / 84.4%): under the issue's 85%; red flags
# routed 36/42 and 37/42; off-topic answered 6/123 (4.9%) and 7/123 (5.7%); walkthroughs
# 50/64 each way. The weakest labels: recovery_time 11/23, what_is_it 16/23, causes 16/23,
# shockwave 16/22.
# That measurement was the set's last as a held-out set: it was then retired to tuning
# material (FLOORS above), and the issue's targets move to the nineteenth set.


# The nineteenth held-out set (questions_holdout19.yaml, 2026-12-03, seventh session): 830
# questions from 71 new personas (132 one-shots, 64 walkthroughs, 120 off-topic, 42 red
# flags), written blind and committed alone (b23f563). Baseline, counts only, before round
# 19's tuning (b23f563, holdout18 already in both learned models): on-topic right 533/668 =
# 79.8% in session, 547/668 = 81.9% one-shot; red flags routed 38/42 and 40/42; off-topic
# answered 16/120 = 13.3% each way (5 more offered a choice); walkthroughs 41/64 and 43/64.
# Measured once on the round's final code (dfc5393: q19 and rf19 merged; nothing tuned
# after): on-topic right 539/668 = 80.7% in session, 551/668 = 82.5% one-shot: under the
# issue's 85%; red flags routed 38/42 and 40/42; off-topic answered 16/120 (13.3%, over the
# issue's 5%) each way; walkthroughs 41/64 and 43/64. Round 19's tuning on holdout18 (597/671
# there with a model not trained on it) carried +6 / +4 here. The weakest labels: recovery_time
# 12/22, flare_up 14/23, running 14/22, causes 15/22, desk_driving 15/22, sitting 16/23.
#
# The twentieth held-out set (questions_holdout20.yaml, 2026-12-03, eighth session): 891
# questions from 77 new personas (179 one-shots, 72 walkthroughs, 138 off-topic, 47 red
# flags), written blind by a helper and committed alone (8f356a5). Baseline, counts only,
# before round 20's tuning (8f356a5, holdout19 already in both learned models): on-topic
# right 607/706 = 86.0% in session, 621/706 = 88.0% one-shot; red flags routed 45/47 each
# way; off-topic answered 19/138 = 13.8% each way (8 more offered a choice); walkthroughs
# 51/72 and 54/72. Measured once on the round's final code (6a860d8: q20 and rf20 merged,
# nothing tuned after): on-topic right 610/706 = 86.4% in session, 624/706 = 88.4% one-shot
# (over the issue's 85% both ways); red flags routed 46/47 each way; off-topic answered
# 17/138 = 12.3% each way (over the issue's 5%); walkthroughs 54/72 and 57/72. Round 20's
# tuning on holdout19 (547/558 there with a model not trained on it, from 539/551) carried
# +3 / +3 here. The weakest labels: pain_during_exercise 17/23 in session, flare_up 17/23,
# causes 19/25 and 18/25, cycling, desk_driving, gym, sleep, strain_vs_tendinopathy and
# what_is_it 19/23.
# The twenty-first held-out set (questions_holdout21.yaml, 2026-12-03, ninth session): 891
# questions from 77 new personas (182 one-shots, 72 walkthroughs, 142 off-topic, 45 red
# flags), written blind by a helper and committed alone (ec2e4b5). Baseline, counts only,
# before round 21's tuning (ec2e4b5, holdout20 already in both learned models): on-topic
# right 503/704 = 71.4% in session, 524/704 = 74.4% one-shot (far under the issue's 85%,
# which holdout20 had met); red flags routed 42/45 each way; off-topic answered 8/142 = 5.6%
# each way (4 and 5 more offered a choice); walkthroughs 41/72 and 42/72. Measured once on
# the round's final code (539131c: q21 and rf21 merged, nothing tuned after): on-topic right
# 501/704 = 71.2% in session, 523/704 = 74.3% one-shot; red flags routed 42/45 each way;
# off-topic answered 8/142 = 5.6% each way (2 and 3 offered a choice); walkthroughs 41/72
# and 42/72. Round 21's tuning on holdout20 (off-topic 17 -> 1 there) carried nothing here;
# injections lost one each way and walking one in session. The weakest labels: causes 8/23
# in session (12/23 one-shot), pain_during_exercise 14/24, flare_up 15/24 and 14/24,
# recovery_time 15/25, scans, sitting, strain_vs_tendinopathy, stretching and desk_driving
# 15-16 of 23-24.
# The twenty-second held-out set (questions_holdout22.yaml, 2026-12-03, tenth session): 880
# questions from 77 new personas (185 one-shots, 72 walkthroughs, 142 off-topic, 45 red
# flags), written blind by a helper and committed alone (a1c61ad). Baseline, counts only,
# before round 22's tuning (a1c61ad): on-topic right 365/693 = 52.7% in session, 417/693 =
# 60.2% one-shot; red flags routed 32/45; off-topic answered 1/142; walkthroughs 21/72 and
# 28/72; 232 and 177 of the misses fell to AMAZON.FallbackIntent. Measured once on the
# round's final code (70abf34: q22, rf22, fb22 and howto22 merged, nothing tuned after):
# 393/693 = 56.7% in session, 438/693 = 63.2% one-shot; red flags routed 33/45 each way;
# off-topic answered 2/142 each way; walkthroughs 28/72 and 32/72; Fallback 201 and 155.
# The weakest labels: causes 7/23, cycling, sciatica 10/23, recovery_time, scans and
# walking 11/23. The question file was never read.
# The twenty-third held-out set (questions_holdout23.yaml, 2026-12-03, eleventh session):
# 880 questions from 77 new personas (185 one-shots, 72 walkthroughs, 142 off-topic, 45 red
# flags), written blind by a helper and committed alone (fd1c971). Baseline, counts only,
# before round 23's tuning (fd1c971): on-topic right 324/693 = 46.8% in session, 396/693 =
# 57.1% one-shot; red flags routed 24/45; off-topic answered 5/142; walkthroughs 16/72 and
# 21/72; 250 and 183 of the misses fell to AMAZON.FallbackIntent. Measured once on the
# round's final code (5604692: op23, rf23 and q23's English openers merged, nothing tuned
# after): 382/693 = 55.1% in session, 439/693 = 63.3% one-shot; red flags routed 32/45 each
# way; off-topic answered 5/142 each way; walkthroughs 22/72 and 25/72; Fallback 179 and
# 130. The weakest labels: flare_up 7/23, causes 9/23, scans 10/23, gym_squats_lunges,
# ice_heat, running, see_doctor and what_is_it 11/23. The question file was never read.
# The twenty-fourth held-out set (questions_holdout24.yaml, 2026-12-03, twelfth session): 880
# questions from 77 new personas (185 one-shots, 72 walkthroughs, 142 off-topic, 45 red
# flags), written blind by a helper and committed alone (8e73d15). Baseline, counts only,
# before round 24's tuning (8e73d15): on-topic right 530/693 in session, 547/693 one-shot;
# red flags routed 42/45; off-topic answered 8/142; walkthroughs 49/72 and 50/72; 34 and
# 29 of the misses fell to AMAZON.FallbackIntent. Measured once on the round's final code
# (0c56491: rf24, score24, howto24 merged, nothing tuned after): 530/693 = 76.5% in
# session, 548/693 = 79.1% one-shot (the same under virtual-alexa's character scoring:
# 530 and 547); red flags routed 42/45 each way; off-topic answered 8/142 each way;
# walkthroughs 49/72 and 51/72; Fallback 34 and 29. The misses by kind: 49 honest misses,
# 40 another reply, 38 wrong answers, 20 sent to safety, 11 a choice. The weakest labels:
# causes and eccentric 14/23, desk_driving, flare_up and recovery_time 15/23. The question
# file was never read.
# The twenty-fifth held-out set (questions_holdout25.yaml, 2026-12-04, thirteenth session):
# 880 questions from 77 new personas, a third of them mixing in words of another language
# (185 one-shots, 72 walkthroughs, 142 off-topic, 45 red flags), written blind by a helper
# and committed alone (25cd122). Baseline, counts only, before round 25's tuning (25cd122):
# on-topic right 474/693 in session, 481/693 one-shot; red flags routed 44/45; off-topic
# answered 8/142; walkthroughs 18/72 and 20/72. Measured once on the round's final code
# (b4ac158, nothing tuned after): 475/693 = 68.5% in session, 482/693 = 69.6% one-shot
# (474 and 481 under virtual-alexa's character scoring); red flags routed 44/45 each way;
# off-topic answered 8/142 each way; walkthroughs 18/72 and 20/72; Fallback 43 and 40. The
# misses in session by kind: 74 wrong answers, 52 honest misses, 44 another reply, 24 sent
# to safety, 22 a choice, 2 a walkthrough. The weakest labels: eccentric 8/23, flare_up 9/23,
# exercise_frequency 13/23. The question file was never read before it was measured.
# The twenty-sixth held-out set (questions_holdout26.yaml, 2026-12-04, fourteenth session):
# 880 questions from 77 new personas, 16 of them mixing in a word of another language, the
# brief leaning on how people talk to a speaker (half-sentences, the topic said first, plain
# words for clinical terms), written blind by a helper and committed alone (0e46cf1).
# Baseline, counts only (0e46cf1): on-topic right 529/693 in session, 541/693 one-shot.
# Measured once on the round's final code (31a0b52, nothing tuned after): 534/693 = 77.1% in
# session, 543/693 = 78.4% one-shot (the same under virtual-alexa's character scoring); red
# flags routed 45/45 each way; off-topic answered 7/142 in session, 8/142 one-shot;
# walkthroughs 42/72 and 41/72; Fallback 34 and 32. The misses in session by kind: 59 wrong
# answers, 39 honest misses, 36 another reply, 13 a wrong choice, 5 a choice offered, 4 sent
# to safety, 3 a walkthrough. The weakest labels: eccentric 10/23; causes, flare_up,
# ice_heat, running and strain_vs_tendinopathy 15/23. The question file was never read
# before it was measured.
# The twenty-seventh held-out set (questions_holdout27.yaml, 2026-12-04, fifteenth session):
# 880 questions from 77 new personas, 16 of them mixing in a word of another language, the
# brief leaning on how people ask when unsure what to ask ("is it okay if", "what if",
# comparisons, permission for one plan or one day, asking why), written blind by a helper
# and committed alone (d11b083). Baseline, counts only (d11b083): on-topic right 533/693 in
# session, 536/693 one-shot (534 and 537 under character scoring); red flags routed 44/45;
# off-topic answered 9/142; walkthroughs 40/72. Measured once on the code of the day's
# first half (e95f6ea: the walkthrough's learned opinion; nothing tuned after):
# 547/693 = 78.9% in session, 550/693 = 79.4% one-shot (548 and 551 under character
# scoring); red flags routed 44/45 each way; off-topic answered 9/142 each way;
# walkthroughs 56/72 each way; eccentric 12/23 -> 10/23; Fallback 44 and 39. The misses in
# session by kind: 47 another reply, 36 wrong answers, 25 honest misses, 16 sent to
# safety, 9 a choice offered, 8 a wrong walkthrough, 5 a wrong choice. The question file
# was never read before it was measured; a new blind pair (holdout28) was written for the
# rest of the session.
# The twenty-eighth held-out set (questions_holdout28.yaml, 2026-12-04, fifteenth session):
# 880 questions from 77 new personas, 16 of them mixing in a word of another language, the
# brief leaning on people in the middle of their day (asking while doing something else,
# giving their numbers, quoting what someone told them, two things at once, cross or fed
# up), written blind by a helper and committed alone (c1dec80). Baseline, counts only
# (c1dec80): on-topic right 524/693 in session, 546/693 one-shot; red flags routed 42/45;
# off-topic answered 11/142; walkthroughs 48/72. Measured once on the code of the day's
# second half (52e0ccf: carriers and red-flag families from holdout27, an exercise's bare
# name said first, a comparison said first; nothing tuned after): 531/693 = 76.6% in
# session, 550/693 = 79.4% one-shot (the same under character scoring); red flags routed
# 42/45 each way; off-topic answered 11/142 in session, 13/142 one-shot; walkthroughs 55/72
# in session, 52/72 one-shot; Fallback 50 and 38. The misses in session by kind: 51 another
# reply (50 of them Fallback), 43 wrong answers, 29 honest misses, 23 sent to safety, 7 a
# choice offered, 6 a wrong choice, 3 a wrong walkthrough. The weakest labels: eccentric
# 11/23, see_doctor 12/23, strain_vs_tendinopathy and pain_during_exercise 14/23. The
# question file was never read before it was measured; retired at the start of round 28,
# when a new blind pair (holdout29) was written.
# The twenty-ninth held-out set (questions_holdout29.yaml, 2026-12-04, sixteenth session):
# 880 questions from 77 new personas, 16 of them mixing in a word of another language, the
# brief leaning on people who tell their story first and ask at the end, the very polite,
# those who have lived with it long, newcomers who point at where it hurts, those who state
# what they want, and slang or club talk; written blind by a helper and committed alone
# (f8c5638). Baseline, counts only (f8c5638): on-topic right 564/693 in session, 585/693
# one-shot (563 and 584 under character scoring); red flags routed 45/45; off-topic
# answered 13/142; walkthroughs 61/72 in session, 64/72 one-shot. Measured once on 9cd2fab
# (holdout28's red-flag families read, 'pop' the person, topic-first carriers from the
# lexicon, a comparison said alone; nothing tuned after): 568/693 = 82.0% in session,
# 587/693 = 84.7% one-shot (567 and 586 under character scoring); red flags routed 45/45;
# off-topic answered 13/142 each way; walkthroughs 61/72 and 64/72; Fallback 38 -> 34 in
# session, 29 -> 27 one-shot. The misses in session by kind: 34 another reply, 33 honest
# misses, 29 wrong answers, 10 sent to safety, 9 a wrong choice, 5 a choice offered, 5 a
# wrong walkthrough. The weakest labels: sitting and eccentric 14/23, scans 15/23. The
# question file was never read before it was measured; retired mid-round 28, when a new
# blind pair (holdout30) was written.
# The thirtieth held-out set (questions_holdout30.yaml, 2026-12-04, sixteenth session):
# 880 questions from 77 new personas, 15 of them mixing in a word of another language, the
# brief leaning on people asking in the moment, comparing themselves with someone else,
# asking about a dated plan or event, mishearing or misnaming things, asking for someone
# they care for, or answering their own question halfway; written blind by a helper and
# committed alone (255d7a7), then measured once, at the end of round 28, with nothing tuned
# in between (the baseline is the measurement): 601/693 = 86.7% in session, 616/693 =
# 88.9% one-shot (the same under character scoring); red flags routed 42/45 each way;
# off-topic answered 7/142 in session, 8/142 one-shot; walkthroughs 66/72 and 67/72;
# Fallback 20 and 15. The misses in session by kind: 31 wrong answers, 21 honest misses, 20
# another reply, 7 sent to safety, 6 a choice offered, 5 a wrong walkthrough, 2 a wrong
# choice. The weakest labels: eccentric, what_is_it, desk_driving, sitting,
# exercise_frequency and see_doctor 17/23. The question file was never read before it was
# measured; measured again at the start of round 29 on a780c42 (the same counts), then
# retired, when a new blind pair (holdout31) was written.
# The thirty-first held-out set (questions_holdout31.yaml, 2026-12-05, seventeenth
# session): 880 questions from 77 new personas, about 15 of them mixing in a word of
# another language. The brief leaned on people who ask in very few words, put a number in
# the question, ask whether something they heard is a myth, tell their day first, ask in
# the negative, or correct themselves. Three helpers wrote it blind, one part each, and it
# was committed alone (c271d9e). Baseline, counts only (c271d9e): 550/693 in session,
# 565/693 one-shot; red flags routed 40/45; off-topic answered 7/142; walkthroughs 64/72 and
# 66/72. Measured once on 9a18965 (holdout30 read, a spouse's carrier, possessive-only
# names; nothing tuned after): 550/693 = 79.4% in session, 565/693 = 81.5% one-shot (552
# and 566 under character scoring). Red flags routed 40/45, off-topic answered 7/142 each
# way, walkthroughs 64/72 and 66/72. Fallback took 38 misses each way. The misses in session
# by kind: 41 another reply, 39 honest misses, 31 wrong answers, 11 sent to safety, 11 a
# choice offered, 8 a wrong choice, 2 a wrong walkthrough. The weakest labels: causes and
# running 12/23. The question file was never read before it was measured; measured again
# at the start of round 30 on 7a49010 (the same counts), then retired, when a new blind
# pair (holdout32) was written.
# The thirty-second held-out set (questions_holdout32.yaml, 2026-12-05, eighteenth
# session): 880 questions from 77 new personas. The brief leaned on people who are very
# polite or hedge, compare two options, ask in a conditional, end with a question tag, name
# a brand or gadget, or ask in a fragment that follows a thought. Three helpers wrote it
# blind, one part each, and it was committed alone (ead18b5). Baseline, counts only
# (ead18b5): 538/693 in session, 563/693 one-shot; red flags routed 40/45; off-topic
# answered 9/142; Fallback 58 and 45. Measured once on 28cef71 (holdout31 read, carriers
# for what people say first, 242 world openers; nothing tuned after): 541/693 = 78.1% in
# session, 565/693 = 81.5% one-shot (540 and 565 under character scoring). Red flags
# routed 40/45, off-topic answered 9/142 each way, walkthroughs 59/72 and 61/72, Fallback
# 57 and 44. The misses in session by kind: 59 another reply, 39 wrong answers, 33 honest
# misses, 11 a choice offered, 5 a wrong choice, 5 sent to safety. The weakest labels:
# what_is_it 8/23, recovery_time 13/23. The question file was never read before it was
# measured; measured again at the start of round 31 on 2a2d48a (the same counts), then
# retired, when a new blind pair (holdout33) was written.
# The thirty-third held-out set (questions_holdout33.yaml, 2026-12-05, nineteenth
# session): 880 questions from 77 new personas. The brief leaned on people who ask in the
# middle of doing something, ask for someone else, use slang or abbreviations, run on,
# half-remember words, or restart mid-sentence. Three helpers wrote it blind, one part
# each, and it was committed alone (e667fd9). Baseline, counts only (e667fd9): 542/693 in
# session, 564/693 one-shot; red flags routed 42/45; off-topic answered 9/142; Fallback 42
# and 30. Measured once on 1446c59 (holdout32 read, question tags, hearsay with its place,
# diacritics folded; nothing tuned after): 542/693 = 78.2% in session, 565/693 = 81.5%
# one-shot (540 and 565 under character scoring). Red flags routed 42/45, off-topic
# answered 10/142 each way, walkthroughs 50/72 and 55/72, Fallback 42 and 30. The misses in
# session by kind: 43 wrong answers, 43 another reply, 35 honest misses, 11 sent to safety,
# 10 a choice offered, 5 a wrong choice, 4 a wrong walkthrough. The weakest labels:
# recovery_time 13/23, sitting and walking 14/23. The question file was never read before
# it was measured; measured again at the start of round 32 on 8ba95d4 (the same counts),
# then retired, when a new blind pair (holdout34) was written.
# The thirty-fourth held-out set (questions_holdout34.yaml, 2026-12-05, twentieth
# session): 880 questions from 77 new personas. The brief leaned on people who tie the
# question to a time or a date, complain first, compare it with an earlier injury, ask what
# a piece of advice means, ask indirectly, or name the skill in passing. Three helpers wrote
# it blind, one part each, and it was committed alone (cba857d). Baseline, counts only
# (cba857d): 526/693 in session, 549/693 one-shot; red flags routed 37/45; off-topic
# answered 11/142 in session and 12/142 one-shot; Fallback 36 and 25. Measured once on
# a40e180 (holdout33 read, 1,525 more first names by rule, seasons said first; nothing tuned
# after): 527/693 = 76.0% in session, 550/693 = 79.4% one-shot (the same under character
# scoring). Red flags routed 38/45, off-topic answered 12/142 in session and 13/142
# one-shot, walkthroughs 51/72 and 52/72, Fallback 34 and 23. The misses in session by
# kind: 62 honest misses, 39 wrong answers, 37 another reply, 13 sent to safety, 7 a wrong
# walkthrough, 5 a choice offered, 3 a wrong choice. The weakest labels: running, sitting
# and causes 14/23. The question file was never read before it was measured; measured again
# at the start of round 33 on c5e4828 (the same counts), then retired, when a new blind pair
# (holdout35) was written.
# The thirty-fifth held-out set (questions_holdout35.yaml, 2026-12-05, twenty-first
# session): 880 questions from 77 new personas. The brief leaned on people who put numbers
# and units in the question, ask a yes/no question with "or", name the body part loosely,
# ask two things at once, give a very short follow-up, or quote a friend or the internet.
# Three helpers wrote it blind, one part each, and it was committed alone (aa4d5ad).
# Baseline, counts only (aa4d5ad): 576/693 in session, 591/693 one-shot; red flags routed
# 41/45; off-topic answered 10/142 each way; Fallback 27 and 20. Measured once on ef74f83
# (holdout34 read, another part compared with this problem, "what does that mean" no frame
# of what_is_it; nothing tuned after): 579/693 = 83.5% in session, 592/693 = 85.4%
# one-shot (579 and 591 under character scoring). Red flags routed 41/45, off-topic
# answered 10/142 each way, Fallback 27 and 20. The misses in session by kind: 32 honest
# misses, 31 wrong answers, 27 another reply, 10 a choice offered, 6 a wrong choice, 4
# sent to safety, 4 a wrong walkthrough. The question file was never read before it was
# measured; measured again at the start of round 34 on 1cafa04 (the same counts), then
# retired, when a new blind pair (holdout36) was written.
# The thirty-sixth held-out set (questions_holdout36.yaml, 2026-12-05, twenty-second
# session): 880 questions from 77 new personas. The brief leaned on questions framed as a
# worry, "is it normal that ...", questions with negatives, a workout command mixed with a
# question, very formal and very casual registers, and places and equipment. Three helpers
# wrote it blind, one part each, and it was committed alone (95ca628). Baseline, counts
# only (95ca628): 493/693 in session, 521/693 one-shot; red flags routed 37/45; off-topic
# answered 9/142 each way; Fallback 85 and 65. Measured once on 18a00a4 (holdout35 read,
# the OK carriers as a question, exercises named with "for"; nothing tuned after):
# 494/693 = 71.3% in session, 521/693 = 75.2% one-shot (492 and 519 under character
# scoring). Red flags routed 37/45, off-topic answered 8/142 each way, Fallback 85 and 65.
# The misses in session by kind: 88 another reply (85 on Fallback), 49 wrong answers, 41
# honest misses, 13 sent to safety, 4 a choice offered, 3 a wrong choice, 1 a wrong
# walkthrough. The question file was never read before it was measured; measured again at
# the start of round 35 on e999a20 (495/693 and 522/693: e24008b's rule, written after the
# measurement, gained one question each way), then retired, when a new blind pair
# (holdout37) was written.
# The thirty-seventh held-out set (questions_holdout37.yaml, 2026-12-06, twenty-third
# session): 880 questions from 77 new personas. The brief leaned on a duration said first,
# someone else's case, a long story before the question, misheard names, questions asked
# while doing something else, and comparisons. Three helpers wrote it blind, one part
# each, and it was committed alone (1a0089c). Baseline, counts only (1a0089c): 372/693 in
# session, 404/693 one-shot; red flags routed 43/45; off-topic answered 9/142 in session
# and 10/142 one-shot; Fallback 120 and 99. Measured once on 1029c70 (holdout36 read, an
# amount said first, the world's vocatives and courtesies, a question behind a hold-on;
# nothing tuned after): 387/693 = 55.8% in session, 419/693 = 60.5% one-shot (387 and 420
# under character scoring). Red flags routed 43/45, off-topic answered 8/142 in session and
# 9/142 one-shot, Fallback 102 and 83. The misses in session by kind: 107 another reply,
# 72 honest misses, 58 wrong answers, 42 sent to safety, 10 a choice offered, 9 a wrong
# walkthrough, 8 a wrong choice. The question file was never read before it was measured;
# measured again at the start of round 36 on 467908a (the same counts), then retired, when
# a new blind pair (holdout38) was written.
# The thirty-eighth held-out set (questions_holdout38.yaml, 2026-12-06, twenty-fourth
# session): 880 questions from 77 new personas. The brief leaned on corrections
# mid-sentence, very short questions, numbers and scores said aloud, a few words of another
# language, jokes and exaggeration, and citing what the skill or a professional said before.
# Three helpers wrote it blind, one part each, and it was committed alone (08ea89d).
# Baseline, counts only (08ea89d): 473/693 in session, 478/693 one-shot; red flags routed
# 34/45; off-topic answered 9/142 each way; Fallback 59 and 56. Measured once on c4be9e6
# (holdout37 read, a sign worth booking for answered beside its question, where the person
# is said first, days said first; nothing tuned after): 473/693 = 68.3% in session,
# 476/693 = 68.7% one-shot (474 and 479 under character scoring). Red flags routed 34/45,
# off-topic answered 10/142 each way, Fallback 56 and 53. The misses in session by kind: 66
# honest misses, 62 another reply, 54 wrong answers, 17 sent to safety, 8 a wrong choice, 7
# a wrong walkthrough, 6 a choice offered. The question file was never read before it was
# measured; measured again at the start of round 37 on cbd1e72 (the same counts), then
# retired, when a new blind pair (holdout39) was written.
# The thirty-ninth held-out set (questions_holdout39.yaml, 2026-12-06, twenty-fifth
# session): 880 questions from 77 new personas. The brief leaned on complaints and venting
# around the question, two questions in one breath, questions asked for a group or class,
# heavy hesitation and fillers, speaking to the device, and tag questions ("... or not?").
# Three helpers wrote it blind, one part each, and it was committed alone (79e1bed).
# Baseline, counts only (79e1bed): 539/693 in session, 556/693 one-shot; red flags routed
# 43/45; off-topic answered 8/142 each way; Fallback 39 and 29. Measured once on 43497b1
# (holdout38 read, forms of address and terse questions, what a topic's carriers stand
# for; nothing tuned after): 540/693 = 77.9% in session, 558/693 = 80.5% one-shot (538 and
# 556 under character scoring). Red flags routed 43/45, off-topic answered 9/142 each way,
# Fallback 39 and 29. The misses in session by kind: 43 honest misses, 41 another reply, 39
# wrong answers, 14 sent to safety, 7 a choice offered, 5 a wrong walkthrough, 4 a wrong
# choice. The question file was never read before it was measured; measured again at the
# start of round 38 on 535e837 (the same counts), then retired, when a new blind pair
# (holdout40) was written.
# The fortieth held-out set (questions_holdout40.yaml, 2026-12-06, twenty-sixth session):
# 880 questions from 77 new personas. The brief leaned on a condition or assumption around
# the question, negative questions, a time of day or season, an upcoming event with a date,
# the program's own words (week, stage, level) and indirect questions. Three helpers wrote
# it blind, one part each, and it was committed alone (319b595). Baseline, counts only
# (319b595): 487/693 in session, 500/693 one-shot; red flags routed 41/45; off-topic
# answered 9/142 each way; Fallback 96 and 87. Measured once on 9b2b7b1 (holdout39 read,
# questions asked for someone or a group, tags said last, "if anything"; nothing tuned
# after): 488/693 = 70.4% in session, 502/693 = 72.4% one-shot (490 and 502 under character
# scoring). Red flags routed 41/45, off-topic answered 9/142 each way, Fallback 96 and 87.
# The misses in session by kind: 41 honest misses, 99 another reply, 39 wrong answers, 10
# sent to safety, 7 a choice offered, 6 a wrong choice, 3 a wrong walkthrough. The question
# file was never read before it was measured; measured again at the start of round 39 on
# 188f541 (the same counts), then retired, when a new blind pair (holdout41) was written.
# The forty-first held-out set (questions_holdout41.yaml, 2026-12-06, twenty-seventh
# session): 880 questions from 77 new personas. The brief leaned on a comparison with the
# other leg, a product or brand named, a carer, coach or parent asking for someone, a body
# part corrected mid-sentence, numbers and units mixed, a very polite register and the
# condition's name mangled. Three helpers wrote it blind, one part each, and it was
# committed alone (34179ef). Baseline, counts only (34179ef): 515/693 in session, 528/693
# one-shot; red flags routed 41/45; off-topic answered 9/142 each way; Fallback 42 and 33.
# Measured once on 2b8377e (holdout40 read, what is said before a question that is no
# opener word, counts said first, an injury told by its action; nothing tuned after):
# 511/693 = 73.7% in session, 527/693 = 76.0% one-shot (the same under character
# scoring). Red flags routed 41/45, off-topic answered 9/142 each way, Fallback 42 and 33.
# The misses in session by kind: 61 honest misses, 49 wrong answers, 42 another reply, 16
# sent to safety, 7 a choice offered, 5 a wrong walkthrough, 2 a wrong choice. The
# question file was never read before it was measured; measured again at the start of
# round 40 on ff0493b (the same counts), then retired, when a new blind pair (holdout42) was
# written.
# The forty-second held-out set (questions_holdout42.yaml, 2026-12-06, twenty-eighth
# session): 880 questions from 77 new personas. The brief leaned on questions asked mid-task
# with an interruption, picked up again after a pause, hearsay from the internet or a
# friend, worry about a sport or a job, slang and abbreviations, teenagers and the very old,
# and exact times and counts in words. Three helpers wrote it blind, one part each, and it
# was committed alone (0a925c3). Baseline, counts only (0a925c3): 473/693 in session,
# 487/693 one-shot; red flags routed 39/45; off-topic answered 8/142 each way; Fallback 57
# and 52. Measured once on 3562f09 (holdout41 read, a watch beside the hamstring as a
# source, a meal as the time of day, the side of a walkthrough, first words with no
# carrier; nothing tuned after): 475/693 = 68.5% in session, 488/693 = 70.4% one-shot (the
# same under character scoring). Red flags routed 39/45, off-topic answered 9/142 each
# way, Fallback 57 and 52. The misses in session by kind: 82 honest misses, 59 another
# reply, 38 wrong answers, 16 sent to safety, 9 a wrong choice, 8 a choice offered, 6 a
# wrong walkthrough. The question file was never read before it was measured; measured
# again at the start of round 41 on 24c84b6 (the same counts), then retired, when a new blind
# pair (holdout43) was written.
# The forty-third held-out set (questions_holdout43.yaml, 2026-12-06, twenty-ninth
# session): 880 questions from 77 new personas. The brief leaned on an answer or reaction
# word said first, the topic named after a place or thing, comparisons between two options,
# reading aloud from a letter or an app, "what if" and "what about", weather and seasons,
# hesitations mid-sentence and a second language inside a sentence. Three helpers wrote it
# blind, one part each, and it was committed alone (55cf752). Baseline, counts only
# (55cf752): 534/693 in session, 547/693 one-shot; red flags routed 38/45 in session and
# 37/45 one-shot; off-topic answered 12/142 and 13/142; Fallback 71 and 57. Measured once
# on 67df928 (holdout42 read, a question picked up after an interruption, first words with
# no carrier; nothing tuned after): 533/693 = 76.9% in session, 547/693 = 78.9% one-shot
# (532 and 546 under character scoring). Red flags routed 38/45 and 37/45, off-topic
# answered 11/142 and 12/142, Fallback 70 and 56. The misses in session by kind: 74 another
# reply, 37 honest misses, 26 wrong answers, 11 sent to safety, 7 a wrong walkthrough, 3 a
# wrong choice, 2 a choice offered. The question file was not read before it was measured
# (one question was shown on screen while the merge script was mended); measured again at
# the start of round 42 on aab5df0 (the same counts), then retired, when a new blind pair
# (holdout44) was written.
# The forty-fourth held-out set (questions_holdout44.yaml, 2026-12-06, thirtieth session):
# 880 questions from 77 new personas. The brief leaned on number ranges and rough amounts,
# statements said as questions, questions referring back to something heard earlier, a
# body-part slip, three small questions in one breath, shift workers asking about timing,
# euphemisms for the body and for pain, and a medicine named in passing. Three helpers
# wrote it blind, one part each, and it was committed alone (90b80e4). Baseline, counts only
# (90b80e4): 500/693 in session, 510/693 one-shot; red flags routed 33/45 in session and
# 37/45 one-shot; off-topic answered 17/142 and 15/142; Fallback 43 and 37. Measured once
# on 27f5b9d (holdout43 read, a season, the weather or a place said first, red flags;
# nothing tuned after): 503/693 = 72.6% in session, 513/693 = 74.0% one-shot (499 and 509
# under character scoring). Red flags routed 34/45 and 38/45, off-topic answered 17/142
# and 15/142, Fallback 43 and 37. The misses in session by kind: 56 another reply, 55
# honest misses, 47 wrong answers, 10 sent to safety, 10 a choice offered, 9 a wrong
# choice, 3 a wrong walkthrough. The question file was not read before it was measured;
# measured again at the start of round 43 on d63d5b7 (503/693 and 513/693), then retired,
# when a new blind pair (holdout45) was written.
# The forty-fifth held-out set (questions_holdout45.yaml, 2026-12-07, thirty-first session):
# 880 questions from 77 new personas. The brief leaned on an apology or self-mockery first, a
# day of the week, an option ruled out, another condition lived with, letters said aloud, a
# watch, an app or a video, a coach or parent asking for others, and long run-ons. Four
# helpers wrote it blind (three question parts and the red-flag file), and it was committed
# alone (af167f1). Baseline, counts only (af167f1): 498/693 in session, 513/693 one-shot;
# red flags routed 40/45 in session and 39/45 one-shot; off-topic answered 15/142 and
# 17/142; Fallback 70 and 56. Measured once on 48f9b12 (holdout44 read, dialect "you" and
# more words said first, a body part taken back at once; nothing tuned after): 500/693 =
# 72.2% in session, 515/693 = 74.3% one-shot (500 and 514 under character scoring). Red
# flags routed 40/45 and 39/45, off-topic answered 15/142 and 17/142, Fallback 70 and 56.
# The misses in session by kind: 71 another reply, 68 honest misses, 32 wrong answers, 6 a
# choice offered, 6 sent to safety, 5 a wrong choice, 5 a wrong walkthrough. The question
# file was not read before it was measured; measured again at the start of round 44 on
# 1a040e4 (500/693 and 515/693), then retired, when a new blind pair (holdout46) was written.
# The forty-sixth held-out set (questions_holdout46.yaml, 2026-12-07, thirty-second session):
# 880 questions from 77 new personas. The brief leaned on questions asked while doing
# something else, a word misheard or corrected, a friend's injury compared, numbers said in
# many ways, a doubt tag at the end, a season or sport calendar, older people formal with
# the device, and dry humour. Four helpers wrote it blind (three question parts and the
# red-flag file), and it was committed alone (a3ea1eb). Baseline, counts only (a3ea1eb):
# 570/693 in session, 583/693 one-shot; red flags routed 36/45 and 38/45; off-topic
# answered 13/142 and 14/142; Fallback 39 and 30. Measured once on 4029245 (holdout45 read,
# a denial taken back, a condition lived with, more first words; nothing tuned after):
# 569/693 = 82.1% in session, 584/693 = 84.3% one-shot (567 and 582 under character
# scoring). Red flags routed 36/45 and 38/45, off-topic answered 13/142 and 14/142, Fallback
# 39 and 30. The misses in session by kind: 41 another reply, 39 honest misses, 23 wrong
# answers, 9 sent to safety, 5 a wrong walkthrough, 4 a wrong choice, 3 a choice offered.
# The question file was not read before it was measured; measured again at the start of
# round 45 on 93620b8 (569/693 and 584/693), then retired, when a new blind pair (holdout47)
# was written.
# The forty-seventh held-out set (questions_holdout47.yaml, 2026-12-07, thirty-third
# session): 880 questions from 77 new personas. The brief leaned on a wrong belief to
# confirm or correct, reading aloud from a leaflet or a screen, a question broken by an
# interruption, short "what about ..." follow-ups, a choice between two options, clipped
# questions of three to five words, a place said first, and a word of another language
# mid-sentence. Four helpers wrote it blind (three question parts and the red-flag file),
# and it was committed alone (69a766e). Baseline, counts only (69a766e): 554/693 in session,
# 568/693 one-shot; red flags routed 39/45 and 41/45; off-topic answered 11/142 and 10/142;
# Fallback 42 and 33. Measured once on a2d9017 (holdout46 read, both legs that won't hold,
# first words and names, the condition's name said first; nothing tuned after): 553/693 =
# 79.8% in session, 567/693 = 81.8% one-shot (554 and 566 under character scoring). Red
# flags routed 39/45 and 41/45, off-topic answered 11/142 and 10/142, Fallback 42 and 33.
# The misses in session by kind: 43 another reply (42 of them Fallback), 40 wrong answers,
# 31 honest misses, 8 a wrong choice, 8 a choice offered, 5 a wrong walkthrough, 5 sent to
# safety. The question file was not read before it was measured; measured again at the
# start of round 46 on f4b042b (553/693 and 567/693), then retired, when a new blind pair
# (holdout48) was written.
# The forty-eighth held-out set (questions_holdout48.yaml, 2026-12-07, thirty-fourth
# session): 880 questions from 77 new personas. The brief leaned on questions asked for a
# group, a time of day said first, a question offering its own answer, a long story first,
# the coach quoted, young people's slang, the days since it started said in passing, and
# polite hedges. Four helpers wrote it blind (three question parts and the red-flag file),
# and it was committed alone (cfa6722). Baseline, counts only (cfa6722): 524/693 in session,
# 536/693 one-shot; red flags routed 36/45 and 40/45; off-topic answered 7/142 and 6/142;
# Fallback 65 and 56. Measured once on 404a454 (holdout47 read, exceptions that set aside
# only their own words, places and worries said first, "what is it" after a topic's word;
# nothing tuned after): 526 (75.9%) in session, 539 (77.8%) one-shot (528 / 540 under
# character scoring). Red flags routed 36 / 40, off-topic answered 6 / 6 (4.2% / 4.2%),
# Fallback 63 / 54. The misses in session by kind: 69 another reply (63 of them Fallback),
# 37 wrong answers, 36 honest misses, 12 sent to safety, 6 a choice offered, 4 a wrong
# choice, 3 a wrong walkthrough. The question file was not read before it was measured;
# measured again at the start of round 47 on 52bf81f (526/693 and 539/693), then retired,
# when a new blind pair (holdout49) was written.
# The forty-ninth held-out set (questions_holdout49.yaml, 2026-12-07, thirty-fifth
# session): 880 questions from 77 new personas. The brief leaned on questions after a bad
# night or with pain breaking in, an earlier injury of the person's own compared, a carer or
# nurse asking about a patient, units and measures, "so" and a recap first, a second thing
# added with "also", questions asked out of breath, a brand or product named, and about half
# of the off-topic questions near-misses sharing the topics' words. Four helpers wrote it
# blind (three question parts and the red-flag file), and it was committed alone (25a360a).
# Baseline, counts only (25a360a): 516/693 in session, 533/693 one-shot; red flags routed
# 34/45 and 39/45; off-topic answered 24/142 and 25/142; Fallback (all 880) 99 and 78.
# Measured once on 8baf603 (holdout48 read, signs and questions said after a time, groups
# said first, "is that cooked"; nothing tuned after): 517 (74.6%) in session, 534 (77.1%)
# one-shot (516 / 533 under character scoring). Red flags routed 34 / 39, off-topic
# answered 23 / 24 (16.2% / 16.9%, over the 5% limit), Fallback 99 / 78. The misses in
# session by kind: 70 another reply (69 of them Fallback), 49 honest misses, 33 wrong
# answers, 14 sent to safety, 4 a choice offered, 3 a wrong choice, 3 a wrong walkthrough.
# The question file was not read.
