"""One turn's view of a user's progress: read at most once, written at most once.

Handlers read `turn.progress` and change it only with `turn.record(event)`. At the end of
the turn `commit()` writes once with a conditional put; if another device wrote first it
re-reads and re-applies the same events, so neither update is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from hamstring_coach.adapters.dynamo import (
    ProgressRepository,
    StoredProgress,
    VersionConflictError,
)
from hamstring_coach.domain import progress as progress_model
from hamstring_coach.domain.progress import UserProgress

_MAX_CONFLICT_RETRIES = 3


@dataclass
class Turn:
    repo: ProgressRepository
    key: str
    today: date
    retention_days: int
    # Events recorded in an earlier turn whose write failed; replayed before this turn's.
    pending: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    reads: int = 0
    writes: int = 0
    _stored: StoredProgress | None = None
    _loaded: bool = False
    _current: UserProgress | None = None

    def _load(self) -> None:
        self._stored = self.repo.load(self.key)
        self.reads += 1
        self._loaded = True
        base = self._stored.progress if self._stored else UserProgress()
        self._current = progress_model.apply_all(base, [*self.pending, *self.events])

    @property
    def progress(self) -> UserProgress:
        if not self._loaded:
            self._load()
        assert self._current is not None
        return self._current

    def record(self, event: dict[str, Any]) -> UserProgress:
        """Apply an event now (so the rest of the turn sees it) and queue it for the write."""
        current = self.progress
        self.events.append(event)
        self._current = progress_model.apply(current, event)
        return self._current

    @property
    def dirty(self) -> bool:
        return bool(self.pending or self.events)

    def commit(self) -> None:
        """Write once if anything changed. Raises StoreUnavailableError if the store fails."""
        if not self.dirty:
            return
        expires_at = _epoch_day(self.today + timedelta(days=self.retention_days))
        for _attempt in range(_MAX_CONFLICT_RETRIES):
            current = progress_model.prune(self.progress, self.today)
            expected = self._stored.version if self._stored else None
            try:
                self.repo.save(self.key, current, expected, expires_at)
                self.writes += 1
            except VersionConflictError:
                self._load()  # someone else wrote: start again from their copy
                continue
            self.pending = []
            self.events = []
            return
        raise VersionConflictError(f"gave up after {_MAX_CONFLICT_RETRIES} conflicting writes")

    def unsaved(self) -> list[dict[str, Any]]:
        return [*self.pending, *self.events]


def _epoch_day(day: date) -> int:
    return int((day - date(1970, 1, 1)).total_seconds())
