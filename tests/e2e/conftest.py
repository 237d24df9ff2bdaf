"""End-to-end tier: virtual-alexa drives local.serve over HTTP, on dynalite.

Fixtures for any feature's e2e tests (tests/local_fixtures.py; the how and the emulator's
quirks in tests/e2e/harness.py): `dialogue`, `converse`, `e2e_user`, `skill_server`, and
the dynalite ones. Every test under tests/e2e/ is marked `e2e`.
"""

from __future__ import annotations

import pytest

from tests.local_fixtures import (  # noqa: F401  (pytest finds fixtures by name)
    Converse,
    Dialogue,
    converse,
    dialogue,
    dynalite,
    dynalite_client,
    dynalite_settings,
    dynalite_skill,
    e2e_user,
    fresh_user,
    make_dynalite_skill,
    skill_server,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in item.nodeid:
            item.add_marker(pytest.mark.e2e)
