"""Prepare the ASK CLI skill package for a deployed stack: `python -m tools.skill_package`.

Copies skill-package/ to build/skill-package/ with the skill function's ARN as the endpoint of
both the custom API and the skill events, and writes every locale's interaction model into it
(generated from the edited source by tools.models), so `ask deploy --target skill-metadata`
(see ask-resources.json) uploads the manifest and every locale's model. The committed
skill.json keeps its placeholder: an account's ARN never lands in the repository.

    python -m tools.skill_package --function-arn arn:aws:lambda:...:function:...
    python -m tools.skill_package --stack HamstringCoach --region us-east-1   # reads outputs
    ... --skill-id amzn1.ask.skill.<uuid>   # also point .ask/ask-states.json at that skill
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path
from typing import Any, Protocol

from tools.models import locale_files

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "skill-package"
TARGET = ROOT / "build" / "skill-package"
ASK_STATES = ROOT / ".ask" / "ask-states.json"
FUNCTION_OUTPUT = "SkillFunctionArn"

FUNCTION_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+$")
SKILL_ID = re.compile(
    r"^amzn1\.ask\.skill\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)


class StackOutputsClient(Protocol):
    def describe_stacks(self, *, StackName: str) -> dict[str, Any]: ...  # noqa: N803


class SkillPackageError(ValueError):
    """Bad input: not a function ARN, not a skill ID, or a stack without the output."""


def function_arn_from_stack(client: StackOutputsClient, stack: str) -> str:
    stacks = client.describe_stacks(StackName=stack)["Stacks"]
    for output in stacks[0].get("Outputs", []):
        if output["OutputKey"] == FUNCTION_OUTPUT:
            return str(output["OutputValue"])
    raise SkillPackageError(f"stack {stack} has no {FUNCTION_OUTPUT} output")


def write_package(function_arn: str, source: Path = SOURCE, target: Path = TARGET) -> Path:
    if not FUNCTION_ARN.match(function_arn):
        raise SkillPackageError(f"not a Lambda function ARN: {function_arn!r}")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    for path, text in locale_files(target / "interactionModels" / "custom").items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    manifest_path = target / "skill.json"
    skill = json.loads(manifest_path.read_text("utf-8"))
    manifest = skill["manifest"]
    manifest["apis"]["custom"]["endpoint"] = {"uri": function_arn}
    if "events" in manifest:
        manifest["events"]["endpoint"] = {"uri": function_arn}
    manifest_path.write_text(json.dumps(skill, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return manifest_path


def write_ask_states(skill_id: str, path: Path = ASK_STATES, profile: str = "default") -> None:
    """Point the ASK CLI at an existing skill, so `ask deploy` updates it instead of creating."""
    if not SKILL_ID.match(skill_id):
        raise SkillPackageError(f"not an Alexa skill ID: {skill_id!r}")
    states: dict[str, Any] = (
        json.loads(path.read_text("utf-8"))
        if path.exists()
        else {"askcliStatesVersion": "2020-03-31", "profiles": {}}
    )
    states.setdefault("profiles", {}).setdefault(profile, {})["skillId"] = skill_id
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(states, indent=2) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--function-arn", help="the stack's SkillFunctionArn output")
    source.add_argument("--stack", help="read SkillFunctionArn from this stack's outputs")
    parser.add_argument("--region", help="the stack's region (with --stack)")
    parser.add_argument("--skill-id", help="the skill created in the developer console")
    args = parser.parse_args(argv)
    arn = args.function_arn
    if args.stack:
        import boto3  # noqa: PLC0415 (only this path needs AWS)

        client = boto3.client("cloudformation", region_name=args.region)
        arn = function_arn_from_stack(client, args.stack)
    manifest = write_package(arn)
    print(f"wrote {manifest.relative_to(ROOT)} with endpoint {arn}")
    if args.skill_id:
        write_ask_states(args.skill_id)
        print(f"wrote {ASK_STATES.relative_to(ROOT)} for skill {args.skill_id}")


if __name__ == "__main__":
    main()
