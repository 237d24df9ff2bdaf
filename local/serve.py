"""The skill as an Alexa HTTP endpoint on 127.0.0.1: `make serve` (PORT, default 8090).

POST / with an Alexa request envelope (JSON) -> 200 with the response envelope from the
same lambda_handler and store as `make demo`. Refused with 400 before the handler runs: a
body that is not JSON, or not Alexa-shaped (version, request.type, context.System), or one
that a request check rejects; and, when SKILL_ID is set, a request for another skill.

Request checks are plain functions `check(incoming) -> None` that raise RejectedRequestError;
`make_server(handler, checks=[...])` sets them. `--verify-signatures` (or
VERIFY_SIGNATURES=1) adds Alexa's signature and timestamp check (local/verify.py), which a
public endpoint needs: anything not signed by Alexa, or stale, then gets 400 and never
reaches the handler. Calls into the handler are serialised, one at a time, as one Lambda
container would take them.

By default a dynalite is started with files in .local/dynalite-serve/ and seeded like the
demo; `--endpoint URL` (or DYNAMODB_ENDPOINT) uses a running store instead. In tests:

    with start_in_thread(handler) as server:      # port 0: a free port
        post(server.url, envelope)
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from hamstring_coach.app import ForeignSkillError, LambdaHandler
from local.runtime import SERVE_STORE_DIR, local_app
from local.store import DynaliteError
from local.verify import RequestRejectedError, RequestVerifier

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
DEFAULT_PORT = 8090
# Alexa request bodies are a few kilobytes; anything this large is not one.
MAX_BODY_BYTES = 512 * 1024


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


class SkillHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, handler: LambdaHandler, checks: Sequence[RequestCheck]) -> None:
        super().__init__((HOST, port), _SkillRequestHandler)
        self.skill = handler
        self.checks = tuple(checks)
        self.skill_lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up early is not a server fault; anything else is printed.
        if isinstance(sys.exc_info()[1], ConnectionError):
            log.debug("client went away")
            return
        super().handle_error(request, client_address)


class _SkillRequestHandler(BaseHTTPRequestHandler):
    server: SkillHTTPServer
    server_version = "HamstringCoachLocal"

    def version_string(self) -> str:
        return self.server_version

    def do_POST(self) -> None:
        if self.path.split("?")[0] != "/":
            self._reply(HTTPStatus.NOT_FOUND, {"error": "POST to /"})
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._reply(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length required"})
            return
        if int(length) > MAX_BODY_BYTES:
            self._reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "body too large"})
            self.close_connection = True
            return
        body = self.rfile.read(int(length))
        try:
            event = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            self._reply(HTTPStatus.BAD_REQUEST, {"error": "body is not JSON"})
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
            with self.server.skill_lock:
                response = self.server.skill(event, None)
        except ForeignSkillError:
            self._reply(HTTPStatus.BAD_REQUEST, {"error": "request for another skill"})
            return
        except Exception:
            # The handler answers every Alexa request itself; reaching here is a bug.
            log.exception("handler failed")
            self._reply(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "handler failed"})
            return
        self._reply(HTTPStatus.OK, response)

    def do_GET(self) -> None:
        self._reply(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "POST an Alexa request to /"})

    # http.server dispatches on these exact names.
    do_PUT = do_DELETE = do_PATCH = do_GET  # noqa: N815

    def _reply(self, status: HTTPStatus, payload: Mapping[str, Any]) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "POST")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        # Method, path and status only; bodies (user speech, health answers) never reach logs.
        log.debug("%s %s", self.address_string(), format % args)


def make_server(
    handler: LambdaHandler, port: int = 0, checks: Sequence[RequestCheck] = DEFAULT_CHECKS
) -> SkillHTTPServer:
    """A server bound to 127.0.0.1:port (0 picks a free port); call serve_forever()."""
    return SkillHTTPServer(port, handler, checks)


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
    handler: LambdaHandler, port: int = 0, checks: Sequence[RequestCheck] = DEFAULT_CHECKS
) -> RunningServer:
    return RunningServer(make_server(handler, port, checks))


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
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)

    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with local_app(args.endpoint, args.store_dir) as app:
            try:
                server = make_server(app.handler, args.port, request_checks(args.verify_signatures))
            except OSError as err:
                print(f"could not listen on {HOST}:{args.port}: {err.strerror}", file=sys.stderr)
                return 1
            mode = "verified Alexa requests only" if args.verify_signatures else "unverified"
            print(
                f"Hamstring Coach listening on {server.url} (store {app.endpoint}; {mode})",
                flush=True,
            )
            # Requests whose apiEndpoint names the stand-in reach it (reminders, time zone);
            # an emulator records a voice consent with PUT .../_local/permissions/<token>.
            print(f"Alexa API stand-in at {app.alexa_api.endpoint} (CA {app.alexa_api.ca_file})")
            try:
                server.serve_forever(poll_interval=0.2)
            finally:
                server.server_close()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    except DynaliteError as err:
        print(f"could not start the local store: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
