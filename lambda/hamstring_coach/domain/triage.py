"""The symptom check: red-flag triage and the tendinopathy-or-strain comparison. Pure.

Safety rules, each covered by an exhaustive test over every combination of answers:
- "Not sure" counts as yes for every red flag, so it can never make an answer less urgent.
- The level is the most urgent flagged question's level: no flag is ever outweighed.
- Questions go most urgent first, and the check stops the moment the level can no longer
  rise: straight after any emergency answer, and after an urgent answer once the emergency
  questions are done. Stopping early therefore never changes the result.
- The comparison is asked only when every red flag was answered no, and its uncertainty
  only ever pushes towards seeing a professional.

The questions and their levels are content (kind `symptom_question`); this module turns
them into typed values and decides. It never diagnoses: it picks which advice to give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum
from typing import Any

from hamstring_coach.domain import progress
from hamstring_coach.domain.answers import phrases
from hamstring_coach.domain.events import Event
from hamstring_coach.domain.progress import UserProgress


class Level(IntEnum):
    """Triage levels, ordered by urgency (a higher value is more urgent)."""

    SELF_CARE = 0
    SOON = 1
    URGENT = 2
    EMERGENCY = 3

    @property
    def key(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, key: str) -> Level:
        try:
            return cls[key.upper()]
        except KeyError:
            raise InvalidQuestionError(f"unknown triage level {key!r}") from None


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Pattern(StrEnum):
    TENDINOPATHY = "tendinopathy"
    STRAIN = "strain"
    MIXED = "mixed"


RED_FLAG = "red_flag"
COMPARE = "compare"

# How clearly the comparison answers must lean towards tendinopathy before the program is
# called a good fit (tendinopathy points minus strain points minus "not sure" answers), and
# towards a strain before it is called strain-like. Everything in between is "mixed".
TENDINOPATHY_MARGIN = 3
STRAIN_MARGIN = 2


class InvalidQuestionError(ValueError):
    """Symptom-question content that would make the check unsafe or unusable."""


class CheckUnfinishedError(ValueError):
    """A conclusion was asked for while the check still has a question to ask."""


@dataclass(frozen=True)
class Question:
    id: str
    group: str  # RED_FLAG or COMPARE
    order: int
    ask: str
    level: Level | None = None  # red flags: how urgent a yes (or "not sure") is
    why: str | None = None  # red flags above self-care: the reason said in the outcome
    because: str = ""  # "why do you ask?": why this question matters, one line
    row: str | None = None  # comparison: which row of the comparison it covers
    if_yes: Pattern | None = None  # comparison: the pattern a yes points to
    if_no: Pattern | None = None  # comparison: the pattern a no points to
    # Words of a story that answer this question, yes or no ("it crept up on me" to "did it
    # build up slowly?"): content's `said_yes` / `said_no`, read by answers.story_answer.
    said_yes: tuple[tuple[str, ...], ...] = ()
    said_no: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class QuestionSet:
    red_flags: tuple[Question, ...]  # in asking order: most urgent level first
    compare: tuple[Question, ...]

    def get(self, question_id: str) -> Question | None:
        for q in (*self.red_flags, *self.compare):
            if q.id == question_id:
                return q
        return None


def _pattern(value: Any, where: str) -> Pattern | None:
    if value is None:
        return None
    try:
        return Pattern(str(value))
    except ValueError:
        raise InvalidQuestionError(f"{where}: unknown pattern {value!r}") from None


def _because(body: Mapping[str, Any]) -> str:
    return str(body.get("because") or "").strip()


def load_questions(items: Mapping[str, Mapping[str, Any]]) -> QuestionSet:
    """Typed questions from content. Refuses content that would weaken the check."""
    red: list[Question] = []
    compare: list[Question] = []
    for qid, body in items.items():
        group = body.get("group")
        ask = str(body.get("ask") or "").strip()
        if not ask:
            raise InvalidQuestionError(f"{qid}: no question text")
        order = int(body.get("order", 0))
        if group == RED_FLAG:
            level = Level.parse(str(body.get("level")))
            if level is Level.SELF_CARE:
                raise InvalidQuestionError(f"{qid}: a red flag must be above self-care")
            why = body.get("why")
            if level in (Level.URGENT, Level.SOON) and not why:
                raise InvalidQuestionError(f"{qid}: urgent and soon flags need a reason")
            red.append(
                Question(qid, RED_FLAG, order, ask, level=level, why=why, because=_because(body))
            )
        elif group == COMPARE:
            if_yes = _pattern(body.get("if_yes"), qid)
            if_no = _pattern(body.get("if_no"), qid)
            if Pattern.MIXED in (if_yes, if_no):
                raise InvalidQuestionError(f"{qid}: an answer points to one pattern or none")
            compare.append(
                Question(
                    qid,
                    COMPARE,
                    order,
                    ask,
                    row=body.get("row"),
                    if_yes=if_yes,
                    if_no=if_no,
                    because=_because(body),
                    said_yes=phrases(body.get("said_yes", ())),
                    said_no=phrases(body.get("said_no", ())),
                )
            )
        else:
            raise InvalidQuestionError(f"{qid}: unknown group {group!r}")
    if not red:
        raise InvalidQuestionError("no red-flag questions")
    red.sort(key=lambda q: (-int(q.level or 0), q.order, q.id))
    compare.sort(key=lambda q: (q.order, q.id))
    return QuestionSet(red_flags=tuple(red), compare=tuple(compare))


def flags(answer: Answer | None) -> bool:
    """Whether an answer raises a red flag: yes, and "not sure" too, to be safe."""
    return answer is Answer.YES or answer is Answer.UNSURE


def assess(answers: Mapping[str, Answer], questions: QuestionSet) -> Level:
    """The triage level the red-flag answers call for: the most urgent flag, or self-care."""
    level = Level.SELF_CARE
    for q in questions.red_flags:
        if flags(answers.get(q.id)):
            assert q.level is not None
            level = max(level, q.level)
    return level


def next_question(
    answers: Mapping[str, Answer], questions: QuestionSet, compare: bool = False
) -> Question | None:
    """The next question to ask, or None when the check can conclude.

    A red flag is asked only while its answer could still make the level more urgent, so
    an emergency answer ends the check at once. Answers given up front (the user said "I
    felt a pop") are simply already answered; the emergency questions still come first.
    """
    level = assess(answers, questions)
    for q in questions.red_flags:
        if q.id in answers:
            continue
        assert q.level is not None
        if q.level > level:
            return q
        break  # asking order is most urgent first: nothing later can raise the level
    if compare and level is Level.SELF_CARE:
        for q in questions.compare:
            if q.id not in answers:
                return q
    return None


def compare_pattern(answers: Mapping[str, Answer], questions: QuestionSet) -> Pattern:
    """Which pattern the comparison answers resemble. "Not sure" (or no answer) counts
    against the tendinopathy pattern, so doubt leads to seeing someone, never away."""
    tendon = strain = doubt = 0
    for q in questions.compare:
        answer = answers.get(q.id)
        if answer is None or answer is Answer.UNSURE:
            doubt += 1
            continue
        points = q.if_yes if answer is Answer.YES else q.if_no
        if points is Pattern.TENDINOPATHY:
            tendon += 1
        elif points is Pattern.STRAIN:
            strain += 1
    if tendon - strain - doubt >= TENDINOPATHY_MARGIN:
        return Pattern.TENDINOPATHY
    if strain - tendon >= STRAIN_MARGIN:
        return Pattern.STRAIN
    return Pattern.MIXED


@dataclass(frozen=True)
class Result:
    level: Level
    # The most urgent flagged question (its `why` is said); None at self-care, and for a
    # comparison that got past the red flags (the pattern is the reason then).
    reason: Question | None = None
    pattern: Pattern | None = None  # only for a comparison that got past the red flags


def conclude(
    answers: Mapping[str, Answer], questions: QuestionSet, compare: bool = False
) -> Result:
    """The finished check's advice level. Only a tendinopathy-like comparison keeps the
    self-care level: a strain-like or mixed picture is worth a professional's look."""
    if next_question(answers, questions, compare) is not None:
        raise CheckUnfinishedError("the check has questions left")
    level = assess(answers, questions)
    if compare and level is Level.SELF_CARE:
        pattern = compare_pattern(answers, questions)
        fits = pattern is Pattern.TENDINOPATHY
        return Result(Level.SELF_CARE if fits else Level.SOON, None, pattern)
    reason = next(
        (q for q in questions.red_flags if q.level is level and flags(answers.get(q.id))), None
    )
    return Result(level, reason)


def parse_answers(raw: Mapping[str, Any], questions: QuestionSet) -> dict[str, Answer]:
    """Answers kept between turns (session attributes) back to typed values. Anything that
    is not a known question with a known answer is dropped, never guessed."""
    out: dict[str, Answer] = {}
    for qid, value in raw.items():
        if questions.get(qid) is None:
            continue
        try:
            out[qid] = Answer(str(value))
        except ValueError:
            continue
    return out


def screen_questions(questions: QuestionSet) -> QuestionSet:
    """The short screen before a first workout: the emergency red flags, then whether the
    pain came on gradually (the comparison's onset row)."""
    return QuestionSet(
        red_flags=tuple(q for q in questions.red_flags if q.level is Level.EMERGENCY),
        compare=tuple(q for q in questions.compare if q.row == "onset"),
    )


def screen_result(answers: Mapping[str, Answer], screen: QuestionSet) -> Result:
    """The screen's outcome: a red flag's level, else self-care only when the pain came on
    gradually (a clear yes); a sudden or unsure start is "soon": get it confirmed. The
    pattern is tendinopathy for a gradual start and None otherwise."""
    if next_question(answers, screen, compare=True) is not None:
        raise CheckUnfinishedError("the screen has questions left")
    level = assess(answers, screen)
    if level is not Level.SELF_CARE:
        reason = next(
            (q for q in screen.red_flags if q.level is level and flags(answers.get(q.id))), None
        )
        return Result(level, reason)
    gradual = all(answers.get(q.id) is Answer.YES for q in screen.compare)
    if gradual:
        return Result(Level.SELF_CARE, None, Pattern.TENDINOPATHY)
    return Result(Level.SOON, None, None)


# Pain scores at or above this (during a workout or the next morning) stop progression,
# bring flare-up advice and the offer of a symptom check.
SEVERE_PAIN = 8


def severe_pain(score: int) -> bool:
    return score >= SEVERE_PAIN


SCREENED = "screened"


@progress.register(SCREENED)
def _screened(current: UserProgress, event: Event) -> UserProgress:
    return replace(current, screened=True)


PAUSED = "program_paused"
RESUMED = "program_resumed"


def result_events(level: Level) -> list[dict[str, str]]:
    """What a check (or a red-flag statement) records: at emergency or urgent, that the
    program is paused until the person has been seen; nothing else, ever (not the level,
    the reason, the answers or the date)."""
    return [{"type": PAUSED}] if level >= Level.URGENT else []


def resumed_event() -> dict[str, str]:
    """The person says a professional has seen them: the pause ends."""
    return {"type": RESUMED}


@progress.register(PAUSED)
def _paused(current: UserProgress, event: Event) -> UserProgress:
    return replace(current, paused=True)


@progress.register(RESUMED)
def _resumed(current: UserProgress, event: Event) -> UserProgress:
    return replace(current, paused=False)


@progress.register("triage_result")
def _triage_result(current: UserProgress, event: Event) -> UserProgress:
    # Written by earlier versions (a pending write carried in a live session): its level
    # decides the pause and is then forgotten.
    level = Level.parse(str(event["level"]))
    return replace(current, paused=True) if level >= Level.URGENT else current
