"""A question that is really a request for today's workout (domain/asks.py), on the
content's own word lists."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain import faq
from hamstring_coach.domain.asks import (
    WorkoutWords,
    asks_for_workout,
    asks_what_is_on,
    asks_what_now,
    for_someone_else,
    on_a_surface,
    short_of_time,
)


@pytest.fixture(scope="module")
def lexicon(content_source: dict[str, Any]) -> faq.Lexicon:
    return faq.lexicon_from(content_source["en"]["faq_lexicon"])


@pytest.fixture(scope="module")
def known(content_source: dict[str, Any]) -> WorkoutWords:
    return WorkoutWords.from_content(content_source["en"]["faq_lexicon"]["workout_requests"])


@pytest.mark.parametrize(
    "question",
    [
        "what have I got on today",
        "what've I got on today then",
        "can we start my rehab",
        "should I do my exercises today",
        "is there a session today",
        "what's in the program",
        "um so like my workout",
        # Round 11: a request, then a clause about the rest of the day.
        "i've to do my exercises before we go to the shops",
        "i need to do my rehab before work",
        "let's do the exercises while the baby sleeps",
    ],
)
def test_requests_for_the_workout(lexicon: faq.Lexicon, known: WorkoutWords, question: str) -> None:
    assert asks_for_workout(question, lexicon, known)


@pytest.mark.parametrize(
    "question",
    [
        "how often should I do my exercises",
        "should I exercise through the pain",
        "is today a rest day",
        "should I start running today",
        "what exercises help with sitting",
        "can I do exercises if it hurts",
        "what are we doing",
        "my sciatica today",
        # Asked as a question, the clause is the question: timing, for the matcher.
        "should I do my exercises before a run",
        "can I do my exercises after the gym",
        "is it ok to do the exercises before bed",
        # The words before the clause must be a request on their own.
        "my knee hurts before my exercises",
        # A clause that asks a question keeps the whole a question.
        "i do my exercises before running is that ok",
        "i do my exercises after work would mornings be better",
    ],
)
def test_questions_about_the_exercises_stay_questions(
    lexicon: faq.Lexicon, known: WorkoutWords, question: str
) -> None:
    assert not asks_for_workout(question, lexicon, known)


def test_no_words_listed_means_no_request(lexicon: faq.Lexicon) -> None:
    assert not asks_for_workout("my workout today", lexicon, WorkoutWords())


def test_an_acknowledgement_said_first_leaves_the_request(
    lexicon: faq.Lexicon, known: WorkoutWords
) -> None:
    assert asks_for_workout("oh I see, I'd like to do the exercises", lexicon, known)
    assert asks_for_workout("ok thanks, what have I got on today", lexicon, known)
    assert not asks_for_workout("I see, how often should I do my exercises", lexicon, known)


# Round 10 (conv10): a request to be told the workout is read the plan; one to do it is
# still offered.
@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("could you please tell me what my exercises are for today", True),
        ("what i'm doing today", True),
        ("you tell me which exercises i have today please", True),
        ("my exercises for today", True),
        ("should I do my exercises today", False),
        ("can we start my rehab", False),
        ("how often should I do my exercises", False),  # not a workout request at all
    ],
)
def test_a_request_to_be_told_the_workout(
    lexicon: faq.Lexicon, known: WorkoutWords, question: str, told: bool
) -> None:
    assert asks_what_is_on(question, lexicon, known) is told


@pytest.mark.parametrize(
    "question",
    [
        "can you take my mum through her exercises",
        "a relative had this can you do his workout with him",
        "I want to help my husband with his rehab",
        "could you coach my dad through today's session",
    ],
)
def test_a_workout_asked_for_someone_else(
    lexicon: faq.Lexicon, known: WorkoutWords, question: str
) -> None:
    # (round 20) A carer asking got a choice of topics ("how often, or how much pain?").
    assert asks_for_workout(question, lexicon, known)
    assert for_someone_else(question, known)


@pytest.mark.parametrize(
    "question",
    [
        "should my husband do the exercises every day",  # how often: the matcher's
        "can my dad do the exercises if his knee hurts",
        "my son's exercises for football",
    ],
)
def test_a_question_about_someone_elses_exercises_is_still_a_question(
    lexicon: faq.Lexicon, known: WorkoutWords, question: str
) -> None:
    assert not asks_for_workout(question, lexicon, known)


def test_my_own_workout_is_for_no_one_else(known: WorkoutWords) -> None:
    assert not for_someone_else("can we start my rehab", known)


@pytest.mark.parametrize(
    ("said", "short"),
    [
        ("I've only got ten minutes today", True),
        ("I only have half an hour", True),
        ("I'm in a bit of a rush", True),
        ("can we do a shorter session", True),
        ("I don't have long this morning", True),
        ("how many minutes should I hold it", False),
        ("the only time it hurts is sitting", False),
        ("I only have a towel, no mat", False),
        ("should I rest for a long time", False),
    ],
)
def test_time_said_to_be_short(known: WorkoutWords, said: str, short: bool) -> None:
    assert short_of_time(said, known) is short


@pytest.mark.parametrize(
    ("said", "where"),
    [
        ("can I do it on the bed", True),
        ("is it ok to do these on a sofa", True),
        ("do I need a mat or can I do the bridges on the carpet", True),
        ("is it fine to exercise on a hard floor", True),
        ("can I do my exercises in bed", True),
        ("sitting on the sofa makes it ache", False),
        ("how do I do nordics with my feet under the couch", False),
        ("should I do it after lying in bed all day", False),
        ("should I be on bed rest", False),
    ],
)
def test_where_to_do_the_exercises(known: WorkoutWords, said: str, where: bool) -> None:
    assert on_a_surface(said, known) is where


@pytest.mark.parametrize(
    ("said", "vague"),
    [
        ("should i do", True),  # "what {query}"
        ("what am i meant to do", True),
        ("so what now", True),
        ("thing to do", True),  # "what's the best {query}"
        ("should i do about sitting", False),
        ("should i do if it flares", False),
        ("what", False),
        ("should i", False),
    ],
)
def test_what_to_do_about_nothing_named(known: WorkoutWords, said: str, vague: bool) -> None:
    assert asks_what_now(said, known) is vague


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # (round 36) whether words ask anything: a sign worth booking for has its question
        # answered after the advice only when one was asked (handlers/faq.py)
        ("four months and no better, is that when a scan makes sense", True),
        ("three months or six months, which is more realistic", True),
        ("six weeks of bridges and nothing's changed, should I try shockwave", True),
        ("my pain keeps me up every night, what can I do", True),
        ("lost weight without trying", False),
        ("it keeps me up at night", False),
        ("it's not getting better after six weeks", False),
        ("I've lost weight and I don't know why", False),
        ("no idea what set it off but it wakes me every night", False),
    ],
)
def test_words_that_ask_something_are_told_from_a_statement(
    lexicon: faq.Lexicon, text: str, asks: bool
) -> None:
    assert faq.asks_something(text, lexicon) is asks
