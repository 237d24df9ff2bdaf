""" "How do I do a Nordic curl?": an exercise's steps one at a time, with next, back and
repeat, then the cue, what to feel and what should stop you."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.faq import Outcome
from hamstring_coach.domain.program import (
    Program,
    asks_something_else,
    before_detail,
    described,
)
from hamstring_coach.handlers import faq
from hamstring_coach.handlers.base import MODE, ctx, session, slot_id, slot_value
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.resume import current_workout
from hamstring_coach.handlers.routing import Handler, Rule, in_mode, intent_of, when
from hamstring_coach.handlers.state import Mode
from hamstring_coach.handlers.walk_steps import STATE, WALKTHROUGH, step_response
from hamstring_coach.handlers.workout import program
from hamstring_coach.handlers.workout.coaching import ABOUT_THIS_ONE
from hamstring_coach.intents import Intent
from hamstring_coach.voice.coaching import join_list

EXAMPLES = 3  # exercises named when a name is not recognised


def _state(handler_input: HandlerInput) -> dict[str, Any] | None:
    value = session(handler_input).get(STATE)
    return value if isinstance(value, dict) else None


IN_WALKTHROUGH = in_mode(WALKTHROUGH) & Rule(lambda hi: _state(hi) is not None)


class ExerciseHowToHandler(Handler):
    # "How do I do this?" in a workout is about the current exercise: the workout answers.
    rule = when(Intent.EXERCISE_HOW_TO, Intent.EXERCISE_HOW_TO_MORE) & ~(
        in_mode(Mode.WORKOUT) & ABOUT_THIS_ONE
    )

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        prog = program(handler_input)
        exercise_id = slot_id(handler_input, "exercise")
        said = slot_value(handler_input, "exercise") or ""
        if exercise_id is None and said:
            # Free words a frame caught are read for red flags first ("I can only walk a few"
            # caught by "{exercise} ..."); words that ask how often, why or whether ("explain
            # why the nordics hurt") are a question about the exercise, not its steps.
            known = faq.view(handler_input)
            if known.flags.assess(said) is not None or asks_something_else(
                said, known.lexicon, known.howto_words
            ):
                return faq.respond_to_question(handler_input, said)
        if exercise_id is None:
            # Words the model has no synonym for ("the bridge where you lower slowly"): a word
            # of a name or two of an exercise's words name it; one descriptive word does not
            # ("ankle" in "rolled ankle" is no Nordic curl).
            known = faq.view(handler_input)
            named = before_detail(said, known.lexicon, known.howto_words)
            exercise_id = described(prog, named, named=True)
        if exercise_id is not None and exercise_id in prog.exercises:
            return step_response(handler_input, prog.exercise(exercise_id), 0, fresh=True)
        if said and _not_an_exercise(handler_input, said):
            # "Explain the condition to me": no exercise, but a question one topic clearly
            # answers. Mid-workout, a story ("rolled ankle") is read for red flags and gets
            # the honest "only the upper hamstring" with the way back to the set.
            return faq.respond_to_question(handler_input, said)
        which = ABOUT_THIS_ONE(handler_input)  # "how do I do this?" with nothing going on
        walking = _state(handler_input) if IN_WALKTHROUGH(handler_input) else None
        if which and walking is not None and str(walking.get("ex")) in prog.exercises:
            # "How do I do this?" / "what's this one?" in the middle of an exercise's steps
            # is that exercise, from its name and first step (it got "which exercise?").
            ex = prog.exercise(str(walking.get("ex")))
            return step_response(handler_input, ex, 0, fresh=True)
        return _unknown(handler_input, prog, c.turn.progress.stage, which=which)


def _not_an_exercise(handler_input: HandlerInput, said: str) -> bool:
    """Whether words that name no exercise are better answered as a question: one the FAQ
    answers outright; in a workout also a red flag or another body part, so the person
    keeps their place instead of hearing "which exercise?" about a turned ankle."""
    prepared = faq.view(handler_input)
    outcome = prepared.index.match(said).outcome
    if not in_mode(Mode.WORKOUT)(handler_input):
        return outcome is Outcome.ANSWER
    if prepared.flags.assess(said) is not None:
        return True
    return outcome in (Outcome.ANSWER, Outcome.OFF_TOPIC)


def _unknown(
    handler_input: HandlerInput, prog: Program, stage: int, which: bool = False
) -> Response:
    """A name that matched no exercise (or none was said): name a few, change nothing."""
    sp = ctx(handler_input).speech
    mine = list(prog.stage(stage).exercises)
    others = [e for e in prog.exercises if e not in mine]
    names = [prog.exercise(e).names for e in (mine + others)[:EXAMPLES]]
    key = "walk.which" if which else "walk.unknown"
    speech = sp.line(key, examples=join_list(sp, names))
    return respond(handler_input, speech, sp.line("walk.unknown_reprompt"))


def _steps_in(handler_input: HandlerInput, exercise_id: str) -> int:
    prog = program(handler_input)
    return len(prog.exercise(exercise_id).setup) if exercise_id in prog.exercises else 0


class WalkthroughNavigationHandler(Handler):
    """Next, back, repeat and start over while walking through the steps."""

    rule = IN_WALKTHROUGH & when(
        # "What's next?" (WorkoutWhereIntent) in the steps is the next step.
        Intent.NEXT,
        Intent.YES,
        Intent.PREVIOUS,
        Intent.REPEAT,
        Intent.START_OVER,
        Intent.WORKOUT_WHERE,
    )
    next_set = IN_WALKTHROUGH & when(Intent.NEXT_SET)
    # "Where was I" is Alexa's AMAZON.ResumeIntent: in the steps with no workout going it
    # said "no workout to resume" and dropped them; it is the step they are on. (With a
    # workout going, resume goes back to the workout.)
    resume = IN_WALKTHROUGH & when(Intent.RESUME)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if self.resume(handler_input):
            return current_workout(handler_input) is None
        if self.next_set(handler_input):
            # "Ready" or "next set" after the last step means the workout, not the steps.
            state = _state(handler_input) or {}
            return int(state.get("step", 0)) < _steps_in(handler_input, str(state.get("ex")))
        return self.rule(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = _state(handler_input)
        assert state is not None
        prog = program(handler_input)
        exercise_id = str(state.get("ex"))
        if exercise_id not in prog.exercises:  # content changed under the session
            session(handler_input).pop(MODE, None)
            return _unknown(handler_input, prog, ctx(handler_input).turn.progress.stage)
        ex = prog.exercise(exercise_id)
        step = int(state.get("step", 0))
        last = len(ex.setup)
        said = intent_of(handler_input)
        if said is Intent.PREVIOUS:
            if step == 0:
                sp = ctx(handler_input).speech
                text = f"{sp.line('walk.first_step')} {sp.line('walk.step', n=1, text=ex.setup[0])}"
                if len(ex.setup) > 1:
                    text = f"{text} {sp.line('walk.next_prompt', n=2)}"
                return respond(handler_input, text, sp.line("walk.reprompt"))
            step -= 1
        elif said is Intent.START_OVER:
            step = 0
        elif said not in (Intent.REPEAT, Intent.RESUME):
            step = min(last, step + 1)
        return step_response(handler_input, ex, step)


class WalkthroughHelpHandler(Handler):
    rule = IN_WALKTHROUGH & when(Intent.HELP, Intent.FALLBACK, Intent.UNSURE)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        state = _state(handler_input) or {}
        # After the last step there is no "next": help and the reprompt say what is left.
        done = int(state.get("step", 0)) >= _steps_in(handler_input, str(state.get("ex")))
        if intent_of(handler_input) is Intent.HELP:
            text = sp.line("walk.help_end" if done else "walk.help")
        else:
            text = sp.line("walk.fallback_end" if done else "walk.fallback")
        reprompt = sp.line("walk.end_reprompt" if done else "walk.reprompt")
        return respond(handler_input, text, reprompt)


class WalkthroughNoHandler(Handler):
    rule = IN_WALKTHROUGH & when(Intent.NO)

    def handle(self, handler_input: HandlerInput) -> Response:
        attrs = session(handler_input)
        attrs.pop(MODE, None)
        attrs.pop(STATE, None)
        return respond(handler_input, ctx(handler_input).speech.line("walk.done"), None)


def handlers() -> list[AbstractRequestHandler]:
    return [
        WalkthroughNavigationHandler(),
        WalkthroughHelpHandler(),
        WalkthroughNoHandler(),
        ExerciseHowToHandler(),
    ]
