"""The benchmark's package helpers, without the network: pruning, pins, bytecode toggling."""

from __future__ import annotations

from pathlib import Path

from bench.packages import Package, pinned, with_bytecode_toggled
from infrastructure.bundle import remove_distribution


def _fake_distribution(target: Path, name: str, version: str, files: list[str]) -> None:
    info = target / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    for f in files:
        (target / f).parent.mkdir(parents=True, exist_ok=True)
        (target / f).write_text("x = 1\n", "utf-8")
    record = [*files, f"{info.name}/RECORD"]
    (info / "RECORD").write_text("\n".join(f"{r},," for r in record), "utf-8")


def test_remove_distribution_deletes_only_its_files(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "boto3", "1.44.5", ["boto3/__init__.py", "boto3/data/x.json"])
    _fake_distribution(tmp_path, "requests", "2.34.2", ["requests/__init__.py"])
    remove_distribution(tmp_path, "boto3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["requests", "requests-2.34.2.dist-info"]


def test_baseline_requirements_are_pinned_by_the_lock() -> None:
    assert pinned(("ask-sdk-core", "ask_sdk_dynamodb_persistence_adapter")) == [
        "ask-sdk-core==1.19.0",
        "ask-sdk-dynamodb-persistence-adapter==1.19.0",
    ]


def test_bytecode_toggles_both_ways(tmp_path: Path) -> None:
    _fake_distribution(tmp_path / "plain", "mod", "1.0", ["mod/__init__.py"])
    plain = Package(tmp_path / "plain", 0, 0, bytecode=False)
    compiled = with_bytecode_toggled(plain, tmp_path / "compiled")
    assert compiled.bytecode
    assert (tmp_path / "compiled" / "mod" / "__pycache__").is_dir()
    again = with_bytecode_toggled(compiled, tmp_path / "again")
    assert not again.bytecode
    assert (tmp_path / "again" / "mod" / "__init__.py").exists()
