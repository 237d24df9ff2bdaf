"""An exercise's walkthrough, one step a turn: the steps, then the cue, the feel, the stop
and where it fits for this person. Its own module so the questions (handlers/faq.py) can
start a walkthrough asked for in a question without importing the walkthrough's handlers,
which import the questions."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.program import Exercise
from hamstring_coach.handlers.base import MODE, OFFER, ctx, session
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.state import Key, Mode
from hamstring_coach.voice.screens import Screen

WALKTHROUGH = Mode.WALKTHROUGH
STATE = Key.WALKTHROUGH  # {"ex": exercise id, "step": index; len(setup) = the summary}


def step_response(
    handler_input: HandlerInput, ex: Exercise, step: int, fresh: bool = False
) -> Response:
    c = ctx(handler_input)
    sp = c.speech
    prog = c.view.program
    attrs = session(handler_input)
    attrs[MODE] = WALKTHROUGH
    attrs.pop(OFFER, None)
    attrs[STATE] = {"ex": ex.id, "step": step}
    total = len(ex.setup)
    card = None
    if step < total:
        text = sp.line("walk.step", n=step + 1, text=ex.setup[step])
        if fresh:
            text = f"{sp.line('walk.start', title=ex.title, count=total)} {text}"
            card = (ex.title, "\n".join(f"{n}. {s}" for n, s in enumerate(ex.setup, 1)))
        if step + 1 < total:
            text = f"{text} {sp.line('walk.next_prompt', n=step + 2)}"
        else:
            text = f"{text} {sp.line('walk.last_prompt')}"
        screen = Screen(
            title=ex.title,
            subtitle=sp.first("screen.step", n=step + 1, of=total),
            detail=ex.setup[step],
        )
        return respond(handler_input, text, sp.line("walk.reprompt"), card=card, screen=screen)
    # After the last step: the cue, the feel, the stop, and where it fits for this person.
    level = ex.level(prog.level_of(c.turn.progress, ex.id))
    parts = [
        sp.line("walk.cue", cue=ex.cue),
        sp.line("walk.feel", feel=ex.feel),
        sp.line("walk.stop", stop=ex.stop),
    ]
    stage = prog.introduced_in(ex.id)
    if stage is not None and stage > c.turn.progress.stage:
        parts.append(sp.line("walk.later_stage", stage=prog.stage(stage).name))
    else:
        parts.append(sp.line("walk.your_level", title=level.title, how=level.how))
    parts.append(sp.line("walk.end_prompt"))
    screen = Screen(title=ex.title, subtitle=level.title, detail=ex.cue)
    return respond(handler_input, " ".join(parts), sp.line("walk.end_reprompt"), screen=screen)
