"""Alexa request envelopes as the service sends them, for the console, serve and tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

DEFAULT_USER = "amzn1.ask.account.LOCALDEMOUSER"
DEFAULT_DEVICE = "amzn1.ask.device.LOCALDEMODEVICE"
DEFAULT_APP = "amzn1.ask.skill.local-hamstring-coach"
ALEXA_API = "https://api.amazonalexa.com"
DEFAULT_TOKEN = "local-token"


def _timestamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    request: dict[str, Any],
    *,
    session_attributes: dict[str, Any] | None = None,
    new_session: bool = False,
    session_id: str | None = None,
    user_id: str = DEFAULT_USER,
    person_id: str | None = None,
    application_id: str = DEFAULT_APP,
    with_session: bool = True,
    apl: bool = False,
    api_endpoint: str = ALEXA_API,
    api_token: str = DEFAULT_TOKEN,
    granted: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A request envelope. `api_endpoint` is where the skill's API calls go (a local
    stand-in for tests and the console); `granted` lists permission scopes the person has
    granted, which Alexa reports in context.System.user.permissions."""
    system: dict[str, Any] = {
        "application": {"applicationId": application_id},
        "user": _user(user_id, api_token, granted),
        "device": {
            "deviceId": DEFAULT_DEVICE,
            "supportedInterfaces": {"Alexa.Presentation.APL": {}} if apl else {},
        },
        "apiEndpoint": api_endpoint,
        "apiAccessToken": api_token,
    }
    if person_id:
        system["person"] = {"personId": person_id}
    env: dict[str, Any] = {"version": "1.0", "context": {"System": system}, "request": request}
    if with_session:
        env["session"] = {
            "new": new_session,
            "sessionId": session_id or f"amzn1.echo-api.session.{uuid.uuid4()}",
            "application": {"applicationId": application_id},
            "user": {"userId": user_id},
            "attributes": session_attributes or {},
        }
    return env


def _user(user_id: str, token: str, granted: tuple[str, ...]) -> dict[str, Any]:
    user: dict[str, Any] = {"userId": user_id}
    if granted:
        user["permissions"] = {
            "consentToken": token,
            "scopes": {scope: {"status": "GRANTED"} for scope in granted},
        }
    return user


def connections_response(
    name: str,
    payload: dict[str, Any],
    token: str = "",
    locale: str = "en-US",
    now: datetime | None = None,
    **kw: Any,
) -> dict[str, Any]:
    """A Connections.Response: Alexa's answer to the skill's Connections.SendRequest (for
    AskFor, the person's consent: payload {"permissionScope", "status"})."""
    req = {
        "type": "Connections.Response",
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": _timestamp(now),
        "locale": locale,
        "name": name,
        "status": {"code": "200", "message": "OK"},
        "payload": payload,
        "token": token,
    }
    return envelope(req, **kw)


def launch(locale: str = "en-US", now: datetime | None = None, **kw: Any) -> dict[str, Any]:
    req = {
        "type": "LaunchRequest",
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": _timestamp(now),
        "locale": locale,
    }
    kw.setdefault("new_session", True)
    return envelope(req, **kw)


def intent(
    name: str,
    slots: dict[str, str | dict[str, Any]] | None = None,
    locale: str = "en-US",
    now: datetime | None = None,
    **kw: Any,
) -> dict[str, Any]:
    """An IntentRequest. A slot given as a dict is used as is (resolutions and all)."""
    slot_objs: dict[str, Any] = {}
    for slot_name, value in (slots or {}).items():
        if isinstance(value, dict):
            slot_objs[slot_name] = {"name": slot_name, **value}
        else:
            slot_objs[slot_name] = {"name": slot_name, "value": value}
    req = {
        "type": "IntentRequest",
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": _timestamp(now),
        "locale": locale,
        "intent": {"name": name, "confirmationStatus": "NONE", "slots": slot_objs},
    }
    return envelope(req, **kw)


def resolved_slot(name: str, spoken: str, value_id: str | None) -> dict[str, Any]:
    """A custom slot with entity resolution, matched (value_id) or not (None)."""
    authority: dict[str, Any] = {
        "authority": "amzn1.er-authority.echo-sdk.local.EXERCISE",
        "status": {"code": "ER_SUCCESS_MATCH" if value_id else "ER_SUCCESS_NO_MATCH"},
    }
    if value_id:
        authority["values"] = [{"value": {"name": spoken, "id": value_id}}]
    return {"name": name, "value": spoken, "resolutions": {"resolutionsPerAuthority": [authority]}}


def session_ended(
    reason: str = "USER_INITIATED", locale: str = "en-US", **kw: Any
) -> dict[str, Any]:
    req = {
        "type": "SessionEndedRequest",
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": _timestamp(None),
        "locale": locale,
        "reason": reason,
    }
    return envelope(req, **kw)


def speech_of(response: dict[str, Any]) -> str:
    return str(response["response"].get("outputSpeech", {}).get("ssml", ""))


def reprompt_of(response: dict[str, Any]) -> str | None:
    reprompt = response["response"].get("reprompt")
    return str(reprompt["outputSpeech"]["ssml"]) if reprompt else None
