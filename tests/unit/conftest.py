"""Fixtures the unit tests share."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.faq_classifier import Classifier
from hamstring_coach.domain.red_flags import RedFlags


@pytest.fixture(scope="module")
def red_flag_rules(content_source: dict[str, Any]) -> RedFlags:
    """The red-flag rules alone, the learned second opinion emptied: a family of signs must
    be held by the rules without the model's help (docs/safety-net.md)."""
    flags = red_flags.load(content_source["en"]["red_flag"])
    return dataclasses.replace(flags, learned=Classifier.from_counts({}))


@pytest.fixture(scope="session")
def negators(content_source: dict[str, Any]) -> frozenset[str]:
    """The red-flag reading's negators, as handlers/said.py's `statement_of` passes them."""
    return red_flags.load(content_source["en"]["red_flag"]).reading.negators
