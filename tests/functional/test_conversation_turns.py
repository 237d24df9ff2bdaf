"""Turns the whole-conversation scripts (conversations_cv6.yaml) found broken, each held on
its own: typed words through the console's resolver into the real lambda_handler on moto."""

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

SORRY = ("sorry", "not sure what you meant", "good answer", "can't answer")


@pytest.fixture
def chat(make_skill: Callable[..., LambdaHandler], clock: Clock, resolver: Resolver) -> TextSession:
    return TextSession(make_skill(), resolver, clock=clock)


def test_pain_of_eight_mid_workout_stops_it_with_advice_and_the_check(
    chat: TextSession, ddb: DynamoDBClient, settings: Settings
) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    reply = said(chat, "that really hurt, like an eight")
    # It got "8 is more than we want: say easier or stop", the workout still going.
    assert "stop" in reply and "nine one one" in reply, reply
    assert mode_of(chat) != "workout"
    assert chat.attributes.get("offer") == "symptom_check"
    said(chat, "yes")
    assert isinstance(chat.attributes.get("symptom_check"), dict)
    record = stored_record(ddb, settings, chat.user_id)
    assert record is not None and record.sessions_done == 0  # nothing finished, nothing up
    assert record.sessions[-1].get("sets_done") == 1  # the set done is kept


def test_workout_words_in_a_new_session_after_wait_offer_the_part_done_workout(
    chat: TextSession,
) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    said(chat, "wait")
    assert not chat.open  # a pause ends the session, the place saved
    for words in ("skip this one", "how many sets left", "go back"):
        reply = said(chat, words)
        # It got "there's no workout going" or the main menu.
        assert "partway through today's workout, 1 of" in reply, (words, reply)
        assert chat.attributes.get("offer") == "resume_workout"
        said(chat, "stop")
    said(chat, "open hamstring coach")
    said(chat, "yes")
    assert mode_of(chat) == "workout"


def test_next_to_the_start_offer_starts(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    said(chat, "start my workout")
    for answer in ("no", "no", "no", "yes"):
        said(chat, answer)
    assert chat.attributes.get("offer") == "start_workout"
    said(chat, "next")  # it got "sorry, I missed that" and the menu
    assert mode_of(chat) == "workout"


def test_a_second_misheard_line_in_a_row_is_no_second_sorry(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    first = said(chat, "banana")
    assert first.lower().startswith(("sorry", "hmm"))
    second = said(chat, "football scores")
    assert not any(s in second.lower() for s in SORRY), second
    assert "start my workout" in second and chat.open  # open: a reprompt (session rule)
    # Understood in between: the next miss is a plain one again.
    said(chat, "help")
    assert said(chat, "banana").lower().startswith(("sorry", "hmm"))


def test_why_to_the_check_offer_says_why_and_keeps_the_offer(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    said(chat, "should I get this looked at")
    assert chat.attributes.get("offer") == "symptom_check"
    reply = said(chat, "why")
    assert not any(s in reply.lower() for s in SORRY), reply
    assert chat.attributes.get("offer") == "symptom_check"
    said(chat, "yes")
    assert isinstance(chat.attributes.get("symptom_check"), dict)


def test_what_should_i_do_during_a_hold_says_the_hold_again(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    said(chat, "I can't put any weight on my leg")
    said(chat, "no")
    reply = said(chat, "what should I do")
    assert "I've been checked" in reply and "doctor" in reply, reply
    assert chat.open


def test_a_question_not_placed_to_ready_to_start_says_what_yes_does(chat: TextSession) -> None:
    first_workout_started(chat)
    said(chat, "stop")
    said(chat, "open hamstring coach")
    said(chat, "what are today's exercises")
    offer = chat.attributes.get("offer")
    assert offer in ("start_workout", "resume_workout")
    reply = said(chat, "what should I do then")
    assert not any(s in reply.lower() for s in SORRY), reply
    assert chat.attributes.get("offer") == offer


def test_a_goodbye_one_shot_from_someone_new_says_bye_and_keeps_nothing(
    chat: TextSession, ddb: DynamoDBClient, settings: Settings
) -> None:
    reply = said(chat, "ask hamstring coach to stop")
    assert "nine one one" not in reply
    assert stored_record(ddb, settings, chat.user_id) is None
    # Their first real use still hears the disclaimer.
    assert "nine one one" in said(chat, "ask hamstring coach what are today's exercises")
