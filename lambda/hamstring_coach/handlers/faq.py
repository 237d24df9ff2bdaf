"""Questions and answers: dedicated question intents, free-form questions, "tell me more".

A question that mentions a red flag gets the safety advice first: at emergency or urgent
that is the whole answer, and the symptom check is offered; a sign worth booking for (soon)
leads the answer to the question said with it. A confident match is answered in one
breath, with the longer version on request; a close call offers the two best topics by
name; no match says so and names three topics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ask_sdk_core.dispatch_components import AbstractRequestHandler, AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.slot import Slot

from hamstring_coach.domain.answers import about_pain
from hamstring_coach.domain.asks import (
    asks_for_workout,
    asks_what_is_on,
    asks_what_now,
    for_someone_else,
    on_a_surface,
    short_of_time,
)
from hamstring_coach.domain.content_view import FaqView
from hamstring_coach.domain.faq import FaqIndex, Outcome, Topic, asks_something, reported
from hamstring_coach.domain.faq_classifier import question_features, steps_asked
from hamstring_coach.domain.numbers import parse_number
from hamstring_coach.domain.program import (
    asked_about_this_one,
    asked_how,
    asks_a_dose,
    described,
    name_said,
    program_paused,
    without_pain_free,
)
from hamstring_coach.domain.red_flags import RedFlag
from hamstring_coach.domain.triage import Level
from hamstring_coach.handlers import symptoms
from hamstring_coach.handlers.base import (
    MODE,
    OFFER,
    clear_activity,
    ctx,
    session,
    slot_id,
    slot_value,
)
from hamstring_coach.handlers.core import disclaimer, main_menu, pain_rule
from hamstring_coach.handlers.display import respond, text_card
from hamstring_coach.handlers.holds import hold_response
from hamstring_coach.handlers.resume import current_workout, resume_offer
from hamstring_coach.handlers.routing import Handler, Rule, intent_of, when
from hamstring_coach.handlers.said import (
    CARRIER_MEANING,
    NAME_OPENERS,
    QUERY_SLOT,
    STATEMENT_SLOT,
    whose_words,
)
from hamstring_coach.handlers.state import Key, Mode, Offer, mode, set_mode
from hamstring_coach.handlers.walk_steps import step_response
from hamstring_coach.intents import Intent
from hamstring_coach.voice.speech import Ssml

FAQ_MODE = Mode.FAQ
# Session attributes of this feature (see state.Key).
TOPIC = Key.FAQ_TOPIC
CHOICES = Key.FAQ_CHOICES
DISCLAIMED = Key.FAQ_DISCLAIMED
# What a "yes" means after this feature spoke.
OFFER_MORE = Offer.FAQ_MORE
OFFER_CHOICE = Offer.FAQ_CHOICE
OFFER_ANOTHER = Offer.FAQ_ANOTHER
# Offers another feature takes up: the symptom check owns the "yes" to these.
SYMPTOM_CHECK = Offer.SYMPTOM_CHECK
CONDITION_COMPARE = Offer.CONDITION_COMPARE
OWN_OFFERS = (OFFER_MORE, OFFER_CHOICE, OFFER_ANOTHER)
CHECK_OFFERS = (SYMPTOM_CHECK, CONDITION_COMPARE)


def view(handler_input: HandlerInput) -> FaqView:
    """Topics, red flags and word lists prepared from the current content, once per content."""
    return ctx(handler_input).view.faq


def _in_other_activity(handler_input: HandlerInput) -> bool:
    """Another feature (a workout, say) is mid-flow: answer without taking over its state."""
    return session(handler_input).get(MODE) not in (None, FAQ_MODE)


def _back(handler_input: HandlerInput) -> Ssml:
    """How to get back to what the person was doing before the question ("say next set to
    carry on with the workout"), in words that fit that activity."""
    sp = ctx(handler_input).speech
    now = mode(handler_input)
    if now is Mode.WORKOUT:
        return Ssml(sp.line("faq.back.workout"))
    if now is Mode.WALKTHROUGH:
        return Ssml(sp.line("faq.back.walkthrough"))
    if now is Mode.MORNING_CHECK:
        return Ssml(sp.line("faq.back.morning"))
    if now is Mode.PAIN_CHECK:
        return Ssml(sp.line("faq.back.pain"))
    return Ssml(sp.line("faq.back.other"))


def _card(handler_input: HandlerInput, topic: Topic, text: str) -> tuple[str, str]:
    sp = ctx(handler_input).speech
    body = f"{text} {disclaimer(handler_input)}" if topic.advice else text
    return text_card(sp.first("faq.card.title", topic=topic.name), body)


# --- responses --------------------------------------------------------------------------


def answer(handler_input: HandlerInput, topic: Topic, *, book_soon: bool = False) -> Response:
    """The one-breath answer, then the topic's follow-up question. `book_soon`: the question
    also named a sign worth booking a doctor or physio for (`booked_and_answered`)."""
    c = ctx(handler_input)
    sp = c.speech
    attrs = session(handler_input)
    c.signal("faq_answered")
    attrs[TOPIC] = topic.id
    attrs.pop(CHOICES, None)
    if attrs.get(OFFER) == OFFER_CHOICE:
        # The close call is over: a yes now must not pick from choices that are gone.
        attrs.pop(OFFER)
    parts = [topic.short]
    if book_soon:
        c.signal("faq_book_soon")
    if program_paused(c.turn.progress):
        # (conv18) A question while a warning sign holds the exercises ("so what must I
        # do", "what, now? I'm on shift till ten"): the answer alone read as if the sign
        # were settled, so the hold leads every answer until the person has been seen.
        parts.insert(0, sp.line("faq.onhold.lead"))
    elif book_soon:
        # (Paused, the hold's lead already sends them to be seen, sooner than this would.)
        parts.insert(0, sp.line("faq.red_flag.soon.lead"))
    # The card keeps what was said ahead of the answer too (a hold, a booking to make).
    card = _card(handler_input, topic, " ".join(parts))
    if topic.advice and not attrs.get(DISCLAIMED):
        # Said once a session; every card carries it.
        parts.append(disclaimer(handler_input))
        attrs[DISCLAIMED] = True
    if _in_other_activity(handler_input):
        back = _back(handler_input)
        parts.append(sp.line("faq.in_activity", back=back))
        return respond(
            handler_input,
            " ".join(parts),
            sp.line("faq.in_activity.reprompt", back=back),
            card=card,
        )
    attrs[MODE] = FAQ_MODE
    if book_soon:
        attrs[OFFER] = SYMPTOM_CHECK
        question = sp.line("faq.red_flag.soon.offer")
        reprompt = sp.line("faq.red_flag.reprompt")
    elif topic.offer == SYMPTOM_CHECK:
        attrs[OFFER] = SYMPTOM_CHECK
        question = sp.line("faq.offer.symptom_check")
        reprompt = sp.line("faq.offer.symptom_check.reprompt")
    elif topic.offer == CONDITION_COMPARE:
        attrs[OFFER] = CONDITION_COMPARE
        question = sp.line("faq.offer.condition_compare")
        reprompt = sp.line("faq.offer.condition_compare.reprompt")
    else:
        attrs[OFFER] = OFFER_MORE
        question = sp.line("faq.follow_up")
        reprompt = sp.line("faq.follow_up.reprompt")
    return respond(handler_input, " ".join([*parts, question]), reprompt, card=card)


def tell_more(handler_input: HandlerInput) -> Response:
    c = ctx(handler_input)
    sp = c.speech
    attrs = session(handler_input)
    topic = view(handler_input).index.topic(str(attrs.get(TOPIC, "")))
    if topic is None:
        return respond(handler_input, sp.line("faq.more.nothing_yet"), sp.line("faq.ask.reprompt"))
    c.signal("faq_more")
    card = _card(handler_input, topic, topic.long)
    if _in_other_activity(handler_input):
        # The detail has been given: what is left is the way back.
        back = _back(handler_input)
        speech = f"{topic.long} {sp.line('faq.in_activity.after_long', back=back)}"
        reprompt = sp.line("faq.in_activity.after_long.reprompt", back=back)
        return respond(handler_input, speech, reprompt, card=card)
    attrs[MODE] = FAQ_MODE
    attrs[OFFER] = OFFER_ANOTHER
    speech = f"{topic.long} {sp.line('faq.after_long')}"
    return respond(handler_input, speech, sp.line("faq.after_long.reprompt"), card=card)


def offer_choice(handler_input: HandlerInput, topics: list[Topic]) -> Response:
    """A close call: name the one or two best topics and let the user pick."""
    c = ctx(handler_input)
    sp = c.speech
    attrs = session(handler_input)
    c.signal("faq_choice")
    attrs[CHOICES] = [t.id for t in topics]
    attrs[OFFER] = OFFER_CHOICE
    attrs.pop(Key.FAQ_REASKED, None)
    if not _in_other_activity(handler_input):
        attrs[MODE] = FAQ_MODE
    if len(topics) == 1:
        first = topics[0].name
        return respond(
            handler_input,
            sp.line("faq.choice.one", first=first),
            sp.line("faq.choice.one.reprompt", first=first),
        )
    names = {"first": topics[0].name, "second": topics[1].name}
    return respond(
        handler_input,
        sp.line("faq.choice.two", **names),
        sp.line("faq.choice.two.reprompt", **names),
    )


# A workout offer open when words are not placed: (what yes and no do, its reprompt).
_WORKOUT_OFFERS = {
    Offer.START_WORKOUT.value: ("offer.help.start", "reprompt.offer"),
    Offer.RESUME_WORKOUT.value: ("offer.help.resume", "reprompt.resume"),
    Offer.TODAYS_PLAN.value: ("offer.help.plan", "reprompt.plan"),
}


def miss(handler_input: HandlerInput, what_now: bool = False) -> Response:
    """Nothing close enough: say so honestly and name three things it can answer. Two
    moments have a better answer than a list of topics: the symptom check just offered
    ("why?", words Alexa could not place) keeps its question, with the reason for it; and
    while the exercises are paused for a warning sign ("what should I do?"), the person
    hears again what to do and how to lift the pause. (Round 21) "What should I do?" about
    nothing named (`what_now`: respond_to_question has read the words) gets the likeliest
    needs instead of three topics."""
    c = ctx(handler_input)
    sp = c.speech
    if _in_other_activity(handler_input):
        return _cannot_answer(handler_input, "faq_miss", "faq.miss")
    offered = _offer(handler_input) in CHECK_OFFERS
    if program_paused(c.turn.progress):
        c.signal("faq_miss")
        if offered:
            return hold_response(
                handler_input,
                then="faq.red_flag.offer",
                reprompt="faq.red_flag.reprompt",
                keep_offer=True,
            )
        return hold_response(handler_input, then="onhold.meanwhile")
    if offered:
        c.signal("faq_miss")
        return respond(
            handler_input,
            f"{sp.line('faq.check_offer.why')} {sp.line('faq.red_flag.offer')}",
            sp.line("faq.red_flag.reprompt"),
        )
    workout_offer = _WORKOUT_OFFERS.get(str(_offer(handler_input)))
    if workout_offer is not None:
        # "What should I do then?" to "ready to start?": what a yes and a no do now, the
        # offer kept (a list of topics dropped the question just asked).
        c.signal("faq_miss")
        line, reprompt = workout_offer
        return respond(handler_input, sp.line(line), sp.line(reprompt))
    state = current_workout(handler_input)
    if state is not None and mode(handler_input) is None:
        # A new session on a day with the workout part done (after "wait"): that workout
        # is the likeliest thing meant, so offer to carry it on.
        c.signal("faq_miss")
        return resume_offer(handler_input, state)
    if what_now:
        # (Round 21) "What should I do?" about nothing named: the three likeliest needs,
        # not "I don't have a good answer" and three topics picked at random.
        c.signal("faq_miss")
        clear_activity(handler_input)
        return respond(handler_input, sp.line("faq.what_now"), sp.line("faq.what_now.reprompt"))
    return _cannot_answer(handler_input, "faq_miss", "faq.miss")


def short_on_time(handler_input: HandlerInput) -> Response:
    """(Round 20) "I've only got ten minutes today": mid-workout, do what fits and stop when
    needed, the place is kept; otherwise the same, then today's exercises offered. It got
    "I don't know that one". While paused, the hold is what they need to hear."""
    c = ctx(handler_input)
    sp = c.speech
    c.signal("short_of_time")
    if program_paused(c.turn.progress):
        return hold_response(handler_input)
    if mode(handler_input) is Mode.WORKOUT:
        return respond(handler_input, sp.line("workout.short_of_time"), sp.line("reprompt.set"))
    set_mode(handler_input, None, Offer.TODAYS_PLAN)
    return respond(handler_input, sp.line("faq.short_of_time"), sp.line("reprompt.plan"))


def where_to_exercise(handler_input: HandlerInput) -> Response:
    """(Round 21) "Can I do it on the bed": where the exercises are done. Mid-workout this
    got the sleeping answer ("bed") or the sitting one ("sofa"); it is about the exercise
    in hand, so the set carries on. Elsewhere, today's exercises are offered after it."""
    c = ctx(handler_input)
    sp = c.speech
    c.signal("where_to_exercise")
    if mode(handler_input) is Mode.WORKOUT:
        return respond(handler_input, sp.line("workout.surface"), sp.line("reprompt.set"))
    if program_paused(c.turn.progress):
        return respond(handler_input, sp.line("faq.surface.only"), sp.line("onhold.reprompt"))
    set_mode(handler_input, None, Offer.TODAYS_PLAN)
    return respond(handler_input, sp.line("faq.surface"), sp.line("reprompt.plan"))


def offer_workout(handler_input: HandlerInput, for_other: bool = False) -> Response:
    """The words ask for the workout, not a topic: offer today's exercises (a yes reads
    the plan, the morning question first where one is due). (conv18) While the program is
    paused, "shall I still do my exercises?" is answered with the hold itself: an offer of
    the plan only led to "your exercises are paused" a turn later, and "can I do my workout
    now" after a warning sign must hear that a professional comes first. (Round 20) Asked
    for someone else ("take my mum through her exercises"), the offer says first whose
    program it is: the one kept for this account or voice profile."""
    c = ctx(handler_input)
    sp = c.speech
    c.signal("faq_workout_ask")
    if program_paused(c.turn.progress):
        return hold_response(handler_input)
    set_mode(handler_input, None, Offer.TODAYS_PLAN)
    offer = sp.line("faq.workout.for_other" if for_other else "faq.miss.workout")
    return respond(handler_input, offer, sp.line("reprompt.plan"))


# Words before the person a sentence is about: "my daughter has ...", "a relative had ...".
_OWNER_LEADS = frozenset({"my", "a", "our", "the", "me"})


def _someone_elses(handler_input: HandlerInput, question: str, prepared: FaqView) -> bool:
    """ "My daughter has a fever but I'm alright", "my wife's got a bad back, not me": the
    sentence is about someone else (a person of the red-flag reading's `others`, said
    first), with no topic in it. Outside an activity only: mid-workout the set's way back
    is what matters."""
    if _in_other_activity(handler_input):
        return False
    question = whose_words(handler_input, question)
    words = [w.lower().replace("\u2019", "'") for w in question.split()]
    while words and words[0] in _OWNER_LEADS:
        words = words[1:]
    if not words:
        return False
    first = words[0].strip(",.?!")
    first = first[:-2] if first.endswith("'s") else first
    return first in prepared.flags.reading.others.people


def someone_else(handler_input: HandlerInput) -> Response:
    """Someone else's illness, told in passing: a kind word, what the skill covers, and
    the menu (a list of hamstring topics there was an odd reply to a child's fever)."""
    c = ctx(handler_input)
    # Counted as the off-topic reply it is (the measures read this signal).
    c.signal("faq_off_topic")
    return main_menu(handler_input, c.speech.line("faq.someone_else"))


def off_topic(handler_input: HandlerInput) -> Response:
    """Another body part or another subject: say honestly what this skill covers, never a
    guess at a topic, and name three things it can answer."""
    return _cannot_answer(handler_input, "faq_off_topic", "faq.off_topic")


def _cannot_answer(handler_input: HandlerInput, signal: str, line: str) -> Response:
    """No topic to give: the honest `line`, then three topics it can answer (the FAQ mode
    stays on so a topic's name is heard as a choice)."""
    c = ctx(handler_input)
    sp = c.speech
    attrs = session(handler_input)
    c.signal(signal)
    recent = [str(attrs.get(TOPIC, ""))]
    first, second, third = (t.name for t in view(handler_input).index.suggestions(3, recent))
    names = {"first": first, "second": second, "third": third}
    if _in_other_activity(handler_input):
        # Mid-workout or with a pain question open, the way back, not a list of topics:
        # "what would you like?" there left the open question unsaid.
        back = _back(handler_input)
        return respond(
            handler_input,
            f"{sp.line(line)} {sp.line('faq.in_activity.after_long', back=back)}",
            sp.line("faq.in_activity.after_long.reprompt", back=back),
        )
    attrs[MODE] = FAQ_MODE
    attrs.pop(OFFER, None)
    speech = f"{sp.line(line)} {sp.line('faq.miss.suggest', **names)}"
    return respond(handler_input, speech, sp.line("faq.miss.reprompt", **names))


def start_symptom_check(handler_input: HandlerInput, compare: bool = False) -> Response | None:
    """Hand over to the symptom check (or its tendinopathy-or-strain comparison).

    The one seam between this feature and the symptom check. Returns None when there is no
    check to hand over to: the caller then says how to start it.
    """
    return symptoms.begin(handler_input, compare=compare)


def red_flag_response(handler_input: HandlerInput, flag: RedFlag) -> Response:
    """A question that mentioned a red flag: safety first, and no general answer (but see
    `booked_and_answered`, which answers beside a sign worth booking for). The
    program is held as after the symptom check (an emergency or urgent flag pauses it until
    the person says they have been seen), and the answer says so."""
    c = ctx(handler_input)
    sp = c.speech
    c.signal("faq_red_flag")
    clear_activity(handler_input)
    session(handler_input).pop(CHOICES, None)
    paused = sp.line("safety.flag.paused") if symptoms.hold(handler_input, flag.level) else ""
    number = sp.first("emergency_number")
    if flag.level is Level.EMERGENCY:
        # Nothing should delay this: the advice is the whole answer, and the card keeps it.
        advice = f"{sp.line('faq.red_flag.emergency', emergency_number=number)} {paused}"
        card = text_card(sp.first("faq.red_flag.card.title"), advice)
        return respond(handler_input, advice, None, card=card)
    # The advice comes first, then the check is offered (a "yes" starts it): starting the
    # check at once would put its questions ahead of "see a doctor soon".
    if flag.level is Level.URGENT:
        lead = f"{sp.line('faq.red_flag.urgent')} {paused}"
    else:
        lead = sp.line("faq.red_flag.soon")
    attrs = session(handler_input)
    attrs[MODE] = FAQ_MODE
    attrs[OFFER] = SYMPTOM_CHECK
    return respond(
        handler_input, f"{lead} {sp.line('faq.red_flag.offer')}", sp.line("faq.red_flag.reprompt")
    )


# Topics whose close call, said mid-workout, is about the pain of the exercise in hand
# ("my leg is sore": symptoms or the gym?; "it's too sore": pain limits or a flare-up?).
IN_THE_MOMENT = frozenset({"pain_limits", "symptoms", "flare_up", "pain_relief"})


def _about_the_exercise(
    outcome: Outcome, topics: list[Topic], question: str, prepared: FaqView
) -> bool:
    """Mid-workout, "it's too much" (a close call with how much pain is okay) or words no
    topic fits that talk of pain are about the exercise in hand: a topic list read out
    would not help. Words no topic fits and no pain in them ("who won the football", "what
    time is it") are a question the skill cannot answer: it says so and the set carries on
    (round 9; the pain rule there told someone with no pain how much pain is fine)."""
    if outcome is Outcome.MISS:
        return about_pain(question, prepared.answer_words)
    return outcome is Outcome.CHOICE and any(t.id in IN_THE_MOMENT for t in topics)


def _other_part_hurts(outcome: Outcome, question: str, prepared: FaqView) -> bool:
    """(Round 20) Mid-workout, pain in another part ("my knee hurts doing this", "my back's
    sore on these"): the exercise is what hurts it, so the answer is about the exercise
    (ease off, skip it, pad the floor), not "I only cover the upper hamstring"."""
    if outcome is not Outcome.OFF_TOPIC or not about_pain(question, prepared.answer_words):
        return False
    return prepared.index.read(question).other_part


# Where a question that asks for an exercise's steps starts its walkthrough, as "how do I
# do a Nordic curl" does; elsewhere (a check under way) the question is answered as one.
WALK_FROM = (None, FAQ_MODE, Mode.WORKOUT, Mode.WALKTHROUGH)


def _asks_dose_or_pain(question: str, prepared: FaqView) -> bool:
    """(round 27) What the walkthrough rules answer elsewhere on purpose, so the learned
    opinion may not walk it: pain said ("the deadlifts sting a bit, should I push
    through"), a dose asked first ("how long do I hold the bridge hold for") or how often
    ("how do I do the nordic curl and how often"). Leave-one-set-out over the 28 readable
    sets this keeps 185 of the opinion's walkthroughs that the rules missed and lets 27
    others through by mistake."""
    spared = without_pain_free(question, prepared.howto_words)
    return about_pain(spared, prepared.answer_words) or asks_a_dose(
        question, prepared.lexicon, prepared.howto_words
    )


def _walk_asked(handler_input: HandlerInput, question: str, prepared: FaqView) -> Response | None:
    """ "So like how am I meant to do nordics": a carrier phrase brought a walkthrough
    request in as a question, where the matcher would answer the exercise's topic."""
    if mode(handler_input) not in WALK_FROM:
        return None
    content = ctx(handler_input).view
    prog = content.program
    exercise_id = asked_how(prog, question, prepared.lexicon, prepared.howto_words)
    if exercise_id is None and not _asks_dose_or_pain(question, prepared):
        # (round 27) The exercise described rather than named ("the one lying on the floor,
        # hips up, and you stay there, how high should the hips go"): the learned opinion.
        reading = prepared.index.read(question)
        found = question_features(reading.terms, reading.other_part, reading.off_topic)
        exercise_id = steps_asked(content.steps_opinion, found)
    if exercise_id is None or exercise_id not in prog.exercises:
        return None
    return step_response(handler_input, prog.exercise(exercise_id), 0, fresh=True)


def _named_exercise_steps(
    handler_input: HandlerInput, question: str, outcome: Outcome, prepared: FaqView
) -> Response | None:
    """(round 24) A question no topic fits that names one exercise clearly ("the Nordic
    curl, who holds my feet", "the static bridge, heels close to the bum or further away"):
    a detail of its set-up, which the steps answer, where "I'm not sure what you mean"
    answers nothing. Feet, knees or arms said with the name are the set-up, not another
    body part to turn away, unless they hurt (that is still "only the upper hamstring")."""
    if mode(handler_input) not in WALK_FROM:
        return None
    if outcome is Outcome.OFF_TOPIC:
        if about_pain(question, prepared.answer_words):
            return None
        if not prepared.index.read(question).other_part:
            return None
    elif outcome is not Outcome.MISS:
        return None
    prog = ctx(handler_input).view.program
    exercise_id = described(prog, question, named=True)
    if exercise_id is None or exercise_id not in prog.exercises:
        return None
    exercise = prog.exercise(exercise_id)
    if not name_said(exercise, question):
        return None
    return step_response(handler_input, exercise, 0, fresh=True)


def _safety_or_steps(
    handler_input: HandlerInput, question: str, prepared: FaqView
) -> Response | None:
    """What any question gets before a topic is looked for: a red flag's advice, or the
    steps of an exercise it asks how to do; None when neither."""
    flag, theirs = prepared.flags.assess_whose(whose_words(handler_input, question))
    if flag is not None:
        if theirs:
            # Someone else's sign: they should be seen; the person's program is not paused.
            return symptoms.their_flag_response(handler_input, flag)
        both = booked_and_answered(handler_input, question, flag)
        return both if both is not None else red_flag_response(handler_input, flag)
    return _walk_asked(handler_input, question, prepared)


def booked_and_answered(
    handler_input: HandlerInput, question: str, flag: RedFlag
) -> Response | None:
    """(round 36) A sign that asks only for a booking (`soon`: no better after weeks of
    rehab, pain at night, a new pain past fifty, ...) said with a question the matcher
    answers plainly ("four months and no better, is that when a scan makes sense?"): the
    advice to book leads, then the answer, then the check is offered. The advice alone
    left the question unanswered, and at `soon` the exercises go on meanwhile, so the answer
    still serves. Never above `soon` (those are the advice alone, and urgent pauses the
    program), and not mid-activity, where the flag's own response stands. None otherwise."""
    if flag.level is not Level.SOON or mode(handler_input) not in (None, FAQ_MODE):
        return None
    prepared = view(handler_input)
    if not asks_something(question, prepared.lexicon):
        return None  # a sign told, nothing asked: the advice alone, as ever
    found = prepared.index.match(question, learned=True)
    topics = _known_topics(prepared.index, found.topics)
    if found.outcome is not Outcome.ANSWER or not topics:
        return None
    # Nothing is held at `soon` (symptoms.hold records no pause below urgent).
    return answer(handler_input, topics[0], book_soon=True)


def respond_to_question(handler_input: HandlerInput, question: str) -> Response:
    """Red flags first; then the best topic, a choice of two, "only the upper hamstring"
    for another body part or subject, or an honest miss. Greetings and thanks said around
    the question are taken off first ("hiya, ..., thanks a million": "million" is no topic)."""
    prepared = view(handler_input)
    question = prepared.pleasantries.plain(question) or question
    first = _safety_or_steps(handler_input, question, prepared)
    if first is not None:
        return first
    if (
        mode(handler_input) in (None, FAQ_MODE, Mode.WORKOUT)
        and short_of_time(question, prepared.workout_words)
        and not about_pain(question, prepared.answer_words)
    ):
        return short_on_time(handler_input)
    if (
        mode(handler_input) in (None, FAQ_MODE, Mode.WORKOUT)
        and on_a_surface(question, prepared.workout_words)
        and not about_pain(question, prepared.answer_words)
    ):
        return where_to_exercise(handler_input)
    if mode(handler_input) in (None, FAQ_MODE) and asks_what_now(question, prepared.workout_words):
        # Before the matcher: "what am I meant to do" read as "what is it" by one word.
        return miss(handler_input, what_now=True)
    if not _in_other_activity(handler_input) and asks_for_workout(
        question, prepared.lexicon, prepared.workout_words
    ):
        return offer_workout(handler_input, for_someone_else(question, prepared.workout_words))
    found = prepared.index.match(question, learned=True)
    topics = _known_topics(prepared.index, found.topics)
    if mode(handler_input) is Mode.WORKOUT and _about_the_exercise(
        found.outcome, topics, question, prepared
    ):
        return pain_rule(handler_input)
    if mode(handler_input) is Mode.WORKOUT and _other_part_hurts(found.outcome, question, prepared):
        # No signal: a count of "another part hurts" would be health information in the logs.
        sp = ctx(handler_input).speech
        return respond(handler_input, sp.line("workout.other_part_hurts"), sp.line("reprompt.set"))
    if found.outcome is Outcome.ANSWER and topics:
        return answer(handler_input, topics[0])
    if found.outcome is Outcome.CHOICE and topics:
        return offer_choice(handler_input, topics)
    if found.outcome in (Outcome.OFF_TOPIC, Outcome.MISS) and _someone_elses(
        handler_input, question, prepared
    ):
        return someone_else(handler_input)
    steps = _named_exercise_steps(handler_input, question, found.outcome, prepared)
    if steps is not None:
        return steps
    if found.outcome is Outcome.OFF_TOPIC:
        return off_topic(handler_input)
    if mode(handler_input) is Mode.WORKOUT:
        # Heard, but not a thing the skill knows: plainly, and the set carries on.
        return _cannot_answer(handler_input, "faq_miss", "workout.dont_know")
    return miss(handler_input)


# --- handlers ---------------------------------------------------------------------------


def _offer(handler_input: HandlerInput) -> object:
    return session(handler_input).get(OFFER)


def _known_topics(index: FaqIndex, ids: Iterable[object]) -> list[Topic]:
    """The topics of these ids, in order, any the content no longer has left out."""
    return [t for t in (index.topic(str(i)) for i in ids) if t is not None]


def _choices(handler_input: HandlerInput) -> list[Topic]:
    return _known_topics(view(handler_input).index, session(handler_input).get(CHOICES) or [])


def _ask_again(handler_input: HandlerInput, choices: list[Topic]) -> Response:
    sp = ctx(handler_input).speech
    if len(choices) < 2:
        return offer_choice(handler_input, choices)
    attrs = session(handler_input)
    if attrs.pop(Key.FAQ_REASKED, None):
        # Unclear twice ("yes", "a little"): let the close call go rather than loop on it.
        attrs.pop(CHOICES, None)
        attrs.pop(OFFER, None)
        if _in_other_activity(handler_input):
            back = _back(handler_input)
            onward = sp.line("faq.in_activity.after_long", back=back)
            return respond(
                handler_input,
                f"{sp.line('faq.choice.dropped')} {onward}",
                sp.line("faq.in_activity.after_long.reprompt", back=back),
            )
        attrs.pop(MODE, None)
        return main_menu(handler_input, sp.line("faq.choice.dropped"))
    attrs[Key.FAQ_REASKED] = True
    names = {"first": choices[0].name, "second": choices[1].name}
    return respond(
        handler_input,
        sp.line("faq.choice.unclear", **names),
        sp.line("faq.choice.two.reprompt", **names),
    )


class FaqYesHandler(Handler):
    """Yes to "want to hear more?", "anything else?" or "did you mean ...?"."""

    rule = when(Intent.YES, offer=OWN_OFFERS)

    def handle(self, handler_input: HandlerInput) -> Response:
        offer = _offer(handler_input)
        if offer == OFFER_MORE:
            return tell_more(handler_input)
        if offer == OFFER_CHOICE:
            choices = _choices(handler_input)
            if len(choices) == 1:
                return answer(handler_input, choices[0])
            return _ask_again(handler_input, choices)
        sp = ctx(handler_input).speech
        session(handler_input).pop(OFFER, None)
        return respond(handler_input, sp.line("faq.ask"), sp.line("faq.ask.reprompt"))


class CheckOfferYesHandler(Handler):
    """Yes to the symptom check or the comparison this feature offered."""

    rule = when(Intent.YES, mode=FAQ_MODE, offer=CHECK_OFFERS)

    def handle(self, handler_input: HandlerInput) -> Response:
        compare = _offer(handler_input) == CONDITION_COMPARE
        started = start_symptom_check(handler_input, compare=compare)
        if started is not None:
            return started
        sp = ctx(handler_input).speech
        session(handler_input).pop(OFFER, None)
        if compare:
            return respond(
                handler_input, sp.line("faq.compare.say_it"), sp.line("faq.say_it.reprompt")
            )
        return respond(handler_input, sp.line("faq.check.say_it"), sp.line("faq.say_it.reprompt"))


class FaqNoHandler(Handler):
    """No after an answer or an offer made here: one more chance to ask, then the menu."""

    rule = when(Intent.NO, offer=OWN_OFFERS) | when(Intent.NO, mode=FAQ_MODE, offer=CHECK_OFFERS)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        attrs = session(handler_input)
        if attrs.get(OFFER) == OFFER_ANOTHER:
            clear_activity(handler_input)
            return main_menu(handler_input, sp.line("no.nothing_offered"))
        attrs[MODE] = FAQ_MODE
        attrs[OFFER] = OFFER_ANOTHER
        attrs.pop(CHOICES, None)
        return respond(
            handler_input, sp.line("faq.anything_else"), sp.line("faq.after_long.reprompt")
        )


class OrdinalChoiceHandler(Handler):
    """ "The first one" / "the second one" after a close call."""

    rule = when(Intent.ORDINAL_CHOICE, offer=OFFER_CHOICE) | (
        # Alexa may hear a bare "one" or "two" as a number: the pain-score intent.
        when(Intent.PAIN_REPORT, offer=OFFER_CHOICE)
        & Rule(lambda hi: parse_number(slot_value(hi, "pain")) in (1, 2))
    )

    def handle(self, handler_input: HandlerInput) -> Response:
        choices = _choices(handler_input)
        picked = parse_number(
            slot_id(handler_input, "ordinal") or slot_value(handler_input, "pain")
        )
        position = picked - 1 if picked is not None else -1
        if 0 <= position < len(choices):
            return answer(handler_input, choices[position])
        return _ask_again(handler_input, choices)


class TopicNameHandler(Handler):
    """A topic said by name: "running", "the Nordic curl" (answers a choice, or stands alone)."""

    rule = when(Intent.FAQ_TOPIC)

    def handle(self, handler_input: HandlerInput) -> Response:
        index = view(handler_input).index
        topic = index.topic(slot_id(handler_input, "topic") or "")
        said = slot_value(handler_input, "topic") or ""
        if topic is None and _offer(handler_input) == OFFER_CHOICE:
            picked = index.pick([t.id for t in _choices(handler_input)], said)
            topic = index.topic(picked) if picked else None
        if topic is not None:
            return answer(handler_input, topic)
        return respond_to_question(handler_input, said)


class TellMeMoreHandler(Handler):
    rule = when(Intent.TELL_ME_MORE)

    def handle(self, handler_input: HandlerInput) -> Response:
        return tell_more(handler_input)


class WellbeingHandler(Handler):
    """ "Fine thanks", "good, cheers", "not bad thank you" said back to "good to hear from you
    again, would you like ...": how the person is, not a question or an answer to the
    offer. A kind word, then the question that was open, asked again (round 10; the
    courtesy interceptor leaves such words on PoliteQuestionIntent, which nothing else
    reads)."""

    rule = when(Intent.POLITE_QUESTION)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        glad = sp.line("courtesy.glad")
        offer = str(_offer(handler_input) or "")
        if offer == Offer.WEEKLY_REVIEW.value:
            question = sp.line("week.offer.again")
            return respond(handler_input, f"{glad} {question}", sp.line("week.offer.reprompt"))
        workout_offer = _WORKOUT_OFFERS.get(offer)
        if workout_offer is not None:
            reprompt = sp.line(workout_offer[1])
            return respond(handler_input, f"{glad} {reprompt}", reprompt)
        return main_menu(handler_input, glad)


class FaqHelpHandler(Handler):
    rule = when(Intent.HELP, mode=FAQ_MODE)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        speech = f"{sp.line('faq.help')} {disclaimer(handler_input)} {sp.line('faq.help.prompt')}"
        return respond(handler_input, speech, sp.line("faq.help.reprompt"))


class FaqFallbackHandler(Handler):
    """In question mode, what Alexa could not place was most likely a question: a miss."""

    rule = when(Intent.FALLBACK, mode=FAQ_MODE)

    def handle(self, handler_input: HandlerInput) -> Response:
        return miss(handler_input)


class FaqRepeatHandler(Handler):
    rule = when(Intent.REPEAT, mode=FAQ_MODE) & Rule(lambda hi: bool(session(hi).get(TOPIC)))

    def handle(self, handler_input: HandlerInput) -> Response:
        topic = view(handler_input).index.topic(str(session(handler_input)[TOPIC]))
        if topic is None:
            return miss(handler_input)
        return answer(handler_input, topic)


# Carrier intents whose carrier words matter, and the words the slot does not carry.
CARRIER_WORDS = {
    # "what's tendinopathy" asks what it is; the slot alone ("tendinopathy") would not say
    # so (measured on the development set).
    Intent.WHAT_QUESTION: "what is",
    # "I can't walk on it" is a red flag; "walk on it" alone would be a walking question.
    Intent.CANNOT_QUESTION: "I cannot",
    # "Why" and "how come" ask for a reason: "why did this happen" is about causes, where
    # "did this happen" alone reads as prevention (measured on the development set).
    Intent.WHY_QUESTION: "why",
    # (q18) "talk me through that bum lift lowering one again, I forgot how it goes", "RDLs,
    # take me through them", "do the eccentric fridge with me": a walkthrough request whose
    # name is too long or too odd for the exercise slot. "Guide me" is a cue of
    # the lexicon (howto_requests) and names no topic, so the steps are found when an
    # exercise is named and the rest is read as any question when none is.
    Intent.WALK_THROUGH_QUESTION: "guide me",
    # (round 27) A comparison said first ("strain or tendon, where's the difference",
    # "tear or tendon, how to know one"): the two things compared are the question's
    # topic, so they go back in front; alone, "where's the difference" names none.
    Intent.COMPARE_QUESTION: "strain or tendon",
}


# (round 26) An exercise named first, then what is asked about it, with no carrier word
# ("single leg RDL, which hand do I hold the weight in", "for the nordic do I keep my hips
# straight"): the name is the carrier (samples "the nordic {query}", "for the rdl {query}"),
# so Alexa sends only the rest and "the" and the exercise's spoken name (content) stand in
# for it ("the" as a person says it: the bare name read as the matcher's gym word).
# Such sentences fell to Fallback, their words lost. The whole is then read as any question
# is: red flags first, a detail of the steps gets the walkthrough, a dose the FAQ's answer.
EXERCISE_FIRST = {
    Intent.EXERCISE_FIRST_BRIDGE_HOLD: "isometric_bridge_hold",
    Intent.EXERCISE_FIRST_ECCENTRIC_BRIDGE: "eccentric_bridge",
    Intent.EXERCISE_FIRST_NORDIC: "nordic_curl",
    Intent.EXERCISE_FIRST_DEADLIFT: "romanian_deadlift",
    Intent.EXERCISE_FIRST_SINGLE_LEG_DEADLIFT: "single_leg_rdl",
}


# Carriers said last whose words matter, put back after the slot's words: "it stings on
# the deadlifts, is that normal" asks about pain during exercise, which "normal" tells, and
# "my bladder's normal" or "my bladder is ok" says all is well (the red-flag check reads
# the whole sentence first): "my bladder" alone would be an emergency. (Round 34) The OK
# carriers go back as the question they ask, "is it ok": the statement "is ok" told the
# red-flag check that a sign just named was fine ("I got this crushing feeling in my
# chest, should I keep going" read as "... in my chest is ok"). The words are the red-flag
# reading's (said.CARRIER_MEANING), so the two readings cannot drift apart.
CARRIER_ENDINGS = {
    intent: CARRIER_MEANING[intent][0] for intent in (Intent.NORMAL_QUESTION, Intent.OK_QUESTION)
}


# "What should I do", "what do I do now", "what can I take": a "what" followed by a verb
# asks what to do, not what something is, so "what is" is not given back.
WHAT_TO_DO = frozenset(
    {"should", "do", "does", "did", "can", "could", "would", "will", "shall", "must", "am"}
)


# "What causes it", "what brought it on", "what makes it worse": a "what" followed by a
# verb of its own is given back as "what", not "what is" ("what is causes it" hid the
# question frame "what causes" from the matcher).
WHAT_DOES = frozenset(
    {
        "causes", "caused", "cause", "makes", "made", "brings", "brought", "sets", "set",
        "triggers", "triggered", "leads", "led", "happens", "happened", "helps", "works",
    }
)  # fmt: skip


def _asks_what_to_do(said: Intent | None, question: str) -> bool:
    words = question.split()
    return said is Intent.WHAT_QUESTION and bool(words) and words[0].lower() in WHAT_TO_DO


def _carrier_words(said: Intent, question: str) -> str:
    words = question.split()
    if said is Intent.WHAT_QUESTION and words and words[0].lower() in WHAT_DOES:
        return "what"
    return CARRIER_WORDS[said]


def question_said(handler_input: HandlerInput) -> str:
    """The question a carrier phrase brought in, with the carrier's words given back where
    they change the meaning (CARRIER_WORDS, CARRIER_ENDINGS); empty when none was said."""
    question = slot_value(handler_input, "query") or ""
    said = intent_of(handler_input)
    if question and said in CARRIER_WORDS and not _asks_what_to_do(said, question):
        question = f"{_carrier_words(said, question)} {question}"
    if question and said in CARRIER_ENDINGS:
        question = f"{question} {CARRIER_ENDINGS[said]}"
    if question and said in EXERCISE_FIRST:
        program = ctx(handler_input).view.program
        if EXERCISE_FIRST[said] in program.exercises:
            question = f"the {program.exercise(EXERCISE_FIRST[said]).name} {question}"
    return question


def about_this_one(handler_input: HandlerInput) -> bool:
    """In a workout, "so how do I do this one" or "um what is this" brought in as a question
    asks for the current exercise's steps (the workout answers), not a topic."""
    if mode(handler_input) is not Mode.WORKOUT:
        return False
    known = view(handler_input)
    return asked_about_this_one(question_said(handler_input), known.lexicon, known.howto_words)


# (op23) The world openers: greetings, thanks, kin and respect terms, exclamations and
# discourse markers of the world's languages and Englishes ("qardash", "ntate", "achachay",
# "doncs", "kia orana"), generated into WorldOpenerIntent, WorldOpener2Intent ...
# (interaction_models/world_openers.yaml, tools/world_openers.py), after every hand-written
# intent. Read as the aside openers are: the slot alone, the courtesy interceptor first.
WORLD_OPENERS = tuple(i for i in Intent if i.value.startswith("WorldOpener"))
# The openers whose words say nothing of the question: the courtesy interceptor reads their
# words first (red flags, a command behind the opener), then hands on the question.
ASIDE_OPENERS = (
    Intent.ASIDE_QUESTION,
    Intent.ASIDE_QUESTION_MORE,
    Intent.ASIDE_QUESTION3,
    Intent.ASIDE_QUESTION4,
    Intent.ASIDE_QUESTION5,
    *WORLD_OPENERS,
)
# The intents that bring a question in by a carrier phrase.
QUESTIONS = when(
    Intent.QUESTION,
    Intent.MORE_QUESTION,
    Intent.THEIR_QUESTION,  # (who16) "Derek walks to the allotment every day, should he stop"
    Intent.THEIR_OPENER,  # (conv17) "my son {query}", "she's {query}": the owner is put back
    *NAME_OPENERS,  # (rf18b) "Anita says ...", "Tom's calf ...": a first name said first
    # (q18) words said around the question that name no topic, which fell to Fallback:
    # what the person is called ("hon", "ace boy", "machan") and interjections ("acha",
    # "steups", "to clarify") first, question tags last ("or nah", "can or not"). Read
    # like MoreQuestionIntent (the slot alone; the courtesy interceptor reads it first).
    Intent.ASIDE_QUESTION,
    # (q19) the same for the discourse markers of other languages carried into English
    # ("alors", "cara", "yaani", "na ja", "for me") and their tags ("gell", "hein").
    Intent.ASIDE_QUESTION_MORE,
    # (round 21) a third list of world interjections and discourse openers ("bre", "vot",
    # "doamne", "mo chreach", "point one", "status"): written after holdout21's measurement,
    # whose red-flag misses were mostly such openers falling to Fallback (the words lost).
    # (q23) with English openers of state of mind and hearsay ("hoping", "trying to",
    # "curious", "keen to know", "supposedly", "at my"): a statement with no question word.
    Intent.ASIDE_QUESTION3,
    # (q22) a fourth list, the overflow of the third's cap: openers of registers the others
    # lacked (office: "action item", "secondly"; banter: "plot twist", "long shot"; "kinda
    # dumb question but"; old-fashioned: "old boy", "pray") and more world interjections
    # ("tranqui", "pomalo", "sweet as", "proper job", "oida"). Holdout21's Fallback misses
    # opened with such words; the list is written wider than the ones read.
    Intent.ASIDE_QUESTION4,
    # (round 39) a fifth list, for what is said before a question that is no opener word:
    # a supposition ("say I rest it a month, ..."), an indirect ask ("I'd like to find out
    # if ...", "d'you know yourself, ...") and the program's own words ("week two, ...",
    # "stage one, day five, ..."). Holdout40 (retired, read) had 96 Fallbacks in session,
    # most of them opening so, and red-flag statements among them were lost whole.
    Intent.ASIDE_QUESTION5,
    *WORLD_OPENERS,  # (op23) the world's greetings, kin terms, exclamations, markers
    *CARRIER_WORDS,
    *CARRIER_ENDINGS,
    *EXERCISE_FIRST,
)
THIS_ONE_ASKED = Rule(about_this_one)


class QuestionHandler(Handler):
    """The catch-all: whatever followed a carrier phrase ("how ...", "can I ..."), with the
    carrier's words given back where they change the meaning (CARRIER_WORDS)."""

    # MoreQuestionIntent holds the catch-all's carriers that did not fit in QuestionIntent
    # (under the per-intent sample cap): "squats ok", "... for this problem", "she ...".
    rule = QUESTIONS & ~THIS_ONE_ASKED

    def handle(self, handler_input: HandlerInput) -> Response:
        question = question_said(handler_input)
        if not question:
            sp = ctx(handler_input).speech
            if not _in_other_activity(handler_input):
                session(handler_input)[MODE] = FAQ_MODE
            return respond(handler_input, sp.line("faq.ask"), sp.line("faq.ask.reprompt"))
        return respond_to_question(handler_input, question)


def _topic_for_intent(handler_input: HandlerInput) -> Topic | None:
    """The topic whose content names this request's intent (no index needed to tell)."""
    said = intent_of(handler_input)
    return ctx(handler_input).view.topic_intents.get(said) if said is not None else None


class TopicIntentHandler(Handler):
    """A dedicated question intent: the content names the intent that asks each topic."""

    rule = Rule(lambda hi: _topic_for_intent(hi) is not None)

    def handle(self, handler_input: HandlerInput) -> Response:
        topic = _topic_for_intent(handler_input)
        assert topic is not None
        said = slot_value(handler_input, "query")
        if said:
            return _led_by_topic_word(handler_input, topic, said)
        return answer(handler_input, topic)


# Words that make a topic word said after them the occasion of the question.
OCCASION_WORDS = frozenset({"before", "after"})


def _led_by_topic_word(handler_input: HandlerInput, topic: Topic, said: str) -> Response:
    """ "Stretching, yes or no", "steroid shot?", "church pews are murder, any tips for
    sitting": a topic's own word said first or last is the carrier (samples "stretching
    {query}", "{query} sitting"). Alexa sends the rest, not the word, so the words the
    topic's carriers stand for (its name, or its `carried_as`) go back in its place. The
    whole is read as any question is (red flags first, another body part or subject
    honestly declined, a clear answer elsewhere taken), but where the matcher would only
    offer or miss, the topic the person named is the answer: they said its word, and the
    rest is "bad?", "quick", "yay or nay"."""
    prepared = view(handler_input)
    # "Stretching, thanks", "sleep position, please": the courtesy is no part of the question.
    said = prepared.pleasantries.plain(said)
    question = f"{said} {topic.carrier_words}".strip()
    first = _safety_or_steps(handler_input, question, prepared)
    if first is not None:
        return first
    # A topic word after "before" or "after" is the occasion, not the subject: "what warm up
    # should I do before leg day" asks about warming up, so the rest is read alone first.
    occasion = bool(said) and said.rsplit(maxsplit=1)[-1].lower() in OCCASION_WORDS
    # So is one that says who said something: "doctor said take rest, is complete rest
    # good" (the carrier "doctor {query}") asks about rest; the rest is read alone first.
    told = bool(said) and reported(said, prepared.lexicon)
    for text in (said, question) if occasion or told else (question,):
        found = prepared.index.match(text)
        if found.outcome is Outcome.OFF_TOPIC:
            return off_topic(handler_input)
        if found.outcome is Outcome.ANSWER:
            other = prepared.index.topic(found.topics[0])
            if other is not None and other.about_the_condition and not told:
                return answer(handler_input, topic)  # "eccentric means what exactly"
            if other is not None:
                return answer(handler_input, other)
        if told and found.outcome is Outcome.CHOICE:
            # The person did not ask about the topic they named as the speaker: a close
            # call in what they asked is offered, not the speaker's topic answered.
            offered = [t for t in map(prepared.index.topic, found.topics) if t is not None]
            if offered:
                return offer_choice(handler_input, offered)
    return answer(handler_input, topic)


class CourtesyInterceptor(AbstractRequestInterceptor):
    """ "Hiya Alexa, hope you're well, ..." and "..., thanks a million" (PoliteQuestionIntent:
    a greeting or a thank-you is the carrier): the courtesies come off and the rest is handed
    on as what it is, so every feature reads it as if said plainly. A command with a greeting
    ("good morning, start my workout", "hiya, help") is that command; nothing but courtesies
    ("good morning Alexa") is what a bare greeting always was, words the skill does not
    know (each mode's fallback); anything else is a question or a statement, brought in as
    the catch-all's (red flags first, in a check its answer, in a workout about the set)."""

    def process(self, handler_input: HandlerInput) -> None:
        said = _goodbye_put_back(handler_input)
        if said is Intent.ORDINAL_CHOICE:
            _one_said_last(handler_input)
            return
        if said is Intent.WHAT_QUESTION:
            _what_is_this(handler_input)
            return
        if said is Intent.REPORT_SYMPTOM:
            _told_the_plan(handler_input, slot_value(handler_input, STATEMENT_SLOT) or "")
            return
        if said is Intent.ANSWER_YES:
            _yes_to_nothing(handler_input)
            return
        if said not in (
            Intent.POLITE_QUESTION,
            Intent.QUESTION,
            Intent.MORE_QUESTION,
            *ASIDE_OPENERS,
        ):
            return
        prepared = view(handler_input)
        known = prepared.pleasantries
        whole = slot_value(handler_input, QUERY_SLOT) or ""
        flagged = prepared.flags.assess(whole) is not None
        if known.leaving(whole) and not flagged:
            # "Oh that's the kettle, bye for now": the person is going; a red flag in the
            # same words is heard first.
            hand_on_as(handler_input, Intent.STOP)
            return
        text = known.plain(whole)
        if not flagged and _read_round_10(handler_input, said, text):
            return
        command = _command(handler_input, text) if text and not flagged else None
        if command is None and text and not flagged:
            # "Next one and how long do I hold it": two requests in one breath, the first a
            # command: the command (its reply says the amount, the set count, what's next).
            first = _first_request(text)
            command = _command(handler_input, first) if first else None
        if said is Intent.MORE_QUESTION:
            # Round 10: "alright let's try it then" came in on a "{query} then" carrier.
            if command is not None and command in Intent._value2member_map_:
                hand_on_as(handler_input, Intent(command))
            return
        if said is Intent.QUESTION:
            # A question carrier with a courtesy round a command ("sorry, could you say that
            # again", "thank you, I'm ready for the next one") is that command; any other
            # question stays as it came.
            if command is not None and command in Intent._value2member_map_:
                hand_on_as(handler_input, Intent(command))
            return
        if not text:
            hand_on_as(handler_input, Intent.FALLBACK)
        elif command is not None and command in Intent._value2member_map_:
            hand_on_as(handler_input, Intent(command))
        else:
            hand_on_as(handler_input, Intent.QUESTION, text)


# What LeavingQuestionIntent's carriers ("{query} bye", "{query} ta ra") mean, put back last.
_LEAVING = "bye"


def _goodbye_put_back(handler_input: HandlerInput) -> Intent | None:
    """(conv18) "Fine, bye", "that's me done, ta-ra": the goodbye was the carrier
    (LeavingQuestionIntent) and is put back, so the words are read as said, a courtesy
    carrier's (a goodbye last is leaving, red flags first). On the courtesy carrier, "fine,
    bye" had lost its "bye" and was heard as "fine" said to a greeting: the session stayed
    open. Returns the intent the turn now is."""
    said = intent_of(handler_input)
    if said is not Intent.LEAVING_QUESTION:
        return said
    words = slot_value(handler_input, QUERY_SLOT) or ""
    hand_on_as(handler_input, Intent.POLITE_QUESTION, f"{words} {_LEAVING}".strip())
    return Intent.POLITE_QUESTION


def _command(handler_input: HandlerInput, text: str) -> str | None:
    """The command the words are, swear words and softeners aside (domain/pleasantries.py);
    "what's this" is the skill itself only outside an activity: mid-workout it is the
    exercise in hand, which the workout reads."""
    command = view(handler_input).pleasantries.command(text)
    if command == Intent.ABOUT.value and _in_other_activity(handler_input):
        return None
    return command


def _read_round_10(handler_input: HandlerInput, said: Intent | None, text: str) -> bool:
    """Round 10 readings of a catch-all's words with no red flag in them; True when the
    request was handed on. "Did you say ten" asks to hear it again (never a pain score);
    "fine thanks" to a greeting or an offer is a pleasantry (answered by WellbeingHandler,
    the open question asked again); "could you tell me what my exercises are" is read the
    plan."""
    known = view(handler_input).pleasantries
    if known.asks_again(text):
        hand_on_as(handler_input, Intent.REPEAT)
        return True
    if said is Intent.POLITE_QUESTION and known.how_i_am(text) and _settled(handler_input):
        request = handler_input.request_envelope.request
        assert isinstance(request, IntentRequest) and request.intent is not None
        request.intent.slots = {QUERY_SLOT: Slot(name=QUERY_SLOT, value=text)}
        return True
    return _told_the_plan(handler_input, text)


def _settled(handler_input: HandlerInput) -> bool:
    """No activity under way, and no offer open but the menu's, a workout's or the week's:
    the questions a pleasantry can be answered before, and asked again after."""
    offer = _offer(handler_input)
    return not _in_other_activity(handler_input) and (
        offer is None or str(offer) in _WORKOUT_OFFERS or offer == Offer.WEEKLY_REVIEW
    )


def _told_the_plan(handler_input: HandlerInput, text: str) -> bool:
    """ "Could you tell me what my exercises are", "which exercises have I got today": today's
    plan read out, as "what are today's exercises" is (outside an activity, no red flag)."""
    prepared = view(handler_input)
    text = prepared.pleasantries.plain(text)
    if not text or _in_other_activity(handler_input):
        return False
    if not asks_what_is_on(text, prepared.lexicon, prepared.workout_words):
        return False
    if prepared.flags.assess(text) is not None:
        return False
    hand_on_as(handler_input, Intent.TODAYS_EXERCISES)
    return True


def _yes_to_nothing(handler_input: HandlerInput) -> None:
    """ "Go on then, let's do it" with no question open (AnswerYesIntent: "go on then" is
    the carrier, "let's do it" the words): nothing to say yes to, so the words are the
    request, when they are a command and carry no red flag."""
    if _offer(handler_input) is not None or _in_other_activity(handler_input):
        return
    words = slot_value(handler_input, STATEMENT_SLOT) or ""
    if not words or view(handler_input).flags.assess(words) is not None:
        return
    command = _command(handler_input, words)
    if command is not None and command in Intent._value2member_map_:
        hand_on_as(handler_input, Intent(command))


def _what_is_this(handler_input: HandlerInput) -> None:
    """ "Hi, what is this exactly", "what's this skill then" (WhatQuestionIntent, the carrier
    "what is" given back): outside an activity, the skill itself. The words left are only
    courtesies and softeners, or with "what is" a question about the skill."""
    if _in_other_activity(handler_input):
        return
    known = view(handler_input).pleasantries
    words = slot_value(handler_input, QUERY_SLOT) or ""
    if known.empty(words) or known.command(f"what is {words}") == Intent.ABOUT.value:
        hand_on_as(handler_input, Intent.ABOUT)
    elif not _told_the_plan(handler_input, f"what are {words}"):
        # "What are today's exercises and how long will it take": two requests in one
        # breath; the first is answered (today's plan says how long it takes too).
        first = _first_request(words)
        if first:
            _told_the_plan(handler_input, f"what are {first}")


# What joins two requests said in one breath.
_AND = re.compile(r",?\s+(?:and|and then|then|also|plus)\s+", re.IGNORECASE)


def _first_request(words: str) -> str:
    """The words before the first "and" that joins two requests; empty when none."""
    parts = _AND.split(words, maxsplit=1)
    return parts[0].strip() if len(parts) == 2 else ""


def _one_said_last(handler_input: HandlerInput) -> None:
    """ "That's a tough one", "hmm, I'd have to say no to that one": the choice carrier
    ("{ordinal} one") took a sentence that ends in "one" for a pick, with nothing to pick
    from. With no close call open and no ordinal heard, the words are handed on whole, as
    the catch-all's, so each feature reads them as said (a check its answer, a workout a
    remark about the set). A real pick ("the second one") is left as it is."""
    said = slot_value(handler_input, "ordinal")
    if not said or slot_id(handler_input, "ordinal") is not None:
        return
    if _offer(handler_input) == OFFER_CHOICE:
        return
    hand_on_as(handler_input, Intent.QUESTION, f"{said} one")


def hand_on_as(
    handler_input: HandlerInput, intent: Intent, words: str = "", slot: str = QUERY_SLOT
) -> None:
    """The request read as `intent` from here on, with `words` in its only slot (none when
    empty): how an interceptor hands words on to the handler they belong to."""
    request = handler_input.request_envelope.request
    assert isinstance(request, IntentRequest) and request.intent is not None
    request.intent.name = intent.value
    request.intent.slots = {slot: Slot(name=slot, value=words)} if words else {}


def interceptors() -> list[AbstractRequestInterceptor]:
    return [CourtesyInterceptor()]


def handlers() -> list[AbstractRequestHandler]:
    """Most specific first: replies to this feature's own questions, then questions."""
    return [
        WellbeingHandler(),
        FaqYesHandler(),
        CheckOfferYesHandler(),
        FaqNoHandler(),
        OrdinalChoiceHandler(),
        TopicNameHandler(),
        TellMeMoreHandler(),
        FaqHelpHandler(),
        FaqFallbackHandler(),
        FaqRepeatHandler(),
        QuestionHandler(),
        TopicIntentHandler(),
    ]
