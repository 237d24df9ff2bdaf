"""Issue 12's safety net through the real lambda_handler on moto: red flags said in any
words, a check that never drops out, pauses only the person lifts, safety around workouts.

The console checks of the issue's "Done when" go through the console's resolver (typed
text -> what Alexa would send), like `make demo`.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest

from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain import triage
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.triage import Answer, Level, QuestionSet
from hamstring_coach.settings import Settings
from local import envelopes
from local.dialog import TextSession
from local.resolver import Resolver
from local.transcript import render
from tests.conftest import Clock
from tests.conversation import Conversation, finish_workout
from tests.stored import all_stored
from tools.models import MODELS

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

YES, NO = "AMAZON.YesIntent", "AMAZON.NoIntent"
MODEL = json.loads((MODELS / "en-US.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def questions(content_source: dict[str, Any]) -> QuestionSet:
    return triage.load_questions(content_source["en"]["symptom_question"])


@pytest.fixture(scope="module")
def lines(content_source: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in content_source["en"]["line"].items():
        out[key] = list(value["variants"]) if isinstance(value, dict) else [str(value)]
    return out


def _said(out: dict[str, Any] | None) -> str:
    return render(out)[0] if out else ""


def _opening(lines: dict[str, list[str]], key: str) -> list[str]:
    return [v.split("{")[0].split(".")[0] for v in lines[key]]


def _says(text: str, lines: dict[str, list[str]], key: str) -> bool:
    return any(o in text for o in _opening(lines, key))


def _asked(text: str, questions: QuestionSet) -> str | None:
    found = [q.id for q in (*questions.red_flags, *questions.compare) if q.ask in text]
    assert len(found) <= 1, found
    return found[0] if found else None


def _stored(ddb: DynamoDBClient, settings: Settings) -> list[dict[str, Any]]:
    return all_stored(ddb, settings)


# --- the console checks of "Done when" ----------------------------------------------------


def test_console_red_flags_in_everyday_words_get_advice_at_their_level(
    skill: LambdaHandler, resolver: Resolver, lines: dict[str, list[str]]
) -> None:
    for text, key in (
        ("I can't feel between my legs", "safety.flag.emergency"),
        ("I can't put weight on it", "safety.flag.urgent"),
        ("um so basically my leg gave way", "safety.flag.urgent"),
        ("both my legs feel weak and wobbly", "safety.flag.emergency"),
        ("I'm really out of breath and my leg is swollen", "safety.flag.emergency"),
        ("it keeps me up at night", "safety.flag.soon"),
    ):
        for opening in ("open hamstring coach", None):
            chat = TextSession(skill, resolver)
            if opening:
                chat.say(opening)
                said = _said(chat.say(text).response)
            else:
                said = _said(chat.say(f"ask hamstring coach {text}").response)
            # Said as a statement, or through the FAQ's question carriers ("my {query}"):
            # the advice at the statement's level either way.
            level = key.rsplit(".", 1)[1]
            assert _says(said, lines, key) or _says(said, lines, f"faq.red_flag.{level}"), (
                text,
                said,
            )


def test_console_negations_are_not_red_flags(
    skill: LambdaHandler, resolver: Resolver, lines: dict[str, list[str]]
) -> None:
    for text in ("no numbness at all", "I haven't wet myself or anything", "my leg feels fine"):
        chat = TextSession(skill, resolver)
        chat.say("open hamstring coach")
        said = _said(chat.say(text).response)
        assert not any(_says(said, lines, f"safety.flag.{k}") for k in ("emergency", "urgent"))


def test_console_a_check_answered_loosely_carries_on_to_its_outcome(
    skill: LambdaHandler, resolver: Resolver, questions: QuestionSet, lines: dict[str, list[str]]
) -> None:
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    first = _asked(_said(chat.say("check my symptoms").response), questions)
    assert first is not None
    for text in ("what was the question", "go back", "is that normal", "why do you ask"):
        said = _said(chat.say(text).response)
        assert _asked(said, questions) == first, (text, said)
    said = _said(chat.say("is that normal").response)
    assert said.startswith("I ask because")
    said = _said(chat.say("nope").response)
    second = _asked(said, questions)
    assert second not in (None, first)
    said = _said(chat.say("my leg feels fine").response)  # no red flag: asked again
    assert _asked(said, questions) == second and "not sure" in said
    said = _said(chat.say("I think so").response)  # a yes-ish answer
    assert _says(said, lines, "triage.outcome.emergency"), said
    assert not chat.open


@pytest.mark.parametrize(
    "answer",
    ["only a little bit in the mornings", "just sometimes when I sit"],
)
def test_console_a_sign_there_in_part_counts_as_there(
    skill: LambdaHandler, resolver: Resolver, questions: QuestionSet, answer: str
) -> None:
    # (Round 21) "Only a little bit in the mornings" to the first question was asked again:
    # half a sign is a sign, so it is a yes (the first question's yes is an emergency).
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    first = _asked(_said(chat.say("check my symptoms").response), questions)
    assert first is not None
    said = _said(chat.say(answer).response)
    assert _asked(said, questions) != first, (answer, said)
    assert not chat.open, (answer, said)


# Hedged answers in a person's own words: each one answers the question (an unsure one counts
# as yes), where before the check asked the same question again ("I dunno maybe", "not as
# far as I know" and "a wee bit" were heard as questions or statements, not answers).
LOOSE_ANSWERS = (
    "not as far as I know",
    "I think not",
    "I'd say no",
    "not to my knowledge",
    "I dunno maybe",
    "probably not",
    "hard to tell",
    "beats me",
    "a wee bit",
    "kinda",
    "on and off",
    "I reckon so",
)


@pytest.mark.parametrize("answer", LOOSE_ANSWERS)
def test_console_a_hedged_answer_answers_the_question(
    skill: LambdaHandler, resolver: Resolver, questions: QuestionSet, answer: str
) -> None:
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    first = _asked(_said(chat.say("check my symptoms").response), questions)
    assert first is not None
    said = _said(chat.say(answer).response)
    assert _asked(said, questions) != first, said
    assert "yes, no, or not sure" not in said.lower() or not chat.open, said


def test_console_fifteen_days_after_an_emergency_the_plan_asks_first_and_being_seen_lifts(
    make_skill: Callable[..., LambdaHandler],
    clock: Clock,
    resolver: Resolver,
    ddb: DynamoDBClient,
    settings: Settings,
) -> None:
    skill = make_skill()
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    chat.say("I can't feel between my legs")
    assert not chat.open
    stored = _stored(ddb, settings)
    assert stored[0]["paused"] is True and "triage" not in stored[0]
    clock.now += timedelta(days=15)
    chat.say("open hamstring coach")
    said = _said(chat.say("what are today's exercises").response)
    assert "paused" in said and "been checked" in said and "nine one one" in said
    said = _said(chat.say("start my workout").response)
    assert "paused" in said
    said = _said(chat.say("my doctor cleared me").response)
    assert "today's exercises" in said
    said = _said(chat.say("yes").response)
    assert "paused" not in said and "stage one" in said
    assert _stored(ddb, settings)[0]["paused"] is False


def test_console_statements_with_no_carrier_phrase_reach_the_check_with_their_words(
    skill: LambdaHandler, resolver: Resolver, lines: dict[str, list[str]]
) -> None:
    # Said symptom first, body part first or "both ...": without a carrier phrase Alexa
    # would send AMAZON.FallbackIntent and no words; each must reach safety advice.
    for text, level in (
        ("pins and needles down the backs of both legs", "emergency"),
        ("both legs feel heavy and odd", "emergency"),
        ("calf swollen and hot to touch", "urgent"),
        ("toes keep catching when I walk", "urgent"),
        ("waterworks not right since yesterday", "emergency"),
    ):
        assert not resolver.resolve(text).is_fallback, text
        chat = TextSession(skill, resolver)
        chat.say("open hamstring coach")
        said = _said(chat.say(text).response)
        assert _says(said, lines, f"safety.flag.{level}"), (text, said)


def test_console_inability_after_a_negated_auxiliary_is_a_red_flag_and_denial_is_not(
    skill: LambdaHandler, resolver: Resolver, lines: dict[str, list[str]]
) -> None:
    for text, key in (
        ("I haven't been able to pass water since last night", "safety.flag.emergency"),
        ("I've not been able to feel the inside of my thighs", "safety.flag.emergency"),
        ("I couldn't lift my foot to climb the stairs", "safety.flag.urgent"),
    ):
        chat = TextSession(skill, resolver)
        said = _said(chat.say(f"ask hamstring coach {text}").response)
        assert _says(said, lines, key), (text, said)
    for text in (
        "I haven't had any numbness",
        "I've not noticed any weakness",
        "no problems peeing",
        "my bladder's fine",
        "waterworks are normal",
        "bowels are ok",
    ):
        chat = TextSession(skill, resolver)
        chat.say("open hamstring coach")
        said = _said(chat.say(text).response)
        assert not any(
            _says(said, lines, f"{p}.{k}")
            for p in ("safety.flag", "faq.red_flag")
            for k in ("emergency", "urgent", "soon")
        ), (text, said)


@pytest.mark.parametrize("profile", list(HealthData))
def test_a_red_flag_through_a_question_carrier_pauses_the_program_like_the_check(
    make_skill: Any, settings: Any, resolver: Resolver, ddb: Any, profile: HealthData
) -> None:
    # "what if {query}", "my {query}": the FAQ's carriers give the FAQ's safety advice, with
    # the same effect on the program as a check's outcome: paused until the person has been
    # seen, stored as the plain flag only.
    skill = make_skill(settings=replace(settings, health_data=profile))
    for text in ("what if I can't walk on it", "my leg keeps giving way"):
        chat = TextSession(skill, resolver)
        chat.say("open hamstring coach")
        said = _said(chat.say(text).response)
        assert "paused your exercises" in said, (text, said)
        stored = _stored(ddb, settings)
        assert len(stored) == 1 and stored[0]["paused"] is True
        assert "triage" not in stored[0] and "red_flag" not in json.dumps(stored[0])
        said = _said(chat.say("what are today's exercises").response)
        assert "paused" in said and "been checked" in said
        chat.say("I've been checked")
        assert _stored(ddb, settings)[0]["paused"] is False


def test_a_paused_program_is_said_at_the_welcome_and_to_workout_commands(
    make_skill: Any, settings: Any, resolver: Resolver, ddb: Any, lines: dict[str, list[str]]
) -> None:
    # (round 20) Reopened after a warning sign, the welcome offered "today's exercises"
    # first, and "ready" or "how many left" offered to start today's workout; both now say
    # the hold and how to lift it, with a question still open.
    skill = make_skill()
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    chat.say("what if I can't walk on it")
    assert _stored(ddb, settings)[0]["paused"] is True
    chat = TextSession(skill, resolver)
    out = chat.say("open hamstring coach").response
    said = _said(out)
    assert "paused" in said and "been checked" in said, said
    assert _says(said.split("checked. ")[-1], lines, "onhold.meanwhile"), said
    assert out is not None and out["response"]["reprompt"], "the welcome asks, so it reprompts"
    for command in ("ready", "how many sets are left", "resume"):
        said = _said(chat.say(command).response)
        assert "paused" in said and "been checked" in said, (command, said)
    assert _stored(ddb, settings)[0]["paused"] is True


def _paused_then_opened(
    skill: LambdaHandler, resolver: Resolver, ddb: DynamoDBClient, settings: Settings
) -> TextSession:
    """A person whose program a warning sign paused, back in a new session."""
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    chat.say("what if I can't walk on it")
    assert _stored(ddb, settings)[0]["paused"] is True
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    return chat


@pytest.mark.parametrize(
    "said",
    [
        "my doctor saw me yesterday and said I can exercise",  # "my doctor {query}"
        "I saw the doctor and she said it's fine",
        "I've been to the GP, she said it's fine",
        "doctor says I'm fine",  # the see-a-doctor intent's carrier took "doctor"
        "I got checked out at the hospital, all good",
        "my physio has seen me",
        "I have been checked by my physio",
    ],
)
def test_being_seen_said_in_a_sentence_lifts_the_pause(
    make_skill: Any, settings: Any, resolver: Resolver, ddb: Any, said: str
) -> None:
    # (round 20) The hold asks "once a doctor or physio has seen you, say: I've been
    # checked"; these got the see-a-doctor answer and the hold stayed on.
    chat = _paused_then_opened(make_skill(), resolver, ddb, settings)
    chat.say(said)
    assert _stored(ddb, settings)[0]["paused"] is False, said


@pytest.mark.parametrize(
    "said",
    [
        "the doctor will see me tomorrow",
        "I'm seeing the physio next week",
        "I haven't seen the doctor yet",
        "my physio said I need a scan first",
        "I'm fine thanks",
        "my mum said it's fine",
    ],
)
def test_a_visit_to_come_or_anyone_elses_word_keeps_the_pause(
    make_skill: Any, settings: Any, resolver: Resolver, ddb: Any, said: str
) -> None:
    chat = _paused_then_opened(make_skill(), resolver, ddb, settings)
    chat.say(said)
    assert _stored(ddb, settings)[0]["paused"] is True, said


def test_a_statement_turn_is_logged_without_the_symptom_its_intent_names(
    make_skill: Any,
    settings: Any,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "ReportBladderIntent" in a log line would say what the person told the skill.
    caplog.set_level(logging.DEBUG, logger="hamstring_coach")
    skill = make_skill(settings=replace(settings, log_level="DEBUG", metrics_enabled=True))
    for intent, words in (("ReportBladderIntent", "is fine"), ("ReportNumbIntent", "in my bum")):
        convo = Conversation(skill)
        convo.launch()
        convo.say(intent, statement=words)
    logged = capsys.readouterr().out + " ".join(
        r.getMessage() + json.dumps(r.__dict__, default=str) for r in caplog.records
    )
    assert "SymptomStatement" in logged
    assert "ReportBladderIntent" not in logged and "ReportNumbIntent" not in logged


# --- the check never drops out --------------------------------------------------------------


def _intents_with_slots() -> list[tuple[str, dict[str, Any]]]:
    """Every intent of the model, with a plausible value for each slot it declares."""
    values = {
        "AMAZON.SearchQuery": "my leg feels a bit stiff",
        "AMAZON.NUMBER": "4",
        "EXERCISE": envelopes.resolved_slot("exercise", "bridge", "bridge"),
        "FAQ_TOPIC": envelopes.resolved_slot("topic", "running", "running"),
        "ORDINAL": envelopes.resolved_slot("ordinal", "first", "1"),
        "SYMPTOM": envelopes.resolved_slot("symptom", "pop", "pop"),
        "SYMPTOM_SIGN": "tightness",
        "AMAZON.TIME": "07:00",
        "AMAZON.DATE": "2026-12-01",
        "AMAZON.DURATION": "PT10M",
    }
    out = []
    for intent in MODEL["interactionModel"]["languageModel"]["intents"]:
        slots = {s["name"]: values.get(s["type"], "something") for s in intent.get("slots", [])}
        out.append((intent["name"], slots))
    return out


def _open_states(skill: LambdaHandler, questions: QuestionSet) -> list[Conversation]:
    """A conversation at every question a check can be asking: the full check (all no),
    the comparison (all no through the red flags, then each comparison row), the screen."""
    states: list[Conversation] = []
    for intent, answer_screen in (
        ("SymptomCheckIntent", True),
        ("ConditionCompareIntent", True),
        ("StartWorkoutIntent", False),
    ):
        convo = Conversation(skill, answer_screen=answer_screen)
        convo.launch()
        convo.say(intent)
        while _asked(convo.speech, questions) is not None:
            states.append(copy.deepcopy(convo))
            state = convo.attributes["symptom_check"]
            q = questions.get(state["asking"])
            assert q is not None
            # Through the red flags with no, then the comparison with yes.
            convo.say(NO if q.group == triage.RED_FLAG else YES)
    return states


def test_every_state_of_an_open_check_answers_every_intent_with_its_question_or_outcome(
    skill: LambdaHandler, questions: QuestionSet, lines: dict[str, list[str]]
) -> None:
    outcomes = [
        *(f"triage.outcome.{k}" for k in ("emergency", "urgent", "soon", "self_care")),
        "triage.stopped",
        "screen.clear",
        "screen.gradual",
    ]
    states = _open_states(skill, questions)
    assert len(states) >= len(questions.red_flags) + len(questions.compare)
    intents = _intents_with_slots()
    checked = 0
    for state in states:
        for intent, slots in intents:
            convo = copy.deepcopy(state)
            convo.answer_screen = False
            convo.say(intent, **slots)
            said = convo.speech
            question = _asked(said, questions)
            outcome = any(_says(said, lines, key) for key in outcomes)
            assert question is not None or outcome, (intent, state.attributes, said)
            if question is not None:
                assert convo.reprompt and not convo.ended, intent
            checked += 1
    assert checked == len(states) * len(intents)


def test_a_red_flag_said_mid_check_counts_as_a_yes_and_is_never_under_triaged(
    skill: LambdaHandler, questions: QuestionSet, lines: dict[str, list[str]]
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("SymptomCheckIntent")
    convo.say("ReportInabilityIntent", statement="feel between my legs")
    assert _says(convo.speech, lines, "triage.outcome.emergency")


# --- pauses ----------------------------------------------------------------------------------


def test_a_soon_statement_lets_the_program_go_on_and_reminds_to_book(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, lines: dict[str, list[str]]
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("ReportSymptomIntent", statement="lost weight without trying")
    assert _says(convo.speech, lines, "safety.flag.soon") and "doctor or physio" in convo.speech
    convo.say(NO)
    convo = Conversation(skill)
    convo.launch()
    convo.say("TodaysExercisesIntent")
    assert "paused" not in convo.speech and "stage one" in convo.speech
    assert _stored(ddb, settings)[0]["paused"] is False


def test_a_pause_holds_every_plan_and_workout_request_whatever_the_calendar(
    make_skill: Callable[..., LambdaHandler], clock: Clock
) -> None:
    skill = make_skill()
    convo = Conversation(skill)
    convo.launch()
    convo.say("ReportInabilityIntent", statement="walk")
    for days in (1, 15, 60, 365):
        clock.now += timedelta(days=days)
        for intent in ("TodaysExercisesIntent", "StartWorkoutIntent"):
            convo = Conversation(skill)
            convo.launch()
            convo.say(intent)
            assert "paused" in convo.speech and "been checked" in convo.speech, (days, intent)


# --- safety around the workout ----------------------------------------------------------------


def test_the_first_workout_starts_with_a_short_screen(
    skill: LambdaHandler, questions: QuestionSet, lines: dict[str, list[str]]
) -> None:
    screen = triage.screen_questions(questions)
    convo = Conversation(skill, answer_screen=False)
    convo.launch()
    convo.say("StartWorkoutIntent")
    assert _says(convo.speech, lines, "screen.intro")
    asked = []
    while (qid := _asked(convo.speech, questions)) is not None:
        asked.append(qid)
        convo.say(YES if qid == "onset" else NO)
    assert asked == [*(q.id for q in screen.red_flags), "onset"]
    assert "confirmed" in convo.speech and convo.attributes["offer"] == "start_workout"
    convo.say(YES)
    assert convo.attributes.get("mode") == "workout"
    # Once only.
    convo = Conversation(skill, answer_screen=False)
    convo.launch()
    convo.say("StartWorkoutIntent")
    assert not _says(convo.speech, lines, "screen.intro")


def test_a_red_flag_in_the_screen_gets_emergency_advice_and_no_workout(
    skill: LambdaHandler, questions: QuestionSet, lines: dict[str, list[str]]
) -> None:
    convo = Conversation(skill, answer_screen=False)
    convo.launch()
    convo.say("StartWorkoutIntent")
    convo.say("UnsureIntent")  # not sure counts as yes
    assert _says(convo.speech, lines, "triage.outcome.emergency") and convo.ended
    convo = Conversation(skill, answer_screen=False)
    convo.launch()
    convo.say("StartWorkoutIntent")
    assert "paused" in convo.speech


@pytest.mark.parametrize("pain", ["8", "9", "10"])
def test_severe_pain_after_a_workout_gets_flare_up_advice_and_the_check(
    skill: LambdaHandler, questions: QuestionSet, pain: str
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    finish_workout(convo)
    convo.say("PainReportIntent", pain=pain)
    assert "cold pack" in convo.speech and "symptom check" in convo.speech
    assert convo.reprompt and convo.attributes["offer"] == "symptom_check"
    convo.say(YES)
    assert _asked(convo.speech, questions) == questions.red_flags[0].id


def _start_the_next_day(skill: LambdaHandler, clock: Clock) -> Conversation:
    """A day later, a new visit that asks to start the workout: the morning question comes
    first."""
    clock.now += timedelta(days=1)
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    return convo


def test_severe_pain_the_next_morning_gets_the_same(
    make_skill: Callable[..., LambdaHandler], clock: Clock, questions: QuestionSet
) -> None:
    skill = make_skill()
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    finish_workout(convo)
    convo.say("PainReportIntent", pain="3")
    convo = _start_the_next_day(skill, clock)
    convo.say("PainReportIntent", pain="9")
    assert "won't progress" in convo.speech and "symptom check" in convo.speech
    convo.say(YES)
    assert _asked(convo.speech, questions) is not None


def test_a_statement_with_no_red_flag_does_not_answer_the_morning_or_pain_question(
    make_skill: Any, clock: Clock, lines: dict[str, list[str]]
) -> None:
    # "Feeling good after that", "feeling my hamstring" arrive as statements by their first
    # word: while a score or a comparison is awaited, one that says none hears that question
    # again (not the FAQ); a red flag said there is still heard first. (One that says a
    # comparison, "feeling better", answers the morning question: test_personas.)
    skill = make_skill()
    convo = Conversation(skill)
    convo.launch()
    convo.say("StartWorkoutIntent")
    finish_workout(convo)
    convo.say("ReportFeelingIntent", statement="good after that")
    assert _says(convo.speech, lines, "pain.unsure"), convo.speech
    convo.say("PainReportIntent", pain="3")
    convo = _start_the_next_day(skill, clock)
    convo.say("ReportFeelingIntent", statement="my hamstring")
    assert _says(convo.speech, lines, "morning.unclear") and convo.reprompt, convo.speech
    convo.say("ReportBothSidesIntent", statement="numb")
    assert _says(convo.speech, lines, "safety.flag.emergency"), convo.speech


def test_a_strain_like_comparison_gives_first_aid_and_no_program_today(
    skill: LambdaHandler, questions: QuestionSet
) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("ConditionCompareIntent")
    strain = {
        q.id: (YES if q.if_yes is triage.Pattern.STRAIN else NO)
        for q in questions.compare
        if triage.Pattern.STRAIN in (q.if_yes, q.if_no)
    }
    while (qid := _asked(convo.speech, questions)) is not None:
        convo.say(strain.get(qid, NO))
    assert "ice" in convo.speech and "compression" in convo.speech and "grade" in convo.speech
    assert "No loading exercises today" in convo.speech
    assert convo.attributes.get("offer") != "todays_plan"
    answers = {q.id: Answer.NO for q in questions.red_flags}
    assert triage.conclude(answers, questions, compare=False).level is Level.SELF_CARE


def test_a_one_shot_first_use_hears_the_disclaimer_once(
    skill: LambdaHandler, resolver: Resolver
) -> None:
    chat = TextSession(skill, resolver, user_id="amzn1.ask.account.ONESHOT")
    said = _said(chat.say("ask hamstring coach how long will this take to heal").response)
    assert "not a doctor" in said and "nine one one" in said
    chat = TextSession(skill, resolver, user_id="amzn1.ask.account.ONESHOT")
    said = _said(chat.say("ask hamstring coach how long will this take to heal").response)
    assert "not a doctor" not in said


def test_someone_elses_red_flag_says_they_should_be_seen_and_pauses_nothing(
    make_skill: Any, settings: Any, resolver: Resolver, ddb: Any
) -> None:
    # (rf10) A sign that needs seeing to in anyone, said of someone else, gets advice that
    # THEY be seen at the row's level; the person's own program is not paused and nothing is
    # stored. The person's own sign said with it is still theirs, and pauses as before.
    skill = make_skill(settings=settings)
    for text, words in (
        ("my mum's complaining of a pain in her chest", "get them emergency care"),
        ("my dad's foot has started dragging when he walks", "they should see a doctor"),
    ):
        chat = TextSession(skill, resolver)
        chat.say("open hamstring coach")
        said = _said(chat.say(text).response)
        assert words in said and "paused" not in said, (text, said)
        assert not any(item.get("paused") for item in _stored(ddb, settings)), text
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    said = _said(chat.say("my mum has chest pain and I can't feel my bum either").response)
    assert "paused your exercises" in said, said


def test_a_named_person_is_heard_by_their_ending(
    make_skill: Any, settings: Any, resolver: Resolver, ddb: Any
) -> None:
    # (who16) "Derek ..." opens with no carrier: the third-person ending brings the words in,
    # red flags first (a named person is not known to be someone else: the person's own
    # flag, the over-triage rf10 chose), then the question.
    skill = make_skill(settings=settings)
    # A relative's own history with their pain now: THEY book a doctor; nothing paused.
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    said = _said(chat.say("my dad had bowel cancer and now his upper thigh aches").response)
    assert "worth them booking a doctor" in said and "paused" not in said, said
    assert not any(item.get("paused") for item in _stored(ddb, settings))
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    said = _said(chat.say("Derek's leg is swollen and he says his chest hurts").response)
    assert "emergency" in said or "nine one one" in said, said
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    said = _said(chat.say("Derek wants to start swimming, is that ok with his hamstring").response)
    assert "swim" in said.lower(), said


@pytest.mark.parametrize(
    ("before", "said", "level_words"),
    [
        ((), "my dad can't feel his legs", "emergency care"),
        ((), "she's coughing up blood", "emergency care"),
        ((), "my son felt a pop in the back of his thigh playing rugby", "day or two"),
        # mid-check: someone else's sign is no answer to the person's own question
        (("should I see a doctor",), "my dad can't feel his legs", "emergency care"),
        (("should I see a doctor", "no"), "my son felt a pop in his hamstring", "day or two"),
    ],
)
def test_someone_elses_sign_leaves_the_persons_program_alone(
    make_skill: Any,
    settings: Any,
    resolver: Resolver,
    ddb: Any,
    before: tuple[str, ...],
    said: str,
    level_words: str,
) -> None:
    # (conv17) Advice for THEM to be seen, at their sign's level; the person's record is
    # unchanged (no hold) and the next "what are today's exercises" gives the plan.
    chat = TextSession(make_skill(settings=settings), resolver)
    chat.say("open hamstring coach")
    for step in before:
        chat.say(step)
    stored = _stored(ddb, settings)
    reply = _said(chat.say(said).response)
    assert level_words in reply and ("them" in reply or "they" in reply), reply
    assert "paused" not in reply, reply
    assert _stored(ddb, settings) == stored
    chat = TextSession(make_skill(settings=settings), resolver)
    chat.say("open hamstring coach")
    plan = _said(chat.say("what are today's exercises").response)
    assert "bridge" in plan.lower() and "paused" not in plan, plan


@pytest.mark.parametrize(
    "said", ["I can't feel my legs", "I felt a pop in the back of my thigh playing rugby"]
)
def test_the_persons_own_sign_still_pauses(
    make_skill: Any, settings: Any, resolver: Resolver, ddb: Any, said: str
) -> None:
    chat = TextSession(make_skill(settings=settings), resolver)
    chat.say("open hamstring coach")
    chat.say(said)
    assert any(item.get("paused") for item in _stored(ddb, settings)), said
