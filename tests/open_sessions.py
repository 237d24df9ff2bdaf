"""Alexa's session rule (local/session_rules.py), checked on every response the functional
tests get from the skill; `make certify` checks the same rule."""

from __future__ import annotations

from typing import Any

from hamstring_coach.lambda_type import LambdaHandler
from local.session_rules import session_rule_errors

Handler = LambdaHandler


class OpenSessionError(AssertionError):
    """A response broke the session rule."""


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
