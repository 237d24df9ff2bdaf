"""Exercise reminders by voice: set (with consent asked by voice), list and stop.

The flow for "remind me to do my exercises at 7 pm":
- no time, a time that cannot be, or a start already gone: a clear re-ask (the days said
  are kept in the session for the answer);
- the reminders permission not yet granted: a Connections.SendRequest AskFor; Alexa asks
  the person itself and answers with a Connections.Response. The reminder to create
  travels in the request's token, which comes back unchanged, so nothing is stored while
  Alexa asks;
- granted: the reminder is created through the Reminders API and only its id is kept.
Each refusal of the API (401 permission, 403, 429, 5xx or no answer) has its own answer;
a missing permission also sends the card that opens the permission page in the Alexa app.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.adapters.device_settings import device_zone_name, zone
from hamstring_coach.adapters.reminders import reminders_for
from hamstring_coach.domain import events
from hamstring_coach.domain.reminders import (
    MAX_REMINDERS,
    PERMISSION_SCOPE,
    ReminderApiError,
    ReminderInputError,
    ReminderService,
    Schedule,
    describe,
    reminder_request,
    schedule,
)
from hamstring_coach.handlers.base import ctx, slot_id, slot_value
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.routing import Handler, Rule, request, when
from hamstring_coach.handlers.state import Key, Mode, session, set_mode
from hamstring_coach.intents import Intent
from hamstring_coach.voice.habit import reminder_list, when_words
from hamstring_coach.voice.speech import Ssml

log = logging.getLogger(__name__)

ASK_FOR = "AskFor"
DAYS_SLOT, TIME_SLOT, START_SLOT = "days", "time", "start"
HOUR_SLOT = "pain"  # a bare number said while the time is asked (the pain-score intent)


def _granted(handler_input: HandlerInput) -> bool:
    """Whether Alexa reports the reminders permission as granted in this request."""
    user = getattr(getattr(handler_input.request_envelope.context, "system", None), "user", None)
    scopes = getattr(getattr(user, "permissions", None), "scopes", None) or {}
    scope = scopes.get(PERMISSION_SCOPE) if isinstance(scopes, dict) else None
    status = getattr(getattr(scope, "status", None), "value", getattr(scope, "status", None))
    return status == "GRANTED"


def _service(handler_input: HandlerInput) -> ReminderService | None:
    return reminders_for(handler_input)


def _error_response(handler_input: HandlerInput, err: ReminderApiError) -> Response:
    sp = ctx(handler_input).speech
    ctx(handler_input).signal(f"reminders_api_{err.kind}")
    if err.kind == "permission":
        return _no_permission(handler_input)
    key = {
        "forbidden": "reminder.forbidden",
        "throttled": "reminder.throttled",
    }.get(err.kind, "reminder.unavailable")
    return respond(handler_input, sp.line(key), None)


def _no_permission(handler_input: HandlerInput) -> Response:
    from ask_sdk_model.ui import AskForPermissionsConsentCard  # noqa: PLC0415  # rare path

    sp = ctx(handler_input).speech
    builder = handler_input.response_builder
    builder.set_card(AskForPermissionsConsentCard(permissions=[PERMISSION_SCOPE]))
    return respond(handler_input, sp.line("reminder.no_permission"), None)


def _now_local(handler_input: HandlerInput) -> datetime:
    c = ctx(handler_input)
    tz = zone(device_zone_name(handler_input))
    return c.now.astimezone(tz).replace(tzinfo=None) if tz is not None else c.now


def _create(handler_input: HandlerInput, plan: Schedule) -> Response:
    c = ctx(handler_input)
    sp = c.speech
    service = _service(handler_input)
    if service is None:
        return respond(handler_input, sp.line("reminder.unavailable"), None)
    stored = c.turn.progress.reminders
    if len(stored) >= MAX_REMINDERS:
        speech = sp.line("reminder.too_many", count=len(stored))
        return respond(handler_input, speech, None)
    body = reminder_request(
        plan,
        _now_local(handler_input),
        device_zone_name(handler_input),
        c.locale,
        sp.first("reminder.text"),
    )
    try:
        token = service.create(body)
    except ReminderApiError as err:
        return _error_response(handler_input, err)
    c.turn.record(events.reminder_set(token))
    c.signal("reminder_set")
    when = when_words(sp, plan.days, plan.at)
    parts = [sp.line("reminder.set", when=Ssml(when))]
    if plan.start == _now_local(handler_input).date() + timedelta(days=1):
        parts.append(sp.first("reminder.set.tomorrow"))  # the time has gone today
    return respond(handler_input, " ".join(parts), None)


def _ask_again(
    handler_input: HandlerInput, problem: str, days: str | None, start: str | None
) -> Response:
    sp = ctx(handler_input).speech
    set_mode(handler_input, Mode.REMINDER_TIME)
    session(handler_input)[Key.REMINDER_ASK] = {
        "days": days,
        "start": start if problem != "past" else None,
    }
    key = {"missing": "reminder.ask_time", "past": "reminder.past"}.get(
        problem, "reminder.invalid_time"
    )
    _elicit_time(handler_input)
    return respond(handler_input, sp.line(key), sp.line("reminder.ask_time.reprompt"))


def _elicit_time(handler_input: HandlerInput) -> None:
    """Ask Alexa to hear the answer as the reminder's time: during the elicitation it reads
    a bare "7 PM" by the time slot's own samples (the dialog model in the interaction
    model), which no intent sample may hold ("{time}" alone would catch anything). The
    days and start said before stay in the session."""
    from ask_sdk_model import Intent as AlexaIntent  # noqa: PLC0415
    from ask_sdk_model import Slot  # noqa: PLC0415
    from ask_sdk_model.dialog import ElicitSlotDirective  # noqa: PLC0415

    slots = {name: Slot(name=name) for name in (TIME_SLOT, DAYS_SLOT, START_SLOT)}
    intent = AlexaIntent(name=Intent.REMINDER_SET.value, slots=slots)
    handler_input.response_builder.add_directive(
        ElicitSlotDirective(slot_to_elicit=TIME_SLOT, updated_intent=intent)
    )


class SetReminderHandler(Handler):
    """ "Remind me to do my exercises at 7 pm", "remind me every weekday at 8"."""

    # Asked "what time?", people often say just the hour ("seven"), which Alexa hears as a
    # number: the pain-score intent. It is the hour, read as a bare hour always is.
    rule = when(Intent.REMINDER_SET) | when(Intent.PAIN_REPORT, mode=Mode.REMINDER_TIME)

    def handle(self, handler_input: HandlerInput) -> Response:
        asking = when(mode=Mode.REMINDER_TIME)(handler_input)
        earlier = session(handler_input).pop(Key.REMINDER_ASK, None) if asking else None
        set_mode(handler_input, None)
        earlier = earlier if isinstance(earlier, dict) else {}
        days = slot_id(handler_input, DAYS_SLOT) or earlier.get("days")
        start = slot_value(handler_input, START_SLOT) or earlier.get("start")
        said = slot_value(handler_input, TIME_SLOT) or slot_value(handler_input, HOUR_SLOT)
        try:
            plan = schedule(
                said,
                days,
                _now_local(handler_input),
                start=start,
                training_days=None,  # the program has no training-day rhythm yet: daily
            )
        except ReminderInputError as err:
            return _ask_again(handler_input, err.problem, days, start)
        if not _granted(handler_input):
            return _ask_for_permission(handler_input, plan)
        return _create(handler_input, plan)


def _ask_for_permission(handler_input: HandlerInput, plan: Schedule) -> Response:
    from ask_sdk_model.interfaces.connections import SendRequestDirective  # noqa: PLC0415

    ctx(handler_input).signal("reminder_consent_asked")
    directive = SendRequestDirective(
        name=ASK_FOR,
        payload={
            "@type": "AskForPermissionsConsentRequest",
            "@version": "1",
            "permissionScope": PERMISSION_SCOPE,
        },
        token=plan.to_token(),
    )
    # No speech and no shouldEndSession: Alexa asks the question itself, then sends the
    # answer back as a Connections.Response.
    return handler_input.response_builder.add_directive(directive).response


class ReminderAskingFallbackHandler(Handler):
    """While the time is being asked again, anything else that is not a time: ask once
    more, with an example (help, repeat, a bare "7 pm" Alexa could not place; "I don't
    know" and "yes" too, which fell to the main menu and dropped the question)."""

    rule = when(
        Intent.FALLBACK,
        Intent.HELP,
        Intent.REPEAT,
        Intent.UNSURE,
        Intent.YES,
        Intent.THANKS,
        mode=Mode.REMINDER_TIME,
    )

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        _elicit_time(handler_input)
        return respond(
            handler_input, sp.line("reminder.invalid_time"), sp.line("reminder.ask_time.reprompt")
        )


def _answers_ask_for(handler_input: HandlerInput) -> bool:
    return getattr(handler_input.request_envelope.request, "name", None) == ASK_FOR


class ConsentAnswerHandler(Handler):
    """Alexa's answer to the AskFor: granted -> create the reminder in the token."""

    rule = request("Connections.Response") & Rule(_answers_ask_for)

    def handle(self, handler_input: HandlerInput) -> Response:
        answer = handler_input.request_envelope.request
        payload = getattr(answer, "payload", None) or {}
        status = payload.get("status") if isinstance(payload, dict) else None
        c = ctx(handler_input)
        c.signal(f"reminder_consent_{str(status or 'none').lower()}")
        plan = Schedule.from_token(getattr(answer, "token", None))
        if status != "ACCEPTED":
            return respond(handler_input, c.speech.line("reminder.denied"), None)
        if plan is None:  # a token we did not write: ask for the time again
            return _ask_again(handler_input, "missing", None, None)
        if plan.start < _now_local(handler_input).date():
            plan = Schedule(plan.at, plan.days, _now_local(handler_input).date())
        return _create(handler_input, plan)


def _listed(handler_input: HandlerInput, service: ReminderService) -> list[dict[str, Any]]:
    """The API's list (only this skill's reminders), and the stored ids brought in line."""
    alerts = service.list()
    c = ctx(handler_input)
    ids = [str(a.get("alertToken")) for a in alerts]
    if set(c.turn.progress.reminders) - set(ids):
        c.turn.record(events.reminders_seen(ids))
    return [a for a in alerts if a.get("status", "ON") == "ON"]


class _RemindersApiHandler(Handler):
    """List and stop share their frame: out of any mode, the Reminders API reached for the
    person (or "unavailable"), and each refusal of the API answered as such. A subclass
    says what to do with the service in `answer`."""

    def handle(self, handler_input: HandlerInput) -> Response:
        sp = ctx(handler_input).speech
        set_mode(handler_input, None)
        service = _service(handler_input)
        if service is None:
            return respond(handler_input, sp.line("reminder.unavailable"), None)
        try:
            return self.answer(handler_input, service)
        except ReminderApiError as err:
            return _error_response(handler_input, err)

    def answer(self, handler_input: HandlerInput, service: ReminderService) -> Response:
        raise NotImplementedError


class ListRemindersHandler(_RemindersApiHandler):
    rule = when(Intent.REMINDER_LIST)

    def answer(self, handler_input: HandlerInput, service: ReminderService) -> Response:
        alerts = _listed(handler_input, service)
        sp = ctx(handler_input).speech
        return respond(handler_input, reminder_list(sp, [describe(a) for a in alerts]), None)


class StopRemindersHandler(_RemindersApiHandler):
    rule = when(Intent.REMINDER_STOP)

    def answer(self, handler_input: HandlerInput, service: ReminderService) -> Response:
        count = delete_all(handler_input, service)
        sp = ctx(handler_input).speech
        if count == 0:
            return respond(handler_input, sp.line("reminder.none"), None)
        key = "reminder.stopped.one" if count == 1 else "reminder.stopped.many"
        return respond(handler_input, sp.line(key, count=count), None)


def delete_all(handler_input: HandlerInput, service: ReminderService) -> int:
    """Delete every reminder this skill created for the person; returns how many.
    One already gone (404) is not counted. Raises ReminderApiError for anything else."""
    c = ctx(handler_input)
    tokens = {str(a.get("alertToken")) for a in service.list()} | set(c.turn.progress.reminders)
    deleted = 0
    for token in sorted(t for t in tokens if t):
        try:
            service.delete(token)
            deleted += 1
        except ReminderApiError as err:
            if err.kind != "not_found":
                raise
    if c.turn.progress.reminders:
        c.turn.record(events.reminders_seen([]))
    return deleted


def handlers() -> list[AbstractRequestHandler]:
    return [
        ConsentAnswerHandler(),
        ReminderAskingFallbackHandler(),
        SetReminderHandler(),
        ListRemindersHandler(),
        StopRemindersHandler(),
    ]


def remove_on_delete(handler_input: HandlerInput) -> str | None:
    """Before a person's data is deleted: remove the reminders the skill set for them (the
    stored ids). Returns the line to add to the answer: "reminder.deleted", or
    "reminder.not_deleted" when the API refused or could not be reached (the person is told
    where to remove them), or None when the skill had set none."""
    stored = list(ctx(handler_input).turn.progress.reminders)
    if not stored:
        return None
    service = _service(handler_input)
    if service is None:
        return "reminder.not_deleted"
    try:
        for token in stored:
            try:
                service.delete(token)
            except ReminderApiError as err:
                if err.kind != "not_found":  # already gone is what we wanted
                    raise
    except ReminderApiError as err:
        log.warning("reminders not deleted", extra={"error": err.kind})
        return "reminder.not_deleted"
    return "reminder.deleted"
