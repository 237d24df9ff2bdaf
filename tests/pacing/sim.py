"""People over weeks, on the pure domain only: what the handlers do each day, without words.

Each simulated day: the morning check (if one is due), today's status (a step back after
time away is recorded), the kit question when first needed, the workout set by set (or
skipped as the persona would), the pain score after it, and a "harder" when the persona
asks. Everything goes through the same events the skill records.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from hamstring_coach.domain.program import PlanItem, Program, morning_due
from hamstring_coach.domain.progress import UserProgress, apply_all
from hamstring_coach.domain.progression import (
    MorningAnswer,
    harder_blocked,
    harder_level,
    mostly_done,
    review_morning,
    review_pain,
)
from hamstring_coach.domain.today import today_status
from hamstring_coach.domain.workout import active_workout

START = date(2026, 3, 2)


@dataclass
class Persona:
    name: str
    during: Callable[[int, random.Random], int] = lambda day, rng: 2
    morning: Callable[[int, random.Random], MorningAnswer] = lambda day, rng: MorningAnswer("same")
    away: Callable[[int], bool] = lambda day: False
    kit: dict[str, bool] = field(default_factory=lambda: {"ball": True, "anchor": True})
    # Sets done of an exercise planned with n sets (n: all of them).
    sets: Callable[[int, int, random.Random], int] = lambda day, n, rng: n
    asks_harder: bool = False
    seed: int = 1


@dataclass
class Day:
    day: int
    stage: int
    kind: str  # rest_day, flare_day, plan, resume, done, away
    heavy_done: bool = False
    ran: bool = False
    morning: str | None = None  # the verdict of this morning's check
    flare: bool = False
    harder: str | None = None  # "blocked:<why>" or "given" when asked
    stepped_up: bool = False
    up_after_partial: bool = False  # a step up after a session with most work not done
    comeback: str | None = None
    plan: tuple[str, ...] = ()


@dataclass
class Run:
    persona: Persona
    days: list[Day]
    progress: UserProgress
    program_done_day: int | None

    def first_day(self, stage: int) -> int | None:
        return next((d.day for d in self.days if d.stage >= stage), None)

    def first_run(self) -> int | None:
        return next((d.day for d in self.days if d.ran), None)


def _morning(
    program: Program, progress: UserProgress, persona: Persona, record: Day, rng: random.Random
) -> tuple[UserProgress, bool]:
    """The morning check, if one is due; returns the progress and whether the program is
    at its top."""
    today = START + timedelta(days=record.day)
    entry = morning_due(progress, today)
    if entry is None:
        return progress, False
    stage_before = progress.stage
    review = review_morning(program, progress, today, persona.morning(record.day, rng))
    assert review is not None
    progress = apply_all(progress, list(review.events))
    record.morning, record.flare = review.verdict, review.flare
    record.stepped_up = bool(
        (review.changes and review.changes[0].new > review.changes[0].old)
        or progress.stage > stage_before
    )
    record.up_after_partial = record.stepped_up and not (
        mostly_done(entry, program.pacing) and entry.get("finished")
    )
    return progress, review.program_done


def _harder(program: Program, progress: UserProgress, record: Day, item: PlanItem) -> UserProgress:
    """Ask for harder on the first exercise, as an eager person would."""
    today = START + timedelta(days=record.day)
    blocked = harder_blocked(progress, today)
    if blocked:
        record.harder = f"blocked:{blocked}"
        return progress
    new = harder_level(program, progress, item.exercise_id, item.level)
    if new is None:
        return progress
    record.harder = "given"
    event = {
        "type": "level_changed",
        "date": today.isoformat(),
        "id": item.exercise_id,
        "level": new,
        "sets": program.exercise(item.exercise_id).level(new).sets,
        "today": True,
    }
    return apply_all(progress, [event])


def _do_workout(
    program: Program, progress: UserProgress, persona: Persona, record: Day, rng: random.Random
) -> UserProgress:
    """Set by set, skipping what the persona skips, then the pain score."""
    today = START + timedelta(days=record.day)
    day = today.isoformat()
    total_done = 0
    while (state := active_workout(progress, today)) is not None and state.current:
        item = state.current
        want = persona.sets(record.day, item.sets, rng)
        events: list[Mapping[str, Any]] = [{"type": "set_done", "date": day}] * want
        if want < item.sets:
            events.append({"type": "exercise_skipped", "date": day})
        progress = apply_all(progress, events)
        total_done += want
        ex = program.exercise(item.exercise_id)
        record.heavy_done |= bool(want and ex.heavy)
        record.ran |= bool(want and ex.type == "run" and item.level >= 1)
    if total_done == 0:
        return apply_all(progress, [{"type": "workout_cancelled", "date": day}])
    progress = apply_all(progress, [{"type": "workout_finished", "date": day}])
    pain = review_pain(program, progress, today, persona.during(record.day, rng))
    return apply_all(progress, list(pain.events))


def simulate(program: Program, persona: Persona, days: int = 120) -> Run:
    rng = random.Random(persona.seed)
    progress = UserProgress()
    log: list[Day] = []
    done_day: int | None = None
    for n in range(days):
        today = START + timedelta(days=n)
        if persona.away(n):
            log.append(Day(n, progress.stage, "away"))
            continue
        progress = apply_all(progress, [{"type": "visit", "date": today.isoformat()}])
        record = Day(n, progress.stage, "plan")
        log.append(record)
        progress, at_top = _morning(program, progress, persona, record, rng)
        if at_top and done_day is None:
            done_day = n
        status = today_status(program, progress, today)
        if status.comeback is not None:
            progress = apply_all(progress, list(status.comeback.events))
            record.comeback = status.comeback.kind
            status = today_status(program, progress, today)
        if status.ask_kit:
            kit = {k: persona.kit.get(k, True) for k in status.ask_kit}
            progress = apply_all(progress, [{"type": "kit_reported", "kit": kit}])
            status = today_status(program, progress, today)
        record.stage, record.kind = progress.stage, status.kind
        plan = status.plan
        if plan is None or not plan.items or status.kind not in ("plan", "flare_day"):
            continue
        record.plan = tuple(i.exercise_id for i in plan.items)
        progress = apply_all(progress, [plan.start_event(program, today)])
        if persona.asks_harder:
            progress = _harder(program, progress, record, plan.items[0])
        progress = _do_workout(program, progress, persona, record, rng)
        record.stage = progress.stage
    return Run(persona, log, progress, done_day)


def _mixed_morning(day: int, rng: random.Random) -> MorningAnswer:
    roll = rng.random()
    if roll < 0.04:
        return MorningAnswer("much_worse")
    if roll < 0.16:
        return MorningAnswer("worse")
    if roll < 0.35:
        return MorningAnswer("better")
    return MorningAnswer("same")


def personas() -> list[Persona]:
    return [
        Persona("steady"),
        Persona(
            "mixed days",
            during=lambda day, rng: rng.choice([1, 2, 2, 3, 3, 3, 4, 5]),
            morning=_mixed_morning,
            away=lambda day: day % 11 == 5,
            asks_harder=True,
            seed=11,
        ),
        Persona("steady 4/10", during=lambda day, rng: 4),
        Persona("no gym ball", kit={"ball": False, "anchor": True}),
        Persona("three-week break", away=lambda day: 40 <= day < 61),
        Persona(
            "flare-up in week 5",
            morning=lambda day, rng: MorningAnswer(score=7) if day == 31 else MorningAnswer("same"),
            asks_harder=True,
        ),
        Persona("half of every exercise", sets=lambda day, n, rng: max(1, n // 2)),
    ]
