"""The loading program: its typed model, today's plan, and what a person's sessions say.

One import name for every caller (`from hamstring_coach.domain.program import ...`); the
code is split by concern, as handlers/workout/ is: model.py (the program as typed values,
read from content), plan.py (today's plan for one person), sessions.py (what the person's
record says is due or held today). Everything here is pure: no ask_sdk, no boto3.
"""

from __future__ import annotations

from hamstring_coach.domain.program.model import (
    Exercise,
    ExerciseType,
    Level,
    Pacing,
    Program,
    ProgramContentError,
    Stage,
)
from hamstring_coach.domain.program.naming import (
    HowToWords,
    asked_about_this_one,
    asked_how,
    asks_a_dose,
    asks_something_else,
    before_detail,
    described,
    name_said,
    names_nothing,
    without_pain_free,
)
from hamstring_coach.domain.program.plan import (
    Plan,
    PlanItem,
    PlanKind,
    RestReason,
    effective,
    flare_plan,
    heavy_days,
    heavy_rest,
    kit_unknown,
    missing_kit,
    stage_exercises,
    today_plan,
)
from hamstring_coach.domain.program.sessions import (
    MORNING_CHECK_MAX_DAYS,
    LastSession,
    finished_on,
    last_session,
    morning_due,
    morning_skip,
    pain_due,
    program_paused,
    session_on,
    times_done,
)

__all__ = [
    "MORNING_CHECK_MAX_DAYS",
    "Exercise",
    "ExerciseType",
    "HowToWords",
    "LastSession",
    "Level",
    "Pacing",
    "Plan",
    "PlanItem",
    "PlanKind",
    "Program",
    "ProgramContentError",
    "RestReason",
    "Stage",
    "asked_about_this_one",
    "asked_how",
    "asks_a_dose",
    "asks_something_else",
    "before_detail",
    "described",
    "effective",
    "finished_on",
    "flare_plan",
    "heavy_days",
    "heavy_rest",
    "kit_unknown",
    "last_session",
    "missing_kit",
    "morning_due",
    "morning_skip",
    "name_said",
    "names_nothing",
    "pain_due",
    "program_paused",
    "session_on",
    "stage_exercises",
    "times_done",
    "today_plan",
    "without_pain_free",
]
