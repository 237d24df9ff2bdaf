"""Round 23: a sentence whose first words match no carrier ("Grumbleweed, how long till the
tendon settles down") fell to AMAZON.FallbackIntent, and the words never reached the skill:
on holdout22, 201 of 693 on-topic questions in session. Most such sentences end on a common
word, so each word of interaction_models/tail_words.yaml is a carrier said last
("{query} down"), in TailQuestionIntent, last in the model: it takes only what no other
sample takes. Its words are read as an aside opener's are (red flags first); a few words
that name nothing ("all of them", "seven today") are the Fallback they were, so a moment
that gave Fallback a meaning keeps it. Sentences written for these tests, not taken from
any evaluation set, through the console's resolver into the real lambda_handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Grumbleweed, how long till the tendon settles down", "recovery_time"),
        ("Snickersnee, is breaststroke kick okay with it", "swimming"),
        ("Flibbertigibbet, should I ice the sore spot or use heat on it", "ice_heat"),
        ("Gobbledygook, will they have to operate on my hamstring", "surgery"),
        ("Blatherskite, how should I set up my desk for long days at work", "desk_driving"),
    ],
)
def test_a_question_behind_an_unknown_opener_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent == "TailQuestionIntent"
    chat = fresh()
    reply = said(chat, question)
    assert chat.attributes.get("faq_topic") == topic, reply


def test_a_red_flag_behind_an_unknown_opener_reaches_safety(
    fresh: Callable[[], TextSession], resolver: Resolver
) -> None:
    statement = "Grumbleweed, my calf is hot and swollen and I'm short of breath today"
    assert resolver.resolve(statement).intent == "TailQuestionIntent"
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


@pytest.mark.parametrize("words", ["all of them", "done with that", "seven today"])
def test_a_few_words_that_name_nothing_are_still_fallback(
    fresh: Callable[[], TextSession], resolver: Resolver, words: str
) -> None:
    garbled = "blorf zzqx wibble"
    assert resolver.resolve(words).intent == "TailQuestionIntent"
    assert resolver.resolve(garbled).intent == "AMAZON.FallbackIntent"
    states = []
    for text in (words, garbled):
        chat = fresh()
        said(chat, "what can you do")
        said(chat, text)
        states.append({k: v for k, v in chat.attributes.items() if k not in ("said", "_seal")})
    assert states[0] == states[1]


def test_every_other_sample_keeps_its_intent(resolver: Resolver) -> None:
    # The tail intents come last: a sample of any other intent, its slots filled, resolves
    # where it did (the resolver breaks a tie of literal words by model order).
    moved = [
        (intent, sample)
        for intent, sample in resolver.samples()
        if not intent.startswith("TailQuestion")
        and "{" not in sample
        and (resolver.resolve(sample).intent or "").startswith("TailQuestion")
    ]
    assert not moved, moved[:5]
