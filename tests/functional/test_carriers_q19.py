"""Round 19 (q19, issue 15): the eighteenth set's biggest kind of miss, by mechanism, with
new sentences. Most of its Fallbacks opened with a discourse marker of another language
carried into English ("alors", "cara", "yaani", "na ja", "sawa", "aigo") or a learner's
opener ("for me", "suppose"): no carrier matched, so Alexa sent no words. The markers are
a closed class per language (AsideQuestionMoreIntent), written wider than the ones read.
A topic's noun phrase said first in other words ("the shock waves", "eccentric training",
"a hot towel", "lying on my side") is its topic intent's carrier, as in round 18.
Through the console's resolver into the real lambda_handler on moto; what the skill did is
read from the session, never from the wording."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("alors how many weeks before this tendon settles down", "recovery_time"),
        ("cara is a scan worth doing", "scans"),
        ("yaani why would a tendon go bad like this", "causes"),
        ("na ja, can I still swim lengths with it", "swimming"),
        ("sawa, is it okay to ice it after training", "ice_heat"),
        ("oppa is shockwave any use here", "shockwave"),
        ("for me the gym is everything, are squats okay", "gym"),
        ("suppose I rest it completely for a month, will it heal", "rest"),
        ("riding my bike to work is fine gell", "cycling"),
    ],
)
def test_a_question_after_another_languages_marker_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent == "AsideQuestionMoreIntent"
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


def test_a_red_flag_behind_a_marker_reaches_safety_first(
    fresh: Callable[[], TextSession], resolver: Resolver
) -> None:
    statement = "mano I can't feel my bum when I wipe and I keep wetting myself"
    assert resolver.resolve(statement).intent == "AsideQuestionMoreIntent"
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


def test_an_off_topic_question_behind_a_marker_is_still_declined(
    fresh: Callable[[], TextSession],
) -> None:
    chat = fresh()
    said(chat, "dai how do I get my tomatoes to ripen faster")
    assert chat.attributes.get("faq_topic") is None


@pytest.mark.parametrize(
    ("question", "intent", "topic"),
    [
        ("the shock waves, do they actually do anything", "ShockwaveIntent", "shockwave"),
        ("shockwave treatment, how many sessions", "ShockwaveIntent", "shockwave"),
        ("eccentric training, why does it have to be so slow", "LoadingIntent", "slow_loading"),
        ("a hot towel on it at night, good idea", "IceHeatIntent", "ice_heat"),
        ("lying on my side with a pillow, is that better", "SleepIntent", "sleep"),
        ("walking lunges, should I drop them", "GymIntent", "gym"),
        ("weeks or months, honestly", "RecoveryTimeIntent", "recovery_time"),
    ],
)
def test_a_topic_named_first_in_other_words_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, intent: str, topic: str
) -> None:
    assert resolver.resolve(question).intent == intent
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # A question word contracted with its verb ("how'd", "why've") matched no carrier.
        ("why'd my tendon go bad when I never hurt it", "causes"),
        ("how'd you sit on a long flight with this", "desk_driving"),
        ("how'm I meant to tell a tear from a tired old tendon", "tendinopathy_vs_strain"),
    ],
)
def test_a_question_word_said_with_its_verb_contracted_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent in ("WhyQuestionIntent", "MoreQuestionIntent")
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


@pytest.mark.parametrize(
    "question",
    ["gentle stretching after work, good for it", "static stretches, do they help it heal"],
)
def test_a_kind_of_stretching_said_first_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str
) -> None:
    assert resolver.resolve(question).intent == "StretchingIntent"
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == "stretching"
