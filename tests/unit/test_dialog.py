"""A typed conversation opens, carries and closes sessions as the Alexa service does."""

from __future__ import annotations

from typing import Any

import pytest

from local.demo import format_exchange
from local.dialog import TextSession
from local.resolver import Resolver


class RecordingSkill:
    """Answers every request with a counter in the session; ends on Stop."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        self.requests.append(event)
        request = event["request"]
        if request["type"] == "SessionEndedRequest":
            return {"version": "1.0", "response": {}}
        turns = int(event["session"]["attributes"].get("turns", 0)) + 1
        ending = request.get("intent", {}).get("name") == "AMAZON.StopIntent"
        body: dict[str, Any] = {
            "outputSpeech": {"type": "SSML", "ssml": "<speak>ok</speak>"},
            "shouldEndSession": ending,
        }
        if not ending:
            body["reprompt"] = {"outputSpeech": {"type": "SSML", "ssml": "<speak>and?</speak>"}}
        return {"version": "1.0", "sessionAttributes": {"turns": turns}, "response": body}


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.for_locale("en-US")


def test_session_attributes_carry_until_the_session_ends(resolver: Resolver) -> None:
    skill = RecordingSkill()
    chat = TextSession(skill, resolver, user_id="amzn1.ask.account.T")
    chat.say("open hamstring coach")
    chat.say("help")
    chat.say("how do I do a bridge")
    chat.say("stop")
    first, second, third, stop = skill.requests
    assert first["request"]["type"] == "LaunchRequest" and first["session"]["new"]
    assert second["session"]["attributes"] == {"turns": 1} and not second["session"]["new"]
    assert third["session"]["attributes"] == {"turns": 2}
    assert third["request"]["intent"]["slots"]["exercise"]["value"] == "bridge"
    assert stop["request"]["intent"]["name"] == "AMAZON.StopIntent"
    ids = {r["session"]["sessionId"] for r in skill.requests}
    assert len(ids) == 1
    assert first["context"]["System"]["user"]["userId"] == "amzn1.ask.account.T"
    assert not chat.open


def test_after_a_session_ends_the_next_utterance_starts_a_new_one(resolver: Resolver) -> None:
    skill = RecordingSkill()
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    chat.say("stop")
    chat.say("what can I say")
    after = skill.requests[-1]
    assert after["session"]["new"] and after["session"]["attributes"] == {}
    assert after["session"]["sessionId"] != skill.requests[0]["session"]["sessionId"]
    assert after["request"]["intent"]["name"] == "AMAZON.HelpIntent"


def test_a_launch_or_one_shot_mid_session_starts_afresh(resolver: Resolver) -> None:
    skill = RecordingSkill()
    chat = TextSession(skill, resolver)
    chat.say("open hamstring coach")
    chat.say("help")
    chat.say("ask hamstring coach what should I do today")
    one_shot = skill.requests[-1]
    assert one_shot["session"]["new"] and one_shot["session"]["attributes"] == {}
    assert one_shot["request"]["intent"]["name"] == "TodaysExercisesIntent"


def test_exit_sends_session_ended_only_when_a_session_is_open(resolver: Resolver) -> None:
    skill = RecordingSkill()
    chat = TextSession(skill, resolver, application_id="amzn1.ask.skill.X")
    nothing = chat.say("exit")
    assert nothing.request is None and not skill.requests
    chat.say("open hamstring coach")
    ended = chat.say("exit")
    assert ended.request is not None
    assert ended.request["request"] == {**ended.request["request"], "type": "SessionEndedRequest"}
    assert ended.request["request"]["reason"] == "USER_INITIATED"
    assert ended.request["session"]["application"]["applicationId"] == "amzn1.ask.skill.X"
    assert not chat.open


def test_locale_follows_the_resolver() -> None:
    skill = RecordingSkill()
    chat = TextSession(skill, Resolver.for_locale("en-GB"))
    chat.say("open hamstring coach")
    assert skill.requests[0]["request"]["locale"] == "en-GB"


def test_transcript_lines_wrap_under_their_label(resolver: Resolver) -> None:
    chat = TextSession(RecordingSkill(), resolver)
    words = " ".join(["stretch"] * 30)
    exchange = chat.say("open hamstring coach")
    assert exchange.response is not None
    exchange.response["response"]["outputSpeech"]["ssml"] = f"<speak>{words}</speak>"
    lines = "\n".join(format_exchange(exchange, show_intent=True, width=40)).split("\n")
    assert lines[0] == "  [LaunchRequest (new session)]"
    assert lines[1].startswith("alexa> stretch")
    speech = [line for line in lines if line.startswith("       stretch")]
    assert speech and all(len(line) <= 40 for line in lines)
    assert lines[-1] == "  reprompt: and?"
