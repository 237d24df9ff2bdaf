"""The benchmark's Settings API: the local stand-in (local/alexa_api.py), the one the
console and the tests use too, so there is one stand-in to keep true to Alexa's API.

The skill asks the Settings API for the device's time zone once a session. The benchmark
points the requests' `apiEndpoint` at the stand-in, so that call is made for real (TLS
handshake included; the skill's client refuses plain HTTP) without leaving the machine. A
throwaway CA signs its certificate; the measured processes trust it through
ALEXA_API_CA_BUNDLE. `hits` counts the requests it answered.
"""

from __future__ import annotations

from local.alexa_api import DEFAULT_TIME_ZONE as TIME_ZONE
from local.alexa_api import LocalAlexaApi as SettingsApiStub

__all__ = ["TIME_ZONE", "SettingsApiStub"]
