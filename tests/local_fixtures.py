"""Fixtures on the local run: dynalite on loopback, the HTTP endpoint, virtual-alexa.

Shared by the integration and e2e tiers. A conftest makes them available with a plain
import (pytest collects fixtures by name), e.g. in tests/e2e/conftest.py:

    from tests.local_fixtures import dialogue, dynalite, ...  # noqa: F401

- `dynalite`: one in-memory dynalite per test session on a free 127.0.0.1 port.
- `dynalite_settings`: Settings pointing at it (tables `it-content` / `it-progress`).
- `dynalite_client`: a boto3 client with both tables created and the content seeded.
- `make_dynalite_skill(**overrides)`: the real lambda_handler on that store; overrides go
  to create_app (clock, rng, today) or `settings=` for a changed Settings.
- `dynalite_skill`: `make_dynalite_skill()`.
- `fresh_user`: a userId no other test uses, so tests sharing the store stay independent.
- `skill_server`: local.serve in a thread on a free port over that store (session-wide).
- `converse(utterances, user_id=None, locale="en-US") -> list[Turn]` and
  `dialogue(...) -> list[dict]`: virtual-alexa speaking to `skill_server`; see
  tests/e2e/harness.py for what each returns and the emulator's quirks.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest

from hamstring_coach.adapters.dynamo import make_client
from hamstring_coach.app import LambdaHandler, create_app
from hamstring_coach.settings import Settings
from local.offline_api import OfflineApiClient
from local.runtime import prepare_store
from local.serve import RunningServer, start_in_thread
from local.store import Dynalite
from tests.e2e.harness import Turn, run_script

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

Dialogue = Callable[..., list[dict[str, Any]]]
Converse = Callable[..., list[Turn]]


@pytest.fixture(scope="session")
def dynalite() -> Iterator[Dynalite]:
    store = Dynalite().start()
    try:
        yield store
    finally:
        store.stop()


@pytest.fixture(scope="session")
def dynalite_settings(dynalite: Dynalite) -> Settings:
    return Settings(
        content_table="it-content",
        progress_table="it-progress",
        region="us-east-1",
        user_key_secret=b"integration-secret",
        dynamodb_endpoint=dynalite.endpoint,
    )


@pytest.fixture(scope="session")
def dynalite_client(dynalite_settings: Settings) -> DynamoDBClient:
    client = make_client(dynalite_settings)
    prepare_store(client, dynalite_settings)
    return client


@pytest.fixture
def make_dynalite_skill(
    dynalite_settings: Settings, dynalite_client: DynamoDBClient
) -> Callable[..., LambdaHandler]:
    def factory(**overrides: Any) -> LambdaHandler:
        settings = overrides.pop("settings", dynalite_settings)
        settings = replace(settings, dynamodb_endpoint=dynalite_settings.dynamodb_endpoint)
        overrides.setdefault("api_client", OfflineApiClient())
        return create_app(settings, client=overrides.pop("client", dynalite_client), **overrides)

    return factory


@pytest.fixture
def dynalite_skill(make_dynalite_skill: Callable[..., LambdaHandler]) -> LambdaHandler:
    return make_dynalite_skill()


@pytest.fixture
def fresh_user() -> str:
    return f"amzn1.ask.account.IT{uuid.uuid4().hex.upper()}"


@pytest.fixture(scope="session")
def skill_server(
    dynalite_settings: Settings, dynalite_client: DynamoDBClient
) -> Iterator[RunningServer]:
    """The skill's HTTP endpoint on 127.0.0.1 (a free port), over the session's dynalite."""
    with start_in_thread(
        create_app(dynalite_settings, client=dynalite_client, api_client=OfflineApiClient())
    ) as server:
        yield server


@pytest.fixture
def converse(skill_server: RunningServer) -> Converse:
    def run(utterances: list[str], user_id: str | None = None, locale: str = "en-US") -> list[Turn]:
        return run_script(skill_server.url, utterances, locale=locale, user_id=user_id)

    return run


@pytest.fixture
def dialogue(converse: Converse) -> Dialogue:
    def run(
        utterances: list[str], user_id: str | None = None, locale: str = "en-US"
    ) -> list[dict[str, Any]]:
        return [turn.response or {} for turn in converse(utterances, user_id, locale)]

    return run


@pytest.fixture
def e2e_user() -> str:
    """A userId for tests that need the same user across several dialogues."""
    return f"amzn1.ask.account.E2E{uuid.uuid4().hex.upper()}"
