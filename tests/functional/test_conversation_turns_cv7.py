"""Turns the round-7 conversations (conversations_cv7.yaml) and the integrator's list found
broken, each held on its own: typed words through the console's resolver (or, where Alexa
would fill a slot the console cannot, the request Alexa would send) into the real
lambda_handler on moto, with a settable clock."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local import envelopes
from local.dialog import TextSession
from local.resolver import Resolution, Resolver
from tests.conftest import Clock
from tests.functional.test_personas import first_workout_done, first_workout_started, mode_of, said
from tests.stored import stored_record
from tests.voice_walk import plain_text, talk_part

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

SORRY = ("sorry, i", "not sure what you meant", "good answer", "can't answer", "didn't get")


@pytest.fixture
def chat(make_skill: Callable[..., LambdaHandler], clock: Clock, resolver: Resolver) -> TextSession:
    return TextSession(make_skill(), resolver, clock=clock)


def _sets_done(ddb: DynamoDBClient, settings: Settings, chat: TextSession) -> int:
    record = stored_record(ddb, settings, chat.user_id)
    assert record is not None and record.sessions
    return int(record.sessions[-1].get("sets_done", 0))


def _in_screen_or_workout(chat: TextSession) -> bool:
    check = chat.attributes.get("symptom_check")
    return mode_of(chat) == "workout" or (isinstance(check, dict) and bool(check.get("screen")))


# --- an answer to an offer is a yes ----------------------------------------------------------


@pytest.mark.parametrize("words", ["ok go", "okay go", "ok let's go", "go on then", "let's go"])
def test_go_said_to_shall_we_start_starts(chat: TextSession, words: str) -> None:
    said(chat, "open hamstring coach")
    said(chat, "what are today's exercises")
    assert chat.attributes.get("offer") == "start_workout"
    reply = said(chat, words)  # "ok go" was a question: "say yes and I'll coach you"
    assert _in_screen_or_workout(chat), reply


# --- a description that names no exercise starts no walkthrough ------------------------------


def test_rolled_ankle_mid_workout_is_no_nordic_curl(
    chat: TextSession, ddb: DynamoDBClient, settings: Settings
) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    before = _sets_done(ddb, settings, chat)
    assert before == 1
    # Alexa fills the exercise slot with whatever was said; "ankle" is one of the Nordic
    # curl's words (its ankles are held down), and one word was enough to walk it.
    slot = envelopes.resolved_slot("exercise", "rolled ankle", None)
    exchange = chat.send(Resolution("IntentRequest", "ExerciseHowToIntent", {"exercise": slot}))
    assert exchange.response is not None
    reply = plain_text(exchange.response["response"]["outputSpeech"]["ssml"])
    assert mode_of(chat) == "workout", reply
    assert "nordic" not in reply.lower() and "step 1" not in reply.lower(), reply
    assert "next set" in reply, reply  # the way back to the set
    assert _sets_done(ddb, settings, chat) == before


def test_an_exercise_described_in_two_of_its_words_is_still_walked(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    slot = envelopes.resolved_slot("exercise", "the kneeling one where you fall forward", None)
    chat.send(Resolution("IntentRequest", "ExerciseHowToIntent", {"exercise": slot}))
    assert mode_of(chat) == "walkthrough"
    assert chat.attributes["walk"]["ex"] == "nordic_curl"


# --- a story longer than eight words mid-workout ---------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "just rolled my ankle on the step a minute ago sorry",
        "just tweaked something in my back when I bent over there",
        "so I was stepping back off the mat and my foot went over sideways and it clicked a bit",
    ],
)
def test_a_long_story_mid_workout_gets_an_answer_and_keeps_the_place(
    chat: TextSession, ddb: DynamoDBClient, settings: Settings, story: str
) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    before = _sets_done(ddb, settings, chat)
    reply = said(chat, story)  # over eight words, it was AMAZON.FallbackIntent
    assert not any(s in reply.lower() for s in SORRY), reply
    assert mode_of(chat) == "workout" and chat.open, reply
    assert _sets_done(ddb, settings, chat) == before


# --- pain of 8 mid-workout: one idea, then the check -----------------------------------------


def test_pain_of_eight_mid_workout_is_short(chat: TextSession) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    reply = said(chat, "ah that's sharp, that's an eight")
    words = len(plain_text(talk_part(reply)).split())
    assert words <= 45, (words, reply)  # it was 73
    assert "stop" in reply and "nine one one" in reply and "symptom check" in reply, reply
    assert chat.attributes.get("offer") == "symptom_check"


@pytest.mark.parametrize("words", ["bout a four", "that's an eight"])
def test_a_score_in_slang_mid_workout_is_a_score(chat: TextSession, words: str) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    reply = said(chat, words)  # both were AMAZON.FallbackIntent: "sorry, I didn't catch that"
    assert not any(s in reply.lower() for s in SORRY), reply
    assert "4" in reply or "8" in reply, reply


# --- leaving mid-workout ---------------------------------------------------------------------


def test_walking_off_mid_workout_ends_the_session_without_an_error(
    chat: TextSession, caplog: pytest.LogCaptureFixture
) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    with caplog.at_level(logging.ERROR):
        chat.handler(
            envelopes.session_ended(
                "EXCEEDED_MAX_REPROMPTS",
                locale=chat.locale,
                session_attributes=dict(chat.attributes),
                session_id=chat.session_id,
                user_id=chat.user_id,
            ),
            None,
        )
    # The pain-in-a-sentence rule read a slot from a SessionEndedRequest: a TypeError.
    assert "turn failed" not in caplog.text


@pytest.mark.parametrize(
    "words", ["hang on the door", "hang on, phone", "oh no the baby's crying, I have to go"]
)
def test_called_away_mid_set_saves_the_place(
    chat: TextSession, ddb: DynamoDBClient, settings: Settings, words: str
) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    reply = said(chat, words)  # "sorry, I didn't catch that", or the pain rule
    assert not any(s in reply.lower() for s in SORRY), reply
    assert "saved" in reply, reply
    assert not chat.open
    assert _sets_done(ddb, settings, chat) == 1
    assert "partway through today's workout, 1 of" in said(chat, "open hamstring coach")


@pytest.mark.parametrize(
    "words", ["right where was I", "sorry, what was I doing", "right I'm back now, where were we"]
)
def test_where_was_i_mid_workout_says_where(chat: TextSession, words: str) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    reply = said(chat, words)  # a "did you mean" or a FAQ answer
    assert "bridge holds" in reply and "set 2 of 5" in reply, reply
    assert mode_of(chat) == "workout"


# --- come-back days --------------------------------------------------------------------------


def test_what_did_i_do_last_time_says_when_and_what(chat: TextSession, clock: Clock) -> None:
    first_workout_done(chat)
    said(chat, "bye")
    clock.now += timedelta(days=1)
    reply = said(chat, "ask hamstring coach did I do my exercises yesterday")
    assert "yesterday" in reply and "bridge holds" in reply and "10 sets" in reply, reply
    assert chat.attributes.get("offer") == "todays_plan"
    said(chat, "no")
    clock.now += timedelta(days=1)
    reply = said(chat, "ask hamstring coach what did I do last time")
    assert "2 days ago" in reply, reply


def test_what_did_i_do_last_time_before_any_workout_is_the_summary(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    reply = said(chat, "what did I do last time")
    assert "No finished workouts yet" in reply and chat.open, reply


def test_what_did_i_do_last_time_mid_workout_keeps_it_going(chat: TextSession) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    reply = said(chat, "what did I do last time")
    assert "earlier today" in reply and "1 of 10 sets" in reply, reply
    assert mode_of(chat) == "workout"


def test_how_many_altogether_is_the_progress(chat: TextSession) -> None:
    first_workout_done(chat)
    said(chat, "open hamstring coach")
    reply = said(chat, "how many have I done altogether")
    assert "first workout" in reply, reply


# --- a cross person --------------------------------------------------------------------------


def test_this_is_useless_gets_an_apology_and_the_way_on(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    first = said(chat, "this is useless")
    assert not any(s in first.lower() for s in ("good answer", "didn't catch")), first
    assert "today's exercises" in first and chat.open, first
    second = said(chat, "you're not listening")
    assert second != first and chat.open


def test_this_is_useless_in_the_check_asks_the_question_again(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    said(chat, "check my symptoms")
    reply = said(chat, "this is useless")
    assert "numbness between your legs" in reply, reply
    assert isinstance(chat.attributes.get("symptom_check"), dict)


def test_this_is_useless_mid_workout_keeps_it(chat: TextSession) -> None:
    first_workout_started(chat)
    reply = said(chat, "you're not listening")
    assert "next set" in reply and mode_of(chat) == "workout", reply


def test_a_workout_request_wrapped_in_talk_is_a_workout_request(chat: TextSession) -> None:
    said(chat, "open hamstring coach")
    reply = said(chat, "oh I see. well I'd like to do the exercises then please")
    # "see" alone picked the see-a-doctor topic.
    assert chat.attributes.get("offer") in ("todays_plan", "start_workout"), reply


@pytest.mark.parametrize("words", ["ok next set", "right ready", "alright next set", "um done"])
def test_a_command_with_a_filler_in_front_is_the_command(
    chat: TextSession, ddb: DynamoDBClient, settings: Settings, words: str
) -> None:
    first_workout_started(chat)
    said(chat, "next set")
    reply = said(chat, words)  # each was a question: the pain rule, or "did you mean"
    assert "Set 2 of 5" in reply, reply
    assert _sets_done(ddb, settings, chat) == 2


@pytest.mark.parametrize("words", ["ok help", "um help", "right skip this one"])
def test_help_and_skip_with_a_filler_mid_workout(chat: TextSession, words: str) -> None:
    first_workout_started(chat)
    reply = said(chat, words)
    assert not any(s in reply.lower() for s in SORRY), reply
    assert mode_of(chat) == "workout" and ("next set" in reply or "heel digs" in reply), reply
