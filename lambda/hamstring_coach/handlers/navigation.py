""" "Repeat", "go back" and "start over" where no feature is mid-flow (the main menu, or
between questions): a meaningful answer instead of "sorry, I didn't catch that".

Inside a walkthrough, a workout, the pain questions or the symptom check, those features
answer these themselves (they come earlier in the handler list); this is what is left.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.program import program_paused
from hamstring_coach.handlers import faq
from hamstring_coach.handlers.base import clear_activity, ctx, session
from hamstring_coach.handlers.core import main_menu
from hamstring_coach.handlers.resume import current_workout, resume_offer
from hamstring_coach.handlers.routing import Handler, intent_of, when
from hamstring_coach.handlers.state import Key, Mode
from hamstring_coach.intents import Intent


class NavigationHandler(Handler):
    rule = when(Intent.REPEAT, Intent.PREVIOUS, Intent.START_OVER, mode=(None, Mode.FAQ))

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        said = intent_of(handler_input)
        last = faq.view(handler_input).index.topic(str(session(handler_input).get(Key.FAQ_TOPIC)))
        if said is not Intent.START_OVER and last is not None:
            # "Go back" (or "repeat") after an answer: that answer again.
            return faq.answer(handler_input, last)
        state = current_workout(handler_input)
        if state is not None and not program_paused(ctx(handler_input).turn.progress):
            # "Go back" in a session after "wait": today's workout, part done, is what there
            # is to go back to (it got the menu).
            return resume_offer(handler_input, state)
        clear_activity(handler_input)
        lead = "nav.start_over" if said is Intent.START_OVER else "nav.menu"
        return main_menu(handler_input, sp.line(lead))


def handlers() -> list[AbstractRequestHandler]:
    return [NavigationHandler()]
