"""Today's exercises: the plan, starting or resuming, the first-turn questions of a day,
and the offers ("shall we start?") with their yes, no and help."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain import events
from hamstring_coach.domain.program import (
    Plan,
    morning_due,
    morning_skip,
    pain_due,
    program_paused,
)
from hamstring_coach.domain.today import TodayStatus, today_status
from hamstring_coach.domain.workout import active_workout
from hamstring_coach.handlers import symptoms
from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.core import HelpLineHandler
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.holds import hold_response
from hamstring_coach.handlers.resume import current_workout, resume_offer
from hamstring_coach.handlers.routing import Handler, LineHandler, in_mode, intent_of, request, when
from hamstring_coach.handlers.state import Key, Mode, Offer, mode, session, set_mode
from hamstring_coach.handlers.workout.common import (
    MY_OFFERS,
    card_for,
    coach,
    intro,
    screen_for,
)
from hamstring_coach.intents import Intent
from hamstring_coach.voice.coaching import Coach, join_list

# A yes to today's plan, which has just said what and how long.
HEARD_PLAN = when(Intent.YES, Intent.NEXT_SET, offer=Offer.START_WORKOUT)


def ask_morning(
    handler_input: HandlerInput, then: str, lead: str = "", line: str = "morning.ask"
) -> Response:
    sp = ctx(handler_input).speech
    set_mode(handler_input, Mode.MORNING_CHECK)
    session(handler_input)[Key.WORKOUT_THEN] = then
    # The question from the top: "worse" has to be said again before "how much" counts.
    session(handler_input).pop(Key.MORNING_WORSE, None)
    speech = f"{lead} {sp.line(line)}".strip()
    return respond(handler_input, speech, sp.line("reprompt.morning"))


def ask_pain(handler_input: HandlerInput, lead: str = "") -> Response:
    sp = ctx(handler_input).speech
    set_mode(handler_input, Mode.PAIN_CHECK)
    speech = f"{lead} {sp.line('pain.ask_later')}".strip()
    return respond(handler_input, speech, sp.line("reprompt.pain"))


def first_turn_question(handler_input: HandlerInput, then: str, lead: str = "") -> Response | None:
    """The question due on the first turn of a day (morning check, or a missed pain score)."""
    c = ctx(handler_input)
    if morning_due(c.turn.progress, c.today) is not None:
        return ask_morning(handler_input, then, lead)
    if pain_due(c.turn.progress, c.today):
        return ask_pain(handler_input, lead)
    return None


def skip_morning(handler_input: HandlerInput) -> str:
    """(conv18b) A workout asked for again while the morning check waits for its answer
    ("start my workout then", "finish yesterday's workout"): the check is skipped and the
    workout follows; asking the same question a third time would leave the person at a gate
    they had already walked past. Skipped, the morning neither counts toward a step up nor
    resets one (`morning_skipped`), so the load stays as it was: the gate's purpose kept.
    Not once "worse" has been heard: then the check is finished first (the caller's test).
    Returns the line that says so, to lead the workout."""
    c = ctx(handler_input)
    if (skipped := morning_skip(c.turn.progress, c.today)) is not None:
        c.turn.record(skipped)
    session(handler_input).pop(Key.WORKOUT_THEN, None)
    session(handler_input).pop(Key.MORNING_WORSE, None)
    set_mode(handler_input, None)
    return c.speech.line("morning.skipped")


def on_hold(handler_input: HandlerInput) -> Response | None:
    """While the program is paused (a red flag, until the person has been seen), the
    exercises wait: say why and how to lift it."""
    return (
        hold_response(handler_input) if program_paused(ctx(handler_input).turn.progress) else None
    )


def status_today(handler_input: HandlerInput) -> TodayStatus:
    """What this person can do today, decided once by the domain."""
    c = ctx(handler_input)
    return today_status(coach(handler_input).program, c.turn.progress, c.today)


def _comeback_lead(handler_input: HandlerInput, status: TodayStatus, lead: str) -> str:
    """After time away: record the step back (once) and say why, ahead of anything else."""
    back = status.comeback
    if back is None:
        return lead
    c = ctx(handler_input)
    for event in back.events:
        c.turn.record(event)
    sp = c.speech
    if back.kind == "stage":
        stage = coach(handler_input).program.stage(back.stage_to).name
        said = sp.line("comeback.stage", days=back.days_away, stage=stage)
    else:
        said = sp.line("comeback.level", days=back.days_away)
    return f"{lead} {said}".strip()


def _day_lead(cch: Coach, plan: Plan) -> str:
    """A flare-up day or a light day says so before the exercises."""
    if plan.kind == "flare":
        return cch.sp.line("today.flare")
    if plan.kind == "light":
        return cch.sp.line("today.light")
    return ""


def _not_today(handler_input: HandlerInput, status: TodayStatus, lead: str) -> Response | None:
    """The answers where there is nothing to start: on hold, done, or a rest day."""
    c = ctx(handler_input)
    sp = c.speech
    if status.kind == "on_hold":
        return hold_response(handler_input)
    if status.kind == "done":
        set_mode(handler_input, None)
        return respond(handler_input, f"{lead} {sp.line('today.done')}".strip(), None)
    if status.kind == "rest_day":
        assert status.plan is not None
        lead = _comeback_lead(handler_input, status, lead)
        return rest_day(handler_input, coach(handler_input), status.plan, lead)
    return None


def plan_response(handler_input: HandlerInput, lead: str = "") -> Response:
    """Today's exercises in one short answer, then an offer to start."""
    sp = ctx(handler_input).speech
    status = status_today(handler_input)
    answered = _not_today(handler_input, status, lead)
    if answered is not None:
        return answered
    if status.kind == "resume":
        state = status.workout
        assert state is not None
        return resume_offer(handler_input, state, lead)
    cch = coach(handler_input)
    plan = status.plan
    assert plan is not None
    lead = _comeback_lead(handler_input, status, lead)
    speech = f"{lead} {_day_lead(cch, plan)} {cch.plan_summary(plan)} {sp.line('today.offer')}"
    set_mode(handler_input, None, Offer.START_WORKOUT)
    card = (sp.first("card.today"), "\n".join(cch.card_item(i) for i in plan.items))
    return respond(handler_input, " ".join(speech.split()), sp.line("reprompt.offer"), card=card)


def rest_day(handler_input: HandlerInput, cch: Coach, plan: Plan, lead: str) -> Response:
    """A rest day is part of the plan, and is said as one, with its reason."""
    sp = cch.sp
    set_mode(handler_input, None)
    if plan.rest_reason in ("weekly", "heavy_gap"):
        said = sp.line(f"today.rest.{plan.rest_reason}")
    else:
        names = join_list(sp, [cch.program.exercise(e).names for e in plan.resting])
        said = sp.line("today.rest.gap", names=names)
    return respond(handler_input, f"{lead} {said}".strip(), None)


def ask_kit(handler_input: HandlerInput, kit: str, lead: str = "") -> Response:
    """Ask once, when first needed, whether the person has a piece of kit."""
    sp = ctx(handler_input).speech
    set_mode(handler_input, Mode.KIT_CHECK)
    session(handler_input)[Key.KIT_ASKING] = kit
    speech = f"{lead} {sp.line(f'kit.ask.{kit}')}".strip()
    return respond(handler_input, speech, sp.line(f"reprompt.kit.{kit}"))


def start_response(
    handler_input: HandlerInput, lead: str = "", heard_plan: bool = False
) -> Response:
    """Start today's workout, or pick up today's where it stopped.

    `heard_plan`: a yes to today's plan, which has just said what and how long, so the
    start says only "let's go" before the first exercise.
    """
    c = ctx(handler_input)
    sp = c.speech
    status = status_today(handler_input)
    answered = _not_today(handler_input, status, lead)
    if answered is not None:
        return answered
    progress = c.turn.progress
    if status.kind == "plan" and not progress.screened and progress.sessions_done == 0:
        # Before a first workout: the short safety screen (its end offers the start).
        return symptoms.begin_screen(handler_input)
    cch = coach(handler_input)
    state = status.workout
    if state is not None and state.current is not None:
        set_mode(handler_input, Mode.WORKOUT)
        speech, reprompt = cch.upcoming(state)
        if state.set_index == 0:
            speech = intro(cch, state, handler_input)
        text = f"{lead} {sp.line('start.resume')} {speech}".strip()
        item = state.current
        return respond(
            handler_input,
            text,
            reprompt,
            card=card_for(cch, item),
            screen=screen_for(cch, state),
        )
    lead = _comeback_lead(handler_input, status, lead)
    if status.ask_kit:
        return ask_kit(handler_input, status.ask_kit[0], lead)
    plan = status.plan
    assert plan is not None and plan.items
    c.turn.record(plan.start_event(cch.program, c.today))
    c.signal("workout_started")
    set_mode(handler_input, Mode.WORKOUT)
    state = current_workout(handler_input)
    assert state is not None and state.current is not None
    count = len(plan.items)
    if heard_plan:
        go = sp.line("start.go_short")
    else:
        go = sp.line(
            "start.go_one" if count == 1 else "start.go",
            count=count,
            minutes=cch.estimated_minutes(plan),
        )
        go = f"{_day_lead(cch, plan)} {go}".strip()
    text = f"{lead} {go} {intro(cch, state, handler_input)}".strip()
    return respond(
        handler_input,
        text,
        cch.intro_reprompt(state.current),
        card=card_for(cch, state.current),
        screen=screen_for(cch, state),
    )


class WorkoutLaunchHandler(Handler):
    """Launch on a day with a question due, or with today's workout half done."""

    rule = request("LaunchRequest")

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not self.rule(handler_input):
            return False
        c = ctx(handler_input)
        progress = c.turn.progress
        if progress.is_new or program_paused(progress):
            return False
        return (
            morning_due(progress, c.today) is not None
            or pain_due(progress, c.today)
            or active_workout(progress, c.today) is not None
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        c.turn.record(events.visit(c.today))
        session(handler_input).pop(Key.WORKOUT_THEN, None)
        lead = c.speech.line("welcome.return")
        asked = first_turn_question(handler_input, "menu", lead)
        if asked is not None:
            return asked
        state = current_workout(handler_input)
        assert state is not None
        return resume_offer(handler_input, state, lead)


class TodaysExercisesHandler(Handler):
    rule = when(Intent.TODAYS_EXERCISES) | when(Intent.YES, offer=Offer.TODAYS_PLAN)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        if not program_paused(c.turn.progress):
            asked = first_turn_question(handler_input, "plan")
            if asked is not None:
                return asked
        return plan_response(handler_input)


class StartWorkoutHandler(Handler):
    """ "Start my workout", a yes to starting or resuming, and "resume" with a workout due.
    "Ready" to "shall I tell you today's exercises?" is ready to start them."""

    rule = (
        when(Intent.START_WORKOUT)
        | when(
            Intent.YES,
            Intent.NEXT_SET,
            Intent.NEXT,
            offer=(Offer.START_WORKOUT, Offer.RESUME_WORKOUT),
        )
        | when(Intent.NEXT_SET, Intent.NEXT, offer=Offer.TODAYS_PLAN)
    )
    # Outside a workout, "resume" or "next set" with today's workout half done carries on;
    # so does a bare "next" when nothing else is going (it got "sorry, I missed that").
    # (conv18) So does a go-ahead with nothing asked ("ok go", "yes"), in the session after a
    # pause ended the last one: the half-done workout is the only thing it can mean (it got
    # "I'm happy to help" and the menu).
    carry_on = (
        when(Intent.RESUME, Intent.NEXT_SET) & ~in_mode(Mode.WORKOUT)
        | when(Intent.NEXT, mode=None)
        | when(Intent.YES, mode=None, offer=None)
    )

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if self.rule(handler_input):
            return True
        return self.carry_on(handler_input) and current_workout(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        if (
            mode(handler_input) is Mode.MORNING_CHECK
            and intent_of(handler_input) is Intent.START_WORKOUT
            # Once "worse" was said the check is finished first (asked from the top): a
            # clearly worse morning is a flare-up day, which changes today's load.
            and not session(handler_input).get(Key.MORNING_WORSE)
        ):
            # The exercises asked for once already (that request opened the check, or was
            # heard in it before): the person insists, so the check is skipped and they start.
            # Asked at the welcome, the question comes once more with its reason and the way
            # out: the morning answer is what lets a steady person step up, and a person who
            # always opens with "start my workout" would otherwise never progress.
            if session(handler_input).get(Key.WORKOUT_THEN) in ("start", "plan"):
                return start_response(handler_input, skip_morning(handler_input))
            # The question once more, with why it matters and how to go straight in.
            return ask_morning(handler_input, "start", line="morning.ask_for_workout")
        if not program_paused(c.turn.progress) and current_workout(handler_input) is None:
            asked = first_turn_question(handler_input, "start")
            if asked is not None:
                return asked
        return start_response(handler_input, heard_plan=HEARD_PLAN(handler_input))


class OfferDeclinedHandler(Handler):
    rule = when(Intent.NO, offer=MY_OFFERS)

    def handle(self, handler_input: HandlerInput) -> Response:
        set_mode(handler_input, None)
        return respond(handler_input, ctx(handler_input).speech.line("offer.declined"), None)


class OutsideWorkoutHandler(Handler):
    """Workout commands with no workout going: a short helpful answer, nothing changes."""

    INTENTS = (
        Intent.NEXT_SET,
        Intent.SKIP_EXERCISE,
        Intent.EASIER,
        Intent.HARDER,
        Intent.PAUSE,
        Intent.RESUME,
        Intent.WORKOUT_WHERE,
    )

    rule = when(*INTENTS) & ~in_mode(Mode.WORKOUT) | when(Intent.NEXT, mode=None)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        if program_paused(ctx(handler_input).turn.progress):
            # "Ready", "resume", "how many left" while paused for a warning sign: the hold
            # itself (an offer to start today's only led to it a turn later).
            return hold_response(handler_input)
        state = current_workout(handler_input)
        if state is not None:
            # A new session after "wait" or "hang on" ("skip this one", "how many sets
            # left"): today's workout is there, part done, so offer to carry it on rather
            # than say no workout is going.
            return resume_offer(handler_input, state)
        # Literal keys, so the content test can check that every line exists.
        answers = {
            Intent.NEXT_SET: lambda: sp.line("outside.next_set"),
            Intent.SKIP_EXERCISE: lambda: sp.line("outside.skip"),
            Intent.EASIER: lambda: sp.line("outside.easier"),
            Intent.HARDER: lambda: sp.line("outside.harder"),
            Intent.PAUSE: lambda: sp.line("outside.pause"),
            Intent.RESUME: lambda: sp.line("outside.resume"),
            Intent.WORKOUT_WHERE: lambda: sp.line("outside.next_set"),
            Intent.NEXT: lambda: sp.line("outside.next_set"),
        }
        name = intent_of(handler_input)
        assert name is not None
        set_mode(handler_input, None, Offer.START_WORKOUT)
        return respond(handler_input, answers[name](), sp.line("reprompt.offer"))


# Help while "shall we start?", "shall we carry on?" or "would you like today's exercises?"
# is open: what a yes and a no do now. "Maybe" and "I don't know" too: they got the main
# menu, the question unsaid. (Words Alexa could not place get the menu, which closes the
# offer: see the frame's fallback.)
_OFFER_LINES = (
    (Offer.RESUME_WORKOUT, "offer.help.resume", "reprompt.resume"),
    (Offer.TODAYS_PLAN, "offer.help.plan", "reprompt.plan"),
    (Offer.START_WORKOUT, "offer.help.start", "reprompt.offer"),
)
# Help gets the short disclaimer first, like every help path; "maybe" only the words.
OFFER_HELP = [
    *(
        HelpLineHandler(when(Intent.HELP, mode=None, offer=offer), line, reprompt)
        for offer, line, reprompt in _OFFER_LINES
    ),
    *(
        LineHandler(when(Intent.UNSURE, mode=None, offer=offer), line, reprompt)
        for offer, line, reprompt in _OFFER_LINES
    ),
]
