"""The pain-monitoring rules that move each exercise and the stage up, keep them, or step
them back. Pure: plain values in, a Review (with the events to record) out.

The model (Silbernagel 2007; Goom 2016 for the high hamstring):
- pain during exercise 0-3 is safe, 4-5 acceptable, above 5 too much;
- it must settle by the next morning: next-morning pain worse than usual means reduce the
  load, stable means keep it or add to it;
- a daily test task scoring 4 or more means the tendon is not coping yet.
Here "worse than usual" is two or more points above the person's usual morning score (a
one-point wobble is common noise), and a one-point rise still blocks any step up. Load is
added only after `stage.good_sessions` good sessions in a row at a level, so one lucky day
does not move anyone on. A harder level is never offered after a bad morning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from hamstring_coach.domain import events
from hamstring_coach.domain.program import Program, morning_due, session_on
from hamstring_coach.domain.progress import UserProgress

Verdict = Literal["good", "hold", "reduce"]
PainZone = Literal["safe", "acceptable", "too_much"]

PAIN_MIN, PAIN_MAX = 0, 10
SAFE_MAX = 3  # pain during exercise 0-3: safe
ACCEPTABLE_MAX = 5  # 4-5: acceptable; above: too much
COPING_MAX = 3  # next-morning test task 0-3: coping; 4 or more: not coping
WORSE_BY = 2  # this many points above usual counts as worse than usual
USUAL_WINDOW = 5  # usual = median of this many recent morning scores


def is_pain_score(value: int | None) -> bool:
    return value is not None and PAIN_MIN <= value <= PAIN_MAX


def pain_zone(pain: int) -> PainZone:
    if pain <= SAFE_MAX:
        return "safe"
    if pain <= ACCEPTABLE_MAX:
        return "acceptable"
    return "too_much"


def judge(
    during: int | None, morning: int, usual: int | None, complete: bool
) -> tuple[Verdict, str]:
    """One session's verdict from its pain during and the next morning, with a reason key.

    Checked most serious first, so the reason names what mattered.
    """
    if during is not None and during > ACCEPTABLE_MAX:
        return "reduce", "during_too_much"
    if morning > ACCEPTABLE_MAX:
        return "reduce", "morning_high"
    if usual is not None and morning >= usual + WORSE_BY:
        return "reduce", "morning_worse"
    if usual is not None and morning > usual:
        return "hold", "morning_up"
    if morning > COPING_MAX:
        return "hold", "morning_not_settled"
    if during is None:
        return "hold", "no_during"
    if during > SAFE_MAX:
        return "hold", "during_acceptable"
    if not complete:
        return "hold", "incomplete"
    return "good", "settled"


# Where only the decision on the pain during a session was kept (the minimal health-data
# profile stores no scores), the highest score that gives that decision: `judge` compares
# the score only with SAFE_MAX and ACCEPTABLE_MAX, so it reaches the same verdict.
_DURING_BY_DECISION: dict[str, int] = {
    "good": SAFE_MAX,
    "hold": ACCEPTABLE_MAX,
    "reduce": ACCEPTABLE_MAX + 1,
}


def during_decision(pain: int) -> Verdict:
    """What the pain during a session decides on its own: good, hold, or reduce now."""
    zone = pain_zone(pain)
    return "good" if zone == "safe" else "hold" if zone == "acceptable" else "reduce"


def during_score(entry: Mapping[str, Any]) -> int | None:
    """The pain during a session as `judge` needs it: the score, or its decision's stand-in."""
    during = entry.get("pain")
    if isinstance(during, int):
        return during
    return _DURING_BY_DECISION.get(str(entry.get("dv")))


def usual_morning(progress: UserProgress, before: str) -> int | None:
    """The person's usual next-morning score: the median of recent ones before a date."""
    scores = [
        int(s["am"])
        for s in progress.sessions
        if str(s["date"]) < before and isinstance(s.get("am"), int)
    ][-USUAL_WINDOW:]
    if not scores:
        return None
    # Imported here: statistics pulls in fractions and decimal, a few ms of every cold start
    # for a turn that rarely needs it.
    import statistics  # noqa: PLC0415

    return round(statistics.median(scores))


@dataclass(frozen=True)
class LevelChange:
    exercise_id: str
    old: int
    new: int


@dataclass(frozen=True)
class Review:
    verdict: Verdict
    reason: str
    stage_from: int
    stage_to: int
    changes: tuple[LevelChange, ...] = ()
    waiting: bool = False  # good, but not yet enough good sessions in a row to step up
    floor: bool = False  # a step back was due, but this is already the gentlest program
    program_done: bool = False  # every exercise of the last stage is at its top
    events: tuple[dict[str, Any], ...] = field(default=())

    @property
    def stage_changed(self) -> bool:
        return self.stage_to != self.stage_from


def _level_events(today: date, changes: Iterable[LevelChange]) -> list[dict[str, Any]]:
    return [events.level_changed(today, c.exercise_id, c.new) for c in changes]


def _step_down(
    program: Program, progress: UserProgress, exercise_ids: Iterable[str]
) -> tuple[list[LevelChange], int, bool]:
    """Every exercise of the session one level easier; at the easiest, the stage before."""
    stage = progress.stage
    changes = []
    for exercise_id in exercise_ids:
        if exercise_id not in program.exercises:
            continue
        level = program.level_of(progress, exercise_id)
        if level > 0:
            changes.append(LevelChange(exercise_id, level, level - 1))
    if changes:
        return changes, stage, False
    if stage > program.first_stage:
        return [], stage - 1, False
    return [], stage, True


def _step_up(
    program: Program, progress: UserProgress, exercise_ids: Iterable[str]
) -> tuple[list[LevelChange], int, bool, bool]:
    """Good session: count it; step up what has had enough good sessions; maybe the stage."""
    stage = program.stage(progress.stage)
    done = {e for e in exercise_ids if e in program.exercises}
    need = stage.good_sessions
    after = {
        e: progress.streaks.get(e, 0) + (1 if e in done else 0) for e in {*stage.exercises, *done}
    }
    changes: list[LevelChange] = []
    waiting = False
    for exercise_id in sorted(done, key=lambda e: (e not in stage.exercises, e)):
        level = program.level_of(progress, exercise_id)
        if after[exercise_id] < need:
            waiting = True
        elif level < program.exercise(exercise_id).top:
            changes.append(LevelChange(exercise_id, level, level + 1))
    stage_ready = all(
        program.level_of(progress, e) == program.exercise(e).top and after[e] >= need
        for e in stage.exercises
    )
    if stage_ready and stage.number < program.last_stage:
        return changes, stage.number + 1, False, False
    return changes, stage.number, waiting, stage_ready


def review_morning(
    program: Program, progress: UserProgress, today: date, pain: int
) -> Review | None:
    """Apply the rules to the session the morning check is about (None if none is due)."""
    entry = morning_due(progress, today)
    if entry is None:
        return None
    usual = usual_morning(progress, str(entry["date"]))
    done_ids = list(entry.get("ex", ()))
    if entry.get("v") == "reduce":
        # Pain during that session was already too much and its load was eased then:
        # the morning is recorded, nothing is eased twice for one session.
        verdict: Verdict
        verdict, reason = "reduce", "already_eased"
    else:
        complete = int(entry.get("done", 0)) >= int(entry.get("of", 0)) and bool(entry.get("fin"))
        verdict, reason = judge(during_score(entry), pain, usual, complete)
    stage_from = progress.stage
    morning_event = events.morning_reported(today, str(entry["date"]), pain, verdict)
    changes: list[LevelChange] = []
    stage_to, waiting, floor, program_done = stage_from, False, False, False
    if verdict == "reduce" and reason != "already_eased":
        changes, stage_to, floor = _step_down(program, progress, done_ids)
    elif verdict == "good":
        changes, stage_to, waiting, program_done = _step_up(program, progress, done_ids)
    decided = [morning_event, *_level_events(today, changes)]
    if stage_to != stage_from:
        decided.append(events.stage_changed(today, stage_to))
    return Review(
        verdict=verdict,
        reason=reason,
        stage_from=stage_from,
        stage_to=stage_to,
        changes=tuple(changes),
        waiting=waiting,
        floor=floor,
        program_done=program_done,
        events=tuple(decided),
    )


def review_pain(program: Program, progress: UserProgress, today: date, pain: int) -> Review:
    """Pain during today's workout: too much eases the load now, before the next session."""
    entry: Mapping[str, Any] = session_on(progress, today) or {}
    zone = pain_zone(pain)
    verdict = during_decision(pain)
    stage_from = progress.stage
    if verdict != "reduce":
        event = events.pain_reported(today, pain, during=verdict)
        return Review(verdict, zone, stage_from, stage_from, events=(event,))
    event = events.pain_reported(today, pain, "reduce", during=verdict)
    changes, stage_to, floor = _step_down(program, progress, list(entry.get("ex", ())))
    decided = [event, *_level_events(today, changes)]
    if stage_to != stage_from:
        decided.append(events.stage_changed(today, stage_to))
    return Review(
        "reduce",
        zone,
        stage_from,
        stage_to,
        changes=tuple(changes),
        floor=floor,
        events=tuple(decided),
    )


def harder_blocked(progress: UserProgress, today: date) -> str | None:
    """Why a harder level must not be offered now (a reason key), or None if it may be.

    After a bad next-morning report, or too much pain during the last session, the answer
    is always no, whatever the person asks.
    """
    entry = session_on(progress, today)
    during = during_score(entry) if entry else None
    if during is not None and during > ACCEPTABLE_MAX:
        return "too_much_today"
    reviewed = [s for s in progress.sessions if s.get("v")]
    if reviewed and reviewed[-1]["v"] != "good":
        return "bad_morning"
    return None


def easier_level(level: int) -> int | None:
    return level - 1 if level > 0 else None
