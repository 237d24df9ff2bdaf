"""The device's day: the Settings API adapter's pieces that need no request."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from ask_sdk_model.services import ApiClientRequest

from hamstring_coach.adapters.device_settings import (
    LOCALE_ZONES,
    SESSION_KEY,
    TimeoutApiClient,
    device_today,
    zone,
)


def test_every_http_call_to_alexa_apis_has_a_timeout() -> None:
    client = TimeoutApiClient(timeout=1.5)
    method = client._resolve_method(ApiClientRequest(method="GET", url="https://x"))
    assert isinstance(method, functools.partial) and method.keywords == {"timeout": 1.5}


def test_zone_names_resolve_and_nonsense_does_not() -> None:
    assert zone("Europe/London") is not None
    assert zone("Not/AZone") is None
    assert zone("") is None and zone(None) is None
    assert all(zone(name) is not None for name in LOCALE_ZONES.values())


class _Ups:
    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.calls = 0

    def get_system_time_zone(self, device_id: str) -> Any:
        self.calls += 1
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def _handler_input(ups: _Ups | None, locale: str = "en-US") -> Any:
    factory = SimpleNamespace(get_ups_service=lambda: ups) if ups else None
    envelope = SimpleNamespace(
        request=SimpleNamespace(locale=locale),
        context=SimpleNamespace(system=SimpleNamespace(device=SimpleNamespace(device_id="dev-1"))),
    )
    return SimpleNamespace(
        service_client_factory=factory,
        request_envelope=envelope,
        attributes_manager=SimpleNamespace(session_attributes={}),
    )


NOW = datetime(2026, 11, 26, 4, 30, tzinfo=UTC)  # evening of the 25th in the Americas


def test_device_zone_decides_the_day_and_is_asked_once_per_session() -> None:
    ups = _Ups("Asia/Tokyo")
    hi = _handler_input(ups)
    assert device_today(hi, NOW).isoformat() == "2026-11-26"
    assert device_today(hi, NOW).isoformat() == "2026-11-26"
    assert ups.calls == 1 and hi.attributes_manager.session_attributes[SESSION_KEY] == "Asia/Tokyo"


def test_an_api_failure_or_a_junk_answer_falls_back_to_the_locale_then_utc() -> None:
    for ups in (_Ups(RuntimeError("down")), _Ups("Mars/Olympus"), _Ups(None), None):
        hi = _handler_input(ups)
        assert device_today(hi, NOW).isoformat() == "2026-11-25"  # en-US: Chicago
        assert hi.attributes_manager.session_attributes[SESSION_KEY] == ""
    assert device_today(_handler_input(None, locale="de-DE"), NOW).isoformat() == "2026-11-26"
