""" "How am I doing?": sessions done, the weekly streak, the stage, and the pain trend where
the deployment keeps and may speak it (otherwise it says so)."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.program import finished_on, program_paused
from hamstring_coach.domain.stats import pain_note, summarize
from hamstring_coach.handlers.base import MODE, OFFER, ctx, session
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.review import progress_view_today
from hamstring_coach.handlers.routing import Handler, when
from hamstring_coach.handlers.state import Offer
from hamstring_coach.handlers.workout import program
from hamstring_coach.intents import Intent

MIN_STREAK_WORTH_SAYING = 2


class ProgressHandler(Handler):
    rule = when(Intent.PROGRESS)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        attrs = session(handler_input)
        attrs.pop(MODE, None)
        progress = c.turn.progress
        summary = summarize(progress, c.today)
        stage = program(handler_input).stage(summary.stage).name
        # Offer today's workout only when there is one to do: not once it is done, and not
        # while a symptom check has put the exercises on hold.
        can_offer = not program_paused(progress) and not finished_on(progress, c.today)
        if summary.sessions_done == 0:
            speech = sp.line("progress.none", stage=stage)
            if not can_offer:
                return respond(handler_input, speech, None)
            attrs[OFFER] = Offer.START_WORKOUT
            speech = f"{speech} {sp.line('progress.offer_start')}"
            return respond(handler_input, speech, sp.line("reprompt.offer"))
        if summary.sessions_done == 1:
            parts = [sp.line("progress.sessions_one")]
        elif summary.this_week == 0:
            parts = [sp.line("progress.sessions_not_lately", n=summary.sessions_done)]
        elif summary.this_week >= summary.sessions_done:
            parts = [sp.line("progress.sessions_all_recent", n=summary.sessions_done)]
        else:
            parts = [sp.line("progress.sessions", n=summary.sessions_done, week=summary.this_week)]
        if summary.week_streak >= MIN_STREAK_WORTH_SAYING:
            parts.append(sp.line("progress.streak", weeks=summary.week_streak))
        parts.append(sp.line("progress.stage", stage=stage))
        settings = c.deps.settings
        keeps_scores = settings.health_data is HealthData.FULL
        note, latest = pain_note(summary, keeps_scores, settings.may_speak_health)
        if note:
            parts.append(sp.line(note, n=latest))
        screen = progress_view_today(handler_input)  # the four-week chart on an Echo Show
        if not can_offer:
            return respond(handler_input, " ".join(parts), None, screen=screen)
        parts.append(sp.line("progress.offer"))
        attrs[OFFER] = Offer.TODAYS_PLAN
        return respond(handler_input, " ".join(parts), sp.line("reprompt.plan"), screen=screen)


def handlers() -> list[AbstractRequestHandler]:
    return [ProgressHandler()]
