"""How someone is doing: sessions, a weekly streak, the stage and the pain trend. Pure.

The pain trend comes from stored scores, which only a `full` health-data deployment keeps
and only one with its controls in place may speak (domain/health_data.py); `pain_note`
says which line the report gives instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from hamstring_coach.domain.progress import UserProgress

Trend = Literal["easing", "steady", "rising"]

# A streak counts weeks, not days: tendons like rest days, so a day missed is not a streak
# broken. A week is the 7 days ending today, then the 7 before, and so on.
WEEK = 7
TREND_WINDOW = 3  # compare the mean of the last 3 scores with the 3 before
TREND_STEP = 1.0  # a change of a whole point is a trend; less is steady


@dataclass(frozen=True)
class Summary:
    sessions_done: int
    this_week: int
    week_streak: int
    stage: int
    trend: Trend | None
    latest_pain: int | None


def _days_with_sets(progress: UserProgress) -> list[date]:
    return [
        date.fromisoformat(str(s["date"]))
        for s in progress.sessions
        if int(s.get("sets_done", 0)) > 0
    ]


def week_streak(progress: UserProgress, today: date) -> int:
    days = _days_with_sets(progress)
    streak = 0
    while True:
        end = today - timedelta(days=WEEK * streak)
        start = end - timedelta(days=WEEK - 1)
        if not any(start <= d <= end for d in days):
            return streak
        streak += 1


def _scores(progress: UserProgress) -> list[int]:
    """Next-morning scores when there are enough (the steadier measure), else pain during."""
    mornings = [m for s in progress.sessions if isinstance(m := s.get("morning_check"), int)]
    if len(mornings) >= TREND_WINDOW + 1:
        return mornings
    during = [p for s in progress.sessions if isinstance(p := s.get("pain_during"), int)]
    return mornings if len(mornings) >= len(during) else during


def pain_trend(scores: list[int]) -> Trend | None:
    if len(scores) < 2:
        return None
    recent = scores[-TREND_WINDOW:]
    earlier = scores[-2 * TREND_WINDOW : -TREND_WINDOW] or scores[:1]
    if len(scores) <= TREND_WINDOW:
        recent, earlier = scores[len(scores) // 2 :], scores[: len(scores) // 2]
    change = sum(recent) / len(recent) - sum(earlier) / len(earlier)
    if change <= -TREND_STEP:
        return "easing"
    if change >= TREND_STEP:
        return "rising"
    return "steady"


def pain_note(summary: Summary, keeps_scores: bool, speak_health: bool) -> tuple[str, int | None]:
    """The line key for the pain part of a progress report (with the latest score for
    the steady trend), or ("", None) for nothing to say."""
    if not keeps_scores:
        return "progress.pain_not_kept", None  # said plainly, every time
    if summary.trend is None:
        return "", None
    if not speak_health:
        return "progress.pain_not_spoken", None
    return f"progress.trend_{summary.trend}", summary.latest_pain


def summarize(progress: UserProgress, today: date) -> Summary:
    week_start = today - timedelta(days=WEEK - 1)
    finished = [date.fromisoformat(str(s["date"])) for s in progress.sessions if s.get("finished")]
    scores = _scores(progress)
    return Summary(
        sessions_done=progress.sessions_done,
        this_week=sum(1 for d in finished if week_start <= d <= today),
        week_streak=week_streak(progress, today),
        stage=progress.stage,
        trend=pain_trend(scores),
        latest_pain=scores[-1] if scores else None,
    )
