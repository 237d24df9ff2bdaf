"""Greetings and thanks around a question (issue 15, round 8): "hiya Alexa, hope you're well,
should I rest my hamstring completely, thanks a million". Before PoliteQuestionIntent such
questions had no carrier phrase and fell to AMAZON.FallbackIntent (12 of the seventh held-out
set's misses). Through the console's resolver into the real lambda_handler on moto; what the
skill did is read from the session, not the wording."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import mode_of, said


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "hiya alexa, hope you're good, should i rest my hamstring completely, thanks a million",
            "rest",
        ),
        ("good morning alexa, is it alright to ride my bike with this, thank you", "cycling"),
        ("how often should i do the exercises, cheers", "how_often"),
        ("is swimming ok for my hamstring, thank you kindly", "swimming"),
        ("can stretch or not lah", "stretching"),
    ],
)
def test_a_question_said_with_greetings_and_thanks_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    # Another carrier may bring it in ("how {query}"): the thanks come off all the same.
    assert resolver.resolve(question).intent in ("PoliteQuestionIntent", "QuestionIntent")
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


def test_a_red_flag_behind_a_greeting_reaches_safety_first(
    fresh: Callable[[], TextSession],
) -> None:
    chat = fresh()
    reply = said(
        chat, "good evening alexa, i've wet myself and i can't feel down below, thanks"
    ).lower()
    assert "emergency" in reply or "nine one one" in reply, reply
    assert chat.attributes.get("faq_topic") is None


def test_a_command_said_with_a_greeting_is_that_command(
    fresh: Callable[[], TextSession], resolver: Resolver
) -> None:
    plain = fresh()
    said(plain, "start my workout")
    greeted = fresh()
    assert resolver.resolve("good morning alexa, start my workout").intent == "PoliteQuestionIntent"
    said(greeted, "good morning alexa, start my workout")
    assert mode_of(greeted) == mode_of(plain) is not None

    stopping = fresh()
    said(stopping, "hiya alexa, stop")
    assert not stopping.open


def test_nothing_but_a_greeting_is_no_question(fresh: Callable[[], TextSession]) -> None:
    chat = fresh()
    said(chat, "good evening alexa, hope you're well")
    assert chat.open
    assert chat.attributes.get("faq_topic") is None
    assert chat.attributes.get("faq_choices") is None
