"""The dynalite runner: refuses a taken port or directory, and stopping leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from local.store import Dynalite, DynaliteError, lock_holder

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


def _refused(store: Dynalite, match: str) -> None:
    try:
        with pytest.raises(DynaliteError, match=match):
            store.start()
    finally:
        store.stop()  # had it started after all, leave nothing running


def test_a_taken_port_or_directory_is_refused(tmp_path: Path) -> None:
    with Dynalite(path=tmp_path / "data") as first:
        assert lock_holder(tmp_path / "data") is not None  # ready means the data is open
        _refused(Dynalite(port=first.port), "already in use")
        _refused(Dynalite(path=tmp_path / "data"), "in use by another dynalite")
    assert lock_holder(tmp_path / "data") is None
    with Dynalite(path=tmp_path / "data") as again:  # free once the first one stopped
        assert again.running
