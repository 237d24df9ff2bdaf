"""Alexa's service APIs (Settings API for the time zone) are never called from local runs.

Local requests carry Alexa's real API endpoint, and virtual-alexa sets it too; a local run
or test must not send anything there. This client fails every call the way an unreachable
network does, so the skill takes its documented fallback (a typical time zone for the locale).
"""

from __future__ import annotations

from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse


class OfflineApiClient(ApiClient):  # type: ignore[misc]
    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        raise ApiClientException("offline: local runs never call Alexa's APIs")
