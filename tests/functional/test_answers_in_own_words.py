"""Answers to the skill's own yes-or-no questions in people's own words, through the
console's resolver into the real lambda_handler on moto (handlers/answers.py): the red flag
in a story is heard before the yes it opens with; a mind changed half-way is read by its last
answer; a question asked back is never read as an answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local.dialog import TextSession
from local.resolver import Resolver
from tests.conftest import Clock
from tests.functional.test_personas import first_workout_started, mode_of, said
from tests.stored import stored_record

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


@pytest.fixture
def chat(make_skill: Callable[..., LambdaHandler], clock: Clock, resolver: Resolver) -> TextSession:
    return TextSession(make_skill(), resolver, clock=clock)


def test_a_red_flag_in_a_yes_story_reaches_safety_first(
    chat: TextSession, ddb: DynamoDBClient, settings: Settings
) -> None:
    first_workout_started(chat)
    assert mode_of(chat) == "workout"
    reply = said(chat, "yes go on, mind you I've been numb down there since I got up")
    assert "nine one one" in reply.lower() or "emergency" in reply.lower()
    record = stored_record(ddb, settings, chat.user_id)
    assert record is not None and record.paused


def test_a_yes_story_mid_workout_is_a_yes(chat: TextSession) -> None:
    first_workout_started(chat)
    reply = said(chat, "yes go on, I've got time before lunch")
    assert reply.startswith("Set "), reply


def test_a_mind_changed_in_the_check_counts_its_last_answer(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    said(chat, "check my symptoms")
    asking = chat.attributes["symptom_check"]["asking"]
    said(chat, "yes, no sorry, no I haven't")
    check = chat.attributes["symptom_check"]
    assert check["answers"][asking] == "no"
    assert check["asking"] != asking


def test_a_no_story_in_the_check_is_a_no(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    said(chat, "check my symptoms")
    asking = chat.attributes["symptom_check"]["asking"]
    said(chat, "no, thank goodness, nothing of the sort")
    assert chat.attributes["symptom_check"]["answers"][asking] == "no"


def test_a_question_back_about_the_score_is_no_score(
    chat: TextSession, ddb: DynamoDBClient, settings: Settings
) -> None:
    first_workout_started(chat)
    for _ in range(60):
        if mode_of(chat) == "pain_check":
            break
        said(chat, "next set")
    assert mode_of(chat) == "pain_check"
    for question in ("what counts as a ten", "what is a ten then", "why ten"):
        said(chat, question)
        assert mode_of(chat) == "pain_check", question
    record = stored_record(ddb, settings, chat.user_id)
    assert record is not None
    assert all(s.get("pain") is None for s in record.sessions)


def test_a_yes_story_to_the_menu_asks_which_one(chat: TextSession) -> None:
    # The menu asks "today's exercises, a symptom check, or a question?": a yes with a story
    # got "I don't have a good answer for that one" and three topics.
    said(chat, "open hamstring coach")
    reply = said(chat, "yeah go on then, I have about twenty minutes")
    assert "today's exercises" in reply and "good answer" not in reply, reply
    assert chat.open
    # A question after the yes is still that question, and a red flag still comes first.
    assert chat.say("yes how long does it take to heal").resolution.intent == "AnswerYesIntent"
    assert chat.attributes.get("faq_topic") == "recovery_time"


def _to_the_comparison(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    said(chat, "is it tendinopathy or a strain")
    for _ in range(20):  # every red-flag question answered no, first
        if chat.attributes["symptom_check"]["asking"] == "onset":
            return
        said(chat, "no")
    raise AssertionError("the comparison never reached its onset question")


def test_a_story_that_answers_the_onset_question_is_its_answer(chat: TextSession) -> None:
    _to_the_comparison(chat)
    said(chat, "well it crept up on me over a couple of months")
    check = chat.attributes["symptom_check"]
    assert check["answers"]["onset"] == "yes"
    assert check["asking"] != "onset"


def test_a_negated_story_to_the_onset_question_asks_it_again(chat: TextSession) -> None:
    _to_the_comparison(chat)
    reply = said(chat, "it wasn't gradual, I can tell you that")
    check = chat.attributes["symptom_check"]
    assert "onset" not in check["answers"] and check["asking"] == "onset"
    assert "yes, no, or not sure" in reply
