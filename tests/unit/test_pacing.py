"""The pace rules on plain values: spacing, kit, breaks, flare-up days, why and when."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Unpack

import pytest

from hamstring_coach.domain import progress as pm
from hamstring_coach.domain import workout as _workout  # noqa: F401  (registers reducers)
from hamstring_coach.domain.pacing import comeback, when_running, why_not_moving_up
from hamstring_coach.domain.program import Program, finished_on, today_plan
from hamstring_coach.domain.progress import UserProgress, day_number
from hamstring_coach.domain.progression import MorningAnswer, harder_level, review_morning
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.domain.today import today_status
from tests.stored import workout_day

TODAY = date(2026, 3, 16)


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def entry(days_ago: int, ex: list[str], **kw: Unpack[SessionEntry]) -> SessionEntry:
    return workout_day(ago(days_ago), ex, **kw)


@pytest.fixture(scope="module")
def program(content_source: dict[str, Any]) -> Program:
    en = content_source["en"]
    return Program.from_content(en["exercise"], en["stage"], en["pacing"])


def ids(program: Program, p: UserProgress, day: date = TODAY) -> list[str]:
    return [i.exercise_id for i in today_plan(program, p, day).items]


# --- spacing ---------------------------------------------------------------------------------


def test_the_day_after_a_heavy_day_is_light_isometrics(program: Program) -> None:
    p = UserProgress(
        stage=3,
        sessions=[entry(1, ["romanian_deadlift"])],
        stage_since=ago(9),
        heavy=[day_number(ago(1))],
    )
    plan = today_plan(program, p, TODAY)
    assert plan.kind == "light" and plan.rest_reason == "heavy_gap" and not plan.heavy
    assert ids(program, p) == ["isometric_bridge_hold", "heel_dig"]
    # Two days on, heavy work is back.
    assert today_plan(program, p, TODAY + timedelta(days=1)).heavy


def test_a_full_week_of_heavy_sessions_makes_a_named_rest_day(program: Program) -> None:
    heavy = [entry(d, ["romanian_deadlift", "single_leg_rdl"]) for d in (6, 4, 2)]
    p = UserProgress(stage=3, sessions=heavy, heavy=[day_number(ago(d)) for d in (6, 4, 2)])
    plan = today_plan(program, p, TODAY)
    assert plan.items == () and plan.rest_reason == "weekly"
    assert today_status(program, p, TODAY).kind == "rest_day"


def test_runs_go_on_their_own_day(program: Program) -> None:
    p = UserProgress(stage=4, stage_since=ago(3))
    assert ids(program, p) == ["return_to_running"]
    ran = replace(p, sessions=[entry(1, ["return_to_running"])])
    assert ids(program, ran) == ["single_leg_rdl", "nordic_curl"]


# --- kit -------------------------------------------------------------------------------------


def test_kit_is_asked_once_when_first_needed_then_the_alternative_counts(
    program: Program,
) -> None:
    p = UserProgress(stage=2, sessions=[entry(2, ["eccentric_bridge", "bridge"])])
    status = today_status(program, p, TODAY)
    assert "assisted_nordic" in ids(program, p) and status.ask_kit == ("ball", "anchor")
    p = pm.apply(p, {"type": "kit_reported", "kit": {"ball": False, "anchor": True}})
    assert today_status(program, p, TODAY).ask_kit == ()
    assert "slider_curl" in ids(program, p) and "assisted_nordic" not in ids(program, p)
    # Nordics need only the anchor, already answered: nothing more is asked in stage 3.
    later = replace(p, stage=3, sessions=[])
    assert today_status(program, later, TODAY).ask_kit == ()
    assert "nordic_curl" in ids(program, later)


# --- steps up at a weekly pace ------------------------------------------------------------


def test_a_level_waits_its_week_even_after_enough_good_sessions(program: Program) -> None:
    ex = ["eccentric_bridge", "single_leg_bridge", "bridge"]
    p = UserProgress(
        stage=2,
        stage_since=ago(20),
        since={"eccentric_bridge": day_number(ago(3))},
        levels={"eccentric_bridge": 2},
        streaks={"eccentric_bridge": 5},
        sessions=[entry(1, ex, pain_during=2)],
    )
    review = review_morning(program, p, TODAY, MorningAnswer("same"))
    assert review is not None and review.verdict == "good"
    assert "eccentric_bridge" not in {c.exercise_id for c in review.changes}
    # With everything else at its top, the reason said is the week at that level.
    tops = {e: program.exercise(e).top for e in program.stage(2).exercises}
    waiting = replace(p, levels={**tops, "eccentric_bridge": 2}, streaks=dict.fromkeys(tops, 2))
    why = why_not_moving_up(program, waiting, TODAY)
    assert (why.key, why.exercise_id, why.days) == ("level_time", "eccentric_bridge", 4)


def test_a_session_with_most_work_skipped_never_steps_anything_up(program: Program) -> None:
    p = UserProgress(
        stage=1,
        stage_since=ago(30),
        streaks={"heel_dig": 4},
        sessions=[entry(1, ["heel_dig"], sets_done=2, sets_planned=9)],
    )
    review = review_morning(program, p, TODAY, MorningAnswer("better"))
    assert review is not None and (review.verdict, review.reason) == ("hold", "incomplete")
    assert review.changes == ()


def test_harder_goes_one_level_above_the_programs_own_at_most(program: Program) -> None:
    p = UserProgress(levels={"romanian_deadlift": 1})
    assert harder_level(program, p, "romanian_deadlift", 1) == 2
    assert harder_level(program, p, "romanian_deadlift", 2) is None
    assert harder_level(program, p, "romanian_deadlift", 0) == 1


# --- breaks and flare-ups -------------------------------------------------------------------


def test_a_week_away_goes_back_a_level_and_says_so_once(program: Program) -> None:
    levels = {"romanian_deadlift": 3, "single_leg_rdl": 2, "nordic_curl": 1}
    p = UserProgress(stage=3, levels=levels, sessions=[entry(8, ["romanian_deadlift"])])
    back = comeback(program, p, TODAY)
    assert back is not None and (back.kind, back.days_away, back.stage_to) == ("level", 8, 3)
    after = pm.apply_all(p, list(back.events))
    assert after.levels == {"romanian_deadlift": 2, "single_leg_rdl": 1, "nordic_curl": 0}
    assert comeback(program, after, TODAY) is None
    assert comeback(program, after, TODAY + timedelta(days=3)) is None
    assert today_status(program, p, TODAY).comeback == back


def test_three_weeks_away_goes_back_a_stage_with_half_its_time_to_serve(
    program: Program,
) -> None:
    p = UserProgress(stage=3, stage_since=ago(40), sessions=[entry(22, ["romanian_deadlift"])])
    back = comeback(program, p, TODAY)
    assert back is not None and (back.kind, back.stage_to) == ("stage", 2)
    after = pm.apply_all(p, list(back.events))
    stage2 = program.stage(2)
    assert after.stage == 2
    assert after.stage_since == ago(round(stage2.min_days * program.pacing.return_share))
    for e in stage2.exercises:
        assert program.level_of(after, e) < program.exercise(e).top


def test_six_days_away_is_no_break(program: Program) -> None:
    p = UserProgress(stage=2, sessions=[entry(6, ["bridge"])])
    assert comeback(program, p, TODAY) is None


def test_a_flare_up_morning_makes_today_gentle_holds_only(program: Program) -> None:
    p = UserProgress(
        stage=3,
        stage_since=ago(10),
        levels={"romanian_deadlift": 2},
        sessions=[entry(1, ["romanian_deadlift"], pain_during=3)],
    )
    review = review_morning(program, p, TODAY, MorningAnswer(score=6))
    assert review is not None and review.flare and review.verdict == "reduce"
    after = pm.apply_all(p, list(review.events))
    status = today_status(program, after, TODAY)
    assert status.kind == "flare_day" and status.plan is not None
    assert {(i.exercise_id, i.level) for i in status.plan.items} == {
        ("isometric_bridge_hold", 0),
        ("heel_dig", 0),
    }
    assert after.levels["romanian_deadlift"] == 1  # eased, and no progression today
    assert today_status(program, after, TODAY + timedelta(days=1)).kind != "flare_day"


# --- today's status, and the questions people ask -------------------------------------------


def test_today_status_names_every_kind_of_day(program: Program) -> None:
    assert today_status(program, UserProgress(), TODAY).kind == "plan"
    held = UserProgress(paused=True)
    assert today_status(program, held, TODAY).kind == "on_hold"
    done = UserProgress(sessions=[entry(0, ["heel_dig"])])
    assert today_status(program, done, TODAY).kind == "done"
    start = {"type": "workout_started", "date": TODAY.isoformat(), "stage": 1}
    going = pm.apply(UserProgress(), {**start, "plan": [["heel_dig", 1, 5]]})
    assert today_status(program, going, TODAY).kind == "resume"


def test_when_running_counts_the_stage_time_still_to_serve(program: Program) -> None:
    new = when_running(program, UserProgress(), TODAY)
    days = sum(program.stage(n).min_days for n in (1, 2, 3))
    assert not new.running_now and new.weeks == -(-days // 7) >= 8
    later = when_running(program, UserProgress(stage=3, stage_since=ago(14)), TODAY)
    assert later.weeks == 1
    assert when_running(program, UserProgress(stage=4), TODAY).running_now


def test_why_not_moving_up_names_a_bad_morning_first(program: Program) -> None:
    p = UserProgress(stage=2, sessions=[entry(1, ["bridge"], verdict="hold")])
    assert why_not_moving_up(program, p, TODAY).key == "recent_bad"
    cut_short = UserProgress(stage=2, sessions=[entry(1, [], verdict="hold", sets_done=1)])
    assert why_not_moving_up(program, cut_short, TODAY).key == "incomplete"
    fresh = UserProgress(stage=2, stage_since=ago(2))
    why = why_not_moving_up(program, fresh, TODAY)
    assert why.key == "sessions" and why.sessions == program.stage(2).good_sessions


def test_a_day_is_finished_only_by_its_own_finished_entry(program: Program) -> None:
    started: SessionEntry = {
        "date": ago(0),
        "exercises": ["heel_dig"],
        "sets_planned": 6,
        "sets_done": 2,
    }
    assert not finished_on(UserProgress(), TODAY)
    assert not finished_on(UserProgress(sessions=[started]), TODAY)
    done = UserProgress(sessions=[entry(1, ["heel_dig"]), {**started, "finished": True}])
    assert finished_on(done, TODAY) and finished_on(done, TODAY - timedelta(days=1))
    assert not finished_on(done, TODAY - timedelta(days=2))
    assert today_status(program, done, TODAY).kind == "done"
