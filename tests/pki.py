"""A throwaway PKI for signature tests: a root, an issuing CA and Alexa-like signing
certificates, made with `cryptography` in the test run (nothing from the network)."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from cryptography.x509.verification import Store

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def ca_cert(
    cn: str, key: PrivateKey, issuer: x509.Certificate | None, issuer_key: PrivateKey
) -> x509.Certificate:
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(issuer.subject if issuer else _name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=365))
        .not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    return builder.sign(issuer_key, hashes.SHA256())


def leaf_cert(
    key: PrivateKey,
    issuer: x509.Certificate,
    issuer_key: PrivateKey,
    san: str = "echo-api.amazon.com",
    not_before: datetime = NOW - timedelta(days=30),
    not_after: datetime = NOW + timedelta(days=300),
) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(_name(san))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(issuer_key, hashes.SHA256())
    )


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


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
