"""The user-key secret unreachable at a cold start (issue 13, defect 3).

It used to be read at import: Secrets Manager throttled or unreachable during the init
phase failed the init, and Alexa said only its generic error. Now it is read on the first
request that needs it: meanwhile each request gets a short spoken apology with the session
open (its attributes handed back untouched), and the next request tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hamstring_coach.adapters.secrets import SecretUnavailableError
from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conversation import Conversation

ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:user-key-AbCdEf"


def test_an_unreachable_secret_gets_an_apology_and_the_next_request_tries_again(
    make_skill: Callable[..., LambdaHandler], settings: Settings
) -> None:
    asked: list[str] = []
    reachable = [False]

    def read(arn: str) -> str:
        asked.append(arn)
        if not reachable[0]:
            raise SecretUnavailableError("EndpointConnectionError")
        return settings.user_key_secret.decode()

    deployed = replace(settings, user_key_secret=b"", user_key_secret_arn=ARN)
    skill = make_skill(settings=deployed, read_secret=read)
    assert asked == []  # nothing read when the container starts
    convo = Conversation(skill)
    convo.launch()
    assert "can't reach your saved program" in convo.speech
    assert convo.reprompt and not convo.ended
    convo.say("TodaysExercisesIntent")  # still down: the same apology, nothing lost
    assert "can't reach your saved program" in convo.speech and len(asked) == 2
    reachable[0] = True
    convo.say("TodaysExercisesIntent")
    assert "can't reach" not in convo.speech and len(asked) == 3
    convo.say("AMAZON.HelpIntent")
    assert len(asked) == 3  # read once, then kept


def test_the_carried_state_is_handed_back_while_the_secret_is_unreachable(
    make_skill: Callable[..., LambdaHandler], settings: Settings
) -> None:
    state = {"_pending": {"events": [{"type": "visit", "date": "2026-11-25"}]}, "_seal": "x"}

    def read(arn: str) -> str:
        raise SecretUnavailableError("ThrottlingException")

    deployed = replace(settings, user_key_secret=b"", user_key_secret_arn=ARN)
    skill = make_skill(settings=deployed, read_secret=read)
    out: dict[str, Any] = skill(
        envelopes.intent("AMAZON.HelpIntent", session_attributes=state), None
    )
    assert out["sessionAttributes"] == state  # untouched, to be checked when it can be
    assert out["response"]["shouldEndSession"] is False
