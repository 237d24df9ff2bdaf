"""Exercise reminders: what the person asked for, as a reminder the Reminders API accepts.

Pure: takes slot values, the device's local time and time zone name, and returns plain
values (a `Schedule`, the API's request body as a dict). The port the handlers call is the
`ReminderService` protocol; `adapters/reminders.py` implements it over HTTPS.

Shapes follow Alexa's Reminders API reference (POST /v1/alerts/reminders): an absolute
trigger with the device's `timeZoneId` and, for a repeating reminder, `recurrence` with a
`startDateTime` and RFC 5545 `recurrenceRules`; `alertInfo.spokenInfo.content` holds the
spoken text per locale; `pushNotification.status` sends it to the phone too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, Literal, Protocol

from hamstring_coach.domain import progress as pm
from hamstring_coach.domain.numbers import parse_number
from hamstring_coach.domain.progress import Event, UserProgress

PERMISSION_SCOPE = "alexa::alerts:reminders:skill:readwrite"
# The API's weekday codes (RFC 5545), Monday first as datetime.weekday() counts.
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
EVERY_DAY = WEEKDAY_CODES
# Ids of the REMINDER_DAYS slot type's values (interaction model) -> the days they mean.
DAY_SETS: dict[str, tuple[str, ...]] = {
    "daily": EVERY_DAY,
    "weekdays": WEEKDAY_CODES[:5],
    "weekend": WEEKDAY_CODES[5:],
    "training": (),  # the program's own rhythm, filled in from `training_days`
    **{code: (code,) for code in WEEKDAY_CODES},
}
# AMAZON.TIME sends these for a part of the day; a reminder needs a clock time, so each
# becomes the time most people would mean (and the answer says which time was set).
PART_OF_DAY = {"MO": time(8, 0), "AF": time(14, 0), "EV": time(19, 0), "NI": time(20, 0)}
# A bare hour ("at 8") with no am or pm: early hours mean the afternoon, as nobody
# exercises at 3 am; the time is said back so a wrong guess is easy to correct.
_AFTERNOON_UP_TO = 6
MAX_REMINDERS = 3  # the skill keeps at most this many; a new one beyond that replaces none

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_SPOKEN = re.compile(
    r"^(?:at\s+)?(?P<h>\d{1,2}|[a-z]+)(?:[:\s](?P<m>\d{2}|o'?clock))?"
    r"\s*(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?|in the morning|in the evening|at night|tonight)?$"
)
# Hours said as words are the number words one to twelve (numbers.parse_number) or these.
_NAMED_HOURS = {"noon": 12, "midday": 12, "midnight": 0}


Problem = Literal["missing", "invalid", "past"]


class ReminderInputError(ValueError):
    """What was said cannot make a reminder; `problem` says which re-ask fits."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)
        self.problem: Problem = problem


def parse_time(value: str | None) -> time:
    """An AMAZON.TIME value ("19:00", "EV") or the words typed in the console or
    virtual-alexa ("7 pm", "seven thirty pm", "8"). Raises ReminderInputError."""
    if value is None or not value.strip() or value.strip() == "?":
        raise ReminderInputError("missing")
    text = value.strip().lower()
    if text.upper() in PART_OF_DAY:
        return PART_OF_DAY[text.upper()]
    clock = _CLOCK.match(text)
    if clock:
        return _checked(int(clock.group(1)), int(clock.group(2)))
    return _spoken_time(text)


def _hour_word(word: str) -> int:
    """The hour a single word names ("seven", "noon"), or -1."""
    if word in _NAMED_HOURS:
        return _NAMED_HOURS[word]
    hour = parse_number(word)
    return hour if hour is not None and 1 <= hour <= 12 else -1


def _spoken_time(text: str) -> time:
    text = re.sub(r"\s+", " ", text.replace("thirty", "30").replace("fifteen", "15"))
    text = text.replace("forty five", "45")
    half = text.startswith("half past ")
    match = _SPOKEN.match(text.removeprefix("half past "))
    if not match:
        raise ReminderInputError("invalid")
    hour_text = match.group("h")
    hour = int(hour_text) if hour_text.isdigit() else _hour_word(hour_text)
    if hour < 0:
        raise ReminderInputError("invalid")
    minute_text = match.group("m") or ""
    minute = int(minute_text) if minute_text.isdigit() else 0
    if half:
        minute = 30
    marker = (match.group("ap") or "").replace(".", "").replace(" ", "")
    if hour > 12 and marker:
        raise ReminderInputError("invalid")  # "15 pm"
    if marker in ("pm", "intheevening", "atnight", "tonight") and hour < 12:
        hour += 12
    elif marker in ("am", "inthemorning") and hour == 12:
        hour = 0
    elif not marker and hour_text not in ("noon", "midday", "midnight") and 1 <= hour <= 6:
        hour += 12
    return _checked(hour, minute)


def _checked(hour: int, minute: int) -> time:
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ReminderInputError("invalid")  # "25 o'clock"
    return time(hour, minute)


@dataclass(frozen=True)
class Schedule:
    at: time
    days: tuple[str, ...]  # weekday codes, Monday first; all seven = every day
    start: date  # the first day it may ring

    @property
    def daily(self) -> bool:
        return set(self.days) == set(EVERY_DAY)

    def to_token(self) -> str:
        """Compact text for the consent request's token, which Alexa hands back unchanged:
        what to set once the person says yes, with nothing stored in the meantime."""
        return f"r1|{self.at.strftime('%H:%M')}|{','.join(self.days)}|{self.start.isoformat()}"

    @classmethod
    def from_token(cls, token: str | None) -> Schedule | None:
        parts = (token or "").split("|")
        if len(parts) != 4 or parts[0] != "r1":
            return None
        try:
            days = tuple(d for d in parts[2].split(",") if d in WEEKDAY_CODES)
            return cls(_checked(*map(int, parts[1].split(":"))), days, date.fromisoformat(parts[3]))
        except (ValueError, TypeError):
            return None


def schedule(
    at: str | None,
    days_id: str | None,
    now_local: datetime,
    *,
    start: str | None = None,
    training_days: Sequence[str] | None = None,
) -> Schedule:
    """The reminder asked for. `days_id` is the REMINDER_DAYS slot's id (None: every
    training day when the program has a rhythm, else every day); `start` an AMAZON.DATE
    ("2026-12-01") or None. A start today at a time already gone, or a start in the past,
    is "past": the person is asked again rather than given a reminder they did not mean."""
    clock = parse_time(at)
    rhythm = tuple(d for d in (training_days or ()) if d in WEEKDAY_CODES)
    chosen = DAY_SETS.get(days_id or "", ())
    if not chosen:  # no days said, "training days", or a value the model does not know
        chosen = rhythm or EVERY_DAY
    today = now_local.date()
    first = today
    if start:
        try:
            first = date.fromisoformat(start)
        except ValueError as err:
            raise ReminderInputError("invalid") from err
        if first < today or (first == today and clock <= now_local.time()):
            raise ReminderInputError("past")
    elif clock <= now_local.time():
        first = today + timedelta(days=1)  # a daily time already gone today starts tomorrow
    return Schedule(clock, tuple(d for d in WEEKDAY_CODES if d in chosen), first)


def reminder_request(
    plan: Schedule, now_local: datetime, time_zone: str, locale: str, text: str
) -> dict[str, Any]:
    """The body of POST /v1/alerts/reminders for a repeating reminder."""
    start = datetime.combine(plan.start, plan.at)
    rule = "FREQ=DAILY" if plan.daily else f"FREQ=WEEKLY;BYDAY={','.join(plan.days)}"
    rule += f";BYHOUR={plan.at.hour};BYMINUTE={plan.at.minute};BYSECOND=0;INTERVAL=1"
    return {
        "requestTime": _local_iso(now_local.replace(tzinfo=None)),
        "trigger": {
            "type": "SCHEDULED_ABSOLUTE",
            "timeZoneId": time_zone,
            "recurrence": {"startDateTime": _local_iso(start), "recurrenceRules": [rule]},
        },
        "alertInfo": {
            "spokenInfo": {"content": [{"locale": locale, "text": text, "ssml": _ssml(text)}]}
        },
        "pushNotification": {"status": "ENABLED"},
    }


def _local_iso(moment: datetime) -> str:
    # The API wants local wall-clock time without an offset ("...T19:00:00.000").
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000")


def _ssml(text: str) -> str:
    from xml.sax.saxutils import escape  # noqa: PLC0415  # only for this one field

    return f"<speak>{escape(text)}</speak>"


@dataclass(frozen=True)
class ReminderInfo:
    """One of the skill's reminders as the API lists it: enough to say it back."""

    token: str
    at: time | None
    days: tuple[str, ...]
    status: str  # "ON" or "COMPLETED"


def describe(reminder: dict[str, Any]) -> ReminderInfo:
    """A reminder object from GET (one or all) as a ReminderInfo. Tolerant: a reminder set
    another way (one-off, relative) still lists, with what can be read from it."""
    trigger = reminder.get("trigger") or {}
    at: time | None = None
    days: tuple[str, ...] = ()
    rules = (trigger.get("recurrence") or {}).get("recurrenceRules") or []
    for rule in rules[:1]:
        fields = dict(p.split("=", 1) for p in str(rule).split(";") if "=" in p)
        if fields.get("FREQ") == "DAILY":
            days = EVERY_DAY
        else:
            days = tuple(d for d in WEEKDAY_CODES if d in fields.get("BYDAY", "").split(","))
        try:
            at = time(int(fields.get("BYHOUR", "")), int(fields.get("BYMINUTE", "0")))
        except ValueError:
            at = None
    if at is None and trigger.get("scheduledTime"):
        try:
            at = datetime.fromisoformat(str(trigger["scheduledTime"])).time().replace(second=0)
        except ValueError:
            at = None
    return ReminderInfo(
        str(reminder.get("alertToken", "")), at, days, str(reminder.get("status", "ON"))
    )


# --- what is stored: the ids only --------------------------------------------------------


@pm.register("reminder_set")
def _reminder_set(progress: UserProgress, event: Event) -> UserProgress:
    token = str(event["id"])
    if token in progress.reminders:
        return progress
    return replace(progress, reminders=[*progress.reminders, token][-MAX_REMINDERS:])


@pm.register("reminders_seen")
def _reminders_seen(progress: UserProgress, event: Event) -> UserProgress:
    """The API's own list is the truth: keep the ids it still has (and forget the rest,
    e.g. a reminder the person deleted in the Alexa app)."""
    alive = {str(t) for t in event.get("ids", [])}
    kept = [t for t in progress.reminders if t in alive]
    return progress if kept == progress.reminders else replace(progress, reminders=kept)


# --- the port ----------------------------------------------------------------------------

ReminderErrorKind = Literal[
    "permission", "forbidden", "throttled", "unavailable", "not_found", "invalid"
]


class ReminderApiError(Exception):
    """The Reminders API said no, or could not be reached. `kind` picks the spoken answer:
    permission (401), forbidden (403), throttled (429), unavailable (5xx, network, time
    limit), not_found (404), invalid (400, our request was wrong)."""

    def __init__(self, kind: ReminderErrorKind, status: int | None = None) -> None:
        super().__init__(f"{kind} ({status})" if status else kind)
        self.kind: ReminderErrorKind = kind
        self.status = status


class ReminderService(Protocol):
    """The Reminders API for one request (its endpoint and access token)."""

    def create(self, body: dict[str, Any]) -> str:
        """Returns the new reminder's alertToken."""
        ...

    def list(self) -> list[dict[str, Any]]: ...

    def get(self, token: str) -> dict[str, Any]: ...

    def delete(self, token: str) -> None: ...
