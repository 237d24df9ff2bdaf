"""Turn logs and metrics through the real lambda_handler: names and numbers, never content."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response
from botocore.exceptions import ClientError

from hamstring_coach import app as app_module
from hamstring_coach.app import ForeignSkillError, LambdaHandler, create_app
from hamstring_coach.handlers.base import ctx
from hamstring_coach.handlers.display import respond
from hamstring_coach.observability import SERVICE
from hamstring_coach.settings import Settings
from local import envelopes
from tests.turn_log import TurnLog

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

SECRET_WORDS = "my left sit bone hurts since the marathon"
USER = "amzn1.ask.account.PRIVATEUSER"
PERSON = "amzn1.ask.person.PRIVATEPERSON"


@dataclass
class LambdaContext:
    aws_request_id: str = "11111111-2222-3333-4444-555555555555"


@pytest.fixture
def observed(
    make_skill: Callable[..., LambdaHandler], turn_log: TurnLog
) -> Callable[..., LambdaHandler]:
    def factory(**overrides: Any) -> LambdaHandler:
        return make_skill(observability=turn_log.observability(metrics=True), **overrides)

    return factory


def test_one_turn_line_with_ids_names_outcome_and_duration(
    observed: Callable[..., LambdaHandler], turn_log: TurnLog
) -> None:
    skill = observed()
    skill(envelopes.launch(user_id=USER), LambdaContext())
    skill(envelopes.intent("AMAZON.HelpIntent", user_id=USER), LambdaContext("second"))
    first, second = turn_log.turns()
    assert first["level"] == "INFO"
    assert first["service"] == SERVICE
    assert first["request_id"] == "11111111-2222-3333-4444-555555555555"
    assert first["alexa_request_id"].startswith("amzn1.echo-api.request.")
    # Powertools leaves out keys whose value is None.
    assert (first["request_type"], first.get("intent"), first["locale"]) == (
        "LaunchRequest",
        None,
        "en-US",
    )
    assert first["outcome"] == "ok"
    assert isinstance(first["duration_ms"], float) and first["duration_ms"] >= 0
    assert (first["cold_start"], second["cold_start"]) == (True, False)
    assert (second["request_type"], second["intent"]) == ("IntentRequest", "AMAZON.HelpIntent")
    assert second["request_id"] == "second"


def test_no_user_content_reaches_logs_or_metrics(
    observed: Callable[..., LambdaHandler], turn_log: TurnLog
) -> None:
    skill = observed()
    out = skill(envelopes.launch(user_id=USER, person_id=PERSON), LambdaContext())
    attributes = {**out.get("sessionAttributes", {}), "note": SECRET_WORDS}
    skill(
        envelopes.intent(
            "QuestionIntent",
            {"query": SECRET_WORDS},
            user_id=USER,
            person_id=PERSON,
            session_attributes=attributes,
        ),
        LambdaContext(),
    )
    skill(
        envelopes.intent("PainReportIntent", {"pain": "seven"}, user_id=USER),
        LambdaContext(),
    )
    text = turn_log.everything()
    assert len(turn_log.turns()) == 3
    for private in (SECRET_WORDS, "sit bone", USER, PERSON, "PRIVATE", "seven", "DEVICE"):
        assert private not in text


def test_signals_become_metrics_and_odd_names_are_dropped(
    observed: Callable[..., LambdaHandler],
    turn_log: TurnLog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class StartWorkout(AbstractRequestHandler):
        def can_handle(self, handler_input: HandlerInput) -> bool:
            return bool(is_intent_name("StartWorkoutIntent")(handler_input))

        def handle(self, handler_input: HandlerInput) -> Response:
            c = ctx(handler_input)
            c.signal("workout_started")
            c.signal("triage_urgent")
            c.signal(SECRET_WORDS)  # a mistake in feature code must not leak words
            return respond(handler_input, "Ready?", "Ready?")

    monkeypatch.setattr(app_module, "feature_handlers", lambda: [StartWorkout()])
    skill = observed()
    skill(envelopes.intent("StartWorkoutIntent"), LambdaContext())
    (turn,) = turn_log.turns()
    assert turn["signals"] == ["workout_started", "triage_urgent", "invalid_signal"]
    assert turn_log.metric_names() == [["invalid_signal", "triage_urgent", "workout_started"]]
    assert SECRET_WORDS not in turn_log.everything()


def test_quiet_turn_emits_no_metrics_record(
    observed: Callable[..., LambdaHandler], turn_log: TurnLog
) -> None:
    observed()(envelopes.intent("AMAZON.HelpIntent"), LambdaContext())
    assert turn_log.metrics == []
    assert turn_log.turns()[0]["signals"] == []


def test_store_failure_is_an_error_turn_with_its_class_only(
    observed: Callable[..., LambdaHandler], turn_log: TurnLog, ddb: DynamoDBClient
) -> None:
    skill = observed()

    def throttle(**_: Any) -> None:
        raise ClientError(
            {"Error": {"Code": "ThrottlingException", "Message": f"key {USER}"}}, "GetItem"
        )

    ddb.meta.events.register("before-call.dynamodb.GetItem", throttle)
    try:
        out = skill(envelopes.launch(user_id=USER), LambdaContext())
    finally:
        ddb.meta.events.unregister("before-call.dynamodb.GetItem", throttle)
    assert "<speak>" in envelopes.speech_of(out)
    (turn,) = turn_log.turns()
    assert turn["level"] == "ERROR"
    assert turn["outcome"] == "error"
    assert turn["error"] == "StoreUnavailableError"
    assert turn_log.metric_names() == [["error"]]
    assert USER not in turn_log.everything()


def test_deferred_write_is_counted_and_logged_with_the_turns_keys(
    observed: Callable[..., LambdaHandler], turn_log: TurnLog, ddb: DynamoDBClient
) -> None:
    skill = observed()
    skill(envelopes.intent("AMAZON.HelpIntent"), LambdaContext())  # warm content

    def fail(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "InternalServerError", "Message": "x"}}, "PutItem")

    ddb.meta.events.register("before-call.dynamodb.PutItem", fail)
    try:
        skill(envelopes.launch(), LambdaContext("deferred"))
    finally:
        ddb.meta.events.unregister("before-call.dynamodb.PutItem", fail)
    deferred = [line for line in turn_log.lines() if line["message"] == "progress write deferred"]
    assert len(deferred) == 1
    # A plain module logger line carries the invocation's keys too.
    assert deferred[0]["request_id"] == "deferred"
    assert deferred[0]["request_type"] == "LaunchRequest"
    assert turn_log.turns()[-1]["outcome"] == "ok"
    assert turn_log.metric_names()[-1] == ["progress_write_deferred"]


def test_request_keys_do_not_outlive_the_invocation(
    observed: Callable[..., LambdaHandler], turn_log: TurnLog
) -> None:
    observed()(envelopes.launch(), LambdaContext())
    logging.getLogger("hamstring_coach.test").warning("after the turn")
    after = turn_log.lines()[-1]
    assert after["message"] == "after the turn"
    assert "request_id" not in after and "intent" not in after


def test_not_an_alexa_request_is_counted_as_rejected(
    observed: Callable[..., LambdaHandler], turn_log: TurnLog
) -> None:
    skill = observed()
    skill({"hello": "world"}, LambdaContext())
    (turn,) = turn_log.turns()
    assert turn["outcome"] == "rejected"
    assert "request_type" not in turn
    assert turn_log.metric_names() == [["rejected"]]


def test_foreign_skill_is_refused_logged_and_counted(
    turn_log: TurnLog, settings: Settings, ddb: DynamoDBClient
) -> None:
    mine = "amzn1.ask.skill.00000000-0000-0000-0000-000000000001"
    skill = create_app(
        Settings(**{**settings.__dict__, "skill_id": mine}),
        client=ddb,
        observability=turn_log.observability(metrics=True),
    )
    with pytest.raises(ForeignSkillError):
        skill(envelopes.launch(application_id="amzn1.ask.skill.other"), LambdaContext())
    (turn,) = turn_log.turns()
    assert turn["outcome"] == "foreign_skill"
    assert turn_log.metric_names() == [["foreign_skill"]]


def test_metrics_are_off_unless_settings_turn_them_on(
    make_skill: Callable[..., LambdaHandler], settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert settings.metrics_enabled is False
    make_skill()(envelopes.launch(), LambdaContext())
    assert "_aws" not in capsys.readouterr().out


def test_an_intent_name_the_model_does_not_have_is_logged_as_unknown(
    observed: Callable[..., LambdaHandler], turn_log: TurnLog
) -> None:
    # A forged request can carry any text as its intent name; only model names are logged.
    skill = observed()
    skill(envelopes.intent("MyKneeHurtsSecretMarker", user_id=USER), LambdaContext())
    (turn,) = turn_log.turns()
    assert turn["intent"] == "UnknownIntent"
    assert "SecretMarker" not in turn_log.everything()
