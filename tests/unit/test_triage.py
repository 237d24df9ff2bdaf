"""The symptom check's decisions on plain values, with the real question content.

The safety properties are checked exhaustively: every combination of yes / no / not sure
over every red-flag question (3^N of them), not a handful of examples.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product
from typing import Any

import pytest

from hamstring_coach.domain import progress as pm
from hamstring_coach.domain import triage
from hamstring_coach.domain.triage import (
    Answer,
    CheckUnfinishedError,
    InvalidQuestionError,
    Level,
    Pattern,
    QuestionSet,
)

# Digit d of a combination's index (base 3) is question d's answer, in asking order.
DIGITS = (Answer.NO, Answer.UNSURE, Answer.YES)
NO, UNSURE, YES = 0, 1, 2


@pytest.fixture(scope="module")
def questions(content_source: dict[str, Any]) -> QuestionSet:
    return triage.load_questions(content_source["en"]["symptom_question"])


def _combinations(n: int) -> Iterator[tuple[int, tuple[Answer, ...]]]:
    """Every combination of answers as (index, answers); itertools.product varies the last
    position fastest, so position i has weight 3 ** (n - 1 - i) in the index."""
    yield from enumerate(product(DIGITS, repeat=n))


def level_of(questions: QuestionSet, qid: str) -> Level:
    q = questions.get(qid)
    assert q is not None and q.level is not None
    return q.level


def _weight(n: int, position: int) -> int:
    return int(3 ** (n - 1 - position))


def _levels_of_every_combination(questions: QuestionSet) -> list[Level]:
    ids = [q.id for q in questions.red_flags]
    return [
        triage.assess(dict(zip(ids, combo, strict=True)), questions)
        for _, combo in _combinations(len(ids))
    ]


@pytest.fixture(scope="module")
def every_level(questions: QuestionSet) -> list[Level]:
    return _levels_of_every_combination(questions)


def test_the_check_has_every_red_flag_of_the_brief_grouped_by_level(
    questions: QuestionSet,
) -> None:
    by_level: dict[Level, list[str]] = {}
    for q in questions.red_flags:
        assert q.level is not None
        by_level.setdefault(q.level, []).append(q.id)
    assert set(by_level) == {Level.EMERGENCY, Level.URGENT, Level.SOON}
    # Asking order: every emergency question, then every urgent one, then soon.
    order = [level_of(questions, q.id) for q in questions.red_flags]
    assert order == sorted(order, reverse=True)
    assert len(questions.red_flags) == 13


def test_every_combination_gets_at_least_each_flag_level(
    questions: QuestionSet, every_level: list[Level]
) -> None:
    """No combination containing a red flag gets a lower level than that flag's level,
    and a combination without any flag is self-care."""
    n = len(questions.red_flags)
    flag_levels = [level_of(questions, q.id) for q in questions.red_flags]
    count = 0
    for index, combo in _combinations(n):
        level = every_level[index]
        raised = [flag_levels[i] for i, a in enumerate(combo) if a is not Answer.NO]
        for flag_level in raised:
            assert level >= flag_level, (combo, level)
        assert level == max(raised, default=Level.SELF_CARE), combo
        count += 1
    assert count == 3**n == 1_594_323


def test_not_sure_never_lowers_urgency_and_counts_exactly_as_yes(
    questions: QuestionSet, every_level: list[Level]
) -> None:
    """In every combination, turning any one "no" into "not sure" never lowers the level,
    and turning any one "yes" into "not sure" never changes it."""
    n = len(questions.red_flags)
    compared = 0
    for position in range(n):
        w = _weight(n, position)
        block = 3 * w
        for start in range(0, 3**n, block):
            no = every_level[start : start + w]
            unsure = every_level[start + w : start + 2 * w]
            yes = every_level[start + 2 * w : start + block]
            assert all(u >= x for x, u in zip(no, unsure, strict=True)), (position, start)
            assert unsure == yes, (position, start)
            compared += 2 * w
    assert compared == n * 2 * 3 ** (n - 1)


def _explore(
    questions: QuestionSet, compare: bool, start: dict[str, Answer] | None = None
) -> Iterator[tuple[dict[str, Answer], list[str]]]:
    """Every conversation the check can have: (answers given, questions asked in order).
    Branches on all three answers at every question the check actually asks."""
    stack: list[tuple[dict[str, Answer], list[str]]] = [(dict(start or {}), [])]
    while stack:
        answers, asked = stack.pop()
        q = triage.next_question(answers, questions, compare)
        if q is None:
            yield answers, asked
            continue
        assert q.id not in answers
        for a in DIGITS:
            stack.append(({**answers, q.id: a}, [*asked, q.id]))


def test_every_combination_run_through_the_question_flow_matches_its_level(
    questions: QuestionSet, every_level: list[Level]
) -> None:
    """Each of the 3^N combinations, answered as the check asks, ends with exactly the
    level all N answers would give: stopping early never lowers the result. An emergency
    answer is always the last question asked; emergency questions always come first."""
    ids = [q.id for q in questions.red_flags]
    n = len(ids)
    covered = bytearray(3**n)
    conversations = 0
    for answers, asked in _explore(questions, compare=False):
        conversations += 1
        level = triage.conclude(answers, questions).level
        asked_levels = [level_of(questions, qid) for qid in asked]
        assert asked_levels == sorted(asked_levels, reverse=True)
        for i, qid in enumerate(asked):
            q = questions.get(qid)
            assert q is not None
            if q.level is Level.EMERGENCY and answers[qid] is not Answer.NO:
                assert i == len(asked) - 1, "a question was asked after an emergency answer"
                assert level is Level.EMERGENCY
        # Every full combination that agrees with this conversation's answers.
        free = [i for i, qid in enumerate(ids) if qid not in answers]
        base = sum(
            _weight(n, i) * DIGITS.index(answers[qid])
            for i, qid in enumerate(ids)
            if qid in answers
        )
        for rest in product(range(3), repeat=len(free)):
            index = base + sum(_weight(n, i) * d for i, d in zip(free, rest, strict=True))
            assert covered[index] == 0
            covered[index] = 1
            assert every_level[index] == level
    assert all(covered), "some combination was not reached by any conversation"
    # Distinct conversations: 2 ways to flag at each question plus "all no".
    assert conversations == 2 * n + 1


def test_a_pop_the_user_named_still_gets_the_emergency_questions_first(
    questions: QuestionSet,
) -> None:
    start = {"pop": Answer.YES}
    first = triage.next_question(start, questions)
    assert first is not None and first.level is Level.EMERGENCY
    outcomes = []
    for answers, asked in _explore(questions, compare=False, start=start):
        q_levels = {level_of(questions, qid) for qid in asked}
        assert q_levels == {Level.EMERGENCY}
        outcomes.append(triage.conclude(answers, questions).level)
    # Any emergency answer: emergency; all three no: urgent, for the pop, asked nothing more.
    assert sorted(outcomes) == [Level.URGENT] + [Level.EMERGENCY] * 6
    result = triage.conclude(
        {"pop": Answer.YES, **{q.id: Answer.NO for q in questions.red_flags[:3]}}, questions
    )
    assert result.level is Level.URGENT and result.reason is not None
    assert result.reason.id == "pop" and "repaired early" in (result.reason.why or "")


def test_compare_covers_every_row_of_the_comparison(questions: QuestionSet) -> None:
    rows = {q.row for q in questions.compare}
    assert rows == {
        "onset",
        "pain_type",
        "location",
        "bruising",
        "swelling",
        "movement",
        "recovery_time",
        "cause",
    }
    for q in questions.compare:
        assert {q.if_yes, q.if_no} - {None} <= {Pattern.TENDINOPATHY, Pattern.STRAIN}
        assert q.if_yes != q.if_no


def _compare_levels(questions: QuestionSet) -> list[tuple[tuple[Answer, ...], Level, Pattern]]:
    all_no = {q.id: Answer.NO for q in questions.red_flags}
    ids = [q.id for q in questions.compare]
    out = []
    for _, combo in _combinations(len(ids)):
        result = triage.conclude({**all_no, **dict(zip(ids, combo, strict=True))}, questions, True)
        assert result.pattern is not None
        out.append((combo, result.level, result.pattern))
    return out


def test_compare_only_runs_after_every_red_flag_is_no_and_red_flags_decide_first(
    questions: QuestionSet, every_level: list[Level]
) -> None:
    """Every red-flag combination in compare mode: any flag gives that flag's level and no
    comparison question is asked; only all-no goes on to the comparison."""
    reached_compare = 0
    for answers, asked in _explore(questions, compare=True):
        compare_asked = [qid for qid in asked if qid in {q.id for q in questions.compare}]
        red = {k: v for k, v in answers.items() if questions.get(k) in questions.red_flags}
        if triage.assess(red, questions) is not Level.SELF_CARE:
            assert not compare_asked
            result = triage.conclude(answers, questions, compare=True)
            assert result.pattern is None and result.level == triage.assess(red, questions)
        else:
            # The comparison comes after every red flag, and asks all its questions.
            assert asked[: len(questions.red_flags)] == [q.id for q in questions.red_flags]
            assert len(compare_asked) == len(questions.compare)
            reached_compare += 1
    assert reached_compare == 3 ** len(questions.compare)


def test_compare_patterns_exhaustively_and_not_sure_never_lowers_urgency(
    questions: QuestionSet,
) -> None:
    """All 3^8 comparison combinations: a tendinopathy-like picture is self-care, anything
    else is "book an appointment"; turning any answer into "not sure" never lowers it."""
    results = _compare_levels(questions)
    n = len(questions.compare)
    by_combo = {combo: level for combo, level, _ in results}
    patterns = {pattern for _, _, pattern in results}
    assert patterns == set(Pattern)
    for combo, level, pattern in results:
        assert level is (Level.SELF_CARE if pattern is Pattern.TENDINOPATHY else Level.SOON)
        for i in range(n):
            doubtful = (*combo[:i], Answer.UNSURE, *combo[i + 1 :])
            assert by_combo[doubtful] >= level, (combo, i)
    assert len(results) == 3**n == 6561
    every_tendon = tuple(
        Answer.YES if q.if_yes is Pattern.TENDINOPATHY else Answer.NO for q in questions.compare
    )
    every_strain = tuple(
        Answer.YES if q.if_yes is Pattern.STRAIN else Answer.NO for q in questions.compare
    )
    assert by_combo[every_tendon] is Level.SELF_CARE
    assert by_combo[every_strain] is Level.SOON
    assert by_combo[tuple([Answer.UNSURE] * n)] is Level.SOON


def test_conclude_refuses_an_unfinished_check(questions: QuestionSet) -> None:
    with pytest.raises(CheckUnfinishedError):
        triage.conclude({}, questions)
    with pytest.raises(CheckUnfinishedError):
        triage.conclude({q.id: Answer.NO for q in questions.red_flags}, questions, compare=True)


def test_reason_is_the_first_flag_at_the_concluded_level(questions: QuestionSet) -> None:
    answers = {q.id: Answer.NO for q in questions.red_flags}
    answers["night_pain"] = Answer.UNSURE
    answers["weight_or_cancer"] = Answer.YES
    result = triage.conclude(answers, questions)
    assert result.level is Level.SOON and result.reason is not None
    assert result.reason.id == "night_pain"
    assert triage.conclude({q.id: Answer.NO for q in questions.red_flags}, questions).reason is None


def test_parse_answers_keeps_only_known_questions_and_answers(questions: QuestionSet) -> None:
    raw = {"pop": "yes", "chest": "unsure", "nope": "yes", "fever": "perhaps"}
    assert triage.parse_answers(raw, questions) == {"pop": Answer.YES, "chest": Answer.UNSURE}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"group": "red_flag", "level": "self_care", "order": 1, "ask": "x?"}, "above"),
        ({"group": "red_flag", "level": "urgent", "order": 1, "ask": "x?"}, "reason"),
        ({"group": "red_flag", "level": "sometime", "order": 1, "ask": "x?"}, "level"),
        ({"group": "red_flag", "level": "emergency", "order": 1, "ask": " "}, "text"),
        ({"group": "compare", "order": 1, "ask": "x?", "if_yes": "mixed"}, "one pattern"),
        ({"group": "compare", "order": 1, "ask": "x?", "if_yes": "sprain"}, "pattern"),
        ({"group": "other", "order": 1, "ask": "x?"}, "group"),
    ],
)
def test_unsafe_question_content_is_refused(body: dict[str, Any], message: str) -> None:
    items = {"base": {"group": "red_flag", "level": "emergency", "order": 1, "ask": "y?"}}
    with pytest.raises(InvalidQuestionError, match=message):
        triage.load_questions({**items, "bad": body})


def test_content_without_red_flags_is_refused() -> None:
    with pytest.raises(InvalidQuestionError):
        triage.load_questions({})


def _applied(p: pm.UserProgress, events: list[dict[str, str]]) -> pm.UserProgress:
    for event in events:
        p = pm.apply(p, event)
    return p


@pytest.mark.parametrize(
    ("level", "paused"),
    [(Level.EMERGENCY, True), (Level.URGENT, True), (Level.SOON, False), (Level.SELF_CARE, False)],
)
def test_a_result_records_only_a_pause_never_the_level(level: Level, paused: bool) -> None:
    events = triage.result_events(level)
    assert all(set(e) == {"type"} for e in events)  # no level, reason, answers or date
    p = _applied(pm.UserProgress(), events)
    assert p.paused is paused
    assert p == pm.UserProgress(paused=paused)  # nothing else about the check is kept


def test_only_being_seen_lifts_a_pause_and_a_later_calm_check_does_not() -> None:
    p = _applied(pm.UserProgress(), triage.result_events(Level.EMERGENCY))
    p = _applied(p, triage.result_events(Level.SELF_CARE))
    assert p.paused
    assert not pm.apply(p, triage.resumed_event()).paused


def test_an_old_record_s_urgent_result_becomes_a_pause_whatever_its_age() -> None:
    old = {"visits": 3, "triage": {"level": "emergency", "date": "2020-01-01"}}
    p = pm.UserProgress.from_dict(old)
    assert p.paused and "triage" not in p.to_dict()
    assert not pm.UserProgress.from_dict({"triage": {"level": "soon", "date": "x"}}).paused
    assert pm.apply(pm.UserProgress(), {"type": "triage_result", "level": "urgent", "date": "x"})


def test_the_screen_asks_emergency_flags_then_onset(questions: QuestionSet) -> None:
    screen = triage.screen_questions(questions)
    assert screen.red_flags and all(q.level is Level.EMERGENCY for q in screen.red_flags)
    assert [q.row for q in screen.compare] == ["onset"]
    answers: dict[str, Answer] = {}
    asked = []
    while (q := triage.next_question(answers, screen, compare=True)) is not None:
        asked.append(q.id)
        answers[q.id] = Answer.NO if q.group == triage.RED_FLAG else Answer.YES
    assert asked == [*(q.id for q in screen.red_flags), "onset"]
    assert triage.screen_result(answers, screen).level is Level.SELF_CARE
    for onset in (Answer.NO, Answer.UNSURE):
        assert triage.screen_result({**answers, "onset": onset}, screen).level is Level.SOON
    first = screen.red_flags[0].id
    flagged = {first: Answer.UNSURE}
    assert triage.next_question(flagged, screen, compare=True) is None
    assert triage.screen_result(flagged, screen).level is Level.EMERGENCY


@pytest.mark.parametrize(("score", "severe"), [(7, False), (8, True), (10, True)])
def test_pain_of_eight_or_more_is_severe(score: int, severe: bool) -> None:
    assert triage.severe_pain(score) is severe


def test_every_question_says_why_it_is_asked(questions: QuestionSet) -> None:
    for q in (*questions.red_flags, *questions.compare):
        assert q.because, q.id


def test_an_old_result_event_with_an_unknown_level_is_refused() -> None:
    with pytest.raises(InvalidQuestionError):
        pm.apply(pm.UserProgress(), {"type": "triage_result", "level": "meh", "date": "x"})
