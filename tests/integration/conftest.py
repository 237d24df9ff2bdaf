"""Integration tier: the real adapters and lambda_handler against dynalite on loopback.

Every test here is marked `integration`; the fixtures live in tests/local_fixtures.py.
"""

from __future__ import annotations

import pytest

from tests.local_fixtures import (  # noqa: F401  (pytest finds fixtures by name)
    dynalite,
    dynalite_client,
    dynalite_settings,
    dynalite_skill,
    fresh_user,
    make_dynalite_skill,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration/" in item.nodeid:
            item.add_marker(pytest.mark.integration)
