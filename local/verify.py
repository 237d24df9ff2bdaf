"""Alexa request signature verification for the self-hosted endpoint, built on `cryptography`.

A skill hosted as an HTTPS web service (rather than Lambda) must prove each request came
from Alexa: the `SignatureCertChainUrl` header names Amazon's signing certificate chain, and
the `Signature-256` header signs the raw body with that certificate's key. The official
`ask-sdk-webservice-support` verifier cannot import on OpenSSL 3 (its `oscrypto` dependency
misreads the version), so this one uses `cryptography`'s own X.509 path validation.

Every check that fails raises `RequestRejectedError` with a `Reason`, so the endpoint can
answer 400 without calling the skill and log why (the reason only, never the body).

Only `local/serve.py` uses this: the Lambda is invoked by Alexa through the Lambda
permission (event source token = skill ID) and needs no signature check.
"""

from __future__ import annotations

import base64
import binascii
import json
import posixpath
import re
import ssl
import threading
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"
SIGNING_SAN = "echo-api.amazon.com"
CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
# Alexa's rules: a request is fresh for 150 s; skill events (enable, disable, permission
# changes) may be delivered up to an hour after they happened.
REQUEST_TOLERANCE = timedelta(seconds=150)
SKILL_EVENT_TOLERANCE = timedelta(hours=1)
SKILL_EVENT_PREFIX = "AlexaSkillEvent."

_MAX_CHAIN_BYTES = 64 * 1024
_FETCH_TIMEOUT_SECONDS = 5.0

Fetcher = Callable[[str], bytes]
Clock = Callable[[], datetime]


class Reason(StrEnum):
    """Why a request was refused; each has its own test."""

    MISSING_HEADER = "missing_header"
    CERT_URL = "cert_url"
    SIGNATURE_ENCODING = "signature_encoding"
    CERT_FETCH = "cert_fetch"
    CERT_PARSE = "cert_parse"
    CERT_DATES = "cert_dates"
    CERT_SAN = "cert_san"
    CERT_CHAIN = "cert_chain"
    SIGNATURE = "signature"
    BODY = "body"
    TIMESTAMP = "timestamp"


class RequestRejectedError(Exception):
    """The request is not provably from Alexa, or too old: answer 400, never dispatch."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


def check_cert_url(url: str) -> None:
    """Alexa's URL rules: https, host s3.amazonaws.com, port 443 if any, path /echo.api/...

    Scheme and host compare case-insensitively; the path is case-sensitive and compared
    after percent-decoding and normalising `..` segments, so `/echo.api/../x/` is refused.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        raise RequestRejectedError(Reason.CERT_URL, "unparsable") from err
    if parts.scheme.lower() != "https":
        raise RequestRejectedError(Reason.CERT_URL, "scheme")
    if parts.username is not None or parts.password is not None:
        raise RequestRejectedError(Reason.CERT_URL, "userinfo")
    if (parts.hostname or "").lower() != CERT_HOST:
        raise RequestRejectedError(Reason.CERT_URL, "host")
    if port is not None and port != 443:
        raise RequestRejectedError(Reason.CERT_URL, "port")
    path = posixpath.normpath(unquote(parts.path)) if parts.path else ""
    if not path.startswith(CERT_PATH_PREFIX):
        raise RequestRejectedError(Reason.CERT_URL, "path")


def https_fetch(url: str) -> bytes:
    """Download the chain over verified TLS, with a timeout and a size cap."""
    context = ssl.create_default_context()
    request = urllib.request.Request(url, headers={"User-Agent": "hamstring-coach-verifier"})
    with urllib.request.urlopen(request, timeout=_FETCH_TIMEOUT_SECONDS, context=context) as r:
        data: bytes = r.read(_MAX_CHAIN_BYTES + 1)
    if len(data) > _MAX_CHAIN_BYTES:
        raise ValueError("certificate chain too large")
    return data


def system_trust_store() -> Store:
    """The machine's CA bundle (the same roots TLS clients on this host trust)."""
    paths = ssl.get_default_verify_paths()
    for candidate in (paths.cafile, paths.openssl_cafile):
        if candidate and Path(candidate).is_file():
            return Store(_load_bundle(Path(candidate).read_bytes()))
    raise RuntimeError("no system CA bundle found; pass a trust store explicitly")


_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)


def _load_bundle(data: bytes) -> list[x509.Certificate]:
    """Each root on its own: one malformed entry in a distro bundle must not void the rest."""
    roots = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a few distro roots have non-RFC serials
        for block in _PEM_BLOCK.findall(data):
            try:
                roots.append(x509.load_pem_x509_certificate(block))
            except ValueError:
                continue
    return roots


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def _parse_timestamp(value: Any) -> datetime:
    if isinstance(value, bool):
        raise ValueError("boolean timestamp")
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000, tz=UTC)  # epoch milliseconds
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise ValueError("timestamp of unexpected type")


class RequestVerifier:
    """Checks one request's headers and raw body. Thread-safe; caches downloaded chains.

    `fetcher`, `trust_store` and `clock` are injected so tests can use a throwaway CA and a
    fixed time; the defaults are an HTTPS download, the system CA bundle and the UTC clock.
    """

    def __init__(
        self,
        fetcher: Fetcher | None = None,
        trust_store: Store | None = None,
        clock: Clock | None = None,
        cache_size: int = 8,
    ) -> None:
        self._fetch = fetcher or https_fetch
        self._store = trust_store
        self._clock = clock or (lambda: datetime.now(UTC))
        self._cache: OrderedDict[str, list[x509.Certificate]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Return quietly for a genuine, fresh Alexa request; raise RequestRejectedError."""
        cert_url = _header(headers, CERT_URL_HEADER)
        signature_b64 = _header(headers, SIGNATURE_HEADER)
        if not cert_url:
            raise RequestRejectedError(Reason.MISSING_HEADER, CERT_URL_HEADER)
        if not signature_b64:
            raise RequestRejectedError(Reason.MISSING_HEADER, SIGNATURE_HEADER)
        check_cert_url(cert_url)
        try:
            signature = base64.b64decode(signature_b64, validate=True)
        except (binascii.Error, ValueError) as err:
            raise RequestRejectedError(Reason.SIGNATURE_ENCODING) from err
        now = self._clock()
        leaf, intermediates = self._chain(cert_url)
        if not leaf.not_valid_before_utc <= now <= leaf.not_valid_after_utc:
            raise RequestRejectedError(Reason.CERT_DATES, "signing certificate not current")
        if SIGNING_SAN not in _dns_names(leaf):
            raise RequestRejectedError(Reason.CERT_SAN, "not issued to " + SIGNING_SAN)
        self._verify_chain(leaf, intermediates, now)
        public_key = leaf.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise RequestRejectedError(Reason.SIGNATURE, "signing key is not RSA")
        try:
            public_key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature as err:
            raise RequestRejectedError(Reason.SIGNATURE, "body does not match") from err
        self._check_timestamp(body, now)

    def _trust_store(self) -> Store:
        if self._store is None:
            self._store = system_trust_store()
        return self._store

    def _chain(self, url: str) -> tuple[x509.Certificate, list[x509.Certificate]]:
        with self._lock:
            certs = self._cache.get(url)
            if certs is not None:
                self._cache.move_to_end(url)
        if certs is None:
            try:
                pem = self._fetch(url)
            except Exception as err:  # any download failure is the same answer: refuse
                raise RequestRejectedError(Reason.CERT_FETCH, type(err).__name__) from err
            try:
                certs = x509.load_pem_x509_certificates(pem)
            except ValueError as err:
                raise RequestRejectedError(Reason.CERT_PARSE, "not a PEM chain") from err
            with self._lock:
                self._cache[url] = certs
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return certs[0], certs[1:]

    def _verify_chain(
        self, leaf: x509.Certificate, intermediates: list[x509.Certificate], now: datetime
    ) -> None:
        # Web PKI rules (basic constraints, key usage, validity of every link) to a trusted
        # root, at the injected time; the subject check repeats the SAN rule inside it.
        verifier = (
            PolicyBuilder()
            .store(self._trust_store())
            .time(now)
            .build_server_verifier(x509.DNSName(SIGNING_SAN))
        )
        try:
            verifier.verify(leaf, intermediates)
        except VerificationError as err:
            raise RequestRejectedError(Reason.CERT_CHAIN, "no path to a trusted root") from err

    @staticmethod
    def _check_timestamp(body: bytes, now: datetime) -> None:
        try:
            request = json.loads(body)["request"]
            when = _parse_timestamp(request["timestamp"])
            request_type = str(request.get("type", ""))
        except (ValueError, KeyError, TypeError, OverflowError, OSError) as err:
            raise RequestRejectedError(Reason.BODY, "no request timestamp") from err
        tolerance = (
            SKILL_EVENT_TOLERANCE
            if request_type.startswith(SKILL_EVENT_PREFIX)
            else REQUEST_TOLERANCE
        )
        if abs(now - when) > tolerance:
            raise RequestRejectedError(Reason.TIMESTAMP, "outside the allowed window")


def _dns_names(cert: x509.Certificate) -> list[str]:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return [name.lower() for name in san.get_values_for_type(x509.DNSName)]
