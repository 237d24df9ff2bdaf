"""The interceptors that open and close every turn: build its TurnContext, commit it once.

Kept apart from the composition root (app.py), which decides only their order: these hold
what a turn does at its edges, the speaker's key and the day's content on the way in, the
single progress write on the way out, and the words said when that write fails (the update
then waits in the session and, once the session is over, in this container's memory; see
turn.ParkedUpdates).
"""

from __future__ import annotations

import logging
import random
from typing import Any

from ask_sdk_core.dispatch_components import (
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import RequestEnvelope, Response
from ask_sdk_model.ui import Reprompt, SsmlOutputSpeech

from hamstring_coach.domain.errors import StoreUnavailableError, VersionConflictError
from hamstring_coach.domain.identity import user_key
from hamstring_coach.handlers.base import (
    DEFAULT_LOCALE,
    PENDING,
    SAVE_ASKED,
    SAVE_WARNED,
    SUPPORTED_LANGUAGES,
    session,
)
from hamstring_coach.handlers.errors import fallback_line
from hamstring_coach.handlers.state import Key
from hamstring_coach.observability import DEFERRED_WRITE_MESSAGE
from hamstring_coach.turn import Turn, carried
from hamstring_coach.turn_context import CTX, Deps, TurnContext, find_ctx
from hamstring_coach.voice.speech import Speech

log = logging.getLogger(__name__)


class TurnContextInterceptor(AbstractRequestInterceptor):
    """Builds the turn: locale, content (cached), the speaker's key, today's date."""

    def __init__(self, deps: Deps) -> None:
        self._deps = deps

    def process(self, handler_input: HandlerInput) -> None:
        deps = self._deps
        envelope = handler_input.request_envelope
        locale = getattr(envelope.request, "locale", None) or DEFAULT_LOCALE
        if locale.split("-")[0] not in SUPPORTED_LANGUAGES:
            locale = DEFAULT_LOCALE
        user_id, person_id = _speaker(envelope)
        secret = deps.key_secret()
        key = user_key(secret, user_id, person_id)
        now = deps.clock()
        view = deps.content.view(locale)
        carry = session(handler_input).pop(PENDING, None)
        if carry is None and _starts_session(envelope):
            # A new session: an update whose write still failed when an earlier one ended,
            # if that session ran on this container (see ParkedUpdates). Taken, not copied,
            # and only by a new session: a session still open keeps its own update, so two
            # devices never both re-apply one update (a test tally counted twice showed it).
            carry = deps.parked.take(key)
        pending, pending_write, pending_count = carried(carry)
        turn = Turn(
            repo=deps.progress,
            key=key,
            today=deps.today(handler_input, now),
            retention_days=deps.settings.retention_days,
            pending=pending,
            pending_write=pending_write,
            pending_count=pending_count,
            account_key=user_key(secret, user_id) if person_id else None,
            limits=view.event_limits,
        )
        rng = deps.rng or random.Random()
        attrs = session(handler_input)
        handler_input.attributes_manager.request_attributes[CTX] = TurnContext(
            deps=deps,
            locale=locale,
            view=view,
            speech=Speech(
                view.bundle,
                rng,
                said=_said(attrs.get(Key.SAID)),
                keep=lambda said: attrs.__setitem__(Key.SAID, said),
            ),
            turn=turn,
            now=now,
        )


def _starts_session(envelope: RequestEnvelope) -> bool:
    return bool(envelope.session is None or envelope.session.new)


def _said(value: Any) -> dict[str, int]:
    """The wordings last used, as the session kept them (anything malformed: none)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and type(v) is int}


def _speaker(envelope: RequestEnvelope) -> tuple[str, str | None]:
    """The account id and, when Alexa recognised the voice, the person id."""
    system = envelope.context.system if envelope.context else None
    user_id = system.user.user_id if system and system.user else None
    if not user_id:
        raise ValueError("request has no user id")
    person = getattr(system, "person", None)
    return str(user_id), getattr(person, "person_id", None)


class CommitInterceptor(AbstractResponseInterceptor):
    """Writes the turn's progress once. A failed write is never silent and never dropped.

    The session is where an unsaved update waits for the next turn (and for the
    SessionEndedRequest, which carries the attributes too and retries the write). Each
    failure is said plainly: an answer that goes on starts with a short "not saved yet";
    one that would end the session stays open, once a session, to ask whether to try
    again; when the person leaves with the write still failing they hear that it is not
    saved. When the session ends with it unsaved, the update is parked in this container's
    memory for their next session (best effort: see ParkedUpdates).
    """

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        context = find_ctx(handler_input)
        if context is None:
            return
        attrs = session(handler_input)
        attrs.pop(SAVE_ASKED, None)
        parked = context.deps.parked
        try:
            context.turn.commit()
        except (StoreUnavailableError, VersionConflictError) as err:
            log.warning(DEFERRED_WRITE_MESSAGE, extra={"error": type(err).__name__})
            context.signal("progress_write_deferred")
            carry = context.turn.carry_over()
            attrs[PENDING] = carry
            _say_not_saved(handler_input, response, offered=bool(attrs.get(SAVE_WARNED)))
            if response is None or _ends(response) or _session_ended(handler_input):
                # Parked only once the session is over: while it is open the session holds
                # the update, and a copy here would let another device's new session apply
                # it as well.
                parked.put(context.turn.key, carry)
            return
        attrs.pop(SAVE_WARNED, None)


def _session_ended(handler_input: HandlerInput) -> bool:
    return bool(is_request_type("SessionEndedRequest")(handler_input))


def _ends(response: Response) -> bool:
    return bool(response.should_end_session) or (
        response.should_end_session is None and response.reprompt is None
    )


def _say_not_saved(handler_input: HandlerInput, response: Response | None, offered: bool) -> None:
    """Tell the person the save failed, in the words that fit what happens next.

    `offered`: this session already stayed open once to offer another try."""
    if response is None or _session_ended(handler_input):
        return  # nobody hears a reply to a session's end: the update is parked
    locale = getattr(handler_input.request_envelope.request, "locale", None)
    if not _ends(response):
        # The conversation goes on: say so first, then the answer.
        _prefix(response, fallback_line(locale, "save_pending"))
        return
    if not offered:
        _keep_open_to_save(handler_input, response)
        return
    # The person is leaving and the write still fails: say it plainly; the session ends.
    response.output_speech = SsmlOutputSpeech(
        ssml=f"<speak>{fallback_line(locale, 'save_failed_again')}</speak>"
    )
    response.reprompt = None
    response.should_end_session = True


def _prefix(response: Response, line: str) -> None:
    speech = response.output_speech
    ssml = getattr(speech, "ssml", None)
    if isinstance(ssml, str) and ssml.startswith("<speak>"):
        response.output_speech = SsmlOutputSpeech(ssml=f"<speak>{line} {ssml[len('<speak>') :]}")
    else:
        response.output_speech = SsmlOutputSpeech(ssml=f"<speak>{line}</speak>")


def _keep_open_to_save(handler_input: HandlerInput, response: Response) -> None:
    locale = getattr(handler_input.request_envelope.request, "locale", None)
    attrs = session(handler_input)
    attrs[SAVE_WARNED] = True
    attrs[SAVE_ASKED] = True
    response.output_speech = SsmlOutputSpeech(
        ssml=f"<speak>{fallback_line(locale, 'save_failed')}</speak>"
    )
    response.reprompt = Reprompt(
        output_speech=SsmlOutputSpeech(
            ssml=f"<speak>{fallback_line(locale, 'save_failed_reprompt')}</speak>"
        )
    )
    response.should_end_session = False
