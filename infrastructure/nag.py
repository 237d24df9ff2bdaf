"""Acknowledging a cdk-nag finding always takes a written reason; this keeps them uniform."""

from __future__ import annotations

from aws_cdk import Acknowledgment, Validations
from constructs import IConstruct

PACK = "AwsSolutions"


def acknowledge(scope: IConstruct, rule: str, reason: str) -> None:
    """Accept one AwsSolutions finding (e.g. `SMG4`) on scope and its children, with why."""
    if len(reason.split()) < 8:
        raise ValueError("an acknowledgement needs a real reason")
    # The id form cdk-nag 3 prints: "<pack>::<pack>-<rule>".
    rule_id = f"{PACK}::{PACK}-{rule}"
    Validations.of(scope).acknowledge(Acknowledgment(id=rule_id, reason=reason))
