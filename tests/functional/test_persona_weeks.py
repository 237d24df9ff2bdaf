"""Simulated people over weeks, in their own words: every reply a persona gives to the skill's
own questions (tests/functional/personas_words.yaml, written blind) typed through the
console's resolver into the real lambda_handler on moto, one visit a day with a fixed clock.

The driver reads what the skill is asking from the session (the mode, the offer, the open
question) and answers as the persona would, rotating through their replies so each is said.
Every turn is held to what an outside tester holds it to:
- a spoken reply, and a reprompt whenever a question is open (the session rule, checked on
  every response by `make_skill`);
- an answer to the skill's own question is read as an answer: never the generic "sorry, I
  didn't catch that", the main menu, "no workout going" or an unanswered-question reply;
- the generic "sorry" never twice in a row, and no question asked over and over;
- no progress lost: finished workouts and the stage never go down, today's sets done never
  shrink, and a "no" to the delete question deletes nothing;
- every symptom-check outcome, and help at any moment, carries the short disclaimer.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local.dialog import TextSession
from local.resolver import Resolver
from local.transcript import render
from tests.conftest import Clock
from tests.stored import overwrite_progress, stored_record

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# Last round's personas and round 5's (ids ending `_5`), each file written blind.
WORDS: dict[str, dict[str, Any]] = {
    name: words
    for file in ("personas_words.yaml", "personas_words_5.yaml")
    for name, words in yaml.safe_load((Path(__file__).parent / file).read_text(encoding="utf-8"))[
        "personas"
    ].items()
}

# 07:30 in the device's zone (en-US: America/Chicago), a Monday.
START = datetime(2026, 3, 2, 13, 30, tzinfo=UTC)

# The generic "didn't catch that" wordings (core fallback, the workout's, the check's, the
# steps'): heard once it is a misread, twice in a row a conversation that broke.
SORRY = ("Sorry, I didn't catch that", "Sorry, I missed that", "Hmm, I'm not sure what you meant")
# Replies that mean an answer to the skill's own question was not taken as one.
DROPPED = (
    "Would you like today's exercises, a symptom check",
    "What would you like: today's exercises",
    "Today's exercises, a symptom check, or a question",
    "no workout going",
    "I don't have a good answer",
    "That's one I can't answer yet",
)
TRANSCRIPT = bool(os.environ.get("PERSONA_TRANSCRIPT"))
# What a person says when their own words were not taken twice: the plain word the skill
# asked for, so the simulation can go on and find what else breaks later in the weeks.
PLAIN = {
    "delete_question": "no",
    "morning": "about the same",
    "worse_amount": "a little worse",
    "pain": "two",
    "pain_zero": "yes",
    "kit": "yes",
    "screen": "no",
    "onset": "yes",
    "check": "no",
    "ready": "ready",
    "next_one": "next set",
    "stop_or_carry_on": "stop",
    "start_offer": "yes",
    "plan_offer": "yes",
    "resume": "yes",
    "check_offer": "no",
    "other_offer": "no",
}
# The plain request, for a persona who has no words of their own for it.
ASKS = {"delete": "delete my data", "start": "start my workout", "ask_check": "check my symptoms"}
# A request taken as a question (the FAQ's close call or answer) instead of what was asked.
AS_QUESTION = ("Did you mean", "That could be about", "Want to hear more", "Which one?")
# The symptom check's questions a person may honestly be unsure of, or say yes to, without
# it being a red flag (the most urgent ones are answered no: see Day.check).
SLOW_SIGNS = ("not_improving", "night_pain")
# Questions a plain yes or no answers, and the words that make an answer plainly one.
YES_NO = (
    "screen",
    "onset",
    "check",
    "kit",
    "start_offer",
    "plan_offer",
    "resume",
    "check_offer",
    "pain_zero",
)
CLEAR = ("yes", "yeah", "yep", "no", "nope", "nah")
DISCLAIMER = (
    "not a diagnosis",
    "not medical advice",
    "general guidance",
    "not a doctor",
    "nine one one",
)
# What a reply to a red flag must point to: someone who can examine the person.
SEE_SOMEONE = ("doctor", "nine one one", "emergency", "urgent", "physio", "professional", "A&E")


@dataclass
class Day:
    """One visit: what the person asks for at the menu, in order, and the moments at which
    they ask for help (prompt kinds, or "menu")."""

    agenda: tuple[str, ...] = ("start",)
    help_at: frozenset[str] = frozenset()
    # Stop the workout after this many sets (then the next visit is offered to carry on).
    quit_after: int | None = None
    # How this person answers a real symptom check's questions (not the screen's).
    check: str = "check_no"
    # Whether they take up a symptom check when the skill offers one.
    take_check: bool = False
    # Moments at which they first ask for the question again ("pardon?"), or ask a question
    # back instead of answering ("what do you mean by sore?"): the same question must stay
    # open, and neither may be met by the generic "sorry".
    pardon_at: frozenset[str] = frozenset()
    ask_back_at: frozenset[str] = frozenset()
    # The moment at which their answer is a yes wrapped in a story with a red flag in it.
    red_flag_at: str | None = None
    # After stopping mid-workout, back this many hours later the same day.
    come_back_after: int | None = None
    # A second visit twelve hours later (on the second device when the plan has two).
    evening: Day | None = None


@dataclass
class Plan:
    """A persona's weeks: a Day per day number, None for a day away."""

    days: dict[int, Day | None]
    length: int
    kit: bool = True
    stage: int | None = None  # set behind the skill's back after day 0 (kit questions)
    devices: int = 1  # the same account on this many devices (separate sessions)
    # The kit answers forgotten behind the skill's back before each day, so the kit is asked
    # again and every one of the persona's wordings for it is heard.
    forget_kit: bool = False

    def day(self, n: int) -> Day | None:
        return self.days.get(n, Day())


HELP_EVERYWHERE = ("menu", "morning", "pain", "ready", "next_one", "start_offer", "plan_offer")

PLANS: dict[str, Plan] = {
    "steady": Plan(
        {
            2: Day(help_at=frozenset({"menu", "morning"})),
            5: Day(agenda=("ask_check", "start"), help_at=frozenset({"check"})),
            9: Day(quit_after=3),
            10: Day(help_at=frozenset({"resume"})),
            13: None,
            20: Day(agenda=("start", "delete")),
        },
        length=21,
    ),
    "struggling": Plan(
        {
            1: Day(help_at=frozenset({"morning", "pain"})),
            4: Day(agenda=("ask_check", "start"), check="check_unsure", help_at=frozenset()),
            6: None,
            8: Day(help_at=frozenset({"worse_amount", "ready"})),
            11: Day(agenda=("ask_check",), check="check_yes"),
        },
        length=14,
    ),
    "flaring": Plan(
        {
            1: Day(take_check=True, help_at=frozenset({"morning"})),
            3: Day(take_check=True, check="check_unsure"),
            5: Day(agenda=("ask_check", "start"), help_at=frozenset({"check"})),
        },
        length=14,
    ),
    "away": Plan(
        {
            2: Day(quit_after=4),
            3: None,
            **dict.fromkeys(range(4, 16)),
            16: Day(help_at=frozenset({"menu", "morning"})),
        },
        length=24,
    ),
    "no_kit": Plan(
        {
            0: Day(help_at=frozenset({"menu"})),
            2: Day(help_at=frozenset({"kit"})),
        },
        length=10,
        kit=False,
        stage=3,
    ),
    "rambler": Plan(
        {
            1: Day(help_at=frozenset(HELP_EVERYWHERE)),
            3: Day(agenda=("ask_check", "start"), check="check_no", help_at=frozenset({"check"})),
            6: Day(quit_after=2),
            7: Day(agenda=("start", "delete")),
            9: Day(agenda=("ask_check",), check="check_unsure"),
        },
        length=14,
    ),
    "terse": Plan(
        {
            1: Day(help_at=frozenset(HELP_EVERYWHERE)),
            4: Day(agenda=("ask_check", "start"), check="check_no"),
            7: Day(quit_after=1),
            10: Day(agenda=("ask_check",), check="check_unsure"),
        },
        length=14,
    ),
    "words_for_numbers": Plan(
        {3: Day(help_at=frozenset({"pain"})), 8: Day(agenda=("start", "delete"))},
        length=14,
    ),
    "weekend_player": Plan(
        {
            2: Day(help_at=frozenset({"ready", "next_one"})),
            5: Day(agenda=("ask_check", "start"), check="check_no"),
            9: Day(quit_after=2),
            13: Day(agenda=("start", "delete_yes")),
        },
        length=14,
        stage=3,
    ),
}


@dataclass
class Person:
    name: str
    words: dict[str, Any]
    turns: int = 0
    problems: list[str] = field(default_factory=list)
    heard: Counter[str] = field(default_factory=Counter)
    clarified: int = 0  # answers the skill asked about once, spelling out the options
    notes: list[str] = field(default_factory=list)  # what the platform, not the skill, decides

    def __post_init__(self) -> None:
        self._cycles = {kind: itertools.cycle(replies) for kind, replies in self.words.items()}

    def reply(self, kind: str) -> str:
        self.heard[kind] += 1
        if kind not in self._cycles:  # a request this persona has no words of their own for
            return ASKS[kind]
        return str(next(self._cycles[kind]))


class Simulation:
    def __init__(
        self,
        name: str,
        chats: list[TextSession],
        clock: Clock,
        progress: Callable[[], Any],
        forget_kit: Callable[[], None] = lambda: None,
    ) -> None:
        self.person = Person(name, WORDS[name])
        self.forget_kit = forget_kit
        self.plan = PLANS[name]
        self.chats = chats
        self.chat = chats[0]
        self.clock = clock
        self.progress = progress
        self.last_sorry = self.not_understood = False
        self.day = 0
        self.deleted = False
        self.best = (0, 1)  # (finished workouts, stage): never down
        self.sets_today = 0
        self.sets_date = ""  # the day sets_today counts (a return the same day keeps it)
        self.morning_on = ("", 0)  # the day and the visit the morning check was asked in
        self.visits = 0
        self.flagged = False  # a red flag was said (a pause is then expected)
        self.pause_noted = False

    # --- what the skill is asking --------------------------------------------------------

    def asking(self, speech: str) -> str:
        """The kind of question open now ("menu" when none: the person picks what to do)."""
        attrs = self.chat.attributes
        if not self.chat.open:
            return "closed"
        if attrs.get("_delete_armed"):
            return "delete_question"
        mode, offer = attrs.get("mode"), attrs.get("offer")
        if mode == "morning_check":
            return "worse_amount" if attrs.get("am_worse") else "morning"
        if mode == "pain_check":
            return "pain_zero" if offer == "pain_zero" else "pain"
        if mode == "kit_check":
            return "kit"
        if mode == "symptom_check":
            check = attrs.get("symptom_check") or {}
            if check.get("screen"):
                return "onset" if check.get("asking") == "onset" else "screen"
            return "check"
        if mode == "workout":
            if offer == "stop_or_carry_on":
                return "stop_or_carry_on"
            return "ready" if "say ready" in speech.lower() else "next_one"
        if offer == "start_workout":
            return "start_offer"
        if offer == "resume_workout":
            return "resume"
        if offer == "symptom_check":
            return "check_offer"
        if offer == "todays_plan":
            return "plan_offer"
        if offer is not None:
            return "other_offer"
        return "menu"

    def answer_to(self, kind: str, today: Day) -> str:
        """What the person says to that question."""
        replies = {
            "delete_question": "delete_no",
            "morning": "morning",
            "worse_amount": "worse_amount",
            "pain": "pain",
            "pain_zero": "check_yes",
            "kit": "equipment_have" if self.plan.kit else "equipment_lack",
            "screen": "first_screen_no",
            "onset": "gradual_yes",
            "check": today.check if self.asking_id() in SLOW_SIGNS else "check_no",
            "ready": "ready",
            "next_one": "next_one",
            "stop_or_carry_on": "stop",
            "start_offer": "ready",
            "plan_offer": "ready",
            "resume": "resume",
            "check_offer": "check_yes"
            if today.take_check or "ask_check" in today.agenda
            else "decline",
            "other_offer": "decline",
        }
        return self.person.reply(replies[kind])

    def asking_id(self) -> str:
        """Which question of a series is open: the check's question, or the kit asked about."""
        check = self.chat.attributes.get("symptom_check") or {}
        return str(check.get("asking", "") or self.chat.attributes.get("kit", ""))

    # --- one turn and its checks ---------------------------------------------------------

    def say(self, text: str, kind: str, *, answer: bool) -> str:
        before = self.chat.attributes.get("mode")
        topic_before = (
            self.chat.attributes.get("faq_topic"),
            self.chat.attributes.get("faq_choices"),
        )
        exchange = self.chat.say(text)
        self.person.turns += 1
        lines = render(exchange.response) if exchange.response else ["(no speech)"]
        speech = lines[0]
        where = f"day {self.day}, {kind}: {text!r} -> {speech[:160]!r}"
        if not speech or speech == "(no speech)":
            self.problems(f"no speech ({where})")
        sorry = speech.startswith(SORRY)
        if sorry and self.last_sorry:
            self.problems(f"sorry twice in a row ({where})")
        self.last_sorry = sorry
        declined = kind in ("other_offer", "check_offer", "stop_or_carry_on")
        missed = sorry or any(d in speech for d in DROPPED[3:])
        if answer and (missed or (not declined and any(d in speech for d in DROPPED))):
            self.problems(f"answer not taken ({where})")
        asked_for = kind in ("start", "ask_check", "delete")
        topic = (self.chat.attributes.get("faq_topic"), self.chat.attributes.get("faq_choices"))
        faq = any(topic) and topic != topic_before  # a question was answered, or a topic offered
        faq = faq and self.chat.attributes.get("offer") != "symptom_check"
        self.not_understood = asked_for and (missed or faq or speech.startswith(AS_QUESTION))
        if self.not_understood:
            self.problems(f"request not understood ({where})")
        if kind == "open" and exchange.resolution.request_type != "LaunchRequest":
            # Which words open a skill is Alexa's launch grammar, not the skill's model.
            self.person.notes.append(f"opening words not a launch ({where})")
        if TRANSCRIPT:
            print(f"[{self.person.name} d{self.day} {kind}] {text} -> {speech[:300]}")
        if kind.startswith("help") and not any(d in speech for d in DISCLAIMER):
            self.problems(f"help without the disclaimer ({where})")
        ended_check = before == "symptom_check" and self.chat.attributes.get("mode") != (
            "symptom_check"
        )
        if ended_check and not any(d in speech for d in DISCLAIMER):
            self.problems(f"check outcome without the disclaimer ({where})")
        self.check_progress(where)
        return speech

    def problems(self, text: str) -> None:
        self.person.problems.append(text)
        if TRANSCRIPT:
            print(f"!! {self.person.name}: {text}")

    def check_progress(self, where: str) -> None:
        record = self.progress()
        if record is None:
            if not self.deleted and self.person.turns > 1:
                self.problems(f"progress gone ({where})")
            return
        if record.paused and not self.flagged and not self.pause_noted:
            self.pause_noted = True
            self.problems(f"program paused though every red-flag answer was no ({where})")
        done, stage = record.sessions_done, record.stage
        if (done, stage) < self.best and not self.deleted:
            self.problems(f"progress lost: {self.best} -> {(done, stage)} ({where})")
        self.best = max(self.best, (done, stage))
        today = self.clock.now.date().isoformat()
        sets = next((s.get("sets_done", 0) for s in record.sessions if s.get("date") == today), 0)
        if sets < self.sets_today:
            self.problems(f"sets done today went down: {self.sets_today} -> {sets} ({where})")
        self.sets_today = sets

    # --- a visit -------------------------------------------------------------------------

    def aside(self, kind: str, today: Day, done: set[tuple[str, str]]) -> tuple[str, str] | None:
        """What the person says before answering, if anything: (words, label)."""
        for label, at in (
            ("help", today.help_at),
            ("pardon", today.pardon_at),
            ("ask back", today.ask_back_at),
        ):
            words = {"help": "help", "pardon": "pardon"}.get(label, f"ask_back_{kind}")
            if kind in at and (label, kind) not in done and words in self.person.words:
                done.add((label, kind))
                return words, label
        return None

    def arrive(self) -> str:
        """Open the skill (plainly, when their words did not open it at the menu)."""
        self.visits += 1
        date = self.clock.now.date().isoformat()
        if date != self.sets_date:  # a return the same day keeps today's sets
            self.sets_today, self.sets_date = 0, date
        self.last_sorry = self.not_understood = False
        speech = self.say(self.person.reply("open"), "open", answer=False)
        if self.asking(speech) != "menu" and not self.chat.attributes.get("mode"):
            self.say("stop", "stop (plainly)", answer=False)
            speech = self.say("open hamstring coach", "open (plainly)", answer=False)
        return speech

    def visit(self, today: Day) -> None:
        speech = self.arrive()
        agenda = list(today.agenda)
        helped: set[tuple[str, str]] = set()
        sets = stuck = 0
        quitted = False
        where = ("", "")
        said = ""
        for _ in range(160):
            kind = self.asking(speech)
            if kind == "closed":
                return
            aside = self.aside(kind, today, helped)
            if aside is not None:
                words, label = aside
                # A "pardon?" or a question back is not an answer, but the generic "sorry"
                # or the menu in reply to it is a misread all the same.
                heard = label != "help" and kind != "menu"
                speech = self.say(self.person.reply(words), f"{label} at {kind}", answer=heard)
                family = {kind, self.asking(speech)}
                if len(family) > 1 and kind != "menu" and family != {"ready", "next_one"}:
                    self.problems(f"{label} at {kind} dropped the question (day {self.day})")
                where = ("", "")
                continue
            if kind == today.red_flag_at and not self.flagged:
                self.red_flag(kind)
                return
            if kind == "menu":
                if not agenda:
                    self.leave()
                    return
                next_speech = self.ask_for(agenda.pop(0))
                if next_speech is None:
                    return
                speech = next_speech
                continue
            quit_now = today.quit_after is not None and sets >= today.quit_after
            if kind == "next_one" and quit_now and not quitted:
                if "stop_midway" not in self.person.words:
                    self.say(self.person.reply("stop"), "stop mid-workout", answer=False)
                    return
                # Stopping mid-set, meaning to come back: whatever the skill asks next
                # ("stop, or carry on?") is answered, and the visit ends at the menu.
                quitted = True
                agenda.clear()
                speech = self.say(self.person.reply("stop_midway"), "stop midway", answer=False)
                where = ("", "")
                continue
            if kind == "morning":
                self.morning_again()
            sets += speech.startswith("Set ")
            # The same question still open after an answer (no set coached): not taken.
            now = (kind, self.asking_id())
            stuck = stuck + 1 if now == where and not speech.startswith("Set ") else 0
            where = now
            if stuck:
                if not self.settle(kind, stuck, said):
                    return
                said = PLAIN[kind] if kind != "kit" or self.plan.kit else "no"
                speech = self.say(said, f"{kind} (plainly)", answer=False)
                continue
            said = self.answer_to(kind, today)
            speech = self.say(said, kind, answer=True)
            self.check_polarity(kind, today, said, speech)
        self.problems(f"day {self.day} never ended")

    def red_flag(self, kind: str) -> None:
        """A yes wrapped in a story with a red flag in it: the flag is heard first."""
        self.flagged = True
        words = self.person.reply("story_red_flag")
        speech = self.say(words, f"red flag at {kind}", answer=False)
        if not any(w.lower() in speech.lower() for w in SEE_SOMEONE):
            self.problems(f"a red flag in a story not heard (day {self.day}: {speech[:160]!r})")
        if self.chat.open:  # they heard what to do, and go to do it
            self.say("stop", "stop (plainly)", answer=False)

    def morning_again(self) -> None:
        """The morning check belongs to the first visit of a day, on whichever device: asked
        in a later visit the same day, it was asked twice."""
        today = self.clock.now.date().isoformat()
        if self.morning_on[0] == today and self.morning_on[1] != self.visits:
            self.problems(f"the morning check asked twice in a day (day {self.day})")
        self.morning_on = (today, self.visits)

    def check_polarity(self, kind: str, today: Day, said: str, speech: str) -> None:
        """An answer read the wrong way round (a mind changed mid-answer read by its first
        word): a check taken or declined against what was said. (A pause after no red flag
        is checked with the progress.)"""
        where = f"day {self.day}, {kind}: {said!r} -> {speech[:120]!r}"
        if kind == "check_offer":
            took = today.take_check or "ask_check" in today.agenda
            if took != (self.chat.attributes.get("mode") == "symptom_check"):
                self.problems(f"the check offer read the wrong way round ({where})")

    def settle(self, kind: str, stuck: int, said: str) -> bool:
        """The question is still open after `said`. Once, a question that spells out its
        options is a fair clarification (the person then answers plainly), unless what they
        said began with a plain yes or no; a plain answer not taken is a problem. False:
        give up on the day."""
        if stuck == 1:
            self.person.clarified += 1
            if kind in YES_NO and said.lower().split()[0].strip(",") in CLEAR:
                self.problems(f"a clear answer asked again (day {self.day}, {kind}: {said!r})")
            return True
        self.problems(f"{kind}: the plain answer {said!r} was not taken either (day {self.day})")
        self.say("stop", "stop (plainly)", answer=False)
        return False

    def leave(self) -> None:
        self.say(self.person.reply("stop"), "stop", answer=False)
        if self.chat.open:
            self.problems(f"their goodbye kept the session open (day {self.day})")
            self.say("stop", "stop (plainly)", answer=False)

    def ask_for(self, goal: str) -> str | None:
        """Say what the person came for at the menu; None when the visit is over."""
        if goal == "delete_yes":
            self.say(self.person.reply("delete"), "delete", answer=False)
            self.deleted = True
            self.say(self.person.reply("delete_yes"), "delete_yes", answer=True)
            if self.progress() is not None:
                self.problems(f"delete_yes kept the record (day {self.day})")
            return None
        speech = self.say(self.person.reply(goal), goal, answer=False)
        if self.not_understood:  # asked again, plainly, to see what follows
            self.say("stop", "stop (plainly)", answer=False)
            self.say("open hamstring coach", "open (plainly)", answer=False)
            speech = self.say(ASKS[goal], f"{goal} (plainly)", answer=False)
        return speech

    def run(self, on_day_zero: Callable[[], None]) -> Person:
        for n in range(self.plan.length):
            self.day = n
            self.clock.now = START + timedelta(days=n)
            today = self.plan.day(n)
            record = self.progress() if self.plan.forget_kit and n else None
            if record is not None:
                self.forget_kit()
            if today is not None:
                self.chat = self.chats[0]
                self.visit(today)
                if today.come_back_after is not None and not self.deleted:
                    self.clock.now += timedelta(hours=today.come_back_after)
                    self.chat = self.chats[-1]
                    self.visit(Day())
                if today.evening is not None and not self.deleted:
                    self.clock.now = START + timedelta(days=n, hours=12)
                    self.chat = self.chats[-1]
                    self.visit(today.evening)
            if n == 0:
                on_day_zero()
            if self.deleted:
                break
        return self.person


PLANS.update(
    {
        "storyteller_5": Plan(
            {
                1: Day(help_at=frozenset({"menu", "morning"})),
                3: Day(agenda=("ask_check", "start"), help_at=frozenset({"check"})),
                5: Day(quit_after=2),
                6: Day(help_at=frozenset({"resume"})),
                9: Day(red_flag_at="next_one"),
            },
            length=10,
        ),
        "mind_changer_5": Plan(
            {
                2: Day(take_check=True),
                3: Day(agenda=("ask_check", "start")),
                6: Day(quit_after=2),
                10: Day(agenda=("ask_check", "start"), check="check_unsure"),
                13: Day(agenda=("start", "delete")),
            },
            length=14,
            stage=3,
            forget_kit=True,
        ),
        "asks_back_5": Plan(
            {
                0: Day(ask_back_at=frozenset({"screen", "ready", "pain"})),
                1: Day(ask_back_at=frozenset({"morning", "pain", "start_offer", "kit"})),
                3: Day(agenda=("ask_check", "start"), ask_back_at=frozenset({"check", "ready"})),
                5: Day(ask_back_at=frozenset({"morning", "kit", "pain"})),
                7: Day(ask_back_at=frozenset({"morning", "pain", "ready"})),
            },
            length=10,
            stage=3,
            forget_kit=True,
        ),
        "pain_words_5": Plan({3: Day(help_at=frozenset({"pain"}))}, length=14),
        "two_devices_5": Plan(
            {
                **{n: Day(evening=Day()) for n in range(10)},
                2: Day(quit_after=2, evening=Day()),
                4: Day(agenda=("ask_check",), evening=Day(agenda=("start", "start"))),
                6: Day(quit_after=1, evening=Day(help_at=frozenset({"resume"}))),
            },
            length=10,
            devices=2,
        ),
        "back_flaring_5": Plan(
            {
                **dict.fromkeys(range(3, 24)),
                24: Day(take_check=True, help_at=frozenset({"menu", "morning"})),
                25: Day(take_check=True),
                26: Day(agenda=("ask_check", "start"), take_check=True),
            },
            length=30,
        ),
        "no_kit_odd_5": Plan(
            {0: Day(help_at=frozenset({"menu"})), 2: Day(help_at=frozenset({"kit"}))},
            length=10,
            kit=False,
            stage=3,
            forget_kit=True,
        ),
        "pardon_5": Plan(
            {
                0: Day(pardon_at=frozenset({"screen", "ready", "pain"})),
                1: Day(pardon_at=frozenset({"morning", "ready", "next_one", "pain"})),
                3: Day(agenda=("ask_check", "start"), pardon_at=frozenset({"check", "pain"})),
                5: Day(quit_after=1),
                6: Day(pardon_at=frozenset({"resume", "morning", "next_one"})),
                8: Day(pardon_at=frozenset({"morning", "ready", "pain"})),
            },
            length=10,
        ),
        "stop_midrep_5": Plan(
            {
                1: Day(quit_after=1, come_back_after=3),
                3: Day(quit_after=2, come_back_after=5),
                5: Day(quit_after=1),
                8: Day(quit_after=3, come_back_after=2),
            },
            length=10,
        ),
    }
)

# Personas whose weeks fail on today's code (strict: a pass is reported, so the mark goes).
FAILING: set[str] = set()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True) if name in FAILING else ())
        for name in PLANS
    ],
)
def test_a_persona_over_weeks_in_their_own_words(
    name: str,
    make_skill: Callable[..., LambdaHandler],
    clock: Clock,
    resolver: Resolver,
    ddb: DynamoDBClient,
    settings: Settings,
) -> None:
    clock.now = START
    skill = make_skill()
    plan = PLANS[name]
    # One account, one session per device (the same user id, so the same progress).
    chats = [TextSession(skill, resolver, clock=clock) for _ in range(plan.devices)]
    user = chats[0].user_id

    def at_day_zero() -> None:
        if plan.stage is not None and stored_record(ddb, settings, user) is not None:
            overwrite_progress(ddb, settings, user, stage=plan.stage)

    sim = Simulation(
        name,
        chats,
        clock,
        lambda: stored_record(ddb, settings, user),
        lambda: overwrite_progress(ddb, settings, user, kit={}),
    )
    person = sim.run(at_day_zero)
    print(
        f"{name}: {person.turns} turns, {len(person.problems)} problems, "
        f"{person.clarified} clarified, {len(person.notes)} platform notes"
    )
    assert person.turns > 50
    assert not person.problems, f"{name}: {len(person.problems)} problems\n" + "\n".join(
        person.problems[:40]
    )
