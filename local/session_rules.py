"""Alexa's session rules and response limits, for tests and the pre-submission check.

A response that leaves the session open must carry a reprompt (Alexa says it when the person
says nothing; certification rejects an open question without one), and a response that
ends the session must not carry one. A spoken answer says which it is: shouldEndSession is
set either way, never left to the device. Speech stays within Alexa's limits: 8,000
characters, and no single break longer than 10 s.
"""

from __future__ import annotations

import re
from typing import Any

from hamstring_coach.voice.timing import MAX_BREAK_MS, MAX_SPEECH_CHARS

_BREAK_TIME = re.compile(r"""<break\b[^>]*\btime\s*=\s*["'](\d+(?:\.\d+)?)(ms|s)["']""", re.I)


def _text(speech: Any) -> str:
    if not isinstance(speech, dict):
        return ""
    raw = str(speech.get("ssml") or speech.get("text") or "")
    return re.sub(r"<[^>]+>", "", raw).strip()


def session_rule_errors(out: dict[str, Any]) -> list[str]:
    """What is wrong with one response under the rule (empty when it keeps it)."""
    response = out.get("response") or {}
    spoken = _text(response.get("outputSpeech"))
    reprompt = _text((response.get("reprompt") or {}).get("outputSpeech"))
    ends = response.get("shouldEndSession")
    errors = []
    if spoken and ends is None:
        errors.append("speaks without saying whether the session ends")
    if ends is False and not reprompt:
        errors.append("keeps the session open without a reprompt")
    if ends is True and "reprompt" in response:
        errors.append("ends the session but carries a reprompt")
    if "reprompt" in response and not reprompt:
        errors.append("has an empty reprompt")
    return errors


def limit_errors(out: dict[str, Any]) -> list[str]:
    """Where one response goes past Alexa's limits for speech (empty when it does not)."""
    response = out.get("response") or {}
    errors = []
    for part, block in (
        ("speech", response.get("outputSpeech")),
        ("reprompt", (response.get("reprompt") or {}).get("outputSpeech")),
    ):
        if not isinstance(block, dict):
            continue
        raw = str(block.get("ssml") or block.get("text") or "")
        if len(raw) > MAX_SPEECH_CHARS:
            errors.append(f"{part} has {len(raw)} characters")
        for amount, unit in _BREAK_TIME.findall(raw):
            ms = float(amount) * (1000 if unit.lower() == "s" else 1)
            if ms > MAX_BREAK_MS:
                errors.append(f"{part} has a break of {ms:.0f} ms")
    return errors
