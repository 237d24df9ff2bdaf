"""A save that fails twice is never silent, and the update is not lost (issue 13, defect 2).

Seen before: the pain score was given while writes failed; "yes" (to try again) failed
again and got "I'm happy to help", with no word of the failure; "stop" then lost the pain
score for good. Writes fail here through a botocore hook on the real client (moto).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.settings import Settings
from tests.conversation import Conversation, finish_workout
from tests.functional.test_faults import failing_puts
from tests.stored import stored_entry

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

USER = "amzn1.ask.account.SAVES"
NOT_SAVED = "couldn't save"


def _entry(ddb: DynamoDBClient, settings: Settings) -> SessionEntry:
    return stored_entry(ddb, settings, USER)


def _answered(entry: SessionEntry, decision: str) -> bool:
    """The pain answer is stored: under the default (minimal) health-data profile only as
    "asked" and what it decided, never the number (domain/health_data.py)."""
    return "pain_during" in entry and entry.get("during_verdict") == decision


def _to_pain_question(skill: LambdaHandler) -> Conversation:
    convo = Conversation(skill, user_id=USER)
    convo.launch()
    convo.say("StartWorkoutIntent")
    finish_workout(convo)
    assert convo.attributes.get("mode") == "pain_check"
    return convo


@pytest.mark.parametrize("then", ["AMAZON.YesIntent", "AMAZON.StopIntent"])
def test_a_pain_score_that_cannot_be_saved_twice_is_said_and_written_next_session(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, then: str
) -> None:
    convo = _to_pain_question(skill)
    with failing_puts(ddb):
        convo.say("PainReportIntent", pain="3")
        assert NOT_SAVED in convo.speech and "try again" in convo.speech
        assert not convo.ended and convo.reprompt
        convo.say(then)  # the second try fails too: said plainly, and the session ends
        assert "still couldn't save" in convo.speech and convo.ended
    assert "pain_during" not in _entry(ddb, settings)
    # The next session (on this container) writes it as soon as the store answers.
    Conversation(skill, user_id=USER).launch()
    assert _answered(_entry(ddb, settings), "good")


def test_a_yes_to_try_again_that_works_says_so(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = _to_pain_question(skill)
    with failing_puts(ddb):
        convo.say("PainReportIntent", pain="3")
    convo.say("AMAZON.YesIntent")
    assert "saved now" in convo.speech and convo.ended
    assert _answered(_entry(ddb, settings), "good")


def test_every_turn_whose_save_fails_says_so_and_nothing_is_lost(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = Conversation(skill, user_id=USER)
    convo.launch()
    convo.say("StartWorkoutIntent")
    with failing_puts(ddb):
        for _ in range(3):
            convo.say("NextSetIntent")
            assert convo.speech.startswith("<speak>I couldn't save that yet")
            assert convo.reprompt and convo.attributes.get("mode") == "workout"
    convo.say("NextSetIntent")  # the store is back: all four sets are written
    assert _entry(ddb, settings)["sets_done"] == 4
    assert "_pending" not in convo.attributes


def test_a_session_that_times_out_retries_the_write_at_its_end(
    make_skill: Callable[..., LambdaHandler], ddb: DynamoDBClient, settings: Settings
) -> None:
    skill = make_skill()
    convo = _to_pain_question(skill)
    with failing_puts(ddb):
        convo.say("PainReportIntent", pain="2")
    convo.end("EXCEEDED_MAX_REPROMPTS")  # Alexa's SessionEndedRequest, with the attributes
    assert _answered(_entry(ddb, settings), "good")


def test_the_session_end_retry_failing_too_parks_the_update_for_the_next_session(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = _to_pain_question(skill)
    with failing_puts(ddb):
        convo.say("PainReportIntent", pain="4")
        convo.end("EXCEEDED_MAX_REPROMPTS")
    assert "pain_during" not in _entry(ddb, settings)
    Conversation(skill, user_id=USER).launch()
    assert _answered(_entry(ddb, settings), "hold")


def test_another_container_has_no_parked_copy(
    make_skill: Callable[..., LambdaHandler], ddb: DynamoDBClient, settings: Settings
) -> None:
    """What "where possible" means: a next session on another container (another
    create_app) cannot see this one's memory, so the update is lost there, and the person
    was told so in plain words when they left."""
    first, other = make_skill(), make_skill()
    convo = _to_pain_question(first)
    with failing_puts(ddb):
        convo.say("PainReportIntent", pain="5")
        convo.say("AMAZON.StopIntent")
        assert "may be lost" in convo.speech
    Conversation(other, user_id=USER).launch()
    assert "pain_during" not in _entry(ddb, settings)
