"""What the functions' code assets contain, how big they are, and that they rebuild identically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from infrastructure.bundle import (
    PROVIDED_BY_LAYER,
    PROVIDED_BY_RUNTIME,
    build,
    fingerprint,
    runtime_requirements,
    skill_spec,
    zip_dir,
)
from tests.infra.conftest import Synth, one
from tools.content_source import load_source

pytestmark = pytest.mark.infra

SKILL_HANDLER = "hamstring_coach.app.lambda_handler"
SEED_HANDLER = "hamstring_coach.seed_on_deploy.handler"
# Measured 2.0 MB zipped (ask-sdk-model is most of it); a jump means a new dependency.
SKILL_ZIP_LIMIT = 2_600_000


def _asset(synth: Synth, handler: str) -> Path:
    _, function = one(synth.template(), "AWS::Lambda::Function", Handler=handler)
    path = synth.asset_dir(function["Properties"]["Code"]["S3Key"])
    assert path.is_dir()
    return path


def _top_level(path: Path) -> set[str]:
    return {p.name for p in path.iterdir()}


def _dist(path: Path, name: str) -> list[str]:
    prefix = name.replace("-", "_").lower()
    return [p.name for p in path.glob("*.dist-info") if p.name.lower().startswith(prefix + "-")]


def test_runtime_requirements_leave_out_what_lambda_and_the_layer_provide() -> None:
    names = {r.split("==")[0] for r in runtime_requirements()}
    assert names == {"ask-sdk-core", "python-dateutil"}
    assert "python-dateutil==2.9.0.post0" in runtime_requirements()


def test_skill_bundle_has_the_sdk_and_our_code_but_nothing_provided(
    synth: Synth, tmp_path: Path
) -> None:
    asset = _asset(synth, SKILL_HANDLER)
    top = _top_level(asset)
    assert {"hamstring_coach", "ask_sdk_core", "ask_sdk_model", "dateutil"} <= top
    assert _dist(asset, "python-dateutil") == ["python_dateutil-2.9.0.post0.dist-info"]
    for provided in PROVIDED_BY_RUNTIME | PROVIDED_BY_LAYER:
        assert not _dist(asset, provided), provided
    assert not {"boto3", "botocore", "aws_lambda_powertools", "bin", "content.json"} & top
    assert not list(asset.rglob("*.pyc")) and not list(asset.rglob("__pycache__"))
    # Native code (charset-normalizer) is built for the Lambda's arm64, not this machine.
    native = [p.name for p in asset.rglob("*.so")]
    assert native and all("aarch64" in n for n in native)
    size = zip_dir(asset, tmp_path / "skill.zip")
    print(f"\nskill bundle: {size} bytes zipped")
    assert size < SKILL_ZIP_LIMIT


def test_seed_bundle_is_our_code_and_the_content_as_json(synth: Synth) -> None:
    asset = _asset(synth, SEED_HANDLER)
    assert _top_level(asset) == {"hamstring_coach", "content.json"}
    bundled: dict[str, Any] = json.loads((asset / "content.json").read_text("utf-8"))
    assert bundled == load_source()


def test_bundle_rebuilds_byte_for_byte(synth: Synth, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(skill_spec(), again)
    assert fingerprint(again) == fingerprint(_asset(synth, SKILL_HANDLER))
