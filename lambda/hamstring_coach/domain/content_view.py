"""One typed view of one content version: the program, the FAQ and the triage questions.

The content cache keeps one view beside each bundle it hands out, so each part is parsed
once per content version (on first use, so a cold start pays only for what its turn
needs), and every handler reads the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from hamstring_coach.domain import faq, red_flags, triage
from hamstring_coach.domain.answers import AnswerWords
from hamstring_coach.domain.asks import WorkoutWords
from hamstring_coach.domain.clearance import ClearanceWords
from hamstring_coach.domain.content import ContentBundle
from hamstring_coach.domain.events import EventLimits
from hamstring_coach.domain.faq import FaqIndex, Lexicon, Topic
from hamstring_coach.domain.faq_classifier import Classifier
from hamstring_coach.domain.morning_words import MorningWords
from hamstring_coach.domain.pleasantries import Pleasantries
from hamstring_coach.domain.program import HowToWords, Program
from hamstring_coach.domain.red_flags import RedFlags
from hamstring_coach.domain.triage import QuestionSet


@dataclass(frozen=True)
class FaqView:
    index: FaqIndex
    flags: RedFlags
    lexicon: Lexicon
    # The words of a request for today's workout (domain/asks.py).
    workout_words: WorkoutWords = field(default_factory=WorkoutWords)
    # The words of a yes, a no, "not sure" and a correction (domain/answers.py).
    answer_words: AnswerWords = field(default_factory=AnswerWords)
    # The words of a request to be walked through an exercise (domain/program/naming.py).
    howto_words: HowToWords = field(default_factory=HowToWords)
    # Greetings, thanks and "please" said around a question (domain/pleasantries.py).
    pleasantries: Pleasantries = field(default_factory=Pleasantries)
    # A professional's go-ahead said in the person's words (domain/clearance.py).
    clearance: ClearanceWords = field(default_factory=ClearanceWords)


class ContentView:
    def __init__(self, bundle: ContentBundle) -> None:
        self.bundle = bundle

    @cached_property
    def program(self) -> Program:
        kind = self.bundle.kind
        return Program.from_content(kind("exercise"), kind("stage"), kind("pacing"))

    @cached_property
    def morning_words(self) -> MorningWords:
        """The words of an answer to the morning question (domain/morning_words.py)."""
        return MorningWords.from_content(self.bundle.kind("pacing").get("morning_words", {}))

    @cached_property
    def event_limits(self) -> EventLimits:
        """What this program allows (stages, levels, sets): events outside it are refused."""
        program = self.program
        tops = {e.id: e.top for e in program.exercises.values()}
        most = max((lv.sets for e in program.exercises.values() for lv in e.levels), default=1)
        return EventLimits.of(list(program.stages), tops, most)

    @cached_property
    def steps_opinion(self) -> Classifier | None:
        """(round 27) The topic labels and the walkthrough labels in one classifier
        (tools/howto_model.py), built on the first question the walkthrough rules miss;
        None without walkthrough counts."""
        steps = self.bundle.kind("howto_model")
        if not steps:
            return None
        return Classifier.from_counts({**self.bundle.kind("faq_model"), **steps})

    @cached_property
    def faq(self) -> FaqView:
        """Topics, red flags and word lists, prepared for matching (milliseconds: once)."""
        items = self.bundle.kind("faq_lexicon")
        lexicon = faq.lexicon_from(items)
        return FaqView(
            index=FaqIndex.build(
                faq.topics_from(self.bundle.kind("faq")), lexicon, self.bundle.kind("faq_model")
            ),
            flags=red_flags.load(self.bundle.kind("red_flag")),
            lexicon=lexicon,
            workout_words=WorkoutWords.from_content(items.get("workout_requests", {})),
            answer_words=AnswerWords.from_content(items.get("answer_words", {})),
            howto_words=HowToWords.from_content(items.get("howto_requests", {})),
            pleasantries=Pleasantries.from_content(items.get("pleasantries", {})),
            clearance=ClearanceWords.from_content(items.get("clearance", {})),
        )

    @cached_property
    def topic_intents(self) -> dict[str, Topic]:
        """The topic each dedicated question intent asks (the first that names it), without
        preparing the whole index: routing asks this on every intent request."""
        by_intent: dict[str, Topic] = {}
        for topic in faq.topics_from(self.bundle.kind("faq")):
            if topic.intent:
                by_intent.setdefault(topic.intent, topic)
        return by_intent

    @cached_property
    def questions(self) -> QuestionSet:
        return triage.load_questions(self.bundle.kind("symptom_question"))
