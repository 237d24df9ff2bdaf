"""The benchmark's arithmetic: statistics, item sizes, capacity units, call counting, cost.

No timing is asserted anywhere: targets are read from `make bench`'s output.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from bench import cost
from bench.fakes import FakeDynamoClient
from bench.metrics import (
    CallRecorder,
    attach_to_botocore,
    item_size,
    median,
    percentile,
    read_units,
    summarise,
    write_units,
)
from hamstring_coach.adapters.dynamo import DynamoProgressRepository, VersionConflictError
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.progress import UserProgress

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from hamstring_coach.domain.session_entry import SessionEntry

# --- statistics ------------------------------------------------------------------------------


def test_percentile_interpolates_between_closest_ranks() -> None:
    assert percentile([4, 1, 3, 2], 50) == 2.5
    assert median([5, 1, 3]) == 3
    assert percentile(list(range(1, 101)), 99) == pytest.approx(99.01)
    assert percentile([7, 2, 9], 0) == 2
    assert percentile([7, 2, 9], 100) == 9
    assert percentile([3.5], 99) == 3.5


def test_percentile_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1], 101)


# --- item sizes and units --------------------------------------------------------------------


def test_item_size_follows_dynamodb_rules() -> None:
    assert item_size({"pk": {"S": "abc"}}) == 2 + 3
    assert item_size({"s": {"S": "é"}}) == 1 + 2  # UTF-8 bytes, not characters
    # Numbers: one byte per two significant digits plus one; zeros at the ends are trimmed.
    assert item_size({"n": {"N": "123"}}) == 1 + 3
    assert item_size({"n": {"N": "1000"}}) == 1 + 2
    assert item_size({"n": {"N": "0.0012"}}) == 1 + 2
    assert item_size({"b": {"B": b"\x00\x01\x02"}}) == 1 + 3
    assert item_size({"b": {"B": "AAEC"}}) == 1 + 3  # on the wire: base64 of the same bytes
    assert item_size({"t": {"BOOL": True}, "z": {"NULL": True}}) == 2 + 2
    # Maps and lists: 3 bytes of overhead plus their contents (map keys count).
    assert item_size({"m": {"M": {"a": {"S": "xy"}}}}) == 1 + 3 + 1 + 2
    assert item_size({"l": {"L": [{"S": "x"}, {"N": "1"}]}}) == 1 + 3 + 1 + 2
    assert item_size({"ss": {"SS": ["a", "bc"]}}) == 2 + 3


def test_read_and_write_units_round_up_per_block() -> None:
    assert read_units(0, consistent=True) == 1  # even a miss costs one block
    assert read_units(4096, consistent=True) == 1
    assert read_units(4097, consistent=True) == 2
    assert read_units(4097, consistent=False) == 1
    assert read_units(100, consistent=False) == 0.5
    assert write_units(0) == 1
    assert write_units(1024) == 1
    assert write_units(1025) == 2


def _body(size: int) -> dict[str, Any]:
    """An item of exactly `size` bytes: pk "u1" (2 + 2) plus a "d" string attribute."""
    return {"pk": {"S": "u1"}, "d": {"S": "x" * (size - 4 - 1)}}


def test_recorder_prices_reads_and_writes_by_the_larger_item() -> None:
    recorder = CallRecorder({"t": ("pk",)})
    key = {"pk": {"S": "u1"}}
    recorder.record("GetItem", {"TableName": "t", "Key": key, "ConsistentRead": True}, {})
    recorder.record("PutItem", {"TableName": "t", "Item": _body(3000)}, {})
    recorder.record(
        "GetItem",
        {"TableName": "t", "Key": key, "ConsistentRead": True},
        {"Item": _body(5000)},
    )
    # A smaller item replacing a larger one still pays for the larger.
    recorder.record("PutItem", {"TableName": "t", "Item": _body(1500)}, {})
    recorder.record("PutItem", {"TableName": "t", "Item": _body(900)}, {})
    calls = recorder.take()
    assert [(c.operation, c.read_units, c.write_units) for c in calls] == [
        ("GetItem", 1.0, 0.0),  # not found: one block
        ("PutItem", 0.0, 3.0),
        ("GetItem", 2.0, 0.0),  # 5000 bytes strongly consistent
        ("PutItem", 0.0, 5.0),  # max(1500, 5000) -> 5 KB
        ("PutItem", 0.0, 2.0),  # max(900, 1500)
    ]
    assert recorder.take() == []


def test_recorder_projected_read_pays_for_the_whole_known_item() -> None:
    recorder = CallRecorder({"c": ("pk", "sk")})
    key = {"pk": {"S": "meta"}, "sk": {"S": "version"}}
    big = {**key, "pad": {"S": "x" * 9000}}
    recorder.record("PutItem", {"TableName": "c", "Item": big}, {})
    recorder.record(
        "GetItem",
        {"TableName": "c", "Key": key, "ProjectionExpression": "content_version"},
        {"Item": {"content_version": {"S": "v1"}}},
    )
    _, read = recorder.take()
    assert read.read_units == read_units(item_size(big), consistent=False) == 1.5


def test_recorder_query_rounds_the_sum_once() -> None:
    recorder = CallRecorder({"c": ("pk", "sk")})
    items = [{"pk": {"S": "en"}, "sk": {"S": f"line#{n}"}, "b": {"S": "x" * 2990}} for n in (1, 2)]
    recorder.record("Query", {"TableName": "c"}, {"Items": items})
    (call,) = recorder.take()
    # Two items of about 3 KB: 6 KB in all -> 2 blocks, halved for an eventually consistent read.
    assert call.read_units == 1.0


def test_summarise_counts_reads_writes_and_content() -> None:
    calls = [
        {"operation": "GetItem", "table": "content", "read_units": 0.5, "write_units": 0.0},
        {"operation": "GetItem", "table": "progress", "read_units": 1.0, "write_units": 0.0},
        {"operation": "PutItem", "table": "progress", "read_units": 0.0, "write_units": 2.0},
    ]
    s = summarise(calls, "content")
    assert (s.requests, s.reads, s.writes, s.content_requests) == (3, 2, 1, 1)
    assert (s.read_units, s.write_units) == (1.5, 2.0)
    assert summarise([], "content").requests == 0


# --- counting from botocore events, and the fake behind the same interface -------------------


@pytest.fixture
def moto_client() -> Iterator[DynamoDBClient]:
    with mock_aws():
        client = boto3.client(
            "dynamodb",
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        client.create_table(
            TableName="p",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        yield client


def _progress_session(client: DynamoDBClient) -> None:
    """What a turn does to a person's record, plus a lost race."""
    repo = DynamoProgressRepository(client, "p", health_data=HealthData.FULL)
    assert repo.load("k") is None
    version = repo.save("k", UserProgress(visits=1), None, 0)
    stored = repo.load("k")
    assert stored is not None and stored.progress.visits == 1
    # Random text: the record is stored compressed, so only data that does not compress
    # takes it past 1 KB.
    noise = random.Random(7).randbytes(1200).hex()
    entry = cast("SessionEntry", {"d": noise})  # no field of an entry: stored as it is
    repo.save("k", UserProgress(visits=2, sessions=[entry]), version, 0)
    with pytest.raises(VersionConflictError):
        repo.save("k", UserProgress(visits=3), version, 0)


def test_botocore_hooks_count_each_call_once(moto_client: DynamoDBClient) -> None:
    recorder = CallRecorder({"p": ("pk",)})
    attach_to_botocore(moto_client, recorder)
    _progress_session(moto_client)
    calls = recorder.take()
    assert [c.operation for c in calls] == ["GetItem", "PutItem", "GetItem", "PutItem", "PutItem"]
    assert all(c.table == "p" for c in calls)
    assert calls[3].write_units == 2  # the record grew past 1 KB
    assert calls[4].write_units == 2  # a failed conditional write is still billed


def test_botocore_hooks_see_resource_calls_in_wire_form(moto_client: DynamoDBClient) -> None:
    # The baseline's adapter goes through a boto3 resource that converts Python values.
    recorder = CallRecorder({"p": ("pk",)})
    resource = boto3.resource(
        "dynamodb",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    attach_to_botocore(resource.meta.client, recorder)
    table = resource.Table("p")
    table.put_item(Item={"pk": "k", "attributes": {"visits": 1}})
    table.get_item(Key={"pk": "k"}, ConsistentRead=True)
    put, get = recorder.take()
    size = item_size({"pk": {"S": "k"}, "attributes": {"M": {"visits": {"N": "1"}}}})
    assert (put.operation, put.write_units) == ("PutItem", write_units(size))
    assert (get.operation, get.read_units) == ("GetItem", 1.0)


def test_fake_client_records_what_the_real_client_records(moto_client: DynamoDBClient) -> None:
    real = CallRecorder({"p": ("pk",)})
    attach_to_botocore(moto_client, real)
    _progress_session(moto_client)
    faked = CallRecorder({"p": ("pk",)})
    # The fake answers the calls the repository makes, in the client's wire form.
    _progress_session(cast("DynamoDBClient", FakeDynamoClient({"p": ("pk",)}, faked)))
    assert faked.take() == real.take()


def test_fake_client_reports_a_lost_race_like_boto3() -> None:
    fake = FakeDynamoClient({"p": ("pk",)}, CallRecorder({}))
    fake.put_item(TableName="p", Item={"pk": {"S": "k"}, "version": {"N": "1"}})
    with pytest.raises(ClientError) as err:
        fake.put_item(
            TableName="p",
            Item={"pk": {"S": "k"}},
            ConditionExpression="attribute_not_exists(pk)",
        )
    assert err.value.response["Error"]["Code"] == "ConditionalCheckFailedException"


# --- cost ------------------------------------------------------------------------------------


def test_billed_duration_rounds_up_to_the_millisecond() -> None:
    assert cost.billed_ms(0.2) == 1
    assert cost.billed_ms(1.0) == 1
    assert cost.billed_ms(1.01) == 2


def test_monthly_cost_arithmetic() -> None:
    c = cost.monthly(
        turns=1_000_000,
        billed_ms_per_turn=100,
        own_ms_per_turn=10,
        rcu_per_turn=1,
        wcu_per_turn=1,
        memory_mb=128,
    )
    gb_seconds = 1_000_000 * 0.1 * 0.125
    assert c["lambda_requests_usd"] == pytest.approx(0.20)
    assert c["lambda_duration_usd"] == pytest.approx(gb_seconds * 0.0000133334)
    assert c["dynamodb_usd"] == pytest.approx(0.125 + 0.625)
    assert c["total_usd"] == pytest.approx(0.20 + gb_seconds * 0.0000133334 + 0.75)
    # Our 10 ms stretch by the CPU share at 128 MB; the 90 ms spent waiting do not.
    assert c["billed_ms_per_turn_cpu_scaled"] == math.ceil(10 * 1769 / 128 + 90)
