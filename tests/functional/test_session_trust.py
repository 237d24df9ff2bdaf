"""What a request carries is not trusted as it comes (issue 13, defects 4 and 5).

Session attributes are sealed by the skill (session_seal); a forged, tampered or replayed
set is dropped whole. Events carried in the session are checked against the program's
rules before they are applied, so even a sealed one outside them is refused. Slot values
are capped before any work, and an intent without a name gets the fallback.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from ask_sdk_core.handler_input import HandlerInput

from hamstring_coach.adapters.dynamo import progress_of
from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.identity import user_key
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.handlers import faq as faq_handlers
from hamstring_coach.handlers.base import slot_value
from hamstring_coach.request_limits import MAX_SLOT_CHARS
from hamstring_coach.session_seal import SEAL
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conversation import Conversation, sealed

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

USER = "amzn1.ask.account.FORGER"


def _stored(ddb: DynamoDBClient, settings: Settings) -> UserProgress | None:
    key = user_key(settings.user_key_secret, USER)
    item = ddb.get_item(TableName=settings.progress_table, Key={"pk": {"S": key}}).get("Item")
    return progress_of(item) if item else None


def _forged_events(today: date) -> dict[str, list[dict[str, Any]]]:
    day = today.isoformat()
    return {
        "stage_999": [{"type": "stage_changed", "date": day, "stage": 999}],
        "28_fake_visits": [
            {"type": "visit", "date": (today - timedelta(days=n)).isoformat()} for n in range(2, 30)
        ],
        "999_set_workout": [
            {
                "type": "workout_started",
                "date": day,
                "stage": 1,
                "plan": [["isometric_bridge_hold", 0, 999]],
            }
        ],
        "visit_next_year": [{"type": "visit", "date": (today + timedelta(days=365)).isoformat()}],
        "pain_40": [{"type": "pain_reported", "date": day, "pain": 40}],
        "unknown_exercise_level": [
            {"type": "level_changed", "date": day, "id": "rocket_sled", "level": 3}
        ],
        "emergency_hold": [{"type": "triage_result", "level": "emergency", "date": day}],
    }


FORGED = list(_forged_events(date(2026, 1, 1)))
# Events that meet every rule: only the seal keeps them out.
RULE_ABIDING = {"emergency_hold"}


@pytest.fixture
def known(skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings) -> UserProgress:
    """A person who has opened the skill once today."""
    Conversation(skill, user_id=USER).launch()
    stored = _stored(ddb, settings)
    assert stored is not None and stored.visits == 1
    return stored


def _send(
    skill: LambdaHandler,
    attrs: dict[str, Any],
    intent: str = "AMAZON.HelpIntent",
    secret: bytes | None = None,
    **slots: Any,
) -> dict[str, Any]:
    env = envelopes.intent(intent, slots, session_attributes=attrs, user_id=USER)
    return skill(sealed(env, secret) if secret else env, None)


@pytest.mark.parametrize("field", FORGED)
def test_forged_unsealed_session_state_is_dropped(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    known: UserProgress,
    today: date,
    field: str,
) -> None:
    events = _forged_events(today)[field]
    out = _send(skill, {"_pending": {"events": events}})
    assert envelopes.speech_of(out)  # answered as a fresh session would be
    assert _stored(ddb, settings) == known


@pytest.mark.parametrize("field", sorted(set(FORGED) - RULE_ABIDING))
def test_events_outside_the_rules_are_refused_even_when_sealed(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    known: UserProgress,
    today: date,
    field: str,
) -> None:
    """Defence in depth: a seal that leaked, or a bug that put such an event in the session."""
    events = _forged_events(today)[field]
    out = _send(skill, {"_pending": {"events": events}}, secret=settings.user_key_secret)
    assert "_pending" not in (out.get("sessionAttributes") or {})
    after = _stored(ddb, settings)
    assert after is not None
    assert (after.stage, after.visits, after.workout, after.paused) == (1, 1, None, False)
    assert after.sessions == known.sessions


def test_a_forged_delete_arming_deletes_nothing(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, known: UserProgress
) -> None:
    out = _send(skill, {"_delete_armed": True}, intent="AMAZON.YesIntent")
    assert _stored(ddb, settings) == known
    assert "deleted" not in envelopes.speech_of(out).lower()


def test_a_forged_mode_is_dropped(skill: LambdaHandler, known: UserProgress) -> None:
    out = _send(skill, {"mode": "pain_check"}, intent="PainReportIntent", pain="9")
    assert (out.get("sessionAttributes") or {}).get("mode") is None


def test_tampered_replayed_or_borrowed_state_is_dropped(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, known: UserProgress
) -> None:
    convo = Conversation(skill, user_id=USER)
    convo.launch()
    convo.say("DeleteDataIntent")  # the skill arms the delete question, sealed
    armed = dict(convo.attributes)
    assert armed.get("_delete_armed") and armed.get(SEAL)
    # Replayed into another session: the arming does not carry over.
    other = envelopes.intent("AMAZON.YesIntent", session_attributes=armed, user_id=USER)
    skill(other, None)
    assert _stored(ddb, settings) is not None
    # Borrowed by another user, in the same session id.
    borrowed = envelopes.intent(
        "AMAZON.YesIntent",
        session_attributes=armed,
        session_id=convo.session_id,
        user_id="amzn1.ask.account.SOMEONE_ELSE",
    )
    skill(borrowed, None)
    # Tampered: a field added to a sealed set.
    tampered = {**armed, "mode": "workout"}
    skill(
        envelopes.intent(
            "AMAZON.YesIntent",
            session_attributes=tampered,
            session_id=convo.session_id,
            user_id=USER,
        ),
        None,
    )
    assert _stored(ddb, settings) is not None
    # The genuine state, in its own session and for its own user, still works.
    convo.say("AMAZON.NoIntent")
    assert "kept everything" in convo.speech
    assert _stored(ddb, settings) is not None


def test_a_huge_question_is_capped_before_matching(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    original = slot_value

    def spy(handler_input: HandlerInput, name: str) -> str | None:
        value = original(handler_input, name)
        seen.append(len(value or ""))
        return value

    monkeypatch.setattr(faq_handlers, "slot_value", spy)
    out = skill(envelopes.intent("QuestionIntent", {"query": "can I run " * 40_000}), None)
    assert envelopes.speech_of(out) and "went wrong" not in envelopes.speech_of(out)
    assert seen and max(seen) <= MAX_SLOT_CHARS


def test_a_5000_digit_pain_score_gets_a_clear_answer(
    skill: LambdaHandler, settings: Settings, known: UserProgress
) -> None:
    convo = Conversation(skill, user_id=USER)
    convo.launch()
    convo.restore({**convo.attributes, "mode": "pain_check"}, settings.user_key_secret)
    convo.say("PainReportIntent", pain="9" * 5000)
    assert "went wrong" not in convo.speech
    assert convo.reprompt and convo.attributes.get("mode") == "pain_check"  # asked again


def test_an_intent_without_a_name_gets_the_fallback(skill: LambdaHandler) -> None:
    env = envelopes.intent("AMAZON.HelpIntent")
    env["request"]["intent"]["name"] = None
    out = skill(env, None)
    speech = envelopes.speech_of(out)
    assert "didn't catch that" in speech or "not sure what you meant" in speech
