""" "How am I doing?": sessions done, the weekly streak, the stage, and the pain trend where
the deployment keeps and may speak it (otherwise it says so)."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.program import LastSession, finished_on, last_session, program_paused
from hamstring_coach.domain.stats import pain_note, summarize
from hamstring_coach.handlers.base import MODE, OFFER, ctx, session
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.review import progress_view_today
from hamstring_coach.handlers.routing import Handler, when
from hamstring_coach.handlers.state import Mode, Offer, mode
from hamstring_coach.handlers.workout import program
from hamstring_coach.intents import Intent
from hamstring_coach.voice.coaching import join_list
from hamstring_coach.voice.speech import Speech

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


class LastSessionHandler(Handler):
    """ "What did I do last time?", "did I do it yesterday?": when the last workout was,
    what it held and how much of it was done, then today's exercises offered (as the
    progress summary does). Mid-workout the workout goes on. With no workout day kept, the
    progress summary answers."""

    rule = when(Intent.LAST_SESSION)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        last = last_session(c.turn.progress, c.today)
        if last is None:
            return ProgressHandler().handle(handler_input)
        said = _last_said(sp, handler_input, last)
        if mode(handler_input) is Mode.WORKOUT:
            return respond(
                handler_input,
                f"{said} {sp.line('progress.last.carry_on')}",
                sp.line("reprompt.set"),
            )
        attrs = session(handler_input)
        attrs.pop(MODE, None)
        progress = c.turn.progress
        if program_paused(progress) or finished_on(progress, c.today):
            return respond(handler_input, said, None)
        attrs[OFFER] = Offer.TODAYS_PLAN
        return respond(
            handler_input, f"{said} {sp.line('progress.offer')}", sp.line("reprompt.plan")
        )


def _last_said(sp: Speech, handler_input: HandlerInput, last: LastSession) -> str:
    prog = program(handler_input)
    names = join_list(sp, [prog.exercise(e).names for e in last.exercises if e in prog.exercises])
    if last.sets_done >= last.sets_planned:
        sets = sp.line("progress.last.all", n=last.sets_done)
    else:
        sets = sp.line("progress.last.some", done=last.sets_done, planned=last.sets_planned)
    key = {0: "progress.last.today", 1: "progress.last.yesterday"}.get(
        last.days_ago, "progress.last.days"
    )
    return sp.line(key, n=last.days_ago, names=names or sp.line("progress.last.workout"), sets=sets)


def handlers() -> list[AbstractRequestHandler]:
    return [ProgressHandler(), LastSessionHandler()]
