"""The words of a symptom statement, as the person said them.

Alexa sends only the words after a carrier phrase (AMAZON.SearchQuery), so carriers that
mean something have an intent of their own and their meaning is put back here before the
red-flag check reads the whole statement: "I can't {statement}" -> "I cannot ...".
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput

from hamstring_coach.handlers.base import slot_value
from hamstring_coach.handlers.routing import intent_of
from hamstring_coach.intents import Intent

STATEMENT_SLOT = "statement"
QUERY_SLOT = "query"  # the FAQ's carrier intents: a statement can arrive through them too
SIGN_SLOT = "sign"  # SymptomNameIntent: a terse "foot drop", "chest pain"
# Intent -> (the words its carriers mean, whether they come before the slot's words).
CARRIER_MEANING: dict[Intent, tuple[str, bool]] = {
    Intent.REPORT_SYMPTOM: ("", True),  # "I've got ...", "my ...", "um so ..."
    Intent.REPORT_INABILITY: ("I cannot", True),  # "I can't ...", "I'm unable to ..."
    Intent.REPORT_ABSENCE: ("no", True),  # "there's no ...", "nothing ..."
    Intent.REPORT_DENIAL: ("not", True),  # "I don't ...", "it's not ..."
    Intent.REPORT_BOTH_SIDES: ("both legs", False),  # "... in both legs", "both my ..."
    Intent.CANNOT_QUESTION: ("I cannot", True),  # the FAQ's "I can't {query}"
    Intent.QUESTION: ("", True),  # the FAQ's "my {query}", "I have {query}", "how {query}"
}


def statement_text(intent: Intent | None, statement: str | None, sign: str | None) -> str:
    """The statement with its carrier's meaning put back. Pure."""
    if intent is Intent.SYMPTOM_NAME:
        return (sign or "").strip()
    words = (statement or "").strip()
    meaning, before = CARRIER_MEANING.get(intent, ("", True)) if intent else ("", True)
    if not words or not meaning:
        return words
    return f"{meaning} {words}" if before else f"{words} {meaning}"


def statement_of(handler_input: HandlerInput) -> str:
    return statement_text(
        intent_of(handler_input),
        slot_value(handler_input, STATEMENT_SLOT) or slot_value(handler_input, QUERY_SLOT),
        slot_value(handler_input, SIGN_SLOT),
    )
