"""Today's plan for one person: which exercises, at which levels, or why heavy work rests.

Apart from the program's model because it is the program's pacing rules applied to one
person's record: rest between sessions and between heavy days, weekly caps, a flare-up day,
a run on its own day, rotation when a stage uses only some exercises a session, and
alternatives for missing kit. Pure: the program, progress and a date in, a Plan out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from hamstring_coach.domain import events
from hamstring_coach.domain.program.model import Program
from hamstring_coach.domain.program.sessions import done_sessions_before
from hamstring_coach.domain.progress import UserProgress, from_day_number
from hamstring_coach.domain.session_entry import SessionEntry


@dataclass(frozen=True)
class PlanItem:
    exercise_id: str
    level: int
    sets: int


PlanKind = Literal["training", "light", "flare"]
RestReason = Literal["heavy_gap", "weekly", "gap"]


@dataclass(frozen=True)
class Plan:
    stage: int
    items: tuple[PlanItem, ...]
    # Exercises of the stage left out today because they need more days between sessions.
    resting: tuple[str, ...] = ()
    # training: the stage's work; light: a day between heavy days; flare: a flare-up day.
    kind: PlanKind = "training"
    # Why heavy work rests today (None when it does not, or nothing rests).
    rest_reason: RestReason | None = None
    heavy: bool = False  # today's items include heavy work (48 h before the next)

    @property
    def total_sets(self) -> int:
        return sum(i.sets for i in self.items)

    def to_event(self) -> list[list[Any]]:
        """Compact, JSON-friendly: [[exercise id, level, sets], ...]."""
        return [[i.exercise_id, i.level, i.sets] for i in self.items]

    @classmethod
    def from_event(cls, stage: int, rows: Sequence[Sequence[Any]]) -> Plan:
        return cls(stage, tuple(PlanItem(str(r[0]), int(r[1]), int(r[2])) for r in rows))

    def start_event(self, program: Program, today: date) -> dict[str, Any]:
        """The event that starts this plan as today's workout."""
        kind = "heavy" if self.heavy else ("light" if self.kind != "training" else None)
        return events.workout_started(today, self.stage, self.to_event(), kind)


def _last_done(sessions: Sequence[SessionEntry], exercise_id: str) -> date | None:
    dates = [
        date.fromisoformat(str(s["date"]))
        for s in sessions
        if exercise_id in s.get("exercises", ())
    ]
    return max(dates) if dates else None


def _resting(program: Program, progress: UserProgress, exercise_id: str, today: date) -> bool:
    """Whether an exercise needs a day off today (gap between sessions, weekly cap)."""
    ex = program.exercise(exercise_id)
    sessions = done_sessions_before(progress, today)
    last = _last_done(sessions, exercise_id)
    if last is not None and (today - last).days < ex.gap_days:
        return True
    per_week = ex.level(program.level_of(progress, exercise_id)).per_week
    if per_week is not None:
        week_start = today - timedelta(days=6)
        recent = [
            s
            for s in sessions
            if exercise_id in s.get("exercises", ())
            and date.fromisoformat(str(s["date"])) >= week_start
        ]
        if len(recent) >= per_week:
            return True
    return False


def heavy_days(progress: UserProgress, today: date) -> list[date]:
    """Earlier days with heavy work done (any set of it: spacing protects the tendon)."""
    done = {str(s["date"]) for s in done_sessions_before(progress, today)}
    days = [from_day_number(n) for n in progress.heavy]
    return [d for d in days if d.isoformat() in done]


def heavy_rest(program: Program, progress: UserProgress, today: date) -> RestReason | None:
    """Why heavy work must wait today: about 48 h since the last heavy day, or the stage's
    heavy sessions for any 7 days already done (Beyer 2015: 2-3 a week, 48 h apart)."""
    stage = program.stage(progress.stage)
    days = heavy_days(progress, today)
    if days and (today - max(days)).days < program.pacing.heavy_gap_days:
        return "heavy_gap"
    if stage.heavy_per_week is not None:
        week_start = today - timedelta(days=6)
        if sum(1 for d in days if d >= week_start) >= stage.heavy_per_week:
            return "weekly"
    return None


def missing_kit(program: Program, progress: UserProgress, exercise_id: str) -> bool:
    """The person said they do not have kit this exercise needs."""
    ex = program.exercise(exercise_id)
    return any(progress.kit.get(k) is False for k in ex.needs)


def kit_unknown(program: Program, progress: UserProgress, exercise_id: str) -> tuple[str, ...]:
    """Kit this exercise needs that the person has not been asked about yet."""
    return tuple(k for k in program.exercise(exercise_id).needs if k not in progress.kit)


def effective(program: Program, progress: UserProgress, exercise_id: str) -> str:
    """The exercise the person does for this place in the program: the one without the kit
    when they lack it (it counts the same for the stage)."""
    seen: set[str] = set()
    while exercise_id not in seen and missing_kit(program, progress, exercise_id):
        seen.add(exercise_id)
        instead = program.exercise(exercise_id).instead
        if instead is None:
            break
        exercise_id = instead
    return exercise_id


def stage_exercises(program: Program, progress: UserProgress, number: int) -> list[str]:
    """A stage's exercises as this person does them (alternatives for missing kit)."""
    return [effective(program, progress, e) for e in program.stage(number).exercises]


def _items(program: Program, progress: UserProgress, ids: Sequence[str]) -> tuple[PlanItem, ...]:
    items = []
    for exercise_id in ids:
        level = program.level_of(progress, exercise_id)
        items.append(PlanItem(exercise_id, level, program.exercise(exercise_id).level(level).sets))
    return tuple(items)


def flare_plan(program: Program, progress: UserProgress) -> Plan:
    """A flare-up day: gentle isometrics only, at their easiest level."""
    items = tuple(
        PlanItem(e, 0, program.exercise(e).level(0).sets) for e in program.pacing.flare_exercises
    )
    return Plan(progress.stage, items, kind="flare")


def today_plan(program: Program, progress: UserProgress, today: date) -> Plan:
    """What to do today: the stage's exercises at the person's levels, minus those that
    need rest; heavy work 48 h apart and capped a week, with light work or a named rest
    day between; a run on its own day; rotated by recent history when the stage uses only
    some per session."""
    stage = program.stage(progress.stage)
    workout = progress.workout
    if workout and workout.get("date") == today.isoformat():
        return Plan.from_event(stage.number, workout["plan"])
    if progress.flare == today.isoformat():
        return flare_plan(program, progress)
    ids = list(dict.fromkeys(stage_exercises(program, progress, stage.number)))
    why = heavy_rest(program, progress, today)
    available = [
        e
        for e in ids
        if not _resting(program, progress, e, today)
        and not (why is not None and program.exercise(e).heavy)
    ]
    runs = [e for e in available if program.exercise(e).type == "run"]
    if runs:
        # Runs go on their own day: never straight after heavy strength work.
        available = runs
    resting = tuple(e for e in ids if e not in available)
    chosen = available
    if stage.per_session is not None and len(available) > stage.per_session:
        always = {effective(program, progress, e) for e in stage.always}
        fixed = [e for e in available if e in always]
        others = [e for e in available if e not in always]
        sessions = done_sessions_before(progress, today)
        # Least recently done first; never done counts as longest ago; ties keep stage order.
        others.sort(key=lambda e: _last_done(sessions, e) or date.min)
        picked = set(fixed + others[: max(0, stage.per_session - len(fixed))])
        chosen = [e for e in available if e in picked]
    if not chosen and why == "heavy_gap" and stage.between:
        return Plan(stage.number, _items(program, progress, stage.between), resting, "light", why)
    items = _items(program, progress, chosen)
    heavy = any(program.exercise(i.exercise_id).heavy for i in items)
    reason = why if resting and why is not None else ("gap" if resting and not items else None)
    return Plan(stage.number, items, resting, rest_reason=reason, heavy=heavy)
