"""(op23) World openers: a greeting, a thanks, a kin or respect term, an exclamation or a
discourse marker of the world's languages and Englishes said before an ordinary question
("janab, ...", "kia orana, ...", "achachay, ..."). Such a sentence fell to Fallback (no
carrier held its first word) and none of its words reached the skill; the generated
WorldOpener*Intent chunks (interaction_models/world_openers.yaml, tools/world_openers.py)
carry them and route as the aside openers do. Sentences written for these tests, not taken
from any evaluation set, through the console's resolver into the real lambda_handler; the
short answers and commands of other moments must still go where they went before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from tests.functional.test_personas import said


def _world(intent: str | None) -> bool:
    return bool(intent) and str(intent).startswith("WorldOpener")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("doncs, can I still swim lengths with it", "swimming"),
        ("kia orana, do I actually need a scan", "scans"),
        # the first word of a two-word greeting carries the question alone too
        ("kia, do I actually need a scan", "scans"),
        ("achachay, will they have to operate on it", "surgery"),
        ("tankyu tumas, how should I set up my desk chair", "desk_driving"),
        ("ntate, my sit bone hurts since spring, how long until it goes", "recovery_time"),
        # (round 37) a Filipino form of address
        ("apo, can I still go walking on the hills", "walking"),
        # (round 38) a tag said last that never ends an answer
        ("a little mobility is fine though, ain't it", "stretching"),
        ("three to five seconds down, not so", "slow_loading"),
        # (round 38) a soldier's "hooah" and Acadian "pis" said first
        (
            "hooah, sitting in class seven hours straight, what can I do for my sit bone",
            "sitting",
        ),
        ("pis, after the operation, how long off work", "surgery"),
    ],
)
def test_a_question_behind_a_world_opener_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert _world(resolver.resolve(question).intent), resolver.resolve(question).describe()
    chat = fresh()
    reply = said(chat, question)
    assert chat.attributes.get("faq_topic") == topic, reply


@pytest.mark.parametrize(
    "statement",
    [
        "ostres, my calf is hot and swollen and I can't catch my breath",
        "wisha, I can't feel my bum and I have wet myself",
    ],
)
def test_a_red_flag_behind_a_world_opener_reaches_safety(
    fresh: Callable[[], TextSession], resolver: Resolver, statement: str
) -> None:
    assert _world(resolver.resolve(statement).intent)
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


def test_a_command_behind_a_world_opener_is_that_command(resolver: Resolver) -> None:
    out = resolver.resolve("namaste, start my workout")
    assert _world(out.intent) and out.slot_value("query") == "start my workout"


@pytest.mark.parametrize(
    ("answer", "intent"),
    [
        # commands, yes and no, the morning check and the pain score: no world opener takes
        # them (ordinary English and every yes or no are never a world opener's first word)
        ("yeah I'm ready", "NextSetIntent"),
        ("next one please", "NextSetIntent"),
        ("nah not really", "AMAZON.NoIntent"),
        ("ok keep going", "AMAZON.ResumeIntent"),
        ("three out of ten", "PainReportIntent"),
        ("yes please", "AMAZON.YesIntent"),
        ("no thanks", "AMAZON.NoIntent"),
        ("stop", "AMAZON.StopIntent"),
        ("help", "AMAZON.HelpIntent"),
        ("start my workout", "StartWorkoutIntent"),
        ("repeat that", "AMAZON.RepeatIntent"),
        ("skip this one", "SkipExerciseIntent"),
        ("let's go", "AMAZON.YesIntent"),
        ("go back", "AMAZON.PreviousIntent"),
        ("it feels fine", "MorningCompareIntent"),
        ("a little worse", "MorningCompareIntent"),
        ("yeah fine", "AnswerYesIntent"),
        ("dunno really", "UnsureIntent"),
        ("pause", "AMAZON.PauseIntent"),
        ("run me through it", "WalkThroughQuestionIntent"),
    ],
)
def test_commands_and_answers_are_not_taken(resolver: Resolver, answer: str, intent: str) -> None:
    assert resolver.resolve(answer).intent == intent
