"""Whole conversations, round 9 (tests/functional/conversations_cv9.yaml, written blind):
what goes wrong across turns. A new user's first day, a question between reps the skill
cannot answer, the symptom check answered in long sentences or with the answer last, swearing
at the pain, thanks and bye mid-set, easier and harder in many wordings, a return after two
weeks, two things asked at once, a trailing "one", "six out of ten, maybe seven". The driver
is round 7's (`Run7`, round 6's every-turn rules included) with three more properties and a
step key for the stored pain score.
`CV6_TRANSCRIPT=1 pytest tests/functional/test_conversations_cv9.py -s` prints every turn.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.functional import test_conversations_cv6 as cv6
from tests.functional.test_conversations_cv7 import Run7

SCRIPTS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "conversations_cv9.yaml").read_text(encoding="utf-8")
)["scripts"]
# The in-workout pain rule (lines workout.hurts) always states its threshold.
PAIN_RULE = ("five out of ten",)
NUMBER_WORDS = (
    *("zero", "one", "two", "three", "four", "five"),
    *("six", "seven", "eight", "nine", "ten"),
)
DONT_KNOW = (
    "don't know",
    "can't answer",
    "don't have a good answer",
    "only know about",
    "outside what i know",
    "can't help with",
    "not something i know",
)


class Run9(Run7):
    # What was open before the turn: "no_reask" compares the question after it with this.
    before: dict[str, Any]

    def say(self, text: str, step: dict[str, Any] | None = None) -> str:
        self.before = dict(self.chat.attributes) if self.chat.open else {}
        return super().say(text, step)

    def run(self, steps: list[dict[str, Any]]) -> None:
        for step in steps:
            super().run([step])
            if "said_pain" in step:
                self.check_pain(int(step["said_pain"]))

    def check_pain(self, want: int) -> None:
        """The score taken is said back (every score is, so a wrong one can be put right);
        what is stored depends on the health-data profile, so the reply is what is held."""
        said = self.last_speech.lower()
        if not re.search(rf"\b({want}|{NUMBER_WORDS[want]})\b", said):
            self.fail(f"pain {want} not said back (turn {self.turns}: {said[:120]!r})")

    def held(self, prop: str, speech: str, reprompt: str | None, previous: str) -> bool:
        low = speech.lower()
        if prop == "no_pain_rule":
            return not any(p in low for p in PAIN_RULE)
        if prop == "dont_know":
            return any(p in low.replace("\u2019", "'") for p in DONT_KNOW)
        if prop == "no_reask":
            return self.answer_taken(speech, reprompt)
        return super().held(prop, speech, reprompt, previous)

    def answer_taken(self, speech: str, reprompt: str | None) -> bool:
        """The question open before the turn is not the question open after it."""
        after = self.chat.attributes if self.chat.open else {}
        was, now = self.before.get("symptom_check"), after.get("symptom_check")
        if isinstance(was, dict):
            return not isinstance(now, dict) or now.get("asking") != was.get("asking")
        if self.before.get("mode") == "pain_check":
            return after.get("mode") != "pain_check"
        if speech.startswith(cv6.SORRY):
            return False
        if self.before.get("mode") == "workout":
            # Mid-workout every turn ends "say next set when you're ready": an answer taken
            # is a reply that is neither the fallback nor the previous turn again.
            return speech != self.last_speech
        # held() runs before the turn is recorded: last_reprompt is still the previous one.
        return reprompt is None or reprompt != self.last_reprompt


# Scripts that fail on today's code (strict: a pass is reported, so the mark goes). Round 10
# (conv10) fixed four of round 9's six and narrowed the rest to one turn each, all words
# the console's exact-sample resolver sends as Fallback. Round 11 (conv11) fixed two kinds:
# a command and a workout question in one breath ("next set and how many are left": the
# question is the carrier, "{query} and how many are left", and the command before it is
# read) and an ending with thanks and a goodbye after it ("that's enough for me today,
# thank you so much, goodbye": "{query} goodbye" is a courtesy carrier, and the ending is a
# stop command in the lexicon). Left: strong swearing said first ("fucking hell this is
# hard work"): no such carrier in the model (certification; Alexa's recogniser masks those
# words anyway), so it is Fallback, which carries no words.
# (conv17) cv9_swears_at_the_pain passes: the swearing still arrives as Fallback with no
# words, but mid-workout that Fallback is answered as a remark about the effort (the pain
# rule and the ways out), not with an apology (content workout.fallback).
FAILING: set[str] = set()


@pytest.mark.parametrize("script", cv6.scripted(SCRIPTS, FAILING))
def test_a_whole_conversation(script: dict[str, Any], play_script: cv6.PlayScript) -> None:
    play_script(script, Run9)


def test_the_scripts_are_enough() -> None:
    personas = {s["persona"].split(",")[0] for s in SCRIPTS}
    assert len(SCRIPTS) >= 15 and len(personas) >= 12
    assert all(s["id"].startswith("cv9_") for s in SCRIPTS)
