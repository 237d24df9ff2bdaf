"""Prepare the ASK CLI skill package for a deployed stack: `python -m tools.skill_package`.

Copies skill-package/ to build/skill-package/ with the skill function's ARN as the endpoint of
both the custom API and the skill events, the addresses where the deployer hosts
docs/privacy-policy.md and docs/terms-of-use.md as every locale's privacy policy and terms
links, and writes every locale's interaction model into it (generated from the edited source
by tools.models), so `ask deploy --target skill-metadata` (see ask-resources.json) uploads
the manifest and every locale's model. The committed skill.json keeps its placeholders: an
account's ARN never lands in the repository.

    python -m tools.skill_package --function-arn arn:aws:lambda:...:function:... \
        --privacy-url https://your.site/privacy --terms-url https://your.site/terms
    python -m tools.skill_package --stack HamstringCoach --region us-east-1 ...  # reads outputs
    ... --skill-id amzn1.ask.skill.<uuid>   # also point .ask/ask-states.json at that skill
    ... --draft   # a development skill: the example.org placeholders may stay

Certification rejects a skill whose policy links lead nowhere, so without `--draft` a package
is not built while any link is still a placeholder.
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
    """Bad input: not a function ARN, not a skill ID, a stack without the output, or a
    policy link that is not a hosted HTTPS address."""


# The committed manifest's stand-in links (and any other address on these hosts).
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")
_HTTPS_URL = re.compile(r"^https://([A-Za-z0-9.-]+)(:\d+)?(/\S*)?$")


def is_placeholder(url: str) -> bool:
    match = _HTTPS_URL.match(url)
    host = match.group(1).lower() if match else ""
    return any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS)


def placeholder_links(manifest: dict[str, Any]) -> list[str]:
    """Every locale's policy or terms link that is still a placeholder ("en-US privacy")."""
    found = []
    for locale, links in manifest["privacyAndCompliance"].get("locales", {}).items():
        for name, key in (("privacy", "privacyPolicyUrl"), ("terms", "termsOfUseUrl")):
            if is_placeholder(str(links.get(key, ""))):
                found.append(f"{locale} {name}")
    return found


def _check_url(url: str, option: str) -> None:
    if not _HTTPS_URL.match(url):
        raise SkillPackageError(f"{option} must be an https:// address, not {url!r}")
    if is_placeholder(url):
        raise SkillPackageError(f"{option} is a placeholder address: {url!r}")


def function_arn_from_stack(client: StackOutputsClient, stack: str) -> str:
    stacks = client.describe_stacks(StackName=stack)["Stacks"]
    for output in stacks[0].get("Outputs", []):
        if output["OutputKey"] == FUNCTION_OUTPUT:
            return str(output["OutputValue"])
    raise SkillPackageError(f"stack {stack} has no {FUNCTION_OUTPUT} output")


def write_package(
    function_arn: str,
    source: Path = SOURCE,
    target: Path = TARGET,
    *,
    privacy_url: str | None = None,
    terms_url: str | None = None,
    draft: bool = False,
) -> Path:
    """Build the package. Refused (unless `draft`) while a policy link is a placeholder."""
    if not FUNCTION_ARN.match(function_arn):
        raise SkillPackageError(f"not a Lambda function ARN: {function_arn!r}")
    for url, option in ((privacy_url, "--privacy-url"), (terms_url, "--terms-url")):
        if url is not None:
            _check_url(url, option)
    skill = json.loads((source / "skill.json").read_text("utf-8"))
    manifest = skill["manifest"]
    for links in manifest["privacyAndCompliance"].get("locales", {}).values():
        if privacy_url is not None:
            links["privacyPolicyUrl"] = privacy_url
        if terms_url is not None:
            links["termsOfUseUrl"] = terms_url
    missing = placeholder_links(manifest)
    if missing and not draft:
        raise SkillPackageError(
            "placeholder privacy policy or terms links ("
            + ", ".join(missing)
            + "): host docs/privacy-policy.md and docs/terms-of-use.md and pass "
            "--privacy-url and --terms-url (or --draft for a skill not to be submitted)"
        )
    manifest["apis"]["custom"]["endpoint"] = {"uri": function_arn}
    if "events" in manifest:
        manifest["events"]["endpoint"] = {"uri": function_arn}
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    for path, text in locale_files(target / "interactionModels" / "custom").items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    manifest_path = target / "skill.json"
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
    parser.add_argument("--privacy-url", help="where docs/privacy-policy.md is hosted (https)")
    parser.add_argument("--terms-url", help="where docs/terms-of-use.md is hosted (https)")
    parser.add_argument(
        "--draft",
        action="store_true",
        help="build with placeholder policy links (a development skill, not for submission)",
    )
    args = parser.parse_args(argv)
    arn = args.function_arn
    if args.stack:
        import boto3  # noqa: PLC0415 (only this path needs AWS)

        client = boto3.client("cloudformation", region_name=args.region)
        arn = function_arn_from_stack(client, args.stack)
    try:
        manifest = write_package(
            arn, privacy_url=args.privacy_url, terms_url=args.terms_url, draft=args.draft
        )
    except SkillPackageError as err:
        parser.exit(2, f"not built: {err}\n")
    print(f"wrote {manifest.relative_to(ROOT)} with endpoint {arn}")
    if args.draft and placeholder_links(json.loads(manifest.read_text("utf-8"))["manifest"]):
        print("draft: the policy links are placeholders; do not submit this package")
    if args.skill_id:
        write_ask_states(args.skill_id)
        print(f"wrote {ASK_STATES.relative_to(ROOT)} for skill {args.skill_id}")


if __name__ == "__main__":
    main()
