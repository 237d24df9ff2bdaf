"""Read the per-deployment user-key secret from Secrets Manager, once, at container start."""

from __future__ import annotations

from collections.abc import Mapping
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

    Called during the Lambda init phase: if it fails, the init fails and the next request
    tries again, rather than deriving user keys from a wrong secret (which would silently
    hide everyone's progress).
    """
    if client is None:
        client = cast(
            SecretsClient,
            shared_session().create_client(
                "secretsmanager",
                region_name=region_of(arn),
                config=Config(connect_timeout=1, read_timeout=2, retries={"max_attempts": 3}),
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
