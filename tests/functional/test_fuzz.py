"""Property-based: whatever arrives, lambda_handler answers with a dict and never raises,
and the HTTP endpoint (`serve`) answers 400 to non-Alexa bodies and an Alexa response to
Alexa-shaped ones.

Malformed and random envelopes, unknown request types, wrong slot types, odd session
attributes and huge strings. Alexa-shaped launch and intent requests always get speech
within Alexa's limits. The number of inputs run is printed at the end of each test.
"""

from __future__ import annotations

import json
import os
import random
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamstring_coach.app import LambdaHandler
from local.serve import (
    MAX_BODY_BYTES,
    IncomingRequest,
    RejectedRequestError,
    check_alexa_shape,
    start_in_thread,
)
from tools.models import MODELS

# Inputs per run; FUZZ_EXAMPLES raises it for a longer hunt (CI keeps the run short).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1500"))
HTTP_EXAMPLES = int(os.environ.get("FUZZ_HTTP_EXAMPLES", "500"))
MAX_SPEECH = 8000

_MODEL = json.loads((MODELS / "en-US.json").read_text("utf-8"))["interactionModel"]
INTENTS = [i["name"] for i in _MODEL["languageModel"]["intents"]]
SLOTS = sorted({s["name"] for i in _MODEL["languageModel"]["intents"] for s in i.get("slots", [])})
REQUEST_TYPES = [
    "LaunchRequest",
    "IntentRequest",
    "SessionEndedRequest",
    "CanFulfillIntentRequest",
    "AlexaSkillEvent.SkillDisabled",
    "AlexaSkillEvent.SkillEnabled",
    "AlexaSkillEvent.SkillPermissionChanged",
    "System.ExceptionEncountered",
    "Alexa.Presentation.APL.UserEvent",
    "Display.ElementSelected",
    "AudioPlayer.PlaybackStarted",
    "Connections.Response",
    "Messaging.MessageReceived",
]

huge = st.integers(min_value=1_000, max_value=120_000).map(
    lambda n: ("ä<&>'\" " * (n // 8 + 1))[:n]
)
text = st.one_of(st.text(max_size=40), huge, st.sampled_from(["", " ", "null", "7", "-1", "1e9"]))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def slot(draw: st.DrawFn, name: str) -> Any:
    value = draw(st.one_of(text, json_values))  # a string, or the wrong type altogether
    body: dict[str, Any] = {"name": name, "value": value}
    if draw(st.booleans()):
        body["resolutions"] = draw(
            st.one_of(
                json_values,
                st.fixed_dictionaries(
                    {
                        "resolutionsPerAuthority": st.lists(
                            st.fixed_dictionaries(
                                {
                                    "authority": text,
                                    "status": st.fixed_dictionaries(
                                        {"code": st.sampled_from(["ER_SUCCESS_MATCH", "X"])}
                                    ),
                                    "values": st.lists(
                                        st.fixed_dictionaries(
                                            {
                                                "value": st.fixed_dictionaries(
                                                    {"name": text, "id": text}
                                                )
                                            }
                                        ),
                                        max_size=2,
                                    ),
                                }
                            ),
                            max_size=2,
                        )
                    }
                ),
            )
        )
    return body


session_attributes = st.one_of(
    st.none(),
    json_values,
    st.fixed_dictionaries(
        {},
        optional={
            "mode": text,
            "offer": text,
            "_pending": json_values,
            "_delete_armed": st.booleans(),
            "_save_warned": json_values,
        },
    ),
)


@st.composite
def alexa_envelope(draw: st.DrawFn, shaped: bool = False) -> dict[str, Any]:
    """An envelope with random parts; `shaped`: a launch or intent with a proper user id
    (everything else, slots, attributes, locale, person, still random)."""
    common = st.sampled_from(["LaunchRequest", "IntentRequest"])
    request_type = draw(
        common if shaped else st.one_of(common, st.sampled_from(REQUEST_TYPES), text)
    )
    request: dict[str, Any] = {
        "type": request_type,
        "requestId": draw(text),
        "timestamp": draw(st.one_of(st.just("2026-11-25T09:30:00Z"), text)),
        "locale": draw(st.one_of(st.sampled_from(["en-US", "en-GB", "en-IN", "de-DE"]), text)),
    }
    if request_type in ("IntentRequest", "CanFulfillIntentRequest") or draw(st.booleans()):
        names = draw(st.lists(st.sampled_from(SLOTS) | st.text(max_size=10), max_size=3))
        request["intent"] = {
            "name": draw(st.one_of(st.sampled_from(INTENTS), text)),
            "confirmationStatus": draw(st.sampled_from(["NONE", "CONFIRMED", "DENIED", "?"])),
            "slots": {n: draw(slot(n)) for n in names},
        }
    if draw(st.booleans()):
        request["reason"] = draw(text)
        request["body"] = draw(json_values)
    good_users = st.sampled_from(["amzn1.ask.account.FUZZ", "amzn1.ask.account.OTHER"])
    user = draw(
        good_users
        if shaped
        else st.one_of(good_users, st.text(min_size=1, max_size=60), json_values)
    )
    system: dict[str, Any] = {
        "application": {"applicationId": "amzn1.ask.skill.fuzz"},
        "user": {"userId": user},
        "device": {"deviceId": "d", "supportedInterfaces": draw(json_values)},
    }
    if draw(st.booleans()):
        system["person"] = {"personId": draw(st.one_of(text, json_values))}
    event: dict[str, Any] = {
        "version": "1.0",
        "context": {"System": system},
        "request": request,
    }
    if draw(st.booleans()):
        event["session"] = {
            "new": draw(st.booleans()),
            "sessionId": draw(text),
            "application": {"applicationId": "amzn1.ask.skill.fuzz"},
            "user": {"userId": user},
            "attributes": draw(session_attributes),
        }
    return event


def _alexa_shaped(event: Any) -> bool:
    """A launch or intent request with the fields Alexa always sends, correctly typed."""
    try:
        request = event["request"]
        user = event["context"]["System"]["user"]["userId"]
        intent_ok = request["type"] == "LaunchRequest" or (
            request["type"] == "IntentRequest" and isinstance(request["intent"]["name"], str)
        )
        return isinstance(user, str) and bool(user) and intent_ok
    except (KeyError, TypeError):
        return False


def _check(skill: LambdaHandler, event: Any) -> None:
    out = skill(event, None)
    assert isinstance(out, dict) and isinstance(out.get("response"), dict)
    json.dumps(out)  # serialisable as Alexa expects
    speech = (out["response"].get("outputSpeech") or {}).get("ssml", "")
    assert len(speech) <= MAX_SPEECH
    if _alexa_shaped(event):
        assert speech.startswith("<speak>") and len(speech) > len("<speak></speak>")


def test_lambda_handler_survives_anything(
    make_skill: Callable[..., LambdaHandler], capsys: pytest.CaptureFixture[str]
) -> None:
    skill = make_skill(rng=random.Random(3))
    counts = {"alexa_shaped": 0, "random_json": 0, "envelopes": 0}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.one_of(alexa_envelope(shaped=True), alexa_envelope(), json_values))
    def run(event: Any) -> None:
        if isinstance(event, dict) and "context" in event and "request" in event:
            counts["envelopes"] += 1
        else:
            counts["random_json"] += 1
        counts["alexa_shaped"] += _alexa_shaped(event)
        _check(skill, event)

    run()
    total = counts["envelopes"] + counts["random_json"]
    with capsys.disabled():
        print(f"\nfuzz lambda_handler: {total} inputs run {counts}")
    assert total >= EXAMPLES // 2 and counts["alexa_shaped"] > 0


def _post(url: str, body: bytes) -> tuple[int | None, Any]:
    """(status, JSON), or (None, None) when the server hung up while the body was sent."""
    req = urllib.request.Request(url, data=body, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())
    except (urllib.error.URLError, ConnectionError):
        return None, None


def _endpoint_should_accept(body: bytes) -> bool:
    try:
        event = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return False
    try:
        check_alexa_shape(IncomingRequest(body, {}, event))
    except RejectedRequestError:
        return False
    return True


raw_bodies = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(str.encode),
    json_values.map(lambda v: json.dumps(v).encode()),
    alexa_envelope(shaped=True).map(lambda v: json.dumps(v).encode()),
    alexa_envelope().map(lambda v: json.dumps(v).encode()),
)


def test_http_endpoint_answers_400_or_an_alexa_response(
    make_skill: Callable[..., LambdaHandler], capsys: pytest.CaptureFixture[str]
) -> None:
    counts = {"refused": 0, "answered": 0, "too_large": 0}
    with start_in_thread(make_skill(rng=random.Random(5))) as server:

        @settings(
            max_examples=HTTP_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(raw_bodies)
        def run(body: bytes) -> None:
            status, out = _post(server.url, body)
            if len(body) > MAX_BODY_BYTES:
                # Refused unread: a 413, or the connection closed while the body streams in.
                counts["too_large"] += 1
                assert status in (413, None)
            elif _endpoint_should_accept(body):
                counts["answered"] += 1
                assert status == 200, out
                assert out["version"] == "1.0" and isinstance(out["response"], dict)
                if _alexa_shaped(json.loads(body)):
                    assert envelopes_speech(out).startswith("<speak>")
            else:
                counts["refused"] += 1
                assert status == 400 and isinstance(out.get("error"), str)

        run()
    total = sum(counts.values())
    with capsys.disabled():
        print(f"\nfuzz HTTP endpoint: {total} inputs run {counts}")
    assert counts["answered"] > 0 and counts["refused"] > 0


def envelopes_speech(out: dict[str, Any]) -> str:
    return str((out["response"].get("outputSpeech") or {}).get("ssml", ""))
