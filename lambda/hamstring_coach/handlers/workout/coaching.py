"""Inside a workout: one set a turn, skip, easier or harder, repeat, pause and stop."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain import events
from hamstring_coach.domain.program import names_nothing
from hamstring_coach.domain.progression import (
    easier_level,
    harder_blocked,
    harder_level,
)
from hamstring_coach.domain.workout import WorkoutState
from hamstring_coach.handlers import faq
from hamstring_coach.handlers.base import ctx, slot_value
from hamstring_coach.handlers.core import HelpLineHandler, disclaimer, main_menu, pain_rule
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.resume import current_workout
from hamstring_coach.handlers.routing import (
    Handler,
    LineHandler,
    Rule,
    in_mode,
    intent_of,
    when,
)
from hamstring_coach.handlers.state import Key, Mode, Offer, mode, offer, session, set_mode
from hamstring_coach.handlers.workout import today
from hamstring_coach.handlers.workout.common import (
    card_for,
    coach,
    lapsed,
    lead_into,
    screen_for,
)
from hamstring_coach.intents import Intent
from hamstring_coach.voice.coaching import Coach


class _InWorkoutHandler(Handler):
    """A command inside a workout: handled against the current set, or, when the workout
    is gone (midnight passed, another device finished it), the lapsed answer."""

    def handle(self, handler_input: HandlerInput) -> Response:
        if offer(handler_input) is Offer.STOP_OR_CARRY_ON:
            set_mode(handler_input, Mode.WORKOUT)  # "stop, or carry on?" is answered
        state = current_workout(handler_input)
        if state is None or state.current is None:
            return lapsed(handler_input)
        return self.coach_turn(handler_input, state, coach(handler_input))

    def coach_turn(self, handler_input: HandlerInput, state: WorkoutState, cch: Coach) -> Response:
        raise NotImplementedError


class WorkoutSetHandler(_InWorkoutHandler):
    """ "Next set" (or ready, done, next, yes) in a workout: coach one set."""

    rule = when(Intent.NEXT_SET, Intent.NEXT, Intent.YES, mode=Mode.WORKOUT)

    def coach_turn(self, handler_input: HandlerInput, state: WorkoutState, cch: Coach) -> Response:
        c = ctx(handler_input)
        attrs = session(handler_input)
        seen = attrs.get(Key.WORKOUT_AT)
        if isinstance(seen, int) and seen != state.index:
            # Another device moved the workout on to an exercise this one never introduced:
            # say where it stands first, rather than "set 1 of 5" of an unnamed exercise.
            attrs[Key.WORKOUT_AT] = state.index
            speech, reprompt = cch.upcoming(state)
            lead = c.speech.line("workout.moved_on")
            return respond(
                handler_input,
                f"{lead} {speech}",
                reprompt,
                card=card_for(cch, state.current) if state.current else None,
                screen=screen_for(cch, state),
            )
        item = state.current
        assert item is not None  # _InWorkoutHandler answered a lapsed workout already
        turn = cch.set_turn(state)
        screen = screen_for(cch, state, state.set_index + 1)
        # The last set finishes the workout (derived from the sets, so counted once).
        c.turn.record(events.set_done(c.today, state.index, state.set_index + 1))
        attrs[Key.WORKOUT_AT] = state.index
        card = None
        if turn.finished_workout:
            c.signal("workout_finished")
            set_mode(handler_input, Mode.PAIN_CHECK)
        elif turn.finished_exercise:
            after = current_workout(handler_input)
            if after is not None and after.current is not None:
                card = card_for(cch, after.current)
                attrs[Key.WORKOUT_AT] = after.index  # its introduction was just said
        return respond(
            handler_input, turn.ssml, turn.reprompt, card=card, screen=screen, marks=turn.marks
        )


class WorkoutSkipHandler(_InWorkoutHandler):
    rule = when(Intent.SKIP_EXERCISE, mode=Mode.WORKOUT)

    def coach_turn(self, handler_input: HandlerInput, state: WorkoutState, cch: Coach) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        assert state.current is not None  # _InWorkoutHandler answered a lapsed workout already
        skipped = cch.program.exercise(state.current.exercise_id)
        # Skipping the last exercise ends the workout: finished if a set was done, else it
        # leaves no trace (derived from the sets, so counted once).
        c.turn.record(events.exercise_skipped(c.today, state.index))
        lead = sp.line("skip.done", names=skipped.names)
        after = current_workout(handler_input)
        if after is not None and after.current is not None:
            session(handler_input)[Key.WORKOUT_AT] = after.index  # introduced here
            return lead_into(handler_input, cch, after, lead)
        if state.sets_done == 0:
            set_mode(handler_input, None)
            return respond(handler_input, f"{lead} {sp.line('skip.nothing_done')}", None)
        c.signal("workout_finished")
        set_mode(handler_input, Mode.PAIN_CHECK)
        speech = f"{lead} {sp.line('workout.done')} {sp.line('pain.ask')}"
        return respond(handler_input, speech, sp.line("reprompt.pain"))


class WorkoutLevelHandler(_InWorkoutHandler):
    """ "Easier" or "harder" during a workout. Easier holds from now on; harder goes one
    level above the program's own at most, for today only, and is refused on a first
    session, after a bad morning or a too-sore session."""

    rule = when(Intent.EASIER, Intent.HARDER, mode=Mode.WORKOUT)

    def coach_turn(self, handler_input: HandlerInput, state: WorkoutState, cch: Coach) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        item = state.current
        assert item is not None  # _InWorkoutHandler answered a lapsed workout already
        ex = cch.program.exercise(item.exercise_id)
        harder = intent_of(handler_input) is Intent.HARDER
        _, reprompt = cch.upcoming(state)
        if harder:
            blocked = harder_blocked(c.turn.progress, c.today)
            if blocked:
                return respond(handler_input, sp.line(f"harder.{blocked}"), reprompt)
            new = harder_level(cch.program, c.turn.progress, ex.id, item.level)
        else:
            new = easier_level(item.level)
        if new is None:
            if not harder:
                key = "easier.floor"
            else:
                key = "harder.top" if item.level >= ex.top else "harder.ceiling"
            return respond(handler_input, sp.line(key), reprompt)
        # Harder lasts today only; easier holds from now on (the safe direction).
        c.turn.record(
            events.level_changed(c.today, ex.id, new, ex.level(new).sets, today_only=harder)
        )
        after = current_workout(handler_input)
        assert after is not None and after.current is not None
        level = ex.level(new)
        lead = sp.line("harder.done" if harder else "easier.done", title=level.title, how=level.how)
        speech, reprompt = cch.upcoming(after)
        # The new version's name was just said: what follows is only what to do next.
        speech = sp.line("exercise.ready") if after.set_index == 0 else cch.next_set(after)
        return respond(
            handler_input,
            f"{lead} {speech}",
            reprompt,
            card=card_for(cch, after.current),
            screen=screen_for(cch, after),
        )


# "How do I do this?" / "what's this one?": an exercise question naming no exercise (the
# slot empty, or only "this one", "that one", "it").
ABOUT_THIS_ONE = Rule(lambda hi: names_nothing(slot_value(hi, "exercise") or ""))


class WorkoutRepeatHandler(_InWorkoutHandler):
    """ "Repeat", "start over", "go back", or "how do I do this?" in a workout: what comes
    next, with the current exercise's full set-up steps. A finished set stays finished, so
    "go back" says so rather than undoing it."""

    rule = (
        when(Intent.REPEAT, Intent.START_OVER, Intent.PREVIOUS, mode=Mode.WORKOUT)
        | (
            when(Intent.EXERCISE_HOW_TO, Intent.EXERCISE_HOW_TO_MORE, mode=Mode.WORKOUT)
            & ABOUT_THIS_ONE
        )
        # "So how do I do this one", "um what is this": a carrier brought it in as a question.
        | (faq.QUESTIONS & faq.THIS_ONE_ASKED)
    )

    def coach_turn(self, handler_input: HandlerInput, state: WorkoutState, cch: Coach) -> Response:
        speech, reprompt = cch.upcoming(state, steps=True)
        if intent_of(handler_input) is Intent.PREVIOUS:
            speech = f"{ctx(handler_input).speech.line('workout.back')} {speech}"
        return respond(handler_input, speech, reprompt, screen=screen_for(cch, state))


class WorkoutWhereHandler(_InWorkoutHandler):
    """ "How many sets are left?", "what exercise is this?", "how long do I hold it?": where
    the workout stands and today's dose, in one breath (before, these went to the questions
    and got an unrelated topic).

    AMAZON.ResumeIntent too: in a workout it is said between sets, and Alexa sends "where was
    I" there as well as "carry on". Running the next set answered "where was I" with a timed
    set the person was not ready for; where they are, and "say next set", keeps the place and
    costs a "carry on" one short turn."""

    rule = when(Intent.WORKOUT_WHERE, Intent.RESUME, mode=Mode.WORKOUT)

    def coach_turn(self, handler_input: HandlerInput, state: WorkoutState, cch: Coach) -> Response:
        sp = ctx(handler_input).speech
        item = state.current
        assert item is not None
        ex = cch.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        parts = [sp.line("workout.where", done=state.sets_done, total=state.plan.total_sets)]
        if ex.type != "run":  # a run's dose is its plan, said with it already
            parts.append(sp.line("workout.where_dose", dose=cch.dose(ex, level)))
        n = state.set_index + 1
        parts.append(sp.line("set.upcoming", title=level.title, n=n, of=item.sets))
        speech = " ".join(parts)
        return respond(handler_input, speech, sp.line("reprompt.set"))


class WorkoutPauseHandler(Handler):
    """Pause: the place is already saved after every set, so the session can end."""

    rule = when(Intent.PAUSE)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return self.rule(handler_input) and (
            mode(handler_input) is Mode.WORKOUT or current_workout(handler_input) is not None
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        set_mode(handler_input, None)
        return respond(handler_input, ctx(handler_input).speech.line("workout.paused"), None)


def stopped(handler_input: HandlerInput) -> Response:
    """The workout ends here; every set done so far is kept (saved after each one)."""
    sp = ctx(handler_input).speech
    state = current_workout(handler_input)
    set_mode(handler_input, None)
    if state is None or state.sets_done == 0:
        return respond(handler_input, sp.line("workout.stopped_none"), None)
    speech = sp.line("workout.stopped", done=state.sets_done, total=state.plan.total_sets)
    return respond(handler_input, speech, None)


class WorkoutStopHandler(Handler):
    rule = when(Intent.STOP, Intent.CANCEL, Intent.NAVIGATE_HOME, mode=Mode.WORKOUT)

    def handle(self, handler_input: HandlerInput) -> Response:
        return stopped(handler_input)


def _on_a_run(state: WorkoutState, cch: Coach) -> bool:
    item = state.current
    return item is not None and cch.program.exercise(item.exercise_id).type == "run"


class WorkoutDoneHandler(_InWorkoutHandler):
    """ "I'm done" in a workout. After a run it means the run is done (the run's briefing
    says "say done"). Anywhere else it could mean "done with this set" or "done for
    today", and it used to coach (and credit) the next set: so it asks which, crediting
    nothing. "I'm done" again, or stop, ends the workout with every set kept; next set
    carries on; a yes gets the choice again in plain words."""

    rule = when(Intent.IM_DONE, mode=Mode.WORKOUT)

    def coach_turn(self, handler_input: HandlerInput, state: WorkoutState, cch: Coach) -> Response:
        if _on_a_run(state, cch):
            return WorkoutSetHandler().coach_turn(handler_input, state, cch)
        sp = ctx(handler_input).speech
        item = state.current
        assert item is not None
        set_mode(handler_input, Mode.WORKOUT, Offer.STOP_OR_CARRY_ON)
        title = cch.program.exercise(item.exercise_id).level(item.level).title
        speech = sp.line("workout.done_ask", title=title, n=state.set_index + 1, of=item.sets)
        return respond(handler_input, speech, sp.line("reprompt.done_ask"))


class WorkoutDoneAgainHandler(Handler):
    """ "I'm done" again to "stop for today, or carry on?": stop, every set kept."""

    rule = when(Intent.IM_DONE, mode=Mode.WORKOUT, offer=Offer.STOP_OR_CARRY_ON)

    def handle(self, handler_input: HandlerInput) -> Response:
        return stopped(handler_input)


class DoneOutsideWorkoutHandler(Handler):
    """ "I'm done" with no workout going: back from today's run (the run's briefing asks
    for "done" then), it carries the workout on like "done"; otherwise it is goodbye."""

    rule = when(Intent.IM_DONE) & ~in_mode(Mode.WORKOUT)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = current_workout(handler_input)
        if state is not None and _on_a_run(state, coach(handler_input)):
            return today.StartWorkoutHandler().handle(handler_input)
        set_mode(handler_input, None)
        return respond(handler_input, ctx(handler_input).speech.line("goodbye"), None)


class TooHardOutsideWorkoutHandler(Handler):
    """ "It's too much" with no workout going: how to make a workout lighter, then the menu.
    It says how much pain is fine, so the short disclaimer goes with it. (A pain question
    or the symptom check takes it first as an unclear answer.)"""

    rule = when(Intent.TOO_HARD) & ~in_mode(Mode.WORKOUT)

    def handle(self, handler_input: HandlerInput) -> Response:
        set_mode(handler_input, None)
        advice = ctx(handler_input).speech.line("too_hard.outside")
        return main_menu(handler_input, f"{advice} {disclaimer(handler_input)}")


# In a workout, answers that differ only in their words.
NO = LineHandler(when(Intent.NO, mode=Mode.WORKOUT), "workout.no", "reprompt.set")
HELP = HelpLineHandler(when(Intent.HELP, mode=Mode.WORKOUT), "workout.help", "reprompt.set")
# "Yes" to "stop for today, or carry on?" says neither: the choice again, plainly.
DONE_WHICH = LineHandler(
    when(Intent.YES, mode=Mode.WORKOUT, offer=Offer.STOP_OR_CARRY_ON),
    "workout.done_which",
    "reprompt.done_ask",
)


# "It's too much", "this is too hard" (no red flag in it): the pain rule and the ways out,
# as for "I can't do this one"; before, "it's too much" got the causes of tendinopathy.
class TooHardHandler(Handler):
    rule = when(Intent.TOO_HARD, mode=Mode.WORKOUT)

    def handle(self, handler_input: HandlerInput) -> Response:
        return pain_rule(handler_input)


FALLBACK = LineHandler(
    when(Intent.FALLBACK, Intent.UNSURE, mode=Mode.WORKOUT), "workout.fallback", "reprompt.set"
)
