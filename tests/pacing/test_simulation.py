"""Seven people over 120 days on the pure domain (tests/pacing/sim.py), held to the pace a
physio would keep (content/en/pacing.yaml has the numbers and their sources)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from hamstring_coach.domain.program import Program
from tests.pacing.conftest import RUNS
from tests.pacing.sim import Run, personas, simulate

NAMES = [p.name for p in personas()]


@pytest.fixture(scope="module")
def program(content_source: dict[str, Any]) -> Program:
    en = content_source["en"]
    return Program.from_content(en["exercise"], en["stage"], en["pacing"])


@pytest.fixture(scope="module")
def all_runs(program: Program) -> dict[str, Run]:
    for persona in personas():
        RUNS[persona.name] = simulate(program, persona)
    return RUNS


def test_never_two_heavy_days_in_a_row(all_runs: dict[str, Run]) -> None:
    for name, run in all_runs.items():
        heavy = [d.day for d in run.days if d.heavy_done]
        pairs = [(a, b) for a, b in itertools.pairwise(heavy) if b - a < 2]
        assert not pairs, f"{name}: heavy on consecutive days {pairs}"


def test_heavy_sessions_per_week_follow_the_stage(
    program: Program, all_runs: dict[str, Run]
) -> None:
    for name, run in all_runs.items():
        for d in run.days:
            cap = program.stage(d.stage).heavy_per_week
            if not d.heavy_done or cap is None:
                continue
            week = [e for e in run.days if d.day - 6 <= e.day <= d.day and e.heavy_done]
            assert len(week) <= cap, f"{name}: {len(week)} heavy days in the week to {d.day}"


def test_a_run_is_never_on_a_heavy_day(all_runs: dict[str, Run]) -> None:
    for name, run in all_runs.items():
        assert not [d.day for d in run.days if d.ran and d.heavy_done], name


def test_never_harder_after_a_bad_morning(all_runs: dict[str, Run]) -> None:
    asked = 0
    for name, run in all_runs.items():
        for d in run.days:
            if d.harder is None:
                continue
            asked += 1
            if d.morning not in (None, "good") or d.flare:
                assert d.harder.startswith("blocked"), f"{name} day {d.day}"
            if d.day == 0:
                assert d.harder == "blocked:first_session"
    assert asked > 20  # the question really came up


def test_a_harder_day_lasts_that_day_only(all_runs: dict[str, Run]) -> None:
    run = all_runs["flare-up in week 5"]
    steady = all_runs["steady"]
    # It asked for harder most days, and still moved no faster than the steady responder.
    assert any(d.harder == "given" for d in run.days)
    for stage in (2, 3, 4):
        assert (run.first_day(stage) or 999) >= (steady.first_day(stage) or 0)


def test_steady_responder_inside_the_documented_ranges(
    program: Program, all_runs: dict[str, Run]
) -> None:
    ranges = program.pacing.steady_days
    for name in ("steady", "steady 4/10", "no gym ball"):
        run = all_runs[name]
        reached = {
            "2": run.first_day(2),
            "3": run.first_day(3),
            "4": run.first_run(),
            "top": run.program_done_day,
        }
        for key, (low, high) in ranges.items():
            day = reached[key]
            assert day is not None and low <= day <= high, f"{name}: {key} on day {day}"


def test_nobody_is_faster_than_the_documented_minimum(
    program: Program, all_runs: dict[str, Run]
) -> None:
    ranges = program.pacing.steady_days
    for name, run in all_runs.items():
        for key, day in (("2", run.first_day(2)), ("3", run.first_day(3)), ("4", run.first_run())):
            assert day is None or day >= ranges[key][0], f"{name}: {key} on day {day}"
        first_run = run.first_run()
        assert first_run is None or first_run >= 56, name  # not running before week 8


def test_nobody_is_stranded(all_runs: dict[str, Run]) -> None:
    """Everyone who does most of their work reaches the hinges (stage 3) within 120 days."""
    for name, run in all_runs.items():
        if name == "half of every exercise":
            continue
        assert run.first_day(3) is not None, f"{name} stuck in stage {run.progress.stage}"


def test_without_a_gym_ball_the_alternative_counts_and_rdls_come(
    all_runs: dict[str, Run],
) -> None:
    run = all_runs["no gym ball"]
    done = {e for d in run.days for e in d.plan}
    assert "assisted_nordic" not in done and "slider_curl" in done
    assert "romanian_deadlift" in done


def test_skipped_work_never_counts(all_runs: dict[str, Run]) -> None:
    for name, run in all_runs.items():
        assert not [d.day for d in run.days if d.up_after_partial], name
    half = all_runs["half of every exercise"]
    assert half.progress.stage == 1 and not half.progress.levels
    assert not any(d.stepped_up for d in half.days)


def test_three_weeks_away_steps_back_a_stage(all_runs: dict[str, Run]) -> None:
    run = all_runs["three-week break"]
    back = next(d for d in run.days if d.comeback)
    assert back.day == 61 and back.comeback == "stage"
    before = run.days[39].stage
    assert back.stage == before - 1


def test_flare_up_morning_makes_a_gentle_day_without_progress(
    all_runs: dict[str, Run],
) -> None:
    run = all_runs["flare-up in week 5"]
    day = run.days[31]
    assert day.flare and day.kind == "flare_day" and not day.stepped_up
    assert set(day.plan) == {"isometric_bridge_hold", "heel_dig"} and not day.heavy_done
    assert day.harder == "blocked:bad_morning"
