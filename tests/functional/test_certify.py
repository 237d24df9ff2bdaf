"""`make certify` in `make test`: the offline certification checks pass, and would fail."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

from tools.certify import MANIFEST, Certification, Check, Handler, offline_skill, render


@pytest.fixture(scope="module")
def handler() -> Iterator[Handler]:
    with offline_skill() as skill:
        yield skill


@pytest.fixture
def manifest() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(MANIFEST.read_text("utf-8"))
    return loaded


def _by_name(checks: list[Check]) -> dict[str, Check]:
    return {c.name: c for c in checks}


def test_every_offline_certification_check_passes(
    handler: Handler, manifest: dict[str, Any]
) -> None:
    checks = Certification(handler, manifest).run()
    report = render(checks)
    assert "**Result: PASS**" in report, report
    # Each check really looked at something: every intent of every locale, and so on.
    tried = {c.name: c.tried for c in checks}
    locales = manifest["manifest"]["publishingInformation"]["locales"]
    assert tried["Every intent answers"] >= 2 * 20 * len(locales)
    assert tried["Session rules"] > tried["Every intent answers"]


def test_a_description_that_promises_too_much_fails(
    handler: Handler, manifest: dict[str, Any]
) -> None:
    bad = copy.deepcopy(manifest)
    info = bad["manifest"]["publishingInformation"]["locales"]["en-GB"]
    info["description"] = "Hamstring Coach can save lives and diagnose your injury."
    info["examplePhrases"] = ["Alexa, ask hamstring coach to juggle flaming torches"]
    bad["manifest"]["privacyAndCompliance"]["usesPersonalInfo"] = False
    checks = _by_name(Certification(handler, bad).run())
    failures = " ".join(checks["Health disclaimer, no medical claims"].failures)
    assert "save lives" in failures and "diagnose" in failures and "not a substitute" in failures
    assert any("juggle" in f for f in checks["Example phrases"].failures)
    assert "usesPersonalInfo is not true" in checks["Manifest consistent across locales"].failures
    assert not checks["Manifest consistent across locales"].passed
    assert "**Result: FAIL**" in render(list(checks.values()))


def test_an_open_session_without_a_reprompt_fails(
    handler: Handler, manifest: dict[str, Any]
) -> None:
    def forgetful(event: dict[str, Any], context: Any) -> dict[str, Any]:
        out = handler(event, context)
        out["response"].pop("reprompt", None)  # a handler that forgot its reprompt
        return out

    session = _by_name(Certification(forgetful, manifest).run())["Session rules"]
    assert not session.passed
    assert any("without a reprompt" in f for f in session.failures)
