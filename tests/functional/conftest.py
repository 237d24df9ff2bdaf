"""Fixtures the functional tests share: the console's resolver and a session already opened."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hamstring_coach.app import LambdaHandler
from local.dialog import TextSession
from local.resolver import Resolver
from tests.conftest import Clock
from tests.functional.test_personas import said


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.for_locale("en-US")


@pytest.fixture
def chat(make_skill: Callable[..., LambdaHandler], clock: Clock, resolver: Resolver) -> TextSession:
    """A session past "open hamstring coach", as most questions are asked."""
    session = TextSession(make_skill(), resolver, clock=clock)
    said(session, "open hamstring coach")
    return session
