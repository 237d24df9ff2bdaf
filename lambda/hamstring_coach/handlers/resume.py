"""Today's workout as other features see it: whether one is part done, and the offer to carry
it on. Outside the workout package so that the questions (faq.py), navigation and the
walkthrough can import it at the top: the workout package imports faq.py (a question
mid-workout), so faq.py importing the package was a cycle, worked round with an import
inside a function until round 9."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.workout import WorkoutState, active_workout
from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.state import Offer, set_mode


def current_workout(handler_input: HandlerInput) -> WorkoutState | None:
    c = ctx(handler_input)
    return active_workout(c.turn.progress, c.today)


def resume_offer(handler_input: HandlerInput, state: WorkoutState, lead: str = "") -> Response:
    """Today's workout is part done: say how far, and offer to carry on (a yes does)."""
    sp = ctx(handler_input).speech
    speech = sp.line("today.resume_offer", done=state.sets_done, total=state.plan.total_sets)
    set_mode(handler_input, None, Offer.RESUME_WORKOUT)
    return respond(handler_input, f"{lead} {speech}".strip(), sp.line("reprompt.resume"))
