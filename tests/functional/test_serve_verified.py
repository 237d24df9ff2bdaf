"""`serve` in verified mode: only requests signed by Alexa (here: a throwaway CA) and fresh
reach the handler; everything else gets HTTP 400. Also the skill ID over HTTP."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local import envelopes
from local.serve import (
    DEFAULT_CHECKS,
    RunningServer,
    request_checks,
    start_in_thread,
    verify_from_env,
)
from local.verify import CERT_URL_HEADER, SIGNATURE_HEADER, RequestVerifier
from tests.conftest import Clock
from tests.pki import NOW, URL, Fetcher, Pki, leaf_cert, make_pki, pem, rsa_key, sign

OURS = "amzn1.ask.skill.00000000-0000-0000-0000-000000000001"
ROGUE_URL = "https://s3.amazonaws.com/echo.api/rogue.pem"


class Counting:
    def __init__(self, inner: LambdaHandler) -> None:
        self.inner, self.calls = inner, 0

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        self.calls += 1
        return self.inner(event, context)


def post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    req = urllib.request.Request(url, data=body, method="POST", headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.fixture(scope="module")
def pki() -> Pki:
    return make_pki()


@pytest.fixture
def counting(make_skill: Callable[..., LambdaHandler]) -> Counting:
    return Counting(make_skill())


@pytest.fixture
def verified(pki: Pki, counting: Counting, clock: Clock) -> Iterator[RunningServer]:
    verifier = RequestVerifier(
        fetcher=Fetcher(
            {
                URL: pem(pki.leaf, pki.inter),
                # Right name and dates, signed by a CA nobody trusts.
                ROGUE_URL: pem(
                    leaf_cert(pki.leaf_key, pki.rogue_inter, pki.rogue_inter_key),
                    pki.rogue_inter,
                ),
            }
        ),
        trust_store=pki.store(),
        clock=clock,
    )
    with start_in_thread(counting, checks=request_checks(True, verifier)) as server:
        yield server


def _launch(clock: Clock, **kw: Any) -> bytes:
    return json.dumps(envelopes.launch(now=clock.now, **kw)).encode()


def _signed(
    pki: Pki, body: bytes, key: rsa.RSAPrivateKey | None = None, url: str = URL
) -> dict[str, str]:
    return {CERT_URL_HEADER: url, SIGNATURE_HEADER: sign(key or pki.leaf_key, body)}


def test_a_signed_fresh_request_is_answered(
    verified: RunningServer, counting: Counting, pki: Pki, clock: Clock
) -> None:
    clock.now = NOW
    body = _launch(clock)
    status, out = post(verified.url, body, _signed(pki, body))
    assert status == 200 and "Hamstring Coach" in envelopes.speech_of(out)
    assert counting.calls == 1


def test_anything_else_is_refused_with_400_and_no_handler_call(
    verified: RunningServer, counting: Counting, pki: Pki, clock: Clock
) -> None:
    clock.now = NOW
    body = _launch(clock)
    stale = json.dumps(envelopes.launch(now=NOW - timedelta(minutes=5))).encode()
    cases = {
        "missing_header": (body, {}),
        "signature": (body, _signed(pki, body, key=rsa_key())),
        "cert_url": (body, _signed(pki, body, url="https://evil.example/echo.api/c.pem")),
        "timestamp": (stale, _signed(pki, stale)),
        "cert_fetch": (body, _signed(pki, body, url=URL.replace("12", "13"))),
        "cert_chain": (body, _signed(pki, body, url=ROGUE_URL)),
    }
    for reason, (payload, headers) in cases.items():
        status, out = post(verified.url, payload, headers)
        assert (status, reason) == (400, reason) and reason in out["error"], out
    # Tampered after signing: the signature covers the raw bytes.
    tampered = body.replace(b"LaunchRequest", b"IntentRequest")
    status, _ = post(verified.url, tampered, _signed(pki, body))
    assert status == 400
    assert counting.calls == 0


def test_unverified_mode_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert request_checks(False) == DEFAULT_CHECKS
    assert len(request_checks(True)) == len(DEFAULT_CHECKS) + 1
    assert verify_from_env({"VERIFY_SIGNATURES": "1"}) is True
    assert verify_from_env({"VERIFY_SIGNATURES": "true"}) is True
    assert verify_from_env({"VERIFY_SIGNATURES": "0"}) is False
    assert verify_from_env({}) is False


def test_skill_id_over_http(
    make_skill: Callable[..., LambdaHandler], settings: Settings, clock: Clock
) -> None:
    theirs = "amzn1.ask.skill.99999999-9999-9999-9999-999999999999"
    locked = Counting(make_skill(settings=replace(settings, skill_id=OURS)))
    with start_in_thread(locked) as server:
        status, _ = post(server.url, _launch(clock, application_id=OURS))
        assert status == 200
        status, out = post(server.url, _launch(clock, application_id=theirs))
        assert status == 400 and "another skill" in out["error"]
    # Without SKILL_ID any skill's requests are answered (local use).
    with start_in_thread(make_skill()) as server:
        status, out = post(server.url, _launch(clock, application_id=theirs))
        assert status == 200 and envelopes.speech_of(out)
