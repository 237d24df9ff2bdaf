"""The bundle's bytecode step on a small tree: reproducible bytes, and the interpreter guard."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from infrastructure import bundle
from infrastructure.bundle import CACHE_TAG, compile_bytecode, fingerprint

SOURCE = {
    "pkg/__init__.py": "",
    # A set literal becomes a frozenset constant: its order must not follow the hash seed.
    "pkg/mod.py": 'WORDS = {"alpha", "beta", "gamma", "delta"}\n\ndef known(w):\n'
    "    return w in WORDS\n",
}


def _tree(root: Path) -> Path:
    for name, text in SOURCE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


@pytest.mark.skipif(bundle.bytecode_interpreter() is None, reason="no Python 3.13 here")
def test_bytecode_is_the_same_bytes_wherever_and_whenever_it_is_built(tmp_path: Path) -> None:
    first, second = _tree(tmp_path / "one"), _tree(tmp_path / "elsewhere" / "two")
    assert compile_bytecode(first) and compile_bytecode(second)
    assert fingerprint(first) == fingerprint(second)
    pyc = first / "pkg" / "__pycache__" / f"mod.{CACHE_TAG}.pyc"
    assert pyc.is_file()
    # The compiled-in path is where Lambda unpacks the code, not this build's directory.
    assert b"/var/task/pkg/mod.py" in pyc.read_bytes()
    assert str(tmp_path).encode() not in pyc.read_bytes()


def test_without_a_python_of_the_runtimes_version_the_bundle_has_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "implementation", _Impl("cpython-312"))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    bundle.bytecode_interpreter.cache_clear()
    try:
        assert bundle.bytecode_interpreter() is None
        assert compile_bytecode(_tree(tmp_path)) is False
    finally:
        bundle.bytecode_interpreter.cache_clear()
    assert not list(tmp_path.rglob("*.pyc"))
    assert "without bytecode" in capsys.readouterr().err


def test_another_python_on_path_compiles_when_this_one_is_not_the_runtimes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "implementation", _Impl("cpython-312"))
    monkeypatch.setattr(shutil, "which", lambda name: f"/opt/bin/{name}")
    bundle.bytecode_interpreter.cache_clear()
    try:
        assert bundle.bytecode_interpreter() == "/opt/bin/python3.13"
    finally:
        bundle.bytecode_interpreter.cache_clear()


def test_bytecode_from_another_python_is_refused(tmp_path: Path) -> None:
    # Whatever compiles must write the runtime's cache tag; this interpreter stands in for a
    # wrong one when it is not 3.13, and otherwise the check is shown on a planted file.
    tree = _tree(tmp_path)
    if sys.implementation.cache_tag == CACHE_TAG:
        (tree / "pkg" / "__pycache__").mkdir()
        (tree / "pkg" / "__pycache__" / "old.cpython-312.pyc").write_bytes(b"")
    with pytest.raises(bundle.BundleError, match="another Python"):
        compile_bytecode(tree, python=sys.executable)


class _Impl:
    def __init__(self, cache_tag: str) -> None:
        self.cache_tag = cache_tag
