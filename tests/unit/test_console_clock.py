"""The console clock: --now and :at in the device's local time, running on from there."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from local.clock import ClockFormatError, ConsoleClock
from local.demo import clock_command, converse


class Ticks:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_a_set_time_is_device_local_and_runs_on_in_real_time() -> None:
    ticks = Ticks()
    clock = ConsoleClock(ZoneInfo("America/Chicago"), monotonic=ticks)
    clock.set("2026-03-02T07:30")
    assert clock() == datetime(2026, 3, 2, 13, 30, tzinfo=UTC)  # CST is UTC-6
    ticks.t += 90
    assert clock() == datetime(2026, 3, 2, 13, 31, 30, tzinfo=UTC)
    clock.set("+2d")
    assert clock.local().strftime("%Y-%m-%d %H:%M") == "2026-03-04 07:31"
    clock.set("2026-03-03T07:30+00:00")  # an explicit offset is taken as written
    assert clock() == datetime(2026, 3, 3, 7, 30, tzinfo=UTC)


def test_without_a_set_time_it_is_the_real_clock() -> None:
    real = datetime(2030, 1, 1, tzinfo=UTC)
    assert ConsoleClock(None, wall=lambda: real)() == real


def test_an_unreadable_time_is_refused_and_changes_nothing() -> None:
    clock = ConsoleClock(None, monotonic=Ticks())
    clock.set("2026-03-02T07:30")
    with pytest.raises(ClockFormatError):
        clock.set("next tuesday")
    assert "try :at" in clock_command(clock, ":at next tuesday")
    assert clock() == datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    assert ":at" in clock_command(clock, ":help")


def test_console_lines_with_a_colon_move_the_clock_and_are_never_sent() -> None:
    clock = ConsoleClock(ZoneInfo("America/Chicago"), monotonic=Ticks())
    out = io.StringIO()

    class NoChat:
        def say(self, text: str) -> None:
            raise AssertionError("a console command reached the skill")

    sent = converse(NoChat(), [":at 2026-03-03T07:30", ":now"], out, echo=True, clock=clock)  # type: ignore[arg-type]
    assert sent == 0
    assert "(clock: Tue 2026-03-03 07:30 device time)" in out.getvalue()
