"""What this person can do today, decided once; handlers only put it into words. Pure.

Most telling first: a symptom-check result that holds the program; today's workout under
way; today's done; a flare-up day; a step back after time away (with today's plan after
it); a rest day; or today's plan. The morning check and a missed pain score are questions
asked before this (see program.morning_due and program.pain_due).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from hamstring_coach.domain.pacing import Comeback, comeback
from hamstring_coach.domain.program import (
    Plan,
    Program,
    finished_on,
    kit_unknown,
    program_paused,
    today_plan,
)
from hamstring_coach.domain.progress import UserProgress, apply_all
from hamstring_coach.domain.workout import WorkoutState, active_workout

StatusKind = Literal["on_hold", "resume", "done", "flare_day", "rest_day", "plan"]


@dataclass(frozen=True)
class TodayStatus:
    kind: StatusKind
    plan: Plan | None = None
    workout: WorkoutState | None = None
    # Time away answered today: record its events before starting (the plan already
    # reflects them) and say why.
    comeback: Comeback | None = None
    # Kit today's plan needs that the person has not been asked about (ask before starting).
    ask_kit: tuple[str, ...] = ()


def today_status(program: Program, progress: UserProgress, today: date) -> TodayStatus:
    if program_paused(progress):
        # Paused until the person says they have been seen (issue 12): no level is kept.
        return TodayStatus("on_hold")
    state = active_workout(progress, today)
    if state is not None:
        return TodayStatus("resume", plan=state.plan, workout=state)
    if finished_on(progress, today):
        return TodayStatus("done")
    back = None if progress.flare == today.isoformat() else comeback(program, progress, today)
    after = apply_all(progress, list(back.events)) if back else progress
    plan = today_plan(program, after, today)
    if plan.kind == "flare":
        return TodayStatus("flare_day", plan=plan)
    if not plan.items:
        return TodayStatus("rest_day", plan=plan, comeback=back)
    ask = tuple(
        dict.fromkeys(
            k for item in plan.items for k in kit_unknown(program, after, item.exercise_id)
        )
    )
    return TodayStatus("plan", plan=plan, comeback=back, ask_kit=ask)
