"""How fast the program may move, and why it is where it is. Pure.

The numbers come from content (kind `pacing`, and the stages' min_days / level_days /
heavy_per_week); their sources are in content/en/pacing.yaml. This module answers:
- when did this stage, and this exercise's level, begin (for the weekly pace);
- has the person been away long enough to step back (a level after about a week, a stage
  after about three), and which events do that;
- why is the person not moving up, and when might running start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from hamstring_coach.domain import events as ev
from hamstring_coach.domain.program import Program, heavy_rest, stage_exercises
from hamstring_coach.domain.progress import UserProgress, from_day_number

BreakKind = Literal["level", "stage"]


def _first_session(progress: UserProgress) -> date | None:
    days = [date.fromisoformat(str(s["date"])) for s in progress.sessions if s.get("date")]
    return min(days) if days else None


def stage_started(progress: UserProgress, today: date) -> date:
    """The day the current stage began (for a record from before this was kept: its first
    session in history; for a new person: today)."""
    if progress.stage_since:
        return date.fromisoformat(progress.stage_since)
    return _first_session(progress) or today


def level_started(progress: UserProgress, exercise_id: str, today: date) -> date:
    """The day this exercise's current level began: its last change, or the stage's start."""
    since = progress.since.get(exercise_id)
    stage_day = stage_started(progress, today)
    if since is None:
        return stage_day
    return max(from_day_number(since), stage_day)


def last_session(progress: UserProgress, today: date) -> date | None:
    days = [
        date.fromisoformat(str(s["date"]))
        for s in progress.sessions
        if int(s.get("sets_done", 0)) > 0 and str(s.get("date")) < today.isoformat()
    ]
    return max(days) if days else None


@dataclass(frozen=True)
class Comeback:
    """A step back after time away, and the events that make it."""

    kind: BreakKind
    days_away: int
    stage_from: int
    stage_to: int
    events: tuple[dict[str, Any], ...] = field(default=())


def comeback(program: Program, progress: UserProgress, today: date) -> Comeback | None:
    """After about a week away, every exercise of the stage goes back a level; after about
    three weeks, the stage before (its exercises a level below their top, and half its time
    to serve again). None when no step back is due, or it was already made."""
    last = last_session(progress, today)
    if last is None:
        return None
    if progress.resumed is not None:
        last = max(last, date.fromisoformat(progress.resumed))
    away = (today - last).days
    pacing = program.pacing
    if away < pacing.break_level_days:
        return None
    events: list[dict[str, Any]] = []
    stage_from = progress.stage
    stage_to = stage_from
    if away >= pacing.break_stage_days and stage_from > program.first_stage:
        kind: BreakKind = "stage"
        stage_to = stage_from - 1
        stage = program.stage(stage_to)
        served = round(stage.min_days * pacing.return_share)
        since = today - timedelta(days=served)
        events.append(ev.stage_changed(today, stage_to, since))
        for exercise_id in stage_exercises(program, progress, stage_to):
            ex = program.exercise(exercise_id)
            level = min(program.level_of(progress, exercise_id), max(0, ex.top - 1))
            events.append(ev.level_changed(today, exercise_id, level))
    else:
        kind = "level"
        for exercise_id in stage_exercises(program, progress, stage_from):
            level = program.level_of(progress, exercise_id)
            if level > 0:
                events.append(ev.level_changed(today, exercise_id, level - 1))
    events.append(ev.stepped_back(today))
    return Comeback(kind, away, stage_from, stage_to, tuple(events))


# --- why the person is where they are ------------------------------------------------------

WhyKey = Literal[
    "stage_time",  # every exercise is ready; the stage's time is not served yet
    "level_time",  # an exercise has had its good sessions; its week at the level is not up
    "sessions",  # an exercise needs more good sessions at its level
    "recent_bad",  # the last morning was not good: the load holds until it settles
    "incomplete",  # the last session had most of its work undone: it could not count
    "at_top",  # nothing left to step up: the program's top
]


@dataclass(frozen=True)
class PaceReason:
    key: WhyKey
    exercise_id: str | None = None
    days: int = 0  # days to wait, when the reason is time
    sessions: int = 0  # good sessions still needed, when the reason is sessions


def why_not_moving_up(program: Program, progress: UserProgress, today: date) -> PaceReason:
    """The real reason the program is where it is, most telling first."""
    reviewed = [s for s in progress.sessions if s.get("verdict")]
    if progress.flare == today.isoformat():
        return PaceReason("recent_bad")
    if reviewed and reviewed[-1].get("verdict") != "good":
        last = reviewed[-1]
        planned = int(last.get("sets_planned", 0))
        most = planned > 0 and int(last.get("sets_done", 0)) >= program.pacing.most_done * planned
        return PaceReason("recent_bad" if most and last.get("finished") else "incomplete")
    stage = program.stage(progress.stage)
    own = stage_exercises(program, progress, stage.number)
    need = stage.good_sessions
    waiting: list[PaceReason] = []
    for exercise_id in own:
        ex = program.exercise(exercise_id)
        level = program.level_of(progress, exercise_id)
        streak = progress.streaks.get(exercise_id, 0)
        if streak < need:
            waiting.append(PaceReason("sessions", exercise_id, sessions=need - streak))
        elif level < ex.top:
            started = level_started(progress, exercise_id, today)
            left = stage.level_days - (today - started).days
            if left > 0:
                waiting.append(PaceReason("level_time", exercise_id, days=left))
    if waiting:
        # The one furthest from its next step says the most.
        return max(waiting, key=lambda r: (r.key == "sessions", r.sessions, r.days))
    left = stage.min_days - (today - stage_started(progress, today)).days
    if left > 0:
        return PaceReason("stage_time", days=left)
    return PaceReason("at_top")


@dataclass(frozen=True)
class RunningOutlook:
    running_now: bool
    weeks: int  # at the earliest, if every session settles well (0 when running now)
    stage: int


def when_running(program: Program, progress: UserProgress, today: date) -> RunningOutlook:
    """The earliest the first run could come, if the tendon settles after every session:
    the rest of this stage's time, and the whole time of every stage before the running
    one. Running starts in the first stage with a run in it."""
    run_stage = next(
        (
            n
            for n in sorted(program.stages)
            if any(program.exercise(e).type == "run" for e in program.stages[n].exercises)
        ),
        program.last_stage,
    )
    if progress.stage >= run_stage:
        return RunningOutlook(True, 0, progress.stage)
    stage = program.stage(progress.stage)
    days = max(0, stage.min_days - (today - stage_started(progress, today)).days)
    days += sum(program.stages[n].min_days for n in range(progress.stage + 1, run_stage))
    return RunningOutlook(False, max(1, -(-days // 7)), progress.stage)


def rest_reason(program: Program, progress: UserProgress, today: date) -> str | None:
    """Why heavy work rests today, as a content key suffix (None: it does not)."""
    return heavy_rest(program, progress, today)
