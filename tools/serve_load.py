"""A bounded load and fault run of the self-hosted endpoint, on loopback only.

    python -m tools.serve_load [--processes 4] [--users 64] [--clients 16] [--stall 12]

Several `local.serve` processes share one dynalite, as several Lambda containers share one
table; every turn goes to a randomly chosen process, the session's attributes carried by
the client as Alexa carries them. Each phase is bounded in turns and seconds:

1. load: every user does one whole visit (launch, start, every set, pain score).
2. stall: the store is frozen (SIGSTOP) for --stall seconds while clients keep talking:
   every turn must still be answered (the skill's apology, or serve's past its deadline).
3. kill: the store is killed mid-visits and restarted 2 s later on the same port and files;
   clients say a turn again after an apology, as the apology asks.
4. supervised: one serve with its own store; its dynalite is killed and serve restarts it.
5. hostile: local/hostile.py's malformed requests and odd Alexa requests to every process.
6. idle: 200 sockets that say nothing, to one process (its thread count read from /proc).

`--serve-from DIR` runs another checkout's serve (main's, say) for a before/after on the
same machine at the same time; `--phases` picks phases.

Then each user's stored record is read: every visit the client saw finish must be stored
exactly once. Prints a JSON summary (figures for docs/trust.md).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from queue import Queue
from typing import Any

from hamstring_coach.adapters.dynamo import make_client, progress_of
from hamstring_coach.domain.identity import user_key
from hamstring_coach.handlers.errors import fallback_lines
from hamstring_coach.settings import Settings
from local import envelopes
from local.hostile import MALFORMED, NoStatusError, exchange
from local.runtime import prepare_store, use_local_credentials
from local.serve import late_answer
from local.store import ROOT, Dynalite, lock_holder

# Upper bounds, whatever is asked: this is a loopback check, not a stress tool.
MAX_PROCESSES, MAX_USERS, MAX_CLIENTS, MAX_STALL = 8, 500, 64, 30.0
TURN_LIMIT = 60  # turns in one visit, retries included
RETRIES = 20  # a turn said again after an apology, at most
RETRY_PAUSE = 0.25

_APOLOGIES = [
    envelopes.speech_of(late_answer(envelopes.launch())),
    *(fallback_lines()["en"][key] for key in ("store_unavailable", "error", "save_failed")),
]


def is_apology(reply: dict[str, Any]) -> bool:
    said = envelopes.speech_of(reply)
    return any(line.split(".")[0] in said for line in _APOLOGIES)


@dataclass
class Tally:
    """Turns as the clients saw them: latency of each, and what went wrong."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # no answer, no status, not 200
    apologies: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, error: str | None = None, apology: bool = False) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors.append(error)
            self.apologies += apology

    def summary(self) -> dict[str, Any]:
        ms = sorted(x * 1000 for x in self.latencies)
        if not ms:
            return {"turns": 0}
        return {
            "turns": len(ms),
            "p50_ms": round(statistics.median(ms), 1),
            "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 1),
            "max_ms": round(ms[-1], 1),
            "errors": len(self.errors),
            "error_kinds": sorted(set(self.errors))[:5],
            "apologies": self.apologies,
        }


def _session_id() -> str:
    return f"amzn1.echo-api.session.{uuid.uuid4()}"


class Visitor:
    """One person talking to the endpoints turn by turn, carrying the session like Alexa."""

    def __init__(self, urls: list[str], user: str, tally: Tally, rng: random.Random) -> None:
        self.urls, self.user, self.tally, self.rng = urls, user, tally, rng
        self.attributes: dict[str, Any] = {}
        self.new = True
        self.turns = 0
        # One id per session, as Alexa sends it: the skill seals the session's state to it.
        self.session_id = _session_id()

    def send(self, env: dict[str, Any]) -> dict[str, Any] | None:
        self.turns += 1
        data = json.dumps(env).encode()
        req = urllib.request.Request(self.rng.choice(self.urls), data=data, method="POST")
        started = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=15) as resp:
                reply: dict[str, Any] = json.loads(resp.read())
        except urllib.error.HTTPError as err:
            self.tally.add(time.monotonic() - started, f"HTTP {err.code}")
            return None
        except OSError as err:
            self.tally.add(time.monotonic() - started, type(err).__name__)
            return None
        self.tally.add(time.monotonic() - started, apology=is_apology(reply))
        self.attributes = dict(reply.get("sessionAttributes") or {})
        ended = reply["response"].get("shouldEndSession")
        self.new = bool(ended) or (ended is None and "reprompt" not in reply["response"])
        return reply

    def say(self, intent: str | None, **slots: Any) -> dict[str, Any] | None:
        """A turn, said again (with what the last answer carried) while it gets an apology."""
        for _ in range(RETRIES):
            if self.turns >= TURN_LIMIT:
                return None
            if intent is None or self.new:
                self.session_id, self.attributes = _session_id(), {}
            if intent is None:
                env = envelopes.launch(user_id=self.user, session_id=self.session_id)
            else:
                env = envelopes.intent(
                    intent,
                    slots,
                    session_attributes=self.attributes,
                    new_session=self.new,
                    session_id=self.session_id,
                    user_id=self.user,
                )
            reply = self.send(env)
            if reply is not None and not is_apology(reply):
                return reply
            time.sleep(RETRY_PAUSE)
        return None

    def _in_screen(self) -> bool:
        state = self.attributes.get("symptom_check")
        return isinstance(state, dict) and bool(state.get("screen"))

    def visit(self) -> bool:
        """Launch, start, every set, the pain score. True when the skill took the score."""
        if self.say(None) is None or self.say("StartWorkoutIntent") is None:
            return False
        if self._in_screen():
            # A first workout starts with the short safety screen: no warning signs, a
            # gradual onset; then the start again.
            while self._in_screen():
                onset = self.attributes["symptom_check"].get("asking") == "onset"
                if self.say("AMAZON.YesIntent" if onset else "AMAZON.NoIntent") is None:
                    return False
            if self.say("StartWorkoutIntent") is None:
                return False
        if self.attributes.get("mode") != "workout":
            return False
        while self.attributes.get("mode") == "workout":
            if self.say("NextSetIntent") is None:
                return False
        if self.attributes.get("mode") != "pain_check":
            return False
        reply = self.say("PainReportIntent", pain="2")
        return reply is not None and bool(reply["response"].get("shouldEndSession"))


def run_visits(
    urls: list[str], users: list[str], clients: int, tally: Tally, seed: int
) -> dict[str, bool]:
    """Each user's visit, `clients` at a time. user -> whether the client saw it finish."""

    def one(pair: tuple[int, str]) -> tuple[str, bool]:
        n, user = pair
        return user, Visitor(urls, user, tally, random.Random(seed + n)).visit()

    with ThreadPoolExecutor(clients) as pool:
        return dict(pool.map(one, enumerate(users)))


def stored_visits(settings: Settings, users: list[str]) -> dict[str, int]:
    """Finished workouts each user's record holds."""
    client = make_client(settings)
    counts = {}
    for user in users:
        key = user_key(settings.user_key_secret, user)
        item = client.get_item(TableName=settings.progress_table, Key={"pk": {"S": key}})
        counts[user] = progress_of(item["Item"]).sessions_done if "Item" in item else 0
    return counts


def lost_or_doubled(finished: dict[str, bool], stored: dict[str, int]) -> dict[str, int]:
    """Every visit the client saw finish is stored exactly once; an unfinished one at most
    once (its pain score may have landed before the answer was lost)."""
    wrong = {
        "finished_not_stored": sum(1 for u, f in finished.items() if f and stored[u] == 0),
        "stored_twice": sum(1 for u in finished if stored[u] > 1),
    }
    wrong["finished"] = sum(finished.values())
    wrong["stored"] = sum(min(v, 1) for v in stored.values())
    return wrong


# --- processes ------------------------------------------------------------------------------


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DYNAMODB_ENDPOINT"}
    env["PYTHONPATH"] = f"{root / 'lambda'}{os.pathsep}{root}"
    return env


class ServeProcess:
    """`local.serve` from this checkout, or from `root` (another one, for an A/B run)."""

    def __init__(self, args: list[str], root: Path = ROOT) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "local.serve", "--port", "0", *args],
            cwd=root,
            env=_env(root),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.log: Queue[str] = Queue()
        assert self.proc.stdout is not None and self.proc.stderr is not None
        threading.Thread(target=self._drain, args=(self.proc.stderr,), daemon=True).start()
        line = self.proc.stdout.readline()
        if "listening on" not in line:
            self.stop()
            raise RuntimeError(f"serve did not start: {line}")
        self.url = line.split("listening on ")[1].split()[0]
        self.port = int(self.url.rstrip("/").rsplit(":", 1)[1])
        self.store = re.search(r"store (http://\S+?);", line)

    def _drain(self, stream: Any) -> None:
        for line in stream:
            self.log.put(line)

    def logged(self) -> list[str]:
        lines = []
        while not self.log.empty():
            lines.append(self.log.get())
        return lines

    def threads(self) -> int:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        return int(re.search(r"^Threads:\s+(\d+)", status, re.MULTILINE).group(1))  # type: ignore[union-attr]

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@contextmanager
def serve_processes(count: int, endpoint: str, root: Path) -> Iterator[list[ServeProcess]]:
    procs: list[ServeProcess] = []
    try:
        for _ in range(count):  # one after another: the first seeds, the rest find it seeded
            procs.append(ServeProcess(["--endpoint", endpoint], root))
        yield procs
    finally:
        for proc in procs:
            proc.stop()


# --- phases ---------------------------------------------------------------------------------


def phase_load(
    urls: list[str], settings: Settings, users: int, clients: int, name: str
) -> dict[str, Any]:
    """One whole visit per user, `clients` at a time; every finished one stored once."""
    tally = Tally()
    names = [f"amzn1.ask.account.{name.upper()}{n}" for n in range(users)]
    started = time.monotonic()
    finished = run_visits(urls, names, clients, tally, seed=len(name))
    summary = tally.summary()
    summary["wall_s"] = round(time.monotonic() - started, 1)
    summary.update(lost_or_doubled(finished, stored_visits(settings, names)))
    return summary


def phase_stall(
    urls: list[str], store: Dynalite, seconds: float, clients: int, deadline: float
) -> dict[str, Any]:
    """Freeze the store; clients keep launching (new users: each turn needs the store)."""
    tally = Tally()
    stop = threading.Event()

    def client(n: int) -> None:
        rng = random.Random(1000 + n)
        k = 0
        while not stop.is_set() and k < 200:
            k += 1
            Visitor(urls, f"amzn1.ask.account.STALL{n}X{k}", tally, rng).send(
                envelopes.launch(user_id=f"amzn1.ask.account.STALL{n}X{k}")
            )

    assert store.pid is not None
    os.killpg(store.pid, signal.SIGSTOP)
    try:
        with ThreadPoolExecutor(clients) as pool:
            for n in range(clients):
                pool.submit(client, n)
            time.sleep(seconds)
            stop.set()
    finally:
        os.killpg(store.pid, signal.SIGCONT)
    summary = tally.summary()
    summary["stall_s"] = seconds
    summary["over_deadline"] = sum(1 for x in tally.latencies if x > deadline + 0.5)
    return summary


def phase_kill(
    urls: list[str], store: Dynalite, settings: Settings, users: int, clients: int
) -> dict[str, Any]:
    """Kill the store under visits, restart it 2 s later; nothing finished may be lost."""
    tally = Tally()
    names = [f"amzn1.ask.account.KILL{n}" for n in range(users)]
    downtime: dict[str, float] = {}

    def fault() -> None:
        time.sleep(1.0)
        assert store.pid is not None
        os.killpg(store.pid, signal.SIGKILL)
        killed = time.monotonic()
        time.sleep(2.0)
        store.restart()
        downtime["s"] = round(time.monotonic() - killed, 2)

    thread = threading.Thread(target=fault)
    thread.start()
    finished = run_visits(urls, names, clients, tally, seed=2000)
    thread.join()
    summary = tally.summary()
    summary["store_down_s"] = downtime.get("s")
    summary.update(lost_or_doubled(finished, stored_visits(settings, names)))
    return summary


def phase_supervised(tmp: Path) -> dict[str, Any]:
    """serve with its own store: kill its dynalite, time until a turn is answered again."""
    proc = ServeProcess(["--store-dir", str(tmp / "supervised")])
    tally = Tally()
    try:
        assert proc.store is not None
        settings = replace(Settings.from_env(), dynamodb_endpoint=proc.store.group(1))
        user = "amzn1.ask.account.SUPERVISED"
        finished = Visitor([proc.url], user, tally, random.Random(7)).visit()
        pid = lock_holder(tmp / "supervised")
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        killed = time.monotonic()
        answered_after = None
        while time.monotonic() - killed < 60:
            reply = Visitor([proc.url], user, tally, random.Random(8)).send(
                envelopes.launch(user_id=user)
            )
            if reply is not None and not is_apology(reply):
                answered_after = round(time.monotonic() - killed, 2)
                break
            time.sleep(0.1)
        stored = stored_visits(settings, [user])[user]
        lines = [line.strip() for line in proc.logged() if "local.store" in line]
    finally:
        proc.stop()
    return {
        "answered_again_after_s": answered_after,
        "log": lines[:4],
        "visit_finished": finished,
        "stored_after_restart": stored,
    }


def phase_hostile(procs: list[ServeProcess]) -> dict[str, Any]:
    """Every malformed request to every process; odd Alexa requests; an idle-socket flood."""
    wrong: list[str] = []
    tried = 0
    for proc in procs:
        for name, (parts, expected) in MALFORMED.items():
            tried += 1
            try:
                got = exchange(proc.port, parts).status
            except (NoStatusError, OSError) as err:
                wrong.append(f"{name}: {type(err).__name__}")
                continue
            if got != expected:
                wrong.append(f"{name}: {got} not {expected}")
    odd = [
        envelopes.intent("QuestionIntent", {"query": "why " * 100_000}),  # 400 KB question
        envelopes.intent("PainReportIntent", {"pain": "7" * 5000}),
        envelopes.intent("NoSuchIntent"),
        {**envelopes.launch(), "request": {"type": "IntentRequest", "intent": {"name": None}}},
        {**envelopes.launch(), "request": {"type": "Made.Up", "locale": "xx-YY"}},
        envelopes.launch(locale="zz-ZZ"),
        envelopes.session_ended(reason="ERROR"),
    ]
    slowest = 0.0
    tally = Tally()
    for env in odd:
        for proc in procs:
            tried += 1
            started = time.monotonic()
            reply = Visitor([proc.url], "amzn1.ask.account.ODD", tally, random.Random(0)).send(env)
            slowest = max(slowest, time.monotonic() - started)
            if reply is None:
                wrong.append(f"odd request {env['request'].get('type')}: no answer")
    still_up = all(
        Visitor([p.url], "amzn1.ask.account.AFTER", tally, random.Random(1)).send(
            envelopes.launch(user_id="amzn1.ask.account.AFTER")
        )
        is not None
        for p in procs
    )
    return {
        "requests_tried": tried,
        "wrong": wrong,
        "slowest_odd_s": round(slowest, 2),
        "answering_after": still_up,
    }


def phase_idle(procs: list[ServeProcess]) -> dict[str, Any]:
    """200 sockets that connect and say nothing, to one process: threads, 503s, closing."""
    tally = Tally()
    flood = procs[0]
    before = flood.threads()
    with ExitStack() as stack:
        socks = [
            stack.enter_context(socket.create_connection(("127.0.0.1", flood.port), timeout=10))
            for _ in range(200)
        ]
        time.sleep(1.0)
        during = flood.threads()
        replies = []
        started = time.monotonic()
        for sock in socks:
            data = b""
            with suppress(OSError):
                while chunk := sock.recv(4096):
                    data += chunk
            replies.append(data)
        closed_within = round(time.monotonic() - started + 1.0, 2)
    reply = Visitor([flood.url], "amzn1.ask.account.AFTER", tally, random.Random(1)).send(
        envelopes.launch(user_id="amzn1.ask.account.AFTER")
    )
    return {
        "idle_sockets": 200,
        "threads_before": before,
        "threads_with_200_idle": during,
        "refused_503": sum(r.startswith(b"HTTP/1.0 503") for r in replies),
        "all_idle_closed_within_s": closed_within,
        "answering_after": reply is not None,
    }


def _bounded(value: float, limit: float, name: str) -> float:
    if value > limit:
        print(f"{name} capped at {limit:g}", file=sys.stderr)
    return min(value, limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--users", type=int, default=64)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--stall", type=float, default=12.0)
    parser.add_argument("--phases", default="load,stall,kill,supervised,hostile,idle")
    parser.add_argument(
        "--serve-from",
        type=Path,
        default=ROOT,
        help="a checkout whose local.serve to run (e.g. main's, for a before/after on one machine)",
    )
    args = parser.parse_args(argv)
    processes = int(_bounded(args.processes, MAX_PROCESSES, "--processes"))
    users = int(_bounded(args.users, MAX_USERS, "--users"))
    clients = int(_bounded(args.clients, MAX_CLIENTS, "--clients"))
    stall = _bounded(args.stall, MAX_STALL, "--stall")
    phases = set(args.phases.split(","))
    use_local_credentials()
    results: dict[str, Any] = {
        "setup": {
            "processes": processes,
            "users": users,
            "clients": clients,
            "cpus": os.cpu_count(),
        }
    }
    with tempfile.TemporaryDirectory(prefix="serve-load-") as tmp_name:
        tmp = Path(tmp_name)
        store = Dynalite(path=tmp / "shared").start()
        try:
            settings = replace(Settings.from_env(), dynamodb_endpoint=store.endpoint)
            prepare_store(make_client(settings), settings)
            with serve_processes(processes, store.endpoint, args.serve_from) as procs:
                urls = [p.url for p in procs]
                if "load" in phases:
                    # Twice: the first round pays each worker's cold start (its own app,
                    # content read on its first turn), the second runs on warm workers.
                    for round_name in ("load_cold", "load_warm"):
                        results[round_name] = phase_load(urls, settings, users, clients, round_name)
                        print(round_name, json.dumps(results[round_name]), file=sys.stderr)
                if "stall" in phases:
                    results["stall"] = phase_stall(urls, store, stall, clients, deadline=6.0)
                    print("stall", json.dumps(results["stall"]), file=sys.stderr, flush=True)
                if "kill" in phases:
                    results["kill"] = phase_kill(urls, store, settings, min(users, 32), clients)
                    print("kill", json.dumps(results["kill"]), file=sys.stderr, flush=True)
                if "hostile" in phases:
                    results["hostile"] = phase_hostile(procs)
                    print("hostile", json.dumps(results["hostile"]), file=sys.stderr, flush=True)
                if "idle" in phases:
                    results["idle"] = phase_idle(procs)
            if "supervised" in phases:
                results["supervised"] = phase_supervised(tmp)
        finally:
            store.stop()
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
