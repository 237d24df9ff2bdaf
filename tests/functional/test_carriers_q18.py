"""Round 18 (q18, issue 15): the seventeenth set's weakest kinds, by mechanism, with new
sentences. A walkthrough request whose exercise name is too long or too odd for the
exercise slot ("... take me through them", "walk me through the X, my brother can hold my
feet") fell to AMAZON.FallbackIntent; the steps asked for someone else or done together
("take my dad through ...", "... with me") were answered as a topic; words said around a
question that name no topic (what a person is called, an interjection, a question tag
said last) fell to Fallback. Through the console's resolver into the real lambda_handler
on moto; what the skill did is read from the session, never from the wording."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.functional.test_personas import said


def _walked(chat: TextSession) -> str | None:
    walk = chat.attributes.get("walk")
    return str(walk.get("ex")) if isinstance(walk, dict) else None


@pytest.mark.parametrize(
    ("request_", "exercise"),
    [
        # The walkthrough carrier: the name with words after it the slot cannot hold.
        (
            "can you walk me through the nordic curl please, my brother is going to hold my feet",
            "nordic_curl",
        ),
        ("romanian deadlifts, take me through them please", "romanian_deadlift"),
        (
            "could you show me the bridge hold again, I lost my place halfway through it",
            "isometric_bridge_hold",
        ),
        (
            "run me through the single leg deadlift, I am wobbling all over the place",
            "single_leg_rdl",
        ),
        (
            "could you guide me through the slow lowering bridge, I keep rushing it",
            "eccentric_bridge",
        ),
        # The steps for someone else, or done together (the lexicon's new cues).
        ("can you take my dad through the single leg deadlift, he is here", "single_leg_rdl"),
        ("can you do the nordics along with me", "nordic_curl"),
        # A name misheard ("roaming" for "Romanian") and a hinge described as a bow.
        ("tell me how to do the roaming deadlift", "romanian_deadlift"),
    ],
)
def test_a_walkthrough_request_in_other_words_starts_the_steps(
    fresh: Callable[[], TextSession], resolver: Resolver, request_: str, exercise: str
) -> None:
    assert resolver.resolve(request_).intent != FALLBACK
    chat = fresh()
    said(chat, request_)
    assert _walked(chat) == exercise


@pytest.mark.parametrize(
    "question",
    [
        # A comparison is another question, though "how do the ..." now asks for steps.
        "how do the nordics compare with the deadlifts",
        # The walkthrough carrier with no exercise named is read as any question.
        "can you walk me through what to do about sitting at work all day",
        # "Through" with no one between the verb and it is about pain, not the steps.
        "the deadlifts sting a bit, should I push through it",
        "can I keep running through the ache on the nordics",
    ],
)
def test_other_questions_in_a_request_frame_start_no_walkthrough(
    fresh: Callable[[], TextSession], question: str
) -> None:
    chat = fresh()
    said(chat, question)
    assert _walked(chat) is None
    # Read as a question: answered, or (round 27, since the question model learned
    # holdout26) "the deadlifts sting ... push through it" offered as the gym or the pain
    # rules, both fair readings.
    assert chat.attributes.get("faq_topic") is not None or chat.attributes.get("faq_choices")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("copy that, how long till this thing heals", "recovery_time"),
        ("dei should I be getting a scan for it", "scans"),
        ("auntie, my heat pad or an ice pack, which one tonight", "ice_heat"),
        ("is the swimming pool alright with this tendon or nah", "swimming"),
    ],
)
def test_a_question_with_an_aside_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent == "AsideQuestionIntent"
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


def test_a_red_flag_behind_an_aside_reaches_safety_first(
    fresh: Callable[[], TextSession], resolver: Resolver
) -> None:
    statement = "acha my bum is numb when I wipe and my bladder is leaking"
    assert resolver.resolve(statement).intent == "AsideQuestionIntent"
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


@pytest.mark.parametrize(
    ("said_alone", "topic"),
    [
        # A topic's short or slang name said alone, with no carrier: the topic slot's
        # synonyms (a jab, the op, reps and sets, bed rest, get it checked) or its intent.
        ("steroid shots", "injections"),
        ("going under the knife", "surgery"),
        ("reps and sets", "how_often"),
        ("bed rest", "rest"),
        ("get it checked", "see_doctor"),
    ],
)
def test_a_topic_named_alone_in_slang_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, said_alone: str, topic: str
) -> None:
    assert resolver.resolve(said_alone).intent != FALLBACK
    chat = fresh()
    said(chat, said_alone)
    assert chat.attributes.get("faq_topic") == topic


@pytest.mark.parametrize(
    "question",
    [
        # "Running" borrowed by a machine or a business: off topic, though an aside
        # carrier now brings such questions to the matcher.
        "bhai how do I keep the generator running during load shedding",
        "how do I keep my market stall business running through winter",
    ],
)
def test_a_machine_or_business_running_is_not_a_running_question(
    fresh: Callable[[], TextSession], question: str
) -> None:
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") is None
