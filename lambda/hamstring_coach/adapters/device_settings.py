"""The person's day, in their own time zone, from the Alexa Settings API.

A workout at 8 pm in California is still "today" there, though it is tomorrow in UTC; the
morning check must come the next morning where the person lives. The device's time zone
comes from the Settings API (no permission needed). It is kept in the session so a session
asks once, and in the container's memory for an hour (DeviceZones) so that a visit's next
session, which usually lands on the same warm container, does not ask again; when the API
cannot answer, the locale's most common time zone is a better guess than UTC, and UTC is
the last resort.
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import urllib3
from ask_sdk_core.exceptions import ApiClientException, AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_device_id
from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse

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
# How long a device's reported time zone is trusted without asking again: a visit (a few
# sessions over an hour or so) asks once; a device moved to another zone is heard within the
# hour (only a visit near midnight could see yesterday's date for it).
ZONE_MEMORY_SECONDS = 3600.0
# Devices remembered per container, least recently used dropped first: a bound on memory.
ZONE_MEMORY_SIZE = 2048
# The Settings API is one short HTTPS call; it must never eat the ~8 s Alexa allows.
API_TIMEOUT_SECONDS = 1.5
_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"})


class AlexaApiClient(ApiClient):  # type: ignore[misc]
    """Alexa's service APIs over urllib3, with a time limit on every call.

    The SDK's own client (DefaultApiClient) has no timeout and goes through `requests`,
    whose imports cost a cold start about 15 ms with bytecode and 150 ms without, for one
    GET; urllib3 is loaded anyway, by botocore. The TLS trust store (the system's, or
    `ca_bundle`) is loaded on the first call and kept with the connection pool for the
    container's life: loading it takes about 20 ms, and the SDK's client paid that again
    on every call.
    """

    def __init__(self, timeout: float = API_TIMEOUT_SECONDS, ca_bundle: str | None = None):
        self._timeout = urllib3.Timeout(total=timeout)
        self._ca_bundle = ca_bundle
        self._pool: urllib3.PoolManager | None = None
        self._lock = threading.Lock()

    def _pool_manager(self) -> urllib3.PoolManager:
        with self._lock:
            if self._pool is None:
                context = trust_store(self._ca_bundle)
                # No retries: one attempt within the time limit, then the caller's fallback.
                self._pool = urllib3.PoolManager(
                    ssl_context=context, timeout=self._timeout, retries=False
                )
            return self._pool

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        url = str(request.url or "")
        method = str(request.method or "").upper()
        if not url.startswith("https://"):
            raise ApiClientException("Requests against non-HTTPS endpoints are not allowed.")
        if method not in _METHODS:
            raise ApiClientException(f"Invalid request method: {method or None}")
        body = request.body
        if body is not None and not isinstance(body, str | bytes):
            body = json.dumps(body)  # the service client hands over a serialized object
        try:
            response = self._pool_manager().request(
                method, url, headers=_header_dict(request.headers), body=body
            )
        except Exception as err:  # the network, TLS or a timeout: the caller falls back
            raise ApiClientException(f"Error executing the request: {type(err).__name__}") from err
        return ApiClientResponse(
            headers=list(response.headers.items()),
            status_code=response.status,
            body=response.data.decode("utf-8", errors="replace"),
        )


def trust_store(ca_bundle: str | None) -> ssl.SSLContext:
    """TLS settings that verify Alexa's certificates: `ca_bundle` when given, else the
    system's authorities, else (an image without any) certifi's, which the SDK's client used.
    """
    context = ssl.create_default_context(cafile=ca_bundle)
    if ca_bundle is None and not context.cert_store_stats()["x509_ca"]:
        import certifi  # noqa: PLC0415  # installed with ask-sdk-core (through requests)

        context.load_verify_locations(cafile=certifi.where())
    return context


def _header_dict(headers: Sequence[tuple[str, str]] | None) -> dict[str, str]:
    """The service client's header pairs as one dict; a repeated name joins its values."""
    out: dict[str, str] = {}
    for name, value in headers or ():
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


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


class DeviceZones:
    """The time zones devices reported, kept in this container's memory for a while.

    Each new session used to ask the Settings API again, and a visit is often two or three
    sessions (a workout's end closes one; the question after it opens the next). Only
    answers the API gave are kept (a failure is asked again next session), for
    ZONE_MEMORY_SECONDS, at most ZONE_MEMORY_SIZE devices; in memory only, never stored or
    logged. Thread-safe for the local server's threads.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        seconds: float = ZONE_MEMORY_SECONDS,
        size: int = ZONE_MEMORY_SIZE,
    ) -> None:
        self._clock = clock
        self._seconds = seconds
        self._size = size
        self._zones: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, device_id: str) -> str | None:
        with self._lock:
            entry = self._zones.get(device_id)
            if entry is None:
                return None
            name, since = entry
            if self._clock() - since >= self._seconds:
                del self._zones[device_id]
                return None
            self._zones.move_to_end(device_id)
            return name

    def put(self, device_id: str, name: str) -> None:
        with self._lock:
            self._zones[device_id] = (name, self._clock())
            self._zones.move_to_end(device_id)
            while len(self._zones) > self._size:
                self._zones.popitem(last=False)

    def __len__(self) -> int:
        return len(self._zones)


def _device_zone_name(handler_input: HandlerInput, device_id: str | None) -> str | None:
    factory = handler_input.service_client_factory
    if factory is None or not device_id:
        return None
    try:
        name = factory.get_ups_service().get_system_time_zone(device_id)
    except Exception as err:  # the API, the network or the token: all mean "guess"
        log.info("time zone unavailable", extra={"error": type(err).__name__})
        return None
    return str(name) if isinstance(name, str) and name else None


def _ask_zone(handler_input: HandlerInput, zones: DeviceZones | None) -> str:
    """The device's zone name from memory, else from the Settings API; "" if unknown."""
    raw_id = get_device_id(handler_input)
    device_id = raw_id if isinstance(raw_id, str) and raw_id else None
    if zones is not None and device_id:
        remembered = zones.get(device_id)
        if remembered is not None:
            return remembered
    found = _device_zone_name(handler_input, device_id)
    if not found or zone(found) is None:
        return ""
    if zones is not None and device_id:
        zones.put(device_id, found)
    return found


def device_today(
    handler_input: HandlerInput, now: datetime, zones: DeviceZones | None = None
) -> date:
    """Today's date where the device is. `zones`: the container's memory of device zones
    (DeviceToday passes it); without it, each session asks the Settings API once."""
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
        attrs[SESSION_KEY] = _ask_zone(handler_input, zones)
    name = attrs.get(SESSION_KEY)
    tz = zone(name) if isinstance(name, str) else None
    if tz is None:
        locale = getattr(handler_input.request_envelope.request, "locale", None) or ""
        tz = zone(LOCALE_ZONES.get(locale))
    return now.astimezone(tz).date() if tz is not None else now.date()


class DeviceToday:
    """The skill's TodayProvider: `device_today` with this container's DeviceZones."""

    def __init__(self, zones: DeviceZones | None = None) -> None:
        self.zones = zones if zones is not None else DeviceZones()

    def __call__(self, handler_input: HandlerInput, now: datetime) -> date:
        return device_today(handler_input, now, self.zones)


def device_zone_name(handler_input: HandlerInput) -> str:
    """The device's time zone name for this turn (for the Reminders API's timeZoneId).

    `device_today` has already asked the Settings API once this session and kept the
    answer; without one, the locale's most common zone, then UTC."""
    manager = handler_input.attributes_manager
    try:
        cached = (manager.session_attributes or {}).get(SESSION_KEY)
    except AttributesManagerException:
        cached = None
    if isinstance(cached, str) and cached and zone(cached) is not None:
        return cached
    locale = getattr(handler_input.request_envelope.request, "locale", None) or ""
    return LOCALE_ZONES.get(locale, "UTC")
