"""Every response a workout can produce stays inside Alexa's limits, and counts keep time.

Not a sample: every exercise, every level, every set, followed by every possible next
exercise, with the longest variant of every line.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, MutableSequence
from itertools import pairwise, product
from typing import Any, TypeVar

import pytest

from hamstring_coach.domain.content import merge
from hamstring_coach.domain.program import Plan, PlanItem, Program
from hamstring_coach.domain.workout import WorkoutState
from hamstring_coach.voice.coaching import Coach
from hamstring_coach.voice.speech import Speech
from hamstring_coach.voice.timing import (
    MAX_BREAK_MS,
    MAX_REPROMPT_SECONDS,
    MAX_RESPONSE_SECONDS,
    MAX_SPEECH_CHARS,
    Timeline,
    break_tags,
    breaks_ms,
    check,
    estimate_seconds,
)

T = TypeVar("T")


class Longest(random.Random):
    """Always picks the longest variant: the worst case for every limit."""

    def choice(self, seq: Any) -> Any:
        return max(seq, key=lambda v: len(str(v)))

    def shuffle(self, x: MutableSequence[Any], random: Any = None) -> None:
        return None


@pytest.fixture(scope="module")
def coach(content_source: dict[str, Any]) -> Coach:
    bundle = merge("en-US", "test", [content_source["en"]])
    program = Program.from_content(
        bundle.kind("exercise"), bundle.kind("stage"), bundle.kind("pacing")
    )
    return Coach(Speech(bundle, Longest()), program)


def every_set_turn(coach: Coach) -> Iterator[tuple[str, int, int, str | None, Any]]:
    program = coach.program
    followers: list[str | None] = [None, *program.exercises]
    for exercise_id, ex in program.exercises.items():
        for level_index, level in enumerate(ex.levels):
            item = PlanItem(exercise_id, level_index, level.sets)
            for set_index, nxt in product(range(level.sets), followers):
                items = [item]
                if nxt is not None:
                    nxt_ex = program.exercise(nxt)
                    items.append(PlanItem(nxt, nxt_ex.top, nxt_ex.level(nxt_ex.top).sets))
                state = WorkoutState("2026-11-25", 1, Plan(1, tuple(items)), 0, set_index)
                yield exercise_id, level_index, set_index, nxt, coach.set_turn(state)


def test_every_set_of_every_level_of_every_exercise_fits_alexas_limits(coach: Coach) -> None:
    count = 0
    longest_chars = longest_seconds = 0.0
    for exercise_id, level, set_index, nxt, turn in every_set_turn(coach):
        where = f"{exercise_id} level {level} set {set_index + 1} then {nxt}"
        report = check(turn.ssml)
        assert report.chars <= MAX_SPEECH_CHARS, where
        assert report.longest_break_ms <= MAX_BREAK_MS, where
        assert report.seconds <= MAX_RESPONSE_SECONDS, (where, report.seconds)
        assert check(turn.reprompt).seconds <= MAX_REPROMPT_SECONDS, where
        assert "<speak>" not in turn.ssml and turn.ssml.count("<") == turn.ssml.count(">")
        longest_chars = max(longest_chars, report.chars)
        longest_seconds = max(longest_seconds, report.seconds)
        count += 1
    assert count > 1000  # the whole space, not a sample
    print(f"{count} set turns; longest {longest_chars:.0f} chars, {longest_seconds:.0f} s")


def test_every_intro_and_plan_summary_fits(coach: Coach) -> None:
    program = coach.program
    for exercise_id, ex in program.exercises.items():
        for level_index in range(len(ex.levels)):
            item = PlanItem(exercise_id, level_index, ex.level(level_index).sets)
            for text in (
                coach.intro(item, first=True),
                coach.brief_intro(item, first=False),
                coach.intro_reprompt(item),
            ):
                assert check(text).ok, exercise_id
    for stage in program.stages.values():
        items = tuple(
            PlanItem(e, program.exercise(e).top, program.exercise(e).level(99).sets)
            for e in stage.exercises
        )
        summary = coach.plan_summary(Plan(stage.number, items))
        # "One short answer": well under half a minute.
        assert check(summary).seconds < 25, stage.number


def test_reps_are_counted_at_the_exercise_tempo(coach: Coach) -> None:
    ex = coach.program.exercise("eccentric_bridge")
    level = ex.level(1)  # lift 1 s, lower over 4 s, 12 reps
    tl = coach.set_timeline(PlanItem(ex.id, 1, level.sets), 2)
    text = tl.ssml()
    assert text.count("and lower") == level.reps
    # "lift ... and lower, 2, 3, 4": the lowering is counted aloud every second.
    assert len(re.findall(r"and lower.*?2.*?3.*?4", text)) == level.reps
    reps = [float(m.at) for m in tl.marks]
    assert [m.text for m in tl.marks] == [str(n) for n in range(1, level.reps + 1)]
    gaps = {round(b - a, 1) for a, b in pairwise(reps)}
    # Each rep is its 5 s tempo plus the spoken rep number (at most "halfway, rep 7").
    assert all(5.0 <= g <= 7.0 for g in gaps), gaps


def test_holds_are_timed_with_calls_and_chained_breaks(coach: Coach) -> None:
    ex = coach.program.exercise("isometric_bridge_hold")
    tl = coach.set_timeline(PlanItem(ex.id, 1, 5), 1)  # 45 s holds
    text = tl.ssml()
    for call in ("Halfway", "Ten", "3", "2", "1"):
        assert call in text
    assert any(text.endswith(v) for v in coach.sp.variants("hold.relax"))
    assert max(breaks_ms(text)) <= MAX_BREAK_MS
    assert 45 <= tl.seconds <= 55
    # The screen's countdown ticks every 5 s from 45.
    assert [m.text for m in tl.marks][:3] == ["45", "40", "35"]


def test_one_leg_sets_do_both_sides_with_time_to_switch(coach: Coach) -> None:
    ex = coach.program.exercise("single_leg_bridge")
    level = ex.level(1)
    tl = coach.set_timeline(PlanItem(ex.id, 1, level.sets), 1)
    assert len(tl.marks) == 2 * level.reps
    assert "right leg" in tl.ssml()


def test_a_run_is_briefed_not_counted(coach: Coach) -> None:
    run = coach.program.exercise("return_to_running")
    intro = coach.intro(PlanItem(run.id, 1, 1), first=False)
    assert "Run one minute" in intro and "ten percent" in intro
    assert coach.set_timeline(PlanItem(run.id, 1, 1), 1).marks == []


def test_timeline_breaks_chain_at_ten_seconds() -> None:
    assert breaks_ms(break_tags(25)) == [10_000, 10_000, 5_000]
    tl = Timeline()
    tl.say("Hold.")
    tl.pause_until(30)
    assert abs(tl.seconds - 30) < 0.01
    assert abs(estimate_seconds(tl.ssml()) - 30) < 0.01
    assert breaks_ms('<break time="2s"/><break time="1.5s"/>') == [2000, 1500]
    assert not check("x" * 9000).ok
    assert not check('<break time="11s"/>').ok
