"""The scripted conversation the warm-turn benchmark replays, as data.

Each Step is one request; adding a turn is adding a line to SCRIPT. A step whose intent no
feature handles yet still runs: the skill answers it with its fallback, and the benchmark
marks that turn as answered by the fallback instead of failing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from local import envelopes

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@dataclass(frozen=True)
class Step:
    label: str
    # "LaunchRequest", "SessionEndedRequest", or an intent name.
    request: str
    slots: Mapping[str, str | dict[str, Any]] = field(default_factory=dict)


LAUNCH = Step("launch", "LaunchRequest")

# One visit: plan, a guided set, a pain report, a question, a symptom check, goodbye.
SCRIPT: tuple[Step, ...] = (
    LAUNCH,
    Step("today's exercises", "TodaysExercisesIntent"),
    Step("start workout", "StartWorkoutIntent"),
    Step("next set", "NextSetIntent"),
    Step("next set", "NextSetIntent"),
    Step("pain report", "PainReportIntent", {"pain": "3"}),
    Step("next set", "NextSetIntent"),
    Step("faq", "QuestionIntent", {"query": "can i sit on a hard chair"}),
    Step("symptom check", "SymptomCheckIntent"),
    Step("symptom answer", "AMAZON.NoIntent"),
    Step("symptom answer", "AMAZON.NoIntent"),
    Step("symptom answer", "UnsureIntent"),
    Step("symptom answer", "AMAZON.NoIntent"),
    Step("symptom answer", "AMAZON.NoIntent"),
    Step("help", "AMAZON.HelpIntent"),
    Step("stop", "AMAZON.StopIntent"),
)

# The baseline skill only knows how to greet.
BASELINE_SCRIPT: tuple[Step, ...] = (LAUNCH,)


@dataclass
class Session:
    """Carries session attributes between turns the way Alexa does."""

    user_id: str
    locale: str = "en-US"
    attributes: dict[str, Any] = field(default_factory=dict)
    session_id: str = field(default_factory=lambda: f"amzn1.echo-api.session.{uuid.uuid4()}")
    new: bool = True
    # Where Alexa's service APIs answer (a local stand-in in the benchmark).
    api_endpoint: str | None = None

    def envelope(self, step: Step) -> dict[str, Any]:
        common: dict[str, Any] = {"user_id": self.user_id, "session_id": self.session_id}
        if step.request == "LaunchRequest":
            self.attributes = {}
            env = envelopes.launch(self.locale, new_session=True, **common)
        elif step.request == "SessionEndedRequest":
            env = envelopes.session_ended(session_attributes=self.attributes, **common)
        else:
            env = envelopes.intent(
                step.request,
                dict(step.slots),
                self.locale,
                session_attributes=self.attributes,
                new_session=self.new,
                **common,
            )
        return with_api_endpoint(env, self.api_endpoint)

    def absorb(self, response: Mapping[str, Any]) -> None:
        self.attributes = dict(response.get("sessionAttributes") or {})
        body = response.get("response", {})
        ended = body.get("shouldEndSession")
        self.new = bool(ended) or (ended is None and "reprompt" not in body)
        if self.new:
            self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"


def with_api_endpoint(env: dict[str, Any], endpoint: str | None) -> dict[str, Any]:
    if endpoint:
        env["context"]["System"]["apiEndpoint"] = endpoint
    return env


def bench_user(n: int) -> str:
    return f"amzn1.ask.account.BENCHUSER{n:04d}"


def sessions(
    script: Sequence[Step], count: int, users: int, api_endpoint: str | None = None
) -> list[tuple[Session, Step]]:
    """Every (session, step) pair of `count` visits spread over `users` people, in order."""
    turns: list[tuple[Session, Step]] = []
    for n in range(count):
        visit = Session(user_id=bench_user(n % users), api_endpoint=api_endpoint)
        turns.extend((visit, step) for step in script)
    return turns
