"""A first use that is a one-shot ("ask hamstring coach to start my workout") hears the
disclaimer too: the launch says it to a new person, a one-shot never passes the launch."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractResponseInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response
from ask_sdk_model.ui import SsmlOutputSpeech

from hamstring_coach.domain import events
from hamstring_coach.domain.errors import StoreUnavailableError
from hamstring_coach.handlers.base import find_ctx
from hamstring_coach.handlers.routing import intent_of
from hamstring_coach.intents import Intent

SPEAK = "<speak>"
LEAVING = (Intent.STOP, Intent.CANCEL)


class OneShotDisclaimerInterceptor(AbstractResponseInterceptor):
    """Runs before the commit: on the first intent of a new session by someone the skill
    has never met, the disclaimer goes first, and the visit is counted so it is said once."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        if response is None or not is_request_type("IntentRequest")(handler_input):
            return
        session = handler_input.request_envelope.session
        if session is None or not session.new:
            return
        if intent_of(handler_input) in LEAVING:
            # "Tell hamstring coach bye" (often just after deleting everything) is no use
            # of the skill: no disclaimer on a goodbye, and no record written for it.
            return
        c = find_ctx(handler_input)
        if c is None:
            return
        try:
            if not c.turn.progress.is_new:
                return
            c.turn.record(events.visit(c.today))
        except StoreUnavailableError:
            pass  # said anyway: better twice than never
        speech = response.output_speech
        if not isinstance(speech, SsmlOutputSpeech) or not speech.ssml:
            return
        sp = c.speech
        line = sp.line("disclaimer.one_shot", emergency_number=sp.first("emergency_number"))
        ssml = str(speech.ssml)
        body = ssml[len(SPEAK) :] if ssml.startswith(SPEAK) else ssml
        speech.ssml = f"{SPEAK}{line} {body}" if ssml.startswith(SPEAK) else f"{line} {ssml}"
