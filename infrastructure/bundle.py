"""Build a Lambda bundle without Docker: pinned wheels for the target platform plus our code.

No Docker engine runs on the machines this project builds on, so the bundle is made with pip
alone: `pip install --target` with `--platform manylinux2014_aarch64 --only-binary=:all:
--python-version 3.13` fetches exactly the wheels the arm64 Lambda runtime can load, whatever
the build machine is. Versions come from requirements.lock (as pip constraints) and nothing
time-dependent is written, so the same inputs give the same bytes and CDK's output hash (and
so the deployed code) only changes when the bundle really does.

The bundle ships bytecode: a Lambda's code directory is read-only, so a module without its
`.pyc` is compiled again on every cold start, which was about half of our cold start. The
`.pyc` files are written by a Python of the runtime's version (3.13) with unchecked-hash
invalidation: a timestamp `.pyc` would hold the build's mtimes (and the zip's fixed
timestamps would make it look stale), while these hold only a hash of the source and the
compiled code, so the rebuild stays byte-identical and Lambda loads them without a check.

Plain Python without aws_cdk, so the benchmarks can build the same zip without a synth.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAMBDA_SRC = ROOT / "lambda"
PACKAGE = "hamstring_coach"
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"

PYTHON_VERSION = "3.13"
PLATFORM = "manylinux2014_aarch64"
# Bytecode is only read by the interpreter version that wrote it (the tag is in its name).
CACHE_TAG = "cpython-" + PYTHON_VERSION.replace(".", "")
# Where Lambda unpacks the code: the path compiled into the bytecode, so a traceback from a
# module loaded without its source would still name the deployed file. (With the source
# beside it, as here, Python reports the real path anyway.)
TASK_ROOT = "/var/task"

# The Lambda Python runtime ships the AWS SDK; Powertools comes from its public layer (see
# infrastructure/stack.py). Bundling any of them again would only make the zip bigger.
PROVIDED_BY_RUNTIME = frozenset({"boto3", "botocore", "s3transfer", "jmespath"})
PROVIDED_BY_LAYER = frozenset({"aws-lambda-powertools", "typing-extensions"})
# Installed only because ask-sdk-core requires `requests` for its DefaultApiClient, which
# the skill never uses: Alexa's APIs go through adapters/device_settings.AlexaApiClient on
# urllib3 (botocore's), with a time limit. Nothing the skill runs imports these three
# (tests/infra/test_bundle.py proves it with them blocked), so they are not shipped: about
# 600 KB of the zip. certifi stays: AlexaApiClient falls back to it for TLS.
NOT_IMPORTED = frozenset({"requests", "charset-normalizer", "idna"})

_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")


class BundleError(RuntimeError):
    """The bundle could not be built (pip failed, or a provided package slipped in)."""


def canonical_name(requirement: str) -> str:
    """PEP 503 name of a requirement line such as `ask-sdk-core==1.19.0`."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    if not match:
        raise BundleError(f"cannot read requirement {requirement!r}")
    return re.sub(r"[-_.]+", "-", match.group(1)).lower()


def lock_pins(lock: Path = LOCK) -> list[str]:
    """`name==version` for every package the lock pins, without its hashes.

    The lock is hash-pinned for installs on the build machine; the bundle installs wheels
    for another platform, whose files the same hashes cover, but pip refuses hashes in a
    constraints file, so the bundle and the benchmark constrain by version only.
    """
    pins = []
    for line in lock.read_text("utf-8").splitlines():
        head = line.split("#", 1)[0].strip().removesuffix("\\").strip()
        if "==" in head and not head.startswith("--"):
            pins.append(head)
    return pins


def runtime_requirements(pyproject: Path = PYPROJECT) -> list[str]:
    """The project's runtime dependencies minus what the runtime and the layer provide."""
    data = tomllib.loads(pyproject.read_text("utf-8"))
    provided = PROVIDED_BY_RUNTIME | PROVIDED_BY_LAYER
    deps: list[str] = data["project"]["dependencies"]
    return sorted(d for d in deps if canonical_name(d) not in provided)


@dataclass(frozen=True)
class BundleSpec:
    """What goes into one function's bundle."""

    requirements: tuple[str, ...] = ()
    # Extra files written at the bundle's root, e.g. the content source as JSON.
    extra_files: Mapping[str, bytes] = field(default_factory=dict)
    package: str = PACKAGE
    bytecode: bool = True

    def digest(self) -> str:
        """Identifies the spec (not the output): requirements, extra files, target."""
        target = f"{PLATFORM} {PYTHON_VERSION} {self.package} bytecode={self.bytecode}"
        digest = hashlib.sha256(target.encode())
        for requirement in self.requirements:
            digest.update(b"\0req\0" + requirement.encode("utf-8"))
        for name, data in sorted(self.extra_files.items()):
            digest.update(b"\0file\0" + name.encode("utf-8") + b"\0" + data)
        return digest.hexdigest()[:32]


def skill_spec() -> BundleSpec:
    return BundleSpec(requirements=tuple(runtime_requirements()))


def build(spec: BundleSpec, out_dir: Path) -> None:
    """Write the bundle's files into out_dir (which may exist and must be empty)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if spec.requirements:
        _pip_install(spec.requirements, out_dir)
        _drop_provided(out_dir)
        for name in sorted(NOT_IMPORTED):
            remove_distribution(out_dir, name)
        # Console scripts are useless in a Lambda and carry the build machine's paths.
        shutil.rmtree(out_dir / "bin", ignore_errors=True)
    shutil.copytree(LAMBDA_SRC / spec.package, out_dir / spec.package, ignore=_IGNORED)
    for name, data in sorted(spec.extra_files.items()):
        (out_dir / name).write_bytes(data)
    if spec.bytecode and compile_bytecode(out_dir, skip=out_dir / spec.package):
        compile_own(out_dir / spec.package)


def compile_own(package_dir: Path, python: str | None = None) -> None:
    """Ship our own package as lean bytecode alone: each module's .pyc in place of its .py,
    without docstrings and column ranges (`lean_bytecode.py` says why and what stays).

    Why: the package budget in `make bench`: sources and bytecode side by side roughly
    tripled every kilobyte our code added. Python imports a `module.pyc` that stands where
    `module.py` would (a sourceless import), and the unchecked-hash bytecode never looks for
    a source. What is lost: a traceback shows file, line and function but not the line's
    text (our logs carry error classes only anyway). Dependencies keep their sources.
    """
    python = python or bytecode_interpreter()
    if python is None:
        raise BundleError(f"no Python {PYTHON_VERSION} to compile {package_dir.name}")
    command = [
        python,
        "-X",
        "no_debug_ranges",
        str(Path(__file__).with_name("lean_bytecode.py")),
        str(package_dir),
        f"{TASK_ROOT}/{package_dir.name}",
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise BundleError(f"compiling {package_dir.name} failed:\n{result.stdout}\n{result.stderr}")
    left = sorted(p.name for p in package_dir.rglob("*.py"))
    if left:
        raise BundleError(f"sources left in {package_dir.name}: {left[:3]}")


def _pip_install(requirements: Iterable[str], out_dir: Path) -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory() as scratch:
        constraints = Path(scratch) / "constraints.txt"
        constraints.write_text("\n".join(lock_pins()) + "\n", "utf-8")
        command = [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-input",
            "--no-compile",
            "--target",
            str(out_dir),
            "--platform",
            PLATFORM,
            "--implementation",
            "cp",
            "--python-version",
            PYTHON_VERSION,
            "--only-binary=:all:",
            "--constraint",
            str(constraints),
            *requirements,
        ]
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise BundleError(f"pip install failed:\n{result.stdout}\n{result.stderr}")


def _drop_provided(out_dir: Path) -> None:
    provided = PROVIDED_BY_RUNTIME | PROVIDED_BY_LAYER
    found = sorted(
        canonical_name(p.name.split("-")[0])
        for p in out_dir.glob("*.dist-info")
        if canonical_name(p.name.split("-")[0]) in provided
    )
    if found:
        # A dependency started to pull in something the runtime or layer already has: fail
        # loudly rather than ship a second, possibly different, copy.
        raise BundleError(f"bundle would include provided packages: {', '.join(found)}")


def remove_distribution(target: Path, name: str) -> None:
    """Delete an installed distribution's files, as its RECORD lists them."""
    wanted = canonical_name(name)
    for info in target.glob("*.dist-info"):
        if canonical_name(info.name.removesuffix(".dist-info").rsplit("-", 1)[0]) != wanted:
            continue
        record = info / "RECORD"
        if record.exists():
            for line in record.read_text("utf-8").splitlines():
                path = target / line.split(",", 1)[0]
                if path.is_file():
                    path.unlink()
        shutil.rmtree(info, ignore_errors=True)
    # Directories the removal emptied go too, deepest first.
    for directory in sorted(target.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()


# --- bytecode --------------------------------------------------------------------------------


@functools.cache
def bytecode_interpreter() -> str | None:
    """A Python of the runtime's version to compile with: this one, else `python3.13` on
    PATH, else None (the bundle then ships without bytecode, which works, only slower)."""
    if sys.implementation.cache_tag == CACHE_TAG:
        return sys.executable
    return shutil.which(f"python{PYTHON_VERSION}")


def compile_bytecode(out_dir: Path, python: str | None = None, skip: Path | None = None) -> bool:
    """Compile every module under out_dir for the runtime's Python; False if none was found.
    `skip`: a directory left alone (our own package, which compile_own compiles).

    A separate process, so the interpreter can be another than the one building, and so
    nothing of this process (hash seed, warnings filters) reaches the bytes.
    """
    python = python or bytecode_interpreter()
    if python is None:
        print(
            f"bundle: no Python {PYTHON_VERSION} found, so the bundle ships without bytecode "
            "and every cold start compiles what it imports",
            file=sys.stderr,
        )
        return False
    command = [
        python,
        # Some dependencies' docstrings hold invalid escapes: harmless, and not ours.
        "-W",
        "ignore::SyntaxWarning",
        "-m",
        "compileall",
        "-qq",
        "-d",
        TASK_ROOT,
        "--invalidation-mode",
        "unchecked-hash",
        *(["-x", "^" + re.escape(f"{skip}{os.sep}")] if skip is not None else []),
        str(out_dir),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONPYCACHEPREFIX", None)  # the .pyc files belong beside their sources
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise BundleError(f"compiling bytecode failed:\n{result.stdout}\n{result.stderr}")
    stray = sorted(
        p.name for p in out_dir.rglob("*.pyc") if not p.name.endswith(f".{CACHE_TAG}.pyc")
    )
    if stray:
        raise BundleError(f"bytecode for another Python than {PYTHON_VERSION}: {stray[:3]}")
    return True


def fingerprint(directory: Path) -> str:
    """A hash of every file's relative path and bytes (what CDK's output hash also covers)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def zip_dir(directory: Path, zip_path: Path) -> int:
    """Zip like the CDK CLI does for a Lambda asset (fixed timestamps); returns the size."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(directory).as_posix(), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return zip_path.stat().st_size


def main(argv: list[str] | None = None) -> None:
    """`python -m infrastructure.bundle OUT_DIR [ZIP]`: build the skill bundle (and zip it)."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        raise SystemExit("usage: python -m infrastructure.bundle OUT_DIR [ZIP]")
    out = Path(args[0])
    if out.exists():
        shutil.rmtree(out)
    build(skill_spec(), out)
    print(f"bundle {out} {fingerprint(out)[:16]}")
    if len(args) > 1:
        print(f"zip {args[1]} {zip_dir(out, Path(args[1]))} bytes")


if __name__ == "__main__":
    main()
