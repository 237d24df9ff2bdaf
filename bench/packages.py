"""Both skills' Lambda packages, built by the recipe the CDK stack deploys with.

Ours is `infrastructure.bundle.build(skill_spec())`: the exact files the stack uploads. The
baseline goes through the same pip step (same platform, Python, constraints) with its own
requirements and code, and its bytecode from the same compile step. Its adapter declares
boto3, which the Lambda runtime provides, so the boto3 family is removed after installing,
as the recipe would refuse to ship it; the same check then confirms nothing provided is left.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from infrastructure import bundle as recipe

ROOT = Path(__file__).resolve().parent.parent
BASELINE_CODE = ROOT / "bench" / "baseline" / "lambda_function.py"
BASELINE_REQUIREMENTS = ("ask-sdk-core", "ask-sdk-dynamodb-persistence-adapter")


@dataclass(frozen=True)
class Package:
    directory: Path
    zip_bytes: int
    code_zip_bytes: int  # the skill's own code alone, zipped the same way
    bytecode: bool


def build_ours(directory: Path, zip_path: Path) -> Package:
    recipe.build(recipe.skill_spec(), directory)
    return _package(directory, zip_path, [directory / recipe.PACKAGE])


def build_baseline(directory: Path, zip_path: Path) -> Package:
    directory.mkdir(parents=True, exist_ok=True)
    recipe._pip_install(pinned(BASELINE_REQUIREMENTS), directory)
    for name in sorted(recipe.PROVIDED_BY_RUNTIME):
        recipe.remove_distribution(directory, name)
    recipe._drop_provided(directory)  # raises if anything provided slipped through
    shutil.rmtree(directory / "bin", ignore_errors=True)
    shutil.copy2(BASELINE_CODE, directory / BASELINE_CODE.name)
    recipe.compile_bytecode(directory)  # as recipe.build does for ours
    return _package(directory, zip_path, [directory / BASELINE_CODE.name])


def pinned(names: tuple[str, ...]) -> list[str]:
    """Each name at the version requirements.lock pins."""
    pins = {recipe.canonical_name(pin): pin for pin in recipe.lock_pins()}
    return [pins.get(recipe.canonical_name(name), name) for name in names]


def _package(directory: Path, zip_path: Path, code: list[Path]) -> Package:
    size = recipe.zip_dir(directory, zip_path)
    with tempfile.TemporaryDirectory() as scratch:
        only_code = Path(scratch) / "code"
        only_code.mkdir()
        for path in code:
            if path.is_dir():
                shutil.copytree(path, only_code / path.name)
            else:
                shutil.copy2(path, only_code / path.name)
                # A lone module's bytecode sits in its directory's __pycache__.
                for pyc in path.parent.glob(f"__pycache__/{path.stem}.*.pyc"):
                    (only_code / "__pycache__").mkdir(exist_ok=True)
                    shutil.copy2(pyc, only_code / "__pycache__" / pyc.name)
        code_size = recipe.zip_dir(only_code, Path(scratch) / "code.zip")
    return Package(directory, size, code_size, has_bytecode(directory))


# --- bytecode --------------------------------------------------------------------------------


def has_bytecode(directory: Path) -> bool:
    return any(directory.rglob("*.pyc"))


def with_bytecode_toggled(package: Package, target: Path) -> Package:
    """A copy of a package with its bytecode removed, or added if it had none: the cold
    start with the other choice, everything else equal."""
    if package.bytecode:
        shutil.copytree(package.directory, target, ignore=shutil.ignore_patterns("__pycache__"))
        own = target / recipe.PACKAGE
        if own.is_dir():
            # Ours ships its own package as bytecode only (recipe.compile_own): without
            # bytecode it is the sources again.
            shutil.rmtree(own)
            shutil.copytree(recipe.LAMBDA_SRC / recipe.PACKAGE, own, ignore=recipe._IGNORED)
    else:
        shutil.copytree(package.directory, target)
        recipe.compile_bytecode(target)
    return _package(target, target.with_suffix(".zip"), [])
