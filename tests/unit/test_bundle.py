"""The Lambda package recipe, without the network: requirement lists, pruning, zipping."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tools import bundle


def test_runtime_requirements_leave_out_what_lambda_provides(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\ndependencies = ["ask-sdk-core==1.19.0", "boto3==1.44.5", '
        '"Botocore>=1", "python-dateutil==2.9.0.post0"]\n',
        "utf-8",
    )
    assert bundle.runtime_requirements(pyproject) == [
        "ask-sdk-core==1.19.0",
        "python-dateutil==2.9.0.post0",
    ]


def test_the_project_ships_no_boto3() -> None:
    names = [bundle._requirement_name(r).lower() for r in bundle.runtime_requirements()]
    assert "ask-sdk-core" in names
    assert not set(names) & set(bundle.RUNTIME_PROVIDED)


def _fake_distribution(target: Path, name: str, version: str, files: list[str]) -> None:
    info = target / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    for f in files:
        (target / f).parent.mkdir(parents=True, exist_ok=True)
        (target / f).write_text("x", "utf-8")
    record = [*files, f"{info.name}/RECORD"]
    (info / "RECORD").write_text("\n".join(f"{r},," for r in record), "utf-8")


def test_remove_distribution_deletes_only_its_files(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "boto3", "1.44.5", ["boto3/__init__.py", "boto3/data/x.json"])
    _fake_distribution(tmp_path, "requests", "2.34.2", ["requests/__init__.py"])
    bundle._remove_distribution(tmp_path, "boto3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["requests", "requests-2.34.2.dist-info"]


def test_zip_is_deterministic_and_can_hold_only_the_code(tmp_path: Path) -> None:
    src = tmp_path / "pkg"
    (src / "mod" / "__pycache__").mkdir(parents=True)
    (src / "mod" / "__init__.py").write_text("A = 1\n", "utf-8")
    (src / "dep").mkdir()
    (src / "dep" / "__init__.py").write_text("B = 2\n" * 100, "utf-8")
    (src / "lambda_function.py").write_text("C = 3\n", "utf-8")
    (src / "__pycache__").mkdir()
    (src / "__pycache__" / "lambda_function.cpython-313.pyc").write_bytes(b"pyc")
    (src / "__pycache__" / "six.cpython-313.pyc").write_bytes(b"pyc")
    first = bundle.zip_directory(src, tmp_path / "a.zip")
    second = bundle.zip_directory(src, tmp_path / "b.zip")
    assert first == second
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    bundle.zip_directory(src, tmp_path / "code.zip", ["mod", "lambda_function.py"])
    with zipfile.ZipFile(tmp_path / "code.zip") as archive:
        assert sorted(archive.namelist()) == [
            "__pycache__/lambda_function.cpython-313.pyc",
            "lambda_function.py",
            "mod/__init__.py",
        ]
