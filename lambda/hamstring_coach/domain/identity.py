"""Which person a request belongs to, as a key that does not reveal the Alexa ids."""

from __future__ import annotations

import hashlib
import hmac


def user_key(secret: bytes, user_id: str, person_id: str | None = None) -> str:
    """Derive the storage key for the person speaking.

    A recognised voice profile (personId) gets its own program, so two people in one
    household do not share progress; otherwise the account (userId) owns it. The key is an
    HMAC with a per-deployment secret: a leaked table cannot be joined to Alexa ids, and
    the same person in another deployment gets an unrelated key.
    """
    subject = f"person:{person_id}" if person_id else f"user:{user_id}"
    return hmac.new(secret, subject.encode("utf-8"), hashlib.sha256).hexdigest()
