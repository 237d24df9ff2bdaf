"""A yes to "I couldn't save your progress; shall I try again?".

The question is asked (by the commit step, turn_interceptors.py) when a write failed on an
answer that would have ended the session. The try itself is that turn's commit; this handler
only says goodbye for the case it works. If it fails again, the commit step replaces this with a
plain "still not saved" (see turn_interceptors.CommitInterceptor).
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.errors import fallback_line
from hamstring_coach.handlers.routing import Handler, Rule, when
from hamstring_coach.handlers.state import Key, session
from hamstring_coach.intents import Intent


def _asked(handler_input: HandlerInput) -> bool:
    return bool(session(handler_input).get(Key.SAVE_ASKED))


class SaveRetryHandler(Handler):
    rule = when(Intent.YES) & Rule(_asked)

    def handle(self, handler_input: HandlerInput) -> Response:
        locale = getattr(handler_input.request_envelope.request, "locale", None)
        return respond(handler_input, fallback_line(locale, "save_retry_done"), None)


def handlers() -> list[AbstractRequestHandler]:
    return [SaveRetryHandler()]
