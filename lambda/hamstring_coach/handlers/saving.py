"""A yes to "I couldn't save your progress; shall I try again?".

The question is asked (by the commit step in app.py) when a write failed on an answer that
would have ended the session. The try itself is that turn's commit; this handler only says
goodbye for the case it works. If it fails again, the commit step replaces this with a
plain "still not saved" (see app.CommitInterceptor).
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from hamstring_coach.handlers.base import SAVE_ASKED, session, tell
from hamstring_coach.handlers.errors import fallback_line


class SaveRetryHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(session(handler_input).get(SAVE_ASKED)) and is_intent_name("AMAZON.YesIntent")(
            handler_input
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        locale = getattr(handler_input.request_envelope.request, "locale", None)
        return tell(handler_input, fallback_line(locale, "save_retry_done"))


def handlers() -> list[AbstractRequestHandler]:
    return [SaveRetryHandler()]
