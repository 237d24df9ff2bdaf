"""Reading stored progress items in tests: the data attribute is compressed (Binary)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Unpack

from hamstring_coach.adapters.dynamo import progress_of
from hamstring_coach.domain.identity import user_key
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.settings import Settings
from local import envelopes

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


def stored_record(
    ddb: DynamoDBClient,
    settings: Settings,
    user: str = envelopes.DEFAULT_USER,
    person: str | None = None,
) -> UserProgress | None:
    """A user's stored progress, decoded, or None when nothing is stored."""
    key = user_key(settings.user_key_secret, user, person)
    item = ddb.get_item(TableName=settings.progress_table, Key={"pk": {"S": key}}).get("Item")
    return progress_of(item) if item else None


def stored_entry(
    ddb: DynamoDBClient, settings: Settings, user: str = envelopes.DEFAULT_USER
) -> SessionEntry:
    """A user's latest stored session entry (typed, so a test names its fields right)."""
    record = stored_record(ddb, settings, user)
    assert record is not None and record.sessions, "no session stored"
    return record.sessions[-1]


def workout_day(
    day: date | str,
    exercises: Iterable[str] = (),
    /,
    *,
    sets: int = 6,
    **fields: Unpack[SessionEntry],
) -> SessionEntry:
    """A workout day's session entry: finished, every one of `sets` sets done, unless
    `fields` say otherwise (mypy checks their names against `SessionEntry`)."""
    entry: SessionEntry = {
        "date": day if isinstance(day, str) else day.isoformat(),
        "exercises": list(exercises),
        "sets_planned": sets,
        "sets_done": sets,
        "finished": True,
    }
    entry.update(fields)
    return entry


def stored_progress(
    ddb: DynamoDBClient, settings: Settings, user: str = envelopes.DEFAULT_USER
) -> dict[str, Any] | None:
    """A user's stored progress as a dict, or None when nothing is stored."""
    record = stored_record(ddb, settings, user)
    return record.to_dict() if record else None


def all_stored(ddb: DynamoDBClient, settings: Settings) -> list[dict[str, Any]]:
    """Every stored progress record, decoded, as dicts (whoever they belong to)."""
    items = ddb.scan(TableName=settings.progress_table)["Items"]
    return [progress_of(item).to_dict() for item in items]


def overwrite_progress(ddb: DynamoDBClient, settings: Settings, user: str, **changes: Any) -> None:
    """Change fields of a user's stored progress behind the skill's back, written in the
    older JSON form (still read), as a test's set-up for a state hard to reach by talking."""
    key = user_key(settings.user_key_secret, user)
    item = ddb.get_item(TableName=settings.progress_table, Key={"pk": {"S": key}})["Item"]
    data = {**progress_of(item).to_dict(), **changes}
    item["data"] = {"S": json.dumps(data)}
    ddb.put_item(TableName=settings.progress_table, Item=item)


def readable(items: Iterable[Mapping[str, Any]]) -> str:
    """Items as JSON text with their progress decoded, so a test can look for what must
    never be stored (an Alexa id, a symptom answer) in what is really there."""
    shown = [{**item, "data": progress_of(item).to_dict()} for item in items]
    return json.dumps(shown)


def legacy_progress(today: date) -> dict[str, Any]:
    """A record as the skill stored it before compression: a `first_visit` date, each
    workout day's exercises with the level done, and entries keyed by their short names
    (as every record was before entries had readable ones). Yesterday's workout awaits its
    morning check, so reading the record right shows at once (the skill asks how the leg
    feels)."""

    def day(n: int) -> str:
        return (today - timedelta(days=n)).isoformat()

    ex = {"isometric_bridge_hold": 1, "heel_dig": 0}
    return {
        "first_visit": day(5),
        "last_visit": day(1),
        "visits": 4,
        "stage": 1,
        "levels": {"isometric_bridge_hold": 1, "heel_dig": 0},
        "streaks": {},
        "sessions": [
            {
                "date": day(5),
                "ex": ex,
                "of": 9,
                "done": 9,
                "fin": True,
                "pain": 3,
                "am": 2,
                "v": "hold",
            },
            {
                "date": day(3),
                "ex": ex,
                "of": 9,
                "done": 9,
                "fin": True,
                "pain": 2,
                "am": 1,
                "v": "good",
            },
            {"date": day(1), "ex": ex, "of": 9, "done": 9, "fin": True, "pain": 2},
        ],
        "sessions_done": 3,
        "workout": None,
        "triage": {"level": "self_care", "date": day(5)},
    }


def legacy_item(
    key: str, data: Mapping[str, Any], version: int, writes: Sequence[str], account: str
) -> dict[str, Any]:
    """The item the repository saved before compression: progress as a JSON String."""
    return {
        "pk": {"S": key},
        "data": {"S": json.dumps(data, separators=(",", ":"))},
        "version": {"N": str(version)},
        "expires_at": {"N": "2000000000"},
        "writes": {"L": [{"S": w} for w in writes]},
        "account": {"S": account},
    }


def check_legacy_record_carried_on(
    item: Mapping[str, Any], old: Mapping[str, Any], account: str
) -> None:
    """After a morning check on a record stored before compression: it was read whole, and
    is now stored compressed, with the bookkeeping of the trust work intact."""
    assert "B" in item["data"] and "S" not in item["data"]
    assert int(item["version"]["N"]) > 7  # counted on from the old item's version
    writes = [w["S"] for w in item["writes"]["L"]]
    assert writes[-2:] == ["old-write-1", "old-write-2"] and len(writes) > 2
    assert item["account"]["S"] == account
    now = progress_of(item).to_dict()
    assert "first_visit" not in now  # never read, so no longer kept
    assert now["visits"] == old["visits"] + 1 and now["levels"] == old["levels"]
    held = old.get("triage", {}).get("level") in ("urgent", "emergency")
    assert now["paused"] is held and now["sessions_done"] == old["sessions_done"]
    assert "triage" not in now  # the level is not kept, only the pause it calls for
    before, after = old["sessions"], now["sessions"]
    assert [s["date"] for s in after] == [s["date"] for s in before]
    for was, is_ in zip(before, after, strict=True):
        assert is_["exercises"] == list(was["ex"])  # the exercise ids, without their levels
    # Every short name read as its field, every value kept.
    assert {k: v for k, v in after[0].items() if k != "exercises"} == {
        READABLE.get(k, k): v for k, v in before[0].items() if k != "ex"
    }
    # The morning check landed (a number said; the minimal profile would not keep it).
    assert (after[-1]["morning_check"], after[-1]["verdict"]) == (1, "good")


# The readable name of each short name entries were stored under (adapters/progress_codec).
READABLE = {
    "ex": "exercises",
    "of": "sets_planned",
    "done": "sets_done",
    "fin": "finished",
    "pain": "pain_during",
    "am": "morning_check",
    "v": "verdict",
    "dv": "during_verdict",
}
