"""Round fb22: what still fell to Fallback over every readable set, by shape. The biggest
groups were a question said after a clause with a closer no carrier held ("..., what can
do", "..., any tips for the tendon", "... will that be fine"), the copula questions of
learners' English with no "it" ("rowing is okay for this leg?", "... is dangerous for the
tendon"), fragments ("sitting hurts. any fix") and openers of other languages ("manito",
"como se dice", "entao") or registers ("true or not", "ballpark"). Sentences written for
these tests, not taken from any evaluation set, through the console's resolver into the
real lambda_handler; the short answers of other moments must still go where they went
before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("question", "intent", "topic"),
    [
        ("rowing machine is okay for this leg?", "OkQuestionIntent", "gym"),
        ("breaststroke kicking is safe for the tendon", "OkQuestionIntent", "swimming"),
        ("a hot water bottle on it, okay or bad for the tendon", "OkQuestionIntent", "ice_heat"),
        ("going on a long hike next week, will that be fine", "OkQuestionIntent", "walking"),
        # (round 42) A hard seat at work is sitting and desk work both: the learned opinion,
        # retrained on holdout43 (whose writers labelled "the warehouse seat's rock hard, how
        # do I sit on that all shift" desk and driving), now answers it with the desk answer
        # (a cushion that frees the sit bone, a break every half hour). Either answer serves.
        ("my office stool is rock hard, what can do", "AsideQuestionIntent",
         ("sitting", "desk_driving")),
        ("sitting in lectures all day kills, any tips for the tendon", "AsideQuestionIntent",
         "sitting"),
        ("como se dice, do I actually need an mri for this", "AsideQuestion4Intent", "scans"),
        ("manito, how long does this usually take to heal", "AsideQuestion4Intent",
         "recovery_time"),
    ],
)  # fmt: skip
def test_a_question_on_a_new_carrier_is_answered(
    fresh: Callable[[], TextSession],
    resolver: Resolver,
    question: str,
    intent: str,
    topic: str | tuple[str, ...],
) -> None:
    assert resolver.resolve(question).intent == intent
    chat = fresh()
    reply = said(chat, question)
    topics = (topic,) if isinstance(topic, str) else topic
    assert chat.attributes.get("faq_topic") in topics, reply


@pytest.mark.parametrize(
    "statement",
    [
        "my thigh went hot and swollen overnight and I feel breathless, is that safe for the"
        " tendon",
        "mira, I can't feel the skin where I sit on the saddle since this morning",
    ],
)
def test_a_red_flag_on_a_new_carrier_reaches_safety(
    fresh: Callable[[], TextSession], statement: str
) -> None:
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


@pytest.mark.parametrize(
    ("answer", "intent"),
    [
        # no fb22 carrier takes the short answers of other moments: the morning check,
        # the workout's pain scores and commands, the symptom check's yes/no/not sure
        ("a little worse", "MorningCompareIntent"),
        ("it is fine", "MorningCompareIntent"),
        ("it felt fine", "NoPainIntent"),
        ("yeah fine", "AnswerYesIntent"),
        ("three out of ten", "PainReportIntent"),
        ("next one please", "NextSetIntent"),
        ("dunno really", "UnsureIntent"),
        ("nah not really", "AMAZON.NoIntent"),
        ("start my workout", "StartWorkoutIntent"),
    ],
)
def test_short_answers_of_other_moments_are_not_taken(
    resolver: Resolver, answer: str, intent: str
) -> None:
    assert resolver.resolve(answer).intent == intent


def test_a_calm_statement_with_no_problem_is_not_a_question(resolver: Resolver) -> None:
    # "no problem" was left out as a tag: it took calm reports ("I can stand on it no problem")
    assert resolver.resolve("I walked the dog this morning no problem").intent != (
        "OkQuestionIntent"
    )
