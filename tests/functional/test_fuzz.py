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
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamstring_coach.app import LambdaHandler
from hamstring_coach.handlers.errors import fallback_line
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


ER_CODES = ["ER_SUCCESS_MATCH", "ER_SUCCESS_NO_MATCH", "ER_ERROR_TIMEOUT", "ER_ERROR_EXCEPTION"]


@st.composite
def slot(draw: st.DrawFn, name: str, shaped: bool) -> Any:
    """A slot; shaped: typed as Alexa sends it (the value any string), else anything."""
    value = draw(st.one_of(st.none(), text) if shaped else st.one_of(text, json_values))
    body: dict[str, Any] = {"name": name}
    if value is not None or not shaped:
        body["value"] = value
    if draw(st.booleans()):
        authority = st.fixed_dictionaries(
            {
                "authority": text,
                "status": st.fixed_dictionaries({"code": st.sampled_from(ER_CODES)}),
                "values": st.lists(
                    st.fixed_dictionaries(
                        {"value": st.fixed_dictionaries({"name": text, "id": text})}
                    ),
                    max_size=2,
                ),
            }
        )
        typed = st.fixed_dictionaries({"resolutionsPerAuthority": st.lists(authority, max_size=2)})
        body["resolutions"] = draw(typed if shaped else st.one_of(json_values, typed))
    return body


# The modes and offers features keep in the session, so random requests land inside a
# workout, a symptom check, an FAQ choice... with whatever state came along (forged or odd).
MODES = ["workout", "pain_check", "morning_check", "symptom_check", "faq", "walkthrough"]
OFFERS = [
    "start_workout",
    "resume_workout",
    "todays_plan",
    "symptom_check",
    "condition_compare",
    "faq_another",
    "faq_choice",
    "faq_more",
]
FEATURE_KEYS = ["symptom_check", "walk", "faq_choices", "faq_topic", "faq_view", "wo_then"]
feature_state = st.fixed_dictionaries(
    {},
    optional={
        "mode": st.one_of(st.sampled_from(MODES), text),
        "offer": st.one_of(st.sampled_from(OFFERS), text),
        "_pending": json_values,
        "_delete_armed": st.booleans(),
        "_save_warned": json_values,
        **{key: json_values for key in FEATURE_KEYS},
    },
)
# Session attributes come back from Alexa as the skill left them, but a forged request can
# carry anything: feature state with odd values, or any JSON object.
session_attributes = st.one_of(
    feature_state, st.dictionaries(st.text(max_size=12), json_values, max_size=4)
)


TIMESTAMPS = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
).map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ"))


@st.composite
def alexa_envelope(draw: st.DrawFn, shaped: bool = False) -> dict[str, Any]:
    """An envelope with random parts.

    shaped: a launch or intent typed as Alexa sends it (so it reaches the handlers), with
    random intent names, slot values (huge ones too), locales, voices and session state.
    Otherwise the types are random as well (most never decode into a request).
    """
    common = st.sampled_from(["LaunchRequest", "IntentRequest"])
    request_type = draw(
        common if shaped else st.one_of(common, st.sampled_from(REQUEST_TYPES), text)
    )
    request: dict[str, Any] = {
        "type": request_type,
        "requestId": draw(text),
        "timestamp": draw(TIMESTAMPS if shaped else st.one_of(TIMESTAMPS, text)),
        "locale": draw(st.one_of(st.sampled_from(["en-US", "en-GB", "en-IN", "de-DE"]), text)),
    }
    if request_type in ("IntentRequest", "CanFulfillIntentRequest") or (
        not shaped and draw(st.booleans())
    ):
        names = draw(st.lists(st.sampled_from(SLOTS) | st.text(max_size=10), max_size=3))
        statuses = ["NONE", "CONFIRMED", "DENIED"] + ([] if shaped else ["?"])
        request["intent"] = {
            "name": draw(st.one_of(st.sampled_from(INTENTS), text)),
            "confirmationStatus": draw(st.sampled_from(statuses)),
            "slots": {n: draw(slot(n, shaped)) for n in names},
        }
    if not shaped and draw(st.booleans()):
        request["reason"] = draw(text)
        request["body"] = draw(json_values)
    good_users = st.sampled_from(["amzn1.ask.account.FUZZ", "amzn1.ask.account.OTHER"])
    user = draw(
        good_users
        if shaped
        else st.one_of(good_users, st.text(min_size=1, max_size=60), json_values)
    )
    screens = st.sampled_from([{}, {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "1.9"}}}])
    system: dict[str, Any] = {
        "application": {"applicationId": "amzn1.ask.skill.fuzz"},
        "user": {"userId": user},
        "device": {
            "deviceId": "d",
            "supportedInterfaces": draw(screens if shaped else st.one_of(screens, json_values)),
        },
    }
    if draw(st.booleans()):
        system["person"] = {"personId": draw(text if shaped else st.one_of(text, json_values))}
    event: dict[str, Any] = {
        "version": "1.0",
        "context": {"System": system},
        "request": request,
    }
    if shaped or draw(st.booleans()):
        event["session"] = {
            "new": draw(st.booleans()),
            "sessionId": draw(text),
            "application": {"applicationId": "amzn1.ask.skill.fuzz"},
            "user": {"userId": user},
            "attributes": draw(
                session_attributes if shaped else st.one_of(st.none(), json_values, feature_state)
            ),
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


GENERIC_ERROR = fallback_line("en", "error")


def _check(skill: LambdaHandler, event: Any, well_typed: bool) -> None:
    out = skill(event, None)
    assert isinstance(out, dict) and isinstance(out.get("response"), dict)
    json.dumps(out)  # serialisable as Alexa expects
    speech = (out["response"].get("outputSpeech") or {}).get("ssml", "")
    assert len(speech) <= MAX_SPEECH
    if _alexa_shaped(event):
        assert speech.startswith("<speak>") and len(speech) > len("<speak></speak>")
    if well_typed:
        # A request Alexa could send, whatever its words and session state, is answered by
        # the skill itself, never by the last-resort error line.
        assert GENERIC_ERROR not in speech, event


def test_lambda_handler_survives_anything(
    make_skill: Callable[..., LambdaHandler], capsys: pytest.CaptureFixture[str]
) -> None:
    skill = make_skill(rng=random.Random(3))
    counts = {"alexa_shaped": 0, "well_typed": 0, "random_json": 0, "envelopes": 0}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        st.one_of(
            alexa_envelope(shaped=True).map(lambda e: (True, e)),
            alexa_envelope().map(lambda e: (False, e)),
            json_values.map(lambda e: (False, e)),
        )
    )
    def run(case: tuple[bool, Any]) -> None:
        well_typed, event = case
        if isinstance(event, dict) and "context" in event and "request" in event:
            counts["envelopes"] += 1
        else:
            counts["random_json"] += 1
        counts["alexa_shaped"] += _alexa_shaped(event)
        counts["well_typed"] += well_typed
        _check(skill, event, well_typed)

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
