"""Events: built only by their constructors, idempotent where they land, checked first.

Also the session seal and the slot caps, the other two gates in front of the domain.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from hamstring_coach.domain import events as ev
from hamstring_coach.domain import progress as pm
from hamstring_coach.domain import workout as _workout  # noqa: F401  (registers reducers)
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.request_limits import MAX_NUMBER_CHARS, MAX_SLOT_CHARS, cap_slots
from hamstring_coach.session_seal import MAX_SEALED_BYTES, SEAL, seal, unseal

TODAY = date(2026, 11, 25)
LIMITS = ev.EventLimits.of([1, 2, 3, 4], {"bridge": 3, "heel_dig": 2}, 5)
PLAN = [["bridge", 1, 2], ["heel_dig", 0, 1]]


def _started() -> UserProgress:
    return pm.apply(UserProgress(), ev.workout_started(TODAY, 1, PLAN))


def test_every_constructor_builds_an_event_that_meets_the_rules() -> None:
    built = [
        ev.visit(TODAY),
        ev.workout_started(TODAY, 1, PLAN),
        ev.set_done(TODAY, 0, 1),
        ev.exercise_skipped(TODAY, 1),
        ev.level_changed(TODAY, "bridge", 2, 3),
        ev.level_changed(TODAY, "heel_dig", 0),
        ev.pain_reported(TODAY, 4),
        ev.pain_reported(TODAY, 8, "reduce"),
        ev.pain_skipped(TODAY),
        ev.morning_reported(TODAY, (TODAY - timedelta(1)).isoformat(), "good", pain=2),
        ev.morning_skipped(TODAY, (TODAY - timedelta(2)).isoformat()),
        ev.stage_changed(TODAY, 2),
        ev.triage_result(TODAY.isoformat(), "soon"),
        ev.reminder_set("amzn1.alert-token.1"),
        ev.reminders_seen(["amzn1.alert-token.1"]),
    ]
    for event in built:
        assert ev.check(event, TODAY, LIMITS) is event


BROKEN: dict[str, dict[str, Any]] = {
    "stage_999": {"type": "stage_changed", "date": "2026-11-25", "stage": 999},
    "stage_as_text": {"type": "stage_changed", "date": "2026-11-25", "stage": "2"},
    "visit_tomorrow": {"type": "visit", "date": "2026-11-26"},
    "visit_last_week": {"type": "visit", "date": "2026-11-18"},
    "visit_not_a_date": {"type": "visit", "date": "someday"},
    "999_sets": {
        "type": "workout_started",
        "date": "2026-11-25",
        "stage": 1,
        "plan": [["bridge", 1, 999]],
    },
    "unknown_exercise": {
        "type": "workout_started",
        "date": "2026-11-25",
        "stage": 1,
        "plan": [["rocket_sled", 0, 1]],
    },
    "level_above_top": {"type": "level_changed", "date": "2026-11-25", "id": "bridge", "level": 4},
    "empty_plan": {"type": "workout_started", "date": "2026-11-25", "stage": 1, "plan": []},
    "pain_40": {"type": "pain_reported", "date": "2026-11-25", "pain": 40},
    "pain_true": {"type": "pain_reported", "date": "2026-11-25", "pain": True},
    "verdict_unknown": {
        "type": "morning_reported",
        "date": "2026-11-25",
        "for": "2026-11-24",
        "pain": 1,
        "v": "great",
    },
    "morning_for_tomorrow": {"type": "morning_skipped", "date": "2026-11-25", "for": "2026-11-26"},
    "set_without_its_exercise": {"type": "set_done", "date": "2026-11-25", "set": 1},
    "set_0": {"type": "set_done", "date": "2026-11-25", "i": 0, "set": 0},
    "triage_level_unknown": {"type": "triage_result", "date": "2026-11-25", "level": "fine"},
    "reminder_id_huge": {"type": "reminder_set", "id": "x" * 5000},
    "reminders_seen_not_a_list": {"type": "reminders_seen", "ids": "all"},
    "no_type": {"date": "2026-11-25"},
    "unknown_type": {"type": "grant_admin", "date": "2026-11-25"},
}


@pytest.mark.parametrize("name", BROKEN)
def test_events_outside_the_rules_are_refused(name: str) -> None:
    with pytest.raises(ev.InvalidEventError):
        ev.check(BROKEN[name], TODAY, LIMITS)


def test_start_is_a_no_op_while_one_runs_and_after_todays_finished() -> None:
    started = _started()
    done = pm.apply(started, ev.set_done(TODAY, 0, 1))
    assert pm.apply(done, ev.workout_started(TODAY, 1, PLAN)) == done  # not reset, not doubled
    finished = pm.apply_all(done, [ev.set_done(TODAY, 0, 2), ev.set_done(TODAY, 1, 1)])
    assert finished.workout is None and finished.sessions_done == 1
    assert pm.apply(finished, ev.workout_started(TODAY, 1, PLAN)) == finished


def test_a_set_counts_once_and_the_last_one_finishes_the_workout_once() -> None:
    once = pm.apply(_started(), ev.set_done(TODAY, 0, 1))
    assert pm.apply(once, ev.set_done(TODAY, 0, 1)) == once
    steps = [ev.set_done(TODAY, 0, 2), ev.set_done(TODAY, 1, 1)]
    finished = pm.apply_all(once, steps)
    entry = finished.sessions[-1]
    assert (
        entry["sets_done"],
        entry["sets_planned"],
        entry["finished"],
        finished.sessions_done,
    ) == (3, 3, True, 1)
    assert (
        pm.apply_all(finished, [*steps, {"type": "workout_finished", "date": "2026-11-25"}])
        == finished
    )


def test_skipping_the_last_exercise_finishes_or_leaves_no_trace() -> None:
    some = pm.apply_all(_started(), [ev.set_done(TODAY, 0, 1), ev.exercise_skipped(TODAY, 0)])
    finished = pm.apply(some, ev.exercise_skipped(TODAY, 1))
    assert finished.sessions[-1]["finished"] is True and finished.sessions_done == 1
    assert pm.apply(finished, ev.exercise_skipped(TODAY, 1)) == finished
    none = pm.apply_all(_started(), [ev.exercise_skipped(TODAY, 0), ev.exercise_skipped(TODAY, 1)])
    assert none.sessions == [] and none.workout is None and none.sessions_done == 0


def test_the_first_answer_stands_and_what_was_decided_with_a_later_one_falls_with_it() -> None:
    finished = pm.apply_all(
        _started(),
        [ev.set_done(TODAY, 0, 1), ev.set_done(TODAY, 0, 2), ev.set_done(TODAY, 1, 1)],
    )
    answered = pm.apply(finished, ev.pain_reported(TODAY, 2))
    # Another device's answer, and the level change its review decided, recorded together:
    later = [
        ev.pain_reported(TODAY, 9, "reduce"),
        {**ev.level_changed(TODAY, "bridge", 0), ev.THEN: 1},
    ]
    assert pm.apply_all(answered, later) == answered
    assert pm.apply_all(finished, later).levels == {"bridge": 0}  # on its own, it applies


def test_a_morning_answer_counts_once_in_the_streaks() -> None:
    yesterday = TODAY - timedelta(1)
    done = pm.apply_all(
        pm.apply(UserProgress(), ev.workout_started(yesterday, 1, PLAN)),
        [ev.set_done(yesterday, 0, 1), ev.set_done(yesterday, 0, 2), ev.set_done(yesterday, 1, 1)],
    )
    morning = ev.morning_reported(TODAY, yesterday.isoformat(), "good", pain=1)
    once = pm.apply(done, morning)
    assert once.streaks == {"bridge": 1, "heel_dig": 1}
    assert pm.apply(once, morning) == once


# --- the session seal ---------------------------------------------------------------------

SECRET = b"deployment-secret"


def test_the_seal_lets_only_its_own_state_through() -> None:
    state = {"mode": "workout", "_pending": {"events": [ev.visit(TODAY)]}}
    sealed = seal(SECRET, "session-1", "user-1", state)
    assert unseal(SECRET, "session-1", "user-1", sealed) == (state, False)
    refused = [
        unseal(SECRET, "session-1", "user-1", state),  # unsealed
        unseal(SECRET, "session-1", "user-1", {**sealed, "mode": "pain_check"}),  # tampered
        unseal(SECRET, "session-2", "user-1", sealed),  # replayed into another session
        unseal(SECRET, "session-1", "user-2", sealed),  # borrowed by another user
        unseal(b"another-deployment", "session-1", "user-1", sealed),
        unseal(SECRET, "session-1", "user-1", {**sealed, SEAL: 42}),
    ]
    assert all(r == ({}, True) for r in refused)
    assert unseal(SECRET, "s", "u", {}) == ({}, False) and seal(SECRET, "s", "u", {}) == {}


def test_an_oversized_state_is_refused_even_when_sealed() -> None:
    big = {"x": "y" * MAX_SEALED_BYTES}
    assert unseal(SECRET, "s", "u", seal(SECRET, "s", "u", big)) == ({}, True)


# --- slot caps ------------------------------------------------------------------------------


def test_slot_values_are_capped_and_the_request_is_not_changed_in_place() -> None:
    event: dict[str, Any] = {
        "request": {
            "intent": {
                "name": "QuestionIntent",
                "slots": {
                    "query": {"name": "query", "value": "q" * 400_000},
                    "pain": {"name": "pain", "value": "9" * 5000},
                    "empty": {"name": "empty"},
                },
            }
        }
    }
    capped = cap_slots(event)
    slots = capped["request"]["intent"]["slots"]
    assert len(slots["query"]["value"]) == MAX_SLOT_CHARS
    assert len(slots["pain"]["value"]) == MAX_NUMBER_CHARS
    assert slots["empty"] == {"name": "empty"}
    assert len(event["request"]["intent"]["slots"]["query"]["value"]) == 400_000
    assert cap_slots({"request": "nonsense"}) == {"request": "nonsense"}
