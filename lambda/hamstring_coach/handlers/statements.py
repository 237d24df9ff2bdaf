"""What a person says about their symptoms: "I can't put weight on it", "my leg gave way".

Alexa sends only the words after a carrier phrase, so carriers that mean something have an
intent of their own, and the handler puts their meaning back before the red-flag check
reads the whole statement ("I can't {statement}" -> "cannot ..."). Red flags first, always;
a statement with none is answered like a question (it usually is one: "my sit bone aches
when I sit").
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, is_request_type
from ask_sdk_model import Response

from hamstring_coach.handlers import faq
from hamstring_coach.handlers.base import ask, ctx, slot_value

STATEMENT_SLOT = "statement"
SIGN_SLOT = "sign"
# Intent -> (words its carriers mean, whether they go before or after the slot's words).
CARRIER_MEANING: dict[str, tuple[str, bool]] = {
    "ReportSymptomIntent": ("", True),
    "ReportInabilityIntent": ("I cannot", True),
    "ReportBothSidesIntent": ("both legs", False),
    "ReportAbsenceIntent": ("no", True),  # "there's no {statement}", "nothing {statement}"
    "ReportDenialIntent": ("not", True),  # "I don't {statement}", "it's not {statement}"
}
SIGN_INTENT = "SymptomNameIntent"


def statement_text(intent: str, slots: dict[str, str | None]) -> str:
    """The statement as said, with the carrier's meaning put back. Pure."""
    if intent == SIGN_INTENT:
        return (slots.get(SIGN_SLOT) or "").strip()
    words = (slots.get(STATEMENT_SLOT) or "").strip()
    meaning, before = CARRIER_MEANING.get(intent, ("", True))
    if not words or not meaning:
        return words
    return f"{meaning} {words}" if before else f"{words} {meaning}"


class StatementHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not is_request_type("IntentRequest")(handler_input):
            return False
        name = get_intent_name(handler_input)
        return name in CARRIER_MEANING or name == SIGN_INTENT

    def handle(self, handler_input: HandlerInput) -> Response:
        name = str(get_intent_name(handler_input))
        text = statement_text(
            name,
            {
                STATEMENT_SLOT: slot_value(handler_input, STATEMENT_SLOT),
                SIGN_SLOT: slot_value(handler_input, SIGN_SLOT),
            },
        )
        if not text:
            sp = ctx(handler_input).speech
            return ask(handler_input, sp.line("faq.ask"), sp.line("faq.ask.reprompt"))
        return faq.respond_to_question(handler_input, text)


def handlers() -> list[AbstractRequestHandler]:
    return [StatementHandler()]
