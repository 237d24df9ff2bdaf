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

# Not hamstring_coach.lambda_type.LambdaHandler: the baseline skill's runs import this
# module too, where the package is not importable.
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@dataclass(frozen=True)
class Step:
    label: str
    # "LaunchRequest", "SessionEndedRequest", or an intent name.
    request: str
    slots: Mapping[str, str | dict[str, Any]] = field(default_factory=dict)
    # Only taken while the skill is in this mode (session attribute "mode"), e.g. the sets
    # of a workout or the answers of a symptom check; None: always taken.
    mode: str | None = None
    # Only taken while this offer is open (session attribute "offer"); None: always taken.
    offer: str | None = None


LAUNCH = Step("launch", "LaunchRequest")
SET = Step("guided set", "NextSetIntent", mode="workout")
SYMPTOM_ANSWER = Step("symptom answer", "AMAZON.NoIntent", mode="symptom_check")

# One day's visit: the morning check when one is due, today's plan, the guided workout set
# by set, the pain score after it, questions, a symptom check answered "no" throughout (a
# "not sure" counts as yes and ends in urgent advice, which would pause the program), help
# and goodbye. Steps
# bound to a mode are skipped when the skill is not in it (more sets than today's workout
# has, a symptom check that ends early).
SCRIPT: tuple[Step, ...] = (
    LAUNCH,
    Step("morning check", "PainReportIntent", {"pain": "2"}, mode="morning_check"),
    Step("today's exercises", "TodaysExercisesIntent"),
    Step("start workout", "StartWorkoutIntent"),
    # The first visit's workout starts with a short safety screen: three warning signs
    # answered no, a gradual onset yes, then yes to the start it offers.
    *[Step("screen answer", "AMAZON.NoIntent", mode="symptom_check")] * 3,
    Step("screen onset", "AMAZON.YesIntent", mode="symptom_check"),
    Step("start after the screen", "AMAZON.YesIntent", offer="start_workout"),
    *[SET] * 14,
    Step("pain report", "PainReportIntent", {"pain": "3"}, mode="pain_check"),
    Step("faq", "QuestionIntent", {"query": "can i sit on a hard chair"}),
    Step("faq more", "TellMeMoreIntent", mode="faq"),
    Step("faq by its own intent", "RunningIntent"),
    Step("symptom check", "SymptomCheckIntent"),
    *[SYMPTOM_ANSWER] * 20,
    Step("help", "AMAZON.HelpIntent"),
    Step("stop", "AMAZON.StopIntent"),
)

# The baseline skill only knows how to greet.
BASELINE_SCRIPT: tuple[Step, ...] = (LAUNCH,)


@dataclass
class Session:
    """Carries session attributes between turns the way Alexa does."""

    user_id: str
    # Which day of the run this visit happens on (the benchmark moves the skill's clock).
    day: int = 0
    locale: str = "en-US"
    attributes: dict[str, Any] = field(default_factory=dict)
    session_id: str = field(default_factory=lambda: f"amzn1.echo-api.session.{uuid.uuid4()}")
    new: bool = True
    # Where Alexa's service APIs answer (a local stand-in in the benchmark).
    api_endpoint: str | None = None

    def applies(self, step: Step) -> bool:
        """Whether the step is taken now: steps bound to a mode wait for that mode."""
        if step.offer is not None and self.attributes.get("offer") != step.offer:
            return False
        return step.mode is None or self.attributes.get("mode") == step.mode

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
        # Each person talks to their own device (the skill remembers a device's time zone).
        env["context"]["System"]["device"]["deviceId"] = bench_device(self.user_id)
        return with_api_endpoint(env, self.api_endpoint)

    def absorb(self, response: Mapping[str, Any]) -> None:
        self.attributes = dict(response.get("sessionAttributes") or {})
        body = response.get("response", {})
        ended = body.get("shouldEndSession")
        self.new = bool(ended) or (ended is None and "reprompt" not in body)
        if self.new:
            # Alexa starts the next session without the last one's attributes.
            self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
            self.attributes = {}


def with_api_endpoint(env: dict[str, Any], endpoint: str | None) -> dict[str, Any]:
    if endpoint:
        env["context"]["System"]["apiEndpoint"] = endpoint
    return env


def bench_user(n: int) -> str:
    return f"amzn1.ask.account.BENCHUSER{n:04d}"


def bench_device(user_id: str) -> str:
    return "amzn1.ask.device.BENCH" + user_id.rsplit(".", 1)[-1]


def sessions(
    script: Sequence[Step], count: int, users: int, api_endpoint: str | None = None
) -> list[tuple[Session, Step]]:
    """Every (session, step) pair of `count` visits by `users` people, one visit each a
    day, in order. A driver takes a step only if `session.applies(step)` at that moment."""
    turns: list[tuple[Session, Step]] = []
    for n in range(count):
        visit = Session(user_id=bench_user(n % users), day=n // users, api_endpoint=api_endpoint)
        turns.extend((visit, step) for step in script)
    return turns
