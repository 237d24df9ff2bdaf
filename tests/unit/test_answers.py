"""A yes, a no or "not sure" in people's own words (domain/answers.py), on the content's own
word lists: a story after the answer, a mind changed half-way, filler before it."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain.answers import AnswerWords, about_pain, polarity, story_answer
from hamstring_coach.domain.triage import Question, load_questions


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
        # Round 14: a yes word that strengthens a no is a no.
        ("definitely not", "no"),
        ("definitely wasn't gradual, I can tell you that", "no"),
        ("of course not, I'd have said", "no"),
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


# --- a story that answers one of the comparison's questions in its own words -------------


@pytest.fixture(scope="module")
def compare(content_source: dict[str, Any]) -> dict[str, Question]:
    questions = load_questions(content_source["en"]["symptom_question"])
    return {q.id: q for q in questions.compare}


@pytest.mark.parametrize(
    ("question", "said", "meant"),
    [
        ("onset", "well it crept up on me over a couple of months", "yes"),
        ("onset", "bit by bit really, since the spring", "yes"),
        ("onset", "it came on all of a sudden at netball", "no"),
        ("onset", "felt something go halfway up a hill", "no"),
        ("pain_type", "more of a nagging ache to be honest", "yes"),
        ("pain_type", "like a knife when I get up", "no"),
        ("cause", "I upped my mileage for the marathon", "yes"),
        ("cause", "I slipped on the wet grass", "no"),
    ],
)
def test_a_story_answers_a_comparison_question_by_its_own_words(
    question: str, said: str, meant: str, compare: dict[str, Question], known: AnswerWords
) -> None:
    q = compare[question]
    assert polarity(said, known) is None  # no plain yes or no: the story is all there is
    assert story_answer(said, q.said_yes, q.said_no, known.negations) == meant


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # Negated, or both sides at once: asked again, never guessed.
        ("onset", "it wasn't gradual"),
        ("onset", "it crept up and then all of a sudden it got bad"),
        ("pain_type", "a dull ache but sharp when I sit"),
        ("cause", "I didn't train more or anything"),
        # Nothing of either side.
        ("onset", "my husband says I moan too much"),
    ],
)
def test_a_story_that_is_negated_mixed_or_beside_the_point_answers_nothing(
    question: str, said: str, compare: dict[str, Question], known: AnswerWords
) -> None:
    q = compare[question]
    assert story_answer(said, q.said_yes, q.said_no, known.negations) is None


def test_no_red_flag_question_is_answered_by_story_words(content_source: dict[str, Any]) -> None:
    """A story's words never answer a red-flag question (it could read a no out of one):
    those are answered by the red-flag check of the same words, or asked again."""
    items = content_source["en"]["symptom_question"]
    for qid, body in items.items():
        if body.get("group") == "red_flag":
            assert "said_yes" not in body and "said_no" not in body, qid
    assert all(not q.said_yes and not q.said_no for q in load_questions(items).red_flags)
