"""`serve` under load and faults, over loopback: turns run at once and each is answered by
its deadline (also while the store stalls), a deep listen backlog, bounded connections with
idle ones closed, an HTTP status for every malformed request, and a dead store restarted.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, suppress
from dataclasses import replace
from pathlib import Path
from queue import Empty, Queue
from typing import TYPE_CHECKING, Any

import pytest

from hamstring_coach.adapters.dynamo import make_client
from hamstring_coach.app import LambdaHandler, create_app
from hamstring_coach.settings import Settings
from local import envelopes
from local.hostile import MALFORMED, exchange, post_head
from local.offline_api import OfflineApiClient
from local.runtime import prepare_store
from local.serve import (
    PerWorker,
    RunningServer,
    ServeLimits,
    late_answer,
    make_server,
    nested_deeper_than,
    start_in_thread,
)
from local.store import ROOT, Dynalite, StoreSupervisor, lock_holder
from tools import serve_load

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

LATE = "took me too long"
STORE_DOWN = "can't reach your saved program"
FIRST_VISIT = "Welcome to Hamstring Coach"


class CountingSkill:
    """The real skill, counting the turns that reached it."""

    def __init__(self, inner: LambdaHandler) -> None:
        self.inner = inner
        self.calls = 0
        self._lock = threading.Lock()

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        with self._lock:
            self.calls += 1
        return self.inner(event, context)


def post(url: str, body: dict[str, Any], timeout: float = 15) -> tuple[int, dict[str, Any]]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def timed_post(url: str, body: dict[str, Any]) -> tuple[float, int, dict[str, Any]]:
    started = time.monotonic()
    status, reply = post(url, body)
    return time.monotonic() - started, status, reply


# --- a store of the test's own, so it can be stalled and killed -----------------------------


@pytest.fixture
def own_store(dynalite_settings: Settings) -> Iterator[tuple[Dynalite, Settings]]:
    store = Dynalite().start()
    settings = replace(dynalite_settings, dynamodb_endpoint=store.endpoint)
    try:
        prepare_store(make_client(settings), settings)
        yield store, settings
    finally:
        _signal_store(store, signal.SIGCONT)
        store.stop()


def _signal_store(store: Dynalite, signum: int) -> None:
    if store.pid is not None and store.running:
        os.killpg(store.pid, signum)


def _skill(settings: Settings) -> LambdaHandler:
    return create_app(settings, client=make_client(settings), api_client=OfflineApiClient())


def test_turns_during_a_store_stall_run_at_once_and_each_is_answered_by_its_deadline(
    own_store: tuple[Dynalite, Settings],
) -> None:
    store, settings = own_store
    # A turn alone would wait for the stalled store longer than the endpoint's deadline.
    slow = replace(settings, ddb_read_timeout=2.5, store_window=2.0)
    skill = CountingSkill(_skill(slow))
    limits = ServeLimits(workers=4, deadline=1.5)
    attributes = {"carried": {"note": "handed back unchanged"}}
    with start_in_thread(skill, limits=limits) as server:
        assert post(server.url, envelopes.launch())[0] == 200  # content cached before the stall
        before = skill.calls
        _signal_store(store, signal.SIGSTOP)
        try:
            turns = [
                envelopes.intent("AMAZON.HelpIntent", session_attributes=attributes)
                if n % 2
                else envelopes.launch(user_id=f"amzn1.ask.account.STALL{n}")
                for n in range(15)
            ]
            with ThreadPoolExecutor(15) as clients:
                results = list(clients.map(lambda env: timed_post(server.url, env), turns))
        finally:
            _signal_store(store, signal.SIGCONT)
        for seconds, status, reply in results:
            assert status == 200 and seconds < limits.deadline + 1.5
            assert reply["response"]["shouldEndSession"] is False and envelopes.reprompt_of(reply)
        for turn, (_, _, reply) in zip(turns, results, strict=True):
            if turn["request"]["type"] == "LaunchRequest":  # needs the store: always late
                assert LATE in envelopes.speech_of(reply)
        for turn, (_, _, reply) in zip(turns, results, strict=True):
            if LATE in envelopes.speech_of(reply) and turn["session"]["attributes"]:
                assert reply["sessionAttributes"] == attributes
        # Turns still queued at their deadline were dropped, never run after the apology.
        time.sleep(slow.store_window + slow.ddb_read_timeout)
        assert skill.calls - before <= limits.workers + sum(
            LATE not in envelopes.speech_of(r) for _, _, r in results
        )
        # The store is back: the next turn is answered by the skill itself.
        status, reply = post(server.url, envelopes.launch(user_id="amzn1.ask.account.AFTER"))
        assert status == 200 and "Welcome" in envelopes.speech_of(reply)


def test_turns_are_not_serialised_while_the_store_stalls(
    own_store: tuple[Dynalite, Settings],
) -> None:
    store, settings = own_store
    fast = replace(settings, ddb_connect_timeout=0.2, ddb_read_timeout=0.5, store_window=1.0)
    worst = fast.store_window + fast.ddb_connect_timeout + fast.ddb_read_timeout
    with start_in_thread(_skill(fast), limits=ServeLimits(workers=8)) as server:
        assert post(server.url, envelopes.launch())[0] == 200
        _signal_store(store, signal.SIGSTOP)
        try:
            users = [envelopes.launch(user_id=f"amzn1.ask.account.PAR{n}") for n in range(8)]
            started = time.monotonic()
            with ThreadPoolExecutor(8) as clients:
                results = list(clients.map(lambda env: timed_post(server.url, env), users))
            elapsed = time.monotonic() - started
        finally:
            _signal_store(store, signal.SIGCONT)
    # One at a time, 8 turns would take 8 x worst; at once, about one worst case.
    assert elapsed < 3 * worst
    assert all(status == 200 and STORE_DOWN in envelopes.speech_of(r) for _, status, r in results)


def test_each_worker_builds_its_own_app_once(
    dynalite_settings: Settings, dynalite_client: DynamoDBClient
) -> None:
    built: list[int] = []
    lock = threading.Lock()

    def build() -> LambdaHandler:
        with lock:
            built.append(threading.get_ident())
        return _skill(dynalite_settings)

    limits = ServeLimits(workers=3)
    with (
        start_in_thread(PerWorker(build), limits=limits) as server,
        ThreadPoolExecutor(6) as clients,
    ):
        users = [envelopes.launch(user_id=f"amzn1.ask.account.WORKER{n}") for n in range(12)]
        results = list(clients.map(lambda env: post(server.url, env), users))
    assert all(status == 200 and "Welcome" in envelopes.speech_of(r) for status, r in results)
    assert 1 <= len(built) <= 3 and len(set(built)) == len(built)


def test_the_apology_says_nothing_where_alexa_allows_no_speech() -> None:
    silent = {"version": "1.0", "response": {}}
    assert late_answer(envelopes.session_ended()) == silent
    for kind in ("AlexaSkillEvent.SkillDisabled", "System.ExceptionEncountered"):
        assert late_answer({**envelopes.launch(), "request": {"type": kind}}) == silent
    assert LATE in envelopes.speech_of(late_answer({"request": "odd"}))


# --- the listen backlog ---------------------------------------------------------------------


def _connect_times(port: int, count: int) -> list[float]:
    socks, times = [], []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.settimeout(0.6)
            socks.append(sock)
            started = time.monotonic()
            with suppress(TimeoutError):  # measured, not required
                sock.connect(("127.0.0.1", port))
            times.append(time.monotonic() - started)
    finally:
        for sock in socks:
            sock.close()
    return times


def test_many_simultaneous_connections_are_queued_at_once(counting_skill: CountingSkill) -> None:
    # Nothing accepts here: connections wait in the kernel's queue, whose length is the backlog.
    deep = make_server(counting_skill)
    try:
        assert max(_connect_times(deep.server_address[1], 40)) < 0.3
    finally:
        deep.server_close()
    # The check itself: with the old backlog of 5, the 7th connection waits for a SYN resend.
    shallow = make_server(counting_skill, limits=ServeLimits(backlog=5))
    try:
        assert max(_connect_times(shallow.server_address[1], 10)) >= 0.5
    finally:
        shallow.server_close()


@pytest.fixture
def counting_skill(dynalite_skill: LambdaHandler) -> CountingSkill:
    return CountingSkill(dynalite_skill)


# --- malformed requests: each gets a status -------------------------------------------------

READ_TIMEOUT = 1.0


@pytest.fixture
def guarded(counting_skill: CountingSkill) -> Iterator[RunningServer]:
    with start_in_thread(counting_skill, limits=ServeLimits(read_timeout=READ_TIMEOUT)) as srv:
        yield srv


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_request_gets_a_status_and_never_reaches_the_skill(
    guarded: RunningServer,
    counting_skill: CountingSkill,
    case: str,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    parts, expected = MALFORMED[case]
    status, body, _ = exchange(guarded.port, parts)
    assert status == expected
    if case != "HEAD":
        assert isinstance(body.get("error"), str) and body["error"]
    assert counting_skill.calls == 0
    assert "Traceback" not in capfd.readouterr().err
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
    # And the endpoint still answers a real request.
    status, reply = post(guarded.url, envelopes.launch())
    assert status == 200 and envelopes.speech_of(reply)


def test_a_body_shorter_than_its_length_gets_400(guarded: RunningServer) -> None:
    status, body, _ = exchange(guarded.port, [post_head("100") + b'{"a":'], half_close=True)
    assert status == 400 and "shorter" in body["error"]


def test_a_body_that_stops_coming_gets_408_after_the_read_timeout(guarded: RunningServer) -> None:
    status, _, seconds = exchange(guarded.port, [post_head("100") + b'{"a":'])
    assert status == 408 and READ_TIMEOUT <= seconds < READ_TIMEOUT + 1.0


def test_slowloris_headers_get_408_at_the_read_timeout_not_later(guarded: RunningServer) -> None:
    # One header line every 0.3 s: each arrives well inside any per-read timeout.
    parts = [b"POST / HTTP/1.1\r\n", *[b"X-Slow: 1\r\n"] * 20, b"\r\n"]
    status, _, seconds = exchange(guarded.port, parts, pause=0.3)
    assert status == 408 and seconds < READ_TIMEOUT + 1.0


# --- idle connections and threads -------------------------------------------------------------


def test_idle_sockets_are_closed_and_threads_stay_bounded(counting_skill: CountingSkill) -> None:
    limits = ServeLimits(max_connections=16, read_timeout=1.0)
    baseline = threading.active_count()
    with start_in_thread(counting_skill, limits=limits) as server, ExitStack() as stack:
        socks = [
            stack.enter_context(socket.create_connection(("127.0.0.1", server.port), timeout=5))
            for _ in range(200)
        ]
        time.sleep(0.3)  # every connection accepted by now
        # This thread's server loop, plus one thread per connection up to the limit.
        assert threading.active_count() <= baseline + 1 + limits.max_connections
        replies = []
        started = time.monotonic()
        for sock in socks:
            data = b""
            while chunk := sock.recv(4096):
                data += chunk
            replies.append(data)
        waited = time.monotonic() - started
        assert waited < limits.read_timeout + 1.5  # idle ones were closed, not held for ever
        refused = [r for r in replies if r.startswith(b"HTTP/1.0 503 ")]
        assert len(refused) >= 200 - 2 * limits.max_connections
        assert all(r == b"" or r.startswith(b"HTTP/1.0 503 ") for r in replies)
        assert all(b"Retry-After: 1" in r for r in refused)
        _wait_for(lambda: threading.active_count() <= baseline + 1, timeout=3)
        status, reply = post(server.url, envelopes.launch())
        assert status == 200 and envelopes.speech_of(reply)


# --- the store supervised -------------------------------------------------------------------


def test_the_supervisor_backs_off_while_restarts_fail_then_restarts_the_store(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="local.store")
    restarted = threading.Event()
    with Dynalite() as store:
        supervisor = StoreSupervisor(
            store, on_restart=restarted.set, poll=0.05, backoff_base=0.1, backoff_max=0.4
        )
        assert [supervisor.backoff(n) for n in range(5)] == [0.1, 0.2, 0.4, 0.4, 0.4]
        assert store.pid is not None
        os.killpg(store.pid, signal.SIGKILL)
        _wait_for(lambda: not store.running)
        with socket.socket() as blocker:  # the port is taken: restarts fail until it is free
            blocker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            blocker.bind(("127.0.0.1", store.port))
            blocker.listen()
            supervisor.start()
            try:
                _wait_for(lambda: _count(caplog, "restart failed") >= 3, timeout=5)
            except BaseException:
                supervisor.stop()
                raise
        try:
            assert restarted.wait(10)
        finally:
            supervisor.stop()
        assert store.running and supervisor.restarts == 1
        pauses = [float(m) for m in re.findall(r"restarting in ([\d.]+) s", caplog.text)]
        assert pauses[:3] == [0.1, 0.2, 0.4]
        assert "exited (code -9)" in caplog.text


def _count(caplog: pytest.LogCaptureFixture, text: str) -> int:
    return sum(text in r.getMessage() for r in caplog.records)


def _wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_serve_restarts_its_dead_store_and_the_next_turn_works(tmp_path: Path) -> None:
    store_dir = tmp_path / "serve-store"
    env = {k: v for k, v in os.environ.items() if k != "DYNAMODB_ENDPOINT"}
    env["PYTHONPATH"] = f"{ROOT / 'lambda'}{os.pathsep}{ROOT}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "local.serve", "--port", "0", "--store-dir", str(store_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    logged: Queue[str] = Queue()
    try:
        assert proc.stdout is not None and proc.stderr is not None
        stderr = proc.stderr
        threading.Thread(target=_lines_into, args=(stderr, logged), daemon=True).start()
        line = proc.stdout.readline()
        assert "listening on" in line
        url = line.split("listening on ")[1].split()[0]
        user = "amzn1.ask.account.SUPERVISED"
        status, reply = post(url, envelopes.launch(user_id=user))
        assert status == 200 and FIRST_VISIT in envelopes.speech_of(reply)
        first = lock_holder(store_dir)
        assert first is not None
        os.kill(first, signal.SIGKILL)
        _wait_for_line(logged, "store restarted", timeout=20)
        assert lock_holder(store_dir) not in (None, first)
        status, reply = post(url, envelopes.launch(user_id=user))
        said = envelopes.speech_of(reply)
        # Answered by the skill from the restarted store, which still knows this person.
        assert status == 200 and said and FIRST_VISIT not in said
        assert STORE_DOWN not in said and LATE not in said
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    assert lock_holder(store_dir) is None


def _lines_into(stream: Iterable[str], lines: Queue[str]) -> None:
    for line in stream:
        lines.put(line)


def _wait_for_line(lines: Queue[str], text: str, timeout: float) -> None:
    end = time.monotonic() + timeout
    seen = []
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=max(0.01, end - time.monotonic()))
        except Empty:
            break
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"no {text!r} in {seen}")


def test_json_depth_is_measured_without_recursion() -> None:
    deep: Any = []
    for _ in range(50_000):
        deep = [deep]
    assert nested_deeper_than(deep, 64)
    assert not nested_deeper_than(envelopes.launch(), 64)


def test_limits_come_from_the_environment() -> None:
    env = {"SERVE_WORKERS": "3", "SERVE_DEADLINE": "2.5", "SERVE_READ_TIMEOUT": ""}
    assert ServeLimits.from_env(env) == replace(ServeLimits(), workers=3, deadline=2.5)


def test_sigterm_with_a_turn_stuck_on_the_store_stops_within_the_deadline(
    own_store: tuple[Dynalite, Settings],
) -> None:
    store, settings = own_store
    env = {k: v for k, v in os.environ.items() if k != "DYNAMODB_ENDPOINT"}
    env["PYTHONPATH"] = f"{ROOT / 'lambda'}{os.pathsep}{ROOT}"
    # A turn that would wait for the frozen store for a long time; answered at 1 s.
    env.update(STORE_WINDOW="20", DDB_READ_TIMEOUT="20", SERVE_DEADLINE="1")
    env.update(CONTENT_TABLE=settings.content_table, PROGRESS_TABLE=settings.progress_table)
    proc = subprocess.Popen(
        [sys.executable, "-m", "local.serve", "--port", "0", "--endpoint", store.endpoint],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "listening on" in line and "1 s deadline" in line
        url = line.split("listening on ")[1].split()[0]
        assert post(url, envelopes.launch())[0] == 200  # content cached
        _signal_store(store, signal.SIGSTOP)
        status, reply = post(url, envelopes.launch(user_id="amzn1.ask.account.STUCK"))
        assert status == 200 and LATE in envelopes.speech_of(reply)
        proc.send_signal(signal.SIGTERM)
        stopped = time.monotonic()
        assert proc.wait(timeout=10) == 0
        assert time.monotonic() - stopped < 4.0  # the deadline, not the store's 20 s
        assert proc.stderr is not None
        assert "stopped with 1 turns still running" in proc.stderr.read()
    finally:
        _signal_store(store, signal.SIGCONT)
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_load_run_tool_runs_a_small_bounded_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        serve_load.main(["--processes", "1", "--users", "3", "--clients", "2", "--phases", "load"])
        == 0
    )
    results = json.loads(capsys.readouterr().out)
    for name in ("load_cold", "load_warm"):
        assert results[name]["errors"] == 0 and results[name]["turns"] >= 3 * 5
        assert results[name]["finished"] == results[name]["stored"] == 3
        assert results[name]["stored_twice"] == 0
