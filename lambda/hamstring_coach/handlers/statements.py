"""What a person says about their symptoms, and saying they have been seen.

"I can't put weight on it", "my leg gave way", "foot drop": red flags first, always (see
domain/red_flags.py); a statement with a red flag gets the advice at its level and, at
emergency or urgent, pauses the program. A statement with none is answered like a question
(it usually is one: "my sit bone aches when I sit"). "My doctor cleared me" lifts a pause:
only the person can, never the calendar.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler, AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.intent_request import IntentRequest

from hamstring_coach.domain import triage
from hamstring_coach.domain.clearance import says_cleared
from hamstring_coach.domain.program import morning_skip, program_paused
from hamstring_coach.handlers import faq, symptoms
from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.core import main_menu
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.routing import Handler, intent_of, when
from hamstring_coach.handlers.said import NAME_OPENERS, statement_of
from hamstring_coach.handlers.state import Key, Mode, Offer, mode, session, set_mode
from hamstring_coach.intents import Intent
from hamstring_coach.observability import conceal_intent

# What a statement turn is called in logs and metrics: its intent would name the symptom or
# the body part ("ReportBladderIntent"), which is health information.
STATEMENT_TURN = "SymptomStatement"

# A feature waiting for an answer of its own (a pain score, "worse, the same or better"):
# a statement with no red flag is not that answer ("feeling better", "pain's about two"
# arrive as statements by their first word), so it hears that feature's "unclear" line and
# its question again, as anything else unclear would.
AWAITING = {
    Mode.MORNING_CHECK: ("morning.unclear", "reprompt.morning"),
    Mode.PAIN_CHECK: ("pain.unsure", "reprompt.pain"),
    Mode.REMINDER_TIME: ("reminder.invalid_time", "reminder.ask_time.reprompt"),
    # Mid-workout, a statement with no red flag ("that hurts", "I can't do this one") is
    # about the exercise in hand: the pain rule and the workout's ways out answer it.
    Mode.WORKOUT: ("workout.hurts", "reprompt.set"),
}


# The FAQ's own carriers: outside a check the question handler reads them (red flags first).
FAQ_CARRIERS = (
    Intent.QUESTION,
    Intent.MORE_QUESTION,
    Intent.OK_QUESTION,
    Intent.NORMAL_QUESTION,
    Intent.THEIR_QUESTION,
    Intent.THEIR_OPENER,
    *NAME_OPENERS,  # (rf18b) "Anita says ...", "Tom's calf ...": a first name said first
)


class StatementHandler(Handler):
    """A statement about symptoms (also "I can't ...", which the FAQ's carriers share: a
    red flag there pauses the program like any other statement)."""

    rule = (
        when(*(i for i in symptoms.STATEMENT_INTENTS if i not in FAQ_CARRIERS))
        | symptoms.UNKNOWN_SYMPTOM
    )

    def handle(self, handler_input: HandlerInput) -> Response:
        conceal_intent(STATEMENT_TURN)
        text = statement_of(handler_input)
        if not text:
            sp = ctx(handler_input).speech
            return respond(handler_input, sp.line("faq.ask"), sp.line("faq.ask.reprompt"))
        flags = faq.view(handler_input).flags
        flag, theirs = flags.assess_whose(text)
        if flag is not None:
            both = None if theirs else faq.booked_and_answered(handler_input, text, flag)
            return both or symptoms.flag_response(handler_input, flag, theirs=theirs)
        now = mode(handler_input)
        awaiting = AWAITING.get(now) if now is not None else None
        if awaiting is not None:
            session(handler_input).pop(Key.FAQ_TOPIC, None)  # no topic for "tell me more" now
            sp = ctx(handler_input).speech
            return respond(handler_input, sp.line(awaiting[0]), sp.line(awaiting[1]))
        return faq.respond_to_question(handler_input, text)


class BeenSeenHandler(Handler):
    """ "My doctor cleared me", "I saw a physio": the pause ends, today's plan is offered."""

    rule = when(Intent.BEEN_SEEN)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        if program_paused(c.turn.progress):
            c.turn.record(triage.resumed_event())
            # A morning answer still owed for a session before the pause means nothing now
            # (an injury and a visit lie between): it is closed, so "today's exercises" after
            # the all-clear starts gently at the held load instead of asking about that day.
            if (skipped := morning_skip(c.turn.progress, c.today)) is not None:
                c.turn.record(skipped)
            c.signal("pause_lifted")
            lead = sp.line("safety.cleared")
        else:
            lead = sp.line("safety.cleared.not_paused")
        set_mode(handler_input, None, Offer.TODAYS_PLAN)
        return respond(
            handler_input,
            f"{lead} {sp.line('safety.cleared.offer')}",
            sp.line("safety.cleared.reprompt"),
        )


class WhyAskHandler(Handler):
    """ "Why do you ask?" with no check open (in a check, the check answers it)."""

    rule = when(Intent.WHY_ASK)

    def handle(self, handler_input: HandlerInput) -> Response:
        return main_menu(handler_input, ctx(handler_input).speech.line("safety.why.outside"))


# (conv18) Carriers whose words may tell that a professional has let the person carry on.
CLEARANCE_CARRIERS = frozenset(
    {*symptoms.STATEMENT_INTENTS, *FAQ_CARRIERS, Intent.POLITE_QUESTION, Intent.WHEN_TO_SEE_DOCTOR}
)


class ClearedInWordsInterceptor(AbstractRequestInterceptor):
    """(conv18) "The physio saw me Thursday, she said nothing's torn and I'm cleared to do my
    exercises": while the program is paused, a statement that names a professional and
    their go-ahead (domain/clearance.py) is "I've been checked", handed on as BeenSeenIntent.
    Read as a question it got a topic and the hold stayed on, trapping someone who had done
    what was asked. A red flag in the same words is heard first (nothing is handed on); the
    symptom check reads its own answers."""

    def process(self, handler_input: HandlerInput) -> None:
        request = handler_input.request_envelope.request
        if not isinstance(request, IntentRequest) or request.intent is None:
            return
        if intent_of(handler_input) not in CLEARANCE_CARRIERS:
            return
        if mode(handler_input) is Mode.SYMPTOM_CHECK:
            return
        text = statement_of(handler_input)
        prepared = faq.view(handler_input)
        known = prepared.clearance
        # Every carrier of the see-a-doctor intent names the professional ("doctor says I'm
        # fine" leaves "says I'm fine"); a question's carrier may have ("my physio {query}").
        named = intent_of(handler_input) is Intent.WHEN_TO_SEE_DOCTOR or (
            intent_of(handler_input) is Intent.QUESTION and known.took_subject(text)
        )
        if not says_cleared(text, known, named) or prepared.flags.assess(text) is not None:
            return
        # Progress is read last: only a turn that says it was seen needs it.
        if not program_paused(ctx(handler_input).turn.progress):
            return
        request.intent.name = Intent.BEEN_SEEN.value
        request.intent.slots = {}


def interceptors() -> list[AbstractRequestInterceptor]:
    return [ClearedInWordsInterceptor()]


def handlers() -> list[AbstractRequestHandler]:
    return [StatementHandler(), BeenSeenHandler(), WhyAskHandler()]
