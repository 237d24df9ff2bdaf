"""DynamoDB behind two small repositories. Clients are injected; nothing here runs at import."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar, cast

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotoConnectionError

from hamstring_coach.adapters.aws_session import shared_session
from hamstring_coach.adapters.content_codec import body_of
from hamstring_coach.adapters.progress_codec import decode, decode_legacy, encode
from hamstring_coach.domain.errors import StoreUnavailableError, VersionConflictError
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.ports import (
    RECENT_WRITES,
    ContentPartition,
    ContentRepository,
    ContentVersion,
    ProgressRepository,
    StoredProgress,
    new_write_id,
)
from hamstring_coach.domain.progress import UserProgress

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from hamstring_coach.settings import Settings

META_PARTITION = "meta"
META_VERSION_SORT = "version"
# Sparse index on person items: which recognised voices belong to an account (see save()).
ACCOUNT_INDEX = "by_account"
ACCOUNT_ATTRIBUTE = "account"

T = TypeVar("T")

# The ports and errors live in the domain; named here too for callers that import them
# from the adapter.
__all__ = [
    "RECENT_WRITES",
    "ContentPartition",
    "ContentRepository",
    "ContentVersion",
    "DynamoContentRepository",
    "DynamoProgressRepository",
    "ProgressRepository",
    "StoreCalls",
    "StoreUnavailableError",
    "StoredProgress",
    "VersionConflictError",
    "is_retryable",
    "make_client",
    "new_write_id",
    "progress_of",
    "worst_case_store_seconds",
]


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


@contextmanager
def store_errors(conflict: bool = False) -> Iterator[None]:
    """The one place botocore errors become the port's errors. With `conflict`, a failed
    condition (a conditional put) is a VersionConflictError rather than an outage."""
    try:
        yield
    except ClientError as err:
        code = err.response.get("Error", {}).get("Code")
        if conflict and code == "ConditionalCheckFailedException":
            raise VersionConflictError from err
        raise _unavailable(err) from err
    except BotoCoreError as err:
        raise _unavailable(err) from err


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

# On the version item: the partitions the seed wrote, so a reader skips the absent ones
# (most locales have no overrides of their own: en-US reads only en).
META_PARTITIONS = "content_partitions"


# A kind too large for one item is stored in parts: sk = "<kind>", "<kind>@1", "<kind>@2"...
PART_SEPARATOR = "@"


def _pages(
    calls: StoreCalls, query: Callable[[dict[str, Any]], Any], **request: Any
) -> Iterator[dict[str, Any]]:
    """Every item a query returns, page after page (each page with the turn's retries).
    `query` is the repository's own client call, so each class names what it calls."""
    kwargs: dict[str, Any] = dict(request)
    while True:
        page: Any = calls.run(lambda: query(kwargs))
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


class DynamoContentRepository:
    """Content items: pk = locale partition ("en", "en-GB"), sk = the kind ("line"), blob =
    that kind's entries (id -> body) as compressed JSON (content_codec), so a cold start
    reads a few items in one page, not hundreds.

    Tables seeded before that layout hold one item per entry (sk = "<kind>#<id>"); those are
    read too, until the next seed replaces them.
    """

    def __init__(self, client: DynamoDBClient, table: str, calls: StoreCalls | None = None) -> None:
        self._client = client
        self._table = table
        self._calls = calls or _no_retries()

    def current_version(self) -> ContentVersion | None:
        with store_errors():
            out = self._calls.run(
                lambda: self._client.get_item(
                    TableName=self._table,
                    Key={"pk": {"S": META_PARTITION}, "sk": {"S": META_VERSION_SORT}},
                    ProjectionExpression=f"content_version, {META_PARTITIONS}",
                )
            )
        item = out.get("Item")
        if not item:
            return None
        listed = item.get(META_PARTITIONS, {}).get("L")
        partitions = None if listed is None else frozenset(p["S"] for p in listed if "S" in p)
        return ContentVersion(item["content_version"]["S"], partitions)

    def load_partition(self, partition: str) -> ContentPartition:
        result: ContentPartition = {}
        with store_errors():
            for item in _pages(
                self._calls,
                lambda kw: self._client.query(**kw),
                TableName=self._table,
                KeyConditionExpression="pk = :p",
                ExpressionAttributeValues={":p": {"S": partition}},
            ):
                sort_key, body = item["sk"]["S"], body_of(item)
                kind, per_entry, item_id = sort_key.partition("#")
                if per_entry:
                    result.setdefault(kind, {})[item_id] = body
                else:
                    kind = sort_key.partition(PART_SEPARATOR)[0]
                    result.setdefault(kind, {}).update(body)
        return result


# --- progress ------------------------------------------------------------------------------


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
        with store_errors():
            out = self._calls.run(
                lambda: self._client.get_item(
                    TableName=self._table, Key={"pk": {"S": key}}, ConsistentRead=True
                )
            )
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
        with store_errors(conflict=True):
            self._calls.run(lambda: self._client.put_item(**request))
        return new_version

    def delete(self, key: str) -> None:
        with store_errors():
            self._calls.run(
                lambda: self._client.delete_item(TableName=self._table, Key={"pk": {"S": key}})
            )

    def people(self, account: str) -> list[str]:
        """Keys of the voice-profile items linked to an account (from the sparse index)."""
        with store_errors():
            return [
                item["pk"]["S"]
                for item in _pages(
                    self._calls,
                    lambda kw: self._client.query(**kw),
                    TableName=self._table,
                    IndexName=ACCOUNT_INDEX,
                    KeyConditionExpression="#a = :a",
                    ExpressionAttributeNames={"#a": ACCOUNT_ATTRIBUTE},
                    ExpressionAttributeValues={":a": {"S": account}},
                )
            ]
