"""Reading stored progress items in tests: the data attribute is compressed (Binary)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from hamstring_coach.adapters.dynamo import progress_of


def readable(items: Iterable[Mapping[str, Any]]) -> str:
    """Items as JSON text with their progress decoded, so a test can look for what must
    never be stored (an Alexa id, a symptom answer) in what is really there."""
    shown = [{**item, "data": progress_of(item).to_dict()} for item in items]
    return json.dumps(shown)
