""" "How am I doing?": sessions done, the weekly streak, the stage and the pain trend."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from hamstring_coach.domain.stats import summarize
from hamstring_coach.handlers.base import MODE, OFFER, ctx, session
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.workout import OFFER_PLAN, OFFER_START, program

MIN_STREAK_WORTH_SAYING = 2


class ProgressHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("ProgressIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        attrs = session(handler_input)
        attrs.pop(MODE, None)
        summary = summarize(c.turn.progress, c.today)
        stage = program(handler_input).stage(summary.stage).name
        if summary.sessions_done == 0:
            attrs[OFFER] = OFFER_START
            speech = sp.line("progress.none", stage=stage)
            return respond(handler_input, speech, sp.line("reprompt.offer"))
        if summary.sessions_done == 1:
            parts = [sp.line("progress.sessions_one")]
        elif summary.this_week == 0:
            parts = [sp.line("progress.sessions_not_lately", n=summary.sessions_done)]
        else:
            parts = [sp.line("progress.sessions", n=summary.sessions_done, week=summary.this_week)]
        if summary.week_streak >= MIN_STREAK_WORTH_SAYING:
            parts.append(sp.line("progress.streak", weeks=summary.week_streak))
        parts.append(sp.line("progress.stage", stage=stage))
        if summary.trend == "easing":
            parts.append(sp.line("progress.trend_easing"))
        elif summary.trend == "rising":
            parts.append(sp.line("progress.trend_rising"))
        elif summary.trend == "steady":
            parts.append(sp.line("progress.trend_steady", n=summary.latest_pain))
        parts.append(sp.line("progress.offer"))
        attrs[OFFER] = OFFER_PLAN
        return respond(handler_input, " ".join(parts), sp.line("reprompt.offer"))


def handlers() -> list[AbstractRequestHandler]:
    return [ProgressHandler()]
