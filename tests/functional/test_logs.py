"""No utterance text, slot values or health answers reach the logs, over a whole session."""

from __future__ import annotations

import base64
import json
import logging
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from hamstring_coach.app import LambdaHandler
from hamstring_coach.handlers.base import slot_value
from hamstring_coach.log_policy import SDK_LOGGERS
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conversation import Conversation
from tests.tally import TALLY_INTENT, TallyIntentHandler

MARKER = "QZXJ7MARKER"


class LeakyIntentHandler(AbstractRequestHandler):
    """A buggy feature: its exception message quotes what the user said."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("TestLeakyIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        raise ValueError(f"could not understand {slot_value(handler_input, 'query')!r}")


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record from every logger, at DEBUG, botocore included (as far as it emits)."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="hamstring_coach")
    yield caplog


def _leaks(records: list[logging.LogRecord]) -> list[str]:
    formatter = logging.Formatter()
    found = []
    for record in records:
        text = formatter.format(record) + json.dumps(record.__dict__, default=str)
        if MARKER.lower() in text.lower():
            found.append(f"{record.name}: {record.getMessage()[:120]}")
    return found


def _whole_session(skill: LambdaHandler) -> None:
    user = f"amzn1.ask.account.{MARKER}"
    convo = Conversation(skill, user_id=user, person_id=f"amzn1.ask.person.{MARKER}")
    convo.launch()
    marked = f"the {MARKER} one"
    # Questions and exercise names in the user's own words.
    convo.say("QuestionIntent", query=f"can I run with {MARKER}")
    convo.say("QuestionIntent", query=f"what about {MARKER} and a pop when sprinting")
    convo.say("BeenSeenIntent")  # that red flag paused the program; being seen lifts it
    convo.say("ExerciseHowToIntent", exercise=envelopes.resolved_slot("exercise", marked, None))
    convo.say("ExerciseHowToIntent", exercise=envelopes.resolved_slot("exercise", marked, "x"))
    # A whole workout, then pain reports: a wrong type first, then a real score.
    convo.say("TodaysExercisesIntent")
    convo.say("AMAZON.YesIntent")
    for _ in range(40):
        convo.say("NextSetIntent")
        if convo.attributes.get("mode") != "workout":
            break
    assert convo.attributes.get("mode") == "pain_check"  # the workout really ran
    convo.say("PainReportIntent", pain=f"7 {MARKER}")
    convo.say("PainReportIntent", pain="6")
    # A symptom check described in the user's words, with yes, not sure and no answers.
    convo = Conversation(skill, user_id=user)
    convo.launch()
    # Words that name no known symptom are read as a statement (not logged either), then
    # the check is asked for.
    convo.say("SymptomCheckIntent", symptom=envelopes.resolved_slot("symptom", marked, None))
    convo.say("SymptomCheckIntent")
    assert convo.attributes.get("mode") == "symptom_check"  # the check really started
    for answer in ("AMAZON.NoIntent", "UnsureIntent", "AMAZON.NoIntent", "AMAZON.YesIntent"):
        convo.say(answer)
    convo.say(TALLY_INTENT, name=MARKER)  # a value that is stored in progress
    convo.say("TestLeakyIntent", query=MARKER)  # a handler that fails quoting it
    # An intent the model does not have (intent names are the model's words, not the user's).
    convo.say("SomeIntentThisSkillNeverHad", query=MARKER)
    convo.say("DeleteDataIntent")
    convo.say("AMAZON.YesIntent")
    skill(envelopes.session_ended("ERROR", user_id=user), None)
    skill({"request": {"type": MARKER}, "context": MARKER}, None)  # malformed


def test_a_whole_session_logs_no_user_content(
    make_skill: Callable[..., LambdaHandler],
    settings: Settings,
    all_logs: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # As deployed: the turn log line and metrics on, at DEBUG so nothing is filtered out.
    deployed = replace(settings, log_level="DEBUG", metrics_enabled=True)
    skill = make_skill(
        settings=deployed, extra_handlers=[TallyIntentHandler(), LeakyIntentHandler()]
    )
    _whole_session(skill)
    printed = capsys.readouterr()  # the metrics records (EMF) are printed
    assert '"_aws"' in printed.out
    assert MARKER.lower() not in (printed.out + printed.err).lower()
    records = all_logs.records
    assert any(r.getMessage() == "turn" for r in records)  # the per-turn log line
    assert any(r.name.startswith("hamstring_coach") for r in records), "capture is broken"
    assert any(r.getMessage() == "turn failed" for r in records)  # the leaky handler ran
    assert _leaks(records) == []
    assert not [r for r in records if r.name.startswith("botocore") and r.levelno < 30]


def test_the_sdk_loggers_are_pinned_to_warning(
    make_skill: Callable[..., LambdaHandler], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # the root, as AWS_LAMBDA_LOG_LEVEL=DEBUG would set it
    for name in SDK_LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    make_skill()
    for name in SDK_LOGGERS:
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING, name


def test_without_the_pin_botocore_would_log_stored_health_data(
    make_skill: Callable[..., LambdaHandler], all_logs: pytest.LogCaptureFixture
) -> None:
    # The reason for the pin, shown: at DEBUG botocore logs the write's body, which holds
    # what the person stored (here the marker, as a tally name), compressed but readable.
    skill = make_skill(extra_handlers=[TallyIntentHandler()])
    botocore_logger = logging.getLogger("botocore")
    botocore_logger.setLevel(logging.DEBUG)
    try:
        convo = Conversation(skill)
        convo.launch()
        convo.say(TALLY_INTENT, name=MARKER)
    finally:
        botocore_logger.setLevel(logging.WARNING)
    logged = " ".join(r.getMessage() for r in all_logs.records if r.name.startswith("botocore"))
    blobs = re.findall(r'"B": ?"([A-Za-z0-9+/=]+)"', logged)
    assert blobs and any(MARKER.encode() in zlib.decompress(base64.b64decode(b)) for b in blobs)


def test_the_catch_all_logs_where_not_what(
    make_skill: Callable[..., LambdaHandler], all_logs: pytest.LogCaptureFixture
) -> None:
    skill = make_skill(extra_handlers=[LeakyIntentHandler()])
    out: dict[str, Any] = skill(envelopes.intent("TestLeakyIntent", {"query": MARKER}), None)
    assert envelopes.speech_of(out) and envelopes.reprompt_of(out)
    failed = next(r for r in all_logs.records if r.getMessage() == "turn failed")
    assert failed.__dict__["error"] == "ValueError"
    assert any("test_logs.py" in frame for frame in failed.__dict__["where"])
    assert failed.exc_info is None
