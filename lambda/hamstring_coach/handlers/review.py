"""The weekly review: "how was my week", and the offer on the first visit of a new week.

The offer comes once: the visit is recorded on the same turn, so the next visit that week
(the same day included) has its last visit in this week and gets none. A "no" is the end of
it; the review can still be asked for. The review itself is spoken, put on a card, and on
a screen shown as the four-week chart with today's plan.
"""

from __future__ import annotations

from datetime import date, timedelta

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain import events
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.program import finished_on, program_paused, today_plan
from hamstring_coach.domain.review import WEEKS_SHOWN, Review, review, week_start, week_turned
from hamstring_coach.domain.workout import active_workout
from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.core import main_menu
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.routing import Handler, request, when
from hamstring_coach.handlers.state import Offer, set_mode
from hamstring_coach.handlers.workout import program
from hamstring_coach.intents import Intent
from hamstring_coach.settings import Settings
from hamstring_coach.voice.habit import progress_screen, review_card, review_speech
from hamstring_coach.voice.screens import ProgressScreen


def pain_kept(settings: Settings) -> bool:
    """Whether the review may read and speak pain scores: the health-data profile keeps
    them (`full`) and the deployment has the controls to speak them (docs/health-data.md)."""
    return settings.may_speak_health


def pain_unspoken(settings: Settings) -> bool:
    """Scores are kept but may not be spoken here (full profile, controls not in place)."""
    return settings.health_data is HealthData.FULL and not settings.may_speak_health


def _has_history(handler_input: HandlerInput, end: date) -> bool:
    first = end - timedelta(days=7 * WEEKS_SHOWN)
    return any(
        str(s.get("date", "")) >= first.isoformat()
        for s in ctx(handler_input).turn.progress.sessions
    )


def progress_view(handler_input: HandlerInput, result: Review) -> ProgressScreen:
    """The chart of the four weeks up to `result.end`, and today's plan (or why none)."""
    c = ctx(handler_input)
    progress = c.turn.progress
    prog = program(handler_input)
    plan_items: list[tuple[str, int]] = []
    note = "screen.progress.rest"
    if finished_on(progress, c.today):
        note = "screen.progress.done"
    elif not program_paused(progress):
        plan = today_plan(prog, progress, c.today)
        plan_items = [(prog.exercise(i.exercise_id).title, i.sets) for i in plan.items]
    return progress_screen(c.speech, result, plan_items, note)


def progress_view_today(handler_input: HandlerInput) -> ProgressScreen | None:
    """For "how am I doing": the same screen, the last four weeks up to today (None for
    someone with no history, whose screen would be empty)."""
    c = ctx(handler_input)
    if not _has_history(handler_input, c.today):
        return None
    result = review(c.turn.progress, c.today, pain_kept=pain_kept(c.deps.settings))
    return progress_view(handler_input, result)


def review_response(handler_input: HandlerInput, end: date, lead: str = "") -> Response:
    c = ctx(handler_input)
    sp = c.speech
    set_mode(handler_input, None)
    if not _has_history(handler_input, end):
        return main_menu(handler_input, f"{lead} {sp.line('week.nothing')}".strip())
    result = review(c.turn.progress, end, pain_kept=pain_kept(c.deps.settings))
    prog = program(handler_input)
    stage = prog.stage(result.stage).name
    levels = {
        prog.exercise(e).title: prog.exercise(e).level(lv).title
        for e, lv in sorted(result.levels.items())
        if e in prog.exercises
    }
    unspoken = pain_unspoken(c.deps.settings)
    speech = f"{lead} {review_speech(sp, result, stage, unspoken=unspoken)}".strip()
    screen = progress_view(handler_input, result)
    card = review_card(sp, result, stage, levels, unspoken=unspoken)
    c.signal("weekly_review")
    if screen.has_plan:
        set_mode(handler_input, None, Offer.TODAYS_PLAN)
        speech = f"{speech} {sp.line('week.prompt')}"
        return respond(handler_input, speech, sp.line("reprompt.plan"), card=card, screen=screen)
    return respond(handler_input, speech, None, card=card, screen=screen)


class WeeklyReviewHandler(Handler):
    """ "How was my week": the seven days up to today."""

    rule = when(Intent.WEEKLY_REVIEW)

    def handle(self, handler_input: HandlerInput) -> Response:
        return review_response(handler_input, ctx(handler_input).today)


class WeekOfferLaunchHandler(Handler):
    """The first visit after the week turned, with something to review: offer it once.
    It comes ahead of the workout's launch (a morning check still due is asked when the
    workout starts); a workout half done today cannot be, as nobody visited this week."""

    rule = request("LaunchRequest")

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not self.rule(handler_input):
            return False
        c = ctx(handler_input)
        stored = c.turn.stored
        if stored is None or not week_turned(stored.progress.last_visit, c.today):
            return False
        if active_workout(c.turn.progress, c.today) is not None:
            return False
        if program_paused(c.turn.progress):
            return False  # the hold is said first (the plain launch); the review waits
        return _has_history(handler_input, _last_week_end(c.today))

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        c.turn.record(events.visit(c.today))
        set_mode(handler_input, None, Offer.WEEKLY_REVIEW)
        sp = c.speech
        c.signal("weekly_review_offered")
        speech = f"{sp.line('welcome.return')} {sp.line('week.offer')}"
        return respond(handler_input, speech, sp.line("week.offer.reprompt"))


def _last_week_end(today: date) -> date:
    return week_start(today) - timedelta(days=1)


class WeekOfferAnswerHandler(Handler):
    """Yes: last week's review. No: straight on to the menu, nothing more said about it."""

    rule = when(Intent.YES, Intent.NO, offer=Offer.WEEKLY_REVIEW)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        set_mode(handler_input, None)
        if when(Intent.NO)(handler_input):
            c.signal("weekly_review_declined")
            return main_menu(handler_input, c.speech.line("no.nothing_offered"))
        return review_response(handler_input, _last_week_end(c.today))


class WeekOfferHelpHandler(Handler):
    rule = when(Intent.HELP, Intent.FALLBACK, Intent.UNSURE, offer=Offer.WEEKLY_REVIEW)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        return respond(
            handler_input, sp.line("week.offer.reprompt"), sp.line("week.offer.reprompt")
        )


def handlers() -> list[AbstractRequestHandler]:
    return [
        WeekOfferAnswerHandler(),
        WeekOfferHelpHandler(),
        WeekOfferLaunchHandler(),
        WeeklyReviewHandler(),
    ]
