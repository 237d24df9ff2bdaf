"""Read the per-deployment user-key secret from Secrets Manager: on the first request that
needs it, not at import, and again on the next request if that failed.

Why not at import: an init phase that raises (Secrets Manager throttled or unreachable for a
moment) leaves Alexa with no answer at all, only its generic error. Read lazily, the skill
can still speak a short apology, keep the session open, and try again on the next request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, Protocol, cast

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from hamstring_coach.adapters.aws_session import shared_session


class SecretUnavailableError(Exception):
    """The secret could not be read. The container must not start with a guessed key."""


class SecretsClient(Protocol):
    def get_secret_value(self, *, SecretId: str) -> Mapping[str, Any]: ...  # noqa: N803


def region_of(arn: str) -> str:
    """The region inside an ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)."""
    parts = arn.split(":")
    if len(parts) < 7 or parts[0] != "arn" or not parts[3]:
        raise SecretUnavailableError("USER_KEY_SECRET_ARN is not a secret ARN")
    return parts[3]


def read_secret_string(arn: str, client: SecretsClient | None = None) -> str:
    """The secret's string value. Raises SecretUnavailableError, never returns a default.

    A failure raises, and the request apologises; it never derives user keys from a wrong
    secret (which would silently hide everyone's progress).
    """
    if client is None:
        client = cast(
            SecretsClient,
            shared_session().create_client(
                "secretsmanager",
                region_name=region_of(arn),
                # Inside one turn's ~8 s: at most two attempts of 1 s + 1.5 s each; a request
                # that still fails apologises and the next one tries again.
                config=Config(
                    connect_timeout=1,
                    read_timeout=1.5,
                    retries={"total_max_attempts": 2, "mode": "standard"},
                ),
            ),
        )
    try:
        out = client.get_secret_value(SecretId=arn)
    except (ClientError, BotoCoreError) as err:
        # The error class only: the message names the secret, which is harmless, but keep
        # one rule for all logged errors.
        raise SecretUnavailableError(type(err).__name__) from err
    value = out.get("SecretString")
    if not isinstance(value, str) or not value:
        raise SecretUnavailableError("secret has no string value")
    return value


class LazySecret:
    """The secret, read on first use and kept; a failed read is tried again on the next call.

    Thread-safe (the local server answers requests on several threads): one read at a time.
    """

    def __init__(self, read: Callable[[], str]) -> None:
        self._read = read
        self._value: bytes | None = None
        self._lock = threading.Lock()

    def __call__(self) -> bytes:
        value = self._value
        if value is not None:
            return value
        with self._lock:
            if self._value is None:
                text = self._read()
                if not text:
                    raise SecretUnavailableError("secret is empty")
                self._value = text.encode("utf-8")
            return self._value
