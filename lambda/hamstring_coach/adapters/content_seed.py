"""Load a parsed content source into the content table. Idempotent.

Shared by the seed command (local and operators) and the deploy-time seeding function,
which receives the same source already converted to JSON.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hamstring_coach.adapters.content_codec import BLOB, encode
from hamstring_coach.adapters.dynamo import (
    META_PARTITION,
    META_PARTITIONS,
    META_VERSION_SORT,
    PART_SEPARATOR,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# partition ("en", "en-GB") -> kind -> id -> body
Source = Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]

_BATCH = 25  # DynamoDB's BatchWriteItem limit
# How the seed lays content out; raised whenever that changes, so the next deploy seeds again
# even if the content did not change. 2: one item per kind and partition, and the version
# item lists the partitions. 3: each body zlib-compressed Binary (adapters/content_codec.py).
SEED_FORMAT = 3
# A kind's entries go into one item up to this many bytes of JSON, then into further parts:
# DynamoDB's item limit is 400 KB, names and keys included. Counted before compression, so
# a part fits whatever the ratio.
PART_BYTES = 300_000


def source_version(source: Source) -> str:
    canonical = json.dumps(source, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _parts(entries: Mapping[str, Any], limit: int) -> list[dict[str, Any]]:
    """Entries (id -> body) in id order, cut into groups of at most `limit` bytes of JSON
    (a single entry larger than that stays whole, and DynamoDB refuses it loudly)."""
    parts: list[dict[str, Any]] = [{}]
    size = 2  # the braces
    for item_id in sorted(entries):
        entry = {item_id: entries[item_id]}
        grows = len(_dumps(entry).encode("utf-8")) - 1  # less one pair of braces, plus a comma
        if parts[-1] and size + grows > limit:
            parts.append({})
            size = 2
        parts[-1].update(entry)
        size += grows
    return parts


def _items(source: Source, part_bytes: int = PART_BYTES) -> dict[tuple[str, str], str]:
    """(partition, sort key) -> body: one item per kind, or per part of a large kind."""
    out: dict[tuple[str, str], str] = {}
    for partition, kinds in source.items():
        for kind, entries in kinds.items():
            if not entries:
                continue
            for n, part in enumerate(_parts(entries, part_bytes)):
                sort_key = kind if n == 0 else f"{kind}{PART_SEPARATOR}{n}"
                out[(partition, sort_key)] = _dumps(part)
    return out


def _existing_keys(client: DynamoDBClient, table: str) -> set[tuple[str, str]]:
    keys: set[tuple[str, str]] = set()
    kwargs: dict[str, Any] = {"TableName": table, "ProjectionExpression": "pk, sk"}
    while True:
        page = client.scan(**kwargs)
        for item in page.get("Items", []):
            keys.add((item["pk"]["S"], item["sk"]["S"]))
        if "LastEvaluatedKey" not in page:
            return keys
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _write(client: DynamoDBClient, table: str, requests: list[dict[str, Any]]) -> None:
    for start in range(0, len(requests), _BATCH):
        pending: dict[str, Any] = {table: requests[start : start + _BATCH]}
        while pending:
            out = client.batch_write_item(RequestItems=pending)
            pending = out.get("UnprocessedItems") or {}


def seed(client: DynamoDBClient, table: str, source: Source) -> dict[str, Any]:
    """Write every item, delete items no longer in the source, then publish the version.

    The version item is written last, so a warm Lambda that sees the new version also sees
    the new items. It lists the partitions that hold items, so readers query only those.
    """
    version = source_version(source)
    wanted = _items(source)
    existing = _existing_keys(client, table) - {(META_PARTITION, META_VERSION_SORT)}
    puts = [
        {"PutRequest": {"Item": {"pk": {"S": pk}, "sk": {"S": sk}, BLOB: {"B": encode(body)}}}}
        for (pk, sk), body in sorted(wanted.items())
    ]
    deletes = [
        {"DeleteRequest": {"Key": {"pk": {"S": pk}, "sk": {"S": sk}}}}
        for pk, sk in sorted(existing - set(wanted))
    ]
    _write(client, table, puts + deletes)
    client.put_item(
        TableName=table,
        Item={
            "pk": {"S": META_PARTITION},
            "sk": {"S": META_VERSION_SORT},
            "content_version": {"S": version},
            META_PARTITIONS: {"L": [{"S": p} for p in sorted({pk for pk, _ in wanted})]},
        },
    )
    return {"version": version, "items": len(puts), "deleted": len(deletes)}
