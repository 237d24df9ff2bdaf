"""Content cached in the warm container: no content read on a warm turn.

The version item is checked at most once per refresh interval, so a re-seed reaches warm
containers within that interval without a code deploy.
"""

from __future__ import annotations

from collections.abc import Callable

from hamstring_coach.adapters.dynamo import ContentRepository, ContentVersion
from hamstring_coach.domain.content import ContentBundle, locale_chain, merge


class ContentMissingError(Exception):
    """The content table has never been seeded."""


class ContentCache:
    def __init__(
        self,
        repo: ContentRepository,
        clock: Callable[[], float],
        refresh_seconds: float,
    ) -> None:
        self._repo = repo
        self._clock = clock
        self._refresh = refresh_seconds
        self._version: ContentVersion | None = None
        self._checked_at: float | None = None
        self._bundles: dict[str, ContentBundle] = {}

    def get(self, locale: str) -> ContentBundle:
        now = self._clock()
        if self._checked_at is None or now - self._checked_at >= self._refresh:
            current = self._repo.current_version()
            if current is None:
                raise ContentMissingError("content table has no version item")
            if self._version is None or current.version != self._version.version:
                self._bundles = {}
            self._version = current
            self._checked_at = now
        bundle = self._bundles.get(locale)
        if bundle is None:
            assert self._version is not None
            version = self._version
            # Only the partitions the seed wrote: a locale without overrides costs no query.
            parts = [self._repo.load_partition(p) for p in locale_chain(locale) if version.has(p)]
            bundle = merge(locale, version.version, parts)
            self._bundles[locale] = bundle
        return bundle
