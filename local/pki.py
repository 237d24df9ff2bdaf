"""Throwaway certificates, made with `cryptography` on the spot (nothing from the network).

One place builds them for both users: the local Alexa API stand-in's TLS (a CA and a
server certificate for 127.0.0.1, `local/alexa_api.py`) and the request-signature tests'
Alexa-like chains (`tests/pki.py`). Each caller chooses the keys, names, dates and usages;
what a CA or an end-entity certificate carries is written once here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID, ObjectIdentifier

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

# x509.KeyUsage takes all nine flags; callers name only those they grant.
_USAGES = (
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
    "encipher_only",
    "decipher_only",
)


def name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def key_usage(*granted: str) -> x509.KeyUsage:
    """A KeyUsage with the named usages on and every other one off."""
    unknown = set(granted) - set(_USAGES)
    assert not unknown, unknown
    return x509.KeyUsage(**{usage: usage in granted for usage in _USAGES})


def ca_certificate(
    common_name: str,
    key: PrivateKey,
    *,
    issuer: x509.Certificate | None,
    issuer_key: PrivateKey,
    valid: tuple[datetime, datetime],
    path_length: int | None = None,
    usages: Sequence[str] = ("key_cert_sign", "crl_sign"),
) -> x509.Certificate:
    """A CA: self-signed when `issuer` is None (then `issuer_key` is `key`), else an
    intermediate signed by `issuer`."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(common_name))
        .issuer_name(issuer.subject if issuer else name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid[0])
        .not_valid_after(valid[1])
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(key_usage(*usages), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
    return builder.sign(issuer_key, hashes.SHA256())


def end_entity_certificate(
    common_name: str,
    key: PrivateKey,
    *,
    issuer: x509.Certificate,
    issuer_key: PrivateKey,
    valid: tuple[datetime, datetime],
    alt_names: Sequence[x509.GeneralName],
    extended_usages: Sequence[ObjectIdentifier],
    usages: Sequence[str] = (),
    subject_key_id: bool = False,
) -> x509.Certificate:
    """A certificate for a server or a signer, issued by a CA; with `usages` it carries a
    critical KeyUsage, with `subject_key_id` its own key identifier."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(common_name))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid[0])
        .not_valid_after(valid[1])
        .add_extension(x509.SubjectAlternativeName(list(alt_names)), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    )
    if usages:
        builder = builder.add_extension(key_usage(*usages), critical=True)
    builder = builder.add_extension(
        x509.ExtendedKeyUsage(list(extended_usages)), critical=False
    ).add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
    )
    if subject_key_id:
        builder = builder.add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def key_pem(key: PrivateKey) -> bytes:
    """The private key as unencrypted PKCS#8 PEM (a throwaway key for a local server)."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
