"""The store's time budget: explicit timeouts and attempts, and a worst case inside Alexa's."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError

from hamstring_coach.adapters.dynamo import (
    StoreCalls,
    StoreUnavailableError,
    is_retryable,
    make_client,
    worst_case_store_seconds,
)
from hamstring_coach.settings import ALEXA_RESPONSE_SECONDS, Settings

# What the rest of an answer needs besides the store: Lambda work, building the response,
# the network between Alexa and the function. Kept aside from the 8 s.
RESERVED_SECONDS = 2.0


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _throttled() -> ClientError:
    return ClientError(
        {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "slow down"}},
        "GetItem",
    )


def _status_503() -> Any:
    return {"Error": {"Code": "Odd"}, "ResponseMetadata": {"HTTPStatusCode": 503}}


def test_worst_case_fits_inside_alexas_answer_time() -> None:
    for settings in (Settings.from_env({}), Settings("c", "p", "us-east-1", b"s")):
        worst = worst_case_store_seconds(settings)
        print(f"worst-case store wait per turn: {worst:.2f} s")
        assert worst == settings.store_window + settings.ddb_connect_timeout + (
            settings.ddb_read_timeout
        )
        assert worst <= ALEXA_RESPONSE_SECONDS - RESERVED_SECONDS


def test_the_client_has_explicit_timeouts_and_no_hidden_sdk_retries() -> None:
    settings = Settings.from_env({"DDB_CONNECT_TIMEOUT": "0.4", "DDB_READ_TIMEOUT": "0.9"})
    config: Any = make_client(settings).meta.config
    assert (config.connect_timeout, config.read_timeout) == (0.4, 0.9)
    assert config.retries["total_max_attempts"] == 1
    tool_config: Any = make_client(settings, sdk_attempts=5).meta.config
    assert tool_config.retries["total_max_attempts"] == 5


@pytest.mark.parametrize(
    "err",
    [
        _throttled(),
        ClientError({"Error": {"Code": "ThrottlingException"}}, "PutItem"),
        ClientError({"Error": {"Code": "InternalServerError"}}, "PutItem"),
        ClientError(_status_503(), "X"),
        ReadTimeoutError(endpoint_url="http://x"),
        EndpointConnectionError(endpoint_url="http://x"),
    ],
)
def test_transient_errors_are_retried(err: Exception) -> None:
    assert is_retryable(err)


@pytest.mark.parametrize(
    "err",
    [
        ClientError({"Error": {"Code": "ConditionalCheckFailedException"}}, "PutItem"),
        ClientError({"Error": {"Code": "ValidationException"}}, "PutItem"),
        ClientError({"Error": {"Code": "ResourceNotFoundException"}}, "GetItem"),
    ],
)
def test_request_errors_are_not_retried(err: Exception) -> None:
    assert not is_retryable(err)


def test_retries_back_off_and_stop_after_the_attempts() -> None:
    t = FakeTime()
    calls = StoreCalls(3, 0.05, 3.0, monotonic=t.monotonic, sleep=t.sleep, jitter=lambda: 1.0)
    calls.start_turn()
    attempts = []

    def op() -> None:
        attempts.append(t.now)
        raise _throttled()

    with pytest.raises(ClientError):
        calls.run(op)
    assert len(attempts) == 3
    assert t.sleeps == [0.05, 0.1]


def test_a_transient_failure_then_success_returns_the_result() -> None:
    t = FakeTime()
    calls = StoreCalls(3, 0.05, 3.0, monotonic=t.monotonic, sleep=t.sleep)
    calls.start_turn()
    outcomes: list[Any] = [EndpointConnectionError(endpoint_url="x"), "ok"]

    def op() -> str:
        result = outcomes.pop(0)
        if isinstance(result, Exception):
            raise result
        return str(result)

    assert calls.run(op) == "ok"


def test_no_attempt_starts_after_the_window() -> None:
    t = FakeTime()
    calls = StoreCalls(3, 0.05, 3.0, monotonic=t.monotonic, sleep=t.sleep)
    calls.start_turn()
    t.now = 3.0
    with pytest.raises(StoreUnavailableError):
        calls.run(lambda: "never")
    calls.start_turn()  # a new request gets a new window
    assert calls.run(lambda: "fresh") == "fresh"


@pytest.mark.parametrize("store_calls_in_turn", [1, 2, 5, 12])
def test_a_turn_of_slow_failures_never_waits_longer_than_the_worst_case(
    store_calls_in_turn: int,
) -> None:
    # Every attempt runs into both timeouts, the most a real attempt can take; a turn
    # makes several store calls (content, progress read, write, conflict re-reads).
    settings = Settings.from_env({})
    t = FakeTime()
    calls = StoreCalls.from_settings(settings, monotonic=t.monotonic, sleep=t.sleep)
    calls.start_turn()

    def slow_timeout() -> None:
        t.now += settings.ddb_connect_timeout + settings.ddb_read_timeout
        raise ReadTimeoutError(endpoint_url="x")

    for _ in range(store_calls_in_turn):
        with pytest.raises((ReadTimeoutError, StoreUnavailableError)):
            calls.run(slow_timeout)
    assert t.now <= worst_case_store_seconds(settings)
