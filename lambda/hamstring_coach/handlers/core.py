"""Launch, help, stop, fallback, session end: the conversation's frame.

Feature modules put their own, more specific handlers (for example help during a workout)
ahead of these in the skill; these are the general answers when nothing more specific fits.
"""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestHandler, AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain import events
from hamstring_coach.domain.program import program_paused
from hamstring_coach.handlers.base import (
    MODE,
    OFFER,
    clear_activity,
    ctx,
    session,
)
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.holds import hold_response
from hamstring_coach.handlers.routing import Handler, LineHandler, Rule, intent_of, request, when
from hamstring_coach.handlers.state import Key, Mode, mode
from hamstring_coach.intents import Intent
from hamstring_coach.voice.speech import Speech

log = logging.getLogger(__name__)


def main_menu(handler_input: HandlerInput, lead: str = "") -> Response:
    # The menu's question replaces any yes/no that was open: a "yes" to "which would you
    # like?" must not start a workout offered two turns ago.
    session(handler_input).pop(OFFER, None)
    sp = ctx(handler_input).speech
    prompt = sp.line("prompt.main")
    return respond(handler_input, f"{lead} {prompt}".strip(), sp.line("reprompt.main"))


def pain_rule(handler_input: HandlerInput) -> Response:
    """Pain or strain said mid-workout in words ("that hurts", "it's too much", "it's worse
    today", a question about the exercise in hand): the pain rule and the workout's ways
    out. "Tell me more" has no topic to expand after it."""
    session(handler_input).pop(Key.FAQ_TOPIC, None)
    sp = ctx(handler_input).speech
    return respond(handler_input, sp.line("workout.hurts"), sp.line("reprompt.set"))


class LaunchRequestHandler(Handler):
    rule = request("LaunchRequest")

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        first = c.turn.progress.is_new
        c.turn.record(events.visit(c.today))
        clear_activity(handler_input)
        sp = c.speech
        if first:
            lead = f"{sp.line('welcome.first')} {sp.line('disclaimer', **_numbers(sp))}"
        elif program_paused(c.turn.progress):
            # Paused for a warning sign: the welcome says so before anything else, and how
            # to lift it, rather than a menu whose first choice is today's exercises.
            return hold_response(handler_input, lead="welcome.return", then="onhold.meanwhile")
        else:
            lead = sp.line("welcome.return")
        return main_menu(handler_input, lead)


def _numbers(sp: Speech) -> dict[str, str]:
    return {"emergency_number": sp.first("emergency_number")}


def disclaimer(handler_input: HandlerInput) -> str:
    sp = ctx(handler_input).speech
    return sp.line("disclaimer.short", **_numbers(sp))


class HelpLineHandler(LineHandler):
    """Help inside an activity: its own words, after the short disclaimer every help path
    carries (health guidance, so the person hears what it is and what to do in an emergency
    wherever they ask for help); the activity's question stays last."""

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        reprompt = sp.line(self.reprompt) if self.reprompt else None
        return respond(handler_input, f"{disclaimer(handler_input)} {sp.line(self.line)}", reprompt)


class HelpIntentHandler(Handler):
    """General help; features register their own help for their mode ahead of this one."""

    rule = when(Intent.HELP)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        speech = f"{sp.line('help.general')} {disclaimer(handler_input)} {sp.line('prompt.short')}"
        return respond(handler_input, speech, sp.line("reprompt.main"))


class StopOrCancelIntentHandler(Handler):
    rule = when(Intent.STOP, Intent.CANCEL, Intent.NAVIGATE_HOME)

    def handle(self, handler_input: HandlerInput) -> Response:
        clear_activity(handler_input)
        return respond(handler_input, ctx(handler_input).speech.line("goodbye"), None)


class YesNoWithoutOfferHandler(Handler):
    """A yes or no when nothing was offered (features handle the ones they asked for)."""

    rule = when(Intent.YES, Intent.NO)

    def handle(self, handler_input: HandlerInput) -> Response:
        session(handler_input).pop(OFFER, None)
        sp = ctx(handler_input).speech
        if intent_of(handler_input) is not Intent.NO:
            return main_menu(handler_input, sp.line("yes.nothing_offered"))
        if session(handler_input).get(MODE):
            clear_activity(handler_input)
            return main_menu(handler_input, sp.line("no.nothing_offered"))
        # "No" to "what would you like?": nothing, so say goodbye rather than ask again.
        clear_activity(handler_input)
        return respond(handler_input, f"{sp.line('no.nothing_offered')} {sp.line('goodbye')}", None)


class MisheardInterceptor(AbstractRequestInterceptor):
    """Moves "the last answer was a sorry" out of the session, so it lives one turn."""

    def process(self, handler_input: HandlerInput) -> None:
        said = bool(session(handler_input).pop(Key.MISHEARD, False))
        handler_input.attributes_manager.request_attributes[Key.MISHEARD] = said


class FallbackIntentHandler(Handler):
    """Alexa's fallback, and any intent this skill has no handler for. A second one in a
    row is not a second "sorry": the person is lost, so the menu in the plainest words,
    with what to say for each."""

    rule = request("IntentRequest")

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        if handler_input.attributes_manager.request_attributes.get(Key.MISHEARD):
            session(handler_input).pop(OFFER, None)
            return respond(handler_input, sp.line("fallback.again"), sp.line("reprompt.main"))
        session(handler_input)[Key.MISHEARD] = True
        return main_menu(handler_input, sp.line("fallback"))


class SessionEndedRequestHandler(Handler):
    rule = request("SessionEndedRequest")

    def handle(self, handler_input: HandlerInput) -> Response:
        # The reason is logged (never user content); Alexa accepts no speech here.
        req = handler_input.request_envelope.request
        log.info("session ended", extra={"reason": str(getattr(req, "reason", None))})
        return handler_input.response_builder.response


class UnknownRequestHandler(Handler):
    """Any other request type (display events, playback events...): answer quietly."""

    rule = Rule(lambda hi: True)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class ThanksHandler(Handler):
    """ "Thanks": a short welcome, then what was open carries on (the next set in a
    workout, the menu otherwise). A feature's open question that must be answered (the
    symptom check, a pain score) handles it first, as an unclear answer."""

    rule = when(Intent.THANKS)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        if mode(handler_input) is Mode.WORKOUT:
            speech = f"{sp.line('thanks.reply')} {sp.line('set.when_ready')}"
            return respond(handler_input, speech, sp.line("reprompt.set"))
        return main_menu(handler_input, sp.line("thanks.reply"))


class AboutHandler(Handler):
    """ "What is this?", "are you a doctor?", "who made you?": what the skill is and is not,
    with the short disclaimer (it is a help path). "Are you a doctor?" got the see-a-doctor
    answer; the others got "that's one I can't answer yet". A workout carries on after."""

    rule = when(Intent.ABOUT)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        about = f"{sp.line('about.what')} {disclaimer(handler_input)}"
        if mode(handler_input) is Mode.WORKOUT:
            return respond(
                handler_input, f"{about} {sp.line('set.when_ready')}", sp.line("reprompt.set")
            )
        return respond(
            handler_input, f"{about} {sp.line('prompt.short')}", sp.line("reprompt.main")
        )


def handlers() -> list[AbstractRequestHandler]:
    """The frame's handlers, in order; the skill adds them after every feature's."""
    return [
        LaunchRequestHandler(),
        HelpIntentHandler(),
        StopOrCancelIntentHandler(),
        YesNoWithoutOfferHandler(),
        ThanksHandler(),
        AboutHandler(),
        SessionEndedRequestHandler(),
        FallbackIntentHandler(),
        UnknownRequestHandler(),
    ]
