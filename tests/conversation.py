"""Drive the skill turn by turn like Alexa does, carrying session attributes forward."""

from __future__ import annotations

import uuid
from typing import Any

from hamstring_coach.lambda_type import LambdaHandler
from hamstring_coach.session_seal import seal
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
        # One id per session, as Alexa sends it: the session's state is sealed to it.
        self.session_id = _session_id()

    def _send(self, env: dict[str, Any]) -> dict[str, Any]:
        self.last = self.handler(env, None)
        self.attributes = dict(self.last.get("sessionAttributes") or {})
        ended = self.last["response"].get("shouldEndSession")
        self._new = bool(ended) or (ended is None and "reprompt" not in self.last["response"])
        return self.last

    def launch(self) -> dict[str, Any]:
        self.attributes = {}
        self.session_id = _session_id()
        return self._send(
            envelopes.launch(self.locale, session_id=self.session_id, **self.identity)
        )

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
        if self._new:
            # Alexa starts a new session with a new id and no attributes.
            self.session_id = _session_id()
            self.attributes = {}
        return self._send(
            envelopes.intent(
                intent,
                slots,
                self.locale,
                session_attributes=self.attributes,
                new_session=self._new,
                session_id=self.session_id,
                **self.identity,
            )
        )

    @property
    def new(self) -> bool:
        """Whether the next request starts a new session."""
        return self._new

    @property
    def user_id(self) -> str:
        return str(self.identity.get("user_id", envelopes.DEFAULT_USER))

    def restore(self, attributes: dict[str, Any], secret: bytes) -> None:
        """Carry on a session holding these attributes, sealed as the skill seals them (a
        test that sets up state by hand; forged ones are sent unsealed instead)."""
        self.attributes = seal(secret, self.session_id, self.user_id, attributes)
        self._new = False

    def end(self, reason: str = "USER_INITIATED") -> dict[str, Any]:
        """The SessionEndedRequest Alexa sends when a session ends without the skill ending
        it (silence, an error, the person leaving), with the session's attributes."""
        out = self.handler(
            envelopes.session_ended(
                reason,
                self.locale,
                session_attributes=self.attributes,
                session_id=self.session_id,
                **self.identity,
            ),
            None,
        )
        self._new = True
        return out

    @property
    def speech(self) -> str:
        return envelopes.speech_of(self.last)

    @property
    def reprompt(self) -> str | None:
        return envelopes.reprompt_of(self.last)

    @property
    def ended(self) -> bool:
        return bool(self.last["response"].get("shouldEndSession"))


def _session_id() -> str:
    return f"amzn1.echo-api.session.{uuid.uuid4()}"


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


def sealed(env: dict[str, Any], secret: bytes) -> dict[str, Any]:
    """A hand-made request whose session attributes are sealed as the skill would have
    sealed them (for tests of what the skill does with state it gave out itself)."""
    part = env["session"]
    user_id = env["context"]["System"]["user"]["userId"]
    part["attributes"] = seal(secret, part["sessionId"], user_id, part.get("attributes") or {})
    return env
