"""The weekly review on people's histories over four weeks (built day by day)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Unpack

from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.review import review, week_start, week_turned
from hamstring_coach.domain.session_entry import SessionEntry
from tests.stored import workout_day

SUNDAY = date(2026, 11, 29)


def _history(
    days_ago_to_scores: dict[int, tuple[int | None, int | None]], **extra: Unpack[SessionEntry]
) -> list[SessionEntry]:
    sessions = []
    for ago, (pain, am) in sorted(days_ago_to_scores.items(), reverse=True):
        entry = workout_day(SUNDAY - timedelta(days=ago), ["bridge"], **extra)
        if pain is not None:
            entry["pain_during"] = pain
        if am is not None:
            entry["morning_check"] = am
        sessions.append(entry)
    return sessions


def _person(scores: dict[int, tuple[int | None, int | None]], **kw: Any) -> UserProgress:
    return UserProgress(sessions=_history(scores), sessions_done=len(scores), stage=2, **kw)


def test_a_steady_person_whose_mornings_settle() -> None:
    # Three sessions a week for four weeks; next-morning scores 4, 3, 3, 2 by week.
    scores: dict[int, tuple[int | None, int | None]] = {}
    for week, am in enumerate((4, 3, 3, 2)):
        for day in (0, 2, 4):
            scores[27 - 7 * week - day] = (3, am)
    result = review(_person(scores), SUNDAY, pain_kept=True)
    assert (result.done, result.planned, result.streak) == (3, 3, 4)
    assert (result.sets_done, result.sets_planned) == (18, 18)
    assert [bar.sessions for bar in result.weeks] == [3, 3, 3, 3]
    assert result.trend is not None
    assert (result.trend.first, result.trend.last, result.trend.direction) == (4, 2, "down")
    assert result.trend.morning
    assert result.focus == "keep_going"


def test_missed_sessions_make_consistency_the_focus() -> None:
    result = review(_person({1: (2, 2), 10: (2, 2)}), SUNDAY, pain_kept=True)
    assert (result.done, result.focus) == (1, "consistency")


def test_an_empty_week_asks_for_one_session() -> None:
    result = review(_person({12: (2, 2)}), SUNDAY, pain_kept=True)
    assert (result.done, result.streak, result.focus) == (0, 0, "get_started")


def test_rising_pain_means_ease_back_and_stuck_or_severe_pain_means_see_someone() -> None:
    rising = review(_person({22: (1, 1), 15: (2, 2), 8: (3, 3), 1: (3, 3)}), SUNDAY, pain_kept=True)
    assert rising.trend is not None and rising.trend.direction == "up"
    assert rising.focus == "ease_back"
    stuck = review(_person({9: (5, 5), 8: (4, 4), 2: (5, 4), 1: (4, 5)}), SUNDAY, pain_kept=True)
    assert stuck.focus == "see_someone"
    severe = review(_person({20: (8, 2), 1: (1, 1)}), SUNDAY, pain_kept=True)
    assert severe.focus == "see_someone"


def test_without_pain_scores_the_review_uses_sessions_and_levels() -> None:
    person = _person({22: (6, 6), 1: (1, 1)}, levels={"bridge": 2})
    result = review(person, SUNDAY, pain_kept=False)
    assert result.trend is None and not result.pain_kept
    assert all(bar.pain is None for bar in result.weeks)
    assert result.levels == {"bridge": 2} and result.stage == 2
    assert result.focus == "consistency"  # never "see_someone" from scores it must not read


def test_a_session_that_stepped_back_is_counted() -> None:
    person = UserProgress(sessions=_history({1: (5, None)}, verdict="reduce"), sessions_done=1)
    result = review(person, SUNDAY, pain_kept=True)
    assert (result.eased, result.focus) == (1, "ease_back")


def test_the_week_turns_on_monday() -> None:
    assert week_start(SUNDAY) == date(2026, 11, 23)
    assert week_turned("2026-11-29", date(2026, 11, 30))  # Sunday, then Monday
    assert week_turned("2026-11-20", date(2026, 11, 25))
    assert not week_turned("2026-11-23", date(2026, 11, 29))  # same week
    assert not week_turned("2026-11-30", date(2026, 11, 30))  # same day
    assert not week_turned(None, date(2026, 11, 30))  # a first visit has nothing to review
    assert not week_turned("not a date", date(2026, 11, 30))


def test_a_simulated_month_offers_the_review_once_a_week() -> None:
    # Someone who opens the skill most days for four weeks: the offer comes on the first
    # visit of each new week and on no other visit.
    last: str | None = None
    offers = []
    day = date(2026, 11, 2)  # a Monday
    for n in range(28):
        today = day + timedelta(days=n)
        visits = 2 if n % 3 == 0 else (0 if n % 5 == 4 else 1)
        for _ in range(visits):
            if week_turned(last, today):
                offers.append(today)
            last = today.isoformat()
    assert len(offers) == 3
    assert len({week_start(d) for d in offers}) == 3
