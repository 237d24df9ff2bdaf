"""Counting and arithmetic for the benchmark: percentiles, DynamoDB item sizes and units.

No timing and no I/O here, so every function is unit-tested with plain values.

Capacity units are computed from item sizes by DynamoDB's published rules, because the
skill does not ask DynamoDB for ReturnConsumedCapacity (and dynalite would not report it
faithfully anyway):
- an item's size is the sum of its attribute names' and values' sizes (strings in UTF-8
  bytes; numbers 1 byte per two significant digits plus 1; binary in bytes; booleans and
  nulls 1 byte; lists and maps 3 bytes plus their elements; sets the sum of their elements);
- GetItem reads the whole item (a projection does not make it cheaper): 1 read unit per
  started 4 KB strongly consistent, half that eventually consistent, at least one 4 KB
  block even when no item is found;
- Query adds up the sizes of the items it returns and then rounds up to 4 KB once;
- PutItem and DeleteItem cost 1 write unit per started 1 KB of the larger of the old and
  the new item, at least 1.
On-demand request units (RRU, WRU) follow the same arithmetic.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

READ_BLOCK = 4096
WRITE_BLOCK = 1024

READ_OPERATIONS = frozenset({"GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems"})
WRITE_OPERATIONS = frozenset(
    {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}
)


# --- statistics ------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0..100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= p <= 100:
        raise ValueError("p must be within 0..100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


# --- item sizes ------------------------------------------------------------------------------


def _number_size(text: str) -> int:
    """Bytes DynamoDB stores for a number: 1 per two significant digits, plus 1."""
    digits = Decimal(text).normalize().as_tuple().digits
    significant = len(digits) if any(digits) else 1
    return math.ceil(significant / 2) + 1


def _binary_size(inner: bytes | str) -> int:
    """Binary is billed by its bytes; on the wire (JSON) it travels as base64 text."""
    return len(base64.b64decode(inner)) if isinstance(inner, str) else len(inner)


def value_size(value: Mapping[str, Any]) -> int:
    """Size of one attribute value in DynamoDB's JSON form ({"S": ...}, {"N": ...}, ...)."""
    ((kind, inner),) = value.items()
    if kind == "S":
        return len(str(inner).encode("utf-8"))
    if kind == "N":
        return _number_size(str(inner))
    if kind == "B":
        return _binary_size(inner)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "SS":
        return sum(len(str(s).encode("utf-8")) for s in inner)
    if kind == "NS":
        return sum(_number_size(str(n)) for n in inner)
    if kind == "BS":
        return sum(_binary_size(b) for b in inner)
    if kind == "L":
        return 3 + sum(value_size(v) for v in inner)
    if kind == "M":
        return 3 + item_size(inner)
    raise ValueError(f"unknown DynamoDB type {kind!r}")


def item_size(item: Mapping[str, Mapping[str, Any]]) -> int:
    """Size of an item: attribute names plus values, by DynamoDB's rules."""
    return sum(len(name.encode("utf-8")) + value_size(v) for name, v in item.items())


def read_units(size: int, consistent: bool) -> float:
    blocks = max(1, math.ceil(size / READ_BLOCK))
    return float(blocks) if consistent else blocks / 2


def write_units(size: int) -> float:
    return float(max(1, math.ceil(size / WRITE_BLOCK)))


# --- recording calls -------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One DynamoDB API call as the benchmark saw it."""

    operation: str
    table: str
    read_units: float = 0.0
    write_units: float = 0.0
    item_bytes: int = 0  # the item read or written (a query: all items returned)

    @property
    def is_read(self) -> bool:
        return self.operation in READ_OPERATIONS

    @property
    def is_write(self) -> bool:
        return self.operation in WRITE_OPERATIONS

    def to_dict(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "table": self.table,
            "read_units": self.read_units,
            "write_units": self.write_units,
            "item_bytes": self.item_bytes,
        }


KeySchema = Mapping[str, Sequence[str]]


@dataclass
class CallRecorder:
    """Collects DynamoDB calls and prices them in capacity units.

    Recording only keeps the raw request and response, so it adds next to nothing to a
    timed turn; `take()` does the arithmetic afterwards, in call order. `key_schema` names
    each table's key attributes, so a write can be matched with the size of the item it
    replaces (a write costs the larger of the old and new sizes).
    """

    key_schema: KeySchema
    _raw: list[tuple[str, Any, Any]] = field(default_factory=list)
    _sizes: dict[tuple[str, tuple[str, ...]], int] = field(default_factory=dict)

    def record(
        self, operation: str, params: Mapping[str, Any], response: Mapping[str, Any]
    ) -> None:
        self._raw.append((operation, params, response))

    def record_wire(
        self, operation: str, request_body: bytes, status: int, response_body: bytes
    ) -> None:
        """A call as seen on the wire: JSON bodies, decoded later by `take()`."""
        self._raw.append((operation, request_body, (status, response_body)))

    def take(self) -> list[Call]:
        """The calls recorded since the last take (one turn's worth), with their units."""
        raw, self._raw = self._raw, []
        return [self._price(*_decoded(*entry)) for entry in raw]

    def _key(self, table: str, item: Mapping[str, Mapping[str, Any]]) -> tuple[str, ...]:
        names = self.key_schema.get(table) or sorted(item)
        return tuple(str(item[n]) for n in names if n in item)

    def _price(
        self, operation: str, params: Mapping[str, Any], response: Mapping[str, Any]
    ) -> Call:
        table = str(params.get("TableName", ""))
        consistent = bool(params.get("ConsistentRead", False))
        rcu = wcu = 0.0
        size = 0
        if operation == "GetItem":
            key = self._key(table, params["Key"])
            found = response.get("Item")
            if found and "ProjectionExpression" not in params:
                self._sizes[(table, key)] = item_size(found)
            # A projected read still pays for the whole item: use its known full size.
            size = self._sizes.get((table, key), item_size(found) if found else 0)
            rcu = read_units(size, consistent)
        elif operation in ("Query", "Scan"):
            size = sum(item_size(i) for i in response.get("Items", []))
            rcu = read_units(size, consistent)
        elif operation == "PutItem":
            item = params["Item"]
            key = self._key(table, item)
            size = item_size(item)
            wcu = write_units(max(size, self._sizes.get((table, key), 0)))
            if not _failed(response):
                self._sizes[(table, key)] = size
        elif operation == "DeleteItem":
            key = self._key(table, params["Key"])
            size = self._sizes.pop((table, key), 0)
            wcu = write_units(size)
        return Call(operation, table, rcu, wcu, size)


def _decoded(
    operation: str, params: Any, response: Any
) -> tuple[str, Mapping[str, Any], Mapping[str, Any]]:
    if isinstance(params, bytes):
        status, body = response
        decoded: dict[str, Any] = json.loads(body or b"{}")
        if status >= 300:
            decoded = {"Error": {"Code": str(decoded.get("__type", "")).rpartition("#")[2]}}
        return operation, json.loads(params), decoded
    return operation, params, response


def _failed(response: Mapping[str, Any]) -> bool:
    return "Error" in response


def attach_to_botocore(client: Any, recorder: CallRecorder) -> None:
    """Count every API call a boto3 DynamoDB client makes, from its own event hooks.

    `before-call` fires once per API call with the serialized request, `after-call` once
    per call (after any retries) with the HTTP response. Both bodies are kept as the raw
    wire JSON, which is DynamoDB's own typed form whatever layer made the call (a client,
    or a resource that converts Python values), and decoded only in `take()`.
    """
    pending: list[tuple[str, bytes]] = []

    def on_before(params: dict[str, Any], model: Any, **_: Any) -> None:
        body = params.get("body") or b"{}"
        pending.append((str(model.name), body if isinstance(body, bytes) else body.encode()))

    def on_after(http_response: Any, model: Any, **_: Any) -> None:
        name, body = pending.pop() if pending else (str(model.name), b"{}")
        recorder.record_wire(name, body, int(http_response.status_code), http_response.content)

    def on_error(**_: Any) -> None:
        # A call that failed before any response (a connection error) cost no capacity.
        if pending:
            pending.pop()

    events = client.meta.events
    events.register("before-call.dynamodb", on_before)
    events.register("after-call.dynamodb", on_after)
    events.register("after-call-error.dynamodb", on_error)


# --- per-turn summaries ----------------------------------------------------------------------


@dataclass(frozen=True)
class TurnSummary:
    requests: int
    reads: int
    writes: int
    read_units: float
    write_units: float
    content_requests: int


def summarise(calls: Iterable[Mapping[str, Any]], content_table: str) -> TurnSummary:
    """One turn's calls (as dicts from Call.to_dict) reduced to counts and units."""
    calls = list(calls)
    return TurnSummary(
        requests=len(calls),
        reads=sum(1 for c in calls if c["operation"] in READ_OPERATIONS),
        writes=sum(1 for c in calls if c["operation"] in WRITE_OPERATIONS),
        read_units=sum(float(c["read_units"]) for c in calls),
        write_units=sum(float(c["write_units"]) for c in calls),
        content_requests=sum(1 for c in calls if c["table"] == content_table),
    )
