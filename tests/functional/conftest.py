"""Fixtures the functional tests share: the console's resolver and a session already opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local.dialog import TextSession
from local.resolver import Resolver
from tests.conftest import Clock
from tests.eval.harness import Classifier
from tests.functional import test_conversations_cv6 as cv6
from tests.functional.test_personas import said

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


@pytest.fixture(scope="module")
def classify(content_source: dict[str, Any]) -> Classifier:
    # The held-out harness's reading of a reply: which safety line it says, if any (every
    # answer's closing disclaimer names emergencies, so words alone would not do).
    return Classifier(content_source["en"]["line"])


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.for_locale("en-US")


@pytest.fixture
def chat(make_skill: Callable[..., LambdaHandler], clock: Clock, resolver: Resolver) -> TextSession:
    """A session past "open hamstring coach", as most questions are asked."""
    session = TextSession(make_skill(), resolver, clock=clock)
    said(session, "open hamstring coach")
    return session


@pytest.fixture
def fresh(
    make_skill: Callable[..., LambdaHandler], clock: Clock, resolver: Resolver
) -> Callable[[], TextSession]:
    """Opens a new session on a new skill each call, for tests that need several."""

    def start() -> TextSession:
        session = TextSession(make_skill(), resolver, clock=clock)
        said(session, "open hamstring coach")
        return session

    return start


@pytest.fixture
def play_script(
    make_skill: Callable[..., LambdaHandler],
    clock: Clock,
    resolver: Resolver,
    ddb: DynamoDBClient,
    settings: Settings,
    content_source: dict[str, Any],
) -> cv6.PlayScript:
    """Plays one conversation script through a fresh skill with a round's driver (the
    conversation modules of rounds 6, 7, 9 and 10 each parametrise their own scripts)."""

    def play(script: dict[str, Any], run_type: type[cv6.Run]) -> None:
        cv6.play(script, run_type, make_skill, clock, resolver, ddb, settings, content_source)

    return play
