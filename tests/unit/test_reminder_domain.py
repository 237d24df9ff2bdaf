"""Reminder times and days as people say them, and the request the Reminders API gets."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from hamstring_coach.domain.reminders import (
    EVERY_DAY,
    ReminderInputError,
    Schedule,
    describe,
    parse_time,
    reminder_request,
    schedule,
)

NOW = datetime(2026, 11, 25, 9, 30)  # a Wednesday morning, device time


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("19:00", time(19, 0)),  # what Alexa sends for "7 pm"
        ("07:45", time(7, 45)),
        ("EV", time(19, 0)),  # "in the evening"
        ("MO", time(8, 0)),
        ("7 pm", time(19, 0)),  # typed in the console or virtual-alexa
        ("seven pm", time(19, 0)),
        ("seven thirty pm", time(19, 30)),
        ("half past seven pm", time(19, 30)),
        ("at 7:15 am", time(7, 15)),
        ("8", time(8, 0)),  # a bare hour: mornings from 7
        ("6", time(18, 0)),  # and afternoons up to 6
        ("noon", time(12, 0)),
        ("12 am", time(0, 0)),
        ("7 in the evening", time(19, 0)),
    ],
)
def test_times_as_said(said: str, expected: time) -> None:
    assert parse_time(said) == expected


@pytest.mark.parametrize("said", ["25", "25 o'clock", "24:30", "13 pm", "7:75", "banana"])
def test_impossible_times_are_invalid(said: str) -> None:
    with pytest.raises(ReminderInputError) as caught:
        parse_time(said)
    assert caught.value.problem == "invalid"


@pytest.mark.parametrize("said", [None, "", "  ", "?"])
def test_no_time_is_missing(said: str | None) -> None:
    with pytest.raises(ReminderInputError) as caught:
        parse_time(said)
    assert caught.value.problem == "missing"


def test_days_default_to_every_day_or_the_programs_rhythm() -> None:
    assert schedule("19:00", None, NOW).days == EVERY_DAY
    rhythm = schedule("19:00", None, NOW, training_days=("MO", "WE", "FR"))
    assert rhythm.days == ("MO", "WE", "FR")
    assert schedule("19:00", "training", NOW, training_days=("TU", "TH")).days == ("TU", "TH")
    # The person's own choice wins over the rhythm.
    assert schedule("19:00", "weekdays", NOW, training_days=("MO",)).days[:5] == (
        "MO",
        "TU",
        "WE",
        "TH",
        "FR",
    )
    assert schedule("19:00", "weekend", NOW).days == ("SA", "SU")
    assert schedule("19:00", "TH", NOW).days == ("TH",)


def test_a_time_gone_today_starts_tomorrow_unless_today_was_asked_for() -> None:
    assert schedule("19:00", None, NOW).start == date(2026, 11, 25)
    assert schedule("08:00", None, NOW).start == date(2026, 11, 26)
    with pytest.raises(ReminderInputError) as caught:
        schedule("08:00", None, NOW, start="2026-11-25")
    assert caught.value.problem == "past"
    with pytest.raises(ReminderInputError, match="past"):
        schedule("19:00", None, NOW, start="2026-11-20")
    assert schedule("08:00", None, NOW, start="2026-12-01").start == date(2026, 12, 1)


def test_the_request_has_the_apis_shape() -> None:
    plan = schedule("19:00", "weekdays", NOW)
    body = reminder_request(plan, NOW, "America/New_York", "en-US", "Time for your exercises.")
    assert body == {
        "requestTime": "2026-11-25T09:30:00.000",
        "trigger": {
            "type": "SCHEDULED_ABSOLUTE",
            "timeZoneId": "America/New_York",
            "recurrence": {
                "startDateTime": "2026-11-25T19:00:00.000",
                "recurrenceRules": [
                    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=19;BYMINUTE=0;BYSECOND=0;INTERVAL=1"
                ],
            },
        },
        "alertInfo": {
            "spokenInfo": {
                "content": [
                    {
                        "locale": "en-US",
                        "text": "Time for your exercises.",
                        "ssml": "<speak>Time for your exercises.</speak>",
                    }
                ]
            }
        },
        "pushNotification": {"status": "ENABLED"},
    }
    daily = reminder_request(schedule("7 pm", None, NOW), NOW, "UTC", "en-US", "x")
    assert daily["trigger"]["recurrence"]["recurrenceRules"][0].startswith("FREQ=DAILY;BYHOUR=19")


def test_a_schedule_survives_the_consent_token() -> None:
    plan = Schedule(time(7, 30), ("MO", "FR"), date(2026, 12, 1))
    assert Schedule.from_token(plan.to_token()) == plan
    assert Schedule.from_token("") is None
    assert Schedule.from_token("r1|99:00|MO|2026-12-01") is None
    assert Schedule.from_token("other|token") is None


def test_a_listed_reminder_is_described_back() -> None:
    plan = schedule("19:00", "weekdays", NOW)
    body = reminder_request(plan, NOW, "UTC", "en-US", "x")
    info = describe({"alertToken": "a1", "status": "ON", **body})
    assert (info.token, info.at, info.days, info.status) == (
        "a1",
        time(19, 0),
        ("MO", "TU", "WE", "TH", "FR"),
        "ON",
    )
    one_off = describe(
        {"alertToken": "a2", "trigger": {"scheduledTime": "2026-12-01T08:15:00.000"}}
    )
    assert (one_off.at, one_off.days) == (time(8, 15), ())
    assert describe({}).at is None
