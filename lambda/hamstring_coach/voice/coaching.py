"""What the coach says during a workout: plans, set-ups, counted sets, holds and rests.

Pure string building from the program (content) and spoken lines: no ask_sdk, no I/O. Every
response a workout can produce is built by `Coach.set_turn` or `Coach.intro`, which the
limit tests run for every exercise, level and set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from hamstring_coach.domain.program import Exercise, Level, Plan, PlanItem, Program
from hamstring_coach.domain.workout import WorkoutState
from hamstring_coach.voice.speech import Speech, Ssml, plain
from hamstring_coach.voice.timing import Clock, Mark, Timeline

SWITCH_SIDES_SECONDS = 5.0  # time to change legs between the two sides of a set
STEP_PAUSE = '<break time="600ms"/>'  # between spoken set-up steps
COUNTDOWN_FROM = 3  # "3, 2, 1" at the end of a hold
HOLD_CALL_EVERY = 5  # a screen's countdown ticks every 5 s
HALFWAY_MIN_HOLD = 20  # shorter holds need no "halfway"
TEN_LEFT_MIN_HOLD = 25
TEN_LEFT = 10
REST_CALL_MIN = 30  # rests of 30 s or more get a "ten seconds" call
HALFWAY_MIN_REPS = 8
# A rough allowance for listening to an exercise's set-up before its first set.
SETUP_ALLOWANCE_SECONDS = 40


@dataclass(frozen=True)
class SetTurn:
    ssml: str
    reprompt: str
    marks: tuple[Mark, ...]
    seconds: float
    finished_workout: bool
    finished_exercise: bool


def capitalize(text: str) -> str:
    """The first letter upper case, the rest untouched (for card lines)."""
    return text[:1].upper() + text[1:]


def join_list(sp: Speech, items: Sequence[str]) -> str:
    """Items as a spoken list ("a, b and c"), with the locale's word for "and"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {sp.first('list.and')} {items[-1]}"


class Coach:
    def __init__(self, speech: Speech, program: Program) -> None:
        self.sp = speech
        self.program = program

    # --- describing ------------------------------------------------------------------

    def dose(self, exercise: Exercise, level: Level) -> Ssml:
        sp = self.sp
        if exercise.type == "run":
            return Ssml(escape(level.how))
        sides = level.sides == 2
        if exercise.type == "hold":
            key = "dose.hold_sides" if sides else "dose.hold"
            return Ssml(sp.first(key, sets=level.sets, hold=level.hold))
        key = "dose.reps_sides" if sides else "dose.reps"
        return Ssml(sp.first(key, sets=level.sets, reps=level.reps))

    def item_phrase(self, item: PlanItem) -> str:
        ex = self.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        if ex.type == "run":
            # A run's details come in its briefing; the plan says only what and how long.
            return self.sp.first("plan.item_run", title=level.title, minutes=level.minutes)
        return self.sp.first("plan.item", title=level.title, dose=self.dose(ex, level))

    def plan_items(self, plan: Plan) -> str:
        """The exercises in order, one short sentence each ("First, ... Then ... And last,
        ..."): heard aloud, a comma list of names and doses runs together."""
        sp = self.sp
        phrases = [Ssml(self.item_phrase(i)) for i in plan.items]
        if len(phrases) == 1:
            return sp.line("plan.only", item=phrases[0])
        said = [sp.line("plan.first", item=phrases[0])]
        if len(phrases) == 2:
            said.append(sp.line("plan.then", item=phrases[1]))
        else:
            said += [sp.line("plan.then", item=p) for p in phrases[1:-1]]
            said.append(sp.line("plan.last", item=phrases[-1]))
        return " ".join(said)

    def plan_summary(self, plan: Plan) -> str:
        """Today's plan in one short answer (the offer to start is added by the caller)."""
        stage = self.program.stage(plan.stage)
        items = Ssml(self.plan_items(plan))
        minutes = self.estimated_minutes(plan)
        return self.sp.line("today.plan", stage=stage.name, items=items, minutes=minutes)

    def card_item(self, item: PlanItem) -> str:
        """One plan line for a card: "Bridge holds: 5 holds of 45 seconds"."""
        ex = self.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        if ex.type == "run":
            return capitalize(plain(self.item_phrase(item)))
        line = self.sp.first("card.plan_item", title=level.title, dose=self.dose(ex, level))
        return capitalize(plain(line))

    def exercise_card(self, item: PlanItem) -> tuple[str, str]:
        """The card for the exercise being coached: its name as the title, then today's dose
        (and the version, when it is not the standard one), the steps, the cue and the stop.
        """
        ex = self.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        sp = self.sp
        dose = self.dose(ex, level)
        if ex.type == "run":
            head = [capitalize(level.title), level.plan]
        elif item.level == ex.start_level:
            head = [capitalize(plain(dose))]
        else:
            version = sp.first("card.plan_item", title=level.title, dose=dose)
            head = [capitalize(plain(version)), level.how]
        lines = [*head, ""]
        lines += [f"{n}. {step}" for n, step in enumerate(ex.setup, start=1)]
        lines += ["", plain(sp.first("card.cue", cue=ex.cue)), ex.stop]
        return ex.title, "\n".join(lines)

    def steps(self, exercise: Exercise) -> str:
        return STEP_PAUSE.join(escape(s) for s in exercise.setup)

    def intro(self, item: PlanItem, first: bool) -> str:
        """An exercise's set-up, said before its first set, ending with "say ready"."""
        ex = self.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        sp = self.sp
        head = sp.line("exercise.first" if first else "exercise.next", title=level.title)
        if ex.type == "run":
            body = sp.line("run.intro", plan=level.plan, cue=ex.cue, stop=ex.stop)
            return f"{head} {self.steps(ex)}{STEP_PAUSE}{body} {sp.line('run.ready')}"
        dose = self.dose(ex, level)
        return (
            f"{head} {sp.first('exercise.dose', dose=dose)}{STEP_PAUSE}"
            f"{self.steps(ex)}{STEP_PAUSE}{self._version(item)}"
            f"{sp.line('exercise.cue', cue=ex.cue)} "
            f"{sp.line('exercise.stop', stop=ex.stop)} {sp.line('exercise.ready')}"
        )

    def _version(self, item: PlanItem) -> str:
        """After the steps, which describe the standard version: how today's differs (said
        after them, so the last word heard is the one that counts). Empty for the standard.
        """
        ex = self.program.exercise(item.exercise_id)
        if item.level == ex.start_level:
            return ""
        return f"{self.sp.line('exercise.version', how=ex.level(item.level).how)} "

    def brief_intro(self, item: PlanItem, first: bool) -> str:
        """The set-up for a familiar exercise: dose, version, cue and stop; no steps."""
        ex = self.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        sp = self.sp
        head = sp.line("exercise.first" if first else "exercise.next", title=level.title)
        return (
            f"{head} {sp.first('exercise.dose', dose=self.dose(ex, level))} "
            f"{escape(level.how)} {sp.line('exercise.cue', cue=ex.cue)} "
            f"{sp.line('exercise.stop', stop=ex.stop)} {sp.line('exercise.ready_brief')}"
        )

    def intro_reprompt(self, item: PlanItem) -> str:
        ex = self.program.exercise(item.exercise_id)
        return self.sp.line("reprompt.run" if ex.type == "run" else "reprompt.ready")

    def upcoming(self, state: WorkoutState, steps: bool = False) -> tuple[str, str]:
        """What comes next in a workout, said on resume or "repeat": speech and reprompt.

        Between sets it is one line ("Next: bridge holds, set 3 of 5"); `steps` ("repeat")
        adds the set-up steps and the cue, as the workout's help promises.
        """
        item = state.current
        assert item is not None
        if state.set_index == 0:
            return self.intro(item, first=state.index == 0), self.intro_reprompt(item)
        ex = self.program.exercise(item.exercise_id)
        sp = self.sp
        title = ex.level(item.level).title
        n = state.set_index + 1
        if not steps or ex.type == "run":
            speech = sp.line("set.upcoming", title=title, n=n, of=item.sets)
        else:
            speech = (
                f"{sp.line('set.recap', title=title, n=n, of=item.sets)}{STEP_PAUSE}"
                f"{self.steps(ex)}{STEP_PAUSE}{self._version(item)}"
                f"{sp.line('exercise.cue', cue=ex.cue)} "
                f"{sp.line('set.when_ready')}"
            )
        return speech, sp.line("reprompt.set")

    def next_set(self, state: WorkoutState) -> str:
        """Which set comes next, without the exercise's name (it was just said)."""
        item = state.current
        assert item is not None
        return self.sp.line("set.next", n=state.set_index + 1, of=item.sets)

    # --- timing ----------------------------------------------------------------------

    def _count_reps(self, tl: Timeline, ex: Exercise, level: Level) -> None:
        sp = self.sp
        for n in range(1, level.reps + 1):
            if n == level.reps and n > 1:
                tl.say(sp.line("count.last"))
            elif n == level.reps // 2 + 1 and level.reps >= HALFWAY_MIN_REPS:
                tl.say(sp.line("count.halfway", n=n))
            else:
                tl.say(sp.first("count.rep", n=n))
            tl.mark(str(n))
            for word, seconds in zip(ex.phases, level.tempo, strict=True):
                if seconds <= 0:
                    continue
                start = tl.seconds
                tl.say(escape(word))
                for count in range(2, seconds + 1):
                    tl.pause_until(start + count - 1)
                    tl.say(str(count))
                tl.pause_until(start + seconds)

    def _hold(self, tl: Timeline, seconds: int) -> None:
        sp = self.sp
        tl.say(sp.line("hold.start"))
        start = tl.seconds
        end = start + seconds
        calls: list[tuple[float, str]] = []
        if seconds >= HALFWAY_MIN_HOLD:
            calls.append((start + seconds / 2, sp.line("hold.halfway")))
        if seconds >= TEN_LEFT_MIN_HOLD:
            calls.append((end - TEN_LEFT, sp.line("hold.ten_left")))
        calls += [(end - k, str(k)) for k in range(COUNTDOWN_FROM, 0, -1)]
        ticks = [start + t for t in range(0, seconds, HOLD_CALL_EVERY)]
        moments: list[tuple[float, str | None]] = [(t, None) for t in ticks]
        moments += [(t, text) for t, text in calls]
        for at, text in sorted(moments, key=lambda m: m[0]):
            tl.pause_until(at)
            if text is None:
                tl.mark(str(round(end - at)))
            else:
                tl.say(text)
        tl.pause_until(end)
        tl.say(sp.line("hold.relax"))

    def _both_sides(self, tl: Timeline, level: Level, one_side: Callable[[], None]) -> None:
        if level.sides == 2:
            tl.say(self.sp.line("side.first"))
        one_side()
        if level.sides == 2:
            tl.say(self.sp.line("side.switch"))
            tl.pause(SWITCH_SIDES_SECONDS)
            one_side()

    def set_timeline(self, item: PlanItem, set_number: int, tl: Timeline | None = None) -> Timeline:
        """The counted or timed set itself (no rest, no question)."""
        tl = tl or Timeline()
        ex = self.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        sp = self.sp
        if ex.type == "run":
            tl.say(sp.line("run.logged"))
            return tl
        tl.say(sp.first("set.intro", n=set_number, of=item.sets))
        if set_number == 1:
            tl.say(sp.line("set.go"))
        if ex.type == "hold":
            self._both_sides(tl, level, lambda: self._hold(tl, level.hold))
        else:
            self._both_sides(tl, level, lambda: self._count_reps(tl, ex, level))
        return tl

    def _rest(self, tl: Timeline, seconds: int) -> None:
        sp = self.sp
        tl.say(sp.line("rest.start", seconds=seconds))
        tl.mark(sp.first("screen.rest"))
        start = tl.seconds
        if seconds >= REST_CALL_MIN:
            tl.pause_until(start + seconds - TEN_LEFT)
            tl.say(sp.line("rest.ten_left"))
        tl.pause_until(start + seconds)

    def set_turn(self, state: WorkoutState) -> SetTurn:
        """One "next set": the set, then a timed rest and the next set's question, or the
        next exercise's set-up, or the end of the workout and the pain question."""
        item = state.current
        assert item is not None
        sp = self.sp
        ex = self.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        set_number = state.set_index + 1
        tl = self.set_timeline(item, set_number)
        if ex.type != "run" and set_number < item.sets:
            self._rest(tl, level.rest)
            tl.say(sp.line("set.next", n=set_number + 1, of=item.sets))
            return SetTurn(
                tl.ssml(), sp.line("reprompt.set"), tuple(tl.marks), tl.seconds, False, False
            )
        nxt = state.next_item
        if nxt is not None:
            if ex.type != "run":
                tl.say(sp.line("exercise.done", names=ex.names))
            tl.say(self.intro(nxt, first=False))
            return SetTurn(
                tl.ssml(), self.intro_reprompt(nxt), tuple(tl.marks), tl.seconds, False, True
            )
        tl.say(sp.line("workout.done"))
        tl.say(sp.line("pain.ask"))
        return SetTurn(tl.ssml(), sp.line("reprompt.pain"), tuple(tl.marks), tl.seconds, True, True)

    def set_seconds(self, item: PlanItem) -> float:
        """The whole of an exercise in a workout: its sets and the rests between them."""
        ex = self.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        if ex.type == "run":
            return level.minutes * 60.0
        # The same lines are picked (the same random draws) as a Timeline would pick.
        total = sum(self.set_timeline(item, n, Clock()).seconds for n in range(1, item.sets + 1))
        return total + level.rest * (item.sets - 1)

    def estimated_minutes(self, plan: Plan) -> int:
        seconds = sum(self.set_seconds(i) + SETUP_ALLOWANCE_SECONDS for i in plan.items)
        return max(1, round(seconds / 60))
