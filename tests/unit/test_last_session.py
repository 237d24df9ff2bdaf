"""'What did I do last time?': the latest workout day with a set done (domain, pure)."""

from __future__ import annotations

from datetime import date

from hamstring_coach.domain.program import LastSession, last_session
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry

TODAY = date(2026, 3, 10)


def _progress(*entries: SessionEntry) -> UserProgress:
    return UserProgress(sessions=list(entries))


def test_no_workout_yet_is_none() -> None:
    assert last_session(_progress(), TODAY) is None


def test_the_latest_day_with_a_set_done_and_how_long_ago() -> None:
    progress = _progress(
        {"date": "2026-03-06", "exercises": ["a"], "sets_planned": 10, "sets_done": 10},
        {"date": "2026-03-08", "exercises": ["a", "b"], "sets_planned": 10, "sets_done": 10},
        # Started yesterday, nothing done: not a workout to report.
        {"date": "2026-03-09", "exercises": [], "sets_planned": 10, "sets_done": 0},
    )
    assert last_session(progress, TODAY) == LastSession(
        days_ago=2, exercises=("a", "b"), sets_done=10, sets_planned=10
    )


def test_today_part_done_counts_and_a_later_date_does_not() -> None:
    progress = _progress(
        {"date": "2026-03-10", "exercises": [], "sets_planned": 10, "sets_done": 3},
        {"date": "2026-03-12", "exercises": ["a"], "sets_planned": 10, "sets_done": 10},
    )
    found = last_session(progress, TODAY)
    assert found is not None and found.days_ago == 0 and found.sets_done == 3


def test_sets_planned_is_never_below_sets_done() -> None:
    progress = _progress({"date": "2026-03-09", "sets_done": 4})
    found = last_session(progress, TODAY)
    assert found is not None and found.sets_planned == 4 and found.exercises == ()
