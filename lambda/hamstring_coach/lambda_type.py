"""The Lambda entry point's shape, named once (no imports beyond typing: tools and the
benchmark name it without loading the skill)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]
