"""DynamoDB behind two small repositories. Clients are injected; nothing here runs at import."""

from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotoConnectionError

from hamstring_coach.adapters.aws_session import shared_session
from hamstring_coach.adapters.progress_codec import decode, decode_legacy, encode
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.progress import UserProgress

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from hamstring_coach.settings import Settings

META_PARTITION = "meta"
META_VERSION_SORT = "version"
# Sparse index on person items: which recognised voices belong to an account (see save()).
ACCOUNT_INDEX = "by_account"
ACCOUNT_ATTRIBUTE = "account"
# How many recent write ids an item remembers, to tell whether an unanswered write landed.
RECENT_WRITES = 8

T = TypeVar("T")


class StoreUnavailableError(Exception):
    """DynamoDB could not answer in time (throttled, timed out, unreachable)."""


class VersionConflictError(Exception):
    """Another writer saved this user's progress since it was read."""


def make_client(settings: Settings, sdk_attempts: int = 1) -> DynamoDBClient:
    """The skill's client: explicit timeouts, and botocore retries off (StoreCalls retries).

    Tools that run outside a conversation (seeding) may ask botocore for its own retries.
    """
    config = Config(
        connect_timeout=settings.ddb_connect_timeout,
        read_timeout=settings.ddb_read_timeout,
        retries={"total_max_attempts": sdk_attempts, "mode": "standard"},
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


# --- bounded retries ------------------------------------------------------------------------

# Error codes worth another try: DynamoDB throttling and its transient server errors.
_RETRYABLE_CODES = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "Throttling",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "InternalServerError",
        "ServiceUnavailable",
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
    }
)
_RETRYABLE_STATUS = frozenset({500, 502, 503, 504})


def is_retryable(err: Exception) -> bool:
    if isinstance(err, ClientError):
        code = err.response.get("Error", {}).get("Code", "")
        status = err.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return code in _RETRYABLE_CODES or status in _RETRYABLE_STATUS
    # Timeouts, refused or dropped connections: the network, not the request, failed.
    return isinstance(err, BotoConnectionError | HTTPClientError)


class StoreCalls:
    """Runs store calls with bounded, jittered retries inside a per-turn time window.

    `start_turn()` opens the window when a request arrives; after `window` seconds no new
    attempt (first try or retry) starts, and a retry whose backoff would end past the window
    is not waited for. Each attempt is itself bounded by the client's connect and read
    timeouts, so a turn waits for the store at most window + connect + read seconds.
    The window lives in a context variable, so concurrent requests (threads in the local
    HTTP server) each have their own.
    """

    def __init__(
        self,
        max_attempts: int,
        backoff_base: float,
        window: float,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.max_attempts = max(1, max_attempts)
        self.backoff_base = backoff_base
        self.window = window
        self._monotonic = monotonic
        self._sleep = sleep
        self._jitter = jitter
        self._deadline: ContextVar[float | None] = ContextVar(
            f"store_deadline_{id(self)}", default=None
        )

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> StoreCalls:
        return cls(
            settings.ddb_max_attempts, settings.ddb_backoff_base, settings.store_window, **kwargs
        )

    def start_turn(self) -> None:
        self._deadline.set(self._monotonic() + self.window)

    def backoff(self, attempt: int) -> float:
        """Full jitter: a random wait up to base * 2^(attempt-1), attempt counted from 1."""
        return float(self._jitter() * self.backoff_base * 2.0 ** (attempt - 1))

    def run(self, op: Callable[[], T]) -> T:
        deadline = self._deadline.get()
        for attempt in range(1, self.max_attempts + 1):
            if deadline is not None and self._monotonic() >= deadline:
                raise StoreUnavailableError("store window closed")
            try:
                return op()
            except (ClientError, BotoCoreError) as err:
                if not is_retryable(err) or attempt == self.max_attempts:
                    raise
                delay = self.backoff(attempt)
                if deadline is not None and self._monotonic() + delay >= deadline:
                    raise
                self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover


def worst_case_store_seconds(settings: Settings) -> float:
    """The longest a turn can wait for DynamoDB: the window, then one attempt started at
    its very end that runs into both timeouts. Retries and backoff happen inside the window.
    """
    return settings.store_window + settings.ddb_connect_timeout + settings.ddb_read_timeout


def _no_retries() -> StoreCalls:
    return StoreCalls(max_attempts=1, backoff_base=0.0, window=0.0)


# --- content -------------------------------------------------------------------------------

ContentPartition = dict[str, dict[str, dict[str, Any]]]
# On the version item: the partitions the seed wrote, so a reader skips the absent ones
# (most locales have no overrides of their own: en-US reads only en).
META_PARTITIONS = "content_partitions"


@dataclass(frozen=True)
class ContentVersion:
    version: str
    # None: seeded before the item listed its partitions, so any may exist.
    partitions: frozenset[str] | None = None

    def has(self, partition: str) -> bool:
        return self.partitions is None or partition in self.partitions


class ContentRepository(Protocol):
    def current_version(self) -> ContentVersion | None: ...

    def load_partition(self, partition: str) -> ContentPartition: ...


# A kind too large for one item is stored in parts: sk = "<kind>", "<kind>@1", "<kind>@2"...
PART_SEPARATOR = "@"


class DynamoContentRepository:
    """Content items: pk = locale partition ("en", "en-GB"), sk = the kind ("line"), body =
    JSON of that kind's entries (id -> body), so a cold start reads a few items, not hundreds.

    Tables seeded before that layout hold one item per entry (sk = "<kind>#<id>"); those are
    read too, until the next seed replaces them.
    """

    def __init__(self, client: DynamoDBClient, table: str, calls: StoreCalls | None = None) -> None:
        self._client = client
        self._table = table
        self._calls = calls or _no_retries()

    def current_version(self) -> ContentVersion | None:
        try:
            out = self._calls.run(
                lambda: self._client.get_item(
                    TableName=self._table,
                    Key={"pk": {"S": META_PARTITION}, "sk": {"S": META_VERSION_SORT}},
                    ProjectionExpression=f"content_version, {META_PARTITIONS}",
                )
            )
        except (ClientError, BotoCoreError) as err:
            raise _unavailable(err) from err
        item = out.get("Item")
        if not item:
            return None
        listed = item.get(META_PARTITIONS, {}).get("L")
        partitions = None if listed is None else frozenset(p["S"] for p in listed if "S" in p)
        return ContentVersion(item["content_version"]["S"], partitions)

    def load_partition(self, partition: str) -> ContentPartition:
        result: ContentPartition = {}
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "pk = :p",
            "ExpressionAttributeValues": {":p": {"S": partition}},
        }
        try:
            while True:
                page = self._calls.run(lambda: self._client.query(**kwargs))
                for item in page.get("Items", []):
                    sort_key, body = item["sk"]["S"], json.loads(item["body"]["S"])
                    kind, per_entry, item_id = sort_key.partition("#")
                    if per_entry:
                        result.setdefault(kind, {})[item_id] = body
                    else:
                        kind = sort_key.partition(PART_SEPARATOR)[0]
                        result.setdefault(kind, {}).update(body)
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
    # Ids of the latest writes (newest first): lets a turn whose write went unanswered
    # (timeout) see that it landed after all, instead of applying its events twice.
    recent_writes: tuple[str, ...] = ()


def new_write_id() -> str:
    return uuid.uuid4().hex[:16]


class ProgressRepository(Protocol):
    def load(self, key: str) -> StoredProgress | None: ...

    def save(
        self,
        key: str,
        progress: UserProgress,
        expected_version: int | None,
        expires_at: int,
        writes: Sequence[str] = (),
        account: str | None = None,
    ) -> int: ...

    def delete(self, key: str) -> None: ...

    def people(self, account: str) -> list[str]: ...


def progress_of(item: Mapping[str, Any]) -> UserProgress:
    """The progress a stored item holds: compressed Binary (progress_codec), or the JSON
    String every item held before, still read so that older records keep working."""
    data = item["data"]
    return decode(bytes(data["B"])) if "B" in data else decode_legacy(str(data["S"]))


class DynamoProgressRepository:
    """One item per person: pk = derived key, data = compressed progress (Binary; see
    progress_codec; items saved before it hold a JSON String, still read), version = N,
    expires_at = TTL, writes = ids of the latest writes.

    A recognised voice's item also carries `account`, the derived key of the Alexa account
    it belongs to (never a raw id). The sparse `by_account` index over it is the only way to
    find a household's voice profiles when the account disables the skill.
    """

    def __init__(
        self,
        client: DynamoDBClient,
        table: str,
        calls: StoreCalls | None = None,
        health_data: HealthData = HealthData.MINIMAL,
    ) -> None:
        self._client = client
        self._table = table
        self._calls = calls or _no_retries()
        self._health_data = health_data

    def load(self, key: str) -> StoredProgress | None:
        try:
            out = self._calls.run(
                lambda: self._client.get_item(
                    TableName=self._table, Key={"pk": {"S": key}}, ConsistentRead=True
                )
            )
        except (ClientError, BotoCoreError) as err:
            raise _unavailable(err) from err
        item = out.get("Item")
        if not item:
            return None
        writes = tuple(w["S"] for w in item.get("writes", {}).get("L", []) if "S" in w)
        return StoredProgress(progress_of(item), int(item["version"]["N"]), writes)

    def save(
        self,
        key: str,
        progress: UserProgress,
        expected_version: int | None,
        expires_at: int,
        writes: Sequence[str] = (),
        account: str | None = None,
    ) -> int:
        new_version = (expected_version or 0) + 1
        item: dict[str, Any] = {
            "pk": {"S": key},
            "data": {"B": encode(progress, self._health_data)},
            "version": {"N": str(new_version)},
            "expires_at": {"N": str(expires_at)},
        }
        if writes:
            item["writes"] = {"L": [{"S": w} for w in list(writes)[:RECENT_WRITES]]}
        if account:
            item[ACCOUNT_ATTRIBUTE] = {"S": account}
        request: dict[str, Any] = {"TableName": self._table, "Item": item}
        if expected_version is None:
            request["ConditionExpression"] = "attribute_not_exists(pk)"
        else:
            request["ConditionExpression"] = "version = :expected"
            request["ExpressionAttributeValues"] = {":expected": {"N": str(expected_version)}}
        try:
            self._calls.run(lambda: self._client.put_item(**request))
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise VersionConflictError from err
            raise _unavailable(err) from err
        except BotoCoreError as err:
            raise _unavailable(err) from err
        return new_version

    def delete(self, key: str) -> None:
        try:
            self._calls.run(
                lambda: self._client.delete_item(TableName=self._table, Key={"pk": {"S": key}})
            )
        except (ClientError, BotoCoreError) as err:
            raise _unavailable(err) from err

    def people(self, account: str) -> list[str]:
        """Keys of the voice-profile items linked to an account (from the sparse index)."""
        keys: list[str] = []
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": ACCOUNT_INDEX,
            "KeyConditionExpression": "#a = :a",
            "ExpressionAttributeNames": {"#a": ACCOUNT_ATTRIBUTE},
            "ExpressionAttributeValues": {":a": {"S": account}},
        }
        try:
            while True:
                page = self._calls.run(lambda: self._client.query(**kwargs))
                keys.extend(item["pk"]["S"] for item in page.get("Items", []))
                if "LastEvaluatedKey" not in page:
                    return keys
                kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        except (ClientError, BotoCoreError) as err:
            raise _unavailable(err) from err
