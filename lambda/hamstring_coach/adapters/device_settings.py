"""The person's day, in their own time zone, from the Alexa Settings API.

A workout at 8 pm in California is still "today" there, though it is tomorrow in UTC; the
morning check must come the next morning where the person lives. The device's time zone
comes from the Settings API (no permission needed). It is kept in the session so a session
asks once; when the API cannot answer, the locale's most common time zone is a better guess
than UTC, and UTC is the last resort.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import requests
from ask_sdk_core.api_client import DefaultApiClient
from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_device_id

log = logging.getLogger(__name__)

SESSION_KEY = "_tz"  # the device's time zone name ("" if unknown), cached for the session
# Our guess per locale when the device cannot tell us (most people of each locale).
LOCALE_ZONES = {
    "en-US": "America/Chicago",
    "en-CA": "America/Toronto",
    "en-GB": "Europe/London",
    "en-IN": "Asia/Kolkata",
    "en-AU": "Australia/Sydney",
}
# The Settings API is one short HTTPS call; it must never eat the ~8 s Alexa allows.
API_TIMEOUT_SECONDS = 1.5


class TimeoutApiClient(DefaultApiClient):  # type: ignore[misc]
    """The SDK's HTTP client, with a timeout on every call (the SDK sets none)."""

    def __init__(self, timeout: float = API_TIMEOUT_SECONDS) -> None:
        super().__init__()
        self._timeout = timeout

    def _resolve_method(self, request: Any) -> Callable[..., requests.Response]:
        method: Callable[..., requests.Response] = super()._resolve_method(request)
        return functools.partial(method, timeout=self._timeout)


def zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    # The Lambda image may lack a system tz database; python-dateutil ships its own copy.
    from dateutil import tz  # type: ignore[import-untyped]  # noqa: PLC0415

    found: tzinfo | None = tz.gettz(name)
    return found


def _device_zone_name(handler_input: HandlerInput) -> str | None:
    factory = handler_input.service_client_factory
    device_id = get_device_id(handler_input)
    if factory is None or not device_id:
        return None
    try:
        name = factory.get_ups_service().get_system_time_zone(device_id)
    except Exception as err:  # the API, the network or the token: all mean "guess"
        log.info("time zone unavailable", extra={"error": type(err).__name__})
        return None
    return str(name) if isinstance(name, str) and name else None


def device_today(handler_input: HandlerInput, now: datetime) -> date:
    """A TodayProvider: today's date where the device is."""
    manager = handler_input.attributes_manager
    try:
        attrs = manager.session_attributes
    except AttributesManagerException:
        # Skill events (SkillDisabled) come without a session: nothing to cache the answer in.
        attrs = {}
    if attrs is None:
        attrs = manager.session_attributes = {}
    if SESSION_KEY not in attrs:
        # Asked once per session; "" remembers that the device could not tell us.
        found = _device_zone_name(handler_input)
        attrs[SESSION_KEY] = found if found and zone(found) is not None else ""
    name = attrs.get(SESSION_KEY)
    tz = zone(name) if isinstance(name, str) else None
    if tz is None:
        locale = getattr(handler_input.request_envelope.request, "locale", None) or ""
        tz = zone(LOCALE_ZONES.get(locale))
    return now.astimezone(tz).date() if tz is not None else now.date()
