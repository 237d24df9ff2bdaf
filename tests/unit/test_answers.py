"""A yes, a no or "not sure" in people's own words (domain/answers.py), on the content's own
word lists: a story after the answer, a mind changed half-way, filler before it."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain.answers import AnswerWords, about_pain, polarity


@pytest.fixture(scope="module")
def known(content_source: dict[str, Any]) -> AnswerWords:
    return AnswerWords.from_content(content_source["en"]["faq_lexicon"]["answer_words"])


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        # A yes or no, then a story.
        ("yes go on, I've got time before lunch", "yes"),
        ("well yes now you mention it", "yes"),
        ("aye go on", "yes"),
        ("why not, I've nowhere to be till the news comes on", "yes"),
        ("no, we took the old bench to the tip when we moved house", "no"),
        ("no, nothing like that, my neighbour had that after his hip operation but not me", "no"),
        ("not unless a cool box counts, so no", "no"),
        ("nah mate", "no"),
        # A mind changed: the last answer counts.
        ("yes, no wait, no", "no"),
        ("yeah, sorry, I mean no", "no"),
        ("no, actually yes, it was gradual", "yes"),
        ("no hold on, okay yes ready", "yes"),
        ("yes, oh no actually not now", "no"),
        ("no, oh wait, yes I do", "yes"),
        # Unsure anywhere is unsure ("not sure" counts as a yes in the check).
        ("yes, or no, I'm not sure", "unsure"),
        ("I couldn't say to be honest", "unsure"),
        ("dunno", "unsure"),
    ],
)
def test_the_answer_in_a_sentence(said: str, meant: str, known: AnswerWords) -> None:
    assert polarity(said, known) == meant


@pytest.mark.parametrize(
    "said",
    [
        "my neighbour said no",  # a no inside a story is not an answer
        "I live on a boat",
        "the dog's out in the garden",
        "",
    ],
)
def test_no_answer_in_a_story(said: str, known: AnswerWords) -> None:
    assert polarity(said, known) is None


def test_pain_said_with_an_answer_is_noticed(known: AnswerWords) -> None:
    assert about_pain("yes but it hurts a lot", known)
    assert not about_pain("yes go on then", known)


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        # Round 9: the answer said last, after a lead-in of the speaker's own.
        ("let me think, I'm gonna say no", "no"),
        ("hmm, I'd have to say no to that one", "no"),
        ("honestly, I'd say yes", "yes"),
        # ... or opening the clause after "but", after what someone else thinks.
        ("well my husband thinks so but no, not really", "no"),
        ("my wife says I should get it looked at but no, I don't think so", "no"),
    ],
)
def test_the_answer_said_last(said: str, meant: str, known: AnswerWords) -> None:
    assert polarity(said, known) == meant


@pytest.mark.parametrize(
    "said",
    [
        "my neighbour said no but",  # nothing after the "but"
        "he'd say no but I'm not so sure",  # someone else's lead-in; unsure anyway
        "the doctor said no",
    ],
)
def test_someone_elses_answer_is_still_a_story(said: str, known: AnswerWords) -> None:
    assert polarity(said, known) in (None, "unsure")
