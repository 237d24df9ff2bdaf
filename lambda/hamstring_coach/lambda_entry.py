"""What Lambda calls: the raw event is checked before the SDK sees it, and always answered.

Kept apart from the composition root (app.py) because it is the skill's outer wall, not its
wiring: slot values are capped (request_limits), session attributes are trusted only when
their seal checks out (session_seal), and anything malformed, undecodable or failing still
gets a short spoken apology with the session open. Only a request for another skill goes
unanswered (ForeignSkillError).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, cast

from ask_sdk_core.exceptions import AskSdkException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope

from hamstring_coach.adapters.dynamo import StoreCalls
from hamstring_coach.adapters.secrets import SecretUnavailableError
from hamstring_coach.handlers.errors import fallback_line
from hamstring_coach.lambda_type import LambdaHandler
from hamstring_coach.request_limits import cap_slots
from hamstring_coach.session_seal import seal, unseal
from hamstring_coach.turn_context import raw_request_scope

log = logging.getLogger(__name__)


class ForeignSkillError(Exception):
    """The request names another skill's ID: refused, never answered."""


def make_lambda_handler(
    skill: CustomSkill,
    calls: StoreCalls | None = None,
    secret: Callable[[], bytes] | None = None,
) -> LambdaHandler:
    """Like SkillBuilder.lambda_handler, but a malformed event still gets a spoken answer.

    Before any other work: slot values are capped (request_limits), and the session
    attributes are used only if their seal checks out (session_seal); the attributes a
    response carries are sealed. While the user-key secret cannot be read, every request
    gets a short apology with the session open (and its attributes back, untouched), and
    the next request tries again. A request for another skill raises ForeignSkillError and
    gets no answer at all.
    """
    read_secret = secret or (lambda: b"")

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        if calls is not None:
            calls.start_turn()  # the store's time window for this request starts now
        with raw_request_scope(event if isinstance(event, dict) else {}):
            try:
                return _handle(event, context)
            except ForeignSkillError:
                raise
            except Exception as err:  # the last line of defence: always an answer
                log.error("request failed", extra={"error": type(err).__name__})
                return _error_envelope(None)

    def _handle(event: dict[str, Any], context: Any) -> dict[str, Any]:
        if not isinstance(event, dict):
            log.warning("request is not an object")
            return _error_envelope(None)
        event = cap_slots(event)
        locale = _raw_locale(event)
        ids, carried_attrs = _session_ids(event)
        try:
            key = read_secret()
        except SecretUnavailableError as err:
            log.error("user-key secret unavailable", extra={"error": type(err).__name__})
            return _error_envelope(locale, "store_unavailable", carried_attrs)
        if ids is not None:
            event = _unsealed(event, key, ids)
        out = _dispatch(skill, event, context)
        if out is None:
            return _error_envelope(locale, "error", carried_attrs)
        if ids is not None and out.get("sessionAttributes"):
            out["sessionAttributes"] = seal(key, ids[0], ids[1], out["sessionAttributes"])
        return out

    return handler


def _dispatch(skill: CustomSkill, event: dict[str, Any], context: Any) -> dict[str, Any] | None:
    """The skill's serialized answer; an error envelope for a malformed request; None
    when dispatch failed (the caller apologises, keeping the carried attributes)."""
    try:
        envelope = skill.serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
    except Exception as err:
        log.warning("undecodable request", extra={"error": type(err).__name__})
        return _error_envelope(None)
    if envelope is None or not _is_alexa_shaped(envelope):
        log.warning("request without context, system or request")
        return _error_envelope(None)
    try:
        response = skill.invoke(request_envelope=envelope, context=context)
    except AskSdkException as err:
        if "Skill ID Verification failed" in str(err):
            raise ForeignSkillError("request for another skill") from err
        log.error("dispatch failed", extra={"error": type(err).__name__})
        return None
    except Exception as err:
        log.error("dispatch failed", extra={"error": type(err).__name__})
        return None
    return cast(dict[str, Any], skill.serializer.serialize(response))


def _unsealed(event: dict[str, Any], key: bytes, ids: tuple[str, str]) -> dict[str, Any]:
    """The event with only attributes whose seal checks out (else none at all)."""
    attrs, refused = unseal(key, ids[0], ids[1], event["session"].get("attributes"))
    if refused:
        log.warning("session state refused: unsealed or tampered")
    return {**event, "session": {**event["session"], "attributes": attrs}}


def _raw_locale(event: dict[str, Any]) -> str | None:
    request = event.get("request")
    locale = request.get("locale") if isinstance(request, dict) else None
    return locale if isinstance(locale, str) else None


def _session_ids(event: dict[str, Any]) -> tuple[tuple[str, str] | None, Any]:
    """((session id, user id) the seal is bound to, the attributes as they came), or
    (None, None) for a request without a session."""
    part = event.get("session")
    if not isinstance(part, dict):
        return None, None
    system = (
        (event.get("context") or {}).get("System")
        if isinstance(event.get("context"), dict)
        else None
    )
    user = (system or {}).get("user") if isinstance(system, dict) else None
    user_id = (user or {}).get("userId") if isinstance(user, dict) else None
    session_id = part.get("sessionId")
    return (str(session_id), str(user_id)), part.get("attributes")


def _is_alexa_shaped(envelope: RequestEnvelope) -> bool:
    system = getattr(getattr(envelope, "context", None), "system", None)
    user = getattr(system, "user", None)
    return (
        envelope.request is not None
        and getattr(user, "user_id", None) is not None
        and getattr(system, "application", None) is not None
    )


def _error_envelope(locale: str | None, line: str = "error", keep: Any = None) -> dict[str, Any]:
    """A short spoken apology, session open. `keep`: the request's session attributes as
    they came (seal and all), handed back so that nothing carried is lost."""
    out: dict[str, Any] = {
        "version": "1.0",
        "response": {
            "outputSpeech": {
                "type": "SSML",
                "ssml": f"<speak>{fallback_line(locale, line)}</speak>",
            },
            "reprompt": {
                "outputSpeech": {
                    "type": "SSML",
                    "ssml": f"<speak>{fallback_line(locale, 'error_reprompt')}</speak>",
                }
            },
            "shouldEndSession": False,
        },
    }
    if isinstance(keep, dict) and keep:
        out["sessionAttributes"] = keep
    return out
