"""Caps on what a request may carry into the skill, applied before any other work.

Alexa itself sends short slot values, but a self-hosted endpoint or a hand-made request may
not: a 400 KB "question" took 12 s to match against the FAQ, and a 5,000-digit pain score
overflowed int(). Every slot value is cut to a length no spoken answer reaches, so the rest
of the code can take its input as bounded.
"""

from __future__ import annotations

from typing import Any

# A spoken question is a sentence or two; Alexa's own utterances stay well under this.
MAX_SLOT_CHARS = 200
# Slots read as numbers (AMAZON.NUMBER): no real answer has more digits or words.
MAX_NUMBER_CHARS = 64
NUMBER_SLOTS = frozenset({"pain"})


def _cap(slot_name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    limit = MAX_NUMBER_CHARS if slot_name in NUMBER_SLOTS else MAX_SLOT_CHARS
    return value[:limit]


def cap_slots(event: dict[str, Any]) -> dict[str, Any]:
    """The event with every slot value (and resolved value name) cut to its cap. Returns a
    copy where anything changed; the caller's dict is left alone."""
    request = event.get("request")
    if not isinstance(request, dict):
        return event
    intent = request.get("intent")
    slots = intent.get("slots") if isinstance(intent, dict) else None
    if not isinstance(intent, dict) or not isinstance(slots, dict):
        return event
    capped: dict[str, Any] = {}
    for key, slot in slots.items():
        if not isinstance(slot, dict):
            capped[key] = slot
            continue
        name = str(slot.get("name", key))
        new = {**slot, "value": _cap(name, slot.get("value"))} if "value" in slot else dict(slot)
        capped[key] = new
    return {**event, "request": {**request, "intent": {**intent, "slots": capped}}}
