"""The pain-monitoring rules that move each exercise and the stage up, keep them, or step
them back, at a pace a physio would keep. Pure: plain values in, a Review (with the events
to record) out.

The model (Silbernagel 2007; Goom 2016 for the high hamstring):
- pain during exercise 0-3 is safe, 4-5 acceptable, above 5 too much;
- it must settle by the next morning: next-morning pain worse than usual means reduce the
  load, stable means keep it or add to it;
- a daily test task scoring 4 or more means the tendon is not coping yet.
The morning check asks the person to compare with their usual morning (worse, about the
same, better), so no score needs to be kept: the person knows their usual better than a
stored median would. A number may be given too, and counts on its own (6 or more: a
flare-up day; 4-5: not settled). Only the decision is recorded.

Pace (content/en/pacing.yaml and stages.yaml, Beyer 2015, Goom 2016): a level steps up only
after `stage.good_sessions` good sessions at it with most of the planned work done, and not
before `stage.level_days` at it; a stage moves on only with every exercise at its top and
`stage.min_days` in the stage. A harder level is never offered after a bad morning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from hamstring_coach.domain import events
from hamstring_coach.domain.pacing import level_started, stage_started
from hamstring_coach.domain.program import (
    Pacing,
    Program,
    heavy_days,
    morning_due,
    session_on,
    stage_exercises,
)
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry

Verdict = Literal["good", "hold", "reduce"]
PainZone = Literal["safe", "acceptable", "too_much"]
Compare = Literal["better", "same", "worse", "much_worse"]
COMPARES: tuple[Compare, ...] = ("better", "same", "worse", "much_worse")

PAIN_MIN, PAIN_MAX = 0, 10
SAFE_MAX = 3  # pain during exercise 0-3: safe
ACCEPTABLE_MAX = 5  # 4-5: acceptable; above: too much


@dataclass(frozen=True)
class MorningAnswer:
    """This morning against the person's usual morning, and/or a 0-10 number (never kept)."""

    compare: Compare | None = None
    score: int | None = None


def is_pain_score(value: int | None) -> bool:
    return value is not None and PAIN_MIN <= value <= PAIN_MAX


def pain_zone(pain: int) -> PainZone:
    if pain <= SAFE_MAX:
        return "safe"
    if pain <= ACCEPTABLE_MAX:
        return "acceptable"
    return "too_much"


def judge(
    during: int | None, morning: MorningAnswer, complete: bool, pacing: Pacing
) -> tuple[Verdict, str, bool]:
    """One session's verdict, a reason key, and whether today is a flare-up day.

    Checked most serious first, so the reason names what mattered. Pain during 4-5 is
    acceptable in the model and does not hold the load back on its own: the morning does.
    """
    score = morning.score
    if score is not None and score >= pacing.flare_score:
        return "reduce", "morning_high", True
    if morning.compare == "much_worse":
        return "reduce", "morning_worse", True
    if during is not None and during > ACCEPTABLE_MAX:
        return "reduce", "during_too_much", False
    if morning.compare == "worse":
        return "hold", "morning_up", False
    if score is not None and score >= pacing.not_coping_score:
        return "hold", "morning_not_settled", False
    if not complete:
        return "hold", "incomplete", False
    return "good", "settled", False


# Where only the decision on the pain during a session was kept (the minimal health-data
# profile stores no scores), the highest score that gives that decision: `judge` compares
# the score only with ACCEPTABLE_MAX, so it reaches the same verdict.
_DURING_BY_DECISION: dict[str, int] = {
    "good": SAFE_MAX,
    "hold": ACCEPTABLE_MAX,
    "reduce": ACCEPTABLE_MAX + 1,
}


def during_decision(pain: int) -> Verdict:
    """What the pain during a session decides on its own: good, hold, or reduce now."""
    zone = pain_zone(pain)
    return "good" if zone == "safe" else "hold" if zone == "acceptable" else "reduce"


def during_score(entry: SessionEntry) -> int | None:
    """The pain during a session as `judge` needs it: the score, or its decision's stand-in."""
    during = entry.get("pain_during")
    if isinstance(during, int):
        return during
    return _DURING_BY_DECISION.get(str(entry.get("during_verdict")))


@dataclass(frozen=True)
class LevelChange:
    exercise_id: str
    old: int
    new: int


@dataclass(frozen=True)
class Review:
    verdict: Verdict
    reason: str
    stage_from: int
    stage_to: int
    changes: tuple[LevelChange, ...] = ()
    waiting: bool = False  # good, but not yet enough good sessions in a row to step up
    floor: bool = False  # a step back was due, but this is already the gentlest program
    program_done: bool = False  # every exercise of the last stage is at its top
    flare: bool = False  # today is a flare-up day: gentle isometrics and flare-up advice
    # A morning of 8/10 or more: the safety answer is due (stop, advice, symptom check).
    refer: bool = False
    events: tuple[dict[str, Any], ...] = field(default=())

    @property
    def stage_changed(self) -> bool:
        return self.stage_to != self.stage_from


def _level_events(today: date, changes: Iterable[LevelChange]) -> list[dict[str, Any]]:
    return [events.level_changed(today, c.exercise_id, c.new) for c in changes]


def _step_down(
    program: Program, progress: UserProgress, exercise_ids: Iterable[str]
) -> tuple[list[LevelChange], int, bool]:
    """Every exercise of the session one level easier; at the easiest, the stage before."""
    stage = progress.stage
    changes = []
    known = [e for e in dict.fromkeys(exercise_ids) if e in program.exercises]
    for exercise_id in known:
        level = program.level_of(progress, exercise_id)
        if level > 0:
            changes.append(LevelChange(exercise_id, level, level - 1))
    if changes or not known:
        # Nothing done to ease (no set of it counted): the stage is not stepped back for it.
        return changes, stage, False
    if stage > program.first_stage:
        return [], stage - 1, False
    return [], stage, True


def mostly_done(entry: SessionEntry, pacing: Pacing) -> bool:
    """Most of the session's planned sets were done (skipped or unreached ones are not)."""
    planned = int(entry.get("sets_planned", 0))
    return planned > 0 and int(entry.get("sets_done", 0)) >= pacing.most_done * planned


def _step_up(
    program: Program, progress: UserProgress, exercise_ids: Iterable[str], today: date
) -> tuple[list[LevelChange], int, bool, bool]:
    """Good session: count it; step up what has had enough good sessions and enough days
    at its level; the stage when every exercise is at its top and its time is served."""
    stage = program.stage(progress.stage)
    own = stage_exercises(program, progress, stage.number)
    done = {e for e in exercise_ids if e in program.exercises}
    need = stage.good_sessions
    after = {e: progress.streaks.get(e, 0) + (1 if e in done else 0) for e in {*own, *done}}
    changes: list[LevelChange] = []
    waiting = False
    for exercise_id in sorted(done, key=lambda e: (e not in own, e)):
        level = program.level_of(progress, exercise_id)
        days_at = (today - level_started(progress, exercise_id, today)).days
        if level >= program.exercise(exercise_id).top:
            continue
        if after[exercise_id] < need or days_at < stage.level_days:
            waiting = True
        else:
            changes.append(LevelChange(exercise_id, level, level + 1))
    all_top = all(
        program.level_of(progress, e) == program.exercise(e).top and after[e] >= need for e in own
    )
    served = (today - stage_started(progress, today)).days >= stage.min_days
    stage_ready = all_top and served
    if stage_ready and stage.number < program.last_stage:
        return changes, stage.number + 1, False, False
    return changes, stage.number, waiting or (all_top and not served), stage_ready


def _culprits(progress: UserProgress, entry: SessionEntry) -> list[str]:
    """What to ease after a bad morning: the session's exercises, and after a light day
    also the heavy session before it (the likelier cause)."""
    ids = list(entry.get("exercises", ()))
    if progress.light == entry.get("date"):
        day = date.fromisoformat(str(entry["date"]))
        heavy = [d for d in heavy_days(progress, day) if (day - d).days <= 2]
        if heavy:
            last = session_on(progress, max(heavy)) or {}
            ids = [*last.get("exercises", ()), *ids]
    return ids


def review_morning(
    program: Program, progress: UserProgress, today: date, answer: MorningAnswer
) -> Review | None:
    """Apply the rules to the session the morning check is about (None if none is due)."""
    entry = morning_due(progress, today)
    if entry is None:
        return None
    done_ids = list(entry.get("exercises", ()))
    pacing = program.pacing
    complete = mostly_done(entry, pacing) and bool(entry.get("finished"))
    verdict, reason, flare = judge(during_score(entry), answer, complete, pacing)
    if entry.get("verdict") == "reduce" and verdict == "reduce" and not flare:
        # Pain during that session was already too much and its load was eased then:
        # nothing is eased twice for one session.
        reason = "already_eased"
    stage_from = progress.stage
    morning_event = events.morning_reported(
        today, str(entry["date"]), verdict, pain=answer.score, flare=flare
    )
    changes: list[LevelChange] = []
    stage_to, waiting, floor, program_done = stage_from, False, False, False
    if verdict == "reduce" and reason != "already_eased":
        changes, stage_to, floor = _step_down(program, progress, _culprits(progress, entry))
    elif verdict == "good" and progress.light != entry.get("date"):
        changes, stage_to, waiting, program_done = _step_up(program, progress, done_ids, today)
    decided = [morning_event, *_level_events(today, changes)]
    if stage_to != stage_from:
        decided.append(events.stage_changed(today, stage_to))
    return Review(
        verdict=verdict,
        reason=reason,
        stage_from=stage_from,
        stage_to=stage_to,
        changes=tuple(changes),
        waiting=waiting,
        floor=floor,
        program_done=program_done,
        flare=flare,
        refer=answer.score is not None and answer.score >= pacing.refer_score,
        events=tuple(decided),
    )


def review_pain(program: Program, progress: UserProgress, today: date, pain: int) -> Review:
    """Pain during today's workout: too much eases the load now, before the next session."""
    entry: Mapping[str, Any] = session_on(progress, today) or {}
    zone = pain_zone(pain)
    verdict = during_decision(pain)
    stage_from = progress.stage
    if verdict != "reduce":
        event = events.pain_reported(today, pain, during=verdict)
        return Review(verdict, zone, stage_from, stage_from, events=(event,))
    event = events.pain_reported(today, pain, "reduce", during=verdict)
    changes, stage_to, floor = _step_down(program, progress, list(entry.get("exercises", ())))
    decided = [event, *_level_events(today, changes)]
    if stage_to != stage_from:
        decided.append(events.stage_changed(today, stage_to))
    return Review(
        "reduce",
        zone,
        stage_from,
        stage_to,
        changes=tuple(changes),
        floor=floor,
        events=tuple(decided),
    )


def harder_blocked(progress: UserProgress, today: date) -> str | None:
    """Why a harder level must not be offered now (a reason key), or None if it may be.

    Never on a first session, on a flare-up day, after a bad next-morning report, or after
    too much pain during the last session, whatever the person asks.
    """
    entry = session_on(progress, today)
    during = during_score(entry) if entry else None
    if during is not None and during > ACCEPTABLE_MAX:
        return "too_much_today"
    if progress.flare == today.isoformat():
        return "bad_morning"
    reviewed = [s for s in progress.sessions if s.get("verdict")]
    if reviewed and reviewed[-1].get("verdict") != "good":
        return "bad_morning"
    earlier = [s for s in progress.sessions if str(s.get("date")) < today.isoformat()]
    if not any(int(s.get("sets_done", 0)) > 0 for s in earlier):
        return "first_session"
    return None


def harder_level(
    program: Program, progress: UserProgress, exercise_id: str, current: int
) -> int | None:
    """Today's harder level: one above the program's own level at most (None: no higher)."""
    ex = program.exercise(exercise_id)
    ceiling = min(ex.top, program.level_of(progress, exercise_id) + 1)
    return current + 1 if current < ceiling else None


def easier_level(level: int) -> int | None:
    return level - 1 if level > 0 else None
