"""The ports: what the skill needs from its stores, as small Protocols beside the domain.

Adapters (adapters/dynamo.py) implement them; turn.py, the handlers and the content cache
depend only on these, and on domain/errors.py for what a port may raise.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from hamstring_coach.domain.progress import UserProgress

# How many recent write ids an item remembers, to tell whether an unanswered write landed.
RECENT_WRITES = 8

# One content partition: kind -> id -> body.
ContentPartition = dict[str, dict[str, dict[str, Any]]]


@dataclass(frozen=True)
class ContentVersion:
    version: str
    # None: seeded before the item listed its partitions, so any may exist.
    partitions: frozenset[str] | None = None

    def has(self, partition: str) -> bool:
        return self.partitions is None or partition in self.partitions


class ContentRepository(Protocol):
    def current_version(self) -> ContentVersion | None: ...

    def load_partition(self, partition: str) -> ContentPartition: ...


@dataclass(frozen=True)
class StoredProgress:
    progress: UserProgress
    version: int
    # Ids of the latest writes (newest first): lets a turn whose write went unanswered
    # (timeout) see that it landed after all, instead of applying its events twice.
    recent_writes: tuple[str, ...] = ()


def new_write_id() -> str:
    return uuid.uuid4().hex[:16]


class ProgressRepository(Protocol):
    """Raises StoreUnavailableError when the store fails; save raises VersionConflictError
    when `expected_version` is no longer the stored one."""

    def load(self, key: str) -> StoredProgress | None: ...

    def save(
        self,
        key: str,
        progress: UserProgress,
        expected_version: int | None,
        expires_at: int,
        writes: Sequence[str] = (),
        account: str | None = None,
    ) -> int: ...

    def delete(self, key: str) -> None: ...

    def people(self, account: str) -> list[str]: ...
