"""A test-only progress event that is not idempotent, and an intent that records it.

Real features' events (a visit counts once a day) can hide a lost or doubled update; a tally
shows both. Registered once here so every test module shares the same reducer.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from hamstring_coach.domain import events as ev
from hamstring_coach.domain import progress as pm
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.handlers.base import ctx, slot_value
from hamstring_coach.handlers.display import respond

TALLY_INTENT = "TestTallyIntent"


@pm.register("test.tally")
def _tally(progress: UserProgress, event: pm.Event) -> UserProgress:
    name = str(event["name"])
    return replace(progress, levels={**progress.levels, name: progress.levels.get(name, 0) + 1})


@ev.rule("test.tally")
def _tally_rule(event: pm.Event, *_: Any) -> bool:
    return isinstance(event.get("name"), str)


def tally(name: str = "a") -> dict[str, Any]:
    return {"type": "test.tally", "name": name}


class TallyIntentHandler(AbstractRequestHandler):
    """Records one tally named by the `name` slot; answers with a fixed line."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(TALLY_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        c.turn.record(tally(slot_value(handler_input, "name") or "a"))
        return respond(
            handler_input, c.speech.line("yes.nothing_offered"), c.speech.line("reprompt.main")
        )
