"""The symptom check as virtual-alexa hears it: typed utterances resolved against the
interaction model, posted to the local HTTP endpoint, progress on dynalite."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from hamstring_coach.adapters.dynamo import DynamoProgressRepository
from hamstring_coach.domain.identity import user_key
from hamstring_coach.settings import Settings
from local.transcript import ssml_to_text
from tests.e2e.harness import reprompt, speech
from tests.local_fixtures import Converse, Dialogue
from tools.content_source import load_source

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def content() -> dict[str, Any]:
    return load_source()["en"]


def _openings(content: dict[str, Any], key: str) -> list[str]:
    """The words each variant of a line starts with, up to its first {field}."""
    return [ssml_to_text(v.split("{")[0]).strip() for v in content["line"][key]["variants"]]


def _question(content: dict[str, Any], qid: str) -> str:
    return ssml_to_text(content["symptom_question"][qid]["ask"])


def _stored_pause(client: DynamoDBClient, settings: Settings, user_id: str) -> bool | None:
    """The pause flag kept for the user (None: nothing stored): all a check records."""
    repo = DynamoProgressRepository(client, settings.progress_table)
    stored = repo.load(user_key(settings.user_key_secret, user_id))
    return stored.progress.paused if stored else None


def test_emergency_answer_ends_the_check_with_the_emergency_message(
    dialogue: Dialogue,
    content: dict[str, Any],
    e2e_user: str,
    dynalite_client: DynamoDBClient,
    dynalite_settings: Settings,
) -> None:
    _, first, outcome = dialogue(
        ["open hamstring coach", "should I see a doctor", "I'm not sure"], user_id=e2e_user
    )
    assert _question(content, "saddle_or_bladder") in speech(first)
    assert reprompt(first) and first["response"]["shouldEndSession"] is False

    said = speech(outcome)
    assert any(said.startswith(o) for o in _openings(content, "triage.outcome.emergency"))
    assert "nine one one" in said and "not a diagnosis" in said
    assert outcome["response"]["shouldEndSession"] is True
    assert "nine one one" in outcome["response"]["card"]["content"]
    assert _stored_pause(dynalite_client, dynalite_settings, e2e_user) is True
    # Only the pause is kept: no level, date or answers (see the unit tests of the record).


def test_a_named_pop_is_urgent_after_the_emergency_questions(
    converse: Converse,
    content: dict[str, Any],
    e2e_user: str,
    dynalite_client: DynamoDBClient,
    dynalite_settings: Settings,
) -> None:
    turns = converse(
        ["open hamstring coach", "I felt a pop in my hamstring", "no", "no", "no"],
        user_id=e2e_user,
    )
    start = turns[1]
    assert start.intent == "SymptomCheckIntent" and start.request is not None
    slot = start.request["request"]["intent"]["slots"]["symptom"]
    assert slot["resolutions"]["resolutionsPerAuthority"][0]["values"][0]["value"]["id"] == "pop"
    assert [t.intent for t in turns[2:]] == ["AMAZON.NoIntent"] * 3
    asked = [speech(t.response) for t in turns[1:4]]
    for qid, said in zip(("saddle_or_bladder", "both_legs", "chest"), asked, strict=True):
        assert _question(content, qid) in said
    assert _question(content, "pop") not in " ".join(asked)  # counted, not asked again

    outcome = turns[-1].response
    said = speech(outcome)
    assert any(said.startswith(o) for o in _openings(content, "triage.outcome.urgent"))
    assert ssml_to_text(content["symptom_question"]["pop"]["why"]) in said
    assert "not a diagnosis" in said
    assert outcome is not None and outcome["response"]["shouldEndSession"] is True
    assert _stored_pause(dynalite_client, dynalite_settings, e2e_user) is True


def test_no_warning_signs_fits_the_program_and_the_session_goes_on(
    dialogue: Dialogue,
    content: dict[str, Any],
    e2e_user: str,
    dynalite_client: DynamoDBClient,
    dynalite_settings: Settings,
) -> None:
    red_flags = [q for q in content["symptom_question"].values() if q["group"] == "red_flag"]
    responses = dialogue(
        ["open hamstring coach", "check my symptoms", *["no"] * len(red_flags)], user_id=e2e_user
    )
    for response in responses[1:-1]:
        assert response["response"]["shouldEndSession"] is False and reprompt(response)
    outcome = responses[-1]
    said = speech(outcome)
    assert any(said.startswith(o) for o in _openings(content, "triage.outcome.self_care"))
    assert "not a diagnosis" in said and "today's exercises" in said
    assert outcome["response"]["shouldEndSession"] is False and reprompt(outcome)
    assert _stored_pause(dynalite_client, dynalite_settings, e2e_user) is False
