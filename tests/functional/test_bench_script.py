"""The benchmark's scripted visit runs end to end on the skill, whatever features exist yet."""

from __future__ import annotations

from pathlib import Path

import requests

from bench.alexa_api import TIME_ZONE, SettingsApiStub
from bench.session import SCRIPT, Session, Step, sessions, with_api_endpoint
from hamstring_coach.app import LambdaHandler
from hamstring_coach.handlers.errors import fallback_lines
from local.envelopes import speech_of


def test_every_scripted_turn_gets_a_spoken_answer(skill: LambdaHandler) -> None:
    # The catch-all error handler's words: a scripted turn must never end there.
    errors = [fallback_lines()["en"][key] for key in ("error", "store_unavailable")]
    for visit, step in sessions(SCRIPT, count=2, users=1):
        if not visit.applies(step):
            continue
        response = skill(visit.envelope(step), None)
        visit.absorb(response)
        speech = speech_of(response)
        assert speech, step.label
        assert not any(line in speech for line in errors), step.label


def test_session_carries_attributes_and_opens_a_new_one_after_an_end() -> None:
    visit = Session(user_id="u")
    first = visit.envelope(Step("launch", "LaunchRequest"))
    assert first["session"]["new"] is True
    visit.absorb({"sessionAttributes": {"mode": "workout"}, "response": {"reprompt": {}}})
    nxt = visit.envelope(Step("next", "NextSetIntent"))
    assert nxt["session"]["attributes"] == {"mode": "workout"}
    assert nxt["session"]["new"] is False
    assert nxt["session"]["sessionId"] == first["session"]["sessionId"]
    visit.absorb({"response": {"shouldEndSession": True}})
    after = visit.envelope(Step("help", "AMAZON.HelpIntent"))
    assert after["session"]["new"] is True
    assert after["session"]["sessionId"] != first["session"]["sessionId"]
    assert not after["session"].get("attributes")  # as Alexa: a new session starts empty
    # Each person on their own device: the skill remembers a device's time zone.
    other = Session(user_id="amzn1.ask.account.V").envelope(Step("launch", "LaunchRequest"))
    devices = {e["context"]["System"]["device"]["deviceId"] for e in (first, after, other)}
    assert len(devices) == 2


def test_settings_api_stand_in_answers_over_verified_tls(tmp_path: Path) -> None:
    with SettingsApiStub(tmp_path) as api:
        url = f"{api.endpoint}/v2/devices/dev-1/settings/System.timeZone"
        auth = {"Authorization": "Bearer token"}  # as the skill's calls carry it
        answer = requests.get(url, headers=auth, verify=str(api.ca_file), timeout=5)
        missing = requests.get(f"{api.endpoint}/v1/other", verify=str(api.ca_file), timeout=5)
        assert (answer.status_code, answer.json()) == (200, TIME_ZONE)
        assert missing.status_code == 404
        assert api.hits == 2
        env = with_api_endpoint(Session(user_id="u").envelope(SCRIPT[0]), api.endpoint)
        assert env["context"]["System"]["apiEndpoint"] == api.endpoint
