"""One turn's view of a user's progress: read at most once, written at most once.

Handlers read `turn.progress` and change it only with `turn.record(event)`. At the end of
the turn `commit()` writes once with a conditional put; if another device wrote first it
re-reads and re-applies the same events, so neither update is lost. That is safe because
every event is idempotent against the state it lands on (domain/events.py): a start while
one runs, a set already counted, an answer already given change nothing, and the decisions
recorded with such an answer fall with it. Every event is checked against the program's
rules before it is applied; one carried in from the session that fails is dropped.

Every write carries a fresh id that the item remembers (its latest few). A write that got
no answer (a read timeout) may still have landed; the next read checks for its id, so the
events it carried are neither lost (kept in the session until written) nor applied twice.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from hamstring_coach.domain import events as ev
from hamstring_coach.domain import progress as progress_model
from hamstring_coach.domain.errors import VersionConflictError
from hamstring_coach.domain.events import THEN, EventLimits
from hamstring_coach.domain.ports import (
    RECENT_WRITES,
    ProgressRepository,
    StoredProgress,
    new_write_id,
)
from hamstring_coach.domain.progress import UserProgress

_MAX_CONFLICT_RETRIES = 3

log = logging.getLogger(__name__)


def carried(value: Any) -> tuple[list[dict[str, Any]], str | None, int]:
    """Read what an earlier turn kept in the session: (events, write id, events it carried).

    Session attributes come back with each request, so anything odd in them (an older
    shape, a hand-made request) is tolerated rather than trusted.
    """
    if isinstance(value, list):
        return [e for e in value if isinstance(e, dict)], None, 0
    if not isinstance(value, dict):
        return [], None, 0
    raw_events = value.get("events")
    events = [e for e in raw_events if isinstance(e, dict)] if isinstance(raw_events, list) else []
    write = value.get("write")
    count = value.get("count")
    if not isinstance(write, str) or not isinstance(count, int) or isinstance(count, bool):
        return events, None, 0
    return events, write, max(0, min(count, len(events)))


@dataclass
class Turn:
    repo: ProgressRepository
    key: str
    today: date
    retention_days: int
    # Events recorded in an earlier turn whose write failed; replayed before this turn's.
    pending: list[dict[str, Any]] = field(default_factory=list)
    # The id of the unanswered write that carried the first `pending_count` pending events:
    # if the stored item lists it, those events are already in and are dropped.
    pending_write: str | None = None
    pending_count: int = 0
    # The account this person's voice profile belongs to (derived key), None for the
    # account itself: stored on the item so the account can find it to delete it.
    account_key: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    # What the program allows (stages, levels, sets): events outside it are refused.
    limits: EventLimits = field(default_factory=EventLimits)
    reads: int = 0
    writes: int = 0
    forgotten: bool = False
    _stored: StoredProgress | None = None
    _loaded: bool = False
    _current: UserProgress | None = None
    _last_write: str | None = None

    def _load(self) -> None:
        self._stored = self.repo.load(self.key)
        self.reads += 1
        self._loaded = True
        if self.pending_write and self._stored and self.pending_write in self._stored.recent_writes:
            self.pending = self.pending[self.pending_count :]
            self.pending_write, self.pending_count = None, 0
        base = self._stored.progress if self._stored else UserProgress()
        self.pending = self._usable(base, self.pending)
        self._current = progress_model.apply_all(base, [*self.pending, *self.events])

    def _usable(self, base: UserProgress, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Carried events that meet the rules and still apply. One that does not is dropped
        (with the decisions recorded after it), and must not jam every later turn."""
        kept: list[dict[str, Any]] = []
        current, dropped = base, False
        for event in events:
            if isinstance(event, dict) and event.get(THEN) and dropped:
                continue
            try:
                ev.check(event, self.today, self.limits)
                current = progress_model.apply_all(current, [event])
            except Exception as err:  # refused by the rules or a reducer: say which kind
                log.warning("carried event dropped", extra={"error": type(err).__name__})
                dropped = True
                continue
            dropped = False
            kept.append(event)
        return kept

    @property
    def progress(self) -> UserProgress:
        if not self._loaded:
            self._load()
        assert self._current is not None
        return self._current

    @property
    def stored(self) -> StoredProgress | None:
        """What the store held when this turn read it (None: nothing stored)."""
        if not self._loaded:
            self._load()
        return self._stored

    def record(self, *events: dict[str, Any]) -> UserProgress:
        """Apply events now (so the rest of the turn sees them) and queue them for the write.

        Several events recorded at once were decided together: if the first changes nothing
        when re-applied on a fresher copy, neither do the rest (see `progress.apply_all`).
        An event outside the program's rules is a bug here: InvalidEventError.
        """
        current = self.progress
        group = [dict(e, **{THEN: 1}) if n else dict(e) for n, e in enumerate(events)]
        for event in group:
            ev.check(event, self.today, self.limits)
        self.events.extend(group)
        self._current = progress_model.apply_all(current, group)
        return self._current

    def forget(self) -> None:
        """The person's data was just deleted: drop every unsaved change, write nothing."""
        self.pending, self.events = [], []
        self.pending_write, self.pending_count = None, 0
        self._stored, self._current, self._loaded = None, UserProgress(), True
        self.forgotten = True

    @property
    def dirty(self) -> bool:
        return bool(self.pending or self.events) and not self.forgotten

    def commit(self) -> None:
        """Write once if anything changed. Raises StoreUnavailableError if the store fails."""
        if not self.dirty:
            return
        expires_at = _epoch_day(self.today + timedelta(days=self.retention_days))
        for _attempt in range(_MAX_CONFLICT_RETRIES):
            current = progress_model.prune(self.progress, self.today)
            expected = self._stored.version if self._stored else None
            previous = self._stored.recent_writes if self._stored else ()
            write_id = new_write_id()
            self._last_write = write_id
            try:
                self.repo.save(
                    self.key,
                    current,
                    expected,
                    expires_at,
                    writes=(write_id, *previous)[:RECENT_WRITES],
                    account=self.account_key,
                )
            except VersionConflictError:
                # Another device wrote first, or an attempt of ours that got no answer did
                # land. Read again: if our write is there, we are done; otherwise re-apply
                # every unsaved event on top of the other writer's copy and try again.
                self.pending, self.events = self.unsaved(), []
                self.pending_write, self.pending_count = write_id, len(self.pending)
                self._last_write = None
                self._load()
                if not self.pending:
                    self._clear()
                    return
                continue
            self.writes += 1
            self._clear()
            return
        raise VersionConflictError(f"gave up after {_MAX_CONFLICT_RETRIES} conflicting writes")

    def _clear(self) -> None:
        self.pending, self.events = [], []
        self.pending_write, self.pending_count = None, 0
        self._last_write = None

    def unsaved(self) -> list[dict[str, Any]]:
        return [*self.pending, *self.events]

    def carry_over(self) -> dict[str, Any]:
        """What to keep in the session when the write failed: the events, and the id of the
        last write attempt (it may have landed) with how many of the events it carried."""
        unsaved = self.unsaved()
        if self._last_write is not None:
            return {"events": unsaved, "write": self._last_write, "count": len(unsaved)}
        return {"events": unsaved, "write": self.pending_write, "count": self.pending_count}


def _epoch_day(day: date) -> int:
    return int((day - date(1970, 1, 1)).total_seconds())


class ParkedUpdates:
    """Unsaved updates kept in this container's memory, by user key, after a session ended
    with its write still failing; the person's next session that lands on this container
    takes them (idempotent, so a copy that did land after all counts once).

    Best effort, and said so: Lambda may route the next session to another container, or
    retire this one, and then the update is lost. Bounded (oldest dropped first) so an
    outage cannot grow it without limit; thread-safe for the local server's threads.
    """

    def __init__(self, capacity: int = 1000) -> None:
        self._capacity = capacity
        self._items: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, key: str, carry: dict[str, Any]) -> None:
        with self._lock:
            self._items[key] = carry
            self._items.move_to_end(key)
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)

    def take(self, key: str) -> dict[str, Any] | None:
        """Remove and return the update parked for `key` (None: nothing parked)."""
        with self._lock:
            return self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)
