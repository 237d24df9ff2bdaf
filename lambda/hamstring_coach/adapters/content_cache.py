"""Content cached in the warm container: no content read on a warm turn.

The version item is checked at most once per refresh interval, so a re-seed reaches warm
containers within that interval without a code deploy.
"""

from __future__ import annotations

from collections.abc import Callable

from hamstring_coach.domain.content import ContentBundle, locale_chain, merge
from hamstring_coach.domain.content_view import ContentView
from hamstring_coach.domain.errors import ContentMissingError
from hamstring_coach.domain.ports import ContentRepository, ContentVersion

__all__ = ["ContentCache", "ContentMissingError"]


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
        self._views: dict[str, ContentView] = {}

    def get(self, locale: str) -> ContentBundle:
        return self.view(locale).bundle

    def view(self, locale: str) -> ContentView:
        """The locale's content and its typed view, the same objects until the version
        changes."""
        now = self._clock()
        if self._checked_at is None or now - self._checked_at >= self._refresh:
            current = self._repo.current_version()
            if current is None:
                raise ContentMissingError("content table has no version item")
            if self._version is None or current.version != self._version.version:
                self._views = {}
            self._version = current
            self._checked_at = now
        view = self._views.get(locale)
        if view is None:
            assert self._version is not None
            version = self._version
            # Only the partitions the seed wrote: a locale without overrides costs no query.
            parts = [self._repo.load_partition(p) for p in locale_chain(locale) if version.has(p)]
            bundle = merge(locale, version.version, parts)
            view = self._views[locale] = ContentView(bundle)
        return view
