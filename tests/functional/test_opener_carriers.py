"""Openers by kind (round 15, open15): an interjection, a vocative, a discourse marker or a
time phrase in front of a red flag or a question had no carrier and fell to
AMAZON.FallbackIntent, which carries no words. Through the console's resolver into the real
lambda_handler on moto: red flags reach safety first, questions their topic."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    "statement",
    [
        "duw, I've wet myself and didn't feel it",  # interjection
        "y'all, I can't feel my bottom when I wipe",  # vocative
        "ever since Tuesday I've had no control of my bladder",  # time phrase
        "bringing up blood when I cough and my calf is swollen",  # a symptom's own verb
    ],
)
def test_a_red_flag_behind_an_opener_reaches_safety(
    fresh: Callable[[], TextSession], resolver: Resolver, statement: str
) -> None:
    assert resolver.resolve(statement).intent != FALLBACK
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


@pytest.mark.parametrize(
    ("question", "intent", "topic"),
    [
        ("chale, can I still go swimming with this", "PoliteQuestionIntent", "swimming"),
        ("lemme ask ya, is a foam roller any good for it", "PoliteQuestionIntent", "massage"),
        # (round 38, after holdout39's measurement) asked for someone or for a group
        (
            "for my team's gym session, which leg exercises are safe",
            "AsideQuestion4Intent",
            "gym",
        ),
        ("for our walking group, are hills okay with this", "AsideQuestion4Intent", "walking"),
        ("for my mum, is ice or heat better for it", "AsideQuestion4Intent", "ice_heat"),
    ],
)
def test_a_question_behind_an_opener_is_answered(
    fresh: Callable[[], TextSession],
    resolver: Resolver,
    question: str,
    intent: str,
    topic: str,
) -> None:
    assert resolver.resolve(question).intent == intent
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic
