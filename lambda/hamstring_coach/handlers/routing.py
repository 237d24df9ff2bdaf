"""Declared routing: a handler says when it answers with `when(...)`, like the SDK's own
`is_intent_name` / `is_request_type` predicates, plus this skill's mode and offer.

    class WorkoutStopHandler(Handler):
        rule = when(Intent.STOP, Intent.CANCEL, mode=Mode.WORKOUT)

Rules combine with `&`, `|` and `~`; a handler whose condition needs the turn's data too
overrides `can_handle` and starts from `self.rule(handler_input)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, is_request_type
from ask_sdk_model import Response

from hamstring_coach.handlers import state
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.state import Mode, Offer
from hamstring_coach.intents import Intent
from hamstring_coach.turn_context import ctx


class _Any:
    """Default of mode= and offer=: any value, or none."""


ANY = _Any()
Modes = Mode | None | Iterable[Mode | None] | _Any
Offers = Offer | None | Iterable[Offer | None] | _Any


class Rule:
    def __init__(self, test: Callable[[HandlerInput], bool]) -> None:
        self._test = test

    def __call__(self, handler_input: HandlerInput) -> bool:
        return self._test(handler_input)

    def __and__(self, other: Callable[[HandlerInput], bool]) -> Rule:
        return Rule(lambda hi: self(hi) and other(hi))

    def __or__(self, other: Callable[[HandlerInput], bool]) -> Rule:
        return Rule(lambda hi: self(hi) or other(hi))

    def __invert__(self) -> Rule:
        return Rule(lambda hi: not self(hi))


def _one_of(value: object) -> frozenset[object] | None:
    if isinstance(value, _Any):
        return None
    if value is None or isinstance(value, str):
        return frozenset({value})
    assert isinstance(value, Iterable)
    return frozenset(value)


def intent_of(handler_input: HandlerInput) -> Intent | None:
    """This request's intent, or None (not an intent request, or a name we do not know)."""
    if not is_request_type("IntentRequest")(handler_input):
        return None
    name = get_intent_name(handler_input)
    return Intent(name) if isinstance(name, str) and name in Intent._value2member_map_ else None


def when(*intents: Intent, mode: Modes = ANY, offer: Offers = ANY) -> Rule:
    """Any of `intents` (any request when none are named), in one of the modes, with one of
    the offers open. `None` among the modes or offers means "no mode" / "no offer"."""
    names = frozenset(intents)
    modes = _one_of(mode)
    offers = _one_of(offer)

    def test(handler_input: HandlerInput) -> bool:
        if names and intent_of(handler_input) not in names:
            return False
        if modes is not None and state.mode(handler_input) not in modes:
            return False
        return offers is None or state.offer(handler_input) in offers

    return Rule(test)


def request(request_type: str) -> Rule:
    return Rule(is_request_type(request_type))


def in_mode(*modes: Mode | None) -> Rule:
    return when(mode=modes)


def offered(*offers: Offer | None) -> Rule:
    return when(offer=offers)


class Handler(AbstractRequestHandler):
    """A request handler routed by its declared `rule`."""

    rule: ClassVar[Rule]

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return self.rule(handler_input)


class LineHandler(AbstractRequestHandler):
    """ "In mode M, intent I: say line X (and reprompt with Y)": one class for the many
    handlers that differ only in their words. With no reprompt the session ends."""

    def __init__(self, rule: Rule, line: str, reprompt: str | None) -> None:
        self.rule = rule
        self.line = line
        self.reprompt = reprompt

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return self.rule(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        reprompt = sp.line(self.reprompt) if self.reprompt else None
        return respond(handler_input, sp.line(self.line), reprompt)
