"""The store process dies mid-conversation and comes back: the user hears an apology while
it is down, and nothing is lost after the restart (dynalite on loopback, data on disk)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from hamstring_coach.adapters.content_seed import seed
from hamstring_coach.adapters.dynamo import make_client, progress_of, worst_case_store_seconds
from hamstring_coach.adapters.tables import create_tables
from hamstring_coach.app import create_app
from hamstring_coach.domain.identity import user_key
from hamstring_coach.settings import Settings
from local.store import Dynalite
from tests.conftest import Clock
from tests.conversation import Conversation
from tests.tally import TALLY_INTENT, TallyIntentHandler

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

USER = "amzn1.ask.account.OUTAGE"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Dynalite]:
    dynalite = Dynalite(path=tmp_path / "data").start()
    try:
        yield dynalite
    finally:
        dynalite.stop()


def _fast(settings: Settings, endpoint: str) -> Settings:
    # Small timeouts so the outage costs the test well under a second per turn.
    return replace(
        settings,
        dynamodb_endpoint=endpoint,
        ddb_connect_timeout=0.2,
        ddb_read_timeout=0.5,
        ddb_max_attempts=2,
        store_window=1.0,
    )


def _levels(client: DynamoDBClient, settings: Settings) -> dict[str, Any]:
    key = user_key(settings.user_key_secret, USER)
    item = client.get_item(TableName=settings.progress_table, Key={"pk": {"S": key}})["Item"]
    return progress_of(item).to_dict()


def test_store_stopped_mid_conversation_and_restarted_loses_nothing(
    store: Dynalite, settings: Settings, content_source: dict[str, Any], clock: Clock
) -> None:
    fast = _fast(settings, store.endpoint)
    admin = make_client(fast, sdk_attempts=5)
    create_tables(admin, fast.content_table, fast.progress_table)
    seed(admin, fast.content_table, content_source)
    client = make_client(fast)
    skill = create_app(fast, client=client, clock=clock, extra_handlers=[TallyIntentHandler()])

    convo = Conversation(skill, user_id=USER)
    convo.launch()
    convo.say(TALLY_INTENT, name="a")

    # The store process dies between two turns.
    store.stop()
    convo.say("AMAZON.HelpIntent")  # needs no store: content is cached, nothing to save
    assert "symptom check" in convo.speech
    started = time.monotonic()
    convo.say(TALLY_INTENT, name="b")  # needs the user's progress: apology, session open
    waited = time.monotonic() - started
    assert "can't reach your saved program" in convo.speech
    assert convo.reprompt and not convo.ended
    assert waited <= worst_case_store_seconds(fast) + 0.5

    # Back on the same port with the same files: the user repeats, and it is saved.
    store.start()
    convo.say(TALLY_INTENT, name="b")
    assert "can't reach" not in convo.speech

    # Now it dies inside a turn, after the read and before the write.
    def die_before_write(**_: Any) -> None:
        if store.running:
            store.stop()

    client.meta.events.register("before-call.dynamodb.PutItem", die_before_write)
    try:
        convo.say(TALLY_INTENT, name="c")
    finally:
        client.meta.events.unregister("before-call.dynamodb.PutItem", die_before_write)
    assert "_pending" in convo.attributes  # the answer was normal; the update waits
    assert not convo.ended

    store.start()
    convo.say("AMAZON.HelpIntent")  # the next turn writes what waited
    assert "_pending" not in convo.attributes
    progress = _levels(make_client(fast, sdk_attempts=5), fast)
    assert progress["levels"] == {"a": 1, "b": 1, "c": 1}
    assert progress["visits"] == 1
