"""Round 23: statements said in plain English with no question word and no carrier the
model held ("hoping to be back running by summer", "trying to figure out how long this
lasts", "curious what eccentric actually means", "supposedly rest makes it worse") fell to
Fallback, and the words never reached the matcher. A family of English openers of state of
mind and hearsay ("hoping", "trying to", "curious", "interested in", "keen to know",
"supposedly", "at my", "whilst") joins AsideQuestion3Intent, read like the other aside
openers. Sentences written for these tests, not taken from any evaluation set, through the
console's resolver into the real lambda_handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("statement", "topic"),
    [
        ("hoping to be back running by summer", "running"),
        ("trying to figure out how long this lasts", "recovery_time"),
        ("curious what eccentric actually means", "slow_loading"),
        ("interested in warming up properly before football", "warm_up"),
        ("supposedly rest makes it worse", "rest"),
        ("keen to know if swimming is allowed", "swimming"),
        ("at my desk all day and it aches, what chair helps", "desk_driving"),
    ],
)
def test_a_plain_statement_behind_an_english_opener_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, statement: str, topic: str
) -> None:
    assert resolver.resolve(statement).intent == "AsideQuestion3Intent"
    chat = fresh()
    reply = said(chat, statement)
    assert chat.attributes.get("faq_topic") == topic, reply


def test_a_red_flag_behind_an_english_opener_reaches_safety(
    fresh: Callable[[], TextSession], resolver: Resolver
) -> None:
    statement = "hoping it's nothing but I can't feel my bum when I wipe since yesterday"
    assert resolver.resolve(statement).intent == "AsideQuestion3Intent"
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


@pytest.mark.parametrize(
    ("said_text", "intent"),
    [
        ("no clue", None),
        ("not certain", None),
        ("unsure", "UnsureIntent"),
        ("at seven pm", "ReminderSetIntent"),
        ("at my age is that normal", None),
    ],
)
def test_short_answers_keep_their_intents(
    resolver: Resolver, said_text: str, intent: str | None
) -> None:
    got = resolver.resolve(said_text).intent
    assert got != "AsideQuestion3Intent", got
    if intent is not None:
        assert got == intent
