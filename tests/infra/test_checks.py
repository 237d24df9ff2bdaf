"""cdk-nag (AWS Solutions) and cfn-lint over the synthesized templates."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.infra.conftest import CLI_STACK, CONFIGURED_STACK, Synth

pytestmark = pytest.mark.infra

# Every finding we accept, where, and that it carries a reason (see infrastructure/stack.py).
ACKNOWLEDGED = {
    ("AwsSolutions-SMG4", "UserKeySecret"),
    ("AwsSolutions-L1", "SkillFunction"),
    ("AwsSolutions-L1", "ContentSeedFunction"),
}


def _report(synth: Synth) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((synth.outdir / "validation-report.json").read_text())
    return report


def test_cdk_nag_ran_and_left_no_unacknowledged_finding(synth: Synth) -> None:
    report = _report(synth)
    plugins = {p["pluginName"]: p for p in report["pluginReports"]}
    assert set(plugins) == {"AwsSolutions"}
    solutions = plugins["AwsSolutions"]
    assert solutions["conclusion"] == "success"
    assert solutions["violations"] == []


def test_every_acknowledgement_is_expected_and_explained(synth: Synth) -> None:
    suppressed = _report(synth)["pluginReports"][0]["suppressedViolations"]
    seen: set[tuple[str, str, str]] = set()
    for finding in suppressed:
        assert len(finding["reason"].split()) >= 15, finding["ruleName"]
        for construct in finding["violatingConstructs"]:
            stack, resource = construct["constructPath"].split("/")[:2]
            seen.add((stack, finding["ruleName"], resource))
    expected = {
        (stack, rule, resource)
        for stack in (CLI_STACK, CONFIGURED_STACK)
        for rule, resource in ACKNOWLEDGED
    }
    assert seen == expected


@pytest.mark.parametrize("stack", [CLI_STACK, CONFIGURED_STACK])
def test_cfn_lint_is_clean(synth: Synth, stack: str) -> None:
    from cfnlint.api import ManualArgs, lint

    text = (synth.outdir / f"{stack}.template.json").read_text("utf-8")
    matches = lint(
        text,
        config=ManualArgs(
            # W3005 (redundant DependsOn) is how CDK writes dependencies: the only exception.
            ignore_checks=["W3005"],
            # The regions that host Alexa skill back ends.
            regions=["us-east-1", "eu-west-1", "us-west-2"],
        ),
    )
    assert [str(m) for m in matches] == []
