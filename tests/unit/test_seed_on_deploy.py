"""Deploy-time seeding: seeds on Create/Update, leaves data on Delete, always answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import boto3
import pytest
from moto import mock_aws

from hamstring_coach.adapters.content_seed import source_version
from hamstring_coach.adapters.dynamo import META_PARTITION, META_VERSION_SORT
from hamstring_coach.adapters.tables import create_tables
from hamstring_coach.seed_on_deploy import handle, put_response

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

TABLE = "content"
SOURCE = {
    "en": {"line": {"hello": {"variants": ["Hello there."]}}},
    "en-GB": {"line": {"hello": {"variants": ["Hiya."]}}},
}


@pytest.fixture
def ddb() -> Iterator[DynamoDBClient]:
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        create_tables(client, TABLE, "progress")
        yield client


class Sent:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, url: str, body: bytes) -> None:
        self.calls.append((url, json.loads(body)))


def _event(request_type: str, version: str, **extra: Any) -> dict[str, Any]:
    return {
        "RequestType": request_type,
        "ResponseURL": "https://cloudformation-response.example/abc",
        "StackId": "arn:aws:cloudformation:us-east-1:123:stack/HamstringCoach/x",
        "RequestId": "req-1",
        "LogicalResourceId": "ContentSeed",
        "ResourceType": "Custom::ContentSeed",
        "ResourceProperties": {
            "ServiceToken": "arn",
            "TableName": TABLE,
            "ContentVersion": version,
        },
        **extra,
    }


def _version_item(ddb: DynamoDBClient) -> str | None:
    item = ddb.get_item(
        TableName=TABLE, Key={"pk": {"S": META_PARTITION}, "sk": {"S": META_VERSION_SORT}}
    ).get("Item")
    return item["content_version"]["S"] if item else None


def test_create_seeds_and_answers_success(ddb: DynamoDBClient) -> None:
    sent = Sent()
    version = source_version(SOURCE)
    answer = handle(_event("Create", version), client=ddb, send=sent, load_content=lambda: SOURCE)
    assert sent.calls == [("https://cloudformation-response.example/abc", answer)]
    assert answer["Status"] == "SUCCESS"
    assert answer["PhysicalResourceId"] == f"content-seed:{TABLE}"
    assert (answer["StackId"], answer["RequestId"], answer["LogicalResourceId"]) == (
        "arn:aws:cloudformation:us-east-1:123:stack/HamstringCoach/x",
        "req-1",
        "ContentSeed",
    )
    assert answer["Data"] == {"Version": version, "Items": 2, "Deleted": 0}
    assert _version_item(ddb) == version


def test_update_replaces_content_and_drops_removed_items(ddb: DynamoDBClient) -> None:
    handle(
        _event("Create", source_version(SOURCE)),
        client=ddb,
        send=Sent(),
        load_content=lambda: SOURCE,
    )
    smaller = {"en": SOURCE["en"]}
    answer = handle(
        _event("Update", source_version(smaller), PhysicalResourceId=f"content-seed:{TABLE}"),
        client=ddb,
        send=Sent(),
        load_content=lambda: smaller,
    )
    assert answer["Status"] == "SUCCESS"
    assert answer["Data"]["Deleted"] == 1
    assert _version_item(ddb) == source_version(smaller)


def test_delete_leaves_the_retained_table_alone(ddb: DynamoDBClient) -> None:
    handle(
        _event("Create", source_version(SOURCE)),
        client=ddb,
        send=Sent(),
        load_content=lambda: SOURCE,
    )
    sent = Sent()
    answer = handle(
        _event("Delete", source_version(SOURCE), PhysicalResourceId="content-seed:content"),
        client=ddb,
        send=sent,
        load_content=lambda: pytest.fail("Delete must not load content"),
    )
    assert answer["Status"] == "SUCCESS"
    assert answer["PhysicalResourceId"] == "content-seed:content"
    assert _version_item(ddb) == source_version(SOURCE)
    assert len(sent.calls) == 1


def test_a_bundle_that_is_not_the_asked_version_fails_without_writing(ddb: DynamoDBClient) -> None:
    sent = Sent()
    answer = handle(
        _event("Create", "0000000000000000"),
        client=ddb,
        send=sent,
        load_content=lambda: SOURCE,
        log_stream="2026/11/25/[$LATEST]abc",
    )
    assert answer["Status"] == "FAILED"
    assert "ContentMismatchError" in answer["Reason"]
    assert "[$LATEST]abc" in answer["Reason"]
    assert sent.calls and _version_item(ddb) is None


def test_a_store_failure_is_reported_not_left_hanging(ddb: DynamoDBClient) -> None:
    sent = Sent()
    event = _event("Create", source_version(SOURCE))
    event["ResourceProperties"]["TableName"] = "missing-table"
    answer = handle(event, client=ddb, send=sent, load_content=lambda: SOURCE)
    assert answer["Status"] == "FAILED"
    assert answer["Reason"].startswith("ResourceNotFoundException: ")
    assert len(sent.calls) == 1


def test_response_goes_only_to_https() -> None:
    with pytest.raises(ValueError, match="https"):
        put_response("http://example.org/x", b"{}")
