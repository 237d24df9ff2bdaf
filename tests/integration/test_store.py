"""Seeding, conditional progress writes and a whole conversation on dynalite."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from hamstring_coach.adapters.content_seed import seed, source_version
from hamstring_coach.adapters.dynamo import (
    META_PARTITION,
    META_VERSION_SORT,
    DynamoContentRepository,
    DynamoProgressRepository,
    VersionConflictError,
    make_client,
)
from hamstring_coach.adapters.tables import create_tables
from hamstring_coach.app import create_app
from hamstring_coach.domain.identity import user_key
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.handlers.errors import fallback_line
from hamstring_coach.settings import Settings
from hamstring_coach.turn import Turn
from local import envelopes
from local.runtime import prepare_store
from local.store import Dynalite
from tests.conversation import Conversation
from tools.content_source import load_source

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from hamstring_coach.app import LambdaHandler

pytestmark = pytest.mark.integration


def _all_keys(client: DynamoDBClient, table: str) -> set[tuple[str, str]]:
    items = client.scan(TableName=table)["Items"]
    return {(i["pk"]["S"], i["sk"]["S"]) for i in items}


def test_seed_is_idempotent_and_removes_stale_items(dynalite_client: DynamoDBClient) -> None:
    client = dynalite_client
    table = "it-seed-content"
    create_tables(client, table, "it-seed-progress")
    create_tables(client, table, "it-seed-progress")  # a second call changes nothing
    source = load_source()

    first = seed(client, table, source)
    keys = _all_keys(client, table)
    second = seed(client, table, source)
    assert first["version"] == second["version"] == source_version(source)
    assert second["deleted"] == 0 and second["items"] == first["items"]
    assert _all_keys(client, table) == keys
    assert (META_PARTITION, META_VERSION_SORT) in keys

    stale = {"pk": {"S": "en"}, "sk": {"S": "line#no.longer.in.the.source"}, "body": {"S": "{}"}}
    client.put_item(TableName=table, Item=stale)
    third = seed(client, table, source)
    assert third["deleted"] == 1
    assert _all_keys(client, table) == keys
    current = DynamoContentRepository(client, table).current_version()
    assert current is not None and current.version == source_version(source)
    # The version item lists the partitions that hold items (en-US has none of its own).
    assert current.partitions == frozenset(pk for pk, _ in keys) - {META_PARTITION}
    assert "en" in current.partitions and "en-US" not in current.partitions


def test_conditional_progress_write_detects_a_conflict(
    dynalite_client: DynamoDBClient, dynalite_settings: Settings
) -> None:
    repo = DynamoProgressRepository(dynalite_client, dynalite_settings.progress_table)
    key = user_key(b"s", "conflict-test")
    progress = UserProgress(visits=1)
    assert repo.save(key, progress, None, 2_000_000_000) == 1
    with pytest.raises(VersionConflictError):
        repo.save(key, progress, None, 2_000_000_000)  # someone created it first
    assert repo.save(key, UserProgress(visits=2), 1, 2_000_000_000) == 2
    with pytest.raises(VersionConflictError):
        repo.save(key, UserProgress(visits=9), 1, 2_000_000_000)  # a stale copy
    stored = repo.load(key)
    assert stored is not None and (stored.version, stored.progress.visits) == (2, 2)


def test_two_devices_writing_at_once_lose_nothing(
    dynalite_client: DynamoDBClient, dynalite_settings: Settings
) -> None:
    repo = DynamoProgressRepository(dynalite_client, dynalite_settings.progress_table)
    key = user_key(b"s", "race-test")
    kitchen = Turn(repo, key, date(2026, 11, 25), 365)
    bedroom = Turn(repo, key, date(2026, 11, 26), 365)
    assert kitchen.progress.is_new and bedroom.progress.is_new  # both read before any write
    kitchen.record({"type": "visit", "date": "2026-11-25"})
    bedroom.record({"type": "visit", "date": "2026-11-26"})
    kitchen.commit()
    bedroom.commit()  # conflicts on the real store, re-reads, re-applies its event
    stored = repo.load(key)
    assert stored is not None
    assert stored.version == 2
    assert stored.progress.visits == 2
    assert stored.progress.last_visit == "2026-11-26"


def test_a_conversation_through_lambda_handler(
    dynalite_skill: LambdaHandler,
    dynalite_client: DynamoDBClient,
    dynalite_settings: Settings,
    fresh_user: str,
) -> None:
    convo = Conversation(dynalite_skill, user_id=fresh_user)
    convo.launch()
    assert "Welcome to Hamstring Coach" in convo.speech and "not a doctor" in convo.speech
    assert convo.reprompt and not convo.ended
    convo.say("AMAZON.HelpIntent")
    assert "symptom check" in convo.speech and convo.reprompt
    convo.say("AMAZON.StopIntent")
    assert convo.ended and convo.speech

    key = user_key(dynalite_settings.user_key_secret, fresh_user)
    item = dynalite_client.get_item(
        TableName=dynalite_settings.progress_table, Key={"pk": {"S": key}}
    )["Item"]
    assert item["version"]["N"] == "1"
    assert fresh_user not in str(item)  # the raw Alexa id is never stored

    again = Conversation(dynalite_skill, user_id=fresh_user)
    again.launch()
    assert "Welcome to Hamstring Coach" not in again.speech and again.reprompt


def test_progress_survives_a_dynalite_restart(tmp_path: Path, dynalite_settings: Settings) -> None:
    settings_kw: dict[str, Any] = {"user_key_secret": b"restart", "region": "us-east-1"}
    user = "amzn1.ask.account.RESTART"
    store = Dynalite(path=tmp_path / "store").start()
    try:
        settings = Settings(
            content_table="rs-content",
            progress_table="rs-progress",
            dynamodb_endpoint=store.endpoint,
            **settings_kw,
        )
        client = make_client(settings)
        prepare_store(client, settings)
        skill = create_app(settings, client=client, rng=random.Random(1))
        first = skill(envelopes.launch(user_id=user), None)
        assert "Welcome to Hamstring Coach" in envelopes.speech_of(first)
    finally:
        store.stop()
    assert not store.running

    store = Dynalite(path=tmp_path / "store").start()  # a new process, a new port
    try:
        settings = Settings(
            content_table="rs-content",
            progress_table="rs-progress",
            dynamodb_endpoint=store.endpoint,
            **settings_kw,
        )
        client = make_client(settings)
        stored = DynamoProgressRepository(client, settings.progress_table).load(
            user_key(b"restart", user)
        )
        assert stored is not None and stored.progress.visits == 1
        skill = create_app(settings, client=client, rng=random.Random(1))
        again = skill(envelopes.launch(user_id=user), None)
        assert "Welcome to Hamstring Coach" not in envelopes.speech_of(again)
    finally:
        store.stop()


def test_a_store_that_is_down_still_gets_a_spoken_answer() -> None:
    store = Dynalite().start()
    settings = Settings(
        content_table="down-content",
        progress_table="down-progress",
        region="us-east-1",
        user_key_secret=b"down",
        dynamodb_endpoint=store.endpoint,
        ddb_connect_timeout=0.5,
        ddb_max_attempts=1,
    )
    client = make_client(settings)
    prepare_store(client, settings)
    skill = create_app(settings, client=client)
    store.stop()
    out = skill(envelopes.launch(), None)
    # Nothing was read before the store went away: the packaged apology is spoken and the
    # session stays open for a retry.
    assert fallback_line("en-US", "store_unavailable") in envelopes.speech_of(out)
    assert envelopes.reprompt_of(out)
