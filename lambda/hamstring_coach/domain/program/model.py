"""The loading program as typed values, read and checked from content.

The program's words and numbers come from content (kinds `exercise`, `stage` and
`pacing`); this module only reads them, and refuses content that does not fit the model
(ProgramContentError, caught by the content tests). What a person does today is plan.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from hamstring_coach.domain.progress import UserProgress

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
    # Words people use to describe it without its name ("lift my hips and hold"): how a
    # name the interaction model did not know is recognised (domain/program/naming.py).
    heard: tuple[str, ...] = ()
    # Other names said as names, not descriptions ("RDL"): they count as words of its name,
    # so one names it in a question the way "deadlift" does (domain/program/naming.py).
    also: tuple[str, ...] = ()

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
        heard=tuple(str(w) for w in body.get("heard", ())),
        also=tuple(str(w) for w in body.get("also", ())),
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
