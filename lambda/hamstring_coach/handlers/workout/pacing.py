"""The program's pace in words: the morning check against the usual morning, the kit
question and "I don't have a gym ball", "why am I not moving up" and "when do I start
running". The rules are the domain's (domain/pacing.py, domain/progression.py); these
handlers only put them into words."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain import events
from hamstring_coach.domain.morning_words import compare_in
from hamstring_coach.domain.pacing import PaceReason, when_running, why_not_moving_up
from hamstring_coach.domain.program import Program, effective
from hamstring_coach.domain.progression import COMPARES, Compare, MorningAnswer
from hamstring_coach.handlers import faq, symptoms
from hamstring_coach.handlers.base import ctx, slot_id, slot_value
from hamstring_coach.handlers.core import disclaimer, pain_rule
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.resume import current_workout
from hamstring_coach.handlers.routing import Handler, Rule, in_mode, intent_of, when
from hamstring_coach.handlers.said import (
    COMPARISON_OPENERS,
    SIGN_SLOT,
    statement_of,
    statement_text,
)
from hamstring_coach.handlers.state import Key, Mode, Offer, mode, session, set_mode
from hamstring_coach.handlers.workout.common import (
    PAIN_MODES,
    coach,
    lead_into,
    program,
)
from hamstring_coach.handlers.workout.pain import morning_answer
from hamstring_coach.handlers.workout.today import start_response, status_today
from hamstring_coach.intents import Intent
from hamstring_coach.voice.coaching import join_list
from hamstring_coach.voice.speech import Speech

KITS = ("ball", "anchor")
WEIGHTS = "weights"  # asked about, never needed: no record, an answer


def _compare(handler_input: HandlerInput) -> Compare | None:
    """The morning answer's value id (entity resolution first, then the spoken word)."""
    value = slot_id(handler_input, "compare") or slot_value(handler_input, "compare")
    return value if value in COMPARES else None


def _flag_in_place_of_compare(handler_input: HandlerInput) -> Response | None:
    """Words that resolved to no comparison may be a symptom said where one fits ("it feels
    numb this morning", "coughed up some blood this morning"): red flags first."""
    if _compare(handler_input) is not None:
        return None
    words = slot_value(handler_input, "compare") or ""
    if not words:
        return None
    flag, theirs = faq.view(handler_input).flags.assess_whose(words)
    return symptoms.flag_response(handler_input, flag, theirs=theirs) if flag is not None else None


class MorningCompareHandler(Handler):
    """ "About the same", "better", "worse" (then "a little, or a lot?") to the morning
    check."""

    rule = when(Intent.MORNING_COMPARE, mode=Mode.MORNING_CHECK)

    def handle(self, handler_input: HandlerInput) -> Response:
        flagged = _flag_in_place_of_compare(handler_input)
        if flagged is not None:
            return flagged
        answer = _compare(handler_input) or _compare_in_words(
            handler_input, slot_value(handler_input, "compare")
        )
        if answer is None and _worse_asked(handler_input):
            # "I mean it hurts more than usual" to "a little, or a lot?": that question again,
            # not the morning question from the top.
            return MorningHowMuchAgainHandler().handle(handler_input)
        if answer is None:
            sp = ctx(handler_input).speech
            return respond(handler_input, sp.line("morning.unclear"), sp.line("reprompt.morning"))
        return self.answer(handler_input, answer)

    @staticmethod
    def answer(handler_input: HandlerInput, answer: Compare) -> Response:
        sp = ctx(handler_input).speech
        attrs = session(handler_input)
        if answer == "worse" and not attrs.get(Key.MORNING_WORSE):
            # "Clearly worse" makes a flare-up day; "a little" only holds the load.
            attrs[Key.MORNING_WORSE] = True
            return respond(
                handler_input,
                sp.line("morning.worse_how_much"),
                sp.line("reprompt.worse_how_much"),
            )
        return morning_answer(handler_input, program(handler_input), MorningAnswer(answer))


# Key.MORNING_WORSE once "a little, or a lot?" got a yes-ish word ("a lot", "a little" and
# "kind of" are also yes-ish answers to the symptom check, so Alexa may send them as
# AMAZON.YesIntent, which cannot tell "a little" from "a lot"): asked again as yes or no.
WORSE_YES_NO = "yes_no"


def _worse_asked(handler_input: HandlerInput) -> bool:
    return bool(session(handler_input).get(Key.MORNING_WORSE))


class MorningHowMuchHandler(Handler):
    """Yes or no while "a little, or a lot worse?" is open. A first yes cannot say which, so
    the plain question follows ("is it a lot worse, yes or no?"): yes is a flare-up
    morning, no a little worse. A no to either question means "not a lot"."""

    rule = when(Intent.YES, Intent.NO, mode=Mode.MORNING_CHECK) & Rule(_worse_asked)

    def handle(self, handler_input: HandlerInput) -> Response:
        attrs = session(handler_input)
        said_yes = intent_of(handler_input) is Intent.YES
        if said_yes and attrs.get(Key.MORNING_WORSE) != WORSE_YES_NO:
            attrs[Key.MORNING_WORSE] = WORSE_YES_NO
            sp = ctx(handler_input).speech
            return respond(
                handler_input, sp.line("morning.worse_yes_no"), sp.line("reprompt.worse_yes_no")
            )
        answer: Compare = "much_worse" if said_yes else "worse"
        return morning_answer(handler_input, program(handler_input), MorningAnswer(answer))


class MorningHowMuchAgainHandler(Handler):
    """Help, repeat or anything unclear while "how much worse?" is open: that question
    again, not the morning question from the top (whose "yes" would then be misread)."""

    rule = when(
        Intent.UNSURE,
        Intent.HELP,
        Intent.FALLBACK,
        Intent.REPEAT,
        Intent.NEXT_SET,
        Intent.RESUME,
        Intent.ORDINAL_CHOICE,
        Intent.WORKOUT_WHERE,
        Intent.IM_DONE,
        Intent.TOO_HARD,
        Intent.PAUSE,
        mode=Mode.MORNING_CHECK,
    ) & Rule(_worse_asked)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        yes_no = session(handler_input).get(Key.MORNING_WORSE) == WORSE_YES_NO
        line = sp.line("reprompt.worse_yes_no" if yes_no else "reprompt.worse_how_much")
        if intent_of(handler_input) is Intent.HELP:
            # Help at any moment carries the short disclaimer (this question was reached
            # more often once morning answers in a sentence were read).
            return respond(handler_input, f"{disclaimer(handler_input)} {line}", line)
        return respond(handler_input, line, line)


def _comparison_word(handler_input: HandlerInput) -> Compare | None:
    """ "Worse" or "better" said alone can reach Alexa as a symptom's name (SymptomNameIntent
    carries "worse" for "it's getting worse"); to an open pain question it is an answer."""
    value = (slot_value(handler_input, SIGN_SLOT) or "").strip().lower()
    return value if value in COMPARES else None


class ComparisonWordHandler(Handler):
    """ "Worse" or "better" said to the morning check, when it arrives as a symptom's name:
    the morning answer. To the pain score after a workout: help to pick a number. Comes
    ahead of the statements' handlers (a red-flag sign is never a comparison word)."""

    rule = when(Intent.SYMPTOM_NAME, mode=PAIN_MODES) & Rule(
        lambda hi: _comparison_word(hi) is not None
    )

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        if mode(handler_input) is not Mode.MORNING_CHECK:
            return respond(handler_input, sp.line("pain.unsure"), sp.line("reprompt.pain"))
        answer = _comparison_word(handler_input)
        assert answer is not None
        return MorningCompareHandler.answer(handler_input, answer)


def _compare_in_sentence(handler_input: HandlerInput) -> Compare | None:
    """The morning answer inside a sentence ("bit stiff but ok", "it hurts more today"),
    which reaches Alexa as a question or a statement. A red flag in it is read first, by
    the statements' and questions' handlers, unless it is one whose words also answer this
    question ("no change" is like other mornings, not weeks without progress)."""
    text = statement_of(handler_input)
    answer = _compare_in_words(handler_input, text)
    if answer is None:
        return None
    view = ctx(handler_input).view
    flag = view.faq.flags.assess(text)
    if flag is not None and not (answer == "same" and flag.id in view.morning_words.over_flags):
        return None
    return answer


def _compare_in_words(handler_input: HandlerInput, text: str | None) -> Compare | None:
    """The comparison the words give (domain/morning_words.py). To "a little, or a lot?",
    only "a lot" is an answer: "it hurts more than usual" says neither, so it is asked
    again."""
    answer = compare_in(text, ctx(handler_input).view.morning_words)
    if _worse_asked(handler_input) and answer != "much_worse":
        return None
    return answer


class CompareInSentenceHandler(Handler):
    """The morning answer said in a sentence: taken as said (and, for "worse", followed by
    "a little, or a lot?" as ever). Before, the sentence was offered topics ("did you mean
    sitting, or walking?" to "it hurts more today") or heard the question again."""

    rule = in_mode(Mode.MORNING_CHECK) & Rule(lambda hi: _compare_in_sentence(hi) is not None)

    def handle(self, handler_input: HandlerInput) -> Response:
        answer = _compare_in_sentence(handler_input)
        assert answer is not None
        return MorningCompareHandler.answer(handler_input, answer)


# "It's worse today" with no morning check open is a flare-up said in passing: the
# flare-up answer (the topic FlareUpIntent answers), or, mid-workout, the pain rule and the
# workout's ways out. It was a FlareUpIntent sample, so the morning check heard a question.
FLARE_UP_TOPIC = "flare_up"
WORSE: frozenset[str] = frozenset({"worse", "much_worse"})


# More words than any comparison people say ("a bit stiff but ok"): a carrier like "it's
# been {compare}" took a question ("it's been a while now, is surgery even an option").
QUESTION_WORDS = 6


def _question_in_place_of_compare(handler_input: HandlerInput) -> str | None:
    """The words, when they resolved to no comparison, give none, and are too many to be
    one: a question the slot swallowed, read as one (red flags first) with no check open."""
    words = slot_value(handler_input, "compare") or ""
    if _compare(handler_input) is not None or len(words.split()) < QUESTION_WORDS:
        return None
    return None if _compare_in_words(handler_input, words) is not None else words


class MorningCompareUnpromptedHandler(Handler):
    """ "Better" or "worse" when no morning check is open: "worse" gets the flare-up advice;
    "better" or "the same" an explanation. Nothing is recorded."""

    rule = when(Intent.MORNING_COMPARE)

    def handle(self, handler_input: HandlerInput) -> Response:
        flagged = _flag_in_place_of_compare(handler_input)
        if flagged is not None:
            return flagged
        asked = _question_in_place_of_compare(handler_input)
        if asked is not None:
            return faq.respond_to_question(handler_input, asked)
        return unprompted(handler_input, _compare(handler_input))


def unprompted(handler_input: HandlerInput, compare: Compare | None) -> Response:
    """A comparison said with no morning check open: the flare-up advice for worse (the
    pain rule mid-workout), an explanation for better or the same."""
    sp = ctx(handler_input).speech
    if compare in WORSE:
        if mode(handler_input) is Mode.WORKOUT:
            return pain_rule(handler_input)
        topic = faq.view(handler_input).index.topic(FLARE_UP_TOPIC)
        if topic is not None:
            return faq.answer(handler_input, topic)
    if mode(handler_input) is Mode.WORKOUT:
        return respond(handler_input, sp.line("morning.unprompted"), sp.line("reprompt.set"))
    return respond(handler_input, sp.line("morning.unprompted"), sp.line("reprompt.main"))


# (conv17) How many words after a comparison opener (said.COMPARISON_OPENERS) are still
# only a comparison's ("worse today", "better this morning"). Longer, the words are a
# statement (red flags first, then a question); in the morning check,
# CompareInSentenceHandler reads them.
OPENER_TAIL = 2


def _opener_alone(handler_input: HandlerInput) -> bool:
    said = intent_of(handler_input)
    words = slot_value(handler_input, "statement") or ""
    if said not in COMPARISON_OPENERS or len(words.split()) > OPENER_TAIL:
        return False
    return faq.view(handler_input).flags.assess(statement_of(handler_input)) is None


class CompareOpenerUnpromptedHandler(Handler):
    """ "Worse today", "better this morning" with no morning check open: what "worse" or
    "better" alone gets (MorningCompareUnpromptedHandler), though a comparison opener
    brought it in."""

    rule = (
        when(*COMPARISON_OPENERS)
        & ~in_mode(Mode.MORNING_CHECK)
        & ~symptoms.IN_CHECK
        & Rule(_opener_alone)
    )

    def handle(self, handler_input: HandlerInput) -> Response:
        said = intent_of(handler_input)
        assert said is not None
        return unprompted(handler_input, COMPARISON_OPENERS[said])


def _alternatives(prog: Program, handler_input: HandlerInput, kit: str) -> str:
    """The spoken names of what replaces today's exercises that need this kit."""
    status = status_today(handler_input)
    items = status.plan.items if status.plan else ()
    alts = [
        prog.exercise(prog.exercise(i.exercise_id).instead or i.exercise_id).names
        for i in items
        if kit in prog.exercise(i.exercise_id).needs
    ]
    return join_list(ctx(handler_input).speech, list(dict.fromkeys(alts)))


def _red_flag(handler_input: HandlerInput) -> Response | None:
    """ "I don't have any feeling down there" fits the kit samples too: the words are read
    for red flags first, as "no feeling down there" (what they say is missing)."""
    words = slot_value(handler_input, "kit") or ""
    flags = faq.view(handler_input).flags
    said = statement_text(Intent.REPORT_ABSENCE, words, None, negators=flags.reading.negators)
    flag, theirs = flags.assess_whose(said)
    return symptoms.flag_response(handler_input, flag, theirs=theirs) if flag is not None else None


def _other_kit_said(handler_input: HandlerInput, asking: str) -> Response | None:
    """ "I don't have a bench" (or a sofa) to "do you have a gym ball?": not a no to the
    ball. Another kit the program uses is noted; anything else gets its straight answer;
    then the question again. None when it was about the kit asked (or no kit was said)."""
    if intent_of(handler_input) is not Intent.NO_KIT:
        return None
    said = slot_id(handler_input, "kit")
    if said == asking or not slot_value(handler_input, "kit"):
        return None
    c = ctx(handler_input)
    sp = c.speech
    if said not in KITS and said != WEIGHTS:
        flagged = _red_flag(handler_input)
        if flagged is not None:
            return flagged
    if said in KITS:
        c.turn.record(events.kit_reported({str(said): False}))
        lead = sp.line("kit.noted")
    else:
        lead = sp.line("kit.weights" if said == WEIGHTS else "kit.not_needed")
    session(handler_input)[Key.KIT_ASKING] = asking
    return respond(
        handler_input, f"{lead} {sp.line(f'kit.ask.{asking}')}", sp.line(f"reprompt.kit.{asking}")
    )


class KitAnswerHandler(Handler):
    """Yes or no to "do you have a gym ball?" before the workout: noted once, for good."""

    rule = when(Intent.YES, Intent.NO, Intent.NO_KIT, mode=Mode.KIT_CHECK)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        kit = str(session(handler_input).pop(Key.KIT_ASKING, ""))
        if kit not in KITS:
            return start_response(handler_input)
        other = _other_kit_said(handler_input, kit)
        if other is not None:
            return other
        has = intent_of(handler_input) is Intent.YES
        prog = program(handler_input)
        alts = "" if has else _alternatives(prog, handler_input, kit)
        c.turn.record(events.kit_reported({kit: has}))
        set_mode(handler_input, None)
        lead = sp.line("kit.have") if has else sp.line("kit.instead", alt=alts)
        return start_response(handler_input, lead)


class KitRepeatHandler(Handler):
    """Help, repeat or anything unclear while the kit question is open: ask it again. So
    does "wait" ("there's nothing to pause" dropped the question)."""

    rule = when(
        Intent.HELP,
        Intent.REPEAT,
        Intent.FALLBACK,
        Intent.UNSURE,
        Intent.PAUSE,
        mode=Mode.KIT_CHECK,
    )

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        kit = str(session(handler_input).get(Key.KIT_ASKING, "ball"))
        kit = kit if kit in KITS else "ball"
        return respond(handler_input, sp.line(f"kit.ask.{kit}"), sp.line(f"reprompt.kit.{kit}"))


class NoKitHandler(Handler):
    """ "I don't have a gym ball", at any time: noted for good; in a workout, the exercise
    that needs it is swapped at once for the one that counts the same without it."""

    rule = when(Intent.NO_KIT)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        kit = slot_id(handler_input, "kit")
        if kit == WEIGHTS:  # weighted levels take a loaded backpack just as well
            return _answer_and_offer(handler_input, sp.line("kit.weights"))
        if kit not in KITS and slot_value(handler_input, "kit"):
            flagged = _red_flag(handler_input)
            if flagged is not None:
                return flagged
            # A bench, a step, a mat: nothing here needs it. Said plainly, with the two
            # things that are needed, in case it was one of them misheard.
            return _answer_and_offer(handler_input, sp.line("kit.not_needed"))
        if kit not in KITS:
            return respond(handler_input, sp.line("kit.unclear"), sp.line("reprompt.kit.which"))
        assert kit is not None
        c.turn.record(events.kit_reported({kit: False}))
        state = current_workout(handler_input)
        # Outside a workout the note used to end the turn with the mic open and no question
        # asked (only the reprompt had one): today's plan is offered, as after any answer
        # about the program. In a workout the set carries on.
        if mode(handler_input) is not Mode.WORKOUT or state is None or state.current is None:
            return _answer_and_offer(handler_input, sp.line("kit.noted"))
        cch = coach(handler_input)
        prog = cch.program
        item = state.current
        if kit not in prog.exercise(item.exercise_id).needs:
            return _answer_and_offer(handler_input, sp.line("kit.noted"))
        alt_id = effective(prog, c.turn.progress, item.exercise_id)
        if alt_id == item.exercise_id:  # no alternative: leave it out instead
            return _answer_and_offer(handler_input, sp.line("kit.noted"))
        alt = prog.exercise(alt_id)
        level = prog.level_of(c.turn.progress, alt_id)
        c.turn.record(events.exercise_swapped(c.today, alt_id, level, alt.level(level).sets))
        after = current_workout(handler_input)
        assert after is not None and after.current is not None
        return lead_into(handler_input, cch, after, sp.line("kit.swapped", alt=alt.names))


def _pace_sentence(sp: Speech, prog: Program, stage: int, why: PaceReason) -> str:
    names = prog.exercise(why.exercise_id).names if why.exercise_id else ""
    names = names[:1].upper() + names[1:]  # each line that names them starts with them
    if why.key == "sessions":
        if why.sessions == 1:
            return sp.line("pace.sessions_one", names=names)
        return sp.line("pace.sessions", names=names, count=why.sessions)
    if why.key == "level_time":
        return sp.line("pace.level_time", names=names, days=why.days)
    if why.key == "stage_time":
        return sp.line("pace.stage_time", days=why.days)
    if why.key == "recent_bad":
        return sp.line("pace.recent_bad")
    if why.key == "incomplete":
        return sp.line("pace.incomplete")
    return sp.line("pace.program_top" if stage >= prog.last_stage else "pace.at_top")


def _answer_and_offer(handler_input: HandlerInput, speech: str) -> Response:
    """An answer about the program; in a workout the workout carries on, else today's plan
    is offered."""
    sp = ctx(handler_input).speech
    if mode(handler_input) is Mode.WORKOUT:
        return respond(handler_input, speech, sp.line("reprompt.set"))
    set_mode(handler_input, None, Offer.TODAYS_PLAN)
    return respond(handler_input, f"{speech} {sp.line('pace.reprompt')}", sp.line("reprompt.plan"))


class WhyNotProgressingHandler(Handler):
    """ "Why am I not moving up?": the real reason, from the domain."""

    rule = when(Intent.WHY_NOT_PROGRESSING)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        prog = program(handler_input)
        progress = c.turn.progress
        why = why_not_moving_up(prog, progress, c.today)
        speech = _pace_sentence(c.speech, prog, progress.stage, why)
        return _answer_and_offer(handler_input, speech)


class WhenRunningHandler(Handler):
    """ "When do I start running?": the earliest, if every session settles, and why."""

    rule = when(Intent.WHEN_RUNNING)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        prog = program(handler_input)
        outlook = when_running(prog, c.turn.progress, c.today)
        if outlook.running_now:
            speech = sp.line("running.now")
        else:
            stage = prog.stage(prog.last_stage).name
            speech = sp.line("running.later", weeks=outlook.weeks, stage=stage)
        return _answer_and_offer(handler_input, speech)
