"""DynamoDB behind two small repositories. Clients are injected; nothing here runs at import."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from hamstring_coach.adapters.aws_session import shared_session
from hamstring_coach.domain.progress import UserProgress

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from hamstring_coach.settings import Settings

META_PARTITION = "meta"
META_VERSION_SORT = "version"


class StoreUnavailableError(Exception):
    """DynamoDB could not answer in time (throttled, timed out, unreachable)."""


class VersionConflictError(Exception):
    """Another writer saved this user's progress since it was read."""


def make_client(settings: Settings) -> DynamoDBClient:
    # Explicit timeouts and attempts keep a slow store inside Alexa's ~8 s budget.
    config = Config(
        connect_timeout=settings.ddb_connect_timeout,
        read_timeout=settings.ddb_read_timeout,
        retries={"max_attempts": settings.ddb_max_attempts, "mode": "standard"},
    )
    client = shared_session().create_client(
        "dynamodb",
        region_name=settings.region,
        endpoint_url=settings.dynamodb_endpoint,
        config=config,
    )
    return cast("DynamoDBClient", client)


def _unavailable(err: Exception) -> StoreUnavailableError:
    # Only the error class goes into the message: request parameters carry user keys.
    code = err.response.get("Error", {}).get("Code", "") if isinstance(err, ClientError) else ""
    return StoreUnavailableError(f"{type(err).__name__} {code}".strip())


# --- content -------------------------------------------------------------------------------

ContentPartition = dict[str, dict[str, dict[str, Any]]]


class ContentRepository(Protocol):
    def current_version(self) -> str | None: ...

    def load_partition(self, partition: str) -> ContentPartition: ...


class DynamoContentRepository:
    """Content items: pk = locale partition ("en", "en-GB"), sk = "<kind>#<id>", body = JSON."""

    def __init__(self, client: DynamoDBClient, table: str) -> None:
        self._client = client
        self._table = table

    def current_version(self) -> str | None:
        try:
            out = self._client.get_item(
                TableName=self._table,
                Key={"pk": {"S": META_PARTITION}, "sk": {"S": META_VERSION_SORT}},
                ProjectionExpression="content_version",
            )
        except (ClientError, BotoCoreError) as err:
            raise _unavailable(err) from err
        item = out.get("Item")
        return item["content_version"]["S"] if item else None

    def load_partition(self, partition: str) -> ContentPartition:
        result: ContentPartition = {}
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "pk = :p",
            "ExpressionAttributeValues": {":p": {"S": partition}},
        }
        try:
            while True:
                page = self._client.query(**kwargs)
                for item in page.get("Items", []):
                    kind, _, item_id = item["sk"]["S"].partition("#")
                    result.setdefault(kind, {})[item_id] = json.loads(item["body"]["S"])
                if "LastEvaluatedKey" not in page:
                    return result
                kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        except (ClientError, BotoCoreError) as err:
            raise _unavailable(err) from err


# --- progress ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredProgress:
    progress: UserProgress
    version: int


class ProgressRepository(Protocol):
    def load(self, key: str) -> StoredProgress | None: ...

    def save(
        self, key: str, progress: UserProgress, expected_version: int | None, expires_at: int
    ) -> int: ...

    def delete(self, key: str) -> None: ...


class DynamoProgressRepository:
    """One item per person: pk = derived key, data = JSON, version = N, expires_at = TTL."""

    def __init__(self, client: DynamoDBClient, table: str) -> None:
        self._client = client
        self._table = table

    def load(self, key: str) -> StoredProgress | None:
        try:
            out = self._client.get_item(
                TableName=self._table, Key={"pk": {"S": key}}, ConsistentRead=True
            )
        except (ClientError, BotoCoreError) as err:
            raise _unavailable(err) from err
        item = out.get("Item")
        if not item:
            return None
        data: Mapping[str, Any] = json.loads(item["data"]["S"])
        return StoredProgress(UserProgress.from_dict(data), int(item["version"]["N"]))

    def save(
        self, key: str, progress: UserProgress, expected_version: int | None, expires_at: int
    ) -> int:
        new_version = (expected_version or 0) + 1
        request: dict[str, Any] = {
            "TableName": self._table,
            "Item": {
                "pk": {"S": key},
                "data": {"S": json.dumps(progress.to_dict(), separators=(",", ":"))},
                "version": {"N": str(new_version)},
                "expires_at": {"N": str(expires_at)},
            },
        }
        if expected_version is None:
            request["ConditionExpression"] = "attribute_not_exists(pk)"
        else:
            request["ConditionExpression"] = "version = :expected"
            request["ExpressionAttributeValues"] = {":expected": {"N": str(expected_version)}}
        try:
            self._client.put_item(**request)
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise VersionConflictError from err
            raise _unavailable(err) from err
        except BotoCoreError as err:
            raise _unavailable(err) from err
        return new_version

    def delete(self, key: str) -> None:
        try:
            self._client.delete_item(TableName=self._table, Key={"pk": {"S": key}})
        except (ClientError, BotoCoreError) as err:
            raise _unavailable(err) from err
