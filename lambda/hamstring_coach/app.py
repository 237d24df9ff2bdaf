"""Composition root: settings -> client -> repositories -> skill -> lambda_handler.

Everything is built once per container at import (the Lambda init phase); nothing per
request is global. Tests and local tools call `create_app` with their own client and clock.
What runs around the SDK on each event (caps, seal, apologies) is in lambda_entry.py.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ask_sdk_core.dispatch_components import (
    AbstractRequestHandler,
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import RequestEnvelope, Response
from ask_sdk_model.services import ApiClient
from ask_sdk_model.ui import Reprompt, SsmlOutputSpeech

from hamstring_coach.adapters.content_cache import ContentCache
from hamstring_coach.adapters.device_settings import AlexaApiClient, DeviceToday, DeviceZones
from hamstring_coach.adapters.dynamo import (
    DynamoContentRepository,
    DynamoProgressRepository,
    StoreCalls,
    make_client,
)
from hamstring_coach.adapters.secrets import LazySecret, read_secret_string
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
    saving,
    statements,
    symptoms,
    walkthrough,
    workout,
)
from hamstring_coach.handlers.base import (
    DEFAULT_LOCALE,
    PENDING,
    SAVE_ASKED,
    SAVE_WARNED,
    SUPPORTED_LANGUAGES,
    session,
)
from hamstring_coach.handlers.errors import CatchAllExceptionHandler, fallback_line
from hamstring_coach.handlers.state import Key
from hamstring_coach.lambda_entry import ForeignSkillError, make_lambda_handler
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
)
from hamstring_coach.voice.speech import Speech

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

log = logging.getLogger(__name__)


def feature_handlers() -> list[AbstractRequestHandler]:
    """Every feature's handlers, most specific first. The frame's general ones come last."""
    # A feature's handlers that answer only inside its own mode or offer come before
    # any feature's general ones. The symptom check's answer only inside a running check
    # (which clears other offers), and starting one must win over any other feature's mode;
    # the FAQ's choice state (a bare "one") is the narrowest of the rest.
    # Privacy's yes/no fire only on the turn right after its delete question (which clears
    # any mode). A yes to "shall I try saving again?" comes before everything: it is that
    # turn's only meaning. Then a running symptom check: it never drops out, so even a
    # delete request waits for its end (a few questions). Then reminders' answer to a
    # consent request and its re-asked time (a mode of its own). The weekly review's offer
    # comes ahead of the workout's launch: a morning check due is asked when the workout
    # starts anyway.
    return [
        *saving.handlers(),
        *symptoms.handlers(),
        *privacy.handlers(),
        *reminders.handlers(),
        # "Worse" to the morning check reaches Alexa as a symptom's name: still the answer.
        *workout.answers_first(),
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
        secret = deps.key_secret()
        key = user_key(secret, user_id, person_id)
        now = deps.clock()
        view = deps.content.view(locale)
        carry = session(handler_input).pop(PENDING, None)
        if carry is None:
            # A new session: an update whose write still failed when an earlier one ended,
            # if that session ran on this container (see ParkedUpdates).
            carry = deps.parked.get(key)
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
    saved. The update is also parked in this container's memory for their next session
    (best effort: see ParkedUpdates).
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
            parked.put(context.turn.key, carry)
            _say_not_saved(handler_input, response, offered=bool(attrs.get(SAVE_WARNED)))
            return
        parked.drop(context.turn.key)
        attrs.pop(SAVE_WARNED, None)


def _ends(response: Response) -> bool:
    return bool(response.should_end_session) or (
        response.should_end_session is None and response.reprompt is None
    )


def _say_not_saved(handler_input: HandlerInput, response: Response | None, offered: bool) -> None:
    """Tell the person the save failed, in the words that fit what happens next.

    `offered`: this session already stayed open once to offer another try."""
    if response is None or is_request_type("SessionEndedRequest")(handler_input):
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


def create_app(
    settings: Settings,
    client: DynamoDBClient | None = None,
    clock: Callable[[], datetime] | None = None,
    monotonic: Callable[[], float] = time.monotonic,
    today: TodayProvider | None = None,
    rng: random.Random | None = None,
    extra_handlers: Sequence[AbstractRequestHandler] = (),
    api_client: ApiClient | None = None,
    observability: Observability | None = None,
    read_secret: Callable[[str], str] = read_secret_string,
) -> LambdaHandler:
    """`extra_handlers` go ahead of every feature's (tests use it for test-only intents).

    With `settings.user_key_secret_arn` set, the secret is read by `read_secret` on the
    first request that needs it, and again on the next request while it fails.
    `today`: the device's date (by default from the Settings API, remembered per device for
    an hour of `clock`'s time, so that a simulated day, in tests or the console, asks again).
    """
    quiet_sdk_loggers()
    now = clock or (lambda: datetime.now(UTC))
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
        clock=now,
        today=today or DeviceToday(DeviceZones(clock=lambda: now().timestamp())),
        rng=rng,
        secret=_secret_source(settings, read_secret),
    )
    skill = build_skill(deps, extra_handlers, api_client=api_client, observability=observability)
    return observability.wrap(
        make_lambda_handler(skill, calls, deps.key_secret), refused=(ForeignSkillError,)
    )


def _secret_source(settings: Settings, read: Callable[[str], str]) -> Callable[[], bytes] | None:
    arn = settings.user_key_secret_arn
    if not arn:
        return None
    return LazySecret(lambda: read(arn))


__all__ = ["ForeignSkillError", "LambdaHandler", "create_app", "lambda_handler"]

# In the deployed stack USER_KEY_SECRET_ARN is set: the secret is read on the first request
# (not here: an init that fails gets no answer spoken at all).
lambda_handler: LambdaHandler = create_app(Settings.from_env())
