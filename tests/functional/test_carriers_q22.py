"""Round 22, after holdout21's measurement: about 90 of its in-session misses fell to
Fallback, most of them a question behind an opener no carrier held ("proper job", "plot
twist", "kinda dumb question but", "old boy", "tranqui") or before a tag none held
("... is that acceptable", "... is that what caused it", "... how I do it correct",
"... realistic one"). A fourth opener list (AsideQuestion4Intent) and tags in the intents
whose words the question needs back (OkQuestionIntent puts "is ok" back, WhyQuestionIntent
"why", WalkThroughQuestionIntent "guide me"; AsideQuestionIntent drops words that say
nothing) carry them. Sentences written for these tests, not taken from any evaluation set,
through the console's resolver into the real lambda_handler; the short answers of other
moments must still go where they went before (the "theft" guards)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("proper job, how many weeks till I can jog again", "recovery_time"),
        ("plot twist, can I still swim lengths with it", "swimming"),
        ("kinda dumb question but do I actually need a scan", "scans"),
        ("tranqui, is ice or heat better after training", "ice_heat"),
        ("old boy, will they have to operate on it", "surgery"),
        ("action item, how should I set up my desk chair", "desk_driving"),
    ],
)
def test_a_question_behind_a_new_opener_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent == "AsideQuestion4Intent"
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


@pytest.mark.parametrize(
    ("question", "intent", "topic"),
    [
        (
            "the bridges sting about a three out of ten, is that acceptable",
            "OkQuestionIntent",
            "pain_limits",
        ),
        (
            "I took up hill sprints in spring and then it started, is that what caused it",
            "WhyQuestionIntent",
            "causes",
        ),
        ("rolling on a foam roller every night, is this enough", "OkQuestionIntent", None),
    ],
)
def test_a_question_before_a_new_tag_keeps_its_meaning(
    fresh: Callable[[], TextSession],
    resolver: Resolver,
    question: str,
    intent: str,
    topic: str | None,
) -> None:
    assert resolver.resolve(question).intent == intent
    chat = fresh()
    reply = said(chat, question)
    if topic is not None:
        assert chat.attributes.get("faq_topic") == topic, reply


def test_a_red_flag_behind_a_new_opener_reaches_safety(
    fresh: Callable[[], TextSession], resolver: Resolver
) -> None:
    statement = "long shot but my calf is hot and swollen and I can't catch my breath"
    assert resolver.resolve(statement).intent == "AsideQuestion4Intent"
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


def test_an_off_topic_question_behind_a_new_opener_is_declined(
    fresh: Callable[[], TextSession],
) -> None:
    chat = fresh()
    said(chat, "holy moly, how do I get my sourdough to rise")
    assert chat.attributes.get("faq_topic") is None


@pytest.mark.parametrize(
    ("answer", "intent"),
    [
        # the morning check, the workout's pain scores and commands, the symptom check's
        # yes and no: no q22 carrier takes them (each has more literal words, or none fits)
        ("it feels fine", "MorningCompareIntent"),
        ("it is fine", "MorningCompareIntent"),
        ("a little worse", "MorningCompareIntent"),
        ("it felt fine", "NoPainIntent"),
        ("yeah fine", "AnswerYesIntent"),
        ("three out of ten", "PainReportIntent"),
        ("ok keep going", "AMAZON.ResumeIntent"),
        ("next one please", "NextSetIntent"),
        ("dunno really", "UnsureIntent"),
        ("nah not really", "AMAZON.NoIntent"),
        ("not sure but I think my leg is numb", "ReportEndNumbIntent"),
    ],
)
def test_short_answers_of_other_moments_are_not_taken(
    resolver: Resolver, answer: str, intent: str
) -> None:
    assert resolver.resolve(answer).intent == intent
