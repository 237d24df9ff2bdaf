"""What a person's sessions say today: what is still to ask, and whether the program is held.

Apart from the program's model and today's plan because these read only the person's
record, never the program: whether a morning check or a pain score is due, whether a
day's workout was finished, how often an exercise was done, whether the program is paused.
Pure: progress and a date in, plain values out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hamstring_coach.domain import events
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry

# A morning check is asked only about a recent session; after a long gap the answer would
# say little about how the tendon took that session.
MORNING_CHECK_MAX_DAYS = 7


def done_sessions_before(progress: UserProgress, today: date) -> list[SessionEntry]:
    """Earlier sessions with at least one set done (the plan's rotation and rest read
    these too)."""
    return [
        s
        for s in progress.sessions
        if int(s.get("sets_done", 0)) > 0 and date.fromisoformat(str(s["date"])) < today
    ]


def program_paused(progress: UserProgress) -> bool:
    """Whether the program is paused until the person has been seen.

    An emergency or urgent red flag pauses it: loading a tendon that may be torn, or
    exercising through a red flag, is not something to coach. Only the person lifts it,
    by saying a professional has seen them; no number of days does.
    """
    return progress.paused


def session_on(progress: UserProgress, day: date) -> SessionEntry | None:
    found: SessionEntry | None = None
    for entry in progress.sessions:
        if entry.get("date") == day.isoformat():
            found = entry
    return found


def finished_on(progress: UserProgress, day: date) -> bool:
    """Whether the day's workout was finished (one question for every feature that asks)."""
    entry = session_on(progress, day)
    return bool(entry and entry.get("finished"))


def morning_due(progress: UserProgress, today: date) -> SessionEntry | None:
    """The earlier session whose next-morning check is still to be asked, if any."""
    for entry in reversed(progress.sessions):
        day = date.fromisoformat(str(entry["date"]))
        if day >= today:
            continue
        if int(entry.get("sets_done", 0)) == 0:
            continue  # started but nothing done: nothing for a morning to tell
        if "morning_check" in entry:
            return None
        return entry if (today - day).days <= MORNING_CHECK_MAX_DAYS else None
    return None


def morning_skip(progress: UserProgress, today: date) -> dict[str, Any] | None:
    """The event that closes a morning check still owed, or None when none is.

    One rule for every way a morning goes unanswered (a "skip", a workout asked for past
    the question, an all-clear after a pause): skipped, the morning neither counts toward a
    step up nor resets one, so the load stays as it was."""
    entry = morning_due(progress, today)
    if entry is None:
        return None
    return events.morning_skipped(today, str(entry["date"]))


def pain_due(progress: UserProgress, today: date) -> bool:
    """Today's finished session has no pain-during score yet."""
    entry = session_on(progress, today)
    return bool(entry and entry.get("finished") and "pain_during" not in entry)


def times_done(progress: UserProgress, exercise_id: str, today: date) -> int:
    """Earlier workout days that included an exercise (to keep familiar set-ups short)."""
    return sum(
        1 for s in done_sessions_before(progress, today) if exercise_id in s.get("exercises", ())
    )


@dataclass(frozen=True)
class LastSession:
    """The most recent workout day with a set done: "what did I do last time?"."""

    days_ago: int
    exercises: tuple[str, ...]  # ids, as the day's entry keeps them
    sets_done: int
    sets_planned: int


def last_session(progress: UserProgress, today: date) -> LastSession | None:
    """The latest day (today included) with at least one set done, or None: no workout yet,
    or the entries pruned away (the progress summary answers then)."""
    for entry in reversed(progress.sessions):
        done = int(entry.get("sets_done", 0))
        day = date.fromisoformat(str(entry["date"]))
        if done <= 0 or day > today:
            continue
        return LastSession(
            days_ago=(today - day).days,
            exercises=tuple(str(e) for e in entry.get("exercises", ())),
            sets_done=done,
            sets_planned=max(done, int(entry.get("sets_planned", done))),
        )
    return None
