"""The symptom check through the real lambda_handler on moto: conversations, interruptions,
what is stored, and the safety properties over every red-flag combination."""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import product
from typing import TYPE_CHECKING, Any

import pytest
from botocore.exceptions import ClientError

from hamstring_coach import observability
from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain import triage
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.triage import Level, QuestionSet
from hamstring_coach.handlers.symptoms import ANSWER_TURN
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conftest import Clock
from tests.conversation import Conversation, sealed
from tests.stored import all_stored, readable
from tests.turn_log import TurnLog

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

YES, NO, UNSURE = "AMAZON.YesIntent", "AMAZON.NoIntent", "UnsureIntent"
ANSWER_INTENTS = (NO, UNSURE, YES)  # same digit order as the domain test: no, not sure, yes
INTENT_FLAGS = {NO: False, UNSURE: True, YES: True}
POP = envelopes.resolved_slot("symptom", "pop", "pop")
NOT_A_DIAGNOSIS = "not a diagnosis"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """These conversations check the outcome as a `full` (HIPAA-eligible) deployment with
    account linking and PIN in place keeps, logs and speaks it; test_health_data.py checks
    that a `minimal` one keeps none of it and never gives a pause's reason."""
    return replace(settings, health_data=HealthData.FULL, health_controls=True)


@pytest.fixture(scope="module")
def questions(content_source: dict[str, Any]) -> QuestionSet:
    return triage.load_questions(content_source["en"]["symptom_question"])


@pytest.fixture(scope="module")
def outcome_markers(content_source: dict[str, Any]) -> dict[str, list[str]]:
    """The opening words of each outcome's variants, to tell from speech which was said."""
    lines = content_source["en"]["line"]
    return {
        level.key: [v.split("{")[0][:30] for v in lines[f"triage.outcome.{level.key}"]["variants"]]
        for level in Level
    }


def level_of(questions: QuestionSet, qid: str) -> Level:
    q = questions.get(qid)
    assert q is not None and q.level is not None
    return q.level


def asked(convo: Conversation, questions: QuestionSet) -> str | None:
    """The question the skill just asked, recognised by its words in the speech."""
    found = [q.id for q in (*questions.red_flags, *questions.compare) if q.ask in convo.speech]
    assert len(found) <= 1, found
    return found[0] if found else None


def said_outcome(convo: Conversation, markers: dict[str, list[str]]) -> str | None:
    found = {lvl for lvl, opens in markers.items() if any(o in convo.speech for o in opens)}
    assert len(found) <= 1, found
    return found.pop() if found else None


def stored(ddb: DynamoDBClient, settings: Settings) -> list[dict[str, Any]]:
    return all_stored(ddb, settings)


def stored_paused(ddb: DynamoDBClient, settings: Settings) -> bool:
    """Whether the stored progress says the program is paused: the only thing a check
    records (never its level, answers or date)."""
    items = stored(ddb, settings)
    assert len(items) <= 1
    if items:
        assert not {"triage", "answers", "level"} & set(items[0])
    return bool(items and items[0]["paused"])


def start(skill: LambdaHandler, intent: str = "SymptomCheckIntent", **kw: Any) -> Conversation:
    convo = Conversation(skill, **kw)
    convo.launch()
    convo.say(intent)
    return convo


def answer_until_outcome(
    convo: Conversation, questions: QuestionSet, script: dict[str, str], default: str = NO
) -> list[str]:
    """Answer each question the skill asks from the script (default no); the asked ids."""
    seen: list[str] = []
    while (qid := asked(convo, questions)) is not None:
        assert convo.reprompt and not convo.ended
        seen.append(qid)
        convo.say(script.get(qid, default))
        assert len(seen) < 40
    return seen


def assert_outcome(convo: Conversation, level: Level, markers: dict[str, list[str]]) -> None:
    assert said_outcome(convo, markers) == level.key, convo.speech
    assert NOT_A_DIAGNOSIS in convo.speech
    card = convo.last["response"]["card"]
    assert card["title"] == "Symptom check"
    assert NOT_A_DIAGNOSIS in card["content"] and "<" not in card["content"]
    if level >= Level.URGENT:
        assert convo.ended and convo.reprompt is None
    else:
        assert not convo.ended and convo.reprompt
    assert "symptom_check" not in convo.attributes  # the answers leave with the check
    assert convo.attributes.get("mode") is None


# --- the four kinds of conversation -------------------------------------------------


def test_emergency_answer_ends_the_check_at_once_with_the_emergency_message(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    convo = start(skill)
    assert "not sure" in convo.speech  # the intro explains the answers
    assert asked(convo, questions) == "saddle_or_bladder"
    convo.say(YES)
    assert_outcome(convo, Level.EMERGENCY, outcome_markers)
    assert (
        "nine one one" in convo.speech
        and "nine one one" in convo.last["response"]["card"]["content"]
    )
    assert stored_paused(ddb, settings) is True


def test_not_sure_to_an_emergency_question_is_an_emergency(
    skill: LambdaHandler, questions: QuestionSet, outcome_markers: dict[str, list[str]]
) -> None:
    convo = start(skill)
    seen = answer_until_outcome(convo, questions, {"chest": UNSURE})
    assert seen == ["saddle_or_bladder", "both_legs", "chest"]
    assert_outcome(convo, Level.EMERGENCY, outcome_markers)


def test_a_pop_the_user_names_is_counted_and_the_emergency_questions_still_come_first(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("SymptomCheckIntent", symptom=POP)
    assert "pop" in convo.speech
    seen = answer_until_outcome(convo, questions, {})
    # Only the emergency questions: the pop alone already makes it urgent.
    assert seen == ["saddle_or_bladder", "both_legs", "chest"]
    assert_outcome(convo, Level.URGENT, outcome_markers)
    assert "repaired early" in convo.speech  # why it should not wait
    assert "today or tomorrow" in convo.speech or "day or two" in convo.speech
    assert stored_paused(ddb, settings) is True


def test_only_what_the_user_said_counts(
    skill: LambdaHandler, questions: QuestionSet, outcome_markers: dict[str, list[str]]
) -> None:
    """'I felt a twinge' names no pop: it is read as a statement with no red flag (no check
    starts, nothing is pre-answered); asking for the check then asks the pop too."""
    convo = Conversation(skill)
    convo.launch()
    convo.say("SymptomCheckIntent", symptom=envelopes.resolved_slot("symptom", "twinge", None))
    assert convo.attributes.get("mode") != "symptom_check"
    convo.say("SymptomCheckIntent")
    seen = answer_until_outcome(convo, questions, {})
    assert "pop" in seen and len(seen) == len(questions.red_flags)
    assert_outcome(convo, Level.SELF_CARE, outcome_markers)


def test_urgent_conversation_names_the_reason(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    convo = start(skill)
    seen = answer_until_outcome(convo, questions, {"nerve": UNSURE})
    assert seen[-1] == "nerve" and "pop" in seen
    assert_outcome(convo, Level.URGENT, outcome_markers)
    assert "nerve" in convo.speech
    assert stored_paused(ddb, settings) is True


def test_soon_conversation_books_an_appointment_and_carries_on(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    convo = start(skill)
    answer_until_outcome(convo, questions, {"night_pain": YES})
    assert_outcome(convo, Level.SOON, outcome_markers)
    assert "book" in convo.speech and "at rest" in convo.speech
    assert "today's exercises" in convo.speech  # then back to the menu, session open
    assert stored_paused(ddb, settings) is False


def test_self_care_conversation_asks_every_red_flag_and_fits_the_program(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    convo = start(skill)
    seen = answer_until_outcome(convo, questions, {})
    assert seen == [q.id for q in questions.red_flags]
    assert_outcome(convo, Level.SELF_CARE, outcome_markers)
    assert "exercise program" in convo.speech
    assert stored_paused(ddb, settings) is False


def test_the_local_emergency_number_is_used(
    skill: LambdaHandler, questions: QuestionSet, outcome_markers: dict[str, list[str]]
) -> None:
    for locale, number in (("en-GB", "nine nine nine"), ("en-AU", "triple zero")):
        convo = start(skill, locale=locale, user_id=f"amzn1.ask.account.{locale}")
        convo.say(UNSURE)
        assert_outcome(convo, Level.EMERGENCY, outcome_markers)
        assert number in convo.speech and "nine one one" not in convo.speech


# --- tendinopathy or strain? ----------------------------------------------------------


def _compare_script(questions: QuestionSet, pattern: triage.Pattern) -> dict[str, str]:
    """Answers that point every comparison row at one pattern."""
    return {
        q.id: YES if q.if_yes is pattern else NO
        for q in questions.compare
        if pattern in (q.if_yes, q.if_no)
    }


def test_compare_tendinopathy_like_answers_fit_the_program(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    convo = start(skill, "ConditionCompareIntent")
    seen = answer_until_outcome(
        convo, questions, _compare_script(questions, triage.Pattern.TENDINOPATHY)
    )
    assert seen == [q.id for q in (*questions.red_flags, *questions.compare)]
    assert_outcome(convo, Level.SELF_CARE, outcome_markers)
    assert "tendinopathy" in convo.speech and "three to six months" in convo.speech
    assert stored_paused(ddb, settings) is False


def test_compare_strain_like_answers_book_an_appointment(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    convo = start(skill, "ConditionCompareIntent")
    answer_until_outcome(convo, questions, _compare_script(questions, triage.Pattern.STRAIN))
    assert_outcome(convo, Level.SOON, outcome_markers)
    assert "muscle strain" in convo.speech and "graded" in convo.speech
    assert stored_paused(ddb, settings) is False


def test_compare_checks_red_flags_first_and_skips_the_comparison_after_one(
    skill: LambdaHandler, questions: QuestionSet, outcome_markers: dict[str, list[str]]
) -> None:
    convo = start(skill, "ConditionCompareIntent")
    seen = answer_until_outcome(convo, questions, {"bruise_or_lump": YES})
    assert not set(seen) & {q.id for q in questions.compare}
    assert_outcome(convo, Level.URGENT, outcome_markers)
    assert "no comparison" in convo.speech
    convo = start(skill, "ConditionCompareIntent", user_id="amzn1.ask.account.OTHER")
    convo.say(YES)
    assert_outcome(convo, Level.EMERGENCY, outcome_markers)
    assert "comparison" not in convo.speech  # nothing in the way of the emergency advice


def test_yes_to_the_faqs_offer_hands_over_to_the_check(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    """A question that names a red flag gets the FAQ's advice and offer; yes starts the check."""
    convo = Conversation(skill)
    convo.launch()
    convo.say("QuestionIntent", query="I felt a pop and now I can't walk, can I still run")
    assert convo.attributes.get("offer") == "symptom_check" and asked(convo, questions) is None
    convo.say(YES)
    assert asked(convo, questions) == "saddle_or_bladder"
    answer_until_outcome(convo, questions, {"weight_bearing": YES})
    assert_outcome(convo, Level.URGENT, outcome_markers)
    assert stored_paused(ddb, settings) is True
    convo = Conversation(skill)
    convo.say("QuestionIntent", query="what's the difference between a strain and tendinopathy")
    convo.say(YES)
    assert convo.attributes["symptom_check"]["compare"] is True


# --- help, repeat, fallback, start over -----------------------------------------------


def test_help_repeat_and_fallback_reask_the_current_question(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, questions: QuestionSet
) -> None:
    convo = start(skill)
    convo.say(NO)
    assert asked(convo, questions) == "both_legs"
    for intent, words in (
        ("AMAZON.HelpIntent", "Say stop"),
        ("AMAZON.RepeatIntent", ""),
        ("AMAZON.FallbackIntent", "not sure"),
    ):
        convo.say(intent)
        assert asked(convo, questions) == "both_legs", intent
        assert words in convo.speech
        assert convo.reprompt and "both legs" in convo.reprompt and not convo.ended
    convo.say(NO)
    assert asked(convo, questions) == "chest"  # the check carried on where it was
    assert stored_paused(ddb, settings) is False  # nothing concluded yet


def test_start_over_forgets_the_answers(skill: LambdaHandler, questions: QuestionSet) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("SymptomCheckIntent", symptom=POP)
    convo.say(NO)
    convo.say("AMAZON.StartOverIntent")
    assert asked(convo, questions) == "saddle_or_bladder"
    assert convo.attributes["symptom_check"]["answers"] == {}  # the pop is gone too


def test_a_question_gone_from_the_content_moves_on_to_the_next_one(
    skill: LambdaHandler, questions: QuestionSet, settings: Settings
) -> None:
    attrs = {
        "mode": "symptom_check",
        "symptom_check": {
            "compare": False,
            "answers": {"saddle_or_bladder": "no", "retired_question": "yes"},
            "asking": "retired_question",
        },
    }
    env = envelopes.intent("AMAZON.RepeatIntent", session_attributes=attrs)
    out = skill(sealed(env, settings.user_key_secret), None)
    assert asked_in(out, questions) == "both_legs"
    assert out["sessionAttributes"]["symptom_check"]["answers"] == {"saddle_or_bladder": "no"}


def test_a_malformed_check_state_is_dropped_not_answered(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, questions: QuestionSet
) -> None:
    states: list[Any] = [{"answers": "yes", "asking": "chest"}, {"answers": {}}, "nonsense"]
    for state in states:
        attrs = {"mode": "symptom_check", "symptom_check": state}
        env = envelopes.intent(YES, session_attributes=attrs)
        out = skill(sealed(env, settings.user_key_secret), None)
        assert asked_in(out, questions) is None
        left = out.get("sessionAttributes") or {}
        assert "symptom_check" not in left and left.get("mode") is None
    assert stored_paused(ddb, settings) is False


def test_asking_again_mid_check_restarts_it(skill: LambdaHandler, questions: QuestionSet) -> None:
    convo = start(skill)
    convo.say(NO)
    convo.say("ConditionCompareIntent")
    assert asked(convo, questions) == "saddle_or_bladder"
    assert convo.attributes["symptom_check"] == {
        "compare": True,
        "answers": {},
        "asking": "saddle_or_bladder",
    }


# --- interruptions leave no half-made conclusion ---------------------------------------


def _mid_check(skill: LambdaHandler, questions: QuestionSet) -> Conversation:
    convo = start(skill)
    answer_until_outcome_steps(convo, questions, 5)
    return convo


def answer_until_outcome_steps(convo: Conversation, questions: QuestionSet, steps: int) -> None:
    for _ in range(steps):
        assert asked(convo, questions) is not None
        convo.say(NO)
    assert asked(convo, questions) is not None


def test_stop_mid_check_ends_without_a_conclusion(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, questions: QuestionSet
) -> None:
    for intent in ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"):
        convo = _mid_check(skill, questions)
        convo.say(intent)
        assert convo.ended and "nothing was saved" in convo.speech
        assert "nine one one" in convo.speech  # still told what to do in an emergency
        assert stored_paused(ddb, settings) is False
        assert "symptom_check" not in convo.attributes


def test_a_different_request_mid_check_waits_and_the_check_carries_on(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, questions: QuestionSet
) -> None:
    for intent, slots in (
        ("TodaysExercisesIntent", {}),
        ("QuestionIntent", {"query": "can I run"}),
        ("PainReportIntent", {"pain": "4"}),
        ("AMAZON.PauseIntent", {}),
    ):
        convo = _mid_check(skill, questions)
        before = asked(convo, questions)
        convo.say(intent, **slots)
        assert asked(convo, questions) == before, intent  # the same question, again
        # It waits ("let's finish"), or, said like a statement, is asked for an answer.
        assert "finish" in convo.speech or "yes, no, or not sure" in convo.speech, intent
        assert convo.reprompt, intent
        convo.say(NO)  # still an answer to the check
        assert asked(convo, questions) != before
        assert stored_paused(ddb, settings) is False, intent


def test_session_end_and_a_new_session_start_clean(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, questions: QuestionSet
) -> None:
    convo = _mid_check(skill, questions)
    stale = copy.deepcopy(convo.attributes)
    out = skill(envelopes.session_ended("EXCEEDED_MAX_REPROMPTS", session_attributes=stale), None)
    assert "outputSpeech" not in out["response"]
    assert stored_paused(ddb, settings) is False
    # Alexa starts the next session without attributes...
    out = skill(envelopes.intent(YES, new_session=True), None)
    assert asked_in(out, questions) is None
    # ...and even if stale attributes came back with a new session, the old check is gone.
    out = skill(envelopes.intent(YES, new_session=True, session_attributes=stale), None)
    assert asked_in(out, questions) is None
    assert "symptom_check" not in (out.get("sessionAttributes") or {})
    assert stored_paused(ddb, settings) is False


def asked_in(out: dict[str, Any], questions: QuestionSet) -> str | None:
    speech = envelopes.speech_of(out)
    found = [q.id for q in (*questions.red_flags, *questions.compare) if q.ask in speech]
    return found[0] if found else None


def test_an_interrupted_check_leaves_an_earlier_result_untouched(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    clock: Clock,
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("SymptomCheckIntent", symptom=POP)
    answer_until_outcome(convo, questions, {})
    assert stored_paused(ddb, settings) is True
    clock.now = clock.now.replace(day=27)
    convo = _mid_check(skill, questions)
    convo.say("AMAZON.StopIntent")
    assert stored_paused(ddb, settings) is True


def test_an_urgent_result_pauses_the_program_until_the_person_says_they_were_seen(
    skill: LambdaHandler, questions: QuestionSet, content_source: dict[str, Any]
) -> None:
    """Only the person lifts a pause: a later all-clear check does not, being seen does."""
    held = content_source["en"]["line"]["onhold"]["variants"][0][:40]
    convo = Conversation(skill)
    convo.launch()
    convo.say("SymptomCheckIntent", symptom=POP)
    answer_until_outcome(convo, questions, {})
    assert convo.ended
    convo = Conversation(skill)
    convo.launch()
    convo.say("TodaysExercisesIntent")
    assert held in convo.speech and "been checked" in convo.speech and convo.reprompt
    convo.say("SymptomCheckIntent")
    answer_until_outcome(convo, questions, {})  # all no: self-care, yet still paused
    convo.say("TodaysExercisesIntent")
    assert held in convo.speech
    convo.say("BeenSeenIntent")
    assert "today's exercises" in convo.speech
    convo.say(YES)
    assert held not in convo.speech and "stage one" in convo.speech


# --- what is kept, what is logged -------------------------------------------------------


def test_the_stored_item_has_level_and_date_and_no_answers(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, questions: QuestionSet
) -> None:
    convo = start(skill)
    answer_until_outcome(convo, questions, {"fever": UNSURE})
    assert stored_paused(ddb, settings) is True
    raw = readable(ddb.scan(TableName=settings.progress_table)["Items"])
    for q in (*questions.red_flags, *questions.compare):
        assert q.id not in raw
    for word in ("answers", "unsure", "symptom_check", "fever"):
        assert word not in raw


def test_answers_are_never_logged(
    skill: LambdaHandler, questions: QuestionSet, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    convo = start(skill, "ConditionCompareIntent")
    answer_until_outcome(convo, questions, {"weight_or_cancer": UNSURE})
    convo = start(skill)
    convo.say("AMAZON.StopIntent")
    ours = [r for r in caplog.records if r.name.startswith("hamstring_coach")]
    text = " ".join(f"{r.getMessage()} {json.dumps(r.__dict__, default=str)}" for r in ours)
    for q in (*questions.red_flags, *questions.compare):
        assert q.id not in text
    for word in ("unsure", "UnsureIntent", "YesIntent", "NoIntent", "soon", "answers"):
        assert word not in text


def test_the_turn_log_never_names_an_answer(
    logged_skill: LambdaHandler, turn_log: TurnLog, questions: QuestionSet
) -> None:
    """Logged turn by turn, yes / no / not sure would spell the answers out in order."""
    convo = start(logged_skill)
    answer_until_outcome(convo, questions, {"night_pain": UNSURE})
    convo.say(YES)  # after the check: an ordinary yes, named as usual
    turns = turn_log.turns()
    intents = [t.get("intent") for t in turns]
    # Every question up to night_pain is answered; the check stops there.
    answer_turns = [q.id for q in questions.red_flags].index("night_pain") + 1
    assert intents == [
        None,  # launch
        "SymptomCheckIntent",
        *[ANSWER_TURN] * answer_turns,
        "AMAZON.YesIntent",
    ]
    assert "triage_soon" in turns[-2]["signals"]
    text = turn_log.everything()
    for name in ("UnsureIntent", "AMAZON.NoIntent"):
        assert name not in text


def test_signals_name_each_outcome_and_nothing_else(
    logged_skill: LambdaHandler, turn_log: TurnLog, questions: QuestionSet
) -> None:
    convo = start(logged_skill)
    convo.say(YES)
    convo = start(logged_skill)
    answer_until_outcome(convo, questions, {})
    convo = start(logged_skill)
    convo.say("TodaysExercisesIntent")  # waits: the check does not drop out
    assert turn_log.signals() == [
        "triage_started",
        "triage_emergency",
        "triage_started",
        "triage_self_care",
        "triage_started",
    ]


def test_the_advice_is_spoken_even_when_progress_cannot_be_read_or_written(
    make_skill: Callable[..., LambdaHandler],
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    skill = make_skill()
    Conversation(skill).say("AMAZON.HelpIntent")  # content is cached from here on

    def fail(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "InternalServerError", "Message": "x"}}, "Op")

    for op in ("GetItem", "PutItem"):
        ddb.meta.events.register(f"before-call.dynamodb.{op}", fail)
    try:
        # No launch: the store is first needed at the outcome, and it is down.
        convo = Conversation(skill)
        convo.say("SymptomCheckIntent")
        convo.say(YES)
        assert_outcome(convo, Level.EMERGENCY, outcome_markers)
        convo = Conversation(skill)
        convo.say("SymptomCheckIntent")
        answer_until_outcome(convo, questions, {"new_over_50": YES})
        assert_outcome(convo, Level.SOON, outcome_markers)
    finally:
        for op in ("GetItem", "PutItem"):
            ddb.meta.events.unregister(f"before-call.dynamodb.{op}", fail)


# --- the safety properties through the handler, over every combination ------------------


def _explore_through_handler(
    root: Conversation, questions: QuestionSet, ddb: DynamoDBClient, settings: Settings
) -> Iterator[tuple[dict[str, str], list[str], Conversation, bool]]:
    """Every conversation the skill can have from `root`, branching on yes, no and not sure
    at every question it actually asks (session attributes are copied to branch). A turn is
    sent when its branch is explored, so the stored result read at a leaf is that leaf's."""
    stack: list[tuple[tuple[Conversation, dict[str, str], list[str]], str | None]] = [
        ((root, {}, []), None)
    ]
    while stack:
        (parent, answers, path), intent = stack.pop()
        convo = parent
        if intent is not None:
            convo = copy.copy(parent)
            convo.attributes = copy.deepcopy(parent.attributes)
            convo.say(intent)
        qid = asked(convo, questions)
        if qid is None:
            yield answers, path, convo, stored_paused(ddb, settings)
            continue
        assert qid not in answers, f"asked {qid} twice"
        for choice in ANSWER_INTENTS:
            stack.append(((convo, {**answers, qid: choice}, [*path, qid]), choice))


def test_every_red_flag_combination_through_the_handler(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    """All 3^N combinations of red-flag answers, through lambda_handler. Combinations that
    share answers to the questions asked share those turns (the skill never hears the
    rest), so each distinct conversation is run once and every combination is mapped to
    it. For each: the level said and stored is at least every flagged answer's level;
    an emergency answer is the last question; not sure never lowers the level."""
    ids = [q.id for q in questions.red_flags]
    n = len(ids)
    level_of = [q.level for q in questions.red_flags]
    levels: list[Level | None] = [None] * 3**n
    conversations = 0
    root = start(skill)
    for answers, path, convo, kept in _explore_through_handler(root, questions, ddb, settings):
        conversations += 1
        said = said_outcome(convo, outcome_markers)
        assert said is not None, convo.speech
        level = Level[said.upper()]
        assert_outcome(convo, level, outcome_markers)
        assert kept or level < Level.URGENT  # an urgent or emergency result pauses
        for i, qid in enumerate(path):
            q = questions.get(qid)
            assert q is not None
            if q.level is Level.EMERGENCY and INTENT_FLAGS[answers[qid]]:
                assert i == len(path) - 1 and level is Level.EMERGENCY
        free = [i for i, qid in enumerate(ids) if qid not in answers]
        fixed = {
            i: ANSWER_INTENTS.index(answers[qid]) for i, qid in enumerate(ids) if qid in answers
        }
        for rest in product(range(3), repeat=len(free)):
            digits = {**fixed, **dict(zip(free, rest, strict=True))}
            index = sum(d * 3 ** (n - 1 - i) for i, d in digits.items())
            assert levels[index] is None
            levels[index] = level
            for i, d in digits.items():
                if d != 0:  # yes or not sure raises this flag
                    flag = level_of[i]
                    assert flag is not None and level >= flag
    every = [lvl for lvl in levels if lvl is not None]
    assert len(every) == 3**n == 1_594_323
    assert conversations == 2 * n + 1
    # Not sure, through the handler: no -> not sure never lowers; yes -> not sure never changes.
    for position in range(n):
        w = 3 ** (n - 1 - position)
        for begin in range(0, 3**n, 3 * w):
            no = every[begin : begin + w]
            unsure = every[begin + w : begin + 2 * w]
            yes = every[begin + 2 * w : begin + 3 * w]
            assert all(u >= x for x, u in zip(no, unsure, strict=True))
            assert unsure == yes


def test_every_conversation_after_a_named_pop_through_the_handler(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    root = Conversation(skill)
    root.launch()
    root.say("SymptomCheckIntent", symptom=POP)
    outcomes = []
    for answers, path, convo, _ in _explore_through_handler(root, questions, ddb, settings):
        assert {level_of(questions, q) for q in path} == {Level.EMERGENCY}
        said = said_outcome(convo, outcome_markers)
        assert said in ("emergency", "urgent")
        assert (said == "emergency") == any(INTENT_FLAGS[a] for a in answers.values())
        outcomes.append(said)
    assert len(outcomes) == 7


def test_comparison_conversations_through_the_handler_systematic_sample(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    questions: QuestionSet,
    outcome_markers: dict[str, list[str]],
) -> None:
    """Comparison answers through the handler: every combination with at most one
    "not sure" over all-tendinopathy and all-strain answers, plus every 41st of the 3^8
    (the domain test covers all 3^8). The level said matches the domain's conclusion."""
    ids = [q.id for q in questions.compare]
    all_no = {q.id: NO for q in questions.red_flags}
    samples: set[tuple[str, ...]] = set()
    for pattern in (triage.Pattern.TENDINOPATHY, triage.Pattern.STRAIN):
        script = _compare_script(questions, pattern)
        base = tuple(script.get(qid, NO) for qid in ids)
        samples.add(base)
        for i in range(len(ids)):
            for intent in ANSWER_INTENTS:
                samples.add((*base[:i], intent, *base[i + 1 :]))
    samples.update(c for k, c in enumerate(product(ANSWER_INTENTS, repeat=len(ids))) if k % 41 == 0)
    to_answer = {NO: triage.Answer.NO, YES: triage.Answer.YES, UNSURE: triage.Answer.UNSURE}
    for combo in sorted(samples):
        script = {**all_no, **dict(zip(ids, combo, strict=True))}
        convo = start(skill, "ConditionCompareIntent")
        answer_until_outcome(convo, questions, script)
        expected = triage.conclude(
            {k: to_answer[v] for k, v in script.items()}, questions, compare=True
        )
        assert_outcome(convo, expected.level, outcome_markers)
        assert stored_paused(ddb, settings) is (expected.level >= Level.URGENT)
    assert len(samples) == 195


def test_conceal_intent_outside_a_turn_or_with_a_bad_name_does_nothing() -> None:
    assert observability.current_turn() is None
    observability.conceal_intent(ANSWER_TURN)  # no turn: nothing to rename, no error
    record = observability.TurnRecord(started=0.0, cold_start=False, intent="AMAZON.YesIntent")
    token = observability._CURRENT.set(record)
    try:
        observability.conceal_intent("not a name!")
        assert record.intent == "AMAZON.YesIntent"
        observability.conceal_intent(ANSWER_TURN)
        assert record.intent == ANSWER_TURN
    finally:
        observability._CURRENT.reset(token)
