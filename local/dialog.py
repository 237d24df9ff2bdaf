"""A typed conversation with the skill, session handling as the Alexa service does it.

    from local.dialog import TextSession
    from local.resolver import Resolver

    chat = TextSession(lambda_handler, Resolver.for_locale("en-US"))
    chat.say("open hamstring coach")   # -> Exchange(resolution, request, response)
    chat.say("help")                   # same session, session attributes carried
    chat.say("stop")                   # the session ends
    chat.say("what's my progress")     # a new session starts (as "ask hamstring coach ..." would)

Each `say` resolves the text against the interaction model (local.resolver), builds the
request envelope Alexa would send (local.envelopes), calls the handler and keeps the
session attributes it returns. Used by `make demo`; tests may drive a skill with it too.

With `alexa_api` (local.alexa_api.LocalAlexaApi) the requests point the skill's API calls
there, and Alexa's side of a voice consent is played too: after a response with a
Connections.SendRequest AskFor, Alexa would ask "do you allow ...?" itself; the next line
said answers it (yes -> ACCEPTED, the permission granted in the stand-in; no -> DENIED;
anything else -> NOT_ANSWERED) and goes to the skill as a Connections.Response.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from hamstring_coach.lambda_type import LambdaHandler
from local import envelopes
from local.resolver import Resolution, Resolver
from local.transcript import session_ends

Handler = LambdaHandler
ASK_FOR = "AskFor"


class ConsentKeeper(Protocol):
    """Where Alexa keeps a person's permissions (the local API stand-in)."""

    @property
    def endpoint(self) -> str: ...

    def grant(self, token: str) -> None: ...

    def deny(self, token: str) -> None: ...


def consent_request(response: dict[str, Any] | None) -> dict[str, Any] | None:
    """The AskFor directive in a response, if it has one."""
    for directive in ((response or {}).get("response") or {}).get("directives") or []:
        if directive.get("type") == "Connections.SendRequest" and directive.get("name") == ASK_FOR:
            return dict(directive)
    return None


def elicited_slot(response: dict[str, Any] | None) -> tuple[str, str] | None:
    """(intent, slot) of a Dialog.ElicitSlot in a response, if it has one."""
    for directive in ((response or {}).get("response") or {}).get("directives") or []:
        if directive.get("type") == "Dialog.ElicitSlot":
            intent = (directive.get("updatedIntent") or {}).get("name")
            slot = directive.get("slotToElicit")
            if intent and slot:
                return str(intent), str(slot)
    return None


@dataclass(frozen=True)
class Exchange:
    text: str
    resolution: Resolution
    # None when nothing was sent ("exit" with no session open).
    request: dict[str, Any] | None
    response: dict[str, Any] | None


class TextSession:
    def __init__(
        self,
        handler: Handler,
        resolver: Resolver,
        *,
        user_id: str = envelopes.DEFAULT_USER,
        person_id: str | None = None,
        application_id: str = envelopes.DEFAULT_APP,
        clock: Callable[[], datetime] | None = None,
        alexa_api: ConsentKeeper | None = None,
        api_token: str = envelopes.DEFAULT_TOKEN,
    ) -> None:
        self.handler = handler
        self.resolver = resolver
        self.locale = resolver.locale
        self.user_id = user_id
        self.person_id = person_id
        self.application_id = application_id
        self.clock = clock
        self.attributes: dict[str, Any] = {}
        self.session_id: str | None = None  # None: no session open
        self._new = False
        self.alexa_api = alexa_api
        self.api_token = api_token
        self.granted: set[str] = set()
        self.consent: dict[str, Any] | None = None  # an AskFor waiting for the answer
        # (intent, slot) the last response asked Alexa to elicit (Dialog.ElicitSlot).
        self.eliciting: tuple[str, str] | None = None

    @property
    def open(self) -> bool:
        return self.session_id is not None

    def say(self, text: str) -> Exchange:
        return self.send(self.resolver.resolve(text, self.eliciting), text)

    def send(self, resolution: Resolution, text: str = "") -> Exchange:
        if self.consent is not None and resolution.request_type == "IntentRequest":
            return self._answer_consent(resolution, text)
        if resolution.request_type == "SessionEndedRequest":
            if not self.open:
                return Exchange(text, resolution, None, None)
            request = envelopes.session_ended(
                "USER_INITIATED", locale=self.locale, **self._session_kw()
            )
            response = self.handler(request, None)
            self._close()
            return Exchange(text, resolution, request, response)
        if resolution.new_session or not self.open:
            self._start()
        now = self.clock() if self.clock else None
        if resolution.request_type == "LaunchRequest":
            request = envelopes.launch(self.locale, now, **self._session_kw())
        else:
            assert resolution.intent is not None
            request = envelopes.intent(
                resolution.intent,
                dict(resolution.slots),
                self.locale,
                now,
                **self._session_kw(),
            )
        return self._exchange(text, resolution, request)

    def _exchange(self, text: str, resolution: Resolution, request: dict[str, Any]) -> Exchange:
        response = self.handler(request, None)
        self._new = False
        self.consent = consent_request(response)
        self.eliciting = elicited_slot(response)
        if session_ends(response):
            self._close()
        else:
            self.attributes = dict(response.get("sessionAttributes") or {})
        return Exchange(text, resolution, request, response)

    def _answer_consent(self, resolution: Resolution, text: str) -> Exchange:
        asked = self.consent or {}
        payload = asked.get("payload") or {}
        scope = str(payload.get("permissionScope", ""))
        if resolution.intent == "AMAZON.YesIntent":
            status = "ACCEPTED"
            self.granted.add(scope)
            if self.alexa_api is not None:
                self.alexa_api.grant(self.api_token)
        elif resolution.intent == "AMAZON.NoIntent":
            status = "DENIED"
            self.granted.discard(scope)
            if self.alexa_api is not None:
                self.alexa_api.deny(self.api_token)
        else:
            status = "NOT_ANSWERED"
        if not self.open:
            self._start()
        request = envelopes.connections_response(
            ASK_FOR,
            {"permissionScope": scope, "status": status},
            str(asked.get("token", "")),
            self.locale,
            self.clock() if self.clock else None,
            **self._session_kw(),
        )
        return self._exchange(text, resolution, request)

    def _start(self) -> None:
        self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
        self.attributes = {}
        self._new = True

    def _close(self) -> None:
        self.session_id = None
        self.attributes = {}

    def _session_kw(self) -> dict[str, Any]:
        return {
            "session_attributes": dict(self.attributes),
            "new_session": self._new,
            "session_id": self.session_id,
            "user_id": self.user_id,
            "person_id": self.person_id,
            "application_id": self.application_id,
            **self._api_kw(),
        }

    def _api_kw(self) -> dict[str, Any]:
        if self.alexa_api is None:
            return {}
        return {
            "api_endpoint": self.alexa_api.endpoint,
            "api_token": self.api_token,
            "granted": tuple(sorted(self.granted)),
        }
