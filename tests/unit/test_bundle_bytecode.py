"""The bundle's bytecode step on a small tree: reproducible bytes, and the interpreter guard."""

from __future__ import annotations

import os
import shutil
import subprocess
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


LEAN_SOURCE = '''"""Module docstring: not shipped."""

from __future__ import annotations


class Plain:
    """Only a docstring: the class still has a body."""


def checked(value: int) -> int:
    """Function docstring: not shipped."""
    assert value > 0, "positive"
    return 10 // (value - 1)
'''

_RUN_LEAN = """
import sys, traceback
sys.path.insert(0, sys.argv[1])
import pkg.lean as lean
print(lean.__file__.endswith("lean.pyc"), lean.__doc__, lean.Plain.__doc__, lean.checked.__doc__)
try:
    lean.checked(0)
except AssertionError as err:
    print("assert kept:", err)
try:
    lean.checked(1)
except ZeroDivisionError as err:
    frame = traceback.extract_tb(err.__traceback__)[-1]
    print(frame.filename, frame.lineno, frame.name, frame.colno)
"""


@pytest.mark.skipif(bundle.bytecode_interpreter() is None, reason="no Python 3.13 here")
def test_our_package_ships_lean_sourceless_bytecode_that_keeps_asserts_and_lines(
    tmp_path: Path,
) -> None:
    trees = []
    for name in ("one", "two"):
        tree = _tree(tmp_path / name)
        (tree / "pkg" / "lean.py").write_text(LEAN_SOURCE, "utf-8")
        bundle.compile_own(tree / "pkg")
        trees.append(tree)
    assert fingerprint(trees[0]) == fingerprint(trees[1])  # the same bytes wherever built
    package = trees[0] / "pkg"
    assert sorted(p.name for p in package.iterdir()) == ["__init__.pyc", "lean.pyc", "mod.pyc"]
    assert b"not shipped" not in (package / "lean.pyc").read_bytes()
    python = bundle.bytecode_interpreter()
    assert python is not None
    run = subprocess.run(
        [python, "-c", _RUN_LEAN, str(trees[0])], capture_output=True, text=True, check=True
    )
    line = LEAN_SOURCE.splitlines().index("    return 10 // (value - 1)") + 1
    assert run.stdout.splitlines() == [
        "True None None None",
        "assert kept: positive",
        # File, line and function as the source has them; no column ranges.
        f"/var/task/pkg/lean.py {line} checked None",
    ]


def test_the_lean_compiler_refuses_to_run_without_its_flag_or_with_o(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    script = str(Path(bundle.__file__).with_name("lean_bytecode.py"))
    for flags in ([], ["-O", "-X", "no_debug_ranges"]):
        run = subprocess.run(
            [sys.executable, *flags, script, str(tree / "pkg"), "/var/task/pkg"],
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "PYTHONNODEBUGRANGES"},
            check=False,
        )
        assert run.returncode != 0 and "lean_bytecode" in run.stderr
    assert (tree / "pkg" / "mod.py").exists()  # nothing was touched
