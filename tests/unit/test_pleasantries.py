"""Courtesies around a question come off at its ends only (domain/pleasantries.py), read
with the content's own word lists."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hamstring_coach.domain.pleasantries import Pleasantries

LEXICON = Path(__file__).resolve().parents[2] / "content" / "en" / "faq_lexicon.yaml"


@pytest.fixture(scope="module")
def known() -> Pleasantries:
    items = yaml.safe_load(LEXICON.read_text("utf-8"))["items"]
    return Pleasantries.from_content(items["pleasantries"])


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        (
            "hiya alexa, hope you're well, should i rest my hamstring completely, thanks a million",
            "should i rest my hamstring completely",
        ),
        ("Good morning Alexa, what's tendinopathy please, thank you", "what's tendinopathy"),
        ("nordic curl how to do lah", "nordic curl how to do"),
        # Inside a question, or a word that is a topic's: kept.
        ("does the morning stiffness matter", "does the morning stiffness matter"),
        ("how are you meant to sit at a desk", "how are you meant to sit at a desk"),
        ("i love running, can i still go", "i love running, can i still go"),
        ("hello again alexa, thanks, cheers", ""),
    ],
)
def test_courtesies_come_off_at_the_ends_only(known: Pleasantries, said: str, plain: str) -> None:
    assert known.plain(said) == plain


def test_a_command_is_named_only_when_it_is_the_whole_request(known: Pleasantries) -> None:
    assert known.command("Start my workout") == "StartWorkoutIntent"
    assert known.command("help") == "AMAZON.HelpIntent"
    assert known.command("help me with sitting") is None


@pytest.mark.parametrize(
    ("said", "leaving"),
    [
        ("oh that's the kettle, bye for now", True),
        ("right that's me, goodbye, thanks", True),
        ("see you later", True),
        ("should I say goodbye to running", False),  # the goodbye is not said last
        ("bye-bye hamstring pain, is that possible", False),
    ],
)
def test_a_goodbye_said_last_is_leaving(known: Pleasantries, said: str, leaving: bool) -> None:
    assert known.leaving(said) is leaving


@pytest.mark.parametrize(
    ("said", "leaving"),
    [
        # (conv18b) A stop said last, after the person's news, is leaving.
        ("okay I'll ring the surgery for both of us stop now", True),
        ("right the kids are up, you can stop now thanks", True),
        ("that's me, stop there please", True),
        # A stop the sentence is about stays a question or a statement.
        ("the pain's a seven, should I stop now", False),
        ("I can't stop now, I'm halfway", False),
        ("does it hurt when I stop there", False),
        ("will the ache stop now that I rest", False),
        ("make it stop now", False),
    ],
)
def test_a_stop_said_last_is_leaving(known: Pleasantries, said: str, leaving: bool) -> None:
    assert known.leaving(said) is leaving


@pytest.mark.parametrize(
    ("said", "easy"),
    [
        # (conv18b) The set judged too easy, mid-workout, in a sentence of one's own.
        ("mate this is way too easy, chuck me straight onto the nordics", True),
        ("honestly that was dead easy", True),
        ("these are not hard enough for me", True),
        ("piece of cake, what's next", True),
        # A pain word or a "not" anywhere keeps the pain rule.
        ("it's too easy but my sit bone hurts", False),
        ("this isn't too easy", False),
        ("too easy on the left, sharp on the right", False),
        ("it's easy to overdo it", False),
    ],
)
def test_too_easy_said_in_a_sentence(known: Pleasantries, said: str, easy: bool) -> None:
    assert known.says_too_easy(said) is easy


def test_a_courtesy_round_a_command_is_the_command(known: Pleasantries) -> None:
    assert known.command(known.plain("I'm sorry, could you say that again please")) == (
        "AMAZON.RepeatIntent"
    )
    assert known.command(known.plain("thank you, I'm ready for the next one")) == "NextSetIntent"


# Round 10 (conv10): a command read through swear words anywhere and softeners at the ends;
# a question keeps every word (a red flag's "bloody" is read before any of this).
@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("next bloody set", "NextSetIntent"),
        ("ok next damn set then", "NextSetIntent"),
        ("i'm stopping", "AMAZON.StopIntent"),
        ("alright let's try it then", "StartWorkoutIntent"),
        ("go on then let's give it a go", "StartWorkoutIntent"),
        ("what's this skill then", "AboutIntent"),
        ("so what is this thing", "AboutIntent"),
        ("lol that's easy", "HarderIntent"),
        # Not a command: a word beyond the command's is kept.
        ("next set is my favourite", None),
        ("bloody phlegm when I cough", None),
        ("what's this pain", None),
    ],
)
def test_a_command_is_read_through_swearing_and_softeners(
    known: Pleasantries, said: str, intent: str | None
) -> None:
    assert known.command(said) == intent


@pytest.mark.parametrize(
    ("said", "how"),
    [
        ("fine", True),
        ("good", True),
        ("not bad", True),
        ("all good", True),
        ("I'm fine", True),
        ("ok", False),  # a yes, not how the person is
        ("fine to run", False),
        ("good exercises for sitting", False),
    ],
)
def test_how_the_person_is(known: Pleasantries, said: str, how: bool) -> None:
    assert known.how_i_am(said) is how


@pytest.mark.parametrize(
    ("said", "again"),
    [
        ("you say ten", True),
        ("did you say eight", True),
        ("you said twelve", True),
        ("was that ten", True),
        ("ten", False),
        ("that was a seven", False),
    ],
)
def test_a_question_about_what_was_said(known: Pleasantries, said: str, again: bool) -> None:
    assert known.asks_again(said) is again
