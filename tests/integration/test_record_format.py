"""The stored record's format on dynalite: compressed Binary, and older String items still
read, carried on and deleted, with their write ids and account link kept."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from hamstring_coach.adapters.dynamo import DynamoProgressRepository
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.identity import user_key
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.settings import Settings
from tests.conversation import Conversation
from tests.stored import (
    check_legacy_record_carried_on,
    legacy_item,
    legacy_progress,
    workout_day,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from hamstring_coach.app import LambdaHandler

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def test_progress_is_stored_as_compressed_binary_and_read_back(
    dynalite_client: DynamoDBClient, dynalite_settings: Settings
) -> None:
    repo = DynamoProgressRepository(dynalite_client, dynalite_settings.progress_table)
    key = user_key(b"s", f"binary-{uuid.uuid4().hex}")
    sessions = [workout_day(f"2026-11-{d:02d}", ["heel_dig"], sets=4) for d in range(1, 25)]
    progress = UserProgress(visits=24, sessions=sessions, levels={"heel_dig": 2})
    repo.save(key, progress, None, 2_000_000_000, writes=["w1"], account="acct")
    item = dynalite_client.get_item(
        TableName=dynalite_settings.progress_table, Key={"pk": {"S": key}}
    )["Item"]
    assert set(item["data"]) == {"B"} and len(item["data"]["B"]) < 300
    stored = repo.load(key)
    assert stored is not None and stored.progress == progress
    assert (stored.version, stored.recent_writes) == (1, ("w1",))
    assert repo.people("acct") == [key]  # the account index still finds it


def test_an_item_stored_before_compression_carries_on(
    make_dynalite_skill: Callable[..., LambdaHandler],
    dynalite_client: DynamoDBClient,
    dynalite_settings: Settings,
) -> None:
    user, person = f"amzn1.ask.account.IT{uuid.uuid4().hex}", "amzn1.ask.person.IT"
    secret = dynalite_settings.user_key_secret
    key, account = user_key(secret, user, person), user_key(secret, user)
    old = legacy_progress(NOW.date())
    dynalite_client.put_item(
        TableName=dynalite_settings.progress_table,
        Item=legacy_item(key, old, 7, ["old-write-1", "old-write-2"], account),
    )
    # Under `full`, so the record carries on whole (tests/unit/test_health_data.py has what a
    # switch to `minimal` keeps of it).
    full = replace(dynalite_settings, health_data=HealthData.FULL)
    skill = make_dynalite_skill(clock=lambda: NOW, settings=full)
    convo = Conversation(skill, user_id=user, person_id=person)
    convo.launch()
    assert convo.attributes.get("mode") == "morning_check"
    convo.say("PainReportIntent", pain="1")
    item = dynalite_client.get_item(
        TableName=dynalite_settings.progress_table, Key={"pk": {"S": key}}
    )["Item"]
    check_legacy_record_carried_on(item, old, account)

    # The account index still finds the voice's item (disabling the skill relies on it),
    # and "delete my data" removes it.
    repo = DynamoProgressRepository(dynalite_client, dynalite_settings.progress_table)
    assert repo.people(account) == [key]
    convo.say("DeleteDataIntent")
    convo.say("AMAZON.YesIntent")
    assert repo.load(key) is None
