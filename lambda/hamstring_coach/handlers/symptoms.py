"""The symptom check and "tendinopathy or strain?": one question a turn, yes / no / not sure.

The question state lives in session attributes with AMAZON.YesIntent, AMAZON.NoIntent and
UnsureIntent (a yes/no answer after Dialog.ElicitSlot arrives as AMAZON.YesIntent anyway,
so a dialog model would not help). The answers stay in the session only: they are never
logged and never stored. Only the conclusion is recorded in progress, as its level and date.
Leaving the check any other way (stop, another request, a new session) records nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler, AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, is_request_type
from ask_sdk_model import Response

from hamstring_coach.domain import triage
from hamstring_coach.domain.errors import StoreUnavailableError
from hamstring_coach.domain.triage import Answer, Level, Pattern, QuestionSet, Result
from hamstring_coach.handlers.base import (
    MODE,
    OFFER,
    clear_activity,
    ctx,
    find_ctx,
    session,
    slot_id,
)
from hamstring_coach.handlers.display import respond, text_card
from hamstring_coach.handlers.routing import Handler, Rule, intent_of, when
from hamstring_coach.handlers.state import Key, Mode, Offer
from hamstring_coach.intents import Intent
from hamstring_coach.observability import conceal_intent
from hamstring_coach.voice.speech import Speech

log = logging.getLogger(__name__)

CHECK_MODE = Mode.SYMPTOM_CHECK
STATE = Key.SYMPTOM_CHECK  # {"compare": bool, "answers": {...}, "asking": id}

START_INTENTS = (Intent.SYMPTOM_CHECK, Intent.CONDITION_COMPARE)
ANSWERS = {Intent.YES: Answer.YES, Intent.NO: Answer.NO, Intent.UNSURE: Answer.UNSURE}
STOP_INTENTS = (Intent.STOP, Intent.CANCEL, Intent.NAVIGATE_HOME)
# Requests the check answers itself. Any other request leaves the check (see below).
CHECK_INTENTS = frozenset(
    {
        *START_INTENTS,
        *ANSWERS,
        *STOP_INTENTS,
        Intent.HELP,
        Intent.REPEAT,
        Intent.FALLBACK,
        Intent.START_OVER,
    }
)
# What an answer turn is called in logs and metrics instead of its yes / no / not-sure intent.
ANSWER_TURN = "SymptomCheckAnswer"
POP_SLOT = "symptom"
POP_ID = "pop"


def _questions(handler_input: HandlerInput) -> QuestionSet:
    return ctx(handler_input).view.questions


def _state(handler_input: HandlerInput) -> dict[str, Any] | None:
    """The check in progress, or None when the user is not in the middle of one."""
    attrs = session(handler_input)
    state = attrs.get(STATE)
    if attrs.get(MODE) != CHECK_MODE or not isinstance(state, dict):
        return None
    if not isinstance(state.get("answers"), dict) or not isinstance(state.get("asking"), str):
        return None
    return state


# A check is in progress (its state is in the session and well formed).
IN_CHECK = Rule(lambda hi: _state(hi) is not None)


def drop_check(handler_input: HandlerInput) -> None:
    """Forget a check in progress: its answers go, and nothing was recorded."""
    attrs = session(handler_input)
    attrs.pop(STATE, None)
    if attrs.get(MODE) == CHECK_MODE:
        clear_activity(handler_input)


def _emergency_number(sp: Speech) -> str:
    return sp.first("emergency_number")


def _ask_next(
    handler_input: HandlerInput, state: dict[str, Any], lead: str, settled_by: str = ""
) -> Response:
    """The next question after `lead`, or the outcome after `settled_by` (said before it
    only when the last answer needs saying back: a "not sure" counted as a yes)."""
    questions = _questions(handler_input)
    compare = bool(state.get("compare"))
    answers = triage.parse_answers(state.get("answers") or {}, questions)
    question = triage.next_question(answers, questions, compare)
    if question is None:
        result = triage.conclude(answers, questions, compare)
        return _conclude(handler_input, result, compare, settled_by)
    attrs = session(handler_input)
    attrs[MODE] = CHECK_MODE
    attrs.pop(OFFER, None)
    attrs[STATE] = {
        "compare": compare,
        "answers": {qid: a.value for qid, a in answers.items()},
        "asking": question.id,
    }
    return _pose(handler_input, question.ask, lead)


def _pose(handler_input: HandlerInput, question: str, lead: str = "") -> Response:
    sp = ctx(handler_input).speech
    return respond(
        handler_input,
        f"{lead} {question}".strip(),
        f"{question} {sp.line('triage.reprompt')}",
    )


def outcome_speech(sp: Speech, result: Result, compare: bool) -> str:
    """The advice for a finished check: what it resembles (comparison), what to do, and
    that it is not a diagnosis (every outcome line says so)."""
    parts: list[str] = []
    if compare and result.level is not Level.EMERGENCY:
        if result.pattern is Pattern.TENDINOPATHY:
            parts.append(sp.line("triage.compare.tendinopathy"))
        elif result.pattern is Pattern.STRAIN:
            parts.append(sp.line("triage.compare.strain"))
        elif result.pattern is Pattern.MIXED:
            parts.append(sp.line("triage.compare.mixed"))
        else:
            parts.append(sp.line("triage.compare.skipped"))
    reason = result.reason.why if result.reason and result.reason.why else ""
    if result.level is Level.EMERGENCY:
        parts.append(sp.line("triage.outcome.emergency", emergency_number=_emergency_number(sp)))
    elif result.level is Level.URGENT:
        parts.append(sp.line("triage.outcome.urgent", reason=reason))
    elif result.level is Level.SOON:
        if result.pattern is Pattern.STRAIN:
            reason = sp.first("triage.reason.strain")
        elif result.pattern is Pattern.MIXED:
            reason = sp.first("triage.reason.mixed")
        parts.append(sp.line("triage.outcome.soon", reason=reason))
    else:
        parts.append(sp.line("triage.outcome.self_care"))
    return " ".join(parts)


def _conclude(
    handler_input: HandlerInput, result: Result, compare: bool, lead: str = ""
) -> Response:
    """Say the outcome. `lead` acknowledges the last answer ("I'll count that as a yes"),
    so a "not sure" that settled it is heard as such; an emergency goes straight to it."""
    c = ctx(handler_input)
    drop_check(handler_input)
    sp = c.speech
    advice = outcome_speech(sp, result, compare)
    spoken = advice if result.level is Level.EMERGENCY else f"{lead} {advice}".strip()
    try:
        c.turn.record(triage.result_event(result.level, c.today.isoformat()))
    except StoreUnavailableError:
        # The advice matters more than remembering it: say it even if progress is out of
        # reach (the level is not logged: it is health information).
        log.warning("symptom check result not recorded: store unavailable")
    c.signal(f"triage_{result.level.key}", health=True)
    card = text_card(sp.first("triage.card.title"), advice)
    if result.level >= Level.URGENT:
        # Nothing else should follow this advice: the session ends and the card keeps it.
        return respond(handler_input, spoken, None, card=card)
    # What comes next: not another check, just had, but today's exercises (a yes hears
    # them; anything else is still open to ask).
    session(handler_input)[OFFER] = Offer.TODAYS_PLAN
    return respond(
        handler_input,
        f"{spoken} {sp.line('triage.next')}",
        sp.line("triage.next.reprompt"),
        card=card,
    )


def begin(handler_input: HandlerInput, compare: bool = False, pop: bool = False) -> Response:
    """Start a check (or the tendinopathy-or-strain comparison) from its first question.

    `pop`: the user said they felt a pop, so that answer is already given. Only what the
    user actually said counts; nothing is inferred. The entry point for other features
    too (the FAQ hands over here when the user accepts its offer of a check).
    """
    c = ctx(handler_input)
    drop_check(handler_input)
    clear_activity(handler_input)
    answers: dict[str, str] = {}
    sp = c.speech
    if pop and not compare:
        answers["pop"] = Answer.YES.value
        lead = sp.line("triage.intro.pop")
    elif compare:
        lead = sp.line("triage.intro.compare")
    else:
        lead = sp.line("triage.intro")
    c.signal("triage_started")
    return _ask_next(handler_input, {"compare": compare, "answers": answers}, lead)


class StartSymptomCheckHandler(Handler):
    """'Should I see a doctor?', 'I felt a pop', 'is it tendinopathy or a strain?'."""

    rule = when(*START_INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        compare = intent_of(handler_input) is Intent.CONDITION_COMPARE
        pop = slot_id(handler_input, POP_SLOT) == POP_ID
        return begin(handler_input, compare=compare, pop=pop)


class AnswerHandler(Handler):
    """Yes, no or not sure to the question just asked."""

    rule = IN_CHECK & when(*ANSWERS)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = _state(handler_input)
        assert state is not None
        said = intent_of(handler_input)
        assert said is not None
        answer = ANSWERS[said]
        answers = dict(state["answers"])
        answers[state["asking"]] = answer.value
        sp = ctx(handler_input).speech
        unsure = answer is Answer.UNSURE
        lead = sp.line("triage.ack.unsure") if unsure else sp.line("triage.ack")
        state = {**state, "answers": answers}
        return _ask_next(handler_input, state, lead, settled_by=lead if unsure else "")


class _StaleCheckError(Exception):
    """The question being asked is no longer in the content (it changed mid-session)."""


def _current_question(handler_input: HandlerInput, state: dict[str, Any]) -> str:
    question = _questions(handler_input).get(state["asking"])
    if question is None:
        raise _StaleCheckError
    return question.ask


class InCheckHandler(Handler):
    """The current question again, after a lead line (none for repeat)."""

    def __init__(self, rule: Rule, lead: str | None = None) -> None:
        self.rule = rule  # type: ignore[misc]
        self.lead = lead

    def handle(self, handler_input: HandlerInput) -> Response:
        state = _state(handler_input)
        assert state is not None
        try:
            question = _current_question(handler_input, state)
        except _StaleCheckError:
            # Carry on with the next question the current content asks; answers to
            # questions it no longer has are dropped by parse_answers.
            return _ask_next(handler_input, {**state, "asking": ""}, "")
        lead = ctx(handler_input).speech.line(self.lead) if self.lead else ""
        return _pose(handler_input, question, lead)


# Help, repeat (the current question again, nothing else) and fallback in a check.
CHECK_HELP = InCheckHandler(IN_CHECK & when(Intent.HELP), "triage.help")
CHECK_REPEAT = InCheckHandler(IN_CHECK & when(Intent.REPEAT))
CHECK_FALLBACK = InCheckHandler(IN_CHECK & when(Intent.FALLBACK), "triage.fallback")


class CheckStartOverHandler(Handler):
    """Start over: the same check from its first question, earlier answers forgotten."""

    rule = IN_CHECK & when(Intent.START_OVER)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = _state(handler_input)
        assert state is not None
        compare = bool(state.get("compare"))
        sp = ctx(handler_input).speech
        lead = sp.line("triage.intro.compare") if compare else sp.line("triage.intro")
        return _ask_next(handler_input, {"compare": compare, "answers": {}}, lead)


class CheckStopHandler(Handler):
    """Stop mid-check: end without a conclusion, but with the emergency reminder."""

    rule = IN_CHECK & when(*STOP_INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        drop_check(handler_input)
        c = ctx(handler_input)
        c.signal("triage_stopped")
        sp = c.speech
        return respond(
            handler_input, sp.line("triage.stopped", emergency_number=_emergency_number(sp)), None
        )


class CheckTurnInterceptor(AbstractRequestInterceptor):
    """Runs before any handler while a check is in progress.

    Any request the check does not answer itself ends the check first: so a "yes" or "no"
    meant for something else later can never be taken as a red-flag answer, and nothing
    half-made is left behind (nothing is recorded until the end). A new session never
    continues an old check. And an answer's intent name is kept out of the turn's log.
    """

    def process(self, handler_input: HandlerInput) -> None:
        attrs = session(handler_input)
        if STATE not in attrs and attrs.get(MODE) != CHECK_MODE:
            return
        envelope = handler_input.request_envelope
        new_session = bool(getattr(envelope.session, "new", False))
        intent = (
            get_intent_name(handler_input)
            if is_request_type("IntentRequest")(handler_input)
            else None
        )
        if new_session or intent not in CHECK_INTENTS or _state(handler_input) is None:
            drop_check(handler_input)
            c = find_ctx(handler_input)
            if c is not None:
                c.signal("triage_left")
        elif intent in ANSWERS:
            # Logged turn by turn, yes / no / not sure would spell out the answers.
            conceal_intent(ANSWER_TURN)


def handlers() -> list[AbstractRequestHandler]:
    """Most specific first: in-check answers before the check's start."""
    return [
        AnswerHandler(),
        CHECK_HELP,
        CHECK_REPEAT,
        CHECK_FALLBACK,
        CheckStartOverHandler(),
        CheckStopHandler(),
        StartSymptomCheckHandler(),
    ]


def interceptors() -> list[AbstractRequestInterceptor]:
    return [CheckTurnInterceptor()]
