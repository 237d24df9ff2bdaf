"""One structured log line and one metrics record per turn, free of user content.

Each invocation logs a JSON line with message "turn": the Lambda request id, Alexa's request
type and intent name, the locale, the outcome (ok, error, crash, rejected, foreign_skill),
the duration and the names the handlers signalled (`ctx(hi).signal("workout_started")`).
Never slot values, utterances, session attributes or Alexa user/person/device ids. The same
signals, plus a count for failed turns, go out as CloudWatch embedded metric format (EMF),
so CloudWatch turns them into metrics without any API call from the function.

Logging and EMF come from Powertools for AWS Lambda: its Logger is attached to the
`hamstring_coach` package logger, so every module's `logging.getLogger(__name__)` line is
JSON with the turn's keys too. In the deployed stack Powertools comes from its public layer.

Per-turn state lives in a TurnRecord created by `wrap` for each invocation and reached by
the interceptors through a ContextVar, so nothing of one request outlives it or leaks into a
concurrent one (the local HTTP server may use threads).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ask_sdk_core.dispatch_components import (
    AbstractExceptionHandler,
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from aws_lambda_powertools import Logger
from aws_lambda_powertools.metrics import EphemeralMetrics, MetricUnit

from hamstring_coach.lambda_type import LambdaHandler
from hamstring_coach.turn_context import find_ctx

if TYPE_CHECKING:
    from hamstring_coach.settings import Settings

# The package name: module loggers (hamstring_coach.app, ...) propagate to this one.
SERVICE = "hamstring_coach"
TURN_MESSAGE = "turn"
# Logged by the commit interceptor; a metric filter counts it.
DEFERRED_WRITE_MESSAGE = "progress write deferred"

OK = "ok"
ERROR = "error"  # a handler or interceptor failed; the catch-all handler answered
CRASH = "crash"  # failed outside the skill's own error handling
REJECTED = "rejected"  # not an Alexa request: never dispatched
FOREIGN_SKILL = "foreign_skill"  # another skill's ID: refused
FAILED_OUTCOMES = frozenset({ERROR, CRASH})
# The metric counted once for every failed turn (outcome error or crash).
ERROR_METRIC = "error"

# Signal and intent names are identifiers chosen by us or by Alexa's model, never speech;
# anything else is dropped rather than logged.
_SIGNAL_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_ALEXA_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.]{0,99}$")
_INTENT_NAMES = Path(__file__).resolve().parent / "intent_names.json"
_LOCALE = re.compile(r"^[a-z]{2}-[A-Z]{2}$")
_ALEXA_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,200}$")
# EMF allows 100 metrics per record; a turn signals a handful.
_MAX_SIGNALS = 50


@dataclass
class TurnRecord:
    started: float
    cold_start: bool
    request_type: str | None = None
    intent: str | None = None
    locale: str | None = None
    dispatched: bool = False
    outcome: str | None = None
    error: str | None = None
    signals: list[str] = field(default_factory=list)
    # The logger whose keys name the turn, so conceal_intent can rename it.
    logger: Logger | None = field(default=None, repr=False)


_CURRENT: ContextVar[TurnRecord | None] = ContextVar("hamstring_coach_turn", default=None)


def _print(line: str) -> None:
    print(line, flush=True)


class Observability:
    """Built once per container by the composition root; `wrap` scopes each invocation."""

    def __init__(
        self,
        logger: Logger,
        *,
        namespace: str,
        metrics_enabled: bool,
        emit: Callable[[str], None] = _print,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._logger = logger
        self._namespace = namespace
        self._metrics_enabled = metrics_enabled
        self._emit = emit
        self._clock = clock
        self._cold = True

    @classmethod
    def from_settings(cls, settings: Settings) -> Observability:
        # stderr: Lambda sends it to CloudWatch like stdout, and local consoles keep stdout
        # for the conversation.
        logger = Logger(service=SERVICE, utc=True, stream=sys.stderr)
        # Powertools configures the package logger once per process; the level follows the
        # latest settings (tests and local tools build several apps in one process).
        logger.setLevel(settings.log_level)
        return cls(
            logger,
            namespace=settings.metrics_namespace,
            metrics_enabled=settings.metrics_enabled,
        )

    # --- the ask-sdk side ----------------------------------------------------------------

    def request_interceptor(self) -> AbstractRequestInterceptor:
        return _TurnStart(self._logger)

    def response_interceptor(self) -> AbstractResponseInterceptor:
        return _TurnAnswered()

    def exception_handler(self, inner: AbstractExceptionHandler) -> AbstractExceptionHandler:
        return _ObservedExceptionHandler(inner)

    # --- the Lambda side -----------------------------------------------------------------

    def wrap(
        self, handler: LambdaHandler, refused: tuple[type[Exception], ...] = ()
    ) -> LambdaHandler:
        """Scope one invocation: keys for every log line, then the turn line and metrics.

        `refused` are exceptions that mean "not for this skill" (a foreign skill ID): they
        are logged as such and re-raised, so Lambda reports an error to the caller.
        """

        def observed(event: dict[str, Any], context: Any) -> dict[str, Any]:
            record = TurnRecord(started=self._clock(), cold_start=self._cold)
            self._cold = False
            token = _CURRENT.set(record)
            self._logger.thread_safe_append_keys(**_request_keys(event, context))
            try:
                return handler(event, context)
            except Exception as err:
                if record.outcome is None:
                    record.outcome = FOREIGN_SKILL if isinstance(err, refused) else CRASH
                    record.error = type(err).__name__
                raise
            finally:
                try:
                    self._finish(record)
                finally:
                    self._logger.thread_safe_clear_keys()
                    _CURRENT.reset(token)

        return observed

    def _finish(self, record: TurnRecord) -> None:
        if record.outcome is None:
            # The skill answered without its interceptors seeing an answer: either the
            # request never reached dispatch, or dispatch failed past the catch-all.
            record.outcome = CRASH if record.dispatched else REJECTED
        duration_ms = round((self._clock() - record.started) * 1000, 1)
        fields: dict[str, Any] = {
            "request_type": record.request_type,
            "intent": record.intent,
            "locale": record.locale,
            "outcome": record.outcome,
            "duration_ms": duration_ms,
            "cold_start": record.cold_start,
            "signals": record.signals,
        }
        if record.error:
            fields["error"] = record.error
        if record.outcome in FAILED_OUTCOMES:
            self._logger.error(TURN_MESSAGE, extra=fields)
        else:
            self._logger.info(TURN_MESSAGE, extra=fields)
        if self._metrics_enabled:
            self._emit_metrics(record)

    def _emit_metrics(self, record: TurnRecord) -> None:
        names = list(record.signals)
        if record.outcome in FAILED_OUTCOMES:
            names.append(ERROR_METRIC)
        elif record.outcome in (REJECTED, FOREIGN_SKILL):
            names.append(record.outcome)
        if not names:
            return
        metrics = EphemeralMetrics(namespace=self._namespace, service=SERVICE)
        for name in names:
            metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)
        self._emit(json.dumps(metrics.serialize_metric_set(), separators=(",", ":")))


def current_turn() -> TurnRecord | None:
    """The invocation's record, when called inside `Observability.wrap`."""
    return _CURRENT.get()


def conceal_intent(name: str) -> None:
    """Name this turn `name` instead of its intent, in the turn line and any log line after
    the call. For turns whose intent is itself private: a yes or no to a health question
    would, turn by turn, spell out the answers."""
    record = _CURRENT.get()
    if record is None or not _ALEXA_NAME.match(name):
        return
    record.intent = name
    if record.logger is not None:
        record.logger.thread_safe_append_keys(intent=name)


def _collect_signals(handler_input: HandlerInput, record: TurnRecord) -> None:
    context = find_ctx(handler_input)
    if context is None:
        return
    kept = [s for s in context.signals if _SIGNAL_NAME.match(s)][:_MAX_SIGNALS]
    if len(kept) < len(context.signals):
        kept.append("invalid_signal")
    # Assigned, not extended: the exception path may run after the response interceptor.
    record.signals = kept


class _TurnStart(AbstractRequestInterceptor):
    """First interceptor: names the turn for the log before anything can fail."""

    def __init__(self, logger: Logger) -> None:
        self._logger = logger

    def process(self, handler_input: HandlerInput) -> None:
        record = _CURRENT.get()
        if record is None:
            return
        request = handler_input.request_envelope.request
        record.dispatched = True
        record.request_type = _alexa_name(getattr(request, "object_type", None))
        record.intent = _intent_name(getattr(getattr(request, "intent", None), "name", None))
        locale = getattr(request, "locale", None)
        record.locale = locale if isinstance(locale, str) and _LOCALE.match(locale) else None
        record.logger = self._logger
        self._logger.thread_safe_append_keys(request_type=record.request_type, intent=record.intent)


class _TurnAnswered(AbstractResponseInterceptor):
    """Last response interceptor: the turn was answered by its handler."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        record = _CURRENT.get()
        if record is None:
            return
        record.outcome = OK
        _collect_signals(handler_input, record)


class _ObservedExceptionHandler(AbstractExceptionHandler):
    """Notes the failure (class name only), then lets the wrapped handler answer."""

    def __init__(self, inner: AbstractExceptionHandler) -> None:
        self._inner = inner

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return bool(self._inner.can_handle(handler_input, exception))

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        record = _CURRENT.get()
        if record is not None:
            record.outcome = ERROR
            record.error = type(exception).__name__
            _collect_signals(handler_input, record)
        return cast(Response, self._inner.handle(handler_input, exception))


@cache
def _known_intents() -> frozenset[str]:
    return frozenset(json.loads(_INTENT_NAMES.read_text("utf-8")))


def _intent_name(value: Any) -> str | None:
    """The intent's name if the model has it; any other name is logged as unknown."""
    if value is None:
        return None
    return value if value in _known_intents() else "UnknownIntent"


def _alexa_name(value: Any) -> str | None:
    return value if isinstance(value, str) and _ALEXA_NAME.match(value) else None


def _request_keys(event: Any, context: Any) -> dict[str, Any]:
    request = event.get("request") if isinstance(event, dict) else None
    alexa_id = request.get("requestId") if isinstance(request, dict) else None
    return {
        "request_id": getattr(context, "aws_request_id", None),
        "alexa_request_id": (
            alexa_id if isinstance(alexa_id, str) and _ALEXA_REQUEST_ID.match(alexa_id) else None
        ),
    }
