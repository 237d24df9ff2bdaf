"""Deploy-time content seeding: the Lambda behind the stack's Custom::ContentSeed resource.

CloudFormation calls it on the first deploy and whenever the resource's ContentVersion (the
content hash) changes. Create and Update seed the table with the content.json that the CDK
app put into this function's bundle (the same `seed` the seed command uses); Delete does
nothing, because the content table outlives the stack. It always answers CloudFormation: a
custom resource that never answers keeps the stack waiting for an hour.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3

from hamstring_coach.adapters.content_seed import Source, seed, source_version

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

log = logging.getLogger(__name__)

# Written at the bundle's root by the CDK app (infrastructure/stack.py).
CONTENT_FILE = Path(__file__).resolve().parent.parent / "content.json"

Sender = Callable[[str, bytes], None]


class ContentMismatchError(Exception):
    """The bundled content is not the version CloudFormation asked for."""


def load_bundled_content(path: Path = CONTENT_FILE) -> Source:
    data: Source = json.loads(path.read_text("utf-8"))
    return data


def put_response(url: str, body: bytes) -> None:
    """PUT the answer to CloudFormation's pre-signed S3 URL."""
    if not url.startswith("https://"):
        raise ValueError("ResponseURL must be https")
    request = urllib.request.Request(
        url,
        data=body,
        method="PUT",
        headers={"Content-Type": "", "Content-Length": str(len(body))},
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        reply.read()


def handle(
    event: Mapping[str, Any],
    *,
    client: DynamoDBClient,
    send: Sender,
    load_content: Callable[[], Source] = load_bundled_content,
    log_stream: str = "",
) -> dict[str, Any]:
    """Do what the event asks and answer CloudFormation; returns the answer sent."""
    props = event.get("ResourceProperties", {})
    table = str(props.get("TableName", ""))
    physical_id = event.get("PhysicalResourceId") or f"content-seed:{table}"
    answer: dict[str, Any] = {
        "Status": "SUCCESS",
        "PhysicalResourceId": physical_id,
        "StackId": event.get("StackId"),
        "RequestId": event.get("RequestId"),
        "LogicalResourceId": event.get("LogicalResourceId"),
        "Data": {},
    }
    try:
        if event.get("RequestType") in ("Create", "Update"):
            answer["PhysicalResourceId"] = f"content-seed:{table}"
            source = load_content()
            wanted = str(props.get("ContentVersion", ""))
            bundled = source_version(source)
            if wanted != bundled:
                raise ContentMismatchError(f"asked for {wanted}, bundle holds {bundled}")
            result = seed(client, table, source)
            log.info("content seeded", extra={"version": result["version"]})
            answer["Data"] = {
                "Version": result["version"],
                "Items": result["items"],
                "Deleted": result["deleted"],
            }
    except Exception as err:
        log.exception("content seeding failed")
        answer["Status"] = "FAILED"
        answer["Reason"] = f"{type(err).__name__}: {str(err)[:300]} (log stream {log_stream})"
    send(str(event.get("ResponseURL", "")), json.dumps(answer).encode("utf-8"))
    return answer


def handler(event: dict[str, Any], context: Any) -> None:
    handle(
        event,
        client=boto3.client("dynamodb"),
        send=put_response,
        log_stream=getattr(context, "log_stream_name", ""),
    )
