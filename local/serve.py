"""The skill as an Alexa HTTP endpoint on 127.0.0.1: `make serve` (PORT, default 8090).

POST / with an Alexa request envelope (JSON) -> 200 with the response envelope from the
same lambda_handler and store as `make demo`. Refused with 400 before the handler runs: a
body that is not JSON, or not Alexa-shaped (version, request.type, context.System), or one
that a request check rejects; and, when SKILL_ID is set, a request for another skill.

Request checks are plain functions `check(incoming) -> None` that raise RejectedRequestError;
`make_server(handler, checks=[...])` sets them. `--verify-signatures` (or
VERIFY_SIGNATURES=1) adds Alexa's signature and timestamp check (local/verify.py), which a
public endpoint needs: anything not signed by Alexa, or stale, then gets 400 and never
reaches the handler.

How it holds up (docs/trust.md has the figures); every limit is a `ServeLimits` field:
- Turns run at once on a bounded pool of workers, as warm Lambda containers would take
  them. `make serve` gives each worker its own app (`PerWorker`), as each container runs
  its own init; a single handler passed in is shared by all workers.
- Every turn is answered within `deadline` seconds of its arrival (Alexa waits about 8 s):
  past it, a short spoken apology with the session's attributes handed back unchanged.
- Connections are bounded (`max_connections` threads; beyond that 503 at once), and a
  request must arrive whole within `read_timeout`, however slowly it trickles in: idle and
  slow sockets are closed (408 when part of a request came).
- Every request gets an HTTP status with a short JSON body that never echoes the request:
  bad lengths, deep JSON, wrong methods, bad request lines, too many headers.
- The dynalite it starts is restarted if it dies (local/store.py, StoreSupervisor).

By default a dynalite is started with files in .local/dynalite-serve/ and seeded like the
demo; `--endpoint URL` (or DYNAMODB_ENDPOINT) uses a running store instead. In tests:

    with start_in_thread(handler) as server:      # port 0: a free port
        post(server.url, envelope)
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import io
import json
import logging
import math
import os
import re
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from dataclasses import dataclass, fields, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any
from xml.sax.saxutils import escape

from hamstring_coach.app import ForeignSkillError, LambdaHandler
from local.runtime import SERVE_STORE_DIR, add_health_options, local_app
from local.store import DynaliteError
from local.verify import RequestRejectedError, RequestVerifier

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
DEFAULT_PORT = 8090
# Alexa request bodies are a few kilobytes; anything this large is not one.
MAX_BODY_BYTES = 512 * 1024
# An Alexa envelope nests about ten levels (session attributes included); JSON nested far
# deeper is refused before anything walks it.
MAX_JSON_DEPTH = 64
_LINES = Path(__file__).with_name("serve_lines.json")
_ASCII_DIGITS = re.compile(r"[0-9]+", re.ASCII)
# Request types Alexa allows no speech in reply to (besides SessionEndedRequest).
_SILENT = ("AlexaSkillEvent.", "AudioPlayer.", "PlaybackController.", "System.")


@dataclass(frozen=True)
class ServeLimits:
    """How much the endpoint takes on at once and how long it waits. Env: SERVE_<FIELD>."""

    workers: int = 8  # turns handled at once, like warm Lambda containers
    max_connections: int = 64  # open connections (one thread each); beyond it 503 at once
    read_timeout: float = 5.0  # a whole request must arrive within this, from connecting
    deadline: float = 6.0  # seconds from a request's arrival to its answer (Alexa waits ~8)
    write_timeout: float = 5.0  # a client that does not read its answer is dropped
    backlog: int = 128  # listen queue; 5 (the default) made a 7th simultaneous connect wait 1 s
    linger: float = 0.5  # after answering, how long unread input is drained before closing

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServeLimits:
        env = os.environ if env is None else env
        limits = cls()
        for field in fields(cls):
            raw = env.get(f"SERVE_{field.name.upper()}")
            if raw:
                kind = type(getattr(limits, field.name))
                limits = replace(limits, **{field.name: kind(raw)})
        return limits


@dataclass(frozen=True)
class PerWorker:
    """Each worker thread builds its own handler on its first turn and keeps it: nothing in
    one app (content cache, clients' state) is then shared between threads."""

    build: Callable[[], LambdaHandler]


class RejectedRequestError(Exception):
    """A request the endpoint refuses with HTTP 400. The message is safe to log and return:
    it names what is wrong, never what the request said."""


@dataclass(frozen=True)
class IncomingRequest:
    """What a request check may look at: raw bytes (for signatures), headers, parsed JSON."""

    body: bytes
    headers: Mapping[str, str]  # names lower-cased
    event: Any  # the parsed JSON; checks must not assume its shape


RequestCheck = Callable[[IncomingRequest], None]


def check_alexa_shape(incoming: IncomingRequest) -> None:
    """An Alexa request envelope: version, request.type and context.System are present."""
    event = incoming.event
    if not isinstance(event, dict):
        raise RejectedRequestError("body is not a JSON object")
    if not isinstance(event.get("version"), str):
        raise RejectedRequestError("no version")
    request = event.get("request")
    if not isinstance(request, dict) or not isinstance(request.get("type"), str):
        raise RejectedRequestError("no request.type")
    context = event.get("context")
    system = context.get("System") if isinstance(context, dict) else None
    if not isinstance(system, dict):
        raise RejectedRequestError("no context.System")


DEFAULT_CHECKS: tuple[RequestCheck, ...] = (check_alexa_shape,)
_TRUE = ("1", "true", "yes", "on")


def signature_check(verifier: RequestVerifier) -> RequestCheck:
    """Alexa's request signature and timestamp (local/verify.py) as a request check."""

    def check(incoming: IncomingRequest) -> None:
        try:
            verifier.verify(incoming.headers, incoming.body)
        except RequestRejectedError as err:
            # The reason names the failed rule, never request content.
            raise RejectedRequestError(f"not a verified Alexa request: {err.reason}") from err

    return check


def request_checks(
    verify_signatures: bool, verifier: RequestVerifier | None = None
) -> tuple[RequestCheck, ...]:
    """The checks `serve` runs: the shape check, and in verified mode the signature first."""
    if not verify_signatures:
        return DEFAULT_CHECKS
    return (signature_check(verifier or RequestVerifier()), *DEFAULT_CHECKS)


def verify_from_env(env: Mapping[str, str] | None = None) -> bool:
    return (os.environ if env is None else env).get("VERIFY_SIGNATURES", "").lower() in _TRUE


def nested_deeper_than(value: Any, limit: int) -> bool:
    """Whether parsed JSON nests more than `limit` levels; iterative, so depth costs no stack."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def late_answer(event: Mapping[str, Any]) -> dict[str, Any]:
    """What Alexa gets when the skill has not answered by the deadline: a short apology,
    the session open, and the session's attributes handed back as they came (an update
    still waiting to be saved rides on them), so nothing the session carries is lost."""
    request = event.get("request")
    request = request if isinstance(request, dict) else {}
    kind = request.get("type")
    if isinstance(kind, str) and (kind == "SessionEndedRequest" or kind.startswith(_SILENT)):
        return {"version": "1.0", "response": {}}  # requests whose answer may not speak
    lines: dict[str, dict[str, str]] = json.loads(_LINES.read_text("utf-8"))
    locale = request.get("locale")
    lang = locale.split("-")[0] if isinstance(locale, str) else "en"
    said = lines.get(lang, lines["en"])
    answer: dict[str, Any] = {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": f"<speak>{escape(said['late'])}</speak>"},
            "reprompt": {
                "outputSpeech": {
                    "type": "SSML",
                    "ssml": f"<speak>{escape(said['late_reprompt'])}</speak>",
                }
            },
            "shouldEndSession": False,
        },
    }
    session = event.get("session")
    attributes = session.get("attributes") if isinstance(session, dict) else None
    if isinstance(attributes, dict) and attributes:
        answer["sessionAttributes"] = attributes
    return answer


def _where(err: BaseException) -> str:
    """The innermost frame as file:line:function: enough to find a bug, no request content."""
    frames = traceback.extract_tb(err.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno}:{last.name}"


class _DeadlineReader(io.RawIOBase):
    """The socket's input, never read past a deadline: a request (line, headers and body)
    must arrive whole in time, however slowly its bytes trickle in. A plain socket timeout
    would restart with every byte, so one byte every few seconds would hold a thread."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self.deadline = time.monotonic()
        self.received = 0  # bytes of the current request so far
        self.timed_out = False

    def start(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.received = 0
        self.timed_out = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        remaining = self.deadline - time.monotonic()
        try:
            if remaining <= 0:
                raise TimeoutError("request did not arrive in time")
            self._sock.settimeout(remaining)
            count = self._sock.recv_into(buffer)
        except TimeoutError:
            self.timed_out = True
            raise
        self.received += count
        return count


class SkillHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with bounds: at most `max_connections` connection threads, and
    turns on a pool of `workers` threads, each answered by the deadline."""

    daemon_threads = True

    def __init__(
        self,
        port: int,
        handler: LambdaHandler | PerWorker,
        checks: Sequence[RequestCheck],
        limits: ServeLimits | None = None,
    ) -> None:
        self.limits = limits or ServeLimits()
        # Read by server_activate (listen) inside super().__init__.
        self.request_queue_size = self.limits.backlog
        super().__init__((HOST, port), _SkillRequestHandler)
        self.skill = handler
        self.checks = tuple(checks)
        self._slots = threading.BoundedSemaphore(self.limits.max_connections)
        self._pool = ThreadPoolExecutor(self.limits.workers, thread_name_prefix="skill")
        self._worker = threading.local()
        self._running = 0  # turns on a worker right now
        self._idle = threading.Condition()
        self._busy_logged = -math.inf

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    # --- connections ------------------------------------------------------------------

    def process_request(self, request: Any, client_address: Any) -> None:
        """One thread per connection, as ThreadingHTTPServer, but never more than the limit:
        a connection beyond it gets 503 at once instead of a thread held for ever."""
        if not self._slots.acquire(blocking=False):
            now = time.monotonic()
            if now - self._busy_logged >= 1.0:  # a flood makes one line a second, not one each
                self._busy_logged = now
                log.warning("refusing connections: %d open", self.limits.max_connections)
            self._refuse_busy(request)
            return
        thread = threading.Thread(
            target=self._serve_connection, args=(request, client_address), daemon=True
        )
        try:
            thread.start()
        except RuntimeError:  # the system cannot start another thread
            self._slots.release()
            self._refuse_busy(request)

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self._slots.release()

    def _refuse_busy(self, sock: socket.socket) -> None:
        body = json.dumps({"error": "too many connections; try again"}).encode()
        head = (
            "HTTP/1.0 503 Service Unavailable\r\nContent-Type: application/json;charset=UTF-8"
            f"\r\nContent-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
        )
        with contextlib.suppress(OSError):
            sock.settimeout(0.2)  # a few hundred bytes into an empty send buffer: no wait
            sock.sendall(head.encode("ascii") + body)
        # On the accepting thread: drain what already arrived, but never wait for more.
        self._close(sock, linger=0.0)

    def shutdown_request(self, request: Any) -> None:
        self._close(request, self.limits.linger)

    @staticmethod
    def _close(sock: socket.socket, linger: float) -> None:
        """Close after the answer has gone. Closing with unread input makes the kernel send
        a reset, which can destroy the answer before the client reads it (a 413 or 400
        sent before the body was read): so finish sending, then drain briefly."""
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_WR)
        with contextlib.suppress(OSError):
            end = time.monotonic() + linger
            drained = 0
            while drained < MAX_BODY_BYTES:
                # 0 first means: only what has already arrived (the socket is non-blocking).
                sock.settimeout(max(end - time.monotonic(), 0.0))
                try:
                    chunk = sock.recv(65536)
                except (BlockingIOError, TimeoutError):
                    break
                if not chunk:
                    break
                drained += len(chunk)
        sock.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up early is not a server fault; anything else is logged in
        # one line (where, not what: no request content, no traceback).
        err = sys.exc_info()[1]
        if isinstance(err, ConnectionError | TimeoutError):
            log.debug("client went away")
            return
        if err is not None:
            log.error("connection failed: %s at %s", type(err).__name__, _where(err))

    # --- turns ------------------------------------------------------------------------

    def answer(self, event: dict[str, Any], started: float) -> dict[str, Any]:
        """The skill's answer, or the apology if it is not ready `deadline` s after `started`.

        A turn still waiting for a worker at the deadline is cancelled, so it never runs
        after its apology. One already running cannot be stopped; its late answer is
        dropped (a save it makes then still lands, as in a Lambda that times out).
        """
        future: Future[dict[str, Any]] = self._pool.submit(self._run_turn, event)
        remaining = started + self.limits.deadline - time.monotonic()
        try:
            return future.result(timeout=max(0.0, remaining))
        except FutureTimeoutError:
            started_running = not future.cancel()
            log.warning(
                "no answer within %.1f s (%s): apologised",
                self.limits.deadline,
                "still running" if started_running else "never started",
            )
            return late_answer(event)

    def _run_turn(self, event: dict[str, Any]) -> dict[str, Any]:
        with self._idle:
            self._running += 1
        try:
            handler = self._worker_handler()
            # A fresh context per turn: context variables set by one turn (the store window,
            # the observed turn) never leak into the next turn on the same worker.
            return contextvars.Context().run(handler, event, None)
        finally:
            with self._idle:
                self._running -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout: float) -> int:
        """Wait up to `timeout` s for running turns to end; how many are still running."""
        with self._idle:
            self._idle.wait_for(lambda: self._running == 0, timeout)
            return self._running

    def _worker_handler(self) -> LambdaHandler:
        if not isinstance(self.skill, PerWorker):
            return self.skill
        handler: LambdaHandler | None = getattr(self._worker, "handler", None)
        if handler is None:
            handler = self.skill.build()
            self._worker.handler = handler
        return handler

    def server_close(self) -> None:
        super().server_close()
        self._pool.shutdown(wait=False, cancel_futures=True)


class _SkillRequestHandler(BaseHTTPRequestHandler):
    server: SkillHTTPServer
    server_version = "HamstringCoachLocal"
    # Error replies before the version is known still carry a status line: the standard
    # library's default (HTTP/0.9) would send a bare body with no status at all.
    default_request_version = "HTTP/1.0"
    raw_requestline: bytes  # set by the standard library before parse_request
    _reader: _DeadlineReader
    _answered: bool
    _started: float

    def version_string(self) -> str:
        return self.server_version

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        self._reader = _DeadlineReader(self.connection)
        self.rfile = io.BufferedReader(self._reader)

    def handle_one_request(self) -> None:
        # Defaults for a reply to a request line that never arrived whole.
        self.request_version = self.default_request_version
        self.requestline = ""
        self.command = ""
        self._answered = False
        self._started = time.monotonic()
        self._reader.start(self.server.limits.read_timeout)
        super().handle_one_request()  # catches TimeoutError and closes the connection
        if self._reader.timed_out:
            self.close_connection = True
            if self._reader.received and not self._answered:
                # Part of a request came, then nothing more in time (slow headers or body).
                with contextlib.suppress(OSError):
                    self._reply(HTTPStatus.REQUEST_TIMEOUT, {"error": "request incomplete"})

    def parse_request(self) -> bool:
        self._started = time.monotonic()  # the request line is here: the deadline runs
        words = self.raw_requestline.split()
        if not words:
            self.send_error(HTTPStatus.BAD_REQUEST)
            return False
        if len(words) == 2:  # HTTP/0.9 ("GET /"): no status line to answer it with
            self.send_error(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED)
            return False
        return super().parse_request()

    def do_POST(self) -> None:
        try:
            self._post()
        except TimeoutError:
            raise  # a slow client: handle_one_request answers 408
        except Exception as err:
            # Reaching here is a bug in the endpoint: answer, and log where (not what).
            log.error("request failed: %s at %s", type(err).__name__, _where(err))
            if not self._answered:
                self._reply(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "server error"})

    def _post(self) -> None:
        if self.path.split("?")[0] != "/":
            self._reply(HTTPStatus.NOT_FOUND, {"error": "POST to /"})
            return
        length = self._content_length()
        if length is None:
            return
        body = self.rfile.read(length)
        if len(body) < length:
            self._reply(HTTPStatus.BAD_REQUEST, {"error": "body shorter than Content-Length"})
            return
        try:
            event = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            # RecursionError: JSON nested thousands deep overflows the parser itself.
            self._reply(HTTPStatus.BAD_REQUEST, {"error": "body is not JSON"})
            return
        if nested_deeper_than(event, MAX_JSON_DEPTH):
            self._reply(HTTPStatus.BAD_REQUEST, {"error": "JSON nested too deep"})
            return
        headers = {name.lower(): value for name, value in self.headers.items()}
        incoming = IncomingRequest(body, headers, event)
        try:
            for check in self.server.checks:
                check(incoming)
        except RejectedRequestError as err:
            log.info("request refused: %s", err)
            self._reply(HTTPStatus.BAD_REQUEST, {"error": str(err)})
            return
        try:
            response = self.server.answer(event, self._started)
        except ForeignSkillError:
            self._reply(HTTPStatus.BAD_REQUEST, {"error": "request for another skill"})
            return
        except Exception as err:
            # The handler answers every Alexa request itself; reaching here is a bug.
            log.error("handler failed: %s at %s", type(err).__name__, _where(err))
            self._reply(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "handler failed"})
            return
        self._reply(HTTPStatus.OK, response)

    def _content_length(self) -> int | None:
        """The body's length, or None after refusing: one plain ASCII number, not too big.

        `str.isdigit()` is not enough: it accepts '²' and other digits `int()` refuses.
        """
        values = self.headers.get_all("Content-Length") or []
        if self.headers.get("Transfer-Encoding") is not None:
            if values:  # both: the classic request-smuggling ambiguity
                self._reply(HTTPStatus.BAD_REQUEST, {"error": "Transfer-Encoding with length"})
            else:
                self._reply(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length required"})
            return None
        if not values:
            self._reply(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length required"})
            return None
        texts = {value.strip() for value in values}
        text = texts.pop()
        if texts or not _ASCII_DIGITS.fullmatch(text):
            self._reply(HTTPStatus.BAD_REQUEST, {"error": "invalid Content-Length"})
            return None
        digits = text.lstrip("0") or "0"
        if len(digits) > len(str(MAX_BODY_BYTES)) or int(digits) > MAX_BODY_BYTES:
            self._reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "body too large"})
            return None
        return int(digits)

    def do_GET(self) -> None:
        self._reply(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "POST an Alexa request to /"})

    # http.server dispatches on these exact names.
    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_GET  # noqa: N815

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's error replies (bad request line, too many headers,
        unknown method) as JSON, without echoing the request as its HTML page does."""
        status = HTTPStatus(code)
        self.close_connection = True
        if status == HTTPStatus.NOT_IMPLEMENTED:  # an unknown method: only POST is served
            status = HTTPStatus.METHOD_NOT_ALLOWED
        self._reply(status, {"error": status.phrase.lower()})

    def send_response(self, code: int, message: str | None = None) -> None:
        self._answered = True
        # The socket still has the read deadline's timeout; writing gets its own.
        self.connection.settimeout(self.server.limits.write_timeout)
        super().send_response(code, message)

    def _reply(self, status: HTTPStatus, payload: Mapping[str, Any]) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "POST")
        if self.close_connection or status >= HTTPStatus.BAD_REQUEST:
            self.close_connection = True
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        # Method, path and status only; bodies (user speech, health answers) never reach logs.
        log.debug("%s %s", self.address_string(), format % args)


def make_server(
    handler: LambdaHandler | PerWorker,
    port: int = 0,
    checks: Sequence[RequestCheck] = DEFAULT_CHECKS,
    limits: ServeLimits | None = None,
) -> SkillHTTPServer:
    """A server bound to 127.0.0.1:port (0 picks a free port); call serve_forever()."""
    return SkillHTTPServer(port, handler, checks, limits)


class RunningServer:
    """A server answering in a background thread; `stop()` (or leaving `with`) shuts it."""

    def __init__(self, server: SkillHTTPServer) -> None:
        self.server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_in_thread(
    handler: LambdaHandler | PerWorker,
    port: int = 0,
    checks: Sequence[RequestCheck] = DEFAULT_CHECKS,
    limits: ServeLimits | None = None,
) -> RunningServer:
    return RunningServer(make_server(handler, port, checks, limits))


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", DEFAULT_PORT)))
    parser.add_argument("--endpoint", default=os.environ.get("DYNAMODB_ENDPOINT") or None)
    parser.add_argument("--store-dir", type=Path, default=SERVE_STORE_DIR)
    parser.add_argument(
        "--verify-signatures",
        action="store_true",
        default=verify_from_env(),
        help="refuse requests without a valid Alexa signature and fresh timestamp (400)",
    )
    limits = ServeLimits.from_env()
    parser.add_argument("--workers", type=int, default=limits.workers)
    parser.add_argument("--deadline", type=float, default=limits.deadline)
    add_health_options(parser)
    args = parser.parse_args(argv)
    limits = replace(limits, workers=args.workers, deadline=args.deadline)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)

    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    stuck = 0
    try:
        with local_app(
            args.endpoint,
            args.store_dir,
            supervise=True,
            health_data=args.health_data,
            health_controls=args.health_controls,
        ) as app:
            try:
                server = make_server(
                    PerWorker(app.new_handler),
                    args.port,
                    request_checks(args.verify_signatures),
                    limits,
                )
            except OSError as err:
                print(f"could not listen on {HOST}:{args.port}: {err.strerror}", file=sys.stderr)
                return 1
            mode = "verified Alexa requests only" if args.verify_signatures else "unverified"
            print(
                f"Hamstring Coach listening on {server.url} (store {app.endpoint}; {mode}; "
                f"{limits.workers} workers, {limits.deadline:g} s deadline; "
                f"health data {app.settings.health_data})",
                flush=True,
            )
            # Requests whose apiEndpoint names the stand-in reach it (reminders, time zone);
            # an emulator records a voice consent with PUT .../_local/permissions/<token>.
            print(f"Alexa API stand-in at {app.alexa_api.endpoint} (CA {app.alexa_api.ca_file})")
            try:
                server.serve_forever(poll_interval=0.2)
            except KeyboardInterrupt:
                print("stopped", flush=True)
            finally:
                server.server_close()
                # Turns already running get their deadline to finish (and save), no more.
                stuck = server.wait_idle(limits.deadline)
    except KeyboardInterrupt:
        print("stopped", flush=True)
    except DynaliteError as err:
        print(f"could not start the local store: {err}", file=sys.stderr)
        return 1
    if stuck:
        # Python would wait at exit for every worker thread, however long a stuck turn
        # takes; the store is already stopped, so leave now.
        log.warning("stopped with %d turns still running", stuck)
        logging.shutdown()
        sys.stdout.flush()
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
