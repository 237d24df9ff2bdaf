"""The per-turn context every handler reads: built once a request by the composition root.

Per-request state lives in request attributes, never on module or class attributes.
Kept apart from the handlers so that observability and the interceptors can read it
without importing any handler.
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

from hamstring_coach.adapters.content_cache import ContentCache
from hamstring_coach.domain.content import ContentBundle
from hamstring_coach.domain.content_view import ContentView
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.ports import ProgressRepository
from hamstring_coach.settings import Settings
from hamstring_coach.turn import ParkedUpdates, Turn
from hamstring_coach.voice.speech import Speech

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
    # The content of this turn's version, and its typed view (program, FAQ, questions).
    view: ContentView
    speech: Speech
    turn: Turn
    now: datetime
    # Names of things worth counting this turn ("workout_started", "faq_miss", ...). The
    # observability layer turns them into metrics; they never carry user content.
    signals: list[str] = field(default_factory=list)

    @property
    def content(self) -> ContentBundle:
        return self.view.bundle

    @property
    def today(self) -> date:
        return self.turn.today

    def signal(self, name: str, *, health: bool = False) -> None:
        """Count `name` this turn. A `health` signal (a symptom-check outcome) would put
        health information in the logs, so only a `full` health-data deployment keeps it."""
        if health and self.deps.settings.health_data is not HealthData.FULL:
            return
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
