"""The symptom check and "tendinopathy or strain?": one question a turn, yes / no / not sure.

The question state lives in session attributes with AMAZON.YesIntent, AMAZON.NoIntent and
UnsureIntent (a yes/no answer after Dialog.ElicitSlot arrives as AMAZON.YesIntent anyway,
so a dialog model would not help). The answers stay in the session only: they are never
logged and never stored. An emergency or urgent conclusion pauses the program (a plain
flag, lifted only when the person says they have been seen); nothing else is recorded.

A check never drops out: while it is open, every request is the check's. Yes-ish and
no-ish phrases answer; repeat, "go back" and "what was the question" repeat it; "why do you
ask" / "is that normal" get one line of reason, then the question; a statement with a red
flag counts as a yes to that flag's question; stop and cancel end it with the safety line;
anything else waits ("let's finish these questions first"). Only a new session leaves it.

The same machinery runs the short screen before a first workout (emergency questions, then
whether the pain came on gradually).
"""

from __future__ import annotations

import logging
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler, AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, is_request_type
from ask_sdk_model import Response

from hamstring_coach.domain import triage
from hamstring_coach.domain.answers import story_answer
from hamstring_coach.domain.errors import StoreUnavailableError
from hamstring_coach.domain.red_flags import RedFlag
from hamstring_coach.domain.triage import Answer, Level, Pattern, QuestionSet, Result
from hamstring_coach.handlers.base import (
    MODE,
    OFFER,
    clear_activity,
    ctx,
    find_ctx,
    session,
    slot_id,
    slot_value,
)
from hamstring_coach.handlers.display import respond, text_card
from hamstring_coach.handlers.routing import Handler, Rule, intent_of, request, when
from hamstring_coach.handlers.said import CARRIER_MEANING, statement_of
from hamstring_coach.handlers.state import Key, Mode, Offer
from hamstring_coach.intents import Intent
from hamstring_coach.observability import conceal_intent
from hamstring_coach.voice.speech import Speech

log = logging.getLogger(__name__)

CHECK_MODE = Mode.SYMPTOM_CHECK
STATE = Key.SYMPTOM_CHECK  # {"compare": bool, "answers": {...}, "asking": id}

START_INTENTS = (Intent.SYMPTOM_CHECK, Intent.CONDITION_COMPARE)
ANSWERS = {Intent.YES: Answer.YES, Intent.NO: Answer.NO, Intent.UNSURE: Answer.UNSURE}
# "I'm done" mid-check is a person leaving: the check ends with the short safety line.
STOP_INTENTS = (Intent.STOP, Intent.CANCEL, Intent.NAVIGATE_HOME, Intent.IM_DONE)
# What a person says about their symptoms (see handlers/statements.py): in a check, a red
# flag in it is a yes to that flag's question.
# Every intent whose carrier phrase said.py knows (a statement may also come through the
# FAQ's carriers, "my {query}", "I can't {query}"), and terse ones ("foot drop").
STATEMENT_INTENTS = (*CARRIER_MEANING, Intent.SYMPTOM_NAME)
# What an answer turn is called in logs and metrics instead of its yes / no / not-sure intent
# (or the statement that answered).
ANSWER_TURN = "SymptomCheckAnswer"
POP_SLOT = "symptom"
POP_ID = "pop"


def _questions(handler_input: HandlerInput, state: dict[str, Any] | None = None) -> QuestionSet:
    questions = ctx(handler_input).view.questions
    if state is not None and state.get("screen"):
        return triage.screen_questions(questions)
    return questions


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
# "I felt a {symptom}" with words that name no known symptom ("I felt a stretch in my
# hamstring during the bridge", "I felt a pop years ago but that healed fine"): a statement
# for the red-flag matcher (handlers/statements.py), not a request for the check.
UNKNOWN_SYMPTOM = Rule(
    lambda hi: (
        intent_of(hi) is Intent.SYMPTOM_CHECK
        and slot_value(hi, POP_SLOT) is not None
        and slot_id(hi, POP_SLOT) is None
    )
)


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
    questions = _questions(handler_input, state)
    screen = bool(state.get("screen"))
    compare = bool(state.get("compare")) or screen
    answers = triage.parse_answers(state.get("answers") or {}, questions)
    question = triage.next_question(answers, questions, compare)
    if question is None:
        if screen:
            return _screened(handler_input, triage.screen_result(answers, questions), settled_by)
        result = triage.conclude(answers, questions, compare)
        return _conclude(handler_input, result, compare, settled_by)
    attrs = session(handler_input)
    attrs[MODE] = CHECK_MODE
    attrs.pop(OFFER, None)
    attrs[STATE] = {
        "compare": compare,
        "answers": {qid: a.value for qid, a in answers.items()},
        "asking": question.id,
        **({"screen": True} if screen else {}),
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
        if result.pattern is Pattern.STRAIN:
            # A fresh strain wants first aid and grading, not a loading program.
            parts.append(sp.line("triage.first_aid"))
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
    hold(handler_input, result.level)  # the level itself is never logged: health information
    c.signal(f"triage_{result.level.key}", health=True)
    card = text_card(sp.first("triage.card.title"), advice)
    if result.level >= Level.URGENT:
        # Nothing else should follow this advice: the session ends and the card keeps it.
        return respond(handler_input, spoken, None, card=card)
    if result.pattern is Pattern.STRAIN:
        # No loading program offered today: first aid, then any question.
        return respond(
            handler_input,
            f"{spoken} {sp.line('triage.first_aid.next')}",
            sp.line("triage.first_aid.reprompt"),
            card=card,
        )
    if result.level is Level.SOON:
        spoken = f"{spoken} {sp.line('triage.soon.remind')}"
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


def begin_screen(handler_input: HandlerInput) -> Response:
    """The short safety screen before a first workout (see domain triage.screen_questions)."""
    c = ctx(handler_input)
    drop_check(handler_input)
    clear_activity(handler_input)
    c.signal("screen_started")
    state = {"compare": True, "screen": True, "answers": {}}
    return _ask_next(handler_input, state, c.speech.line("screen.intro"))


def _screened(handler_input: HandlerInput, result: Result, lead: str = "") -> Response:
    """The screen's outcome: an emergency as from any check (and the program paused); else
    the note on confirming the diagnosis, and the first session offered."""
    if result.level >= Level.URGENT:
        return _conclude(handler_input, result, compare=False, lead=lead)
    c = ctx(handler_input)
    drop_check(handler_input)
    c.turn.record({"type": triage.SCREENED})
    c.signal("screen_done")
    sp = c.speech
    note = sp.line("screen.clear") if result.level is Level.SELF_CARE else sp.line("screen.gradual")
    session(handler_input)[OFFER] = Offer.START_WORKOUT
    return respond(
        handler_input,
        f"{lead} {note} {sp.line('screen.start')}".strip(),
        sp.line("screen.start.reprompt"),
    )


def hold(handler_input: HandlerInput, level: Level) -> bool:
    """What a red flag at `level` does to the program, however it reached safety advice (a
    statement, a question through the FAQ, a finished check): at emergency or urgent the
    program is paused until the person says they have been seen. Only the plain flag is
    stored (triage.result_events), under either health-data profile. True when paused."""
    events = triage.result_events(level)
    try:
        for event in events:
            ctx(handler_input).turn.record(event)
    except StoreUnavailableError:
        # The advice matters more than remembering it: it is said all the same.
        log.warning("red-flag pause not recorded: store unavailable")
    return bool(events)


def flag_response(handler_input: HandlerInput, flag: RedFlag, *, theirs: bool = False) -> Response:
    """A statement (not in a check) raised a red flag: the advice at its level, naming who
    to see, and at emergency or urgent the program paused until the person has been seen.
    Urgent and soon also offer the check; an emergency ends the session. A flag said only
    of someone else (`theirs`) gets `their_flag_response`."""
    c = ctx(handler_input)
    sp = c.speech
    if theirs:
        return their_flag_response(handler_input, flag)
    c.signal(f"red_flag_{flag.level.key}", health=True)
    drop_check(handler_input)
    clear_activity(handler_input)
    hold(handler_input, flag.level)
    advice = sp.line(f"safety.flag.{flag.level.key}", emergency_number=_emergency_number(sp))
    card = text_card(sp.first("safety.card.title"), advice)
    if flag.level is Level.EMERGENCY:
        return respond(handler_input, advice, None, card=card)
    session(handler_input)[OFFER] = Offer.SYMPTOM_CHECK
    return respond(
        handler_input,
        f"{advice} {sp.line('safety.flag.offer')}",
        sp.line("safety.flag.reprompt"),
        card=card,
    )


def their_flag_response(handler_input: HandlerInput, flag: RedFlag) -> Response:
    """A red flag said only of someone else ("my mum can't feel her bottom"): advice that
    THEY be seen at the flag's level. The person's own program is not paused and nothing is
    stored (it is not their health data), and no check is offered: it asks about the
    person's own hamstring. Only signs that need seeing to in anyone reach here (content
    `anyone` or `anyone_if`; who16: also soon ones said with their pain)."""
    c = ctx(handler_input)
    sp = c.speech
    c.signal("red_flag_theirs")
    drop_check(handler_input)
    clear_activity(handler_input)
    # (who16) A soon sign of theirs (a relative's cancer with their pain now) is booked, not
    # seen within a day or two; the urgent line stays for anything above it.
    key = {Level.EMERGENCY: "emergency", Level.SOON: "soon"}.get(flag.level, "urgent")
    advice = sp.line(f"safety.flag.theirs.{key}", emergency_number=_emergency_number(sp))
    card = text_card(sp.first("safety.card.title"), advice)
    return respond(handler_input, advice, None, card=card)


class StartSymptomCheckHandler(Handler):
    """'Should I see a doctor?', 'I felt a pop', 'is it tendinopathy or a strain?'."""

    rule = when(*START_INTENTS) & ~UNKNOWN_SYMPTOM

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
        return self.record(handler_input, state, ANSWERS[said])

    @staticmethod
    def record(handler_input: HandlerInput, state: dict[str, Any], answer: Answer) -> Response:
        """The answer to the question being asked, then the next question or the outcome."""
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
    question = _questions(handler_input, state).get(state["asking"])
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


# Help, repeat / go back / "what was the question" (the current question again, nothing
# else), and fallback in a check.
CHECK_HELP = InCheckHandler(IN_CHECK & when(Intent.HELP), "triage.help")
CHECK_REPEAT = InCheckHandler(IN_CHECK & when(Intent.REPEAT, Intent.PREVIOUS))
# A number ("two"), "better" or "the first one" is an attempt at an answer, not another
# request to hold off: "I need yes, no, or not sure", not "let's finish the check first".
CHECK_FALLBACK = InCheckHandler(
    IN_CHECK
    & when(
        Intent.FALLBACK,
        Intent.PAIN_REPORT,
        Intent.NO_PAIN,
        Intent.MORNING_COMPARE,
        Intent.ORDINAL_CHOICE,
        Intent.TOO_HARD,
    ),
    "triage.unclear",
)
# Anything else waits until the check ends, and the skill says so. Last of the check's.
CHECK_WAIT = InCheckHandler(IN_CHECK & request("IntentRequest"), "triage.wait")


class CheckWhyHandler(Handler):
    """ "Why do you ask?" / "is that normal?": one line of reason, then the same question."""

    rule = IN_CHECK & when(Intent.WHY_ASK)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = _state(handler_input)
        assert state is not None
        question = _questions(handler_input, state).get(state["asking"])
        if question is None:
            return _ask_next(handler_input, {**state, "asking": ""}, "")
        sp = ctx(handler_input).speech
        lead = f"{sp.line('triage.why.lead')} {question.because}" if question.because else ""
        return _pose(handler_input, question.ask, lead)


class CheckStatementHandler(Handler):
    """Something said about symptoms mid-check. A red flag in it is a yes to that flag's
    question (over-triage beats under-triage); anything else gets "yes, no, or not sure"."""

    rule = IN_CHECK & when(*STATEMENT_INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = _state(handler_input)
        assert state is not None
        sp = ctx(handler_input).speech
        said = statement_of(handler_input)
        flag, theirs = ctx(handler_input).view.faq.flags.assess_whose(said)
        if flag is not None and theirs:
            # (conv17) Someone else's sign ("my dad can't feel his legs") is no answer to the
            # person's own check: advice that THEY be seen, nothing held for the person.
            return their_flag_response(handler_input, flag)
        questions = _questions(handler_input, state)
        if flag is not None and flag.question and questions.get(flag.question) is not None:
            answers = {**state["answers"], flag.question: Answer.YES.value}
            lead = sp.line("triage.noted_flag")
            return _ask_next(handler_input, {**state, "answers": answers}, lead, settled_by=lead)
        if flag is not None and flag.level > Level.SOON:
            # A red flag the screen does not ask about: the full check takes over.
            return _ask_next(
                handler_input,
                {"compare": False, "answers": {}},
                sp.line("triage.noted_flag"),
            )
        question = questions.get(str(state.get("asking", "")))
        if flag is None and question is not None:
            # A story that answers the question in its own words ("well it crept up on me
            # over a couple of months" to "did it build up slowly?") is that answer; it
            # was asked again without end.
            words = ctx(handler_input).view.faq.answer_words
            heard = story_answer(said, question.said_yes, question.said_no, words.negations)
            if heard is not None:
                return AnswerHandler.record(handler_input, state, Answer(heard))
        return CHECK_FALLBACK.handle(handler_input)


class CheckStartOverHandler(Handler):
    """Start over: the same check from its first question, earlier answers forgotten."""

    rule = IN_CHECK & when(Intent.START_OVER)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = _state(handler_input)
        assert state is not None
        compare = bool(state.get("compare"))
        sp = ctx(handler_input).speech
        if state.get("screen"):
            return _ask_next(handler_input, {**state, "answers": {}}, sp.line("screen.intro"))
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


class CheckOfferYesHandler(Handler):
    """Yes to the check offered after red-flag advice or severe pain."""

    rule = when(Intent.YES, offer=Offer.SYMPTOM_CHECK)

    def handle(self, handler_input: HandlerInput) -> Response:
        return begin(handler_input)


class CheckOfferNoHandler(Handler):
    """No to that offer (outside the FAQ, which answers its own): the way back in."""

    rule = when(Intent.NO, mode=None, offer=Offer.SYMPTOM_CHECK)

    def handle(self, handler_input: HandlerInput) -> Response:
        clear_activity(handler_input)
        sp = ctx(handler_input).speech
        return respond(handler_input, sp.line("safety.check_declined"), None)


class CheckTurnInterceptor(AbstractRequestInterceptor):
    """Runs before any handler while a check is in progress.

    A new session never continues an old check (nor does a malformed one): it is dropped,
    and nothing half-made is left behind (nothing is recorded until the end). Within the
    session every request is the check's (see the handlers). An answer's intent name is
    kept out of the turn's log.
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
        if new_session or _state(handler_input) is None:
            drop_check(handler_input)
            c = find_ctx(handler_input)
            if c is not None:
                c.signal("triage_left")
        elif intent in ANSWERS or intent in STATEMENT_INTENTS:
            # Logged turn by turn, yes / no / not sure would spell out the answers.
            conceal_intent(ANSWER_TURN)


def handlers() -> list[AbstractRequestHandler]:
    """Most specific first: in-check answers before the check's start."""
    return [
        AnswerHandler(),
        CHECK_HELP,
        CHECK_REPEAT,
        CHECK_FALLBACK,
        CheckWhyHandler(),
        CheckStatementHandler(),
        CheckStartOverHandler(),
        CheckStopHandler(),
        StartSymptomCheckHandler(),
        CHECK_WAIT,
        CheckOfferYesHandler(),
        CheckOfferNoHandler(),
    ]


def interceptors() -> list[AbstractRequestInterceptor]:
    return [CheckTurnInterceptor()]
