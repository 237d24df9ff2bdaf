"""A stand-in for Alexa's service APIs on loopback: the Reminders API and the Settings API's
time zone, over HTTPS with a certificate from a throwaway CA (verified, never skipped).

The console, the end-to-end tests and functional tests point requests' `apiEndpoint` here
and trust `ca_file` (the skill's own API client, `AlexaApiClient(ca_bundle=...)`), so the
skill makes the same calls it makes against Alexa, TLS handshake included.

What it follows from the Reminders API reference and ask-sdk-model's reminder models:
- POST /v1/alerts/reminders: a reminder request (`requestTime`, `trigger` SCHEDULED_ABSOLUTE
  with `scheduledTime` or `recurrence.startDateTime` + `recurrenceRules`, or
  SCHEDULED_RELATIVE with `offsetInSeconds`; `alertInfo.spokenInfo.content[]` with `locale`
  and `text`; `pushNotification.status`) -> 200 {alertToken, createdTime, updatedTime,
  status "ON", version, href}.
- GET /v1/alerts/reminders -> {totalCount (a string), alerts [...], links}; GET, PUT and
  DELETE /v1/alerts/reminders/{alertToken}; an unknown token is 404.
- Errors as {"code": ..., "message": ...}: 401 when the access token has no reminders
  permission (or there is no token), 400 for a malformed request, 403, 429 and 5xx on demand
  (`fail_next`) for the tests of each error path.

Permission: Alexa keeps the person's consent; here `grant(token)` / `deny(token)` record it,
in process or through PUT /_local/permissions/{token} (for emulators in another process, such
as the virtual-alexa driver). Only a skill's own reminders are visible: they are kept per
access token, which locally stands for one person and one skill.
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import re
import ssl
import threading
import uuid
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID

from local import pki

DEFAULT_TIME_ZONE = "America/Chicago"  # what the skill guesses for en-US without one
REMINDERS = "/v1/alerts/reminders"
PERMISSIONS = "/_local/permissions/"
_TIME_ZONE_PATH = re.compile(r"^/v2/devices/[^/]+/settings/System\.timeZone$")
_ONE = re.compile(r"^/v1/alerts/reminders/([^/]+)$")
_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{1,2}:\d{2}(:\d{2}(\.\d{1,3})?)?$")
_RULE_KEYS = {"FREQ", "BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "INTERVAL", "COUNT", "UNTIL"}
_DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
# Standard messages for the statuses the tests ask for (the code is the API's kind of error).
FAULTS = {
    400: "INVALID_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    429: "RATE_EXCEEDED",
    500: "INTERNAL_ERROR",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}


def write_pki(directory: Path) -> tuple[Path, Path, Path]:
    """A throwaway root CA and a server certificate for 127.0.0.1 it signed: (ca, cert, key).

    Clients trust only the CA, as they trust a public authority for Alexa's real host, so
    the server's certificate is verified by chain and name like any other."""
    now = datetime.datetime.now(datetime.UTC)
    minutes_ago = now - datetime.timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = pki.ca_certificate(
        "local alexa api test CA",
        ca_key,
        issuer=None,
        issuer_key=ca_key,
        valid=(minutes_ago, now + datetime.timedelta(days=2)),
        path_length=0,
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = pki.end_entity_certificate(
        "127.0.0.1",
        key,
        issuer=ca,
        issuer_key=ca_key,
        valid=(minutes_ago, now + datetime.timedelta(days=1)),
        alt_names=[x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")],
        extended_usages=[ExtendedKeyUsageOID.SERVER_AUTH],
    )
    directory.mkdir(parents=True, exist_ok=True)
    ca_file, cert_file, key_file = (
        directory / "alexa-api-ca.pem",
        directory / "alexa-api.pem",
        directory / "alexa-api.key",
    )
    ca_file.write_bytes(pki.pem(ca))
    cert_file.write_bytes(pki.pem(cert))
    key_file.write_bytes(pki.key_pem(key))
    return ca_file, cert_file, key_file


class RequestError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or FAULTS.get(status, "ERROR")


@dataclass
class Call:
    """One request the stand-in answered, for tests to look at."""

    method: str
    path: str
    token: str | None
    body: Any
    status: int


def _now_iso() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def validate(body: Any) -> None:
    """Raise RequestError(400) for a reminder request the API would refuse."""
    if not isinstance(body, dict):
        raise RequestError(400, "request body must be a JSON object")
    for field in ("requestTime", "trigger", "alertInfo"):
        if field not in body:
            raise RequestError(400, f"missing {field}")
    if not _LOCAL_TIME.match(str(body["requestTime"]).removesuffix("Z")):
        raise RequestError(400, "requestTime is not ISO 8601", "INVALID_REQUEST_TIME")
    _validate_trigger(body["trigger"])
    content = (((body.get("alertInfo") or {}).get("spokenInfo") or {}).get("content")) or []
    if not isinstance(content, list) or not content:
        raise RequestError(400, "alertInfo.spokenInfo.content is empty", "INVALID_ALERT_INFO")
    for item in content:
        if not isinstance(item, dict) or not item.get("locale") or not item.get("text"):
            message = "each spoken content needs locale and text"
            raise RequestError(400, message, "INVALID_ALERT_INFO")
    push = body.get("pushNotification")
    if push is not None and (push or {}).get("status") not in ("ENABLED", "DISABLED"):
        raise RequestError(400, "pushNotification.status is ENABLED or DISABLED")


def _validate_trigger(trigger: Any) -> None:
    if not isinstance(trigger, dict):
        raise RequestError(400, "trigger must be an object", "INVALID_TRIGGER")
    kind = trigger.get("type")
    if kind == "SCHEDULED_RELATIVE":
        offset = trigger.get("offsetInSeconds")
        if not isinstance(offset, int) or isinstance(offset, bool) or offset <= 0:
            raise RequestError(400, "offsetInSeconds must be a positive integer", "INVALID_TRIGGER")
        return
    if kind != "SCHEDULED_ABSOLUTE":
        raise RequestError(400, f"unknown trigger type {kind!r}", "INVALID_TRIGGER")
    zone = trigger.get("timeZoneId")
    if zone is not None:
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError) as err:
            raise RequestError(400, "unknown timeZoneId", "INVALID_TIME_ZONE") from err
    recurrence = trigger.get("recurrence")
    scheduled = trigger.get("scheduledTime")
    if recurrence is None:
        if not isinstance(scheduled, str) or not _LOCAL_TIME.match(scheduled):
            # The reference: local time without an offset; "...Z" is refused.
            raise RequestError(400, "scheduledTime must be local ISO 8601", "INVALID_TRIGGER")
        moment = datetime.datetime.fromisoformat(scheduled)
        tz = ZoneInfo(str(zone)) if zone else datetime.UTC
        if moment.replace(tzinfo=tz) <= datetime.datetime.now(datetime.UTC):
            raise RequestError(400, "scheduledTime is in the past", "PAST_SCHEDULED_TIME")
        return
    if not isinstance(recurrence, dict):
        raise RequestError(400, "recurrence must be an object", "INVALID_RECURRENCE")
    start = recurrence.get("startDateTime")
    if start is not None and not _LOCAL_TIME.match(str(start)):
        raise RequestError(400, "startDateTime must be local ISO 8601", "INVALID_RECURRENCE")
    rules = recurrence.get("recurrenceRules")
    if rules is None and recurrence.get("freq") in ("DAILY", "WEEKLY"):
        return  # the older freq/byDay form, still accepted
    if not isinstance(rules, list) or not rules:
        raise RequestError(400, "recurrenceRules is empty", "INVALID_RECURRENCE")
    for rule in rules:
        _validate_rule(str(rule))


def _validate_rule(rule: str) -> None:
    parts = [p for p in rule.split(";") if p]
    fields = dict(p.split("=", 1) for p in parts if "=" in p)
    if len(fields) != len(parts) or not set(fields) <= _RULE_KEYS:
        raise RequestError(400, f"bad recurrence rule {rule!r}", "INVALID_RECURRENCE")
    if fields.get("FREQ") not in ("DAILY", "WEEKLY"):
        raise RequestError(400, "FREQ must be DAILY or WEEKLY", "INVALID_RECURRENCE")
    if "BYDAY" in fields and not set(fields["BYDAY"].split(",")) <= _DAYS:
        raise RequestError(400, "BYDAY lists weekday codes", "INVALID_RECURRENCE")
    limits = {"BYHOUR": 23, "BYMINUTE": 59, "BYSECOND": 59}
    for key, top in limits.items():
        if key in fields and not (fields[key].isdigit() and 0 <= int(fields[key]) <= top):
            raise RequestError(400, f"{key} out of range", "INVALID_RECURRENCE")


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # the names http.server dispatches to
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def log_message(self, format: str, *args: object) -> None:
        return  # quiet: consoles and test output stay readable

    def _dispatch(self, method: str) -> None:
        path = self.path.split("?", 1)[0]
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        token = _bearer(self.headers.get("Authorization"))
        body: Any = None
        status, answer = 500, None
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        try:
            status, answer = self.server.api.answer(method, path, token, body)
        except RequestError as err:
            status, answer = err.status, {"code": err.code, "message": str(err)}
        except ConnectionAbortedError:
            self.server.api.record(Call(method, path, token, body, 0))
            self.close_connection = True  # no answer at all, as a dropped network would
            return
        self.server.api.record(Call(method, path, token, body, status))
        data = b"" if answer is None else json.dumps(answer).encode("utf-8")
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _bearer(header: str | None) -> str | None:
    if not header or not header.startswith("Bearer "):
        return None
    return header.removeprefix("Bearer ").strip() or None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    api: LocalAlexaApi


class LocalAlexaApi:
    """`with LocalAlexaApi(tmp_dir) as api:` -> api.endpoint, api.ca_file, api.grant(token)."""

    def __init__(self, directory: Path, time_zone: str = DEFAULT_TIME_ZONE) -> None:
        self.ca_file, cert_file, key_file = write_pki(directory)
        self.time_zone = time_zone
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.api = self
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._lock = threading.Lock()
        self._granted: set[str] = set()
        self._reminders: dict[str, dict[str, dict[str, Any]]] = {}
        self._faults: deque[tuple[int, str | None]] = deque()
        self.calls: list[Call] = []

    @property
    def endpoint(self) -> str:
        return f"https://127.0.0.1:{self._server.server_address[1]}"

    # --- what the emulated Alexa and the tests control -----------------------------------

    def grant(self, token: str) -> None:
        with self._lock:
            self._granted.add(token)

    def deny(self, token: str) -> None:
        with self._lock:
            self._granted.discard(token)

    def fail_next(self, status: int, times: int = 1, code: str | None = None) -> None:
        """The next `times` reminder calls answer `status` (403, 429, 500...) as the API
        does; `status` 0 drops the connection without an answer (a network failure)."""
        with self._lock:
            self._faults.extend([(status, code)] * times)

    @property
    def hits(self) -> int:
        """Requests answered so far, whatever their path (the benchmark counts the skill's
        Settings API calls with it)."""
        with self._lock:
            return len(self.calls)

    def reminders(self, token: str) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self._reminders.get(token, {}).values()]

    def record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    # --- the API ------------------------------------------------------------------------

    def answer(self, method: str, path: str, token: str | None, body: Any) -> tuple[int, Any]:
        if path.startswith(PERMISSIONS) and method == "PUT":
            return self._permission(path.removeprefix(PERMISSIONS), body)
        if _TIME_ZONE_PATH.match(path) and method == "GET":
            if token is None:
                raise RequestError(401, "no access token")
            return 200, self.time_zone
        one = _ONE.match(path)
        if path != REMINDERS and one is None:
            raise RequestError(404, "no such resource")
        self._fault()
        if token is None:
            raise RequestError(401, "no access token")
        with self._lock:
            if token not in self._granted:
                raise RequestError(401, "the user has not granted the reminders permission")
            mine = self._reminders.setdefault(token, {})
            if one is None:
                return self._collection(method, mine, body)
            return self._item(method, mine, one.group(1), body)

    def _permission(self, token: str, body: Any) -> tuple[int, Any]:
        status = (body or {}).get("status") if isinstance(body, dict) else None
        if status == "GRANTED":
            self.grant(token)
        elif status == "DENIED":
            self.deny(token)
        else:
            raise RequestError(400, "status is GRANTED or DENIED")
        return 200, {"token": token, "status": status}

    def _fault(self) -> None:
        with self._lock:
            fault = self._faults.popleft() if self._faults else None
        if fault is None:
            return
        status, code = fault
        if status == 0:
            raise ConnectionAbortedError("dropped on purpose")
        raise RequestError(status, "fault injected by the test", code)

    def _collection(
        self, method: str, mine: dict[str, dict[str, Any]], body: Any
    ) -> tuple[int, Any]:
        if method == "GET":
            alerts = list(mine.values())
            return 200, {"totalCount": str(len(alerts)), "alerts": alerts, "links": None}
        if method != "POST":
            raise RequestError(405, "method not allowed", "METHOD_NOT_ALLOWED")
        validate(body)
        alert_token = str(uuid.uuid4())
        now = _now_iso()
        mine[alert_token] = {
            "alertToken": alert_token,
            "createdTime": now,
            "updatedTime": now,
            "status": "ON",
            "version": "1",
            "trigger": body["trigger"],
            "alertInfo": body["alertInfo"],
            "pushNotification": body.get("pushNotification", {"status": "ENABLED"}),
        }
        return 200, _summary(mine[alert_token])

    def _item(
        self, method: str, mine: dict[str, dict[str, Any]], alert_token: str, body: Any
    ) -> tuple[int, Any]:
        found = mine.get(alert_token)
        if found is None:
            raise RequestError(404, "no reminder with that alertToken", "NOT_FOUND")
        if method == "GET":
            return 200, dict(found)
        if method == "DELETE":
            del mine[alert_token]
            return 200, None
        if method == "PUT":
            validate(body)
            found.update(
                trigger=body["trigger"],
                alertInfo=body["alertInfo"],
                updatedTime=_now_iso(),
                version=str(int(found["version"]) + 1),
            )
            return 200, _summary(found)
        raise RequestError(405, "method not allowed", "METHOD_NOT_ALLOWED")

    # --- lifetime ------------------------------------------------------------------------

    def start(self) -> LocalAlexaApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LocalAlexaApi:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _summary(reminder: dict[str, Any]) -> dict[str, Any]:
    keys = ("alertToken", "createdTime", "updatedTime", "status", "version")
    out = {k: reminder[k] for k in keys}
    out["href"] = f"{REMINDERS}/{reminder['alertToken']}"
    return out
