"""What the skill carries in the session is sealed: an HMAC under the deployment secret.

Session attributes travel to the device and back with every request. Alexa signs the
requests it sends, but a self-hosted endpoint may run without checking signatures, and a
bug anywhere that echoes input into attributes would otherwise turn into trusted state. So
the attributes a response carries are sealed with an HMAC over (session id, user id,
attributes), under a key derived from the user-key secret; a request's attributes are used
only when their seal checks out. Unsealed, tampered, or replayed into another session or
for another user: dropped whole, never applied (the turn starts as a fresh session would).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

SEAL = "_seal"
# Far above anything the skill carries (a few hundred bytes; a failed write's events a few
# KB), far below what would cost time to hash.
MAX_SEALED_BYTES = 24_000
_PURPOSE = b"hamstring-coach session seal v1"


def _key(secret: bytes) -> bytes:
    # Derived, so the session seal and the user keys never share a key.
    return hmac.new(secret, _PURPOSE, hashlib.sha256).digest()


def _body(session_id: str, user_id: str, attributes: Mapping[str, Any]) -> bytes:
    return json.dumps(
        {"s": session_id, "u": user_id, "a": attributes},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    ).encode("ascii")


def _mac(secret: bytes, body: bytes) -> str:
    digest = hmac.new(_key(secret), body, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def seal(
    secret: bytes, session_id: str, user_id: str, attributes: Mapping[str, Any]
) -> dict[str, Any]:
    """The attributes with their seal (an empty set needs none)."""
    plain = {k: v for k, v in attributes.items() if k != SEAL}
    if not plain:
        return {}
    return {**plain, SEAL: _mac(secret, _body(session_id, user_id, plain))}


def unseal(
    secret: bytes, session_id: str, user_id: str, attributes: Any
) -> tuple[dict[str, Any], bool]:
    """(attributes to use, whether any were refused). Only a valid seal lets them through."""
    if not isinstance(attributes, dict) or not attributes:
        return {}, False
    given = attributes.get(SEAL)
    plain = {k: v for k, v in attributes.items() if k != SEAL}
    if not isinstance(given, str) or not plain:
        return {}, True
    try:
        body = _body(session_id, user_id, plain)
    except (TypeError, ValueError):  # not JSON-able (cannot come from Alexa): refused
        return {}, True
    if len(body) > MAX_SEALED_BYTES or not hmac.compare_digest(_mac(secret, body), given):
        return {}, True
    return plain, False
