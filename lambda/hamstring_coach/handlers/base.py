"""What every handler shares: the per-turn context and small response helpers.

Per-request state lives in request attributes, never on module or class attributes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_slot
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from hamstring_coach.adapters.content_cache import ContentCache
from hamstring_coach.adapters.dynamo import ProgressRepository
from hamstring_coach.domain.content import ContentBundle
from hamstring_coach.settings import Settings
from hamstring_coach.turn import ParkedUpdates, Turn
from hamstring_coach.voice.speech import Speech, plain

SUPPORTED_LANGUAGES = ("en",)
DEFAULT_LOCALE = "en-US"

# Session attribute names shared across features.
MODE = "mode"  # what the user is in the middle of: "workout", "symptom_check", ...
OFFER = "offer"  # what a "yes" means right now
PENDING = "_pending"  # progress events whose write failed, replayed next turn
SAVE_WARNED = "_save_warned"  # the session stayed open once to offer another save
SAVE_ASKED = "_save_asked"  # the last answer asked "shall I try saving again?"

# The raw event of the request being handled, for the few fields the SDK model drops
# (the SkillDisabled event's body). Set by the Lambda entry point around each invocation.
_RAW_REQUEST: ContextVar[Mapping[str, Any] | None] = ContextVar("raw_request", default=None)


@contextmanager
def raw_request_scope(event: Mapping[str, Any]) -> Iterator[None]:
    token = _RAW_REQUEST.set(event)
    try:
        yield
    finally:
        _RAW_REQUEST.reset(token)


def raw_request() -> Mapping[str, Any] | None:
    return _RAW_REQUEST.get()


class TodayProvider(Protocol):
    def __call__(self, handler_input: HandlerInput, now: datetime) -> date: ...


def utc_today(handler_input: HandlerInput, now: datetime) -> date:
    return now.date()


@dataclass(frozen=True)
class Deps:
    """Built once per container by the composition root."""

    settings: Settings
    content: ContentCache
    progress: ProgressRepository
    clock: Callable[[], datetime]
    today: TodayProvider = utc_today
    rng: random.Random | None = None
    # The user-key secret, read on first use (None: the plain one in settings).
    secret: Callable[[], bytes] | None = None
    # Updates whose write still failed when their session ended (see ParkedUpdates).
    parked: ParkedUpdates = field(default_factory=ParkedUpdates)

    def key_secret(self) -> bytes:
        """Raises SecretUnavailableError while Secrets Manager cannot be reached."""
        return self.secret() if self.secret is not None else self.settings.user_key_secret


@dataclass
class TurnContext:
    deps: Deps
    locale: str
    content: ContentBundle
    speech: Speech
    turn: Turn
    now: datetime
    # Names of things worth counting this turn ("workout_started", "faq_miss", ...). The
    # observability layer turns them into metrics; they never carry user content.
    signals: list[str] = field(default_factory=list)

    @property
    def today(self) -> date:
        return self.turn.today

    def signal(self, name: str) -> None:
        self.signals.append(name)


CTX = "ctx"


def ctx(handler_input: HandlerInput) -> TurnContext:
    value = handler_input.attributes_manager.request_attributes[CTX]
    assert isinstance(value, TurnContext)
    return value


def find_ctx(handler_input: HandlerInput) -> TurnContext | None:
    """The turn context, or None when the request failed before it was built."""
    value = handler_input.attributes_manager.request_attributes.get(CTX)
    return value if isinstance(value, TurnContext) else None


def session(handler_input: HandlerInput) -> dict[str, Any]:
    manager = handler_input.attributes_manager
    if handler_input.request_envelope.session is None:
        # A request without a session (skill events): the SDK refuses to get or set session
        # attributes, so a throwaway dict that lives for this request only.
        scratch = manager.request_attributes.setdefault("_no_session", {})
        assert isinstance(scratch, dict)
        return scratch
    attrs = manager.session_attributes
    if attrs is None:
        attrs = manager.session_attributes = {}
    return attrs


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


def ask(
    handler_input: HandlerInput, speech: str, reprompt: str, card: tuple[str, str] | None = None
) -> Response:
    """Say something that expects an answer: the session stays open with a reprompt."""
    builder = handler_input.response_builder.speak(speech).ask(reprompt)
    if card:
        builder.set_card(SimpleCard(title=card[0], content=plain(card[1])))
    return builder.response


def tell(handler_input: HandlerInput, speech: str, card: tuple[str, str] | None = None) -> Response:
    """Say something and end the session."""
    builder = handler_input.response_builder.speak(speech).set_should_end_session(True)
    if card:
        builder.set_card(SimpleCard(title=card[0], content=plain(card[1])))
    return builder.response


def clear_activity(handler_input: HandlerInput) -> None:
    attrs = session(handler_input)
    attrs.pop(MODE, None)
    attrs.pop(OFFER, None)
