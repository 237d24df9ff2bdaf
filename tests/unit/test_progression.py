"""The pain-monitoring rules and today's plan, on plain values."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstring_coach.domain import progress as pm
from hamstring_coach.domain.program import (
    Program,
    morning_due,
    morning_skip,
    pain_due,
    program_paused,
    today_plan,
)
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.progression import (
    MorningAnswer,
    harder_blocked,
    judge,
    pain_zone,
    review_morning,
    review_pain,
)
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.domain.workout import active_workout
from tests.stored import workout_day

TODAY = date(2026, 11, 25)
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture(scope="module")
def program(content_source: dict[str, Any]) -> Program:
    en = content_source["en"]
    return Program.from_content(en["exercise"], en["stage"], en["pacing"])


def session(
    day: date,
    ex: Iterable[str],
    pain: int | None = None,
    am: int | None = None,
    v: str | None = None,
    complete: bool = True,
) -> SessionEntry:
    entry = workout_day(day, ex, sets=10)
    if not complete:
        entry["sets_done"] = 4
    if pain is not None:
        entry["pain_during"] = pain
    if am is not None:
        entry["morning_check"] = am
    if v is not None:
        entry["verdict"] = v
    return entry


def with_history(mornings: list[int], **kw: Any) -> UserProgress:
    """Earlier sessions with these next-morning scores, all good, ending 2 days ago."""
    n = len(mornings)
    sessions = [
        session(TODAY - timedelta(days=2 * (n - i) + 1), {}, pain=2, am=m, v="good")
        for i, m in enumerate(mornings)
    ]
    return UserProgress(visits=n + 1, sessions=sessions, **kw)


# --- the zones and the verdict ------------------------------------------------------------


@pytest.mark.parametrize(
    ("pain", "zone"),
    [
        (0, "safe"),
        (3, "safe"),
        (4, "acceptable"),
        (5, "acceptable"),
        (6, "too_much"),
        (10, "too_much"),
    ],
)
def test_pain_during_exercise_zones(pain: int, zone: str) -> None:
    assert pain_zone(pain) == zone


SAME = MorningAnswer("same")


def test_judge_most_serious_reason_first(program: Program) -> None:
    rules = program.pacing

    def verdict(during: int | None, morning: MorningAnswer, complete: bool = True) -> Any:
        return judge(during, morning, complete, rules)

    assert verdict(6, SAME) == ("reduce", "during_too_much", False)
    # A morning of 6/10 or more, or clearly worse than usual: a flare-up day.
    assert verdict(2, MorningAnswer(score=6)) == ("reduce", "morning_high", True)
    assert verdict(7, MorningAnswer("much_worse")) == ("reduce", "morning_worse", True)
    assert verdict(2, MorningAnswer("worse")) == ("hold", "morning_up", False)
    assert verdict(2, MorningAnswer(score=4)) == ("hold", "morning_not_settled", False)
    assert verdict(2, SAME, complete=False) == ("hold", "incomplete", False)
    # Pain during 4-5 is acceptable in the model: with a settled morning the load may grow
    # (it held every session before, which left a steady 4/10 person stranded).
    assert verdict(5, SAME) == ("good", "settled", False)
    assert verdict(4, MorningAnswer("better")) == ("good", "settled", False)
    # No score for the session (declined, or not stored): the morning decides.
    assert verdict(None, SAME) == ("good", "settled", False)
    assert verdict(3, MorningAnswer(score=3)) == ("good", "settled", False)


def test_the_morning_keeps_the_decision_and_a_number_only_when_one_was_said(
    program: Program,
) -> None:
    p = stage1(program, {"isometric_bridge_hold": 1, "heel_dig": 1})
    review = review_morning(program, p, TODAY, MorningAnswer("worse"))
    assert review is not None
    assert all("pain" not in e and "score" not in e for e in review.events)
    entry = apply(p, review.events).sessions[-1]
    assert entry["morning_check"] == "hold" and entry["verdict"] == "hold"
    # A number said is recorded (the health-data profile decides whether it is stored).
    review = review_morning(program, p, TODAY, MorningAnswer(score=2))
    assert review is not None
    assert apply(p, review.events).sessions[-1]["morning_check"] == 2


# --- the morning review --------------------------------------------------------------------


def stage1(program: Program, levels: dict[str, int], **kw: Any) -> UserProgress:
    """Stage 1 for about three weeks (its time served), yesterday's holds just done."""
    kw.setdefault("stage_since", (TODAY - timedelta(days=21)).isoformat())
    base = with_history([2, 2])
    ex = {e: levels.get(e, 1) for e in ("isometric_bridge_hold", "heel_dig")}
    yesterday = session(YESTERDAY, ex, pain=kw.pop("pain", 2))
    return replace(base, stage=1, levels=levels, sessions=[*base.sessions, yesterday], **kw)


def apply(p: UserProgress, events: Iterable[pm.Event]) -> UserProgress:
    for e in events:
        json.dumps(e)  # every event must be storable in session attributes
    return pm.apply_all(p, list(events))


def test_good_morning_steps_up_only_after_enough_good_sessions(program: Program) -> None:
    p = stage1(program, {"isometric_bridge_hold": 1, "heel_dig": 1})
    first = review_morning(program, p, TODAY, SAME)
    assert first is not None
    assert (first.verdict, first.waiting, first.changes) == ("good", True, ())
    p = apply(p, first.events)
    assert p.streaks == {"isometric_bridge_hold": 1, "heel_dig": 1}
    # Next good session and morning: both step up one level.
    p = replace(p, sessions=[*p.sessions, session(TODAY, dict.fromkeys(p.streaks, 1), pain=1)])
    tomorrow = TODAY + timedelta(days=1)
    second = review_morning(program, p, tomorrow, MorningAnswer("better"))
    assert second is not None and second.verdict == "good"
    assert {(c.exercise_id, c.old, c.new) for c in second.changes} == {
        ("isometric_bridge_hold", 1, 2),
        ("heel_dig", 1, 2),
    }
    p = apply(p, second.events)
    assert p.levels == {"isometric_bridge_hold": 2, "heel_dig": 2}
    assert p.streaks == {}  # a new level starts counting again
    assert p.sessions[-1]["morning_check"] == "good" and p.sessions[-1]["verdict"] == "good"


def test_worse_morning_reduces_every_exercise_of_that_session(program: Program) -> None:
    p = stage1(program, {"isometric_bridge_hold": 2, "heel_dig": 1})
    review = review_morning(program, p, TODAY, MorningAnswer("much_worse"))
    assert review is not None
    assert (review.verdict, review.reason, review.flare) == ("reduce", "morning_worse", True)
    p = apply(p, review.events)
    assert p.levels == {"isometric_bridge_hold": 1, "heel_dig": 0}


def test_a_bad_morning_never_offers_a_harder_level(program: Program) -> None:
    p = stage1(program, {"isometric_bridge_hold": 1, "heel_dig": 1}, streaks={"heel_dig": 5})
    review = review_morning(program, p, TODAY, MorningAnswer("worse"))  # a bit above usual
    assert review is not None
    assert (review.verdict, review.changes) == ("hold", ())
    p = apply(p, review.events)
    assert p.streaks == {}  # the good run is broken
    assert harder_blocked(p, TODAY) == "bad_morning"


@given(
    morning=st.one_of(
        st.sampled_from([MorningAnswer("worse"), MorningAnswer("much_worse")]),
        st.integers(4, 10).map(lambda n: MorningAnswer(score=n)),
        st.integers(4, 10).map(lambda n: MorningAnswer("same", score=n)),
    ),
    during=st.one_of(st.none(), st.integers(0, 10)),
    level=st.integers(0, 3),
    streak=st.integers(0, 5),
)
def test_property_no_step_up_after_a_morning_worse_than_usual(
    program: Program, morning: MorningAnswer, during: int | None, level: int, streak: int
) -> None:
    base = with_history([2, 2, 2])
    ex = {"eccentric_bridge": level, "single_leg_bridge": min(level, 2), "bridge": 1}
    yesterday = session(YESTERDAY, ex, pain=during)
    p = replace(
        base,
        stage=2,
        levels=ex,
        streaks=dict.fromkeys(ex, streak),
        sessions=[*base.sessions, yesterday],
        stage_since=(TODAY - timedelta(days=60)).isoformat(),
    )
    review = review_morning(program, p, TODAY, morning)
    assert review is not None
    assert review.verdict != "good"
    assert all(c.new < c.old for c in review.changes)
    assert review.stage_to <= review.stage_from
    after = apply(p, review.events)
    assert harder_blocked(after, TODAY) is not None
    assert all(after.levels.get(e, 0) <= lv for e, lv in ex.items())


def test_stage_moves_up_when_every_exercise_is_at_the_top_and_settled(program: Program) -> None:
    top = {e: program.exercise(e).top for e in program.stage(1).exercises}
    # Yesterday's two holds are one good session short; the one rotated out has its two.
    streaks = {"isometric_bridge_hold": 1, "heel_dig": 1, "straight_leg_pulldown": 2}
    p = stage1(program, top, streaks=streaks)
    review = review_morning(program, p, TODAY, SAME)
    assert review is not None and review.stage_changed
    assert (review.stage_from, review.stage_to) == (1, 2)
    p = apply(p, review.events)
    assert p.stage == 2 and p.streaks == {}
    plan = today_plan(program, p, TODAY + timedelta(days=1))
    assert plan.stage == 2
    assert plan.items[0].exercise_id == "eccentric_bridge"
    assert plan.items[0].level == program.exercise("eccentric_bridge").start_level


def test_stage_holds_while_one_exercise_is_below_the_top(program: Program) -> None:
    top = {e: program.exercise(e).top for e in program.stage(1).exercises}
    top["straight_leg_pulldown"] -= 1  # rotated out yesterday, not yet at the top
    p = stage1(program, top, streaks=dict.fromkeys(top, 2))
    review = review_morning(program, p, TODAY, SAME)
    assert review is not None and not review.stage_changed


def test_stage_steps_back_when_its_exercises_are_all_at_the_easiest(program: Program) -> None:
    base = with_history([2, 2])
    ex = {"eccentric_bridge": 0, "single_leg_bridge": 0, "bridge": 0}
    p = replace(base, stage=2, levels=ex, sessions=[*base.sessions, session(YESTERDAY, ex, 2)])
    review = review_morning(program, p, TODAY, MorningAnswer(score=7))
    assert review is not None
    assert (review.verdict, review.stage_to) == ("reduce", 1)
    assert apply(p, review.events).stage == 1


def test_stage_one_at_the_easiest_cannot_step_back_and_says_so(program: Program) -> None:
    p = stage1(program, {"isometric_bridge_hold": 0, "heel_dig": 0})
    review = review_morning(program, p, TODAY, MorningAnswer(score=8))
    assert review is not None
    assert (review.verdict, review.floor, review.stage_to) == ("reduce", True, 1)
    assert review.refer  # 8/10: the safety answer is due as well


def test_last_stage_at_the_top_stays_and_reports_the_program_done(program: Program) -> None:
    last = program.stage(program.last_stage)
    top = {e: program.exercise(e).top for e in last.exercises}
    base = with_history([1, 1])
    p = replace(
        base,
        stage=last.number,
        levels=top,
        streaks=dict.fromkeys(top, 3),
        sessions=[*base.sessions, session(YESTERDAY, top, 1)],
        stage_since=(TODAY - timedelta(days=last.min_days)).isoformat(),
    )
    review = review_morning(program, p, TODAY, SAME)
    assert review is not None
    assert review.program_done and not review.stage_changed


def test_too_much_pain_during_eases_now_and_the_morning_does_not_ease_twice(
    program: Program,
) -> None:
    ex = {"isometric_bridge_hold": 2, "heel_dig": 1}
    p = replace(with_history([2]), levels=ex, sessions=[session(YESTERDAY, ex)])
    during = review_pain(program, p, YESTERDAY, 7)
    assert during.verdict == "reduce" and len(during.changes) == 2
    p = apply(p, during.events)
    assert p.levels == {"isometric_bridge_hold": 1, "heel_dig": 0}
    assert harder_blocked(p, YESTERDAY) == "too_much_today"
    morning = review_morning(program, p, TODAY, SAME)
    assert morning is not None
    assert (morning.reason, morning.changes) == ("already_eased", ())
    assert apply(p, morning.events).levels == p.levels


@pytest.mark.parametrize(("pain", "verdict"), [(0, "good"), (3, "good"), (4, "hold"), (5, "hold")])
def test_pain_up_to_five_changes_no_level(program: Program, pain: int, verdict: str) -> None:
    ex = {"heel_dig": 1}
    p = UserProgress(levels=ex, sessions=[session(TODAY, ex)])
    review = review_pain(program, p, TODAY, pain)
    assert (review.verdict, review.changes) == (verdict, ())
    after = apply(p, review.events)
    assert after.sessions[-1]["pain_during"] == pain and "verdict" not in after.sessions[-1]


# --- what is due, and the hold --------------------------------------------------------


def test_morning_check_is_due_once_for_a_recent_session() -> None:
    p = UserProgress(sessions=[session(YESTERDAY, {"heel_dig": 1}, pain=2)])
    assert morning_due(p, TODAY) is not None
    assert morning_due(p, YESTERDAY) is None  # not on the day itself
    assert morning_due(p, TODAY + timedelta(days=8)) is None  # too long ago to tell
    skipped = pm.apply(p, {"type": "morning_skipped", "date": "x", "for": YESTERDAY.isoformat()})
    assert morning_due(skipped, TODAY) is None


def test_a_skipped_morning_closes_the_owed_check_and_holds_the_levels() -> None:
    levels = {"heel_dig": 2}
    p = UserProgress(levels=levels, sessions=[session(YESTERDAY, levels, pain=2)])
    event = morning_skip(p, TODAY)
    assert event == {
        "type": "morning_skipped",
        "date": TODAY.isoformat(),
        "for": YESTERDAY.isoformat(),
    }
    after = pm.apply(p, event)
    assert morning_due(after, TODAY) is None
    assert morning_skip(after, TODAY) is None  # nothing owed: nothing recorded twice
    assert after.levels == p.levels
    assert morning_skip(UserProgress(), TODAY) is None


def test_pain_is_due_after_a_finished_workout_without_a_score() -> None:
    p = UserProgress(sessions=[session(TODAY, {"heel_dig": 1})])
    assert pain_due(p, TODAY)
    assert not pain_due(
        pm.apply(p, {"type": "pain_reported", "date": TODAY.isoformat(), "pain": 2}), TODAY
    )


def test_a_pause_holds_the_program_until_lifted_however_long_ago() -> None:
    assert program_paused(UserProgress(paused=True))
    assert not program_paused(UserProgress())


# --- today's plan -----------------------------------------------------------------------------


def test_a_new_person_starts_stage_one_with_two_of_its_holds(program: Program) -> None:
    plan = today_plan(program, UserProgress(), TODAY)
    assert plan.stage == 1
    assert [i.exercise_id for i in plan.items] == ["isometric_bridge_hold", "heel_dig"]
    assert all(i.level == 1 for i in plan.items)


def test_stage_one_rotates_to_the_least_recently_done_hold(program: Program) -> None:
    done = {"isometric_bridge_hold": 1, "heel_dig": 1}
    p = UserProgress(sessions=[session(YESTERDAY, done)])
    ids = [i.exercise_id for i in today_plan(program, p, TODAY).items]
    assert "straight_leg_pulldown" in ids and len(ids) == 2


def test_stage_two_always_keeps_the_eccentric_bridge(program: Program) -> None:
    p = UserProgress(stage=2, sessions=[session(YESTERDAY, {"eccentric_bridge": 1, "bridge": 1})])
    ids = [i.exercise_id for i in today_plan(program, p, TODAY).items]
    assert ids[0] == "eccentric_bridge" and "bridge" not in ids and len(ids) == 3


def test_nordics_rest_between_sessions_and_respect_the_weekly_cap(program: Program) -> None:
    nordic = {"nordic_curl": 1}  # the starting dose: once a week
    p = UserProgress(stage=3, levels=nordic, sessions=[session(TODAY - timedelta(days=3), nordic)])
    plan = today_plan(program, p, TODAY)
    assert "nordic_curl" not in [i.exercise_id for i in plan.items]
    assert plan.resting == ("nordic_curl",)
    assert "nordic_curl" in [
        i.exercise_id for i in today_plan(program, p, TODAY + timedelta(days=4)).items
    ]
    # Three times a week allowed, but never on the day after.
    p3 = replace(p, levels={"nordic_curl": 3}, sessions=[session(YESTERDAY, nordic)])
    assert "nordic_curl" not in [i.exercise_id for i in today_plan(program, p3, TODAY).items]
    p3 = replace(p3, sessions=[session(TODAY - timedelta(days=2), nordic)])
    assert "nordic_curl" in [i.exercise_id for i in today_plan(program, p3, TODAY).items]


def test_the_plan_of_a_workout_under_way_is_the_workout_itself(program: Program) -> None:
    p = pm.apply(
        UserProgress(),
        {
            "type": "workout_started",
            "date": TODAY.isoformat(),
            "stage": 1,
            "plan": [["heel_dig", 0, 4]],
        },
    )
    assert [(i.exercise_id, i.level, i.sets) for i in today_plan(program, p, TODAY).items] == [
        ("heel_dig", 0, 4)
    ]
    assert active_workout(p, TODAY + timedelta(days=1)) is None  # it lapses at midnight
