"""What loading the skill's module costs on a cold start: no boto3, only botocore."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_skill_module_loads_without_boto3_or_s3transfer() -> None:
    # A fresh interpreter: this test process has imported boto3 for the other tests.
    code = (
        "import sys, hamstring_coach.app; "
        "print(sorted(m for m in ('boto3', 's3transfer', 'multiprocessing') if m in sys.modules))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
        "PYTHONPATH": str(ROOT / "lambda"),
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
