"""Every line the reminder and review wording can reach exists, including the keys built
at run time (which the content test's scan of literal keys cannot see)."""

from __future__ import annotations

import random
from datetime import time
from typing import get_args

import pytest

from hamstring_coach.domain.content import merge
from hamstring_coach.domain.reminders import WEEKDAY_CODES, ReminderInfo
from hamstring_coach.domain.review import Focus, PainDirection
from hamstring_coach.voice.habit import days_words, reminder_list, time_words, when_words
from hamstring_coach.voice.speech import Speech
from tools.content_source import load_source


@pytest.fixture(scope="module")
def sp() -> Speech:
    return Speech(merge("en-US", "t", [load_source()["en"]]), random.Random(5))


def test_keys_built_at_run_time_exist(sp: Speech) -> None:
    for focus in get_args(Focus):
        assert sp.has(f"week.focus.{focus}")
    for direction in get_args(PainDirection):
        assert sp.has(f"week.pain.{direction}")
    for code in WEEKDAY_CODES:
        assert sp.has(f"reminder.day.{code}")


def test_times_and_days_read_naturally(sp: Speech) -> None:
    assert time_words(sp, time(19, 0)) == "7 P M"
    assert time_words(sp, time(7, 30)) == "7:30 A M"
    assert time_words(sp, time(0, 5)) == "12:05 A M"
    assert time_words(sp, time(12, 0)) == "12 P M"
    assert days_words(sp, WEEKDAY_CODES) == "every day"
    assert days_words(sp, ("MO", "TU", "WE", "TH", "FR")) == "every weekday"
    assert days_words(sp, ("SA", "SU")) == "every Saturday and Sunday"
    assert days_words(sp, ("FR", "MO", "WE")) == "on Mondays, Wednesdays and Fridays"
    assert when_words(sp, ("TH",), time(18, 0)) == "on Thursdays at 6 P M"
    assert when_words(sp, ("TH",), None) == "on Thursdays"


def test_lists_of_reminders(sp: Speech) -> None:
    one = ReminderInfo("a", time(19, 0), WEEKDAY_CODES, "ON")
    two = ReminderInfo("b", time(8, 0), ("SA", "SU"), "ON")
    assert "one exercise reminder, every day at 7 P M" in reminder_list(sp, [one])
    both = reminder_list(sp, [one, two])
    assert "2 exercise reminders" in both and "every Saturday and Sunday at 8 A M" in both
    assert "don't have any" in reminder_list(sp, [])


def test_the_reminder_text_is_short_and_says_nothing_about_health(sp: Speech) -> None:
    text = sp.first("reminder.text")
    assert len(text.split()) <= 6
    for word in ("pain", "hamstring", "tendon", "injury", "sore", "rehab", "symptom"):
        assert word not in text.lower()
