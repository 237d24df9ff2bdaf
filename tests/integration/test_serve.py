"""`make serve`: Alexa request JSON over HTTP on 127.0.0.1, bad bodies refused with 400."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local import envelopes
from local.serve import (
    DEFAULT_CHECKS,
    IncomingRequest,
    RejectedRequestError,
    RunningServer,
    check_alexa_shape,
    start_in_thread,
)
from local.store import ROOT, Dynalite, lock_holder

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration


class CountingSkill:
    def __init__(self, inner: LambdaHandler) -> None:
        self.inner = inner
        self.calls = 0

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        self.calls += 1
        return self.inner(event, context)


def post(url: str, body: bytes | dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    """(status, parsed JSON body) of a POST."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method="POST", headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.fixture
def counting(dynalite_skill: LambdaHandler) -> CountingSkill:
    return CountingSkill(dynalite_skill)


@pytest.fixture
def server(counting: CountingSkill) -> Iterator[RunningServer]:
    with start_in_thread(counting) as running:
        yield running


def test_an_alexa_request_gets_the_skills_response(
    server: RunningServer, counting: CountingSkill, fresh_user: str
) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    status, body = post(server.url, envelopes.launch(user_id=fresh_user))
    assert status == 200
    assert "Welcome to Hamstring Coach" in envelopes.speech_of(body)
    assert body["response"]["shouldEndSession"] is False
    status, body = post(server.url, envelopes.intent("AMAZON.StopIntent", user_id=fresh_user))
    assert status == 200 and body["response"]["shouldEndSession"] is True
    assert counting.calls == 2


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"\xff\xfe",
        b"[1, 2]",
        b'"launch"',
        json.dumps({"request": {"type": "LaunchRequest"}, "context": {"System": {}}}).encode(),
        json.dumps({"version": "1.0", "request": {}, "context": {"System": {}}}).encode(),
        json.dumps({"version": "1.0", "request": {"type": "LaunchRequest"}}).encode(),
        json.dumps({"version": "1.0", "request": {"type": "X"}, "context": {"S": {}}}).encode(),
    ],
)
def test_a_body_that_is_not_an_alexa_request_is_refused_before_the_handler(
    server: RunningServer, counting: CountingSkill, body: bytes
) -> None:
    status, reply = post(server.url, body)
    assert status == 400 and reply["error"]
    assert counting.calls == 0


def test_wrong_method_path_and_missing_length(server: RunningServer) -> None:
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(server.url, timeout=5)
    assert err.value.code == 405 and err.value.headers["Allow"] == "POST"
    status, _ = post(server.url + "elsewhere", envelopes.launch())
    assert status == 404
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        reply = b""
        while chunk := sock.recv(4096):
            reply += chunk
    assert reply.startswith(b"HTTP/1.0 411") and b"Content-Length required" in reply


def test_a_request_for_another_skill_is_refused_when_skill_id_is_set(
    make_dynalite_skill: Callable[..., LambdaHandler], dynalite_settings: Settings
) -> None:
    mine = "amzn1.ask.skill.0000-mine"
    skill = CountingSkill(make_dynalite_skill(settings=replace(dynalite_settings, skill_id=mine)))
    with start_in_thread(skill) as running:
        status, body = post(running.url, envelopes.launch(application_id="amzn1.ask.skill.other"))
        assert status == 400 and "another skill" in body["error"]
        status, body = post(running.url, envelopes.launch(application_id=mine))
        assert status == 200 and envelopes.speech_of(body)


def test_request_checks_are_pluggable(counting: CountingSkill) -> None:
    def needs_header(incoming: IncomingRequest) -> None:
        if incoming.headers.get("x-test-signature") != "good" or not incoming.body:
            raise RejectedRequestError("bad signature")

    with start_in_thread(counting, checks=[*DEFAULT_CHECKS, needs_header]) as running:
        status, body = post(running.url, envelopes.launch())
        assert (status, body["error"]) == (400, "bad signature")
        assert counting.calls == 0
        status, _ = post(running.url, envelopes.launch(), {"X-Test-Signature": "good"})
        assert status == 200 and counting.calls == 1


def test_concurrent_requests_are_all_answered(server: RunningServer) -> None:
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: post(server.url, envelopes.launch()), range(8)))
    assert all(status == 200 and envelopes.speech_of(body) for status, body in results)


def test_the_shape_check_on_plain_values() -> None:
    ok = envelopes.launch()
    check_alexa_shape(IncomingRequest(b"", {}, ok))
    bad_events: list[Any] = [None, [], {**ok, "version": 1}]
    for bad in bad_events:
        with pytest.raises(RejectedRequestError):
            check_alexa_shape(IncomingRequest(b"", {}, bad))


def _serve(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "local.serve", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DYNAMODB_ENDPOINT"}
    env["PYTHONPATH"] = f"{ROOT / 'lambda'}{os.pathsep}{ROOT}"
    env.update(extra)
    return env


def _listening_url(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert "listening on" in line, line + (proc.stderr.read() if proc.stderr else "")
    return line.split("listening on ")[1].split()[0]


def test_serve_command_on_an_existing_store(
    dynalite: Dynalite, dynalite_client: DynamoDBClient
) -> None:
    proc = _serve(
        ["--port", "0"],
        _env(DYNAMODB_ENDPOINT=dynalite.endpoint),
    )
    try:
        url = _listening_url(proc)
        status, body = post(url, envelopes.launch())
        assert status == 200 and envelopes.speech_of(body)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0


def test_serve_command_starts_and_stops_its_own_store(tmp_path: Path) -> None:
    store_dir = tmp_path / "serve-store"
    proc = _serve(["--port", "0", "--store-dir", str(store_dir)], _env())
    try:
        url = _listening_url(proc)
        status, body = post(url, envelopes.launch())
        assert status == 200 and "Welcome" in envelopes.speech_of(body)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    assert lock_holder(store_dir) is None  # dynalite is gone: its lock is free again
