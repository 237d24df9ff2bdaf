"""Questions about the program itself (round 21): how it works, what it needs, who it is for.

Played as a new user, "what exercises will I do later on" got a choice of two FAQ topics,
"what equipment do I need" got "I don't have a good answer", and "can I do this if I'm
pregnant" got "I only know about the upper hamstring". The answers come from the program's
own content where they can (its stages, in order, and the person's own stage), so a clinic
that changes the stages changes what is said.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.program import finished_on, program_paused
from hamstring_coach.domain.stats import summarize
from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.core import disclaimer
from hamstring_coach.handlers.display import respond, text_card
from hamstring_coach.handlers.routing import Handler, when
from hamstring_coach.handlers.state import Mode, Offer, mode, set_mode
from hamstring_coach.handlers.workout import program
from hamstring_coach.intents import Intent

# Modes whose question stays open after the answer: the answer says how to carry on.
_CARRY_ON = {Mode.WORKOUT: "reprompt.set", Mode.WALKTHROUGH: "walk.reprompt"}


def _answer(
    handler_input: HandlerInput, speech: str, card: tuple[str, str] | None = None
) -> Response:
    """The answer, then the way on: mid-workout the set waits; otherwise today's exercises
    are offered when there are any to do (not once done, not while paused)."""
    c = ctx(handler_input)
    sp = c.speech
    now = mode(handler_input)
    if now in _CARRY_ON:
        back = sp.line(_CARRY_ON[now])
        return respond(handler_input, f"{speech} {back}", back, card=card)
    progress = c.turn.progress
    if program_paused(progress):
        set_mode(handler_input, None)
        return respond(handler_input, speech, sp.line("onhold.reprompt"), card=card)
    if finished_on(progress, c.today):
        set_mode(handler_input, None)
        return respond(handler_input, speech, sp.line("reprompt.main"), card=card)
    set_mode(handler_input, None, Offer.TODAYS_PLAN)
    offer = sp.line("pace.reprompt")
    return respond(handler_input, f"{speech} {offer}", sp.line("reprompt.plan"), card=card)


class ProgramOverviewHandler(Handler):
    """ "How does the program work", "what exercises will I do later on": the stages in
    order, where the person is, and how a stage moves on."""

    rule = when(Intent.PROGRAM_OVERVIEW)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        prog = program(handler_input)
        stages = [prog.stages[n] for n in sorted(prog.stages)]
        # Each name starts a sentence, spoken and on the card.
        titles = [f"{s.name[0].upper()}{s.name[1:]}" for s in stages]
        current = prog.stage(summarize(c.turn.progress, c.today).stage).name
        speech = " ".join(
            (
                sp.line(
                    "program.overview",
                    count=str(len(stages)),
                    # One sentence a stage: its name has a comma in it ("stage one, calm
                    # and hold"), so a spoken list of them ran together.
                    names=" ".join(f"{t}." for t in titles),
                    stage=current,
                ),
                sp.line("program.pacing"),
            )
        )
        body = " ".join(f"{t}: {s.summary}" for t, s in zip(titles, stages, strict=True))
        return _answer(handler_input, speech, text_card(sp.first("program.card"), body))


class EquipmentHandler(Handler):
    """ "What equipment do I need", "can I do this at home"."""

    rule = when(Intent.EQUIPMENT)

    def handle(self, handler_input: HandlerInput) -> Response:
        return _answer(handler_input, ctx(handler_input).speech.line("kit.overview"))


class SuitabilityHandler(Handler):
    """ "Is this program right for me", "can I do this if I'm pregnant": who it is made
    for, when to ask a professional first, and the short disclaimer (a help path)."""

    rule = when(Intent.SUITABILITY)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        speech = f"{sp.line('program.suitable')} {disclaimer(handler_input)}"
        if mode(handler_input) in _CARRY_ON:
            return _answer(handler_input, speech)
        set_mode(handler_input, None)
        after = sp.line("faq.after_long")
        return respond(handler_input, f"{speech} {after}", sp.line("faq.after_long.reprompt"))


def handlers() -> list[AbstractRequestHandler]:
    return [ProgramOverviewHandler(), EquipmentHandler(), SuitabilityHandler()]
