"""The last word when anything fails: the user always hears something sensible."""

from __future__ import annotations

import json
import logging
import traceback
from functools import cache
from pathlib import Path

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.errors import (
    ContentMissingError,
    StoreUnavailableError,
    VersionConflictError,
)
from hamstring_coach.handlers.base import PENDING, find_ctx, session

log = logging.getLogger(__name__)

# Packaged with the code, because these must be said when the content table itself is
# out of reach.
_FALLBACK_LINES = Path(__file__).resolve().parent.parent / "voice" / "fallback_lines.json"


@cache
def fallback_lines() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(_FALLBACK_LINES.read_text("utf-8"))
    return data


def fallback_line(locale: str | None, key: str) -> str:
    lines = fallback_lines()
    lang = locale.split("-")[0] if isinstance(locale, str) else "en"
    return lines.get(lang, lines["en"])[key]


def where(exception: BaseException, depth: int = 6) -> list[str]:
    """The innermost frames as file:line:function, without the exception's message."""
    frames = traceback.extract_tb(exception.__traceback__)[-depth:]
    return [f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in frames]


class CatchAllExceptionHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        locale = getattr(handler_input.request_envelope.request, "locale", None)
        store_trouble = isinstance(
            exception, StoreUnavailableError | ContentMissingError | VersionConflictError
        )
        # Only the exception's type and where it was raised are logged: a message or a
        # formatted traceback can quote request data (a slot value in a ValueError).
        log.error(
            "turn failed",
            extra={
                "error": type(exception).__name__,
                "store": store_trouble,
                "where": where(exception),
            },
        )
        # Nothing recorded this turn is dropped: keep it in the session for the next turn.
        context = find_ctx(handler_input)
        if context is not None and context.turn.unsaved():
            session(handler_input)[PENDING] = context.turn.carry_over()
        key = "store_unavailable" if store_trouble else "error"
        return (
            handler_input.response_builder.speak(fallback_line(locale, key))
            .ask(fallback_line(locale, "error_reprompt"))
            .response
        )
