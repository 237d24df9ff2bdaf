"""A throwaway PKI for signature tests: a root, an issuing CA and Alexa-like signing
certificates, made with `cryptography` in the test run (nothing from the network)."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.verification import Store

from local import pki

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"

PrivateKey = pki.PrivateKey
pem = pki.pem


def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def ca_cert(
    cn: str, key: PrivateKey, issuer: x509.Certificate | None, issuer_key: PrivateKey
) -> x509.Certificate:
    return pki.ca_certificate(
        cn,
        key,
        issuer=issuer,
        issuer_key=issuer_key,
        valid=(NOW - timedelta(days=365), NOW + timedelta(days=3650)),
        usages=("digital_signature", "key_cert_sign", "crl_sign"),
    )


def leaf_cert(
    key: PrivateKey,
    issuer: x509.Certificate,
    issuer_key: PrivateKey,
    san: str = "echo-api.amazon.com",
    not_before: datetime = NOW - timedelta(days=30),
    not_after: datetime = NOW + timedelta(days=300),
) -> x509.Certificate:
    """An Alexa-like signing certificate: its name in the SAN, signing and TLS usages."""
    return pki.end_entity_certificate(
        san,
        key,
        issuer=issuer,
        issuer_key=issuer_key,
        valid=(not_before, not_after),
        alt_names=[x509.DNSName(san)],
        extended_usages=[ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH],
        usages=("digital_signature", "key_encipherment"),
        subject_key_id=True,
    )


@dataclass
class Pki:
    """A root, an intermediate and Alexa-like signing certificates, made once per module."""

    root: x509.Certificate
    inter: x509.Certificate
    inter_key: rsa.RSAPrivateKey
    leaf_key: rsa.RSAPrivateKey
    leaf: x509.Certificate
    rogue_root: x509.Certificate
    rogue_inter: x509.Certificate
    rogue_inter_key: rsa.RSAPrivateKey
    chains: dict[str, bytes] = field(default_factory=dict)

    def store(self) -> Store:
        return Store([self.root])


def make_pki() -> Pki:
    root_key, inter_key, leaf_key = rsa_key(), rsa_key(), rsa_key()
    root = ca_cert("Test Root", root_key, None, root_key)
    inter = ca_cert("Test Issuing CA", inter_key, root, root_key)
    leaf = leaf_cert(leaf_key, inter, inter_key)
    rogue_root_key, rogue_inter_key = rsa_key(), rsa_key()
    rogue_root = ca_cert("Rogue Root", rogue_root_key, None, rogue_root_key)
    rogue_inter = ca_cert("Rogue Issuing CA", rogue_inter_key, rogue_root, rogue_root_key)
    return Pki(root, inter, inter_key, leaf_key, leaf, rogue_root, rogue_inter, rogue_inter_key)


class Fetcher:
    def __init__(self, chains: dict[str, bytes]) -> None:
        self.chains = chains
        self.calls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        if url not in self.chains:
            raise OSError("404")
        return self.chains[url]


def sign(key: rsa.RSAPrivateKey, body: bytes) -> str:
    return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()
