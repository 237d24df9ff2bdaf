"""The stored record's codec: exact round trips, older records read, bad bytes refused."""

from __future__ import annotations

import json
import zlib
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstring_coach.adapters.progress_codec import (
    STORED_NAMES,
    RecordFormatError,
    decode,
    decode_legacy,
    encode,
)
from hamstring_coach.domain import progress as pm
from hamstring_coach.domain import workout  # noqa: F401  (registers the workout reducers)
from hamstring_coach.domain.health_data import (
    ASKED_ONLY_SESSION_KEYS,
    PROGRAM_SESSION_KEYS,
    HealthData,
    program_state,
)
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import FIELDS as SESSION_FIELDS
from hamstring_coach.domain.session_entry import SessionEntry
from tests.stored import READABLE, workout_day

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
# (absent), the sentinel string itself, dates that are not ISO, unknown keys, and the short
# names fields are stored under (read as those fields, as in an older record; beside the
# field itself, the field wins). They come back as the plain JSON record reads them: what
# reading any record normalises (`exercises` as {id: level}, the old shape) included.
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
    st.sampled_from(
        [*sorted(SESSION_FIELDS), *STORED_NAMES.values(), "extra", "x"],
    ),
    json_value,
).map(lambda e: cast(SessionEntry, e))


@given(st.lists(st.one_of(entry, st.builds(lambda d: {"date": d}, st.dates().map(str)))))
def test_any_session_entries_come_back_as_the_plain_json_record_did(
    sessions: list[SessionEntry],
) -> None:
    progress = UserProgress(sessions=sessions)
    as_json = decode_legacy(json.dumps(progress.to_dict()))
    assert decode(encode(progress, FULL)) == as_json


def test_declined_and_never_asked_stay_apart() -> None:
    sessions: list[SessionEntry] = [
        workout_day("2026-11-01", ["heel_dig"], sets=4, pain_during=None),
        workout_day("2026-11-02", ["heel_dig"], sets=4),
        {"date": "2026-10-30", "morning_check": None, "verdict": "hold"},  # a negative step
        {},
    ]
    assert decode(encode(UserProgress(sessions=sessions), FULL)).sessions == sessions


def test_ninety_days_of_workouts_shrink_to_a_fraction() -> None:
    sessions = [
        workout_day(
            f"2026-{m:02d}-{d:02d}",
            ["romanian_deadlift", "single_leg_rdl", "nordic_curl"][: 1 + (d % 3)],
            sets=8,
            pain_during=d % 5,
            morning_check=(d * 7) % 4,
            verdict=["good", "hold", "reduce"][d % 3],
        )
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
        sessions=[
            {
                "date": "2026-11-02",
                "exercises": ["heel_dig", "bridge"],
                "sets_planned": 6,
                "sets_done": 6,
            }
        ],
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
        assert entry.get("pain_during") is None and entry.get("morning_check") is None
        assert set(entry) <= PROGRAM_SESSION_KEYS | ASKED_ONLY_SESSION_KEYS
    # Only the pause an urgent or emergency result calls for: never the level or the date.
    urgent = any(e.get("level") in ("emergency", "urgent") for e in events)
    assert stored.paused is urgent
    # What made the program decide is kept: the decisions, the counters, the levels.
    assert [s.get("verdict") for s in stored.sessions] == [
        s.get("verdict") for s in progress.sessions
    ]
    assert (stored.levels, stored.streaks, stored.stage) == (
        progress.levels,
        progress.streaks,
        progress.stage,
    )
    text = zlib.decompress(blob).decode()
    for outcome in ("emergency", "urgent", "soon", "self_care"):
        assert outcome not in text


# --- records stored before entries had readable names --------------------------------------

# What the code before the rename (main at 5fc5b94, entries keyed "ex", "of", "done", "fin",
# "pain", "am", "v", "dv" in memory too) stored for one progress, decompressed: under `full`
# and under `minimal`. Literal bytes, so a change to the stored form shows here.
STORED_BEFORE = {
    HealthData.FULL: (
        '{"fmt":1,"last_visit":"2026-11-07","visits":6,"stage":2,"levels":{"heel_dig":2,'
        '"isometric_bridge_hold":1,"single_leg_rdl":0},"streaks":{"heel_dig":1},'
        '"sessions_done":3,"workout":{"date":"2026-11-07","stage":2,"plan":[["heel_dig",2,3],'
        '["single_leg_rdl",0,3]],"i":1,"set":0},"screened":true,"heavy":[9807],"h":{"ids":'
        '["heel_dig","isometric_bridge_hold","single_leg_rdl"],"rows":[[0,[0,1],9,9,true,3,2,'
        '"hold",{"dv":"good"}],[2,[0],9,4,true,null,"reduce","reduce"],[1,[],6,0],[1,[2,0],6,'
        '6,true,5,null,"reduce",{"dv":"reduce"}],[1,[0],8,3,false]],"d0":"2026-11-02"}}'
    ),
    HealthData.MINIMAL: (
        '{"fmt":1,"last_visit":"2026-11-07","visits":6,"stage":2,"levels":{"heel_dig":2,'
        '"isometric_bridge_hold":1,"single_leg_rdl":0},"streaks":{"heel_dig":1},'
        '"sessions_done":3,"workout":{"date":"2026-11-07","stage":2,"plan":[["heel_dig",2,3],'
        '["single_leg_rdl",0,3]],"i":1,"set":0},"screened":true,"heavy":[9807],"h":{"ids":'
        '["heel_dig","isometric_bridge_hold","single_leg_rdl"],"rows":[[0,[0,1],9,9,true,null,'
        'null,"hold",{"dv":"good"}],[2,[0],9,4,true,null,null,"reduce"],[1,[],6,0],[1,[2,0],6,'
        '6,true,null,null,"reduce",{"dv":"reduce"}],[1,[0],8,3,false]],"d0":"2026-11-02"}}'
    ),
}
# The same progress, as it reads now.
READ_NOW = UserProgress(
    last_visit="2026-11-07",
    visits=6,
    stage=2,
    levels={"heel_dig": 2, "isometric_bridge_hold": 1, "single_leg_rdl": 0},
    streaks={"heel_dig": 1},
    sessions_done=3,
    sessions=[
        workout_day(
            "2026-11-02",
            ["heel_dig", "isometric_bridge_hold"],
            sets=9,
            pain_during=3,
            morning_check=2,
            verdict="hold",
            during_verdict="good",
        ),
        workout_day(
            "2026-11-04",
            ["heel_dig"],
            sets=9,
            sets_done=4,
            pain_during=None,
            morning_check="reduce",
            verdict="reduce",
        ),
        {"date": "2026-11-05", "exercises": [], "sets_planned": 6, "sets_done": 0},
        workout_day(
            "2026-11-06",
            ["single_leg_rdl", "heel_dig"],
            pain_during=5,
            verdict="reduce",
            during_verdict="reduce",
            morning_check=None,
        ),
        workout_day("2026-11-07", ["heel_dig"], sets=8, sets_done=3, finished=False),
    ],
    workout={
        "date": "2026-11-07",
        "stage": 2,
        "plan": [["heel_dig", 2, 3], ["single_leg_rdl", 0, 3]],
        "i": 1,
        "set": 0,
    },
    heavy=[9807],
    screened=True,
)


def test_a_record_stored_before_the_readable_names_reads_into_them_unchanged() -> None:
    old = decode(zlib.compress(STORED_BEFORE[HealthData.FULL].encode()))
    assert old == READ_NOW
    assert decode(encode(old, FULL)) == old  # and a round trip keeps it
    minimal = decode(zlib.compress(STORED_BEFORE[HealthData.MINIMAL].encode()))
    assert minimal == program_state(READ_NOW, HealthData.MINIMAL)
    assert decode(encode(minimal)) == minimal


@pytest.mark.parametrize("profile", [HealthData.FULL, HealthData.MINIMAL])
def test_the_readable_names_are_stored_exactly_as_before(profile: HealthData) -> None:
    # Same bytes before compression, so records are no larger, and a Lambda still running
    # the code from before the rename (during a deploy, or after a rollback) reads them.
    assert zlib.decompress(encode(READ_NOW, profile)).decode() == STORED_BEFORE[profile]


def test_values_that_fit_no_position_are_read_under_their_short_names() -> None:
    # Stored before the rename by the same code path (a date that is not ISO, exercises
    # as {id: level}, the empty string itself), kept in a row's dict under short names.
    stored_before = (
        '{"fmt":1,"h":{"ids":[],"rows":[["","","","","","","","good",{"x":1,"date":"not a date",'
        '"ex":{"heel_dig":2},"of":""}],[0,"","","","","","","",{"pain":""}]],"d0":"2026-11-03"}}'
    )
    entries = decode(zlib.compress(stored_before.encode())).sessions
    assert entries == [
        cast(
            SessionEntry,
            {
                "date": "not a date",
                "exercises": ["heel_dig"],  # as reading any record normalises it
                "sets_planned": "",
                "verdict": "good",
                "x": 1,
            },
        ),
        cast(SessionEntry, {"date": "2026-11-03", "pain_during": ""}),
    ]
    again = UserProgress(sessions=entries)
    assert decode(encode(again, FULL)) == again


def test_a_json_record_from_before_compression_reads_every_short_name() -> None:
    short = {v: k for k, v in READABLE.items()}
    sessions = [{short.get(k, k): v for k, v in s.items()} for s in READ_NOW.sessions]
    assert all("ex" in s and "exercises" not in s for s in sessions)
    old = {**READ_NOW.to_dict(), "sessions": sessions}
    assert decode_legacy(json.dumps(old)) == READ_NOW


def test_every_field_has_one_stored_name_and_they_are_the_old_ones() -> None:
    assert set(STORED_NAMES) == SESSION_FIELDS
    assert len(set(STORED_NAMES.values())) == len(STORED_NAMES)
    # Written out separately in tests/stored.py: a stored name must never change.
    assert {stored: name for name, stored in STORED_NAMES.items() if stored != name} == READABLE
