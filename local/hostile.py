"""Malformed HTTP requests the endpoint must answer with a status, and a raw client for them.

Used by the integration tests (one test per case) and the load run (tools/serve_load.py),
so both try the same hostile inputs. Loopback only.
"""

from __future__ import annotations

import json
import re
import select
import socket
import time
from typing import Any, NamedTuple

from local import envelopes

HOST = "127.0.0.1"


class NoStatusError(AssertionError):
    """The endpoint sent no HTTP status line (an empty reply, or a bare body)."""


class Reply(NamedTuple):
    status: int
    body: dict[str, Any]
    seconds: float


def exchange(
    port: int,
    parts: list[bytes],
    pause: float = 0.0,
    half_close: bool = False,
) -> Reply:
    """Send `parts` (pausing between them) and read the reply to its end."""
    started = time.monotonic()
    with socket.create_connection((HOST, port), timeout=10) as sock:
        try:
            for n, part in enumerate(parts):
                # Between parts, stop sending as soon as the server has answered.
                if n and pause and select.select([sock], [], [], pause)[0]:
                    break
                sock.sendall(part)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before everything was sent
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        reply = b""
        try:
            while chunk := sock.recv(65536):
                reply += chunk
        except ConnectionResetError:
            pass
    elapsed = time.monotonic() - started
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", reply)
    if match is None:
        raise NoStatusError(f"no status line in {reply[:80]!r}")
    _, _, body = reply.partition(b"\r\n\r\n")
    try:
        parsed = json.loads(body) if body else {}
    except ValueError:
        parsed = {"not_json": body[:200].decode("latin-1")}  # e.g. an HTML error page
    return Reply(int(match.group(1)), parsed, elapsed)


def post_head(length: str | bytes, extra: bytes = b"") -> bytes:
    value = length.encode("latin-1") if isinstance(length, str) else length
    return b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + value + b"\r\n" + extra + b"\r\n"


def json_post(body: bytes) -> list[bytes]:
    return [post_head(str(len(body))) + body]


DEEP = b"[" * 100_000 + b"]" * 100_000
ENVELOPE = envelopes.launch()
TOO_DEEP_ENVELOPE = {**ENVELOPE, "session": {"attributes": {"x": json.loads("[" * 80 + "]" * 80)}}}

# Each case: the bytes sent (in parts, for a slow client) and the status it must get.
MALFORMED: dict[str, tuple[list[bytes], int]] = {
    "json nested 100,000 deep": (json_post(DEEP), 400),
    "json nested 2,000 deep in objects": (json_post(b'{"a":' * 2000 + b"1" + b"}" * 2000), 400),
    "envelope nested 80 deep": (json_post(json.dumps(TOO_DEEP_ENVELOPE).encode()), 400),
    "json number of 5,000 digits": (json_post(b"[" + b"7" * 5000 + b"]"), 400),
    "content-length a superscript two": ([post_head(b"\xb2") + b"{}"], 400),
    "content-length arabic-indic digits": ([post_head("٣".encode()) + b"{}"], 400),
    "content-length negative": ([post_head("-1") + b"{}"], 400),
    "content-length with a sign": ([post_head("+2") + b"{}"], 400),
    "content-length not a number": ([post_head("two") + b"{}"], 400),
    "content-length empty": ([post_head("") + b"{}"], 400),
    "content-length huge": ([post_head("9" * 40)], 413),
    "content-length over the cap": ([post_head(str(10**7))], 413),
    "content-length twice, differing": ([post_head("2", b"Content-Length: 3\r\n") + b"{}"], 400),
    "content-length zero": ([post_head("0")], 400),
    "no content-length": ([b"POST / HTTP/1.1\r\nHost: x\r\n\r\n"], 411),
    "chunked body": (
        [b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"],
        411,
    ),
    "chunked and a length": ([post_head("2", b"Transfer-Encoding: chunked\r\n") + b"{}"], 400),
    "body not utf-8": ([post_head("2") + b"\xff\xfe"], 400),
    "body not an alexa request": (json_post(b'{"version": "1.0"}'), 400),
    "wrong path": ([post_head("2").replace(b"POST / ", b"POST /elsewhere ") + b"{}"], 404),
    "GET": ([b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"], 405),
    "PUT": ([post_head("2").replace(b"POST", b"PUT") + b"{}"], 405),
    "DELETE": ([b"DELETE / HTTP/1.1\r\nHost: x\r\n\r\n"], 405),
    "HEAD": ([b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"], 405),
    "OPTIONS": ([b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"], 405),
    "an invented method": ([b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n"], 405),
    "HTTP/0.9 request line": ([b"GET /\r\n"], 505),
    "HTTP/2.0 request line": ([b"POST / HTTP/2.0\r\n\r\n"], 505),
    "bad version": ([b"POST / HTTP/x.y\r\n\r\n"], 400),
    "one word": ([b"hello\r\n\r\n"], 400),
    "blank request line": ([b"\r\n\r\n"], 400),
    "binary request line": ([b"\x00\x01\x02\xff \xfe HTTP/1.1\r\n\r\n"], 405),
    "request line over 64 KB": ([b"POST /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n"], 414),
    "a header over 64 KB": ([b"POST / HTTP/1.1\r\nX: " + b"a" * 70_000 + b"\r\n\r\n"], 431),
    "101 headers": ([b"POST / HTTP/1.1\r\n" + b"X: y\r\n" * 101 + b"\r\n"], 431),
}
