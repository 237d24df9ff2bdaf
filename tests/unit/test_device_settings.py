"""The device's day: the Settings API adapter's pieces that need no request."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services import ApiClientRequest

from hamstring_coach.adapters.device_settings import (
    API_TIMEOUT_SECONDS,
    LOCALE_ZONES,
    SESSION_KEY,
    AlexaApiClient,
    DeviceZones,
    _header_dict,
    device_today,
    trust_store,
    zone,
)


def test_the_alexa_api_client_has_a_time_limit_and_refuses_what_it_must_not_send() -> None:
    # Calls over the network are in tests/functional/test_alexa_api_client.py.
    client = AlexaApiClient()
    assert API_TIMEOUT_SECONDS == 1.5 and client._timeout.total == 1.5
    with pytest.raises(ApiClientException, match="non-HTTPS"):
        client.invoke(ApiClientRequest(method="GET", url="http://api.amazonalexa.com/v2"))
    with pytest.raises(ApiClientException, match="method"):
        client.invoke(ApiClientRequest(method="FETCH", url="https://api.amazonalexa.com/v2"))
    assert client._pool is None  # nothing was sent, nothing was even set up


def test_an_image_without_system_authorities_trusts_certifis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        ssl, "create_default_context", lambda cafile=None: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    )
    context = trust_store(None)
    assert context.cert_store_stats()["x509_ca"] > 0
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_repeated_headers_are_joined_as_http_allows() -> None:
    pairs = [("Accept", "application/json"), ("X-A", "1"), ("X-A", "2")]
    assert _header_dict(pairs) == {"Accept": "application/json", "X-A": "1, 2"}
    assert _header_dict(None) == {}


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


def test_the_containers_memory_spares_a_new_session_the_call_but_not_after_the_hour() -> None:
    now = [0.0]
    zones = DeviceZones(clock=lambda: now[0], seconds=3600.0)
    ups = _Ups("Asia/Tokyo")
    assert device_today(_handler_input(ups), NOW, zones).isoformat() == "2026-11-26"
    later = _handler_input(ups)  # the visit's next session: empty attributes
    assert device_today(later, NOW, zones).isoformat() == "2026-11-26"
    assert ups.calls == 1 and later.attributes_manager.session_attributes[SESSION_KEY] == (
        "Asia/Tokyo"
    )
    now[0] = 3600.0
    device_today(_handler_input(ups), NOW, zones)
    assert ups.calls == 2


def test_a_failed_or_junk_answer_is_not_remembered() -> None:
    zones = DeviceZones()
    for ups in (_Ups(RuntimeError("down")), _Ups("Mars/Olympus")):
        device_today(_handler_input(ups), NOW, zones)
        device_today(_handler_input(ups), NOW, zones)
        assert ups.calls == 2  # each session asked again
    assert len(zones) == 0


def test_the_memory_is_bounded_least_recently_used_first_out() -> None:
    zones = DeviceZones(size=2)
    zones.put("a", "Europe/London")
    zones.put("b", "Asia/Tokyo")
    assert zones.get("a") == "Europe/London"
    zones.put("c", "America/Chicago")  # "b" was used least recently
    assert len(zones) == 2 and zones.get("b") is None
    assert zones.get("a") == "Europe/London" and zones.get("c") == "America/Chicago"
