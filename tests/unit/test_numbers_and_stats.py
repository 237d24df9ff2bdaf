"""Spoken numbers, and the progress summary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hamstring_coach.domain.numbers import parse_number
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.domain.stats import pain_trend, summarize, week_streak
from tests.stored import workout_day

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("5", 5),
        ("05", 5),
        ("five", 5),
        ("Five ", 5),
        ("zero", 0),
        ("ten", 10),
        ("eleven", 11),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("-1", -1),
        ("minus one", -1),
        ("negative three", -3),
        ("a hundred", 100),
        ("?", None),
        ("", None),
        (None, None),
        ("3.5", None),
        ("five six", None),
        ("twenty zero", None),
        ("banana", None),
    ],
)
def test_parse_number_digits_words_and_nonsense(raw: str | None, value: int | None) -> None:
    assert parse_number(raw) == value


def days(*ago: int) -> list[SessionEntry]:
    return [{"date": (TODAY - timedelta(days=d)).isoformat(), "sets_done": 3} for d in ago]


def test_week_streak_counts_weeks_with_a_session() -> None:
    assert week_streak(UserProgress(sessions=days(0, 8, 15)), TODAY) == 3
    assert week_streak(UserProgress(sessions=days(0, 15)), TODAY) == 1
    assert week_streak(UserProgress(sessions=days(9)), TODAY) == 0


def test_pain_trend() -> None:
    assert pain_trend([]) is None and pain_trend([3]) is None
    assert pain_trend([5, 5, 4, 3, 2, 2]) == "easing"
    assert pain_trend([2, 2, 2, 3, 2, 2]) == "steady"
    assert pain_trend([1, 2, 4]) == "rising"


def test_summary_prefers_morning_scores_when_there_are_enough() -> None:
    sessions = [
        workout_day(TODAY - timedelta(days=2 * i), sets=3, morning_check=am)
        for i, am in enumerate([2, 3, 4, 4, 5])
    ]
    s = summarize(UserProgress(sessions=list(reversed(sessions)), sessions_done=5, stage=2), TODAY)
    assert (s.sessions_done, s.this_week, s.stage) == (5, 4, 2)
    assert s.trend == "easing" and s.latest_pain == 2
