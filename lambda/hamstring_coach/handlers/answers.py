"""Answers to the skill's own yes-or-no questions, in people's own words.

"Yes go on, I've got time before lunch", "no, we took the old bench to the tip", "no wait,
yes", "no dear": Alexa brings these in as statements through a carrier phrase ("yes
{statement}", "no {statement}", "hmm {statement}"). While a yes-or-no question is open, this
interceptor reads such a statement and, when it is plainly an answer, hands the turn on as
that answer (AMAZON.YesIntent, AMAZON.NoIntent, or "not sure" inside the symptom check), so
every feature's own yes and no handlers answer it and no feature has to learn stories.

The red-flag read of the same words comes FIRST: a statement with a red flag in it is left
as it is, for the statement handlers (handlers/statements.py, the check's own), whatever
answer it also gives. Mid-workout, a yes or no that talks about pain is left to the pain
rule. "Why do you ask?" or "compared to what?" said to one of our questions is a request for
that question's help. A story said to a question that waits for an answer of its own (the
morning's, the pain score's, the kit's) asks that question again. The words are read by
domain/answers.py; nothing said is logged or kept.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput

from hamstring_coach.domain.answers import Polarity, about_pain, polarity
from hamstring_coach.domain.asks import on_a_surface
from hamstring_coach.domain.faq import FaqIndex, Outcome
from hamstring_coach.handlers import faq
from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.display import APOLOGY
from hamstring_coach.handlers.privacy import ARMED
from hamstring_coach.handlers.routing import Rule, intent_of, offered, when
from hamstring_coach.handlers.said import STATEMENT_SLOT, statement_of
from hamstring_coach.handlers.state import Key, Mode, Offer, mode, session
from hamstring_coach.intents import Intent

# Carriers a spoken answer arrives through: a yes or no with words after it ("yes {...}",
# "no {...}", "I haven't {...}"), filler before a changed mind ("hmm {...}" is a symptom
# statement's carrier), and the question carriers ("why not, I've nowhere to be", "well no,
# I had a bad back years ago").
CARRIERS = frozenset(
    {
        Intent.ANSWER_YES,
        Intent.REPORT_ABSENCE,
        Intent.REPORT_DENIAL,
        Intent.REPORT_SYMPTOM,
        Intent.REPORT_INABILITY,
        Intent.QUESTION,
        Intent.WHY_QUESTION,
    }
)
# Offers a plain yes or no answers.
YES_NO_OFFERS = (
    Offer.START_WORKOUT,
    Offer.RESUME_WORKOUT,
    Offer.TODAYS_PLAN,
    Offer.SYMPTOM_CHECK,
    Offer.FAQ_MORE,
    Offer.FAQ_ANOTHER,
    Offer.CONDITION_COMPARE,
    Offer.WEEKLY_REVIEW,
    Offer.PAIN_ZERO,
    Offer.STOP_OR_CARRY_ON,
)
# Modes whose open question a yes or no answers: the check's questions, the kit question,
# and "ready?" / "the next one?" in a workout.
YES_NO_MODES = (Mode.SYMPTOM_CHECK, Mode.KIT_CHECK, Mode.WORKOUT)
YES_NO_OPEN: Rule = (
    when(offer=YES_NO_OFFERS)
    | when(mode=YES_NO_MODES)
    | ARMED
    | Rule(lambda hi: bool(session(hi).get(Key.SAVE_ASKED)))
)
# The FAQ's own offers ("want to hear more?"): a question the FAQ can answer, said with a
# no in front, is that question.
FAQ_OFFERS = (Offer.FAQ_MORE, Offer.FAQ_ANOTHER)
# Carrier words the statement lost that say the answer ("why not, I've nowhere to be").
SPOKEN = {Intent.ANSWER_YES: "yes", Intent.WHY_QUESTION: "why"}
AS_INTENT: dict[Polarity, Intent] = {"yes": Intent.YES, "no": Intent.NO, "unsure": Intent.UNSURE}


# Questions of ours that wait for an answer of their own (a comparison, a score, whether
# the kit is at home): a story said to them that the FAQ has no topic for ("well I woke up
# and it was stiff but it settled down") is an attempt at the answer, so the question is
# asked again with its options, not met with "I don't have a good answer". To the kit
# question a close call is a story too ("I live on a boat, there's nothing like that" got
# "did you mean surgery?").
AWAITING_MODES = (Mode.MORNING_CHECK, Mode.PAIN_CHECK, Mode.KIT_CHECK)
QUESTION_CARRIERS = frozenset({Intent.QUESTION, Intent.WHAT_QUESTION, Intent.WHY_QUESTION})
# "Why do you ask?", "compared to what?", "out of what?" said to one of our questions in a
# mode (not the symptom check's, which gives its own reason; not the delete question's):
# that question's help, which explains it and asks it again. (To an offer, the safety
# reason stays: handlers/statements.py.)
ASKING_MODES = (Mode.MORNING_CHECK, Mode.PAIN_CHECK, Mode.KIT_CHECK, Mode.WORKOUT)


def _answerable(text: str, index: FaqIndex) -> bool:
    return index.match(text).outcome in (Outcome.ANSWER, Outcome.CHOICE)


def _asked_back(handler_input: HandlerInput) -> bool:
    return mode(handler_input) in ASKING_MODES and not ARMED(handler_input)


def reading(handler_input: HandlerInput) -> tuple[Intent, str] | None:
    """What to hand the turn on as (and the statement to keep), or None to leave it."""
    said = intent_of(handler_input)
    if said is Intent.WHY_ASK:
        return (Intent.HELP, "") if _asked_back(handler_input) else None
    if said not in CARRIERS:
        return None
    now = mode(handler_input)
    is_open = YES_NO_OPEN(handler_input)
    awaiting = now in AWAITING_MODES
    if not (is_open or awaiting):
        return _yes_to_no_question(handler_input, said)
    text = statement_of(handler_input)
    known = faq.view(handler_input)
    if not text or known.flags.assess(text) is not None:
        return None  # a red flag is heard first, as a statement
    answer = (
        polarity(
            f"{SPOKEN.get(said, '')} {text}",
            known.answer_words,
            partly=now is Mode.SYMPTOM_CHECK,
        )
        if is_open
        else None
    )
    if answer is not None:
        if answer == "unsure" and now is not Mode.SYMPTOM_CHECK:
            return None
        if now is Mode.WORKOUT and about_pain(text, known.answer_words):
            return None
        if on_a_surface(text, known.workout_words):
            return None  # (r21) "could I do these lying in bed": a question, not a yes
        if offered(*FAQ_OFFERS)(handler_input) and _answerable(text, known.index):
            return None  # "no, what about swimming?" to "want to hear more?": a question
        return AS_INTENT[answer], ""
    if awaiting and said in QUESTION_CARRIERS:
        outcome = known.index.match(text).outcome
        if outcome in (Outcome.ANSWER, Outcome.OFF_TOPIC):
            return None
        if outcome is Outcome.CHOICE and now is not Mode.KIT_CHECK:
            return None  # a close call mid-morning or mid-score is offered, as before
        # "What ...?" or "why ...?" is a question about the question ("why ten?"): its help,
        # and never a score read out of it. Anything else is a story: the kit question
        # again, or the statement's "unclear" line and the question (the morning's and the
        # score's, which also read a number said in it: "maybe a four, it comes and goes").
        if said is not Intent.QUESTION:
            return Intent.HELP, ""
        return (Intent.FALLBACK, "") if now is Mode.KIT_CHECK else (Intent.REPORT_SYMPTOM, text)
    return None


def _yes_to_no_question(
    handler_input: HandlerInput, said: Intent | None
) -> tuple[Intent, str] | None:
    """ "Yeah go on then, I've got twenty minutes" with no yes-or-no question open (to the
    menu's "today's exercises, a symptom check, or a question?"): a plain yes, which asks
    which one, rather than "I don't have a good answer for that one". A red flag in it, or a
    question the FAQ can answer, stays what it was."""
    if said is not Intent.ANSWER_YES:
        return None
    text = statement_of(handler_input)
    known = faq.view(handler_input)
    if text and (known.flags.assess(text) is not None or _answerable(text, known.index)):
        return None
    return Intent.YES, ""


class FrustrationInterceptor(AbstractRequestInterceptor):
    """ "This is useless", "you're not listening", "that's not what I asked": a person who
    is cross needs the way on, not "I don't have a good answer" (the words reached the
    questions as a statement). The turn is help for the moment they are in (the workout's,
    the check's question again, the menu's), after a short apology; nothing is changed."""

    def process(self, handler_input: HandlerInput) -> None:
        if intent_of(handler_input) is not Intent.FRUSTRATED:
            return
        sp = ctx(handler_input).speech
        handler_input.attributes_manager.request_attributes[APOLOGY] = sp.line("frustrated")
        faq.hand_on_as(handler_input, Intent.HELP)


class AnswerInterceptor(AbstractRequestInterceptor):
    """Runs after the turn context is built, before the check's own interceptor."""

    def process(self, handler_input: HandlerInput) -> None:
        read = reading(handler_input)
        if read is not None:
            faq.hand_on_as(handler_input, *read, slot=STATEMENT_SLOT)


def interceptors() -> list[AbstractRequestInterceptor]:
    return [FrustrationInterceptor(), AnswerInterceptor()]
