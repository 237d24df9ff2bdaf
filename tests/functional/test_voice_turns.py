"""Turns as a person hears them: help that fits the moment, nothing said twice in a row,
and a question always answerable from what was just said (through the real lambda_handler).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conftest import Clock
from tests.conversation import Conversation, finish_workout
from tests.stored import stored_progress

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


def _stored(ddb: DynamoDBClient, settings: Settings) -> dict[str, Any]:
    found = stored_progress(ddb, settings)
    assert found is not None
    return found


def test_help_after_todays_plan_explains_the_offer(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("TodaysExercisesIntent")
    convo.say("AMAZON.HelpIntent")
    assert "Say yes" in convo.speech and "coach you through" in convo.speech
    assert convo.reprompt and "yes" in convo.reprompt and not convo.ended
    # The offer is still open: yes starts the workout.
    convo.say("AMAZON.YesIntent")
    assert convo.attributes["mode"] == "workout"


def test_a_yes_to_the_plan_does_not_repeat_its_length(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("TodaysExercisesIntent")
    assert "minutes" in convo.speech
    convo.say("AMAZON.YesIntent")
    assert "minutes" not in convo.speech and "Lie on your back" in convo.speech
    # Started directly, the workout says how long it takes.
    other = Conversation(skill, user_id="amzn1.ask.account.OTHER")
    other.launch()
    other.say("StartWorkoutIntent")
    assert "minutes" in other.speech


def test_resume_offer_reprompts_with_carry_on(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    convo.say("NextSetIntent")
    convo.say("AMAZON.StopIntent")
    convo.launch()
    assert "partway through" in convo.speech
    assert convo.reprompt and "carry on" in convo.reprompt
    convo.say("AMAZON.HelpIntent")
    assert "carry on" in convo.speech and convo.reprompt and not convo.ended


def test_between_sets_the_next_set_is_named_once_and_repeat_gives_the_steps(
    skill: LambdaHandler,
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    convo.say("NextSetIntent")
    convo.say("AMAZON.RepeatIntent")
    # The help promises "repeat for the steps": between sets too.
    assert "bridge holds, set 2 of 5" in convo.speech
    assert "Lie on your back" in convo.speech and "next set" in convo.speech
    convo.say("EasierIntent")
    # The new version is named once; then only which set comes next.
    assert convo.speech.count("gentle bridge holds") == 1
    assert "set 2 of 4" in convo.speech.lower()


def test_a_pain_score_said_mid_workout_is_acted_on_and_keeps_the_workout(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    convo.say("NextSetIntent")
    before = _stored(ddb, settings)
    convo.say("PainReportIntent", pain="7")
    assert "easier" in convo.speech and "stop" in convo.speech
    assert convo.attributes["mode"] == "workout" and convo.reprompt and "next set" in convo.reprompt
    convo.say("PainReportIntent", pain="2")
    assert "next set" in convo.speech and convo.attributes["mode"] == "workout"
    assert _stored(ddb, settings) == before  # nothing recorded


def test_progress_offers_the_workout_only_when_there_is_one_to_do(
    skill: LambdaHandler, clock: Clock
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("ProgressIntent")
    assert "Shall we do a workout" in convo.speech and convo.reprompt
    convo.say("AMAZON.YesIntent")
    finish_workout(convo)
    convo.say("PainReportIntent", pain="2")
    convo.launch()
    convo.say("ProgressIntent")
    # Today's workout is done: the report ends without offering it again.
    assert "first workout" in convo.speech and "today's exercises" not in convo.speech
    assert convo.ended
    clock.now = clock.now + timedelta(days=1)
    convo.launch()
    convo.say("PainReportIntent", pain="1")  # the morning check
    convo.say("AMAZON.NoIntent")
    convo.say("ProgressIntent")
    assert "today's exercises" in convo.speech
    assert convo.reprompt and "hear today's exercises" in convo.reprompt


def test_no_to_the_menu_says_goodbye_instead_of_asking_again(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("AMAZON.NoIntent")
    assert convo.ended and convo.speech


def test_faq_help_ends_with_a_question(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.say("RunningIntent")
    convo.say("AMAZON.HelpIntent")
    assert envelopes.speech_of(convo.last).rstrip("</speak>").endswith("?")
    assert "nine one one" in convo.speech and convo.reprompt


def test_a_question_mid_workout_says_how_to_get_back(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    convo.say("StretchingIntent")
    assert "tell me more" in convo.speech and "next set" in convo.speech
    convo.say("TellMeMoreIntent")
    # The detail has been given: no second "tell me more", just the way back.
    assert "tell me more" not in convo.speech and "next set" in convo.speech
    assert convo.reprompt and "next set" in convo.reprompt
    convo.say("NextSetIntent")
    assert "Set 1 of 5" in convo.speech


def test_a_red_flag_question_says_it_is_not_a_diagnosis(skill: LambdaHandler) -> None:
    for query in ("about tingling in my foot", "about numbness between my legs"):
        out = skill(envelopes.intent("QuestionIntent", {"query": query}), None)
        assert "can't diagnose" in envelopes.speech_of(out), query


def test_after_a_reassuring_symptom_check_a_yes_gives_todays_exercises(
    skill: LambdaHandler,
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("SymptomCheckIntent")
    while convo.attributes.get("mode") == "symptom_check":
        convo.say("AMAZON.NoIntent")
    assert "not a diagnosis" in convo.speech and "today's exercises" in convo.speech
    assert "symptom check" not in convo.speech.lower()
    convo.say("AMAZON.YesIntent")
    assert "First," in convo.speech and convo.attributes["offer"] == "start_workout"


def test_a_not_sure_that_settles_the_check_is_heard_as_a_yes(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("SymptomCheckIntent")
    for _ in range(3):  # the emergency questions
        convo.say("AMAZON.NoIntent")
    convo.say("UnsureIntent")  # the pop: urgent
    assert "as a yes" in convo.speech and "by a doctor" in convo.speech.replace("see a", "by a")
    assert "not a diagnosis" in convo.speech and convo.ended


def test_walkthrough_help_fits_where_you_are(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    bridge = envelopes.resolved_slot("exercise", "bridge", "bridge")
    convo.say("ExerciseHowToIntent", exercise=bridge)
    convo.say("AMAZON.HelpIntent")
    assert "next" in convo.speech and convo.reprompt and "next" in convo.reprompt
    convo.say("AMAZON.PreviousIntent")
    assert "first step" in convo.speech and "step 2" in convo.speech
    for _ in range(4):
        convo.say("AMAZON.NextIntent")
    convo.say("AMAZON.HelpIntent")
    assert "next" not in convo.speech.lower() and "start my workout" in convo.speech


def test_too_much_pain_gets_flare_up_advice_with_the_disclaimer(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    finish_workout(convo)
    convo.say("PainReportIntent", pain="8")
    assert "cold pack" in convo.speech
    assert "nine one one" in convo.speech
    assert "not medical advice" in convo.speech or "not a diagnosis" in convo.speech
