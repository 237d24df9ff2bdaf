"""Load a parsed content source into the content table. Idempotent.

Shared by the seed command (local and operators) and the deploy-time seeding function,
which receives the same source already converted to JSON.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hamstring_coach.adapters.dynamo import META_PARTITION, META_PARTITIONS, META_VERSION_SORT

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# partition ("en", "en-GB") -> kind -> id -> body
Source = Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]

_BATCH = 25  # DynamoDB's BatchWriteItem limit
# What the seed writes besides the items; raised whenever that changes, so the next deploy
# seeds again even if the content did not change (2: the version item lists partitions).
SEED_FORMAT = 2


def source_version(source: Source) -> str:
    canonical = json.dumps(source, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _items(source: Source) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for partition, kinds in source.items():
        for kind, items in kinds.items():
            for item_id, body in items.items():
                out[(partition, f"{kind}#{item_id}")] = json.dumps(
                    body, sort_keys=True, separators=(",", ":"), ensure_ascii=False
                )
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
        {"PutRequest": {"Item": {"pk": {"S": pk}, "sk": {"S": sk}, "body": {"S": body}}}}
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
