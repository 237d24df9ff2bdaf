"""Alexa's session rule, checked on every response the functional tests get from the skill.

A response that leaves the session open must carry a reprompt (Alexa says it when the person
says nothing; certification rejects an open question without one), and a response that
ends the session must not carry one. A spoken answer says which it is: shouldEndSession is
set either way, never left to the device.
"""

from __future__ import annotations

import re
from typing import Any

from hamstring_coach.lambda_type import LambdaHandler

Handler = LambdaHandler


class OpenSessionError(AssertionError):
    """A response broke the session rule."""


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


def check_response(event: dict[str, Any], out: dict[str, Any]) -> None:
    errors = session_rule_errors(out)
    if errors:
        request = event.get("request") if isinstance(event, dict) else None
        what = request.get("intent", {}).get("name") if isinstance(request, dict) else None
        kind = request.get("type") if isinstance(request, dict) else None
        raise OpenSessionError(f"{what or kind}: {'; '.join(errors)}: {out.get('response')}")


def checked(handler: Handler) -> Handler:
    """The skill's handler, with every response it gives held to the session rule."""

    def run(event: dict[str, Any], context: Any) -> dict[str, Any]:
        out = handler(event, context)
        check_response(event, out)
        return out

    return run
