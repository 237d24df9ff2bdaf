"""Carrier shapes added in round 9 (issue 15): questions that fell to AMAZON.FallbackIntent
or were taken by another intent before the question matcher saw their words. Through the
console's resolver into the real lambda_handler on moto; which topic was answered is read
from the session, not the wording."""

from __future__ import annotations

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # Reported speech with any reporter and verb, and a tag said last.
        ("someone says don't stretch a tendinopathy, is that right", "stretching"),
        # Patois "dis" (this) first.
        ("dis is sciatica or de tendon", "sciatica"),
        # A trailing "one" is no ordinal choice ("{ordinal} one" took any words before it).
        ("why must I lower slowly one", "slow_loading"),
        # "It's been {compare}" took a question with no morning check open.
        ("it's been a while now, is surgery even an option", "surgery"),
        # What it is about said first, after "with" or "for".
        ("with my shifts, how often should i fit in the exercises", "how_often"),
    ],
)
def test_carrier_shapes_reach_the_question_matcher(
    chat: TextSession, question: str, topic: str
) -> None:
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


def test_what_is_said_last_with_this_or_exactly_gives_what_is_back(resolver: Resolver) -> None:
    out = resolver.resolve("tendinopathy of the hamstring high, what is this exactly")
    assert out.intent == "WhatQuestionIntent"
    assert out.slot_value("query") == "tendinopathy of the hamstring high"


@pytest.mark.parametrize(
    "question",
    [
        "as a teacher I can't feel anything in my saddle area, should I keep working",
        "someone at work says I should ignore that I can't control my bladder, is that right",
        "with my shifts I've lost feeling down below, what should I do",
    ],
)
def test_a_red_flag_inside_a_new_carrier_still_reaches_safety(
    chat: TextSession, question: str
) -> None:
    reply = said(chat, question).lower()
    assert "emergency" in reply or "nine one one" in reply, reply
    assert chat.attributes.get("faq_topic") is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("open hamstring coach and tell me how to do a bridge", "ExerciseHowToIntent"),
        ("start hamstring coach and start my workout", "StartWorkoutIntent"),
        ("open hamstring coach and can I still go running", "RunningIntent"),
        ("tell hamstring coach that my hamstring has flared up", "FlareUpIntent"),
    ],
)
def test_launch_phrases_with_a_request_open_a_session_with_its_intent(
    resolver: Resolver, text: str, intent: str
) -> None:
    out = resolver.resolve(text)
    assert (out.request_type, out.intent, out.new_session) == ("IntentRequest", intent, True)


@pytest.mark.parametrize(
    ("text", "ordinal"), [("first one", "1"), ("second one", "2"), ("last one", "2")]
)
def test_ordinals_said_with_one_are_still_choices(
    resolver: Resolver, text: str, ordinal: str
) -> None:
    out = resolver.resolve(text)
    assert (out.intent, out.slot_id("ordinal")) == ("OrdinalChoiceIntent", ordinal)
