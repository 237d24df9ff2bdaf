"""Table definitions for local stores and tests; the CDK stack declares the same keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hamstring_coach.adapters.dynamo import ACCOUNT_ATTRIBUTE, ACCOUNT_INDEX

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


def create_tables(client: DynamoDBClient, content_table: str, progress_table: str) -> None:
    """Create both tables if they do not exist yet (idempotent)."""
    existing = set(client.list_tables().get("TableNames", []))
    if content_table not in existing:
        client.create_table(
            TableName=content_table,
            KeySchema=[
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
    if progress_table not in existing:
        # The sparse account index links voice-profile items to their account (keys only),
        # so disabling the skill can delete a whole household's records.
        client.create_table(
            TableName=progress_table,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": ACCOUNT_ATTRIBUTE, "AttributeType": "S"},
            ],
            GlobalSecondaryIndexes=[
                {
                    "IndexName": ACCOUNT_INDEX,
                    "KeySchema": [{"AttributeName": ACCOUNT_ATTRIBUTE, "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "KEYS_ONLY"},
                }
            ],
            BillingMode="PAY_PER_REQUEST",
        )
