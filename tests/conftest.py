"""Shared fixtures: settings, a moto-backed store with seeded content, and the skill on it."""

from __future__ import annotations

import ipaddress
import os
import random
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import boto3
import pytest
from hypothesis import settings as hypothesis_settings
from moto import mock_aws

from hamstring_coach.adapters.content_seed import seed
from hamstring_coach.adapters.tables import create_tables
from hamstring_coach.app import LambdaHandler, create_app
from hamstring_coach.settings import Settings
from local.offline_api import OfflineApiClient
from tests.open_sessions import checked
from tests.turn_log import TurnLog, capture_turn_log
from tools.content_source import load_source

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# Never let a test reach a real AWS account.
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

_real_connect = socket.socket.connect


def _loopback_only(sock: socket.socket, address: Any) -> Any:
    # Tests talk to moto (in process), dynalite and the local endpoint on loopback, and to
    # nothing else: a call to a public address is a bug (e.g. a missing offline API client).
    host = address[0] if isinstance(address, tuple) else address
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        ip = ipaddress.ip_address(
            socket.gethostbyname(host) if sock.family == socket.AF_INET else host
        )
        if not ip.is_loopback:
            raise OSError(f"tests may only connect to loopback, not {host}")
    return _real_connect(sock, address)


socket.socket.connect = _loopback_only  # type: ignore[method-assign,assignment]

# Property tests check behaviour, not speed: a shared 2-core CI machine must not turn a
# slow example into a failure (speed is measured by `make bench`).
hypothesis_settings.register_profile("project", deadline=None)
hypothesis_settings.load_profile("project")

FIXED_NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def content_source() -> dict[str, Any]:
    return load_source()


@pytest.fixture
def settings() -> Settings:
    return Settings(
        content_table="hc-content",
        progress_table="hc-progress",
        region="us-east-1",
        user_key_secret=b"test-secret",
    )


@pytest.fixture
def ddb(settings: Settings, content_source: dict[str, Any]) -> Iterator[DynamoDBClient]:
    """A moto DynamoDB client with both tables created and the content seeded."""
    with mock_aws():
        client = boto3.client("dynamodb", region_name=settings.region)
        create_tables(client, settings.content_table, settings.progress_table)
        seed(client, settings.content_table, content_source)
        yield client


class Clock:
    """A settable clock so a test can move to the next day."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_skill(
    settings: Settings, ddb: DynamoDBClient, clock: Clock
) -> Callable[..., LambdaHandler]:
    def factory(**overrides: Any) -> LambdaHandler:
        chosen = overrides.pop("settings", settings)
        kwargs: dict[str, Any] = {
            "client": ddb,
            "clock": clock,
            "rng": random.Random(7),
            "api_client": OfflineApiClient(),
        }
        kwargs.update(overrides)
        # Every response any functional test gets is held to Alexa's session rule.
        return checked(create_app(chosen, **kwargs))

    return factory


@pytest.fixture
def skill(make_skill: Callable[..., LambdaHandler]) -> LambdaHandler:
    return make_skill()


@pytest.fixture
def turn_log() -> Iterator[TurnLog]:
    """The structured log lines (turn lines above all) written during the test."""
    with capture_turn_log() as log:
        yield log


@pytest.fixture
def logged_skill(make_skill: Callable[..., LambdaHandler], turn_log: TurnLog) -> LambdaHandler:
    """The skill as `skill`, with its turn lines (signals included) read from `turn_log`."""
    return make_skill(observability=turn_log.observability())


@pytest.fixture
def today() -> date:
    return FIXED_NOW.date()
