"""Alexa request signature checks with a throwaway CA made here: every reason, and success."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.verification import Store

from local.verify import (
    CERT_URL_HEADER,
    SIGNATURE_HEADER,
    Reason,
    RequestRejectedError,
    RequestVerifier,
    check_cert_url,
    system_trust_store,
)
from tests.pki import (
    NOW,
    URL,
    Fetcher,
    Pki,
    ca_cert,
    leaf_cert,
    make_pki,
    pem,
    rsa_key,
    sign,
)


def _body(request_type: str = "LaunchRequest", at: datetime = NOW) -> bytes:
    event = {
        "version": "1.0",
        "request": {"type": request_type, "timestamp": at.strftime("%Y-%m-%dT%H:%M:%SZ")},
    }
    return json.dumps(event).encode()


@pytest.fixture(scope="module")
def pki() -> Pki:
    return make_pki()


def _headers(sig: str, url: str = URL) -> dict[str, str]:
    return {CERT_URL_HEADER: url, SIGNATURE_HEADER: sig}


def _verifier(
    pki: Pki, chains: dict[str, bytes] | None = None, now: datetime = NOW
) -> tuple[RequestVerifier, Fetcher]:
    fetcher = Fetcher(chains if chains is not None else {URL: pem(pki.leaf, pki.inter)})
    return RequestVerifier(fetcher=fetcher, trust_store=pki.store(), clock=lambda: now), fetcher


def _reason(fn: Callable[[], Any]) -> Reason:
    with pytest.raises(RequestRejectedError) as info:
        fn()
    return info.value.reason


def test_a_genuine_request_passes_and_the_chain_is_fetched_once(pki: Pki) -> None:
    verifier, fetcher = _verifier(pki)
    body = _body()
    verifier.verify(_headers(sign(pki.leaf_key, body)), body)
    # Header names are case-insensitive, as HTTP says.
    lower = {k.lower(): v for k, v in _headers(sign(pki.leaf_key, body)).items()}
    verifier.verify(lower, body)
    assert fetcher.calls == [URL]


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
    ],
)
def test_cert_url_rules_accept(url: str) -> None:
    check_cert_url(url)


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "scheme"),
        ("https://notamazon.com/echo.api/echo-api-cert.pem", "host"),
        ("https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem", "host"),
        ("https://s3.amazonaws.com@evil.example/echo.api/echo-api-cert.pem", "userinfo"),
        ("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", "port"),
        ("https://s3.amazonaws.com:notaport/echo.api/echo-api-cert.pem", "unparsable"),
        ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/../invalid.path/cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/cert.pem", "path"),
        ("https://s3.amazonaws.com", "path"),
    ],
)
def test_cert_url_rules_refuse(url: str, detail: str) -> None:
    with pytest.raises(RequestRejectedError) as info:
        check_cert_url(url)
    assert (info.value.reason, info.value.detail) == (Reason.CERT_URL, detail)


def test_bad_cert_url_is_refused_before_anything_is_downloaded(pki: Pki) -> None:
    verifier, fetcher = _verifier(pki)
    body = _body()
    bad = "https://evil.example/echo.api/cert.pem"
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body), bad), body)) == (
        Reason.CERT_URL
    )
    assert fetcher.calls == []


def test_missing_headers(pki: Pki) -> None:
    verifier, _ = _verifier(pki)
    body = _body()
    sig = sign(pki.leaf_key, body)
    assert _reason(lambda: verifier.verify({SIGNATURE_HEADER: sig}, body)) == (
        Reason.MISSING_HEADER
    )
    assert _reason(lambda: verifier.verify({CERT_URL_HEADER: URL}, body)) == (Reason.MISSING_HEADER)
    assert _reason(lambda: verifier.verify({}, body)) == Reason.MISSING_HEADER


def test_signature_that_is_not_base64(pki: Pki) -> None:
    verifier, _ = _verifier(pki)
    assert _reason(lambda: verifier.verify(_headers("not base64 !!"), _body())) == (
        Reason.SIGNATURE_ENCODING
    )


def test_chain_that_cannot_be_downloaded(pki: Pki) -> None:
    verifier, _ = _verifier(pki, chains={})
    body = _body()
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body)), body)) == (
        Reason.CERT_FETCH
    )


def test_chain_that_is_notpem(pki: Pki) -> None:
    verifier, fetcher = _verifier(pki, chains={URL: b"<html>not a certificate</html>"})
    body = _body()
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body)), body)) == (
        Reason.CERT_PARSE
    )
    # A failed download is not cached: the next request tries again.
    fetcher.chains[URL] = pem(pki.leaf, pki.inter)
    verifier.verify(_headers(sign(pki.leaf_key, body)), body)
    assert len(fetcher.calls) == 2


@pytest.mark.parametrize(
    ("not_before", "not_after"),
    [
        (NOW - timedelta(days=400), NOW - timedelta(seconds=1)),  # expired
        (NOW + timedelta(seconds=1), NOW + timedelta(days=300)),  # not yet valid
    ],
)
def test_signing_certificate_outside_its_dates(
    pki: Pki, not_before: datetime, not_after: datetime
) -> None:
    leaf = leaf_cert(
        pki.leaf_key, pki.inter, pki.inter_key, not_before=not_before, not_after=not_after
    )
    verifier, _ = _verifier(pki, chains={URL: pem(leaf, pki.inter)})
    body = _body()
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body)), body)) == (
        Reason.CERT_DATES
    )


def test_cached_chain_is_rechecked_against_the_clock(pki: Pki) -> None:
    now = [NOW]
    fetcher = Fetcher({URL: pem(pki.leaf, pki.inter)})
    verifier = RequestVerifier(fetcher=fetcher, trust_store=pki.store(), clock=lambda: now[0])
    verifier.verify(_headers(sign(pki.leaf_key, _body())), _body())
    now[0] = pki.leaf.not_valid_after_utc + timedelta(seconds=1)
    body = _body(at=now[0])
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body)), body)) == (
        Reason.CERT_DATES
    )


def test_certificate_for_another_name(pki: Pki) -> None:
    leaf = leaf_cert(pki.leaf_key, pki.inter, pki.inter_key, san="echo-api.evil.example")
    verifier, _ = _verifier(pki, chains={URL: pem(leaf, pki.inter)})
    body = _body()
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body)), body)) == (
        Reason.CERT_SAN
    )


def test_chain_to_an_untrusted_root(pki: Pki) -> None:
    # Correct name, correct dates, valid signature: only the issuer is not trusted.
    leaf = leaf_cert(pki.leaf_key, pki.rogue_inter, pki.rogue_inter_key)
    verifier, _ = _verifier(pki, chains={URL: pem(leaf, pki.rogue_inter, pki.rogue_root)})
    body = _body()
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body)), body)) == (
        Reason.CERT_CHAIN
    )


def test_chain_missing_its_intermediate(pki: Pki) -> None:
    verifier, _ = _verifier(pki, chains={URL: pem(pki.leaf)})
    body = _body()
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body)), body)) == (
        Reason.CERT_CHAIN
    )


def test_self_signed_leaf_is_not_trusted(pki: Pki) -> None:
    key = rsa_key()
    leaf = leaf_cert(key, ca_cert("echo-api.amazon.com", key, None, key), key)
    verifier, _ = _verifier(pki, chains={URL: pem(leaf)})
    body = _body()
    assert _reason(lambda: verifier.verify(_headers(sign(key, body)), body)) == (Reason.CERT_CHAIN)


def test_signature_over_other_bytes_or_by_another_key(pki: Pki) -> None:
    verifier, _ = _verifier(pki)
    body = _body()
    # The signature covers the raw bytes: the same JSON re-serialised does not verify.
    reformatted = json.dumps(json.loads(body), indent=2).encode()
    sig = sign(pki.leaf_key, body)
    assert _reason(lambda: verifier.verify(_headers(sig), reformatted)) == Reason.SIGNATURE
    other = sign(rsa_key(), body)
    assert _reason(lambda: verifier.verify(_headers(other), body)) == Reason.SIGNATURE


def test_signing_key_that_is_not_rsa(pki: Pki) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = leaf_cert(key, pki.inter, pki.inter_key)
    verifier, _ = _verifier(pki, chains={URL: pem(leaf, pki.inter)})
    body = _body()
    sig = base64.b64encode(key.sign(body, ec.ECDSA(hashes.SHA256()))).decode()
    assert _reason(lambda: verifier.verify(_headers(sig), body)) == Reason.SIGNATURE


@pytest.mark.parametrize("body", [b"not json", b"{}", b'{"request": {}}', b'{"request": 3}'])
def test_signed_body_without_a_timestamp(pki: Pki, body: bytes) -> None:
    verifier, _ = _verifier(pki)
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, body)), body)) == (
        Reason.BODY
    )


@pytest.mark.parametrize(
    ("request_type", "age", "ok"),
    [
        ("IntentRequest", timedelta(seconds=149), True),
        ("IntentRequest", timedelta(seconds=-149), True),
        ("IntentRequest", timedelta(seconds=151), False),
        ("IntentRequest", timedelta(seconds=-151), False),
        ("AlexaSkillEvent.SkillDisabled", timedelta(minutes=59), True),
        ("AlexaSkillEvent.SkillDisabled", timedelta(minutes=61), False),
    ],
)
def test_timestamp_window(pki: Pki, request_type: str, age: timedelta, ok: bool) -> None:
    verifier, _ = _verifier(pki)
    body = _body(request_type, at=NOW - age)

    def call() -> None:
        verifier.verify(_headers(sign(pki.leaf_key, body)), body)

    if ok:
        call()
    else:
        assert _reason(call) == Reason.TIMESTAMP


def test_timestamp_in_epoch_milliseconds_is_understood(pki: Pki) -> None:
    verifier, _ = _verifier(pki)
    fresh = json.dumps({"request": {"type": "X", "timestamp": NOW.timestamp() * 1000}}).encode()
    verifier.verify(_headers(sign(pki.leaf_key, fresh)), fresh)
    stale = json.dumps({"request": {"timestamp": (NOW.timestamp() - 600) * 1000}}).encode()
    assert _reason(lambda: verifier.verify(_headers(sign(pki.leaf_key, stale)), stale)) == (
        Reason.TIMESTAMP
    )


def test_every_reason_has_a_test() -> None:
    # Keep the list above honest when a reason is added.
    tested = {
        Reason.MISSING_HEADER,
        Reason.CERT_URL,
        Reason.SIGNATURE_ENCODING,
        Reason.CERT_FETCH,
        Reason.CERT_PARSE,
        Reason.CERT_DATES,
        Reason.CERT_SAN,
        Reason.CERT_CHAIN,
        Reason.SIGNATURE,
        Reason.BODY,
        Reason.TIMESTAMP,
    }
    assert tested == set(Reason)


def test_system_trust_store_loads_the_machine_roots() -> None:
    assert isinstance(system_trust_store(), Store)
