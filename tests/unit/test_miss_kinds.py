"""bench/miss_kinds.py counts how misses were answered and prints no question's words."""

from __future__ import annotations

from bench.miss_kinds import kinds
from tests.eval.questions_measure import Outcome, Question, Report


def _q(label: str) -> Question:
    return Question(
        text="words never printed", one_shot="ask hamstring coach words", label=label, persona="p"
    )


def test_only_on_topic_misses_are_counted_by_kind_and_carrier() -> None:
    fell = Outcome("miss", (), "AMAZON.FallbackIntent")
    wrong = Outcome("answer", ("sleep",), "SittingPainIntent")
    right = Outcome("answer", ("running",), "RunningIntent")
    report = Report(
        "made",
        [
            (
                _q("running"),
                {"in_session": fell, "one_shot": right},
                {"in_session": "wrong", "one_shot": "right"},
            ),
            (
                _q("sitting"),
                {"in_session": wrong, "one_shot": wrong},
                {"in_session": "wrong", "one_shot": "wrong"},
            ),
            (
                _q("off_topic"),
                {"in_session": wrong, "one_shot": wrong},
                {"in_session": "answered", "one_shot": "answered"},
            ),
        ],
    )
    by_kind, by_intent = kinds(report, "in_session")
    assert by_kind == {"wrong miss": 1, "wrong answer": 1}
    assert by_intent == {"AMAZON.FallbackIntent": 1, "a topic's own intent": 1}
    by_kind, by_intent = kinds(report, "one_shot")
    assert by_kind == {"wrong answer": 1} and by_intent == {"a topic's own intent": 1}
