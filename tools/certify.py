"""The certification checks that can run offline: `make certify` (`python -m tools.certify`).

Amazon's certification team tests a skill against its published checklist: the example
phrases work, every intent answers, the session rules hold, the built-in intents behave,
one-shot invocations work, the description carries the health disclaimer without medical
claims, and the manifest is consistent. This runs the ones that need no device and no
account, against the committed manifest, every locale's interaction model (text resolved by
`local/resolver.py`) and the real lambda_handler on an in-memory store (moto), under the
public skill's `minimal` health-data profile.

Intents come from the model, so an intent added later is checked without editing this file.
It prints a report, writes it to docs/certification-report.md, and exits 1 if a check fails.
`tests/functional/test_certify.py` runs the same checks in `make test`.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tools.models import LOCALES

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "skill-package" / "skill.json"
REPORT = ROOT / "docs" / "certification-report.md"
DOCUMENTS = (ROOT / "docs" / "privacy-policy.md", ROOT / "docs" / "terms-of-use.md")
# A fixed morning: answers must not depend on when the check runs.
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
USER = "amzn1.ask.account.CERTIFICATION"
COUNTRY_LOCALES = {"US": "en-US", "GB": "en-GB", "CA": "en-CA", "AU": "en-AU", "IN": "en-IN"}
# Claims a health skill must not make (Alexa policy: no claims of life-saving help, no
# diagnosis). Negated uses ("does not diagnose") are allowed.
FORBIDDEN_CLAIMS = (
    (re.compile(r"\b(save|saves|saving)\b[^.]{0,30}\blives?\b", re.I), "a claim to save lives"),
    (re.compile(r"\blife[- ]?sav", re.I), "a life-saving claim"),
    (re.compile(r"\bcures?\b|\bheals? (it|you|your)\b", re.I), "a claim to cure"),
    (re.compile(r"\bguarantee", re.I), "a guarantee"),
    (re.compile(r"(?<!not )(?<!n't )\bdiagnos(e|es|is)\b", re.I), "a claim to diagnose"),
)
DISCLAIMERS = (
    (re.compile(r"not a substitute", re.I), "the 'not a substitute for professional advice' line"),
    (re.compile(r"emergency", re.I), "what to do in an emergency"),
)
BUILT_INS = (
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.NavigateHomeIntent",
)
# Built-in intents that must end the session wherever they are said.
ENDING = frozenset({"AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"})


@dataclass
class Check:
    name: str
    what: str
    tried: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.tried > 0 and not self.failures

    def expect(self, ok: bool, failure: str) -> None:
        self.tried += 1
        if not ok:
            self.failures.append(failure)


Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@contextmanager
def offline_skill() -> Iterator[Handler]:
    """The real handler on moto with the content seeded, `minimal` profile, fixed clock."""
    import boto3  # noqa: PLC0415 (only the check needs the AWS SDK and moto)
    from moto import mock_aws  # noqa: PLC0415

    from hamstring_coach.adapters.content_seed import seed  # noqa: PLC0415
    from hamstring_coach.adapters.tables import create_tables  # noqa: PLC0415
    from hamstring_coach.app import create_app  # noqa: PLC0415
    from hamstring_coach.settings import Settings  # noqa: PLC0415
    from local.offline_api import OfflineApiClient  # noqa: PLC0415
    from tools.content_source import load_source  # noqa: PLC0415

    settings = Settings(
        content_table="certify-content",
        progress_table="certify-progress",
        region="us-east-1",
        user_key_secret=b"certification",
    )
    with mock_aws():
        client = boto3.client(
            "dynamodb",
            region_name=settings.region,
            aws_access_key_id="certify",
            aws_secret_access_key="certify",
        )
        create_tables(client, settings.content_table, settings.progress_table)
        seed(client, settings.content_table, load_source())
        yield create_app(
            settings,
            client=client,
            clock=lambda: NOW,
            rng=random.Random(16),
            api_client=OfflineApiClient(),
        )


# --- the checks ------------------------------------------------------------------------------


class Certification:
    def __init__(self, handler: Handler, manifest: dict[str, Any]) -> None:
        from local.resolver import Resolver  # noqa: PLC0415

        self.handler = handler
        self.manifest = manifest["manifest"]
        self.locales = sorted(self.manifest["publishingInformation"]["locales"])
        self.resolvers = {loc: Resolver.for_locale(loc) for loc in self.locales}
        self.session = Check(
            "Session rules",
            "every response: an open session has a reprompt, an ended one none; speech within"
            " 8,000 characters and breaks of 10 s",
        )
        self._users = 0

    # The session rules are checked on every response any other check gets.
    def send(self, event: dict[str, Any]) -> dict[str, Any]:
        from local.session_rules import limit_errors, session_rule_errors  # noqa: PLC0415

        out = self.handler(event, None)
        request = event["request"]
        what = request.get("intent", {}).get("name") or request["type"]
        errors = [*session_rule_errors(out), *limit_errors(out)]
        self.session.expect(not errors, f"{request.get('locale')} {what}: {'; '.join(errors)}")
        return out

    def chat(self, locale: str) -> Any:
        """A fresh person talking through the resolver, every response checked."""
        from local.dialog import TextSession  # noqa: PLC0415

        self._users += 1
        user = f"{USER}{self._users}"
        return TextSession(
            lambda event, context: self.send(event),
            self.resolvers[locale],
            user_id=user,
            clock=lambda: NOW,
        )

    def run(self) -> list[Check]:
        checks = [
            self.example_phrases(),
            self.every_intent_answers(),
            self.built_ins(),
            self.one_shots(),
            self.description(),
            self.manifest_fields(),
            self.documents(),
        ]
        return [*checks[:2], self.session, *checks[2:]]

    def example_phrases(self) -> Check:
        check = Check(
            "Example phrases",
            "each locale's example phrases start with 'Alexa,', name the skill and resolve"
            " to a request of this skill in that locale's model",
        )
        for locale in self.locales:
            info = self.manifest["publishingInformation"]["locales"][locale]
            for phrase in info.get("examplePhrases", []):
                check.expect(phrase.startswith("Alexa, "), f"{locale}: {phrase!r} lacks 'Alexa,'")
                found = self.resolvers[locale].resolve(phrase)
                ok = found.new_session and not found.is_fallback
                check.expect(ok, f"{locale}: {phrase!r} resolves to {found.describe()}")
                if ok:
                    exchange = self.chat(locale).say(phrase)
                    check.expect(_answers(exchange.response), f"{locale}: {phrase!r} no answer")
        return check

    def every_intent_answers(self) -> Check:
        check = Check(
            "Every intent answers",
            "each intent of each locale's model, first thing in a session and with empty"
            " slots, gets a spoken answer and no error",
        )
        from hamstring_coach.handlers.errors import fallback_line  # noqa: PLC0415
        from local import envelopes  # noqa: PLC0415

        for locale in self.locales:
            error = fallback_line(locale, "error")
            for intent in sorted(self.resolvers[locale].intents):
                event = envelopes.intent(intent, {}, locale, NOW, new_session=True, user_id=USER)
                out = self.send(event)
                speech = _speech(out)
                check.expect(bool(speech), f"{locale} {intent}: no speech")
                check.expect(error not in speech, f"{locale} {intent}: the error answer")
        return check

    def built_ins(self) -> Check:
        check = Check(
            "Help, Stop, Cancel, Fallback, NavigateHome",
            "from the menu, in a workout and in a symptom check: Help says what to say and"
            " stays open, Stop and Cancel end, Fallback re-offers and stays open,"
            " NavigateHome ends",
        )
        contexts = {
            "menu": ["open hamstring coach"],
            "workout": ["open hamstring coach", "start my workout"],
            "symptom check": ["open hamstring coach", "should I see a doctor"],
        }
        for locale in self.locales:
            resolver = self.resolvers[locale]
            samples = {normalise_sample(text) for _i, text in resolver.samples() if "{" not in text}
            for where, lead in contexts.items():
                for intent in BUILT_INS:
                    if intent not in resolver.intents:
                        check.expect(False, f"{locale}: the model lacks {intent}")
                        continue
                    chat = self.chat(locale)
                    for text in lead:
                        chat.say(text)
                    out = chat.send(_built_in(intent)).response or {}
                    label = f"{locale} {where} {intent}"
                    ends = bool(out.get("response", {}).get("shouldEndSession"))
                    if intent in ENDING:
                        check.expect(ends, f"{label}: the session stays open")
                    else:
                        check.expect(not ends and _answers(out), f"{label}: ends or is silent")
                    if intent == "AMAZON.HelpIntent":
                        said = normalise_sample(_speech(out))
                        check.expect(
                            any(s in said for s in samples if len(s.split()) >= 2),
                            f"{label}: names nothing the person can say",
                        )
        return check

    def one_shots(self) -> Check:
        check = Check(
            "One-shot invocations",
            "for every intent with samples, 'Alexa, ask hamstring coach <one of its samples>'"
            " reaches that intent as a new session and gets an answer",
        )
        from local.resolver import tokens  # noqa: PLC0415

        for locale in self.locales:
            resolver = self.resolvers[locale]
            invocation = " ".join(tokens(" ".join(resolver.invocation)))
            by_intent: dict[str, list[str]] = {}
            for intent, text in resolver.samples():
                by_intent.setdefault(intent, []).append(text)
            for intent, texts in sorted(by_intent.items()):
                if intent.startswith("AMAZON."):
                    continue  # Amazon's own intents are not features
                reached = None
                for text in texts:
                    phrase = f"Alexa, ask {invocation} {fill(text, resolver, intent)}"
                    found = resolver.resolve(phrase)
                    if found.intent == intent and found.new_session:
                        reached = phrase
                        break
                check.expect(reached is not None, f"{locale} {intent}: no sample reaches it")
                if reached is not None:
                    exchange = self.chat(locale).say(reached)
                    check.expect(_answers(exchange.response), f"{locale}: {reached!r} no answer")
        return check

    def description(self) -> Check:
        check = Check(
            "Health disclaimer, no medical claims",
            "each locale's description has the disclaimer and the emergency line; name,"
            " summary and description claim no life-saving help, cure or diagnosis",
        )
        for locale in self.locales:
            info = self.manifest["publishingInformation"]["locales"][locale]
            for pattern, what in DISCLAIMERS:
                check.expect(bool(pattern.search(info["description"])), f"{locale}: no {what}")
            text = " ".join(str(info.get(k, "")) for k in ("name", "summary", "description"))
            for pattern, what in FORBIDDEN_CLAIMS:
                match = pattern.search(text)
                check.expect(match is None, f"{locale}: {what}: {match and match.group(0)!r}")
        return check

    def manifest_fields(self) -> Check:
        check = Check(
            "Manifest consistent across locales",
            "every locale complete and named alike, one model and one policy link set per"
            " locale, countries matched by locales, personal info declared, testing notes",
        )
        publishing = self.manifest["publishingInformation"]
        privacy = self.manifest["privacyAndCompliance"]
        infos = publishing["locales"]
        for locale in self.locales:
            info = infos[locale]
            for key in ("name", "summary", "description", "examplePhrases", "keywords"):
                check.expect(bool(info.get(key)), f"{locale}: no {key}")
            check.expect(1 <= len(info.get("examplePhrases", [])) <= 3, f"{locale}: phrases")
            check.expect(locale in LOCALES, f"{locale}: no interaction model for the package")
            links = privacy.get("locales", {}).get(locale, {})
            for key in ("privacyPolicyUrl", "termsOfUseUrl"):
                check.expect(str(links.get(key, "")).startswith("https://"), f"{locale}: {key}")
        for key in ("name", "summary", "keywords"):
            values = {json.dumps(infos[loc].get(key)) for loc in self.locales}
            check.expect(len(values) == 1, f"{key} differs between locales")
        check.expect(set(privacy.get("locales", {})) == set(infos), "policy links per locale")
        for country in publishing.get("distributionCountries", []):
            locale = COUNTRY_LOCALES.get(country)
            check.expect(locale in infos, f"distributed in {country} without its locale")
        check.expect(privacy.get("usesPersonalInfo") is True, "usesPersonalInfo is not true")
        check.expect(privacy.get("isChildDirected") is False, "isChildDirected is not false")
        check.expect(bool(publishing.get("testingInstructions")), "no testing instructions")
        check.expect(publishing.get("category") == "HEALTH_AND_FITNESS", "category")
        return check

    def documents(self) -> Check:
        check = Check(
            "Privacy policy and terms",
            "docs/privacy-policy.md and docs/terms-of-use.md exist; the policy states the"
            " retention the code applies and both ways to delete",
        )
        from hamstring_coach.domain.progress import HISTORY_DAYS  # noqa: PLC0415
        from hamstring_coach.settings import Settings  # noqa: PLC0415

        for path in DOCUMENTS:
            check.expect(path.is_file(), f"{path.relative_to(ROOT)} is missing")
        policy = DOCUMENTS[0].read_text("utf-8") if DOCUMENTS[0].is_file() else ""
        retention = Settings.from_env({}).retention_days
        for needed in (
            f"{HISTORY_DAYS} days",
            f"{retention} days",
            "delete my data",
            "disable",
            "pain",
        ):
            check.expect(needed in policy, f"the privacy policy does not say {needed!r}")
        return check


def normalise_sample(text: str) -> str:
    from local.resolver import normalise  # noqa: PLC0415

    return f" {normalise(text)} "


def fill(sample: str, resolver: Any, intent: str) -> str:
    """A sample with each slot filled as a person would say it."""
    slot_types: dict[str, str] = resolver.intents[intent]

    def value(match: re.Match[str]) -> str:
        kind = slot_types.get(match.group(1), "")
        return SLOT_EXAMPLES.get(kind) or resolver.example_value(kind) or "sleeping"

    return re.sub(r"\{(\w+)\}", value, sample)


# A free-text slot is filled with words no carrier starts with: "sleeping on my side" became
# a sleep question's own carrier (q19), so every sample it began was read as that question.
SLOT_EXAMPLES = {"AMAZON.NUMBER": "three", "AMAZON.SearchQuery": "a dull ache at the sit bone"}


def _built_in(intent: str) -> Any:
    from local.resolver import Resolution  # noqa: PLC0415

    return Resolution("IntentRequest", intent, {}, matched=intent)


def _speech(out: dict[str, Any] | None) -> str:
    speech = ((out or {}).get("response") or {}).get("outputSpeech") or {}
    return re.sub(r"<[^>]+>", "", str(speech.get("ssml") or speech.get("text") or "")).strip()


def _answers(out: dict[str, Any] | None) -> bool:
    return bool(_speech(out))


# --- the report ------------------------------------------------------------------------------


def render(checks: list[Check]) -> str:
    passed = all(c.passed for c in checks)
    lines = [
        "# Certification report (offline checks)",
        "",
        "Written by `make certify` (`python -m tools.certify`); what each check covers is in",
        "[certification.md](certification.md). It runs against the committed manifest, every",
        "locale's interaction model and the real handler under the `minimal` health-data",
        "profile.",
        "",
        f"**Result: {'PASS' if passed else 'FAIL'}**, "
        f"{sum(c.tried for c in checks)} expectations in {len(checks)} checks.",
        "",
        "| check | result | expectations | what it checks |",
        "| --- | --- | --- | --- |",
    ]
    for c in checks:
        lines.append(f"| {c.name} | {'pass' if c.passed else 'FAIL'} | {c.tried} | {c.what} |")
    failing = [c for c in checks if not c.passed]
    if failing:
        lines += ["", "## Failures", ""]
        for c in failing:
            shown = c.failures[:20] or ["nothing was checked"]
            lines += [f"- **{c.name}**: " + "; ".join(shown)]
    lines += [
        "",
        "Not checked offline (the certification team does these on a device): speech",
        "recognition of the phrases, the skill's card and screen output on each device type,",
        "and the live policy links.",
    ]
    return "\n".join(lines) + "\n"


def run_checks(handler: Handler | None = None) -> list[Check]:
    manifest = json.loads(MANIFEST.read_text("utf-8"))
    if handler is not None:
        return Certification(handler, manifest).run()
    with offline_skill() as skill:
        return Certification(skill, manifest).run()


def main(argv: list[str] | None = None) -> int:
    checks = run_checks()
    report = render(checks)
    print(report, end="")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report, "utf-8")
    print(f"written to {REPORT.relative_to(ROOT)}")
    return 0 if all(c.passed for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
