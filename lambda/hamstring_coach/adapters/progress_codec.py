"""How a person's progress is stored: compact JSON, zlib-compressed, as DynamoDB Binary.

Why: every guided set saves progress, every save rewrites the whole item, and DynamoDB bills
one write unit per started KB. As plain JSON, 90 days of workout history made a 12 KB item
(12 units a set); most of it was the same keys, dates and exercise ids again and again.

Stored document (`FORMAT` 1), before compression:

    {"fmt": 1, <every UserProgress field but `sessions`, as `to_dict()` gives them>,
     "h": {"d0": ISO date, "ids": [exercise ids], "rows": [row, ...]}}

One row per session entry (domain/session_entry.py), its fields in a fixed order:

    [days after the previous entry's date (the first: after d0), [indices into ids],
     sets_planned, sets_done, finished, pain_during, morning_check, verdict, {anything else}]

A field the entry does not have is "" (so `pain_during: null`, declined, stays different
from no `pain_during`, never asked); trailing "" are left out. A value that does not fit its
slot (a date that is not ISO, `exercises` that is not a list of ids, the string "") and any
other field or key go into the dict at position 8, so `decode(encode(p, FULL)) == p` for
every progress. In that dict a field is stored under its short name (`STORED_NAMES`: "dv",
not "during_verdict"), the name entries had before they had readable ones, so records did
not grow when the names changed and every record stored before reads the same. Records
stored before this format (a JSON String attribute, entries keyed by those short names) are
read by `decode_legacy`.

Every record passes the deployment's health-data gate (`domain.health_data.program_state`)
here, on its way to the store: under the `minimal` profile (the default, so a caller that
forgets to say fails closed) no pain score or symptom-check outcome is ever encoded, and a
record written under `full` loses its health fields on its next save.

Pure: no AWS here; the repository in `dynamo.py` puts the bytes in the item.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from hamstring_coach.domain.health_data import HealthData, program_state
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry

FORMAT = 1
# The entry fields kept by position after the date and the exercise ids.
SLOTS = ("sets_planned", "sets_done", "finished", "pain_during", "morning_check", "verdict")
# The name an entry field is stored under when it is not kept by position (in a row's dict
# of extras, and in records stored as JSON before compression): the short name entries had
# in memory too until they were given readable ones. A field not listed is stored under its
# own name.
STORED_NAMES = {
    "date": "date",
    "exercises": "ex",
    "sets_planned": "of",
    "sets_done": "done",
    "finished": "fin",
    "pain_during": "pain",
    "morning_check": "am",
    "verdict": "v",
    "during_verdict": "dv",
}
_FIELD_OF = {stored: name for name, stored in STORED_NAMES.items()}
_ABSENT = ""
_EXTRAS_AT = 2 + len(SLOTS)
_LEVEL = 9  # records are small: the best compression costs well under a millisecond
_BLANK = UserProgress()


class RecordFormatError(ValueError):
    """A stored record this code cannot read (e.g. written by a newer format)."""


def encode(progress: UserProgress, health_data: HealthData = HealthData.MINIMAL) -> bytes:
    progress = program_state(progress, health_data)
    # A shallow view, not to_dict()'s deep copy: it is serialised at once and never changed.
    # A field at its default is left out (decoding restores it): most people never use most
    # features, and every field name costs bytes in every write.
    plain = {
        f.name: value
        for f in fields(progress)
        if f.name != "sessions" and (value := getattr(progress, f.name)) != getattr(_BLANK, f.name)
    }
    doc = {"fmt": FORMAT, **plain, "h": _history(progress.sessions)}
    return zlib.compress(json.dumps(doc, separators=(",", ":")).encode("utf-8"), _LEVEL)


def decode(blob: bytes) -> UserProgress:
    try:
        doc = json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError) as err:
        raise RecordFormatError(type(err).__name__) from err
    if not isinstance(doc, dict) or doc.get("fmt") != FORMAT:
        raise RecordFormatError("unknown record format")
    history = doc.pop("h", {})
    return UserProgress.from_dict({**doc, "sessions": _entries(history)})


def decode_legacy(text: str) -> UserProgress:
    """A record stored as a JSON String, before compression (the shape of `to_dict()`, its
    session entries keyed by their short names; readable names, as tests write, read too)."""
    data = json.loads(text)
    if isinstance(data, dict) and isinstance(data.get("sessions"), list):
        data["sessions"] = [_readable(s) if isinstance(s, dict) else s for s in data["sessions"]]
    return UserProgress.from_dict(data)


def _readable(stored: Mapping[str, Any]) -> dict[str, Any]:
    """An entry's stored keys as field names. A short name beside its field's own name (never
    written by this code) gives way to it: the readable one is the field."""
    entry: dict[str, Any] = {}
    for key, value in stored.items():
        name = _FIELD_OF.get(key, key)
        if name == key or name not in stored:
            entry[name] = value
    return entry


# --- history rows --------------------------------------------------------------------------


def _iso_date(value: Any) -> date | None:
    """The date of a YYYY-MM-DD string, else None (such a value is kept in the extras)."""
    if not (isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-"):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if day.isoformat() == value else None


def _is_id_list(value: Any) -> bool:
    return type(value) is list and all(type(v) is str for v in value)


_KNOWN = frozenset(("date", "exercises", *SLOTS))


def _extras(entry: Mapping[str, Any]) -> dict[str, Any]:
    """What an entry holds beyond its row's positions, under stored names. A key that is a
    short name is read as its field (see `_readable`), so beside that field it is not kept."""
    extras: dict[str, Any] = {}
    for key, value in entry.items():
        if key in _KNOWN:
            continue
        if key in STORED_NAMES:
            extras[STORED_NAMES[key]] = value
        elif key not in _FIELD_OF or _FIELD_OF[key] not in entry:
            extras[key] = value
    return extras


def _history(sessions: Sequence[SessionEntry]) -> dict[str, Any]:
    ids: dict[str, int] = {}
    rows: list[list[Any]] = []
    history: dict[str, Any] = {"ids": ids, "rows": rows}
    previous: int | None = None  # ordinal of the previous entry's date
    for entry in sessions:
        extras = {} if _KNOWN.issuperset(entry) else _extras(entry)
        day = _iso_date(entry.get("date"))
        if day is not None:
            if previous is None:
                history["d0"], previous = day.isoformat(), day.toordinal()
            row: list[Any] = [day.toordinal() - previous]
            previous = day.toordinal()
        else:
            row = [_ABSENT]
            if "date" in entry:
                extras["date"] = entry["date"]
        ex = entry.get("exercises", _ABSENT)
        if _is_id_list(ex):
            row.append([ids.setdefault(e, len(ids)) for e in ex])
        else:
            row.append(_ABSENT)
            if "exercises" in entry:
                extras[STORED_NAMES["exercises"]] = ex
        for name in SLOTS:
            value = entry.get(name, _ABSENT)
            if type(value) is str and value == _ABSENT and name in entry:
                # the string "" itself: not confused with no field
                extras[STORED_NAMES[name]] = value
            row.append(value)
        if extras:
            row.append(extras)
        else:
            while row and type(row[-1]) is str and row[-1] == _ABSENT:
                row.pop()
        rows.append(row)
    history["ids"] = list(ids)
    return history


def _entries(history: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The session entries of a stored history (typed by `UserProgress.from_dict`)."""
    ids = list(history.get("ids", []))
    d0 = history.get("d0")
    previous = date.fromisoformat(d0).toordinal() if isinstance(d0, str) else None
    entries: list[dict[str, Any]] = []
    for row in history.get("rows", []):
        entry: dict[str, Any] = {}
        delta = row[0] if row else _ABSENT
        if type(delta) is int and previous is not None:
            previous += delta
            entry["date"] = date.fromordinal(previous).isoformat()
        if len(row) > 1 and type(row[1]) is list:
            entry["exercises"] = [ids[i] for i in row[1]]
        for name, value in zip(SLOTS, row[2:_EXTRAS_AT], strict=False):
            if not (type(value) is str and value == _ABSENT):
                entry[name] = value
        if len(row) > _EXTRAS_AT and type(row[_EXTRAS_AT]) is dict:
            entry.update(_readable(row[_EXTRAS_AT]))
        entries.append(entry)
    return entries
