"""Workout events and their reducers: small stored data, stale events ignored."""

from __future__ import annotations

import json
from datetime import date

from hamstring_coach.domain import progress as pm
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.workout import active_workout

DAY = "2026-11-25"
PLAN = [["isometric_bridge_hold", 1, 2], ["heel_dig", 1, 2]]


def started() -> UserProgress:
    return pm.apply(
        UserProgress(), {"type": "workout_started", "date": DAY, "stage": 1, "plan": PLAN}
    )


def test_a_workout_walks_set_by_set_and_finishes_into_one_small_session_entry() -> None:
    p = started()
    assert p.sessions == [
        {"date": DAY, "ex": ["isometric_bridge_hold", "heel_dig"], "of": 4, "done": 0}
    ]
    for _ in range(3):
        p = pm.apply(p, {"type": "set_done", "date": DAY})
    state = active_workout(p, date.fromisoformat(DAY))
    assert state is not None
    assert (state.index, state.set_index, state.sets_done, state.sets_left) == (1, 1, 3, 1)
    p = pm.apply(p, {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "workout_finished", "date": DAY})
    assert p.workout is None and p.sessions_done == 1
    assert p.sessions[-1]["fin"] is True and p.sessions[-1]["done"] == 4
    # The whole stored record stays small: dates, numbers, ids.
    assert len(json.dumps(p.to_dict())) < 400


def test_skipping_an_untouched_exercise_leaves_it_out_of_the_review() -> None:
    p = pm.apply(started(), {"type": "exercise_skipped", "date": DAY})
    assert p.sessions[-1]["ex"] == ["heel_dig"]
    assert p.sessions[-1]["of"] == 2
    assert p.workout is not None and p.workout["i"] == 1


def test_skipping_after_a_set_keeps_the_exercise_as_partly_done() -> None:
    p = pm.apply(started(), {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "exercise_skipped", "date": DAY})
    assert p.sessions[-1]["ex"] == ["isometric_bridge_hold", "heel_dig"]
    assert (p.sessions[-1]["of"], p.sessions[-1]["done"]) == (3, 1)


def test_a_level_change_mid_workout_applies_to_today_and_later() -> None:
    p = pm.apply(
        started(), {"type": "level_changed", "date": DAY, "id": "isometric_bridge_hold", "level": 0}
    )
    assert p.levels == {"isometric_bridge_hold": 0}
    assert p.workout is not None and p.workout["plan"][0] == ["isometric_bridge_hold", 0, 2]
    # The day's entry keeps which exercises were done, not at what level (never read).
    assert p.sessions[-1]["ex"] == ["isometric_bridge_hold", "heel_dig"]
    assert p.sessions[-1]["of"] == 4


def test_cancelling_an_empty_workout_leaves_no_trace() -> None:
    p = pm.apply(started(), {"type": "workout_cancelled", "date": DAY})
    assert p.workout is None and p.sessions == [] and p.sessions_done == 0


def test_events_for_another_day_change_nothing() -> None:
    p = started()
    for event in (
        {"type": "set_done", "date": "2026-11-24"},
        {"type": "exercise_skipped", "date": "2026-11-24"},
        {"type": "workout_finished", "date": "2026-11-24"},
        {"type": "workout_cancelled", "date": "2026-11-24"},
        {"type": "morning_reported", "date": DAY, "for": "2026-11-01", "pain": 3, "v": "good"},
    ):
        assert pm.apply(p, event) == p


def test_reducers_never_mutate_their_input() -> None:
    p = started()
    before = json.dumps(p.to_dict(), sort_keys=True)
    pm.apply(p, {"type": "set_done", "date": DAY})
    pm.apply(p, {"type": "level_changed", "date": DAY, "id": "heel_dig", "level": 2})
    pm.apply(p, {"type": "pain_reported", "date": DAY, "pain": 3, "v": "reduce"})
    pm.apply(p, {"type": "stage_changed", "date": DAY, "stage": 2})
    assert json.dumps(p.to_dict(), sort_keys=True) == before


def test_progress_round_trips_through_json_with_the_new_fields() -> None:
    p = pm.apply(started(), {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "morning_reported", "date": DAY, "for": DAY, "pain": 1, "v": "good"})
    assert p.streaks == {"isometric_bridge_hold": 1, "heel_dig": 1}
    assert UserProgress.from_dict(json.loads(json.dumps(p.to_dict()))) == p


def test_an_easier_level_with_fewer_sets_shortens_today_but_keeps_the_next_set() -> None:
    p = pm.apply(started(), {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "set_done", "date": DAY})  # bridge holds done; heel digs next
    p = pm.apply(p, {"type": "set_done", "date": DAY})  # one set of heel digs
    event = {"type": "level_changed", "date": DAY, "id": "heel_dig", "level": 0, "sets": 1}
    p = pm.apply(p, event)
    assert p.workout is not None and p.workout["plan"][1] == ["heel_dig", 0, 2]
    assert p.sessions[-1]["of"] == 4  # one set done, one still to do
    event = {"type": "level_changed", "date": DAY, "id": "heel_dig", "level": 2, "sets": 4}
    p = pm.apply(p, event)
    assert p.workout is not None and p.workout["plan"][1] == ["heel_dig", 2, 4]
    assert p.sessions[-1]["of"] == 6
