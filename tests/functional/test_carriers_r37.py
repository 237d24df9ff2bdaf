"""Round 37, after holdout38's one measurement: its missed red-flag statements and its
questions that fell to Fallback, read by kind once it was retired.

- Signs said behind an opener the model lacked: a form of address ("caserito", "posta"),
  "think I've got", "hopping", "temperature's", a giant bruise, "back of my legs" (said
  "leg's" it is heard as the plural, so both legs are kept), "left calf's".
- Terse questions that are a topic's own words ("saddle height?", "jog or walk?", "pull or
  tendon?").
- What a topic intent's carriers stand for (content `carried_as`): "doctor {query}" puts back
  "doctor", not "when to see a doctor", so a treatment a doctor suggested is what is asked.
- Weather and a drive's length are no topic ("is it gonna be windy", "drive time to ...").

Sentences written for these tests, through the console's resolver into the real
lambda_handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.eval.harness import Classifier
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("statement", "level"),
    [
        ("caserito, since this morning I can't hold my wee at all", "emergency"),
        ("posta, after the tackle there's a dent under my butt cheek", "urgent"),
        ("think I've got foot drop, it slaps when I walk", "urgent"),
        ("hopping everywhere since the match, that leg just won't go down", "urgent"),
        ("temperature's thirty nine and the back of my thigh throbs", "urgent"),
        ("giant bruise down the back of my thigh since the fall", "urgent"),
        ("back of my legs are numb and weak since yesterday", "emergency"),
        ("left calf's bigger than the right and it's hot", "urgent"),
    ],
)
def test_a_sign_behind_a_new_opener_reaches_the_advice(
    fresh: Callable[[], TextSession],
    resolver: Resolver,
    classify: Classifier,
    statement: str,
    level: str,
) -> None:
    assert resolver.resolve(statement).intent != FALLBACK
    reply = said(fresh(), statement)
    assert classify.level(reply) == level, reply


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("saddle height?", "cycling"),
        ("jog or walk?", "running"),
        ("soft or hard chair?", "sitting"),
        ("side or back?", "sleep"),
        ("pull or tendon, which is it", "tendinopathy_vs_strain"),
        ("donut cushion any good?", "sitting"),
        ("ride my bike to the shops, yay or nay", "cycling"),
        # a form of address said first
        ("apo, can I still go walking on the hills", "walking"),
    ],
)
def test_a_terse_question_in_a_topics_own_words_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent != FALLBACK
    chat = fresh()
    reply = said(chat, question)
    assert chat.attributes.get("faq_topic") == topic, reply


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # a treatment a doctor suggested is what is asked
        ("doctor at the clinic says injection, should I go for it", "injections"),
        # whom to see is still the doctor's answer
        ("doctor or physio, who should I see first", "see_doctor"),
    ],
)
def test_the_doctor_carriers_put_back_who_not_when(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent == "WhenToSeeDoctorIntent"
    chat = fresh()
    reply = said(chat, question)
    assert chat.attributes.get("faq_topic") == topic, reply


@pytest.mark.parametrize(
    "question",
    ["is it gonna be windy this afternoon on the coast", "what is the drive time to the airport"],
)
def test_the_weather_and_a_drives_length_are_declined(
    fresh: Callable[[], TextSession], question: str
) -> None:
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") is None
