"""The errors a port may raise, so callers catch them without importing an adapter."""

from __future__ import annotations


class StoreUnavailableError(Exception):
    """The store could not answer in time (throttled, timed out, unreachable)."""


class VersionConflictError(Exception):
    """Another writer saved this user's progress since it was read."""


class ContentMissingError(Exception):
    """The content table has never been seeded."""
