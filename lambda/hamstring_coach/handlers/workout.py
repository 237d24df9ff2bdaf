"""Today's exercises, the guided workout, and the pain checks that steer the program.

Thin handlers: the plan and the rules come from domain.program / domain.progression, the
words and timing from voice.coaching; progress changes only through recorded events.

Session state: MODE is "workout" while coaching, "pain_check" after a workout (pain during,
0-10), "morning_check" on the first turn of a later day (pain this morning, 0-10). OFFER
says what a "yes" starts. The workout itself lives in progress, so it resumes in a new
session the same day.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response

from hamstring_coach.domain import events
from hamstring_coach.domain.numbers import parse_number
from hamstring_coach.domain.program import (
    Plan,
    PlanItem,
    Program,
    morning_due,
    pain_due,
    session_on,
    times_done,
    today_plan,
    triage_hold,
)
from hamstring_coach.domain.progression import (
    Review,
    easier_level,
    harder_blocked,
    is_pain_score,
    pain_zone,
    review_morning,
    review_pain,
)
from hamstring_coach.domain.workout import WorkoutState, active_workout
from hamstring_coach.handlers.base import MODE, OFFER, ctx, session, slot_value
from hamstring_coach.handlers.display import respond
from hamstring_coach.voice.coaching import Coach, join_list
from hamstring_coach.voice.screens import Screen
from hamstring_coach.voice.speech import Speech, plain

WORKOUT = "workout"
PAIN_CHECK = "pain_check"
MORNING_CHECK = "morning_check"
THEN = "wo_then"  # what to do after the morning check: "plan", "start" or "menu"

OFFER_START = "start_workout"
OFFER_RESUME = "resume_workout"
OFFER_PLAN = "todays_plan"
MY_OFFERS = (OFFER_START, OFFER_RESUME, OFFER_PLAN)

# Brief set-ups for exercises done on at least this many earlier days.
FAMILIAR_AFTER = 2


def program(handler_input: HandlerInput) -> Program:
    content = ctx(handler_input).content
    return Program.from_content(content.kind("exercise"), content.kind("stage"))


def coach(handler_input: HandlerInput) -> Coach:
    return Coach(ctx(handler_input).speech, program(handler_input))


def _mode(handler_input: HandlerInput) -> str | None:
    value = session(handler_input).get(MODE)
    return str(value) if value else None


def _set_mode(handler_input: HandlerInput, mode: str | None, offer: str | None = None) -> None:
    attrs = session(handler_input)
    for key, value in ((MODE, mode), (OFFER, offer)):
        if value is None:
            attrs.pop(key, None)
        else:
            attrs[key] = value


def _intent(handler_input: HandlerInput, *names: str) -> bool:
    return any(is_intent_name(n)(handler_input) for n in names)


def _workout(handler_input: HandlerInput) -> WorkoutState | None:
    c = ctx(handler_input)
    return active_workout(c.turn.progress, c.today)


# --- pieces of responses -------------------------------------------------------------------


def _card_for(cch: Coach, item: PlanItem) -> tuple[str, str]:
    return cch.exercise_card(item)


def _screen_for(cch: Coach, state: WorkoutState, set_number: int | None = None) -> Screen:
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


def _intro(cch: Coach, state: WorkoutState, handler_input: HandlerInput) -> str:
    """The current exercise's set-up: brief once it is familiar (repeat gives the steps)."""
    item = state.current
    assert item is not None
    c = ctx(handler_input)
    familiar = times_done(c.turn.progress, item.exercise_id, c.today) >= FAMILIAR_AFTER
    if familiar and cch.program.exercise(item.exercise_id).type != "run":
        return cch.brief_intro(item, first=state.index == 0)
    return cch.intro(item, first=state.index == 0)


def _hold_response(handler_input: HandlerInput, level: str) -> Response:
    sp = ctx(handler_input).speech
    _set_mode(handler_input, None)
    key = "onhold.emergency" if level == "emergency" else "onhold.urgent"
    speech = sp.line(key, emergency_number=sp.first("emergency_number"))
    return respond(handler_input, speech, None)


def _ask_morning(handler_input: HandlerInput, then: str, lead: str = "") -> Response:
    sp = ctx(handler_input).speech
    _set_mode(handler_input, MORNING_CHECK)
    session(handler_input)[THEN] = then
    speech = f"{lead} {sp.line('morning.ask')}".strip()
    return respond(handler_input, speech, sp.line("reprompt.morning"))


def _ask_pain(handler_input: HandlerInput, lead: str = "") -> Response:
    sp = ctx(handler_input).speech
    _set_mode(handler_input, PAIN_CHECK)
    speech = f"{lead} {sp.line('pain.ask_later')}".strip()
    return respond(handler_input, speech, sp.line("reprompt.pain"))


def _first_turn_question(handler_input: HandlerInput, then: str, lead: str = "") -> Response | None:
    """The question due on the first turn of a day (morning check, or a missed pain score)."""
    c = ctx(handler_input)
    if morning_due(c.turn.progress, c.today) is not None:
        return _ask_morning(handler_input, then, lead)
    if pain_due(c.turn.progress, c.today):
        return _ask_pain(handler_input, lead)
    return None


def plan_response(handler_input: HandlerInput, lead: str = "") -> Response:
    """Today's exercises in one short answer, then an offer to start."""
    c = ctx(handler_input)
    sp = c.speech
    progress = c.turn.progress
    hold = triage_hold(progress, c.today)
    if hold:
        return _hold_response(handler_input, hold)
    state = _workout(handler_input)
    if state is not None:
        speech = sp.line("today.resume_offer", done=state.sets_done, total=state.plan.total_sets)
        _set_mode(handler_input, None, OFFER_RESUME)
        return respond(handler_input, f"{lead} {speech}".strip(), sp.line("reprompt.resume"))
    entry = session_on(progress, c.today)
    if entry and entry.get("fin"):
        _set_mode(handler_input, None)
        return respond(handler_input, f"{lead} {sp.line('today.done')}".strip(), None)
    cch = coach(handler_input)
    plan = today_plan(cch.program, progress, c.today)
    if not plan.items:
        return _rest_day(handler_input, cch, plan, lead)
    speech = f"{lead} {cch.plan_summary(plan)} {sp.line('today.offer')}".strip()
    _set_mode(handler_input, None, OFFER_START)
    card = (sp.first("card.today"), "\n".join(cch.card_item(i) for i in plan.items))
    return respond(handler_input, speech, sp.line("reprompt.offer"), card=card)


def _rest_day(handler_input: HandlerInput, cch: Coach, plan: Plan, lead: str) -> Response:
    sp = cch.sp
    names = join_list(sp, [cch.program.exercise(e).names for e in plan.resting])
    _set_mode(handler_input, None)
    return respond(handler_input, f"{lead} {sp.line('today.rest_day', names=names)}".strip(), None)


def start_response(
    handler_input: HandlerInput, lead: str = "", heard_plan: bool = False
) -> Response:
    """Start today's workout, or pick up today's where it stopped.

    `heard_plan`: a yes to today's plan, which has just said what and how long, so the
    start says only "let's go" before the first exercise.
    """
    c = ctx(handler_input)
    sp = c.speech
    progress = c.turn.progress
    hold = triage_hold(progress, c.today)
    if hold:
        return _hold_response(handler_input, hold)
    cch = coach(handler_input)
    state = _workout(handler_input)
    if state is not None and state.current is not None:
        _set_mode(handler_input, WORKOUT)
        speech, reprompt = cch.upcoming(state)
        if state.set_index == 0:
            speech = _intro(cch, state, handler_input)
        text = f"{lead} {sp.line('start.resume')} {speech}".strip()
        item = state.current
        return respond(
            handler_input,
            text,
            reprompt,
            card=_card_for(cch, item),
            screen=_screen_for(cch, state),
        )
    entry = session_on(progress, c.today)
    if entry and entry.get("fin"):
        _set_mode(handler_input, None)
        return respond(handler_input, f"{lead} {sp.line('today.done')}".strip(), None)
    plan = today_plan(cch.program, progress, c.today)
    if not plan.items:
        return _rest_day(handler_input, cch, plan, lead)
    c.turn.record(events.workout_started(c.today, plan.stage, plan.to_event()))
    c.signal("workout_started")
    _set_mode(handler_input, WORKOUT)
    state = _workout(handler_input)
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
    text = f"{lead} {go} {_intro(cch, state, handler_input)}".strip()
    return respond(
        handler_input,
        text,
        cch.intro_reprompt(state.current),
        card=_card_for(cch, state.current),
        screen=_screen_for(cch, state),
    )


def _review_sentence(sp: Speech, prog: Program, review: Review) -> str:
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


# --- launch and today's exercises ----------------------------------------------------------


class WorkoutLaunchHandler(AbstractRequestHandler):
    """Launch on a day with a question due, or with today's workout half done."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not is_request_type("LaunchRequest")(handler_input):
            return False
        c = ctx(handler_input)
        progress = c.turn.progress
        if progress.is_new or triage_hold(progress, c.today):
            return False
        return (
            morning_due(progress, c.today) is not None
            or pain_due(progress, c.today)
            or active_workout(progress, c.today) is not None
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        c.turn.record(events.visit(c.today))
        session(handler_input).pop(THEN, None)
        lead = c.speech.line("welcome.return")
        asked = _first_turn_question(handler_input, "menu", lead)
        if asked is not None:
            return asked
        state = _workout(handler_input)
        assert state is not None
        speech = c.speech.line(
            "today.resume_offer", done=state.sets_done, total=state.plan.total_sets
        )
        _set_mode(handler_input, None, OFFER_RESUME)
        return respond(handler_input, f"{lead} {speech}", c.speech.line("reprompt.resume"))


class TodaysExercisesHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("TodaysExercisesIntent")(handler_input) or (
            _intent(handler_input, "AMAZON.YesIntent")
            and session(handler_input).get(OFFER) == OFFER_PLAN
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        if not triage_hold(c.turn.progress, c.today):
            asked = _first_turn_question(handler_input, "plan")
            if asked is not None:
                return asked
        return plan_response(handler_input)


class StartWorkoutHandler(AbstractRequestHandler):
    """ "Start my workout", a yes to starting or resuming, and "resume" with a workout due."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("StartWorkoutIntent")(handler_input):
            return True
        offer = session(handler_input).get(OFFER)
        if offer in (OFFER_START, OFFER_RESUME) and _intent(
            handler_input, "AMAZON.YesIntent", "NextSetIntent"
        ):
            return True
        # Outside a workout, "resume" or "next set" with today's workout half done carries on.
        if _mode(handler_input) != WORKOUT and _intent(
            handler_input, "AMAZON.ResumeIntent", "NextSetIntent"
        ):
            return _workout(handler_input) is not None
        return False

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        if not triage_hold(c.turn.progress, c.today) and _workout(handler_input) is None:
            asked = _first_turn_question(handler_input, "start")
            if asked is not None:
                return asked
        heard_plan = session(handler_input).get(OFFER) == OFFER_START and _intent(
            handler_input, "AMAZON.YesIntent", "NextSetIntent"
        )
        return start_response(handler_input, heard_plan=heard_plan)


# --- inside a workout ----------------------------------------------------------------------


class WorkoutSetHandler(AbstractRequestHandler):
    """ "Next set" (or ready, done, next, yes, resume) in a workout: coach one set."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) == WORKOUT and _intent(
            handler_input,
            "NextSetIntent",
            "AMAZON.NextIntent",
            "AMAZON.YesIntent",
            "AMAZON.ResumeIntent",
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        state = _workout(handler_input)
        if state is None or state.current is None:
            return _lapsed(handler_input)
        cch = coach(handler_input)
        turn = cch.set_turn(state)
        screen = _screen_for(cch, state, state.set_index + 1)
        # The last set finishes the workout (derived from the sets, so counted once).
        c.turn.record(events.set_done(c.today, state.index, state.set_index + 1))
        card = None
        if turn.finished_workout:
            c.signal("workout_finished")
            _set_mode(handler_input, PAIN_CHECK)
        elif turn.finished_exercise:
            after = _workout(handler_input)
            if after is not None and after.current is not None:
                card = _card_for(cch, after.current)
        return respond(
            handler_input, turn.ssml, turn.reprompt, card=card, screen=screen, marks=turn.marks
        )


def _lapsed(handler_input: HandlerInput) -> Response:
    """In workout mode, but the workout is gone (midnight passed, or another device
    finished it): say so and offer today's."""
    sp = ctx(handler_input).speech
    _set_mode(handler_input, None, OFFER_START)
    return respond(handler_input, sp.line("workout.lapsed"), sp.line("reprompt.offer"))


class WorkoutSkipHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) == WORKOUT and _intent(handler_input, "SkipExerciseIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        state = _workout(handler_input)
        if state is None or state.current is None:
            return _lapsed(handler_input)
        cch = coach(handler_input)
        skipped = cch.program.exercise(state.current.exercise_id)
        # Skipping the last exercise ends the workout: finished if a set was done, else it
        # leaves no trace (derived from the sets, so counted once).
        c.turn.record(events.exercise_skipped(c.today, state.index))
        lead = sp.line("skip.done", names=skipped.names)
        after = _workout(handler_input)
        if after is not None and after.current is not None:
            return respond(
                handler_input,
                f"{lead} {_intro(cch, after, handler_input)}",
                cch.intro_reprompt(after.current),
                card=_card_for(cch, after.current),
                screen=_screen_for(cch, after),
            )
        if state.sets_done == 0:
            _set_mode(handler_input, None)
            return respond(handler_input, f"{lead} {sp.line('skip.nothing_done')}", None)
        c.signal("workout_finished")
        _set_mode(handler_input, PAIN_CHECK)
        speech = f"{lead} {sp.line('workout.done')} {sp.line('pain.ask')}"
        return respond(handler_input, speech, sp.line("reprompt.pain"))


class WorkoutLevelHandler(AbstractRequestHandler):
    """ "Easier" or "harder" during a workout: the current exercise changes level, today
    and from now on. Harder is refused after a bad morning or a too-sore session."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) == WORKOUT and _intent(
            handler_input, "EasierIntent", "HarderIntent"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        state = _workout(handler_input)
        if state is None or state.current is None:
            return _lapsed(handler_input)
        cch = coach(handler_input)
        item = state.current
        ex = cch.program.exercise(item.exercise_id)
        harder = is_intent_name("HarderIntent")(handler_input)
        _, reprompt = cch.upcoming(state)
        if harder:
            blocked = harder_blocked(c.turn.progress, c.today)
            if blocked:
                return respond(handler_input, sp.line(f"harder.{blocked}"), reprompt)
            new = item.level + 1 if item.level < ex.top else None
        else:
            new = easier_level(item.level)
        if new is None:
            key = "harder.top" if harder else "easier.floor"
            return respond(handler_input, sp.line(key), reprompt)
        c.turn.record(events.level_changed(c.today, ex.id, new, ex.level(new).sets))
        after = _workout(handler_input)
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
            card=_card_for(cch, after.current),
            screen=_screen_for(cch, after),
        )


class WorkoutRepeatHandler(AbstractRequestHandler):
    """ "Repeat" in a workout: what comes next, with the full set-up steps."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) == WORKOUT and _intent(
            handler_input, "AMAZON.RepeatIntent", "AMAZON.StartOverIntent"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        state = _workout(handler_input)
        if state is None or state.current is None:
            return _lapsed(handler_input)
        cch = coach(handler_input)
        speech, reprompt = cch.upcoming(state, steps=True)
        return respond(handler_input, speech, reprompt, screen=_screen_for(cch, state))


class WorkoutPauseHandler(AbstractRequestHandler):
    """Pause: the place is already saved after every set, so the session can end."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _intent(handler_input, "AMAZON.PauseIntent") and (
            _mode(handler_input) == WORKOUT or _workout(handler_input) is not None
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        _set_mode(handler_input, None)
        return respond(handler_input, ctx(handler_input).speech.line("workout.paused"), None)


class WorkoutNoHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) == WORKOUT and _intent(handler_input, "AMAZON.NoIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        return respond(handler_input, sp.line("workout.no"), sp.line("reprompt.set"))


class WorkoutHelpHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) == WORKOUT and _intent(handler_input, "AMAZON.HelpIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        return respond(handler_input, sp.line("workout.help"), sp.line("reprompt.set"))


class WorkoutStopHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) == WORKOUT and _intent(
            handler_input, "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        state = _workout(handler_input)
        _set_mode(handler_input, None)
        if state is None or state.sets_done == 0:
            return respond(handler_input, sp.line("workout.stopped_none"), None)
        speech = sp.line("workout.stopped", done=state.sets_done, total=state.plan.total_sets)
        return respond(handler_input, speech, None)


class WorkoutFallbackHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) == WORKOUT and _intent(
            handler_input, "AMAZON.FallbackIntent", "UnsureIntent"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        return respond(handler_input, sp.line("workout.fallback"), sp.line("reprompt.set"))


# --- pain scores: during (after a workout) and next morning ------------------------------


class PainAnswerHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) in (PAIN_CHECK, MORNING_CHECK) and _intent(
            handler_input, "PainReportIntent"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        mode = _mode(handler_input)
        raw = slot_value(handler_input, "pain")
        score = parse_number(raw)
        reprompt = sp.line("reprompt.morning" if mode == MORNING_CHECK else "reprompt.pain")
        if not is_pain_score(score):
            key = "pain.unclear" if score is None else "pain.out_of_range"
            return respond(handler_input, sp.line(key), reprompt)
        assert score is not None
        prog = program(handler_input)
        if mode == MORNING_CHECK:
            return _morning_answer(handler_input, prog, score)
        review = review_pain(prog, c.turn.progress, c.today, score)
        c.turn.record(*review.events)
        _set_mode(handler_input, None)
        return respond(handler_input, _pain_sentence(sp, prog, review, score), None)


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


def _morning_answer(handler_input: HandlerInput, prog: Program, score: int) -> Response:
    c = ctx(handler_input)
    review = review_morning(prog, c.turn.progress, c.today, score)
    sentence = ""
    if review is not None:
        c.turn.record(*review.events)
        sentence = _review_sentence(c.speech, prog, review)
    return _after_morning(handler_input, sentence)


def _after_morning(handler_input: HandlerInput, lead: str) -> Response:
    sp = ctx(handler_input).speech
    then = session(handler_input).pop(THEN, "menu")
    _set_mode(handler_input, None)
    if then == "plan":
        return plan_response(handler_input, lead)
    if then == "start":
        return start_response(handler_input, lead)
    _set_mode(handler_input, None, OFFER_PLAN)
    speech = f"{lead} {sp.line('morning.offer_plan')}".strip()
    return respond(handler_input, speech, sp.line("reprompt.plan"))


class PainUnsureHandler(AbstractRequestHandler):
    """ "I don't know" to a pain question: help to pick a number; nothing is recorded."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) in (PAIN_CHECK, MORNING_CHECK) and _intent(
            handler_input, "UnsureIntent", "AMAZON.HelpIntent", "AMAZON.FallbackIntent"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        morning = _mode(handler_input) == MORNING_CHECK
        reprompt = sp.line("reprompt.morning" if morning else "reprompt.pain")
        return respond(handler_input, sp.line("pain.unsure"), reprompt)


class PainRepeatHandler(AbstractRequestHandler):
    """ "Repeat" to a pain question: the question again."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) in (PAIN_CHECK, MORNING_CHECK) and _intent(
            handler_input, "AMAZON.RepeatIntent"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        if _mode(handler_input) == MORNING_CHECK:
            return respond(handler_input, sp.line("morning.ask"), sp.line("reprompt.morning"))
        return respond(handler_input, sp.line("pain.ask_later"), sp.line("reprompt.pain"))


class PainDeclinedHandler(AbstractRequestHandler):
    """ "No" or "skip" to a pain question: fine. A skipped morning is not asked again."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) in (PAIN_CHECK, MORNING_CHECK) and _intent(
            handler_input, "AMAZON.NoIntent", "SkipExerciseIntent"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        sp = c.speech
        if _mode(handler_input) == MORNING_CHECK:
            entry = morning_due(c.turn.progress, c.today)
            if entry is not None:
                c.turn.record(events.morning_skipped(c.today, str(entry["date"])))
            return _after_morning(handler_input, sp.line("morning.skipped"))
        if pain_due(c.turn.progress, c.today):
            c.turn.record(events.pain_skipped(c.today))
        _set_mode(handler_input, None)
        return respond(handler_input, sp.line("pain.skipped"), None)


class PainUnpromptedHandler(AbstractRequestHandler):
    """A pain number when nothing asked for one: explain, record nothing. In a workout,
    say how to act on it now (above the acceptable zone: easier or stop)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _intent(handler_input, "PainReportIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        score = parse_number(slot_value(handler_input, "pain"))
        if _mode(handler_input) == WORKOUT and is_pain_score(score):
            assert score is not None
            high = pain_zone(score) == "too_much"
            key = "pain.in_workout_high" if high else "pain.in_workout"
            return respond(handler_input, sp.line(key, n=score), sp.line("reprompt.set"))
        return respond(handler_input, sp.line("pain.unprompted"), sp.line("reprompt.main"))


# --- offers and commands outside a workout --------------------------------------------------


class OfferHelpHandler(AbstractRequestHandler):
    """Help while "shall we start?", "shall we carry on?" or "would you like today's
    exercises?" is open: what a yes and a no do now."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (
            _intent(handler_input, "AMAZON.HelpIntent")
            and _mode(handler_input) is None
            and session(handler_input).get(OFFER) in MY_OFFERS
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        offer = session(handler_input).get(OFFER)
        if offer == OFFER_RESUME:
            return respond(handler_input, sp.line("offer.help.resume"), sp.line("reprompt.resume"))
        if offer == OFFER_PLAN:
            return respond(handler_input, sp.line("offer.help.plan"), sp.line("reprompt.plan"))
        return respond(handler_input, sp.line("offer.help.start"), sp.line("reprompt.offer"))


class OfferDeclinedHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (
            _intent(handler_input, "AMAZON.NoIntent")
            and session(handler_input).get(OFFER) in MY_OFFERS
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        _set_mode(handler_input, None)
        return respond(handler_input, ctx(handler_input).speech.line("offer.declined"), None)


class OutsideWorkoutHandler(AbstractRequestHandler):
    """Workout commands with no workout going: a short helpful answer, nothing changes."""

    INTENTS = (
        "NextSetIntent",
        "SkipExerciseIntent",
        "EasierIntent",
        "HarderIntent",
        "AMAZON.PauseIntent",
        "AMAZON.ResumeIntent",
    )

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _mode(handler_input) != WORKOUT and _intent(handler_input, *self.INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        # Literal keys, so the content test can check that every line exists.
        answers = {
            "NextSetIntent": lambda: sp.line("outside.next_set"),
            "SkipExerciseIntent": lambda: sp.line("outside.skip"),
            "EasierIntent": lambda: sp.line("outside.easier"),
            "HarderIntent": lambda: sp.line("outside.harder"),
            "AMAZON.PauseIntent": lambda: sp.line("outside.pause"),
            "AMAZON.ResumeIntent": lambda: sp.line("outside.resume"),
        }
        name = next(n for n in self.INTENTS if is_intent_name(n)(handler_input))
        _set_mode(handler_input, None, OFFER_START)
        return respond(handler_input, answers[name](), sp.line("reprompt.offer"))


def handlers() -> list[AbstractRequestHandler]:
    """Most specific first: the mode-bound ones, then offers, then the general answers."""
    return [
        WorkoutLaunchHandler(),
        PainAnswerHandler(),
        PainUnsureHandler(),
        PainRepeatHandler(),
        PainDeclinedHandler(),
        WorkoutSetHandler(),
        WorkoutSkipHandler(),
        WorkoutLevelHandler(),
        WorkoutRepeatHandler(),
        WorkoutNoHandler(),
        WorkoutHelpHandler(),
        WorkoutStopHandler(),
        WorkoutFallbackHandler(),
        WorkoutPauseHandler(),
        TodaysExercisesHandler(),
        StartWorkoutHandler(),
        OfferDeclinedHandler(),
        OfferHelpHandler(),
        PainUnpromptedHandler(),
        OutsideWorkoutHandler(),
    ]
