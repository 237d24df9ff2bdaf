"""Composition root: settings -> client -> repositories -> skill -> lambda_handler.

Everything is built once per container at import (the Lambda init phase); nothing per
request is global. Tests and local tools call `create_app` with their own client and clock.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from ask_sdk_core.dispatch_components import (
    AbstractRequestHandler,
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.exceptions import AskSdkException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model import RequestEnvelope, Response
from ask_sdk_model.services import ApiClient
from ask_sdk_model.ui import Reprompt, SsmlOutputSpeech

from hamstring_coach.adapters.content_cache import ContentCache
from hamstring_coach.adapters.device_settings import AlexaApiClient, device_today
from hamstring_coach.adapters.dynamo import (
    DynamoContentRepository,
    DynamoProgressRepository,
    StoreCalls,
    make_client,
)
from hamstring_coach.adapters.secrets import read_secret_string
from hamstring_coach.domain.errors import StoreUnavailableError, VersionConflictError
from hamstring_coach.domain.identity import user_key
from hamstring_coach.handlers import (
    core,
    faq,
    first_use,
    navigation,
    privacy,
    progress_report,
    reminders,
    review,
    statements,
    symptoms,
    walkthrough,
    workout,
)
from hamstring_coach.handlers.base import (
    DEFAULT_LOCALE,
    PENDING,
    SAVE_WARNED,
    SUPPORTED_LANGUAGES,
    session,
)
from hamstring_coach.handlers.errors import CatchAllExceptionHandler, fallback_line
from hamstring_coach.lambda_type import LambdaHandler
from hamstring_coach.log_policy import quiet_sdk_loggers
from hamstring_coach.observability import DEFERRED_WRITE_MESSAGE, Observability
from hamstring_coach.settings import Settings
from hamstring_coach.turn import Turn, carried
from hamstring_coach.turn_context import (
    CTX,
    Deps,
    TodayProvider,
    TurnContext,
    find_ctx,
    raw_request_scope,
)
from hamstring_coach.voice.speech import Speech

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

log = logging.getLogger(__name__)


class ForeignSkillError(Exception):
    """The request names another skill's ID: refused, never answered."""


def feature_handlers() -> list[AbstractRequestHandler]:
    """Every feature's handlers, most specific first. The frame's general ones come last."""
    # A feature's handlers that answer only inside its own mode or offer come before
    # any feature's general ones. The symptom check's answer only inside a running check
    # (which clears other offers), and starting one must win over any other feature's mode;
    # the FAQ's choice state (a bare "one") is the narrowest of the rest.
    # Privacy's yes/no fire only on the turn right after its delete question (which clears
    # any mode). A running symptom check comes first of all: it never drops out, so even a
    # delete request waits for its end (a few questions). Then reminders' answer to a
    # consent request and its re-asked time (a mode of its own). The weekly review's offer
    # comes ahead of the workout's launch: a morning check due is asked when the workout
    # starts anyway.
    return [
        *symptoms.handlers(),
        *privacy.handlers(),
        *reminders.handlers(),
        *statements.handlers(),
        *faq.handlers(),
        *walkthrough.handlers(),
        *review.handlers(),
        *workout.handlers(),
        *progress_report.handlers(),
        # "Repeat", "go back", "start over" that no feature above took: after them all.
        *navigation.handlers(),
    ]


def feature_interceptors() -> list[AbstractRequestInterceptor]:
    """Features' request interceptors, run after the turn context is built."""
    return [*symptoms.interceptors()]


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
        secret = deps.settings.user_key_secret
        key = user_key(secret, user_id, person_id)
        now = deps.clock()
        view = deps.content.view(locale)
        pending, pending_write, pending_count = carried(session(handler_input).pop(PENDING, None))
        turn = Turn(
            repo=deps.progress,
            key=key,
            today=deps.today(handler_input, now),
            retention_days=deps.settings.retention_days,
            pending=pending,
            pending_write=pending_write,
            pending_count=pending_count,
            account_key=user_key(secret, user_id) if person_id else None,
        )
        rng = deps.rng or random.Random()
        handler_input.attributes_manager.request_attributes[CTX] = TurnContext(
            deps=deps,
            locale=locale,
            view=view,
            speech=Speech(view.bundle, rng),
            turn=turn,
            now=now,
        )


class CommitInterceptor(AbstractResponseInterceptor):
    """Writes the turn's progress once. A failed write is kept in the session, not dropped.

    The session is where an unsaved update waits for the next turn (or for the
    SessionEndedRequest, which carries the attributes too). A response that would end the
    session would drop it, so then the session stays open once, with a short apology; if
    saving fails again after that warning, the user has chosen to leave and it ends.
    """

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        context = find_ctx(handler_input)
        if context is None:
            return
        attrs = session(handler_input)
        try:
            context.turn.commit()
        except (StoreUnavailableError, VersionConflictError) as err:
            log.warning(DEFERRED_WRITE_MESSAGE, extra={"error": type(err).__name__})
            context.signal("progress_write_deferred")
            attrs[PENDING] = context.turn.carry_over()
            if response is not None and response.should_end_session and not attrs.get(SAVE_WARNED):
                _keep_open_to_save(handler_input, response)
            return
        attrs.pop(SAVE_WARNED, None)


def _keep_open_to_save(handler_input: HandlerInput, response: Response) -> None:
    locale = getattr(handler_input.request_envelope.request, "locale", None)
    session(handler_input)[SAVE_WARNED] = True
    response.output_speech = SsmlOutputSpeech(
        ssml=f"<speak>{fallback_line(locale, 'save_failed')}</speak>"
    )
    response.reprompt = Reprompt(
        output_speech=SsmlOutputSpeech(
            ssml=f"<speak>{fallback_line(locale, 'save_failed_reprompt')}</speak>"
        )
    )
    response.should_end_session = False


def build_skill(
    deps: Deps,
    extra_handlers: Sequence[AbstractRequestHandler] | None = None,
    api_client: ApiClient | None = None,
    observability: Observability | None = None,
) -> CustomSkill:
    """The skill. With settings.skill_id set, the SDK refuses requests for any other skill."""
    # The API client reaches Alexa's service APIs (the device's time zone); the SDK's own
    # has no timeout, ours has one.
    api_client = api_client or AlexaApiClient(ca_bundle=deps.settings.alexa_api_ca_bundle)
    builder = CustomSkillBuilder(api_client=api_client)
    if deps.settings.skill_id:
        builder.skill_id = deps.settings.skill_id  # type: ignore[assignment]
    for handler in [*(extra_handlers or []), *feature_handlers(), *core.handlers()]:
        builder.add_request_handler(handler)
    catch_all = CatchAllExceptionHandler()
    if observability is not None:
        # Observability first in and last out: it names the turn before anything can fail
        # and sees the signals of the whole turn, the commit's included.
        builder.add_exception_handler(observability.exception_handler(catch_all))
        builder.add_global_request_interceptor(observability.request_interceptor())
    else:
        builder.add_exception_handler(catch_all)
    _add_turn_interceptors(builder, deps)
    if observability is not None:
        builder.add_global_response_interceptor(observability.response_interceptor())
    return builder.create()


def _add_turn_interceptors(builder: CustomSkillBuilder, deps: Deps) -> None:
    """The one-turn delete confirmation is disarmed first, even when building the turn
    fails; then the turn context, then features' interceptors (which use it); commit last."""
    builder.add_global_request_interceptor(privacy.DeleteConfirmationInterceptor())
    builder.add_global_request_interceptor(TurnContextInterceptor(deps))
    for interceptor in feature_interceptors():
        builder.add_global_request_interceptor(interceptor)
    # Before the commit: it may count the first visit.
    builder.add_global_response_interceptor(first_use.OneShotDisclaimerInterceptor())
    builder.add_global_response_interceptor(CommitInterceptor())


def make_lambda_handler(skill: CustomSkill, calls: StoreCalls | None = None) -> LambdaHandler:
    """Like SkillBuilder.lambda_handler, but a malformed event still gets a spoken answer.

    A request for another skill raises ForeignSkillError and gets no answer at all.
    """
    serializer = skill.serializer

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        if calls is not None:
            calls.start_turn()  # the store's time window for this request starts now
        with raw_request_scope(event if isinstance(event, dict) else {}):
            try:
                return _handle(event, context)
            except ForeignSkillError:
                raise
            except Exception as err:  # the last line of defence: always an answer
                log.error("request failed", extra={"error": type(err).__name__})
                return _error_envelope(None)

    def _handle(event: dict[str, Any], context: Any) -> dict[str, Any]:
        if not isinstance(event, dict):
            log.warning("request is not an object")
            return _error_envelope(None)
        try:
            envelope = serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
        except Exception as err:
            log.warning("undecodable request", extra={"error": type(err).__name__})
            return _error_envelope(None)
        if envelope is None or not _is_alexa_shaped(envelope):
            log.warning("request without context, system or request")
            return _error_envelope(None)
        try:
            response = skill.invoke(request_envelope=envelope, context=context)
        except AskSdkException as err:
            if "Skill ID Verification failed" in str(err):
                raise ForeignSkillError("request for another skill") from err
            log.error("dispatch failed", extra={"error": type(err).__name__})
            return _error_envelope(getattr(envelope.request, "locale", None))
        except Exception as err:
            log.error("dispatch failed", extra={"error": type(err).__name__})
            return _error_envelope(getattr(envelope.request, "locale", None))
        return cast(dict[str, Any], serializer.serialize(response))

    return handler


def _speaker(envelope: RequestEnvelope) -> tuple[str, str | None]:
    """The account id and, when Alexa recognised the voice, the person id."""
    system = envelope.context.system if envelope.context else None
    user_id = system.user.user_id if system and system.user else None
    if not user_id:
        raise ValueError("request has no user id")
    person = getattr(system, "person", None)
    return str(user_id), getattr(person, "person_id", None)


def _is_alexa_shaped(envelope: RequestEnvelope) -> bool:
    system = getattr(getattr(envelope, "context", None), "system", None)
    user = getattr(system, "user", None)
    return (
        envelope.request is not None
        and getattr(user, "user_id", None) is not None
        and getattr(system, "application", None) is not None
    )


def _error_envelope(locale: str | None) -> dict[str, Any]:
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {
                "type": "SSML",
                "ssml": f"<speak>{fallback_line(locale, 'error')}</speak>",
            },
            "reprompt": {
                "outputSpeech": {
                    "type": "SSML",
                    "ssml": f"<speak>{fallback_line(locale, 'error_reprompt')}</speak>",
                }
            },
            "shouldEndSession": False,
        },
    }


def create_app(
    settings: Settings,
    client: DynamoDBClient | None = None,
    clock: Callable[[], datetime] | None = None,
    monotonic: Callable[[], float] = time.monotonic,
    today: TodayProvider = device_today,
    rng: random.Random | None = None,
    extra_handlers: Sequence[AbstractRequestHandler] = (),
    api_client: ApiClient | None = None,
    observability: Observability | None = None,
) -> LambdaHandler:
    """`extra_handlers` go ahead of every feature's (tests use it for test-only intents)."""
    quiet_sdk_loggers()
    client = client or make_client(settings)
    calls = StoreCalls.from_settings(settings, monotonic=monotonic)
    observability = observability or Observability.from_settings(settings)
    deps = Deps(
        settings=settings,
        content=ContentCache(
            DynamoContentRepository(client, settings.content_table, calls),
            clock=monotonic,
            refresh_seconds=settings.content_refresh_seconds,
        ),
        progress=DynamoProgressRepository(
            client, settings.progress_table, calls, health_data=settings.health_data
        ),
        clock=clock or (lambda: datetime.now(UTC)),
        today=today,
        rng=rng,
    )
    skill = build_skill(deps, extra_handlers, api_client=api_client, observability=observability)
    return observability.wrap(make_lambda_handler(skill, calls), refused=(ForeignSkillError,))


__all__ = ["LambdaHandler", "create_app", "lambda_handler"]

# In the deployed stack USER_KEY_SECRET_ARN is set: the secret is read here, once, at init.
lambda_handler: LambdaHandler = create_app(Settings.from_env(read_secret=read_secret_string))
