"""Typed settings read once from the environment (the composition root passes them on)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from hamstring_coach.domain.health_data import HealthData, may_speak_health

# Alexa gives a skill about 8 s to answer, and the store must not use it all up: an answer
# (even an apology) has to be built and sent. Each DynamoDB attempt is bounded by botocore's
# connect and read timeouts; the skill retries in its own code (botocore's own retries are
# off, because its backoff can honour a server's retry-after hint of several seconds), and no
# attempt or retry starts later than the store window after the request arrived. So a turn
# spends at most window + connect + read waiting for the store: see
# `adapters.dynamo.worst_case_store_seconds`, asserted in a unit test.
ALEXA_RESPONSE_SECONDS = 8.0
_DEFAULT_CONNECT_TIMEOUT = 0.5
_DEFAULT_READ_TIMEOUT = 1.0
_DEFAULT_MAX_ATTEMPTS = 3
_DEFAULT_BACKOFF_BASE = 0.05
_DEFAULT_STORE_WINDOW = 3.0
_LOCAL_SECRET = "local-development-secret"
_TRUE = ("1", "true", "yes", "on")


class SettingsError(ValueError):
    """The environment asks for something that cannot be provided."""


@dataclass(frozen=True)
class Settings:
    content_table: str
    progress_table: str
    region: str
    # The plain secret (local runs, tests); empty when it lives in Secrets Manager, whose
    # ARN is then set and the app reads it lazily (see adapters.secrets.LazySecret).
    user_key_secret: bytes
    skill_id: str | None = None
    dynamodb_endpoint: str | None = None
    content_refresh_seconds: float = 300.0
    ddb_connect_timeout: float = _DEFAULT_CONNECT_TIMEOUT
    ddb_read_timeout: float = _DEFAULT_READ_TIMEOUT
    ddb_max_attempts: int = _DEFAULT_MAX_ATTEMPTS  # per call, first try included
    ddb_backoff_base: float = _DEFAULT_BACKOFF_BASE  # seconds; doubles per retry, jittered
    store_window: float = _DEFAULT_STORE_WINDOW  # no store attempt starts later in a turn
    # How long a user's record lives after their last visit (DynamoDB TTL).
    retention_days: int = 365
    # Observability: quiet by default so local consoles stay readable; the deployed stack
    # sets INFO and turns metrics on (one JSON line and one metrics record per turn).
    log_level: str = "WARNING"
    metrics_enabled: bool = False
    metrics_namespace: str = "HamstringCoach"
    # PEM file of the authorities trusted for Alexa's service APIs; None = the system's.
    # Only a stand-in for those APIs (the benchmark's, on loopback) needs another.
    alexa_api_ca_bundle: str | None = None
    user_key_secret_arn: str | None = None
    # What the store may keep about a person's health (domain/health_data.py): `minimal`
    # for a public skill; `full` only for a HIPAA-eligible deployment (docs/health-data.md).
    health_data: HealthData = HealthData.MINIMAL
    # The operator's statement that account linking and PIN confirmation guard this
    # deployment: until then even `full` does not speak stored health information.
    health_controls: bool = False

    @property
    def may_speak_health(self) -> bool:
        return may_speak_health(self.health_data, self.health_controls)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from the environment. Reads nothing over the network.

        The user-key secret lives in Secrets Manager when USER_KEY_SECRET_ARN is set (the
        deployed stack; the app reads it on first use), else it is USER_KEY_SECRET, else a
        fixed local value for tests and the console.
        """
        env = os.environ if env is None else env
        arn = env.get("USER_KEY_SECRET_ARN", "")
        secret = "" if arn else (env.get("USER_KEY_SECRET", "") or _LOCAL_SECRET)
        return cls(
            content_table=env.get("CONTENT_TABLE", "hamstring-coach-content"),
            progress_table=env.get("PROGRESS_TABLE", "hamstring-coach-progress"),
            region=env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", "us-east-1")),
            user_key_secret=secret.encode("utf-8"),
            skill_id=env.get("SKILL_ID") or None,
            dynamodb_endpoint=env.get("DYNAMODB_ENDPOINT") or None,
            content_refresh_seconds=float(env.get("CONTENT_REFRESH_SECONDS", "300")),
            ddb_connect_timeout=float(env.get("DDB_CONNECT_TIMEOUT", _DEFAULT_CONNECT_TIMEOUT)),
            ddb_read_timeout=float(env.get("DDB_READ_TIMEOUT", _DEFAULT_READ_TIMEOUT)),
            ddb_max_attempts=int(env.get("DDB_MAX_ATTEMPTS", _DEFAULT_MAX_ATTEMPTS)),
            ddb_backoff_base=float(env.get("DDB_BACKOFF_BASE", _DEFAULT_BACKOFF_BASE)),
            store_window=float(env.get("STORE_WINDOW", _DEFAULT_STORE_WINDOW)),
            retention_days=int(env.get("RETENTION_DAYS", "365")),
            log_level=env.get("LOG_LEVEL", "WARNING").upper(),
            metrics_enabled=env.get("METRICS_ENABLED", "").lower() in _TRUE,
            metrics_namespace=env.get("METRICS_NAMESPACE", "HamstringCoach"),
            alexa_api_ca_bundle=env.get("ALEXA_API_CA_BUNDLE") or None,
            user_key_secret_arn=arn or None,
            health_data=_health_data(env.get("HEALTH_DATA", "")),
            health_controls=env.get("HEALTH_CONTROLS_IN_PLACE", "").lower() in _TRUE,
        )


def _health_data(value: str) -> HealthData:
    if not value.strip():
        return HealthData.MINIMAL
    try:
        return HealthData.parse(value)
    except ValueError as err:
        # A typo must not quietly store health data, nor quietly drop it: refuse to start.
        raise SettingsError(str(err)) from err
