"""Round 25: English framings said before a question ("here's the deal", "for context",
"strictly speaking", "out of interest") were no carrier, so the whole sentence fell to
Fallback and none of its words reached the skill; they join the world openers' list
(general spoken English, not one set's misses). A flare-up said with heat or violence
("now the hamstring is on fire", "it's killing me") or a degree of worse ("so much worse")
is the flare-up answer; "it kills me to sit" is still about sitting. Sentences written for
these tests, through the console's resolver into the real lambda_handler."""

from __future__ import annotations

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("here's the deal, how long will this take to settle", "recovery_time"),
        ("for context I cycle to work, is cycling okay with this", "cycling"),
        ("strictly speaking, should I be stretching it", "stretching"),
        ("out of interest, does ice help at all", "ice_heat"),
        ("first things first, what actually is this thing", "what_is_it"),
    ],
)
def test_an_english_framing_before_a_question_reaches_the_answer(
    chat: TextSession, resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent != FALLBACK
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


@pytest.mark.parametrize(
    "question",
    [
        "I played two matches back to back and now it's killing me, what do I do",
        "we danced all weekend and now the hamstring is on fire, what now",
        "it's so much worse after the long drive, what should I do",
    ],
)
def test_a_bad_day_said_with_heat_is_a_flare_up(chat: TextSession, question: str) -> None:
    said(chat, question)
    assert chat.attributes.get("faq_topic") == "flare_up"


def test_it_kills_me_to_sit_is_about_sitting(chat: TextSession) -> None:
    said(chat, "it kills me to sit on hard chairs, what can I do")
    assert chat.attributes.get("faq_topic") == "sitting"
