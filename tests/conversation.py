"""Drive the skill turn by turn like Alexa does, carrying session attributes forward."""

from __future__ import annotations

from typing import Any

from hamstring_coach.lambda_type import LambdaHandler
from local import envelopes

Handler = LambdaHandler


class Conversation:
    """`answer_screen`: when a request meets the safety screen before a first workout, answer
    it as a person with no warning signs and a gradual onset would, then say the request
    again (tests of the screen itself turn this off)."""

    def __init__(
        self,
        handler: Handler,
        locale: str = "en-US",
        answer_screen: bool = True,
        **identity: Any,
    ) -> None:
        self.handler = handler
        self.locale = locale
        self.identity = identity
        self.answer_screen = answer_screen
        self.attributes: dict[str, Any] = {}
        self.last: dict[str, Any] = {}
        self._new = True

    def _send(self, env: dict[str, Any]) -> dict[str, Any]:
        self.last = self.handler(env, None)
        self.attributes = dict(self.last.get("sessionAttributes") or {})
        ended = self.last["response"].get("shouldEndSession")
        self._new = bool(ended) or (ended is None and "reprompt" not in self.last["response"])
        return self.last

    def launch(self) -> dict[str, Any]:
        self.attributes = {}
        return self._send(envelopes.launch(self.locale, **self.identity))

    def say(self, intent: str, **slots: Any) -> dict[str, Any]:
        out = self._say(intent, **slots)
        if self.answer_screen and self._in_screen():
            while self._in_screen():
                onset = self.attributes["symptom_check"].get("asking") == "onset"
                self._say("AMAZON.YesIntent" if onset else "AMAZON.NoIntent")
            out = self._say(intent, **slots)
        return out

    def _in_screen(self) -> bool:
        state = self.attributes.get("symptom_check")
        return isinstance(state, dict) and bool(state.get("screen"))

    def _say(self, intent: str, **slots: Any) -> dict[str, Any]:
        return self._send(
            envelopes.intent(
                intent,
                slots,
                self.locale,
                session_attributes=self.attributes,
                new_session=self._new,
                **self.identity,
            )
        )

    @property
    def speech(self) -> str:
        return envelopes.speech_of(self.last)

    @property
    def reprompt(self) -> str | None:
        return envelopes.reprompt_of(self.last)

    @property
    def ended(self) -> bool:
        return bool(self.last["response"].get("shouldEndSession"))


def finish_workout(convo: Conversation, limit: int = 40) -> list[str]:
    """Say "next set" until the workout is over (it then asks for the pain score); returns
    what was said on each of those turns."""
    said = []
    for _ in range(limit):
        convo.say("NextSetIntent")
        said.append(convo.speech)
        if convo.attributes.get("mode") != "workout":
            return said
    raise AssertionError("workout did not finish")
