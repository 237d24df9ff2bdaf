"""Composition root: settings -> client -> repositories -> skill -> lambda_handler.

Everything is built once per container at import (the Lambda init phase); nothing per
request is global. Tests and local tools call `create_app` with their own client and clock.
This module decides what is built and in which order (handlers, interceptors); what runs
around the SDK on each event is in lambda_entry.py, a turn's opening and commit in
turn_interceptors.py.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import (
    AbstractRequestHandler,
    AbstractRequestInterceptor,
)
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model.services import ApiClient

from hamstring_coach.adapters.content_cache import ContentCache
from hamstring_coach.adapters.device_settings import AlexaApiClient, DeviceToday, DeviceZones
from hamstring_coach.adapters.dynamo import (
    DynamoContentRepository,
    DynamoProgressRepository,
    StoreCalls,
    make_client,
)
from hamstring_coach.adapters.secrets import LazySecret, read_secret_string
from hamstring_coach.handlers import (
    answers,
    core,
    faq,
    first_use,
    interruptions,
    navigation,
    privacy,
    program_info,
    progress_report,
    reminders,
    review,
    saving,
    statements,
    symptoms,
    walkthrough,
    workout,
)
from hamstring_coach.handlers.errors import CatchAllExceptionHandler
from hamstring_coach.lambda_entry import ForeignSkillError, make_lambda_handler
from hamstring_coach.lambda_type import LambdaHandler
from hamstring_coach.log_policy import quiet_sdk_loggers
from hamstring_coach.observability import Observability
from hamstring_coach.settings import Settings
from hamstring_coach.turn_context import Deps, TodayProvider
from hamstring_coach.turn_interceptors import CommitInterceptor, TurnContextInterceptor

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


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
        *program_info.handlers(),
        # "Repeat", "go back", "start over" that no feature above took: after them all.
        *navigation.handlers(),
    ]


def feature_interceptors() -> list[AbstractRequestInterceptor]:
    """Features' request interceptors, run after the turn context is built."""
    # Greetings and thanks around what was said come off first (a command said with a
    # greeting is that command). A yes or no said in a story is then read as that answer
    # (red flags before it), so the check's interceptor and every handler see the answer it is.
    # (conv18) A professional's go-ahead said in the person's words is read first, before
    # the courtesy interceptor hands a question carrier's words on as something else.
    # (conv18) A pause or a stop with its reason said after it, red flags first.
    return [
        *interruptions.interceptors(),
        *statements.interceptors(),
        *faq.interceptors(),
        *answers.interceptors(),
        *symptoms.interceptors(),
    ]


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
    builder.add_global_request_interceptor(core.MisheardInterceptor())
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
