"""The operator's skill package: endpoint filled from the stack, placeholders stay in git."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tools.models import LOCALES, locale_model
from tools.skill_package import (
    SOURCE,
    SkillPackageError,
    function_arn_from_stack,
    main,
    write_ask_states,
    write_package,
)

ARN = "arn:aws:lambda:us-east-1:123456789012:function:HamstringCoach-SkillFunction63F2-AbC"
SKILL_ID = "amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef"
ROOT = Path(__file__).resolve().parents[2]
PRIVACY = "https://coach.example-health.net/hamstring/privacy"
TERMS = "https://coach.example-health.net/hamstring/terms"


def test_package_gets_the_endpoint_for_requests_and_events(tmp_path: Path) -> None:
    manifest_path = write_package(
        ARN, target=tmp_path / "pkg", privacy_url=PRIVACY, terms_url=TERMS
    )
    manifest = json.loads(manifest_path.read_text())["manifest"]
    assert manifest["apis"]["custom"]["endpoint"] == {"uri": ARN}
    for links in manifest["privacyAndCompliance"]["locales"].values():
        assert links == {"privacyPolicyUrl": PRIVACY, "termsOfUseUrl": TERMS}
    assert manifest["events"]["endpoint"] == {"uri": ARN}
    assert {"SKILL_DISABLED"} <= {s["eventName"] for s in manifest["events"]["subscriptions"]}
    # Every locale's model travels with it, generated from the edited source.
    custom = tmp_path / "pkg" / "interactionModels" / "custom"
    assert sorted(p.name for p in custom.iterdir()) == sorted(f"{loc}.json" for loc in LOCALES)
    for locale in LOCALES:
        assert json.loads((custom / f"{locale}.json").read_text()) == locale_model(locale)
    committed = json.loads((SOURCE / "skill.json").read_text())["manifest"]
    assert "REPLACE_WITH_STACK_OUTPUT" in committed["apis"]["custom"]["endpoint"]["uri"]
    assert "example.org" in committed["privacyAndCompliance"]["locales"]["en-US"]["termsOfUseUrl"]


def test_no_package_for_submission_while_a_policy_link_is_a_placeholder(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    for privacy, terms in (
        (None, None),  # the committed placeholders
        (PRIVACY, None),  # terms still a placeholder
        (None, TERMS),
    ):
        with pytest.raises(SkillPackageError, match="placeholder"):
            write_package(ARN, target=target, privacy_url=privacy, terms_url=terms)
        assert not target.exists()  # nothing half-built is left to deploy
    for bad in ("https://example.org/p", "https://www.example.com/p", "http://my.site/p", "x"):
        with pytest.raises(SkillPackageError):
            write_package(ARN, target=target, privacy_url=bad, terms_url=TERMS)
    # A development skill may keep them, when asked for in so many words.
    draft = json.loads(write_package(ARN, target=target, draft=True).read_text())["manifest"]
    assert "example.org" in draft["privacyAndCompliance"]["locales"]["en-GB"]["privacyPolicyUrl"]


def test_the_command_line_refuses_placeholders_and_says_what_to_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--function-arn", ARN])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "not built" in err and "--privacy-url" in err and "docs/privacy-policy.md" in err


def test_manifest_has_what_certification_asks_of_a_health_skill() -> None:
    manifest = json.loads((SOURCE / "skill.json").read_text())["manifest"]
    locales = manifest["publishingInformation"]["locales"]
    assert set(locales) == {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"}
    for info in locales.values():
        assert "not a substitute" in info["description"]
        assert "emergency" in info["description"]
    privacy = manifest["privacyAndCompliance"]
    assert privacy["usesPersonalInfo"] is True  # a progress record is kept per person
    assert set(privacy["locales"]) == set(locales)
    assert all(v["privacyPolicyUrl"].startswith("https://") for v in privacy["locales"].values())


def test_ask_cli_deploys_the_built_package() -> None:
    resources = json.loads((ROOT / "ask-resources.json").read_text())
    assert resources["profiles"]["default"]["skillMetadata"]["src"] == "./build/skill-package"


def test_bad_arn_or_skill_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SkillPackageError):
        write_package("arn:aws:lambda:REGION:ACCOUNT:function:X", target=tmp_path / "p")
    with pytest.raises(SkillPackageError):
        write_ask_states("amzn1.ask.skill.placeholder", path=tmp_path / "s.json")


def test_ask_states_point_at_the_existing_skill(tmp_path: Path) -> None:
    path = tmp_path / ".ask" / "ask-states.json"
    write_ask_states(SKILL_ID, path=path)
    write_ask_states(SKILL_ID, path=path)  # idempotent
    states = json.loads(path.read_text())
    assert states["profiles"]["default"]["skillId"] == SKILL_ID


def test_arn_can_come_from_the_stack_outputs() -> None:
    class Outputs:
        def describe_stacks(self, *, StackName: str) -> dict[str, Any]:  # noqa: N803
            assert StackName == "HamstringCoach"
            return {
                "Stacks": [{"Outputs": [{"OutputKey": "SkillFunctionArn", "OutputValue": ARN}]}]
            }

    class Empty:
        def describe_stacks(self, *, StackName: str) -> dict[str, Any]:  # noqa: N803
            return {"Stacks": [{"Outputs": []}]}

    assert function_arn_from_stack(Outputs(), "HamstringCoach") == ARN
    with pytest.raises(SkillPackageError):
        function_arn_from_stack(Empty(), "HamstringCoach")
