"""The dynalite runner: refuses a taken port or directory, and stopping leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from local.store import Dynalite, DynaliteError

pytestmark = pytest.mark.integration


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_stop_ends_the_whole_process_group(tmp_path: Path) -> None:
    store = Dynalite(path=tmp_path / "data").start()
    proc = store._proc
    assert proc is not None and store.running
    store.stop()
    assert not store.running and not _group_alive(proc.pid)
    store.stop()  # a second stop is harmless


def test_a_taken_port_or_directory_is_refused(tmp_path: Path) -> None:
    with Dynalite(path=tmp_path / "data") as first:
        with pytest.raises(DynaliteError, match="already in use"):
            Dynalite(port=first.port).start()
        with pytest.raises(DynaliteError, match="in use by another dynalite"):
            Dynalite(path=tmp_path / "data").start()
    with Dynalite(path=tmp_path / "data") as again:  # free once the first one stopped
        assert again.running
