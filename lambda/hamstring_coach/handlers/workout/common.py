"""What the workout's handlers share: the program and coach of this turn, today's
workout, and the pieces of a coaching response (card, screen, set-up)."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.program import (
    PlanItem,
    Program,
    times_done,
)
from hamstring_coach.domain.workout import WorkoutState
from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.state import Mode, Offer, set_mode
from hamstring_coach.voice.coaching import Coach
from hamstring_coach.voice.screens import Screen
from hamstring_coach.voice.speech import plain

# Brief set-ups for exercises done on at least this many earlier days.
FAMILIAR_AFTER = 2
# The two pain questions: during the last workout, and this morning.
PAIN_MODES = (Mode.PAIN_CHECK, Mode.MORNING_CHECK)
# What a "yes" can start in this feature.
MY_OFFERS = (Offer.START_WORKOUT, Offer.RESUME_WORKOUT, Offer.TODAYS_PLAN)


def program(handler_input: HandlerInput) -> Program:
    return ctx(handler_input).view.program


def coach(handler_input: HandlerInput) -> Coach:
    return Coach(ctx(handler_input).speech, program(handler_input))


def card_for(cch: Coach, item: PlanItem) -> tuple[str, str]:
    return cch.exercise_card(item)


def screen_for(cch: Coach, state: WorkoutState, set_number: int | None = None) -> Screen:
    item = state.current
    assert item is not None
    ex = cch.program.exercise(item.exercise_id)
    level = ex.level(item.level)
    n = set_number if set_number is not None else state.set_index + 1
    progress = cch.sp.first("screen.set", n=min(n, item.sets), of=item.sets)
    return Screen(
        title=ex.title,
        subtitle=level.title,
        counter="",
        progress=plain(progress) if ex.type != "run" else "",
        detail=ex.cue,
    )


def intro(cch: Coach, state: WorkoutState, handler_input: HandlerInput) -> str:
    """The current exercise's set-up: brief once it is familiar (repeat gives the steps)."""
    item = state.current
    assert item is not None
    c = ctx(handler_input)
    familiar = times_done(c.turn.progress, item.exercise_id, c.today) >= FAMILIAR_AFTER
    if familiar and cch.program.exercise(item.exercise_id).type != "run":
        return cch.brief_intro(item, first=state.index == 0)
    return cch.intro(item, first=state.index == 0)


def lead_into(handler_input: HandlerInput, cch: Coach, state: WorkoutState, lead: str) -> Response:
    """A word on what just changed (`lead`), then straight into the current exercise's
    set-up, with its card and screen: after a skip or a swap, mid-workout."""
    item = state.current
    assert item is not None
    return respond(
        handler_input,
        f"{lead} {intro(cch, state, handler_input)}",
        cch.intro_reprompt(item),
        card=card_for(cch, item),
        screen=screen_for(cch, state),
    )


def lapsed(handler_input: HandlerInput) -> Response:
    """In workout mode, but the workout is gone (midnight passed, or another device
    finished it): say so and offer today's."""
    sp = ctx(handler_input).speech
    set_mode(handler_input, None, Offer.START_WORKOUT)
    return respond(handler_input, sp.line("workout.lapsed"), sp.line("reprompt.offer"))
