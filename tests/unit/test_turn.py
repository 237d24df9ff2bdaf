"""The turn's unit of work on plain values with an in-memory repository."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from hamstring_coach.adapters.dynamo import (
    StoredProgress,
    StoreUnavailableError,
    VersionConflictError,
)
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.turn import Turn, carried
from tests.tally import tally

TODAY = date(2026, 11, 25)


class MemoryRepo:
    def __init__(self) -> None:
        self.items: dict[str, StoredProgress] = {}
        self.accounts: dict[str, str] = {}
        self.loads = 0
        self.saves = 0
        self.interfere: UserProgress | None = None
        # Simulate a write that lands but whose answer is lost (a read timeout).
        self.lose_answer = False

    def load(self, key: str) -> StoredProgress | None:
        self.loads += 1
        return self.items.get(key)

    def save(
        self,
        key: str,
        progress: UserProgress,
        expected_version: int | None,
        expires_at: int,
        writes: Sequence[str] = (),
        account: str | None = None,
    ) -> int:
        if self.interfere is not None:  # another device writes just before us, once
            current = self.items.get(key)
            self.items[key] = StoredProgress(
                self.interfere, (current.version if current else 0) + 1, ("other",)
            )
            self.interfere = None
        current = self.items.get(key)
        if (current.version if current else None) != expected_version:
            raise VersionConflictError
        self.saves += 1
        self.items[key] = StoredProgress(progress, (expected_version or 0) + 1, tuple(writes))
        if account:
            self.accounts[key] = account
        if self.lose_answer:
            self.lose_answer = False
            raise StoreUnavailableError("ReadTimeoutError")
        return (expected_version or 0) + 1

    def delete(self, key: str) -> None:
        self.items.pop(key, None)

    def people(self, account: str) -> list[str]:
        return [k for k, a in self.accounts.items() if a == account and k in self.items]


def test_reads_once_and_writes_once_per_turn() -> None:
    repo = MemoryRepo()
    turn = Turn(repo, "k", TODAY, 365)
    turn.record({"type": "visit", "date": "2026-11-25"})
    _ = turn.progress, turn.progress
    turn.commit()
    assert (repo.loads, repo.saves) == (1, 1)
    assert repo.items["k"].progress.visits == 1


def test_no_change_means_no_write() -> None:
    repo = MemoryRepo()
    turn = Turn(repo, "k", TODAY, 365)
    _ = turn.progress
    turn.commit()
    assert repo.saves == 0


def test_conflict_rereads_and_reapplies_so_no_update_is_lost() -> None:
    repo = MemoryRepo()
    repo.items["k"] = StoredProgress(UserProgress(visits=3, last_visit="2026-11-20"), 4)
    turn = Turn(repo, "k", TODAY, 365)
    turn.record({"type": "visit", "date": "2026-11-25"})
    # The other device recorded a symptom-check result meanwhile.
    repo.interfere = replace(repo.items["k"].progress, paused=True)
    turn.commit()
    saved = repo.items["k"].progress
    assert saved.paused
    assert saved.visits == 4
    assert repo.items["k"].version == 6


def test_pending_events_from_a_failed_write_are_replayed() -> None:
    repo = MemoryRepo()
    turn = Turn(repo, "k", TODAY, 365, pending=[{"type": "visit", "date": "2026-11-25"}])
    assert turn.dirty
    turn.commit()
    assert repo.items["k"].progress.visits == 1
    assert turn.unsaved() == []


def test_endless_conflicts_give_up_with_an_error() -> None:
    class AlwaysConflict(MemoryRepo):
        def save(self, *a: Any, **k: Any) -> int:
            raise VersionConflictError

    turn = Turn(AlwaysConflict(), "k", TODAY, 365)
    turn.record({"type": "visit", "date": "2026-11-25"})
    with pytest.raises(VersionConflictError):
        turn.commit()
    assert turn.unsaved()  # still there to keep in the session


def test_a_write_that_landed_without_an_answer_is_not_applied_twice() -> None:
    repo = MemoryRepo()
    turn = Turn(repo, "k", TODAY, 365)
    turn.record(tally())
    repo.lose_answer = True
    with pytest.raises(StoreUnavailableError):
        turn.commit()
    carry = turn.carry_over()
    assert carry["events"] == [tally()] and carry["count"] == 1
    # Next turn: the session hands the carried events back, with the write id.
    events, write, count = carried(carry)
    nxt = Turn(repo, "k", TODAY, 365, pending=events, pending_write=write, pending_count=count)
    nxt.record(tally("b"))
    nxt.commit()
    assert repo.items["k"].progress.levels == {"a": 1, "b": 1}


def test_a_write_that_never_landed_is_replayed_once() -> None:
    repo = MemoryRepo()
    turn = Turn(repo, "k", TODAY, 365, pending=[tally()], pending_write="w-lost", pending_count=1)
    turn.commit()
    assert repo.items["k"].progress.levels == {"a": 1}


def test_a_retried_write_that_had_landed_shows_up_as_our_own_conflict() -> None:
    # The first attempt landed but its answer was lost; the retry's conditional check
    # fails against our own new version. The turn must see its write id and stop.
    class LandsThenConflicts(MemoryRepo):
        def save(self, key: str, progress: UserProgress, *a: Any, **k: Any) -> int:
            super().save(key, progress, *a, **k)
            raise VersionConflictError

    repo = LandsThenConflicts()
    turn = Turn(repo, "k", TODAY, 365)
    turn.record(tally())
    turn.commit()
    assert repo.items["k"].progress.levels == {"a": 1}
    assert turn.unsaved() == []


def test_the_carried_prefix_is_dropped_but_later_events_survive() -> None:
    # Turn 1's write went unanswered but landed; turn 2 failed before it could read;
    # turn 3 must drop turn 1's events (already in) and keep turn 2's.
    repo = MemoryRepo()
    t1 = Turn(repo, "k", TODAY, 365)
    t1.record(tally("a"))
    repo.lose_answer = True
    with pytest.raises(StoreUnavailableError):
        t1.commit()
    events, write, count = carried(t1.carry_over())
    t2 = Turn(repo, "k", TODAY, 365, pending=events, pending_write=write, pending_count=count)
    t2.events.append(tally("b"))  # recorded, but the turn failed before its read/write
    events, write, count = carried(t2.carry_over())
    assert (len(events), count) == (2, 1)
    t3 = Turn(repo, "k", TODAY, 365, pending=events, pending_write=write, pending_count=count)
    t3.commit()
    assert repo.items["k"].progress.levels == {"a": 1, "b": 1}


def test_forget_drops_everything_and_writes_nothing() -> None:
    repo = MemoryRepo()
    turn = Turn(repo, "k", TODAY, 365, pending=[tally()])
    turn.record(tally("b"))
    turn.forget()
    turn.commit()
    assert repo.saves == 0 and turn.progress == UserProgress()


def test_a_person_item_carries_its_account_link() -> None:
    repo = MemoryRepo()
    turn = Turn(repo, "person-key", TODAY, 365, account_key="account-key")
    turn.record(tally())
    turn.commit()
    assert repo.people("account-key") == ["person-key"]


@pytest.mark.parametrize(
    "value",
    [None, 3, "x", [1, "a"], {"events": "nope"}, {"events": [tally()], "write": 5, "count": 1}],
)
def test_odd_carried_values_are_tolerated(value: Any) -> None:
    events, write, count = carried(value)
    assert all(isinstance(e, dict) for e in events)
    assert write is None and count == 0


def test_a_carried_event_that_no_longer_applies_is_dropped_not_fatal() -> None:
    repo = MemoryRepo()
    turn = Turn(repo, "k", TODAY, 365, pending=[{"type": "no-such-event"}, tally()])
    turn.commit()
    assert repo.items["k"].progress.levels == {"a": 1}
