"""The turn's unit of work on plain values with an in-memory repository."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hamstring_coach.adapters.dynamo import StoredProgress, VersionConflictError
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.turn import Turn

TODAY = date(2026, 11, 25)


class MemoryRepo:
    def __init__(self) -> None:
        self.items: dict[str, StoredProgress] = {}
        self.loads = 0
        self.saves = 0
        self.interfere: UserProgress | None = None

    def load(self, key: str) -> StoredProgress | None:
        self.loads += 1
        return self.items.get(key)

    def save(
        self, key: str, progress: UserProgress, expected_version: int | None, expires_at: int
    ) -> int:
        if self.interfere is not None:  # another device writes just before us, once
            current = self.items.get(key)
            self.items[key] = StoredProgress(
                self.interfere, (current.version if current else 0) + 1
            )
            self.interfere = None
        current = self.items.get(key)
        if (current.version if current else None) != expected_version:
            raise VersionConflictError
        self.saves += 1
        self.items[key] = StoredProgress(progress, (expected_version or 0) + 1)
        return (expected_version or 0) + 1

    def delete(self, key: str) -> None:
        self.items.pop(key, None)


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
    repo.interfere = replace(
        repo.items["k"].progress, triage={"level": "soon", "date": "2026-11-25"}
    )
    turn.commit()
    saved = repo.items["k"].progress
    assert saved.triage == {"level": "soon", "date": "2026-11-25"}
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
        def save(self, *a: object, **k: object) -> int:
            raise VersionConflictError

    turn = Turn(AlwaysConflict(), "k", TODAY, 365)
    turn.record({"type": "visit", "date": "2026-11-25"})
    with pytest.raises(VersionConflictError):
        turn.commit()
    assert turn.unsaved()  # still there to keep in the session
