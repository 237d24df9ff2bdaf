"""`make demo`: typed lines through the real handler on dynalite, progress kept between runs."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hamstring_coach.app import LambdaHandler
from local.demo import converse
from local.dialog import TextSession
from local.resolver import Resolver
from local.store import ROOT, lock_holder
from local.transcript import ssml_to_text
from tools.content_source import load_source

pytestmark = pytest.mark.integration


def _start_of(key: str, variant: int = 0) -> str:
    """The first words of a content line, so assertions follow the content (no wrapping)."""
    text = ssml_to_text(load_source()["en"]["line"][key]["variants"][variant])
    return " ".join(text.split()[:4])


def _starts_of(key: str) -> list[str]:
    """The first words of each of a line's wordings (any one may be picked)."""
    return [_start_of(key, n) for n in range(len(load_source()["en"]["line"][key]["variants"]))]


def test_console_conversation_on_dynalite(dynalite_skill: LambdaHandler, fresh_user: str) -> None:
    chat = TextSession(dynalite_skill, Resolver.for_locale("en-US"), user_id=fresh_user)
    out = io.StringIO()
    lines = ["open hamstring coach", "", "# a comment", "What can I say?", "stop", "help"]
    sent = converse(chat, lines, out, echo=True)
    text = out.getvalue()
    assert sent == 4
    opened = "you> open hamstring coach\n  [LaunchRequest (new session)]\nalexa> "
    assert any(f"{opened}{welcome}" in text for welcome in _starts_of("welcome.first"))
    assert f"  [AMAZON.HelpIntent]\nalexa> {_start_of('help.general')}" in text
    assert f"  reprompt: {_start_of('reprompt.main')}" in text
    assert "  [AMAZON.StopIntent]\nalexa> " in text
    assert text.count("(session ended)") == 1
    # After stop, "help" opens a new session, as a one-shot would.
    assert "you> help\n  [AMAZON.HelpIntent (new session)]" in text
    assert "<speak>" not in text and "# a comment" not in text


def _demo(store_dir: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DYNAMODB_ENDPOINT"}
    env["PYTHONPATH"] = f"{ROOT / 'lambda'}{os.pathsep}{ROOT}"
    return subprocess.run(
        [sys.executable, "-m", "local.demo", "--store-dir", str(store_dir), "--quiet"],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_piped_demo_runs_and_keeps_progress_between_runs(tmp_path: Path) -> None:
    store_dir = tmp_path / "demo-store"
    first = _demo(store_dir, "open hamstring coach\nhelp\nstop\n")
    assert first.returncode == 0, first.stderr
    opened = "you> open hamstring coach\nalexa> "
    assert any(f"{opened}{welcome}" in first.stdout for welcome in _starts_of("welcome.first"))
    assert f"you> help\nalexa> {_start_of('help.general')}" in first.stdout
    assert first.stdout.rstrip().endswith("(session ended)")
    assert lock_holder(store_dir) is None  # dynalite stopped at end of input

    second = _demo(store_dir, "open hamstring coach\nstop\n")
    assert second.returncode == 0, second.stderr
    assert "alexa> " in second.stdout
    # A returning user now.
    assert not any(welcome in second.stdout for welcome in _starts_of("welcome.first"))


def test_demo_stops_its_store_on_sigterm(tmp_path: Path) -> None:
    store_dir = tmp_path / "demo-store"
    env = {k: v for k, v in os.environ.items() if k != "DYNAMODB_ENDPOINT"}
    env["PYTHONPATH"] = f"{ROOT / 'lambda'}{os.pathsep}{ROOT}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "local.demo", "--store-dir", str(store_dir)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("open hamstring coach\n")
    proc.stdin.flush()
    while "alexa> " not in (line := proc.stdout.readline()):
        assert line, proc.stderr.read() if proc.stderr else ""
    proc.send_signal(signal.SIGTERM)  # input still open: the loop is waiting for a line
    assert proc.wait(timeout=10) == 0
    assert lock_holder(store_dir) is None
