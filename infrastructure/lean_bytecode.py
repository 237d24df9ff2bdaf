"""Compile our own package to lean, sourceless bytecode: `python -X no_debug_ranges
lean_bytecode.py PACKAGE_DIR DEPLOYED_DIR` (run by `bundle.compile_own`).

Why: the package budget in `make bench`. What our code ships is bytecode alone, and two
things in it are never used by the skill as it runs:

- Docstrings (about an eighth of the zipped bytecode). Nothing in the skill reads
  `__doc__`; asserts stay (this is not `-O`/`-OO`, which would drop them too).
- Column ranges (`-X no_debug_ranges`, about a fifth of it). Since 3.11 each instruction
  carries its start and end columns beside its line, only for the `^^^^` marks under a
  traceback's source line, and a sourceless module prints no source line anyway. Line
  numbers stay, so a traceback still names file, line and function.

Each `module.py` becomes `module.pyc` in its place (a sourceless import), written as an
unchecked-hash pyc (PEP 552: magic, flags 0b01, the source's hash, then the code), the same
header compileall writes for the dependencies, so the bytes depend only on the sources.

Standard library only, and no import of the project: the bundle runs this file with a
Python of the Lambda runtime's version, which may not be the one running the build.
"""

from __future__ import annotations

import ast
import importlib.util
import marshal
import os
import sys
from pathlib import Path
from types import CodeType

UNCHECKED_HASH = 0b01  # PEP 552 flags: hash-based, never checked against a source


def _drop_docstring(body: list[ast.stmt]) -> None:
    first = body[0] if body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        body.pop(0)
        if not body:  # a body that was only its docstring still needs a statement
            body.append(ast.copy_location(ast.Pass(), first))


class _DocstringStripper(ast.NodeTransformer):
    """Removes module, class and function docstrings; every other node keeps its line."""

    def visit_Module(self, node: ast.Module) -> ast.Module:
        _drop_docstring(node.body)
        self.generic_visit(node)
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.ClassDef:
        _drop_docstring(node.body)
        self.generic_visit(node)
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        _drop_docstring(node.body)
        self.generic_visit(node)
        return node

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AsyncFunctionDef:
        _drop_docstring(node.body)
        self.generic_visit(node)
        return node


def lean_code(source: bytes, filename: str) -> CodeType:
    """The module's code object without docstrings (asserts kept, optimize=0)."""
    tree = _DocstringStripper().visit(ast.parse(source, filename))
    return compile(tree, filename, "exec", dont_inherit=True, optimize=0)


def pyc_bytes(source: bytes, filename: str) -> bytes:
    header = (
        importlib.util.MAGIC_NUMBER
        + UNCHECKED_HASH.to_bytes(4, "little")
        + importlib.util.source_hash(source)
    )
    return header + marshal.dumps(lean_code(source, filename))


def compile_package(package_dir: Path, deployed_dir: str) -> int:
    """Replace each module under package_dir by its lean .pyc; the count of modules.

    `deployed_dir`: where the package sits in the Lambda (/var/task/<package>), the path a
    traceback names."""
    modules = sorted(package_dir.rglob("*.py"))
    for path in modules:
        relative = path.relative_to(package_dir).as_posix()
        data = pyc_bytes(path.read_bytes(), f"{deployed_dir}/{relative}")
        path.with_suffix(".pyc").write_bytes(data)
        path.unlink()
    return len(modules)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit("usage: python -X no_debug_ranges lean_bytecode.py PACKAGE_DIR DEPLOYED")
    if sys.flags.optimize:
        raise SystemExit("lean_bytecode: run without -O, which would drop the asserts")
    if "no_debug_ranges" not in sys._xoptions and not os.environ.get("PYTHONNODEBUGRANGES"):
        raise SystemExit("lean_bytecode: run with -X no_debug_ranges (lines kept, columns not)")
    compile_package(Path(argv[0]), argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
