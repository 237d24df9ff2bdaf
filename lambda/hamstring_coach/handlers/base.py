"""What every handler shares: the per-turn context and small response helpers.

Per-request state lives in request attributes, never on module or class attributes.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_slot

from hamstring_coach.handlers.state import Key, clear_activity, session
from hamstring_coach.turn_context import (
    CTX,
    Deps,
    TodayProvider,
    TurnContext,
    ctx,
    find_ctx,
    raw_request,
    raw_request_scope,
    utc_today,
)

# The turn context lives in turn_context.py; named here too for the handlers' convenience.
__all__ = [
    "CTX",
    "Deps",
    "TodayProvider",
    "TurnContext",
    "clear_activity",
    "ctx",
    "find_ctx",
    "raw_request",
    "raw_request_scope",
    "session",
    "slot_id",
    "slot_value",
    "utc_today",
]

SUPPORTED_LANGUAGES = ("en",)
DEFAULT_LOCALE = "en-US"

# Session attribute names shared across features (see state.py for all of them).
MODE = Key.MODE
OFFER = Key.OFFER
PENDING = Key.PENDING
SAVE_WARNED = Key.SAVE_WARNED
SAVE_ASKED = Key.SAVE_ASKED


def slot_value(handler_input: HandlerInput, name: str) -> str | None:
    """The spoken value of a slot, or None when the slot is absent or empty."""
    slot = get_slot(handler_input, name)
    value = getattr(slot, "value", None)
    return str(value) if value else None


def slot_id(handler_input: HandlerInput, name: str) -> str | None:
    """The entity-resolution id of a custom slot value, or None when nothing matched."""
    slot = get_slot(handler_input, name)
    resolutions = getattr(slot, "resolutions", None)
    for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
        status = getattr(getattr(authority, "status", None), "code", None)
        if getattr(status, "value", status) == "ER_SUCCESS_MATCH" and authority.values:
            return str(authority.values[0].value.id)
    return None
