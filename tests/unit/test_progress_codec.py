"""The stored record's codec: exact round trips, older records read, bad bytes refused."""

from __future__ import annotations

import json
import zlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstring_coach.adapters.progress_codec import (
    RecordFormatError,
    decode,
    decode_legacy,
    encode,
)
from hamstring_coach.domain import progress as pm
from hamstring_coach.domain import workout  # noqa: F401  (registers the workout reducers)
from hamstring_coach.domain.health_data import PROGRAM_SESSION_KEYS, HealthData, program_state
from hamstring_coach.domain.progress import UserProgress

FULL = HealthData.FULL  # round trips are exact when nothing is withheld

DAYS = [f"2026-11-{d:02d}" for d in range(1, 8)]
IDS = ["isometric_bridge_hold", "heel_dig", "single_leg_rdl", "nordic_curl"]

pain = st.integers(0, 10)
day = st.sampled_from(DAYS)
verdict = st.sampled_from(["good", "hold", "reduce"])
plan = st.lists(
    st.tuples(st.sampled_from(IDS), st.integers(0, 4), st.integers(1, 5)).map(list),
    min_size=1,
    max_size=3,
)

# Every event the program records, with values in their real ranges.
event = st.one_of(
    st.builds(lambda d: {"type": "visit", "date": d}, day),
    st.builds(
        lambda d, s, p: {"type": "workout_started", "date": d, "stage": s, "plan": p},
        day,
        st.integers(1, 4),
        plan,
    ),
    st.builds(lambda d: {"type": "set_done", "date": d}, day),
    st.builds(lambda d: {"type": "exercise_skipped", "date": d}, day),
    st.builds(lambda d: {"type": "workout_finished", "date": d}, day),
    st.builds(lambda d: {"type": "workout_cancelled", "date": d}, day),
    st.builds(
        lambda d, e, lv: {"type": "level_changed", "date": d, "id": e, "level": lv},
        day,
        st.sampled_from(IDS),
        st.integers(0, 4),
    ),
    st.builds(lambda d, p: {"type": "pain_reported", "date": d, "pain": p}, day, pain),
    st.builds(
        lambda d, p: {"type": "pain_reported", "date": d, "pain": p, "v": "reduce"}, day, pain
    ),
    st.builds(lambda d: {"type": "pain_skipped", "date": d}, day),
    st.builds(
        lambda d, f, p, v: {"type": "morning_reported", "date": d, "for": f, "pain": p, "v": v},
        day,
        day,
        pain,
        verdict,
    ),
    st.builds(lambda d, f: {"type": "morning_skipped", "date": d, "for": f}, day, day),
    st.builds(
        lambda d, s: {"type": "stage_changed", "date": d, "stage": s}, day, st.integers(1, 4)
    ),
)


@given(st.lists(event, max_size=40))
def test_any_progress_the_reducers_make_round_trips_exactly(events: list[pm.Event]) -> None:
    progress = pm.apply_all(UserProgress(), events)
    assert decode(encode(progress, FULL)) == progress


# Hand-made or future entries: missing fields, "declined" (None) beside "never asked"
# (absent), the sentinel string itself, dates that are not ISO, unknown keys. They come back
# exactly, except what reading any record normalises (`ex` as {id: level}, the old shape).
json_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 20),
    st.text(max_size=8),
    st.sampled_from(["", "2026-11-05", "2026-02-30", "2026-W01-1", "20261105"]),
    st.lists(st.text(max_size=6), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(0, 3), max_size=2),
)
entry = st.dictionaries(
    st.sampled_from(["date", "ex", "of", "done", "fin", "pain", "am", "v", "extra", "x"]),
    json_value,
)


@given(st.lists(st.one_of(entry, st.builds(lambda d: {"date": d}, st.dates().map(str)))))
def test_any_session_entries_come_back_as_the_plain_json_record_did(
    sessions: list[dict[str, Any]],
) -> None:
    progress = UserProgress(sessions=sessions)
    as_json = UserProgress.from_dict(json.loads(json.dumps(progress.to_dict())))
    assert decode(encode(progress, FULL)) == as_json


def test_declined_and_never_asked_stay_apart() -> None:
    sessions: list[dict[str, Any]] = [
        {"date": "2026-11-01", "ex": ["heel_dig"], "of": 4, "done": 4, "fin": True, "pain": None},
        {"date": "2026-11-02", "ex": ["heel_dig"], "of": 4, "done": 4, "fin": True},
        {"date": "2026-10-30", "am": None, "v": "hold"},  # out of order: a negative step
        {},
    ]
    assert decode(encode(UserProgress(sessions=sessions), FULL)).sessions == sessions


def test_ninety_days_of_workouts_shrink_to_a_fraction() -> None:
    sessions = [
        {
            "date": f"2026-{m:02d}-{d:02d}",
            "ex": ["romanian_deadlift", "single_leg_rdl", "nordic_curl"][: 1 + (d % 3)],
            "of": 8,
            "done": 8,
            "fin": True,
            "pain": d % 5,
            "am": (d * 7) % 4,
            "v": ["good", "hold", "reduce"][d % 3],
        }
        for m in (8, 9, 10)
        for d in range(1, 31)
    ]
    progress = UserProgress(visits=90, sessions=sessions, levels={i: 2 for i in IDS})
    plain = json.dumps(progress.to_dict(), separators=(",", ":")).encode()
    assert len(encode(progress, FULL)) * 10 < len(plain)


def test_a_record_stored_before_compression_is_read() -> None:
    old = {
        "first_visit": "2026-11-01",
        "last_visit": "2026-11-03",
        "visits": 3,
        "stage": 2,
        "levels": {"heel_dig": 2},
        "streaks": {"heel_dig": 1},
        "sessions": [
            {"date": "2026-11-02", "ex": {"heel_dig": 2, "bridge": 0}, "of": 6, "done": 6},
        ],
        "sessions_done": 1,
        "workout": None,
        "triage": {"level": "urgent", "date": "2026-11-01"},
        "from_a_newer_version": True,
    }
    progress = decode_legacy(json.dumps(old))
    assert progress == UserProgress(
        last_visit="2026-11-03",
        visits=3,
        stage=2,
        levels={"heel_dig": 2},
        streaks={"heel_dig": 1},
        sessions=[{"date": "2026-11-02", "ex": ["heel_dig", "bridge"], "of": 6, "done": 6}],
        sessions_done=1,
        paused=True,  # an old urgent result becomes a pause
    )
    assert decode(encode(progress, FULL)) == progress


@pytest.mark.parametrize(
    "blob",
    [
        b"not compressed",
        zlib.compress(b"not json"),
        zlib.compress(b"[1, 2]"),
        zlib.compress(json.dumps({"fmt": 99, "visits": 1}).encode()),
    ],
)
def test_bytes_it_cannot_read_are_refused(blob: bytes) -> None:
    with pytest.raises(RecordFormatError):
        decode(blob)


triage_event = st.builds(
    lambda d, lv: {"type": "triage_result", "level": lv, "date": d},
    day,
    st.sampled_from(["emergency", "urgent", "soon", "self_care"]),
)


@given(st.lists(st.one_of(event, triage_event), max_size=40))
def test_the_minimal_profile_encodes_no_score_and_no_outcome(events: list[pm.Event]) -> None:
    from hamstring_coach.domain import triage  # noqa: F401, PLC0415  (registers its reducer)

    progress = pm.apply_all(UserProgress(), events)
    blob = encode(progress)  # the default profile: minimal
    stored = decode(blob)
    assert stored == program_state(progress, HealthData.MINIMAL)
    for entry in stored.sessions:
        assert entry.get("pain") is None and entry.get("am") is None
        assert set(entry) <= PROGRAM_SESSION_KEYS | {"pain", "am"}
    # Only the pause an urgent or emergency result calls for: never the level or the date.
    urgent = any(e.get("level") in ("emergency", "urgent") for e in events)
    assert stored.paused is urgent
    # What made the program decide is kept: the decisions, the counters, the levels.
    assert [s.get("v") for s in stored.sessions] == [s.get("v") for s in progress.sessions]
    assert (stored.levels, stored.streaks, stored.stage) == (
        progress.levels,
        progress.streaks,
        progress.stage,
    )
    text = zlib.decompress(blob).decode()
    for outcome in ("emergency", "urgent", "soon", "self_care"):
        assert outcome not in text
