"""Build the Lambda deployment package: `python -m tools.bundle [--out DIR] [--zip FILE]`.

One recipe for every package we measure or ship (the CDK stack can call `build_bundle`
from its local bundling, and the benchmark builds the baseline skill with it too):

1. `pip install --target` the runtime requirements for the Lambda platform (arm64,
   CPython 3.13, binary wheels only), pinned by requirements.lock;
2. remove what the Lambda runtime already provides (boto3, botocore, s3transfer,
   jmespath): they are installed first only so that pip resolves the rest consistently;
3. copy the code;
4. precompile everything to bytecode with unchecked-hash pycs: the Lambda file system is
   read-only, so a missing or stale pyc is recompiled on every cold start, and a zip
   keeps mtimes only to two seconds, which can make timestamp-checked pycs look stale;
5. zip deterministically (sorted names, fixed timestamps), so the same input gives the
   same bytes.
"""

from __future__ import annotations

import argparse
import compileall
import py_compile
import shutil
import subprocess
import sys
import tempfile
import tomllib
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"

# Shipped by the Lambda Python runtime; a package that bundles its own only grows.
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath")
LAMBDA_PLATFORM = "manylinux2014_aarch64"
LAMBDA_PYTHON = "3.13"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class BundleError(RuntimeError):
    """pip could not produce the package (offline, or no wheel for the platform)."""


@dataclass(frozen=True)
class Bundle:
    directory: Path
    zip_path: Path
    zip_bytes: int
    code_zip_bytes: int  # the compressed size of the code alone (not the dependencies)


def _canonical(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The project's runtime dependencies, minus what the Lambda runtime provides."""
    data = tomllib.loads(pyproject.read_text("utf-8"))
    deps: list[str] = data["project"]["dependencies"]
    return [d for d in deps if _canonical(_requirement_name(d)) not in RUNTIME_PROVIDED]


def _requirement_name(requirement: str) -> str:
    for sep in ("==", ">=", "<=", "~=", "!=", ">", "<", "[", ";", " "):
        requirement = requirement.split(sep, 1)[0]
    return requirement.strip()


def _remove_distribution(target: Path, name: str) -> None:
    """Delete an installed distribution's files, as listed in its RECORD."""
    wanted = _canonical(name)
    for info in target.glob("*.dist-info"):
        if _canonical(info.name.removesuffix(".dist-info").rsplit("-", 1)[0]) != wanted:
            continue
        record = info / "RECORD"
        if record.exists():
            for line in record.read_text("utf-8").splitlines():
                path = target / line.split(",", 1)[0]
                if path.is_file():
                    path.unlink()
        shutil.rmtree(info, ignore_errors=True)
    # Remove the now empty package directories pip left behind.
    for directory in sorted(target.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()


def install_requirements(requirements: Sequence[str], target: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-compile",
        "--target",
        str(target),
        "--platform",
        LAMBDA_PLATFORM,
        "--implementation",
        "cp",
        "--python-version",
        LAMBDA_PYTHON,
        "--only-binary=:all:",
        "--upgrade",
    ]
    if LOCK.exists():
        cmd += ["--constraint", str(LOCK)]
    out = subprocess.run([*cmd, *requirements], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        lines = [line for line in out.stderr.splitlines() if "is ignored" not in line]
        raise BundleError("pip install failed: " + " ".join(lines)[-600:])
    for name in RUNTIME_PROVIDED:
        _remove_distribution(target, name)
    shutil.rmtree(target / "bin", ignore_errors=True)


def copy_code(sources: Iterable[Path], target: Path) -> None:
    """Copy packages (directories) and modules (files) into the package root."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache")
    for source in sources:
        if source.is_dir():
            shutil.copytree(source, target / source.name, ignore=ignore, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target / source.name)


def compile_bytecode(target: Path) -> bool:
    """Precompile when this interpreter matches the Lambda's; otherwise ship sources only."""
    if f"{sys.version_info.major}.{sys.version_info.minor}" != LAMBDA_PYTHON:
        return False
    # Some dependencies' docstrings hold invalid escapes: harmless, and not ours to fix.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        return bool(
            compileall.compile_dir(
                str(target),
                quiet=2,
                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
                workers=1,
            )
        )


def zip_directory(directory: Path, zip_path: Path, only: Sequence[str] | None = None) -> int:
    """Zip deterministically; `only` limits it to some top-level names. Returns its size."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            relative = path.relative_to(directory)
            if only is not None and not _selected(relative, only):
                continue
            info = zipfile.ZipInfo(relative.as_posix(), date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return zip_path.stat().st_size


def _selected(relative: Path, names: Sequence[str]) -> bool:
    """A path under one of `names`, or the top-level bytecode of a module among them."""
    top = relative.parts[0]
    if top == "__pycache__" and len(relative.parts) == 2:
        return f"{relative.name.split('.', 1)[0]}.py" in names
    return top in names


def build_bundle(
    requirements: Sequence[str], code: Sequence[Path], out_dir: Path, zip_path: Path
) -> Bundle:
    """The deployable package for these requirements and code, as a directory and a zip."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    install_requirements(requirements, out_dir)
    copy_code(code, out_dir)
    compile_bytecode(out_dir)
    size = zip_directory(out_dir, zip_path)
    with tempfile.TemporaryDirectory() as scratch:
        code_size = zip_directory(out_dir, Path(scratch) / "code.zip", [p.name for p in code])
    return Bundle(out_dir, zip_path, size, code_size)


def build_skill_bundle(out_dir: Path, zip_path: Path) -> Bundle:
    """The skill's own Lambda package: runtime dependencies plus lambda/hamstring_coach."""
    return build_bundle(
        runtime_requirements(), [ROOT / "lambda" / "hamstring_coach"], out_dir, zip_path
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "lambda")
    parser.add_argument("--zip", type=Path, default=ROOT / "build" / "lambda.zip")
    args = parser.parse_args(argv)
    bundle = build_skill_bundle(args.out, args.zip)
    print(f"{bundle.zip_path}: {bundle.zip_bytes} bytes (code {bundle.code_zip_bytes})")


if __name__ == "__main__":
    main()
