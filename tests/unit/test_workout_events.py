"""Workout events and their reducers: small stored data, stale events ignored."""

from __future__ import annotations

import json
import zlib
from datetime import date

from hamstring_coach.adapters.progress_codec import encode
from hamstring_coach.domain import progress as pm
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.progress import UserProgress, day_number
from hamstring_coach.domain.workout import active_workout

DAY = "2026-11-25"
PLAN = [["isometric_bridge_hold", 1, 2], ["heel_dig", 1, 2]]


def started(most: float = 0.66) -> UserProgress:
    event = {"type": "workout_started", "date": DAY, "stage": 1, "plan": PLAN, "most": most}
    return pm.apply(UserProgress(), event)


def test_a_workout_walks_set_by_set_and_finishes_into_one_small_session_entry() -> None:
    p = started()
    # Nothing counts as done before it is done.
    assert p.sessions == [{"date": DAY, "exercises": [], "sets_planned": 4, "sets_done": 0}]
    for _ in range(3):
        p = pm.apply(p, {"type": "set_done", "date": DAY})
    state = active_workout(p, date.fromisoformat(DAY))
    assert state is not None
    assert (state.index, state.set_index, state.sets_done, state.sets_left) == (1, 1, 3, 1)
    # Two of two bridge holds done; one of two heel digs is not most of them yet.
    assert p.sessions[-1]["exercises"] == ["isometric_bridge_hold"]
    p = pm.apply(p, {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "workout_finished", "date": DAY})
    assert p.workout is None and p.sessions_done == 1
    assert p.sessions[-1]["finished"] is True and p.sessions[-1]["sets_done"] == 4
    assert p.sessions[-1]["exercises"] == ["isometric_bridge_hold", "heel_dig"]
    # The whole stored record stays small: dates, numbers, ids (before compression).
    assert len(zlib.decompress(encode(p, HealthData.FULL))) < 200


def test_skipping_an_untouched_exercise_leaves_it_out_of_the_review() -> None:
    p = pm.apply(started(), {"type": "exercise_skipped", "date": DAY})
    assert p.sessions[-1]["exercises"] == []
    # Planned stays planned: the share done tells the truth.
    assert p.sessions[-1]["sets_planned"] == 4
    assert p.workout is not None and p.workout["i"] == 1


def test_a_skipped_set_is_never_counted_as_done() -> None:
    """Two sets, skip, stop: "2 of 4", not the skipped exercise's sets as done."""
    plan = [["isometric_bridge_hold", 1, 3], ["heel_dig", 1, 3]]
    event = {"type": "workout_started", "date": DAY, "stage": 1, "plan": plan, "most": 0.66}
    p = pm.apply(UserProgress(), event)
    p = pm.apply(p, {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "exercise_skipped", "date": DAY})
    p = pm.apply(p, {"type": "set_done", "date": DAY})
    state = active_workout(p, date.fromisoformat(DAY))
    assert state is not None and (state.sets_done, state.plan.total_sets) == (2, 6)
    assert (
        p.sessions[-1]["sets_done"],
        p.sessions[-1]["sets_planned"],
        p.sessions[-1]["exercises"],
    ) == (2, 6, [])


def test_skipping_after_most_sets_keeps_the_exercise_as_done() -> None:
    plan = [["isometric_bridge_hold", 1, 3], ["heel_dig", 1, 3]]
    event = {"type": "workout_started", "date": DAY, "stage": 1, "plan": plan, "most": 0.66}
    p = pm.apply(UserProgress(), event)
    p = pm.apply(p, {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "exercise_skipped", "date": DAY})
    assert p.sessions[-1]["exercises"] == ["isometric_bridge_hold"]
    assert (p.sessions[-1]["sets_planned"], p.sessions[-1]["sets_done"]) == (6, 2)


def test_a_harder_level_asked_for_lasts_today_only() -> None:
    event = {"type": "level_changed", "date": DAY, "id": "heel_dig", "level": 2, "today": True}
    p = pm.apply(started(), event)
    assert p.workout is not None and p.workout["plan"][1][1] == 2
    assert p.levels == {} and p.since == {}


def test_the_kit_and_a_swap_to_the_exercise_without_it() -> None:
    p = pm.apply(started(), {"type": "kit_reported", "kit": {"ball": False}})
    assert p.kit == {"ball": False}
    swap = {"type": "exercise_swapped", "date": DAY, "id": "slider_curl", "level": 1, "sets": 3}
    p = pm.apply(p, swap)
    assert p.workout is not None and p.workout["plan"][0] == ["slider_curl", 1, 3]
    assert p.sessions[-1]["sets_planned"] == 5


def test_a_level_change_mid_workout_applies_to_today_and_later() -> None:
    p = pm.apply(
        started(), {"type": "level_changed", "date": DAY, "id": "isometric_bridge_hold", "level": 0}
    )
    assert p.levels == {"isometric_bridge_hold": 0}
    # The weekly pace counts from here (kept as a day number: a small record).
    assert p.since == {"isometric_bridge_hold": day_number(DAY)}
    assert p.workout is not None and p.workout["plan"][0] == ["isometric_bridge_hold", 0, 2]
    assert p.sessions[-1]["sets_planned"] == 4


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
    p = pm.apply(p, {"type": "set_done", "date": DAY})
    flare = {"type": "morning_reported", "date": DAY, "for": DAY, "v": "reduce", "flare": True}
    good = pm.apply(p, {"type": "morning_reported", "date": DAY, "for": DAY, "v": "good"})
    assert good.streaks == {"isometric_bridge_hold": 1}
    # The first answer to a morning stands (another device's later answer changes nothing).
    assert pm.apply(good, flare) == good
    p = pm.apply(p, flare)
    assert p.flare == DAY and p.sessions[-1]["morning_check"] == "flare" and p.streaks == {}
    assert UserProgress.from_dict(json.loads(json.dumps(p.to_dict()))) == p


def test_an_easier_level_with_fewer_sets_shortens_today_but_keeps_the_next_set() -> None:
    p = pm.apply(started(), {"type": "set_done", "date": DAY})
    p = pm.apply(p, {"type": "set_done", "date": DAY})  # bridge holds done; heel digs next
    p = pm.apply(p, {"type": "set_done", "date": DAY})  # one set of heel digs
    event = {"type": "level_changed", "date": DAY, "id": "heel_dig", "level": 0, "sets": 1}
    p = pm.apply(p, event)
    assert p.workout is not None and p.workout["plan"][1] == ["heel_dig", 0, 2]
    assert p.sessions[-1]["sets_planned"] == 4  # one set done, one still to do
    event = {"type": "level_changed", "date": DAY, "id": "heel_dig", "level": 2, "sets": 4}
    p = pm.apply(p, event)
    assert p.workout is not None and p.workout["plan"][1] == ["heel_dig", 2, 4]
    assert p.sessions[-1]["sets_planned"] == 6
