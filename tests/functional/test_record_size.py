"""A season of daily use keeps a person's stored record within one DynamoDB write unit.

Every guided set saves progress and every save rewrites the whole item, billed per started
KB; the record keeps 90 days of workout history. This drives the whole skill, day by day,
the way a person would use it, and weighs the item DynamoDB really holds.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from bench.metrics import item_size
from hamstring_coach.adapters.dynamo import progress_of
from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.identity import user_key
from hamstring_coach.domain.progress import HISTORY_DAYS
from hamstring_coach.settings import Settings
from tests.conftest import Clock
from tests.conversation import Conversation
from tests.stored import check_legacy_record_carried_on, legacy_item, legacy_progress

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

WRITE_UNIT = 1024  # bytes: a write of an item this size or smaller costs one unit
ACCOUNT = "amzn1.ask.account.SEASON"
PERSON = "amzn1.ask.person.SEASON"  # a recognised voice: its item also names its account


@pytest.fixture(params=[HealthData.FULL])
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """Weighed under the `full` health-data profile unless a test says otherwise: it keeps
    every score, so its record is the larger."""
    return replace(settings, health_data=request.param)


# What a save of a 100-day season may cost: one write unit in the default `minimal`
# profile (a public skill). A `full` (HIPAA) deployment also keeps every pain and morning
# score; with the pacing state it reaches just over 1 KB (1,040 bytes seen), two units on
# its largest saves.
BUDGET = {HealthData.MINIMAL: WRITE_UNIT, HealthData.FULL: 2 * WRITE_UNIT}


def _visit(convo: Conversation, rng: random.Random) -> None:
    """One day: the morning check if asked, the day's workout, its pain score, goodbye.

    Scores vary as a real person's would; now and then a workout is cut short, or a score
    is declined.
    """
    convo.launch()
    if convo.attributes.get("mode") == "morning_check":
        convo.say("PainReportIntent", pain=str(rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4, 5])))
    convo.say("StartWorkoutIntent")
    while convo.attributes.get("mode") == "kit_check":  # asked once: has the kit
        convo.say("AMAZON.YesIntent")
    sets = 40 if rng.random() > 0.1 else rng.randint(1, 4)
    for _ in range(sets):
        if convo.attributes.get("mode") != "workout":
            break
        convo.say("NextSetIntent")
    if convo.attributes.get("mode") == "pain_check":
        if rng.random() < 0.1:
            convo.say("AMAZON.NoIntent")
        else:
            convo.say("PainReportIntent", pain=str(rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6])))
    convo.say("AMAZON.StopIntent")


@pytest.mark.parametrize(
    "settings", [HealthData.MINIMAL, HealthData.FULL], indirect=True, ids=["minimal", "full"]
)
def test_a_season_of_daily_use_keeps_the_record_within_its_write_budget(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, clock: Clock
) -> None:
    rng = random.Random(2026)
    convo = Conversation(skill, user_id=ACCOUNT, person_id=PERSON)
    key = {"pk": {"S": user_key(settings.user_key_secret, ACCOUNT, PERSON)}}
    start = clock.now
    sizes = []
    for day in range(100):
        clock.now = start + timedelta(days=day)
        if rng.random() < 0.1:
            continue  # a day off
        _visit(convo, rng)
        item = ddb.get_item(TableName=settings.progress_table, Key=key)["Item"]
        sizes.append(item_size(item))
    progress = progress_of(item)

    # The season is what the record is sized for: about 90 days of workouts, many of them
    # judged by the next morning's score (kept under `full`), with the bookkeeping a voice
    # profile's item carries.
    oldest = clock.now.date() - timedelta(days=HISTORY_DAYS)
    # Rest days are part of the plan now (a week's heavy sessions done), so a little fewer.
    assert 60 <= len(progress.sessions) <= HISTORY_DAYS + 1
    assert min(str(s["date"]) for s in progress.sessions) >= oldest.isoformat()
    if settings.health_data is HealthData.FULL:
        assert sum(1 for s in progress.sessions if isinstance(s.get("morning_check"), int)) >= 50
    else:  # nothing of the scores is kept, only the decisions
        assert not any(isinstance(s.get("morning_check"), int) for s in progress.sessions)
    assert {"writes", "account", "version", "expires_at"} <= set(item)
    # As plain JSON that history would take several write units a save.
    assert len(json.dumps(progress.to_dict(), separators=(",", ":"))) > 6 * WRITE_UNIT

    budget = BUDGET[settings.health_data]
    assert max(sizes) <= budget, f"largest stored item {max(sizes)} bytes"


def test_a_record_stored_before_compression_is_read_and_saved_compressed(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, clock: Clock
) -> None:
    key = user_key(settings.user_key_secret, ACCOUNT, PERSON)
    account = user_key(settings.user_key_secret, ACCOUNT)
    old = legacy_progress(clock.now.date())
    ddb.put_item(
        TableName=settings.progress_table,
        Item=legacy_item(key, old, 7, ["old-write-1", "old-write-2"], account),
    )
    convo = Conversation(skill, user_id=ACCOUNT, person_id=PERSON)
    convo.launch()
    assert convo.attributes.get("mode") == "morning_check"  # yesterday's workout was read
    convo.say("PainReportIntent", pain="1")
    item = ddb.get_item(TableName=settings.progress_table, Key={"pk": {"S": key}})["Item"]
    check_legacy_record_carried_on(item, old, account)


def test_a_record_stored_before_compression_can_be_deleted(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, clock: Clock
) -> None:
    key = user_key(settings.user_key_secret, ACCOUNT, PERSON)
    account = user_key(settings.user_key_secret, ACCOUNT)
    old = legacy_progress(clock.now.date())
    ddb.put_item(TableName=settings.progress_table, Item=legacy_item(key, old, 3, ["w"], account))
    convo = Conversation(skill, user_id=ACCOUNT, person_id=PERSON)
    convo.say("DeleteDataIntent")
    convo.say("AMAZON.YesIntent")
    assert "the record of your 3 workouts" in convo.speech  # what it held, read from the old item
    assert "Item" not in ddb.get_item(TableName=settings.progress_table, Key={"pk": {"S": key}})
