"""The client for Alexa's service APIs, over real TLS on loopback: answers, refusals, timeouts."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services import ApiClientRequest

from bench.session import SCRIPT, sessions, with_api_endpoint
from hamstring_coach.adapters.device_settings import (
    SESSION_KEY,
    ZONE_MEMORY_SECONDS,
    AlexaApiClient,
)
from hamstring_coach.app import LambdaHandler
from local import envelopes
from local.alexa_api import DEFAULT_TIME_ZONE as TIME_ZONE
from local.alexa_api import LocalAlexaApi
from tests.conftest import Clock


@pytest.fixture
def api(tmp_path: Path) -> Iterator[LocalAlexaApi]:
    with LocalAlexaApi(tmp_path) as stand_in:
        yield stand_in


def _zone_request(endpoint: str) -> ApiClientRequest:
    return ApiClientRequest(
        method="GET",
        url=f"{endpoint}/v2/devices/dev-1/settings/System.timeZone",
        headers=[("Accept", "application/json"), ("Authorization", "Bearer token")],
    )


def test_a_trusted_endpoint_answers_and_the_connection_setup_is_kept(api: LocalAlexaApi) -> None:
    client = AlexaApiClient(ca_bundle=str(api.ca_file))
    first = client.invoke(_zone_request(api.endpoint))
    assert (first.status_code, first.body) == (200, f'"{TIME_ZONE}"')
    assert ("Content-Type", "application/json") in first.headers
    pool = client._pool
    missing = client.invoke(
        ApiClientRequest(method="GET", url=f"{api.endpoint}/v1/other", headers=[])
    )
    assert missing.status_code == 404  # an answer, for the service client to interpret
    assert client._pool is pool and api.hits == 2


def test_an_endpoint_the_system_does_not_trust_is_refused(api: LocalAlexaApi) -> None:
    with pytest.raises(ApiClientException, match="SSLError"):
        AlexaApiClient().invoke(_zone_request(api.endpoint))
    assert api.hits == 0


def test_a_silent_endpoint_is_given_up_on_at_the_time_limit() -> None:
    # Accepts connections (the kernel does, from the backlog) but never says a word.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        client = AlexaApiClient(timeout=0.3)
        started = time.monotonic()
        with pytest.raises(ApiClientException, match="Timeout"):
            client.invoke(_zone_request(f"https://127.0.0.1:{port}"))
        assert time.monotonic() - started < 1.0


def test_the_skill_takes_the_devices_zone_from_the_settings_api(
    make_skill: Callable[..., LambdaHandler], api: LocalAlexaApi
) -> None:
    skill = make_skill(api_client=AlexaApiClient(ca_bundle=str(api.ca_file)))
    response: dict[str, Any] = skill(with_api_endpoint(envelopes.launch(), api.endpoint), None)
    assert response["sessionAttributes"][SESSION_KEY] == TIME_ZONE
    assert api.hits == 1


def _zone_calls(api: LocalAlexaApi) -> int:
    return sum(1 for call in api.calls if call.path.endswith("/settings/System.timeZone"))


def test_a_visits_sessions_ask_the_settings_api_once_per_device_within_the_hour(
    make_skill: Callable[..., LambdaHandler], clock: Clock, tmp_path: Path
) -> None:
    with LocalAlexaApi(tmp_path) as api:
        skill = make_skill(api_client=AlexaApiClient(ca_bundle=str(api.ca_file)))
        # The benchmark's visit: the workout's end closes one session, the question after it
        # opens the next (without the last one's attributes, as Alexa sends it).
        new_sessions = 0
        for visit, step in sessions(SCRIPT, count=1, users=1, api_endpoint=api.endpoint):
            if not visit.applies(step):
                continue
            request = visit.envelope(step)
            new_sessions += bool(request["session"]["new"])
            response = skill(request, None)
            visit.absorb(response)
            assert response.get("sessionAttributes", {}).get(SESSION_KEY) in (None, api.time_zone)
        assert new_sessions >= 2
        assert _zone_calls(api) == 1

        other = with_api_endpoint(envelopes.launch(), api.endpoint)
        other["context"]["System"]["device"]["deviceId"] = "amzn1.ask.device.ANOTHERDEVICE"
        skill(other, None)
        assert _zone_calls(api) == 2  # another device tells its own zone

        clock.now += timedelta(seconds=ZONE_MEMORY_SECONDS)  # an hour on: asked again
        again = skill(with_api_endpoint(envelopes.launch(), api.endpoint), None)
        assert again["sessionAttributes"][SESSION_KEY] == api.time_zone
        assert _zone_calls(api) == 3
