"""Reminders and the weekly review put into words, a card and a screen (from plain values).

Every word comes from content (lines `reminder.*`, `review.*`, `screen.*`); this module
only chooses and joins them. The spoken review stays short (a test holds it under 30 s at
Alexa's speaking rate); the card and the screen carry the same facts as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import time

from hamstring_coach.domain.reminders import EVERY_DAY, WEEKDAY_CODES, ReminderInfo
from hamstring_coach.domain.review import Review
from hamstring_coach.voice.chart import ChartWeek, progress_chart
from hamstring_coach.voice.screens import ProgressScreen
from hamstring_coach.voice.speech import Speech, Ssml, plain

# --- reminders ---------------------------------------------------------------------------


def time_words(sp: Speech, at: time) -> str:
    hour = at.hour % 12 or 12
    ampm = sp.first("reminder.pm" if at.hour >= 12 else "reminder.am")
    if at.minute:
        return sp.first("reminder.time.minutes", hour=hour, minute=f"{at.minute:02d}", ampm=ampm)
    return sp.first("reminder.time.oclock", hour=hour, ampm=ampm)


def days_words(sp: Speech, days: Sequence[str]) -> str:
    chosen = tuple(d for d in WEEKDAY_CODES if d in days)
    if not chosen or chosen == EVERY_DAY:
        return sp.first("reminder.days.daily")
    if chosen == WEEKDAY_CODES[:5]:
        return sp.first("reminder.days.weekdays")
    if chosen == WEEKDAY_CODES[5:]:
        return sp.first("reminder.days.weekend")
    names = [sp.first(f"reminder.day.{d}") for d in chosen]
    joined = (
        names[0]
        if len(names) == 1
        else f"{', '.join(names[:-1])} {sp.first('reminder.and')} {names[-1]}"
    )
    return sp.first("reminder.days.some", days=joined)


def when_words(sp: Speech, days: Sequence[str], at: time | None) -> str:
    if at is None:
        return days_words(sp, days)
    return sp.first("reminder.when", days=Ssml(days_words(sp, days)), time=Ssml(time_words(sp, at)))


def reminder_list(sp: Speech, reminders: Sequence[ReminderInfo]) -> str:
    if not reminders:
        return sp.line("reminder.none")
    spoken = [when_words(sp, r.days, r.at) for r in reminders]
    if len(spoken) == 1:
        return sp.line("reminder.list.one", when=Ssml(spoken[0]))
    joined = f"{', '.join(spoken[:-1])} {sp.first('reminder.and')} {spoken[-1]}"
    return sp.line("reminder.list.many", count=len(spoken), list=Ssml(joined))


# --- the weekly review -------------------------------------------------------------------


# Alexa speaks about 150 words a minute: 70 words stay under 30 seconds with room to spare.
REVIEW_MAX_WORDS = 70


def review_speech(sp: Speech, review: Review, stage_name: str, *, unspoken: bool = False) -> str:
    """Sessions, streak, builds, stage, pain, one focus: short sentences, at most
    REVIEW_MAX_WORDS. When that is too long, the extras go first (streak, then the
    sessions' verdicts, then the stage); sessions, pain and the focus always stay."""
    extras: dict[str, str] = {}
    if review.streak >= 2:
        extras["streak"] = sp.line("week.streak", weeks=review.streak)
    verdicts = []
    if review.good == 1:
        verdicts.append(sp.line("week.good.one"))
    elif review.good > 1:
        verdicts.append(sp.line("week.good.many", n=review.good))
    if review.eased:
        verdicts.append(sp.line("week.eased", n=review.eased))
    if verdicts:
        extras["verdicts"] = " ".join(verdicts)
    extras["stage"] = sp.line("week.stage", stage=stage_name)
    pain = _pain(sp, review, unspoken)
    focus = sp.line(f"week.focus.{review.focus}", planned=review.planned)
    for drop in (None, "streak", "verdicts", "stage"):
        if drop:
            extras.pop(drop, None)
        parts = [_sessions(sp, review), *extras.values(), pain, focus]
        speech = " ".join(p for p in parts if p)
        if len(plain(speech).split()) <= REVIEW_MAX_WORDS:
            break
    return speech


def _pain(sp: Speech, review: Review, unspoken: bool = False) -> str:
    if not review.pain_kept:
        return sp.line("week.pain_unspoken" if unspoken else "week.no_pain")
    if review.trend is None:
        return ""
    which = sp.first("week.which.morning" if review.trend.morning else "week.which.during")
    return sp.line(
        f"week.pain.{review.trend.direction}",
        which=which,
        first=review.trend.first,
        last=review.trend.last,
    )


def _sessions(sp: Speech, review: Review) -> str:
    if review.done == 0:
        return sp.line("week.sessions.none")
    if review.done == review.planned:
        return sp.line("week.sessions.all", planned=review.planned)
    if review.done > review.planned:
        return sp.line("week.sessions.more", done=review.done, planned=review.planned)
    if review.done == 1:
        return sp.line("week.sessions.one", planned=review.planned)
    return sp.line("week.sessions.some", done=review.done, planned=review.planned)


def review_card(
    sp: Speech,
    review: Review,
    stage_name: str,
    level_names: Mapping[str, str],
    *,
    unspoken: bool = False,
) -> tuple[str, str]:
    """The same facts as the speech and the chart, as lines of text for the Alexa app."""
    lines = [
        sp.first(
            "week.card.sessions",
            done=review.done,
            planned=review.planned,
            sets_done=review.sets_done,
            sets_planned=review.sets_planned,
        ),
        sp.first("week.card.streak", weeks=review.streak),
        sp.first("week.card.verdicts", good=review.good, eased=review.eased),
        sp.first("week.card.stage", stage=stage_name),
    ]
    if level_names:
        levels = "; ".join(f"{name}: {title}" for name, title in level_names.items())
        lines.append(sp.first("week.card.levels", levels=levels))
    if review.pain_kept:
        which = sp.first(
            "week.which.morning" if review.trend and review.trend.morning else "week.which.during"
        )
        values = ", ".join("-" if w.pain is None else f"{w.pain:.1f}" for w in review.weeks)
        lines.append(sp.first("week.card.pain", which=which, values=values))
    else:
        lines.append(sp.first("week.card.pain_unspoken" if unspoken else "week.card.no_pain"))
    focus = plain(sp.first(f"week.focus.{review.focus}", planned=review.planned))
    lines.append(sp.first("week.card.focus", focus=focus))
    return sp.first("week.card.title"), "\n".join(plain(line) for line in lines)


def chart_weeks(sp: Speech, review: Review) -> list[ChartWeek]:
    months = sp.first("screen.months").split()
    return [
        ChartWeek(f"{months[w.start.month - 1]} {w.start.day}", w.sessions, w.pain)
        for w in review.weeks
    ]


def progress_screen(
    sp: Speech, review: Review, plan: Sequence[tuple[str, int]], note: str = ""
) -> ProgressScreen:
    """The chart and today's plan: `plan` as (exercise title, sets); empty with a `note`
    key ("screen.progress.rest", "screen.progress.done") when there is nothing to do today."""
    legend = "screen.progress.legend" if review.pain_kept else "screen.progress.legend_no_pain"
    items = tuple(plain(sp.first("screen.progress.item", title=t, sets=n)) for t, n in plan)
    has_plan = bool(items)
    if not has_plan:
        items = (plain(sp.first(note or "screen.progress.rest")),)
    return ProgressScreen(
        title=plain(sp.first("screen.progress.title")),
        legend=plain(sp.first(legend)),
        plan_title=plain(sp.first("screen.progress.plan")),
        plan=items,
        chart=progress_chart(chart_weeks(sp, review), review.planned, review.pain_kept),
        has_plan=has_plan,
    )
