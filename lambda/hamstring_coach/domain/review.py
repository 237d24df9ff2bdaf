"""The weekly review: how the week went, the last four weeks at a glance, one focus.

Pure: reads only what progress already keeps (session entries, the stage, levels) and
stores nothing. Whether pain scores are there to read is an input (`pain_kept`): a
deployment that keeps none (the health-data profile "minimal") gets sessions, levels and
the stage instead, and the words say so.

Weeks run Monday to Sunday in the person's own time zone (the caller passes their today).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.domain.stats import week_streak

WEEKS_SHOWN = 4
# Loading sessions for a tendon go best with a day or two between them: two or three a
# week (domain brief, section 2). Without a program rhythm the review counts against 3.
DEFAULT_WEEKLY_TARGET = 3
# Referral thresholds from the domain brief (section 2): pain stuck at 4/10 or more for two
# weeks, or 8/10 or more at any time, is worth a physio's or doctor's look.
STUCK_PAIN = 4.0
SEVERE_PAIN = 8
PAIN_CHANGE = 1.0  # a change of a whole point between the first and last week is a trend

Focus = Literal["see_someone", "ease_back", "get_started", "consistency", "keep_going"]
PainDirection = Literal["down", "up", "same"]


@dataclass(frozen=True)
class WeekBar:
    """One week of the chart: sessions finished, and the mean score when pain is kept."""

    start: date
    sessions: int
    pain: float | None


@dataclass(frozen=True)
class PainTrend:
    first: int  # the earliest week's mean, rounded
    last: int  # the latest week's mean, rounded
    direction: PainDirection
    morning: bool  # next-morning scores (else pain during)


@dataclass(frozen=True)
class Review:
    start: date
    end: date
    done: int  # sessions finished in the week
    planned: int
    sets_done: int
    sets_planned: int
    streak: int  # weeks in a row with at least one session, up to the week's end
    good: int  # sessions whose verdict let the program build
    eased: int  # sessions whose verdict stepped levels back
    stage: int
    levels: Mapping[str, int]
    pain_kept: bool
    trend: PainTrend | None
    weeks: tuple[WeekBar, ...]  # oldest first, the reviewed week last
    focus: Focus


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_turned(last_visit: str | None, today: date) -> bool:
    """The first visit of a new week: the last visit fell in an earlier week. The visit
    is recorded the same turn, so a second visit that week (or day) gets no offer."""
    if not last_visit:
        return False
    try:
        last = date.fromisoformat(last_visit)
    except ValueError:
        return False
    return week_start(last) < week_start(today)


def _entries(progress: UserProgress, start: date, end: date) -> list[SessionEntry]:
    out: list[SessionEntry] = []
    for entry in progress.sessions:
        try:
            day = date.fromisoformat(str(entry.get("date")))
        except ValueError:
            continue
        if start <= day <= end:
            out.append(entry)
    return out


def _score(entry: SessionEntry, morning: bool) -> int | None:
    value = entry.get("morning_check") if morning else entry.get("pain_during")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def review(
    progress: UserProgress,
    end: date,
    *,
    pain_kept: bool,
    weekly_target: int | None = None,
) -> Review:
    """The week ending on `end` (inclusive; the caller picks last Sunday or today)."""
    start = end - timedelta(days=6)
    week = _entries(progress, start, end)
    finished = [e for e in week if e.get("finished")]
    window_start = start - timedelta(days=7 * (WEEKS_SHOWN - 1))
    window = _entries(progress, window_start, end)
    morning = pain_kept and sum(1 for e in window if _score(e, True) is not None) >= 2
    bars = []
    for n in range(WEEKS_SHOWN):
        first = window_start + timedelta(days=7 * n)
        days = _entries(progress, first, first + timedelta(days=6))
        scores = [s for e in days if (s := _score(e, morning)) is not None] if pain_kept else []
        bars.append(WeekBar(first, sum(1 for e in days if e.get("finished")), _mean(scores)))
    trend = _trend(bars, morning) if pain_kept else None
    done = len(finished)
    planned = weekly_target or DEFAULT_WEEKLY_TARGET
    eased = sum(1 for e in week if e.get("verdict") == "reduce")
    return Review(
        start=start,
        end=end,
        done=done,
        planned=planned,
        sets_done=sum(int(e.get("sets_done", 0)) for e in week),
        sets_planned=sum(int(e.get("sets_planned", 0)) for e in week),
        streak=week_streak(progress, end),
        good=sum(1 for e in week if e.get("verdict") == "good"),
        eased=eased,
        stage=progress.stage,
        levels=dict(progress.levels),
        pain_kept=pain_kept,
        trend=trend,
        weeks=tuple(bars),
        focus=_focus(bars, window, morning, pain_kept, done, planned, eased),
    )


def _trend(bars: Sequence[WeekBar], morning: bool) -> PainTrend | None:
    known = [b.pain for b in bars if b.pain is not None]
    if len(known) < 2:
        return None
    first, last = known[0], known[-1]
    if last - first <= -PAIN_CHANGE:
        direction: PainDirection = "down"
    elif last - first >= PAIN_CHANGE:
        direction = "up"
    else:
        direction = "same"
    return PainTrend(round(first), round(last), direction, morning)


def _focus(
    bars: Sequence[WeekBar],
    window: Sequence[SessionEntry],
    morning: bool,
    pain_kept: bool,
    done: int,
    planned: int,
    eased: int,
) -> Focus:
    """One thing for next week, safety first."""
    if pain_kept:
        worst = max(
            (s for e in window for s in (_score(e, True), _score(e, False)) if s is not None),
            default=0,
        )
        recent = [b.pain for b in bars[-2:]]
        stuck = all(p is not None and p >= STUCK_PAIN for p in recent)
        if worst >= SEVERE_PAIN or stuck:
            return "see_someone"
        trend = _trend(bars, morning)
        if trend is not None and trend.direction == "up":
            return "ease_back"
    if eased:
        return "ease_back"
    if done == 0:
        return "get_started"
    if done < planned:
        return "consistency"
    return "keep_going"
