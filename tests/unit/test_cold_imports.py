"""What loading the skill's module costs on a cold start: no boto3, only botocore; nothing a
first turn does not need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# Modules the skill's module must not load: boto3 (with s3transfer and multiprocessing) when
# botocore does; `requests` (the SDK's DefaultApiClient in ask_sdk_core.api_client) when
# urllib3, which botocore loads anyway, does the one GET; and what only some turns use.
NOT_AT_COLD_START = (
    "boto3",
    "s3transfer",
    "multiprocessing",
    "requests",
    "ask_sdk_core.api_client",
    # Loaded when a turn needs them: APL directives for a screen, statistics for a median.
    "ask_sdk_model.interfaces.alexa.presentation.apl",
    "statistics",
)


def test_the_skill_module_loads_nothing_a_first_turn_does_not_need() -> None:
    # A fresh interpreter: this test process has imported boto3 for the other tests.
    code = (
        "import sys, hamstring_coach.app; "
        f"print(sorted(m for m in {NOT_AT_COLD_START!r} if m in sys.modules))"
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
