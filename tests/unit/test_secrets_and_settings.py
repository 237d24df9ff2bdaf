"""The user-key secret: read once from Secrets Manager when deployed, never guessed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from hamstring_coach.adapters.secrets import (
    LazySecret,
    SecretUnavailableError,
    read_secret_string,
    region_of,
)
from hamstring_coach.settings import Settings

ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:user-key-AbCdEf"


@pytest.fixture
def secrets() -> Iterator[Any]:
    with mock_aws():
        yield boto3.client("secretsmanager", region_name="eu-west-1")


def test_region_comes_from_the_arn() -> None:
    assert region_of(ARN) == "eu-west-1"
    for bad in ("", "user-key", "arn:aws:secretsmanager::123:secret:x"):
        with pytest.raises(SecretUnavailableError):
            region_of(bad)


def test_reads_the_secret_string(secrets: Any) -> None:
    arn = secrets.create_secret(Name="user-key", SecretString="s3cr3t-value")["ARN"]
    assert read_secret_string(arn, client=secrets) == "s3cr3t-value"
    # Without an injected client it builds one for the ARN's region.
    assert read_secret_string(arn) == "s3cr3t-value"


def test_a_missing_or_empty_secret_fails_loudly(secrets: Any) -> None:
    with pytest.raises(SecretUnavailableError, match="ResourceNotFoundException"):
        read_secret_string(ARN.replace("user-key", "absent"), client=secrets)
    arn = secrets.create_secret(Name="binary", SecretBinary=b"\x00\x01")["ARN"]
    with pytest.raises(SecretUnavailableError, match="no string value"):
        read_secret_string(arn, client=secrets)


def test_settings_name_the_secret_and_read_nothing_when_an_arn_is_set() -> None:
    env = {"USER_KEY_SECRET_ARN": ARN, "USER_KEY_SECRET": "ignored"}
    settings = Settings.from_env(env)
    assert settings.user_key_secret_arn == ARN and settings.user_key_secret == b""


def test_the_secret_is_read_on_first_use_kept_and_tried_again_after_a_failure() -> None:
    answers: list[str | Exception] = [SecretUnavailableError("Throttling"), "s3cr3t", "other"]
    asked: list[int] = []

    def read() -> str:
        asked.append(1)
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    secret = LazySecret(read)
    assert asked == []  # nothing is read until a request needs it
    with pytest.raises(SecretUnavailableError):
        secret()
    assert secret() == b"s3cr3t"  # the next request tries again
    assert secret() == b"s3cr3t" and len(asked) == 2  # then it is kept


def test_local_runs_keep_the_plain_secret_or_a_fixed_default() -> None:
    assert Settings.from_env({"USER_KEY_SECRET": "abc"}).user_key_secret == b"abc"
    assert Settings.from_env({}).user_key_secret == b"local-development-secret"


def test_observability_settings_default_quiet_and_follow_the_stack() -> None:
    quiet = Settings.from_env({})
    assert (quiet.log_level, quiet.metrics_enabled) == ("WARNING", False)
    deployed = Settings.from_env(
        {"LOG_LEVEL": "info", "METRICS_ENABLED": "true", "METRICS_NAMESPACE": "X"}
    )
    assert (deployed.log_level, deployed.metrics_enabled) == ("INFO", True)
    assert deployed.metrics_namespace == "X"


def test_alexa_apis_are_trusted_through_the_system_store_unless_a_bundle_is_named() -> None:
    assert Settings.from_env({}).alexa_api_ca_bundle is None
    stand_in = Settings.from_env({"ALEXA_API_CA_BUNDLE": "/tmp/stub-ca.pem"})
    assert stand_in.alexa_api_ca_bundle == "/tmp/stub-ca.pem"
