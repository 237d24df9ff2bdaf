"""The skill's clock in the console: real time, or a moment you set to watch a program unfold.

`python -m local.demo --now 2026-03-02T07:30` starts the skill's clock there, and a console
line `:at 2026-03-03T07:30` moves it mid-run. Times are the device's local time (the zone
the skill assumes for the locale, see adapters/device_settings.LOCALE_ZONES); a time with
an offset (`2026-03-02T07:30+01:00`) is taken as written, and `:at +1d` moves on a day.
Once set, the clock runs on in real time from there, so turns a few seconds apart stay a
few seconds apart.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo

from hamstring_coach.adapters.device_settings import LOCALE_ZONES, zone


class ClockFormatError(ValueError):
    """A time the console cannot read."""


class ConsoleClock:
    def __init__(
        self,
        device_zone: tzinfo | None,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._zone = device_zone
        self._monotonic = monotonic
        self._wall = wall
        self._base: datetime | None = None
        self._at = 0.0

    @classmethod
    def for_locale(cls, locale: str) -> ConsoleClock:
        return cls(zone(LOCALE_ZONES.get(locale)))

    def set(self, text: str) -> datetime:
        """Set the clock from `YYYY-MM-DDTHH:MM` (device local time), or move it on by
        whole days with `+3d`; returns it in UTC."""
        text = text.strip()
        if text.startswith("+") and text.endswith("d") and text[1:-1].isdigit():
            self._base, self._at = self() + timedelta(days=int(text[1:-1])), self._monotonic()
            return self._base
        try:
            moment = datetime.fromisoformat(text)
        except ValueError as err:
            raise ClockFormatError(f"not a date and time: {text.strip()!r}") from err
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self._zone or UTC)
        self._base = moment.astimezone(UTC)
        self._at = self._monotonic()
        return self._base

    def local(self) -> datetime:
        return self().astimezone(self._zone) if self._zone else self()

    def __call__(self) -> datetime:
        if self._base is None:
            return self._wall()
        return self._base + timedelta(seconds=self._monotonic() - self._at)
