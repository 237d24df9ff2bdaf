"""The baseline: a minimal ask-sdk-core skill, written the way the SDK's samples write one.

It answers a LaunchRequest after one DynamoDB read through the SDK's official persistence
adapter (`ask-sdk-dynamodb-persistence-adapter`), and nothing else. It exists only so the
benchmark can put our skill's cost beside the smallest skill that does the same job; it is
packaged and measured exactly like ours. The adapter is used as documented, with its
default boto3 resource (the endpoint comes from AWS_ENDPOINT_URL_DYNAMODB when local).
"""

from __future__ import annotations

import os
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_request_type
from ask_sdk_dynamodb.adapter import DynamoDbAdapter
from ask_sdk_model import Response

TABLE = os.environ.get("BASELINE_TABLE", "baseline-attributes")


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        attributes = handler_input.attributes_manager.persistent_attributes
        speech = "Welcome back." if attributes else "Welcome."
        return handler_input.response_builder.speak(speech).ask("What next?").response


def build(adapter: AbstractPersistenceAdapter) -> CustomSkillBuilder:
    builder = CustomSkillBuilder(persistence_adapter=adapter)
    builder.add_request_handler(LaunchRequestHandler())
    return builder


adapter = DynamoDbAdapter(table_name=TABLE, create_table=False)
lambda_handler: Any = build(adapter).lambda_handler()
