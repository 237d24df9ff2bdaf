"""One person on several devices at once, on dynalite over loopback (issue 13, defect 1).

The same household as tests/functional/test_devices.py (each device its own app and its
own client, another device's turns run between a device's read and its conditional
write), but on a real DynamoDB-compatible store and its real conditional writes.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from hamstring_coach.adapters.dynamo import make_client
from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from tests.conftest import Clock
from tests.devices import Household

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("seed", range(8))
def test_three_devices_in_random_interleavings_record_one_finished_workout_once(
    make_dynalite_skill: Callable[..., LambdaHandler],
    dynalite_settings: Settings,
    dynalite_client: DynamoDBClient,
    fresh_user: str,
    seed: int,
) -> None:
    clock = Clock()
    apps = []
    for _ in range(3):
        client = make_client(dynalite_settings)
        apps.append((make_dynalite_skill(client=client, clock=clock), client))
    home = Household(
        apps,
        fresh_user,
        dynalite_settings.user_key_secret,
        dynalite_settings.progress_table,
        dynalite_client,
        clock.now.date(),
    )
    rng = random.Random(seed)
    for _ in range(36):
        speaker = rng.randrange(3)
        inside = rng.choice([None, *(n for n in range(3) if n != speaker)])
        home.turn(speaker, inside, times=rng.randint(1, 3))
    home.finish()
    home.final_check()
    assert home.conflicts > 0
    print(f"\ndynalite household seed {seed}: {home.turns} turns, {home.conflicts} conflicts")
