"""An in-memory stand-in for the DynamoDB client, to measure the skill's own code alone.

It answers the handful of calls the repositories make (get_item, put_item, query,
delete_item, and batch_write_item/scan for seeding) with the same shapes as boto3, so
`create_app(settings, client=FakeDynamoClient(...))` runs exactly the production code
path minus botocore and the network. Every call is reported to a CallRecorder, so the
counts and units match what the botocore hooks see on the real client.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from bench.metrics import CallRecorder


def _condition_failed_error() -> ClientError:
    # The repository tells a lost race from an outage by this code, as with boto3.
    return ClientError(
        {"Error": {"Code": "ConditionalCheckFailedException", "Message": "condition"}},
        "PutItem",
    )


class FakeDynamoClient:
    def __init__(self, key_schema: Mapping[str, tuple[str, ...]], recorder: CallRecorder) -> None:
        self._schema = key_schema
        self._tables: dict[str, dict[tuple[str, ...], dict[str, Any]]] = {
            name: {} for name in key_schema
        }
        self.recorder = recorder

    def _key(self, table: str, item: Mapping[str, Any]) -> tuple[str, ...]:
        return tuple(str(item[name]) for name in self._schema[table])

    # --- reads -------------------------------------------------------------------------

    def get_item(self, **params: Any) -> dict[str, Any]:
        table = params["TableName"]
        item = self._tables[table].get(self._key(table, params["Key"]))
        out: dict[str, Any] = {}
        if item is not None:
            names = params.get("ProjectionExpression")
            if names:
                wanted = {n.strip() for n in str(names).split(",")}
                item = {k: v for k, v in item.items() if k in wanted}
            out["Item"] = copy.deepcopy(item)
        self.recorder.record("GetItem", params, out)
        return out

    def query(self, **params: Any) -> dict[str, Any]:
        # Only the form the content repository uses: "pk = :p".
        table = params["TableName"]
        partition = params["ExpressionAttributeValues"][":p"]
        items = [
            copy.deepcopy(item)
            for key, item in sorted(self._tables[table].items())
            if item.get("pk") == partition
        ]
        out = {"Items": items, "Count": len(items)}
        self.recorder.record("Query", params, out)
        return out

    def scan(self, **params: Any) -> dict[str, Any]:
        items = [copy.deepcopy(i) for i in self._tables[params["TableName"]].values()]
        return {"Items": items, "Count": len(items)}

    # --- writes ------------------------------------------------------------------------

    def put_item(self, **params: Any) -> dict[str, Any]:
        table = params["TableName"]
        item = params["Item"]
        key = self._key(table, item)
        existing = self._tables[table].get(key)
        condition = params.get("ConditionExpression")
        failed = False
        if condition == "attribute_not_exists(pk)":
            failed = existing is not None
        elif condition == "version = :expected":
            expected = params["ExpressionAttributeValues"][":expected"]
            failed = existing is None or existing.get("version") != expected
        elif condition is not None:
            raise NotImplementedError(condition)
        if failed:
            self.recorder.record("PutItem", params, {"Error": {"Code": "Conditional"}})
            raise _condition_failed_error()
        self._tables[table][key] = copy.deepcopy(dict(item))
        self.recorder.record("PutItem", params, {})
        return {}

    def delete_item(self, **params: Any) -> dict[str, Any]:
        table = params["TableName"]
        self.recorder.record("DeleteItem", params, {})
        self._tables[table].pop(self._key(table, params["Key"]), None)
        return {}

    def batch_write_item(self, **params: Any) -> dict[str, Any]:
        # Used by seeding only, which is not part of a turn: not recorded.
        for table, requests in params["RequestItems"].items():
            for request in requests:
                if "PutRequest" in request:
                    item = request["PutRequest"]["Item"]
                    self._tables[table][self._key(table, item)] = copy.deepcopy(item)
                else:
                    key = request["DeleteRequest"]["Key"]
                    self._tables[table].pop(self._key(table, key), None)
        return {"UnprocessedItems": {}}
