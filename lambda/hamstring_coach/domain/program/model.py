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

from hamstring_coach.domain import events
from hamstring_coach.domain.program.sessions import done_sessions_before
from hamstring_coach.domain.progress import UserProgress, from_day_number
from hamstring_coach.domain.session_entry import SessionEntry

ExerciseType = Literal["reps", "hold", "run"]


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
    heavy: bool = False  # loaded or hinge work: about 48 h between sessions
    needs: tuple[str, ...] = ()  # kit it cannot be done without
    instead: str | None = None  # done in its place without that kit; counts the same

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
    min_days: int = 0  # days in the stage before it may move on
    level_days: int = 0  # days at a level before it may step up
    heavy_per_week: int | None = None  # heavy sessions in any 7 days
    between: tuple[str, ...] = ()  # a day between heavy days: these, light; () = rest day


@dataclass(frozen=True)
class Pacing:
    """How fast the program may move (content kind `pacing`, item `rules`)."""

    heavy_gap_days: int
    most_done: float
    break_level_days: int
    break_stage_days: int
    return_share: float
    flare_score: int
    refer_score: int
    not_coping_score: int
    flare_exercises: tuple[str, ...]
    steady_days: Mapping[str, tuple[int, int]]

    @classmethod
    def from_content(cls, body: Mapping[str, Any]) -> Pacing:
        return cls(
            heavy_gap_days=int(body["heavy_gap_days"]),
            most_done=float(body["most_done"]),
            break_level_days=int(body["break_level_days"]),
            break_stage_days=int(body["break_stage_days"]),
            return_share=float(body["return_share"]),
            flare_score=int(body["flare_score"]),
            refer_score=int(body["refer_score"]),
            not_coping_score=int(body["not_coping_score"]),
            flare_exercises=tuple(str(e) for e in body["flare_exercises"]),
            steady_days={
                str(k): (int(v[0]), int(v[1])) for k, v in dict(body["steady_days"]).items()
            },
        )


@dataclass(frozen=True)
class Program:
    exercises: Mapping[str, Exercise]
    stages: Mapping[int, Stage]
    pacing: Pacing

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
        pacing: Mapping[str, Mapping[str, Any]],
    ) -> Program:
        parsed = {eid: _exercise(eid, body) for eid, body in exercises.items()}
        staged = {int(sid): _stage(int(sid), body) for sid, body in stages.items()}
        if not staged:
            raise ProgramContentError("no stages")
        if "rules" not in pacing:
            raise ProgramContentError("no pacing rules")
        rules = Pacing.from_content(pacing["rules"])
        for stage in staged.values():
            named = (*stage.exercises, *stage.always, *stage.between)
            unknown = [e for e in named if e not in parsed]
            if unknown:
                raise ProgramContentError(f"stage {stage.number} names unknown {unknown}")
        for ex in parsed.values():
            if ex.instead is not None and (ex.instead not in parsed or not ex.needs):
                raise ProgramContentError(f"{ex.id}: instead needs kit and a known exercise")
        if any(e not in parsed for e in rules.flare_exercises):
            raise ProgramContentError("pacing names an unknown flare-up exercise")
        return cls(exercises=parsed, stages=staged, pacing=rules)


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
        heavy=bool(body.get("heavy", False)),
        needs=tuple(str(k) for k in body.get("needs", ())),
        instead=str(body["instead"]) if body.get("instead") else None,
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
        min_days=int(body.get("min_days", 0)),
        level_days=int(body.get("level_days", 0)),
        heavy_per_week=int(body["heavy_per_week"]) if "heavy_per_week" in body else None,
        between=tuple(str(e) for e in body.get("between", ())),
    )


# --- today's plan ------------------------------------------------------------------------


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
