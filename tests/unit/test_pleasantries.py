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
