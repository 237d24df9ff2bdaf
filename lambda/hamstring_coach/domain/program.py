"""The loading program as typed values, and today's plan for one person.

The program's words and numbers come from content (kinds `exercise` and `stage`); this
module only reads them. Everything here is pure: it takes the person's progress and today's
date and returns plain values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from hamstring_coach.domain.progress import UserProgress

ExerciseType = Literal["reps", "hold", "run"]

# A morning check is asked only about a recent session; after a long gap the answer would
# say little about how the tendon took that session.
MORNING_CHECK_MAX_DAYS = 7


class ProgramContentError(ValueError):
    """Program content that does not fit the model (caught by the content tests)."""


@dataclass(frozen=True)
class Level:
    title: str
    how: str
    sets: int
    rest: int
    reps: int = 0
    tempo: tuple[int, ...] = ()
    hold: int = 0
    sides: int = 1
    per_week: int | None = None
    plan: str = ""
    minutes: int = 0


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    names: str
    title: str
    type: ExerciseType
    setup: tuple[str, ...]
    cue: str
    feel: str
    stop: str
    start_level: int
    levels: tuple[Level, ...]
    phases: tuple[str, ...] = ()
    gap_days: int = 0

    @property
    def top(self) -> int:
        return len(self.levels) - 1

    def clamp(self, level: int) -> int:
        return max(0, min(self.top, level))

    def level(self, level: int) -> Level:
        return self.levels[self.clamp(level)]


@dataclass(frozen=True)
class Stage:
    number: int
    name: str
    summary: str
    exercises: tuple[str, ...]
    good_sessions: int
    per_session: int | None = None
    always: tuple[str, ...] = ()


@dataclass(frozen=True)
class Program:
    exercises: Mapping[str, Exercise]
    stages: Mapping[int, Stage]

    @property
    def first_stage(self) -> int:
        return min(self.stages)

    @property
    def last_stage(self) -> int:
        return max(self.stages)

    def stage(self, number: int) -> Stage:
        return self.stages[max(self.first_stage, min(self.last_stage, number))]

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def introduced_in(self, exercise_id: str) -> int | None:
        """The first stage that uses an exercise."""
        for number in sorted(self.stages):
            if exercise_id in self.stages[number].exercises:
                return number
        return None

    def level_of(self, progress: UserProgress, exercise_id: str) -> int:
        ex = self.exercises[exercise_id]
        return ex.clamp(progress.levels.get(exercise_id, ex.start_level))

    @classmethod
    def from_content(
        cls,
        exercises: Mapping[str, Mapping[str, Any]],
        stages: Mapping[str, Mapping[str, Any]],
    ) -> Program:
        parsed = {eid: _exercise(eid, body) for eid, body in exercises.items()}
        staged = {int(sid): _stage(int(sid), body) for sid, body in stages.items()}
        if not staged:
            raise ProgramContentError("no stages")
        for stage in staged.values():
            unknown = [e for e in (*stage.exercises, *stage.always) if e not in parsed]
            if unknown:
                raise ProgramContentError(f"stage {stage.number} names unknown {unknown}")
        return cls(exercises=parsed, stages=staged)


def _exercise(exercise_id: str, body: Mapping[str, Any]) -> Exercise:
    kind = body["type"]
    if kind not in ("reps", "hold", "run"):
        raise ProgramContentError(f"{exercise_id}: unknown type {kind!r}")
    phases = tuple(str(p) for p in body.get("phases", ()))
    levels = tuple(_level(exercise_id, kind, phases, lv) for lv in body["levels"])
    if not levels:
        raise ProgramContentError(f"{exercise_id}: no levels")
    start = int(body.get("start_level", 0))
    if not 0 <= start < len(levels):
        raise ProgramContentError(f"{exercise_id}: start_level out of range")
    return Exercise(
        id=exercise_id,
        name=str(body["name"]),
        names=str(body["names"]),
        title=str(body["title"]),
        type=kind,
        setup=tuple(str(s) for s in body["setup"]),
        cue=str(body["cue"]),
        feel=str(body["feel"]),
        stop=str(body["stop"]),
        start_level=start,
        levels=levels,
        phases=phases,
        gap_days=int(body.get("gap_days", 0)),
    )


def _level(exercise_id: str, kind: str, phases: tuple[str, ...], body: Mapping[str, Any]) -> Level:
    tempo = tuple(int(t) for t in body.get("tempo", ()))
    level = Level(
        title=str(body["title"]),
        how=str(body["how"]),
        sets=int(body["sets"]),
        rest=int(body.get("rest", 0)),
        reps=int(body.get("reps", 0)),
        tempo=tempo,
        hold=int(body.get("hold", 0)),
        sides=int(body.get("sides", 1)),
        per_week=int(body["per_week"]) if "per_week" in body else None,
        plan=str(body.get("plan", "")),
        minutes=int(body.get("minutes", 0)),
    )
    if kind == "reps" and (level.reps < 1 or len(tempo) != len(phases) or sum(tempo) < 1):
        raise ProgramContentError(f"{exercise_id}: a reps level needs reps and a tempo per phase")
    if kind == "hold" and level.hold < 1:
        raise ProgramContentError(f"{exercise_id}: a hold level needs hold seconds")
    if kind == "run" and not level.plan:
        raise ProgramContentError(f"{exercise_id}: a run level needs a plan")
    if level.sets < 1 or level.sides not in (1, 2):
        raise ProgramContentError(f"{exercise_id}: sets >= 1 and sides 1 or 2")
    return level


def _stage(number: int, body: Mapping[str, Any]) -> Stage:
    per_session = body.get("per_session")
    return Stage(
        number=number,
        name=str(body["name"]),
        summary=str(body["summary"]),
        exercises=tuple(str(e) for e in body["exercises"]),
        good_sessions=int(body.get("good_sessions", 2)),
        per_session=int(per_session) if per_session is not None else None,
        always=tuple(str(e) for e in body.get("always", ())),
    )


# --- today's plan ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanItem:
    exercise_id: str
    level: int
    sets: int


@dataclass(frozen=True)
class Plan:
    stage: int
    items: tuple[PlanItem, ...]
    # Exercises of the stage left out today because they need more days between sessions.
    resting: tuple[str, ...] = ()

    @property
    def total_sets(self) -> int:
        return sum(i.sets for i in self.items)

    def to_event(self) -> list[list[Any]]:
        """Compact, JSON-friendly: [[exercise id, level, sets], ...]."""
        return [[i.exercise_id, i.level, i.sets] for i in self.items]

    @classmethod
    def from_event(cls, stage: int, rows: Sequence[Sequence[Any]]) -> Plan:
        return cls(stage, tuple(PlanItem(str(r[0]), int(r[1]), int(r[2])) for r in rows))


def _done_sessions_before(progress: UserProgress, today: date) -> list[Mapping[str, Any]]:
    return [
        s
        for s in progress.sessions
        if int(s.get("done", 0)) > 0 and date.fromisoformat(str(s["date"])) < today
    ]


def _last_done(sessions: Sequence[Mapping[str, Any]], exercise_id: str) -> date | None:
    dates = [date.fromisoformat(str(s["date"])) for s in sessions if exercise_id in s.get("ex", ())]
    return max(dates) if dates else None


def _resting(program: Program, progress: UserProgress, exercise_id: str, today: date) -> bool:
    """Whether an exercise needs a day off today (gap between sessions, weekly cap)."""
    ex = program.exercise(exercise_id)
    sessions = _done_sessions_before(progress, today)
    last = _last_done(sessions, exercise_id)
    if last is not None and (today - last).days < ex.gap_days:
        return True
    per_week = ex.level(program.level_of(progress, exercise_id)).per_week
    if per_week is not None:
        week_start = today - timedelta(days=6)
        recent = [
            s
            for s in sessions
            if exercise_id in s.get("ex", ()) and date.fromisoformat(str(s["date"])) >= week_start
        ]
        if len(recent) >= per_week:
            return True
    return False


def today_plan(program: Program, progress: UserProgress, today: date) -> Plan:
    """What to do today: the stage's exercises at the person's levels, minus those that
    need rest, rotated by recent history when the stage uses only some per session."""
    stage = program.stage(progress.stage)
    workout = progress.workout
    if workout and workout.get("date") == today.isoformat():
        return Plan.from_event(stage.number, workout["plan"])
    available = [e for e in stage.exercises if not _resting(program, progress, e, today)]
    resting = tuple(e for e in stage.exercises if e not in available)
    chosen = available
    if stage.per_session is not None and len(available) > stage.per_session:
        fixed = [e for e in available if e in stage.always]
        others = [e for e in available if e not in stage.always]
        sessions = _done_sessions_before(progress, today)
        # Least recently done first; never done counts as longest ago; ties keep stage order.
        others.sort(key=lambda e: _last_done(sessions, e) or date.min)
        picked = set(fixed + others[: max(0, stage.per_session - len(fixed))])
        chosen = [e for e in available if e in picked]
    items = []
    for exercise_id in chosen:
        level = program.level_of(progress, exercise_id)
        items.append(PlanItem(exercise_id, level, program.exercise(exercise_id).level(level).sets))
    return Plan(stage.number, tuple(items), resting)


# --- what the program should ask or hold today -------------------------------------------


def program_paused(progress: UserProgress) -> bool:
    """Whether the program is paused until the person has been seen.

    An emergency or urgent red flag pauses it: loading a tendon that may be torn, or
    exercising through a red flag, is not something to coach. Only the person lifts it,
    by saying a professional has seen them; no number of days does.
    """
    return progress.paused


def session_on(progress: UserProgress, day: date) -> Mapping[str, Any] | None:
    found: Mapping[str, Any] | None = None
    for entry in progress.sessions:
        if entry.get("date") == day.isoformat():
            found = entry
    return found


def morning_due(progress: UserProgress, today: date) -> Mapping[str, Any] | None:
    """The earlier session whose next-morning check is still to be asked, if any."""
    for entry in reversed(progress.sessions):
        day = date.fromisoformat(str(entry["date"]))
        if day >= today:
            continue
        if int(entry.get("done", 0)) == 0:
            continue  # started but nothing done: nothing for a morning to tell
        if "am" in entry:
            return None
        return entry if (today - day).days <= MORNING_CHECK_MAX_DAYS else None
    return None


def pain_due(progress: UserProgress, today: date) -> bool:
    """Today's finished session has no pain-during score yet."""
    entry = session_on(progress, today)
    return bool(entry and entry.get("fin") and "pain" not in entry)


def times_done(progress: UserProgress, exercise_id: str, today: date) -> int:
    """Earlier workout days that included an exercise (to keep familiar set-ups short)."""
    return sum(1 for s in _done_sessions_before(progress, today) if exercise_id in s.get("ex", ()))
