"""The pause for a warning sign, said one way wherever it comes up (issue 12).

Round 21: the hold was composed in four places (the launch, a question nothing answers, a
workout or plan asked for, a question about time or someone else's workout), each with
its own copy of the number, the line and the reprompt; one change of wording had to be made
four times. Each caller now says only what differs: what comes before the hold, what
follows it, and whether an open offer (the symptom check) is kept.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.state import clear_activity


def hold_response(
    handler_input: HandlerInput,
    *,
    lead: str = "",
    then: str = "",
    reprompt: str = "onhold.reprompt",
    keep_offer: bool = False,
) -> Response:
    """Why the exercises are paused and how to lift it (only the person can). `lead` and
    `then` are line keys said before and after; `keep_offer` leaves the open offer (the
    symptom check just offered) in place, where anything else is set aside."""
    if not keep_offer:
        clear_activity(handler_input)
    sp = ctx(handler_input).speech
    hold = sp.line("onhold", emergency_number=sp.first("emergency_number"))
    parts = [sp.line(lead) if lead else "", hold, sp.line(then) if then else ""]
    return respond(handler_input, " ".join(p for p in parts if p), sp.line(reprompt))
