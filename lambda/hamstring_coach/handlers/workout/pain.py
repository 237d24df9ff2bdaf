"""Pain scores: during the workout (asked after it) and the next morning, and what they
change in the program."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain import events
from hamstring_coach.domain.numbers import score_in, score_said
from hamstring_coach.domain.program import (
    Program,
    morning_skip,
    pain_due,
)
from hamstring_coach.domain.progression import (
    MorningAnswer,
    Review,
    is_pain_score,
    pain_zone,
    review_morning,
    review_pain,
)
from hamstring_coach.domain.triage import severe_pain
from hamstring_coach.handlers.base import ctx, slot_value
from hamstring_coach.handlers.core import HelpLineHandler, main_menu
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.routing import Handler, LineHandler, Rule, in_mode, intent_of, when
from hamstring_coach.handlers.said import statement_of
from hamstring_coach.handlers.state import Key, Mode, Offer, mode, session, set_mode
from hamstring_coach.handlers.workout.common import (
    PAIN_MODES,
    program,
)
from hamstring_coach.handlers.workout.today import plan_response, start_response
from hamstring_coach.intents import Intent
from hamstring_coach.voice.coaching import join_list
from hamstring_coach.voice.speech import Speech


def review_sentence(sp: Speech, prog: Program, review: Review) -> str:
    """What changed and why, in one sentence."""
    why = sp.line(f"why.{review.reason}") if sp.has(f"why.{review.reason}") else ""
    if review.stage_changed:
        stage = prog.stage(review.stage_to).name
        key = "review.stage_up" if review.stage_to > review.stage_from else "review.stage_down"
        return sp.line(key, stage=stage, why=why)
    if review.verdict == "reduce":
        if review.reason == "already_eased":
            return sp.line("review.already_eased")
        if review.floor:
            return sp.line("review.floor", why=why)
        if not review.changes:  # nothing of the last session counted: nothing to ease
            return sp.line("review.reduce_nothing", why=why)
        names = join_list(sp, [prog.exercise(ch.exercise_id).names for ch in review.changes])
        return sp.line("review.reduce", why=why, names=names)
    if review.verdict == "hold":
        return sp.line("review.hold", why=why)
    if review.changes:
        titles = join_list(
            sp, [prog.exercise(ch.exercise_id).level(ch.new).title for ch in review.changes]
        )
        return sp.line("review.up", titles=titles)
    if review.program_done:
        return sp.line("review.top")
    if review.waiting:
        return sp.line("review.waiting")
    return sp.line("review.good")


def _score(handler_input: HandlerInput) -> int | None:
    """The number said (a range, "six or seven", counts as its top); "no pain", "it didn't
    hurt" (NoPainIntent) is a zero."""
    if intent_of(handler_input) is Intent.NO_PAIN:
        return 0
    return score_said(slot_value(handler_input, "pain"), slot_value(handler_input, "upper"))


class PainAnswerHandler(Handler):
    rule = when(Intent.PAIN_REPORT, Intent.NO_PAIN, mode=PAIN_MODES)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        mode_now = mode(handler_input)
        score = _score(handler_input)
        reprompt = sp.line(
            "reprompt.morning" if mode_now is Mode.MORNING_CHECK else "reprompt.pain"
        )
        if not is_pain_score(score):
            key = "pain.unclear" if score is None else "pain.out_of_range"
            return respond(handler_input, sp.line(key), reprompt)
        assert score is not None
        if mode_now is Mode.MORNING_CHECK:
            return morning_answer(handler_input, program(handler_input), MorningAnswer(score=score))
        return pain_answer(handler_input, score)


def pain_answer(handler_input: HandlerInput, score: int) -> Response:
    """The score for today's workout: review the program, say what changed and why."""
    c = ctx(handler_input)
    sp = c.speech
    prog = program(handler_input)
    review = review_pain(prog, c.turn.progress, c.today, score)
    c.turn.record(*review.events)
    set_mode(handler_input, None)
    sentence = _pain_sentence(sp, prog, review, score)
    if severe_pain(score):
        return severe_pain_response(handler_input, sentence)
    return respond(handler_input, sentence, None)


def severe_pain_response(
    handler_input: HandlerInput, advice: str, offer: str = "pain.severe.offer"
) -> Response:
    """Pain of 8/10 or more: no progression (the review has eased the load), the flare-up
    advice with the short disclaimer (`advice`), then the offer of a symptom check (a yes
    starts it)."""
    c = ctx(handler_input)
    sp = c.speech
    c.signal("severe_pain", health=True)  # says a pain score was 8 or more
    set_mode(handler_input, None, Offer.SYMPTOM_CHECK)
    return respond(
        handler_input,
        f"{advice} {sp.line(offer)}",
        sp.line("pain.severe.reprompt"),
    )


def _pain_sentence(sp: Speech, prog: Program, review: Review, score: int) -> str:
    zone = review.reason
    if zone == "safe":
        return f"{sp.line('pain.safe', n=score)} {sp.line('pain.tomorrow')}"
    if zone == "acceptable":
        return f"{sp.line('pain.acceptable', n=score)} {sp.line('pain.tomorrow')}"
    if review.stage_changed:
        lead = sp.line("pain.too_much_stage", n=score, stage=prog.stage(review.stage_to).name)
    elif review.floor:
        lead = sp.line("pain.too_much_floor", n=score)
    else:
        names = join_list(sp, [prog.exercise(ch.exercise_id).names for ch in review.changes])
        lead = sp.line("pain.too_much", n=score, names=names)
    # Calming a flare-up is health advice: it goes with the short disclaimer.
    number = sp.first("emergency_number")
    return f"{lead} {sp.line('pain.calm')} {sp.line('disclaimer.short', emergency_number=number)}"


def morning_answer(handler_input: HandlerInput, prog: Program, answer: MorningAnswer) -> Response:
    """Apply the morning check; say what changed and why. A flare-up morning also gets the
    flare-up advice (with the disclaimer). Only the decision is recorded, never the answer."""
    c = ctx(handler_input)
    sp = c.speech
    session(handler_input).pop(Key.MORNING_WORSE, None)
    review = review_morning(prog, c.turn.progress, c.today, answer)
    sentence = ""
    if review is not None:
        c.turn.record(*review.events)
        sentence = review_sentence(sp, prog, review)
        if review.flare and not review.refer:
            number = sp.first("emergency_number")
            advice = [
                sp.line("morning.flare"),
                sp.line("flare.advice"),
                sp.line("disclaimer.short", emergency_number=number),
            ]
            sentence = " ".join([sentence, *advice])
    if review is not None and review.refer:
        # 8/10 or more (issue 12): no progression, the flare-up advice with the disclaimer,
        # and the offer of a symptom check instead of today's plan.
        session(handler_input).pop(Key.WORKOUT_THEN, None)
        number = sp.first("emergency_number")
        score = answer.score if answer.score is not None else 8
        severe = (
            f"{sentence} {sp.line('pain.severe.morning', n=score)} {sp.line('pain.calm')} "
            f"{sp.line('disclaimer.short', emergency_number=number)}"
        )
        return severe_pain_response(handler_input, severe.strip())
    return _after_morning(handler_input, sentence)


def _after_morning(handler_input: HandlerInput, lead: str) -> Response:
    sp = ctx(handler_input).speech
    then = session(handler_input).pop(Key.WORKOUT_THEN, "menu")
    set_mode(handler_input, None)
    if then == "plan":
        return plan_response(handler_input, lead)
    if then == "start":
        return start_response(handler_input, lead)
    set_mode(handler_input, None, Offer.TODAYS_PLAN)
    speech = f"{lead} {sp.line('morning.offer_plan')}".strip()
    return respond(handler_input, speech, sp.line("reprompt.plan"))


class NothingHandler(Handler):
    """ "Nothing" said alone to a pain question: a zero. Alexa hears it as the carrier of
    "nothing {statement}" (a symptom statement with no words after it), so it comes ahead
    of the statements' handlers (see answers_first)."""

    rule = when(Intent.REPORT_ABSENCE, mode=PAIN_MODES) & Rule(
        lambda hi: not (slot_value(hi, "statement") or "").strip()
    )

    def handle(self, handler_input: HandlerInput) -> Response:
        if mode(handler_input) is Mode.MORNING_CHECK:
            return morning_answer(handler_input, program(handler_input), MorningAnswer(score=0))
        return pain_answer(handler_input, 0)


# A question asked back holds a number that is no score: "what counts as a ten?" recorded a
# ten and made three exercises easier.
ASKED_BACK = (Intent.WHAT_QUESTION, Intent.WHY_QUESTION)


def _score_in_sentence(handler_input: HandlerInput) -> int | None:
    """The score inside what was said to a pain question ("maybe a four, it comes and goes"
    reaches Alexa as a question or a statement), unless it holds a red flag: that is read
    by the statements' and questions' handlers, first."""
    if intent_of(handler_input) in ASKED_BACK:
        return None
    text = statement_of(handler_input)
    score = score_in(text)
    if score is None or ctx(handler_input).view.faq.flags.assess(text) is not None:
        return None
    return score


def _pain_in_workout(handler_input: HandlerInput, score: int) -> Response:
    """A pain score said mid-workout: nothing recorded, but how to act on it now (above the
    acceptable zone: easier or stop)."""
    sp = ctx(handler_input).speech
    if severe_pain(score):
        # 8/10 or more is not pushed through with an easier version: the workout stops
        # here (its sets kept, nothing progresses), with the flare-up advice and the offer
        # of a check, as for 8/10 after a workout or the next morning.
        number = sp.first("emergency_number")
        advice = (
            f"{sp.line('pain.severe.in_workout', n=score)} {sp.line('pain.calm.brief')} "
            f"{sp.line('disclaimer.short', emergency_number=number)}"
        )
        return severe_pain_response(handler_input, advice, "pain.severe.offer.brief")
    high = pain_zone(score) == "too_much"
    key = "pain.in_workout_high" if high else "pain.in_workout"
    return respond(handler_input, sp.line(key, n=score), sp.line("reprompt.set"))


class ScoreInSentenceHandler(Handler):
    """A score said with a story round it: to the pain or the morning question, the number
    is the answer, said back as every score is, so a wrong one can be put right; mid-workout
    ("it hurts about a six when I lift"), the in-workout pain answer, as for a bare number.
    Before, the sentence went to the questions and a topic was offered ("did you mean
    scans?", "did you mean running?")."""

    rule = in_mode(*PAIN_MODES, Mode.WORKOUT) & Rule(lambda hi: _score_in_sentence(hi) is not None)

    def handle(self, handler_input: HandlerInput) -> Response:
        score = _score_in_sentence(handler_input)
        assert score is not None
        now = mode(handler_input)
        if now is Mode.WORKOUT:
            return _pain_in_workout(handler_input, score)
        if now is Mode.MORNING_CHECK:
            prog = program(handler_input)
            return morning_answer(handler_input, prog, MorningAnswer(score=score))
        return pain_answer(handler_input, score)


class PainNoHandler(Handler):
    """ "None", "not at all" or "no" to "how much did it hurt?". Alexa sends them as
    AMAZON.NoIntent, the same as "no thanks", so they used to skip the score. Asked once:
    "no pain at all, a zero?"; a yes records the zero, a no leaves the score for today, a
    number is taken as said. ("Nothing", "zero", "no pain" are a zero at once.)"""

    rule = when(Intent.NO, mode=Mode.PAIN_CHECK, offer=None)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        set_mode(handler_input, Mode.PAIN_CHECK, Offer.PAIN_ZERO)
        return respond(handler_input, sp.line("pain.zero_ask"), sp.line("reprompt.pain_zero"))


class PainZeroHandler(Handler):
    """A yes to "no pain at all, a zero?": the zero."""

    rule = when(Intent.YES, mode=Mode.PAIN_CHECK, offer=Offer.PAIN_ZERO)

    def handle(self, handler_input: HandlerInput) -> Response:
        return pain_answer(handler_input, 0)


class PainDeclinedHandler(Handler):
    """ "No" or "skip" to a pain question: fine. A skipped morning is not asked again."""

    rule = when(Intent.NO, Intent.SKIP_EXERCISE, mode=PAIN_MODES)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        if mode(handler_input) is Mode.MORNING_CHECK:
            if (skipped := morning_skip(c.turn.progress, c.today)) is not None:
                c.turn.record(skipped)
            return _after_morning(handler_input, sp.line("morning.skipped"))
        if pain_due(c.turn.progress, c.today):
            c.turn.record(events.pain_skipped(c.today))
        set_mode(handler_input, None)
        return respond(handler_input, sp.line("pain.skipped"), None)


class PainUnpromptedHandler(Handler):
    """A pain number when nothing asked for one: explain, record nothing. In a workout,
    say how to act on it now (above the acceptable zone: easier or stop)."""

    rule = when(Intent.PAIN_REPORT, Intent.NO_PAIN)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        score = _score(handler_input)
        if mode(handler_input) is Mode.WORKOUT and is_pain_score(score):
            assert score is not None
            return _pain_in_workout(handler_input, score)
        if is_pain_score(score) and severe_pain(score or 0):
            # 8/10 or more said out of the blue is still 8/10: the flare-up advice and the
            # offer of a check, as after a workout (nothing is recorded).
            number = sp.first("emergency_number")
            advice = (
                f"{sp.line('pain.unprompted_severe', n=score)} {sp.line('pain.calm')} "
                f"{sp.line('disclaimer.short', emergency_number=number)}"
            )
            return severe_pain_response(handler_input, advice)
        if intent_of(handler_input) is Intent.NO_PAIN:
            return main_menu(handler_input, sp.line("pain.none_unprompted"))
        return respond(handler_input, sp.line("pain.unprompted"), sp.line("reprompt.main"))


# "I don't know" (or help) to a pain question: help to pick a number; nothing is recorded.
# So do the words that are no answer to it but are said to it: "kind of", "a lot", "yes"
# (Alexa's yes-ish samples), "done" or "ready" after the test bridges (next set), "okay,
# go on" (resume), "the first" (ordinal). Without this they fell to the main menu or "no
# workout going", the question silently dropped.
NOT_AN_ANSWER = (
    Intent.UNSURE,
    Intent.HELP,
    Intent.FALLBACK,
    Intent.YES,
    Intent.NEXT_SET,
    Intent.RESUME,
    Intent.ORDINAL_CHOICE,
    Intent.WORKOUT_WHERE,
    Intent.THANKS,
    Intent.IM_DONE,
    Intent.TOO_HARD,
    # "Easier" to "worse, the same or better?" (or "harder"): before, the workout's "there's
    # no workout going" answer, and the question was dropped.
    Intent.EASIER,
    Intent.HARDER,
)
UNSURE = [
    # Help to either question: the short disclaimer, then the same words as "not sure".
    HelpLineHandler(
        when(Intent.HELP, mode=Mode.MORNING_CHECK), "morning.unclear", "reprompt.morning"
    ),
    HelpLineHandler(when(Intent.HELP, mode=Mode.PAIN_CHECK), "pain.unsure", "reprompt.pain"),
    LineHandler(
        when(*NOT_AN_ANSWER, mode=Mode.MORNING_CHECK),
        "morning.unclear",
        "reprompt.morning",
    ),
    LineHandler(
        # "Better" or "about the same" after a workout is no score either.
        when(*NOT_AN_ANSWER, Intent.MORNING_COMPARE, mode=Mode.PAIN_CHECK),
        "pain.unsure",
        "reprompt.pain",
    ),
]
# "Wait", "hang on" to a pain question: time to think (the morning's bridges take a
# minute), then the question again; before, a pause with no workout going dropped it.
WAIT = [
    LineHandler(when(Intent.PAUSE, mode=Mode.MORNING_CHECK), "morning.wait", "reprompt.morning"),
    LineHandler(when(Intent.PAUSE, mode=Mode.PAIN_CHECK), "pain.wait", "reprompt.pain"),
]
# "Repeat" to a pain question: the question again.
REPEAT = [
    LineHandler(when(Intent.REPEAT, mode=Mode.MORNING_CHECK), "morning.ask", "reprompt.morning"),
    LineHandler(when(Intent.REPEAT, mode=Mode.PAIN_CHECK), "pain.ask_later", "reprompt.pain"),
]
