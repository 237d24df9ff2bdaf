"""Alexa's Reminders API over the skill's own API client (time limit, verified TLS).

The calls go through the same `ApiClient` the skill builder was given (`AlexaApiClient`,
urllib3, bounded by its timeout, no `requests` import), to the request's `apiEndpoint` with
its `apiAccessToken`, as the SDK's ReminderManagementServiceClient would; the SDK's typed
models are left out because plain dicts are all the skill reads, and they cost a cold start.
Every failure becomes a `ReminderApiError` whose `kind` picks what the person hears.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.services import ApiClient, ApiClientRequest

from hamstring_coach.domain.reminders import ReminderApiError, ReminderErrorKind

log = logging.getLogger(__name__)

PATH = "/v1/alerts/reminders"


def _kind(status: int) -> ReminderErrorKind:
    if status == 401:
        return "permission"
    if status == 403:
        return "forbidden"
    if status == 404:
        return "not_found"
    if status == 429:
        return "throttled"
    if 400 <= status < 500:
        return "invalid"
    return "unavailable"


class AlexaReminders:
    """A ReminderService for one request: its API endpoint and access token."""

    def __init__(self, api_client: ApiClient, endpoint: str, token: str) -> None:
        self._client = api_client
        self._base = endpoint.rstrip("/") + PATH
        self._token = token

    def _call(self, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
        headers = [("Authorization", f"Bearer {self._token}"), ("Accept", "application/json")]
        if body is not None:
            headers.append(("Content-Type", "application/json"))
        request = ApiClientRequest(
            method=method,
            url=url,
            headers=headers,
            body=json.dumps(body) if body is not None else None,  # type: ignore[arg-type]
        )
        try:
            response = self._client.invoke(request)
        except ApiClientException as err:
            log.warning("reminders api unreachable", extra={"error": type(err).__name__})
            raise ReminderApiError("unavailable") from err
        status = int(response.status_code or 0)
        if not 200 <= status < 300:
            # The status and the API's error code only: its message may repeat user data.
            code = _code(response.body)
            log.warning("reminders api refused", extra={"status": status, "code": code})
            raise ReminderApiError(_kind(status), status)
        if not response.body:
            return None
        try:
            return json.loads(response.body)
        except ValueError as err:
            raise ReminderApiError("unavailable", status) from err

    def create(self, body: dict[str, Any]) -> str:
        answer = self._call("POST", self._base, body)
        token = answer.get("alertToken") if isinstance(answer, dict) else None
        if not isinstance(token, str) or not token:
            raise ReminderApiError("unavailable")
        return token

    def list(self) -> list[dict[str, Any]]:
        answer = self._call("GET", self._base)
        alerts = answer.get("alerts") if isinstance(answer, dict) else None
        return [a for a in alerts or [] if isinstance(a, dict)]

    def get(self, token: str) -> dict[str, Any]:
        answer = self._call("GET", f"{self._base}/{token}")
        return answer if isinstance(answer, dict) else {}

    def delete(self, token: str) -> None:
        self._call("DELETE", f"{self._base}/{token}")


def _code(body: Any) -> str:
    try:
        code = json.loads(body).get("code") if body else None
    except (ValueError, AttributeError):
        return "unreadable"
    return str(code)[:40] if code else "none"


def reminders_for(handler_input: HandlerInput) -> AlexaReminders | None:
    """The Reminders API for this request, or None when the request carries no access
    token or endpoint (skill events without an apiAccessToken, hand-made requests)."""
    factory = handler_input.service_client_factory
    system = getattr(getattr(handler_input.request_envelope, "context", None), "system", None)
    endpoint = getattr(system, "api_endpoint", None)
    token = getattr(system, "api_access_token", None)
    if factory is None or not endpoint or not token:
        return None
    return AlexaReminders(factory.api_configuration.api_client, str(endpoint), str(token))
