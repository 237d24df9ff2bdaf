"""The APL document and the counter commands that follow the speech."""

from __future__ import annotations

import json

from hamstring_coach.voice.screens import COUNTER_ID, DOCUMENT, Screen, counter_commands, document
from hamstring_coach.voice.timing import Mark


def _ids(node: object) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        if "id" in node:
            found.add(str(node["id"]))
        for value in node.values():
            found |= _ids(value)
    elif isinstance(node, list):
        for value in node:
            found |= _ids(value)
    return found


def test_the_document_is_apl_with_the_counter_and_every_field_bound() -> None:
    doc = document()
    assert doc["type"] == "APL" and doc["mainTemplate"]["parameters"] == ["payload"]
    assert COUNTER_ID in _ids(doc)
    text = DOCUMENT.read_text("utf-8")
    for name in Screen("t").datasources()["screen"]:
        assert f"${{payload.screen.{name}}}" in text


def test_counter_commands_wait_then_set_each_value() -> None:
    marks = [Mark(0.0, "45"), Mark(5.0, "40"), Mark(5.0, "x"), Mark(12.5, "Rest")]
    (seq,) = counter_commands(marks)
    steps = seq["commands"]
    assert [s["type"] for s in steps] == [
        "SetValue",
        "Idle",
        "SetValue",
        "SetValue",
        "Idle",
        "SetValue",
    ]
    assert [s["delay"] for s in steps if s["type"] == "Idle"] == [5000, 7500]
    assert [s["value"] for s in steps if s["type"] == "SetValue"] == ["45", "40", "x", "Rest"]
    assert counter_commands([]) == []
    json.dumps(seq)
