"""What people say in the middle of a workout, in their own words, written before reading the
interaction model (issue 15, item 5).

Each utterance is typed through the console's resolver (what Alexa would send for it) into the
real lambda_handler on moto, one set into a first workout. Whatever it is, the person must get a
sensible spoken answer (never "didn't catch that", never the main menu), the workout must stay
where it was (no set lost, the workout still open), and "next set" must still move it on. Some
kinds of request must get a particular kind of answer: the current exercise's steps, a count, the
pain rule.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from hamstring_coach.domain.workout import WorkoutState, active_workout
from local.dialog import TextSession
from local.resolver import Resolver
from tests.conftest import FIXED_NOW, Clock
from tests.functional.test_personas import MENU, first_workout_started, mode_of, said
from tests.stored import stored_record

# Lines that mean the words were not understood, in any mode.
NOT_UNDERSTOOD = (
    "didn't catch",
    "missed that",
    "didn't get that",
    "not sure what you meant",
    "don't know that exercise",
)
NUMBER = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|no)\b")

# (utterance, what a sensible answer must also do): "steps" = the current exercise's set-up
# steps or its name; "count" = a number; "pain" = the pain rule; "" = any understood answer.
WORDS: list[tuple[str, str]] = [
    ("how do i do this one", "steps"),
    ("what's this", "steps"),
    ("what's this one again", "steps"),
    ("remind me how this one goes", "steps"),
    ("talk me through it", "steps"),
    ("what am i supposed to be doing", "steps"),
    ("what exercise is this", "steps"),
    ("show me again", ""),
    ("go back", ""),
    ("start over", ""),
    ("from the top", ""),
    ("back up a step", ""),
    ("again please", ""),
    ("wait what", ""),
    ("say that again", ""),
    ("sorry what did you say", ""),
    ("huh", ""),
    ("pardon", ""),
    ("repeat that", ""),
    ("slower", ""),
    ("can you go slower", ""),
    ("how many left", "count"),
    ("how many more sets", "count"),
    ("how many have i done", "count"),
    ("how long do i hold it", "count"),
    ("is this right", ""),
    ("am i doing this right", ""),
    ("it hurts when i do this", "pain"),
    ("ouch that hurts", "pain"),
    ("can i skip this one", ""),
    ("i want to skip this", ""),
    ("what's next", ""),
    ("hang on", ""),
    ("give me a sec", ""),
    # (round 35) a pause with words after it, an amount said first
    ("pause a sec, my phone's ringing", ""),
    ("hold up, the dog wants out", ""),
    ("stop a sec", ""),
    ("stop for a second, is this meant to burn", ""),
    ("two sets done, the left side burns a bit more", ""),
    ("this is too hard", ""),
    ("i'm confused", ""),
]


@pytest.fixture(scope="module")
def exercises(content_source: dict[str, Any]) -> dict[str, Any]:
    with open("content/en/exercises.yaml", encoding="utf-8") as f:
        items: dict[str, Any] = yaml.safe_load(f)["items"]
    return items


def workout_now(ddb: Any, settings: Any, chat: TextSession) -> WorkoutState | None:
    record = stored_record(ddb, settings, chat.user_id)
    assert record is not None
    return active_workout(record, FIXED_NOW.date())


def one_set_done(
    make_skill: Any, clock: Clock, resolver: Resolver, ddb: Any, settings: Any
) -> tuple[TextSession, WorkoutState]:
    """A first workout started and its first set done: mid-set, where the words are said."""
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    said(chat, "next set")
    before = workout_now(ddb, settings, chat)
    assert before is not None and before.current is not None and before.sets_done == 1
    return chat, before


def gives_steps(text: str, exercise: dict[str, Any]) -> bool:
    spoken = text.lower()
    first_step = str(exercise["setup"][0]).lower()[:40]
    return str(exercise["name"]).lower() in spoken or first_step in spoken


@pytest.mark.parametrize(("words", "kind"), WORDS, ids=[w for w, _ in WORDS])
def test_words_in_a_workout_are_answered_and_lose_nothing(
    words: str,
    kind: str,
    make_skill: Any,
    clock: Clock,
    resolver: Resolver,
    ddb: Any,
    settings: Any,
    exercises: dict[str, Any],
) -> None:
    chat, before = one_set_done(make_skill, clock, resolver, ddb, settings)

    answer = said(chat, words)

    assert answer, f"{words!r}: nothing said"
    heard = answer.lower()
    assert not any(m in heard for m in NOT_UNDERSTOOD), f"{words!r} not understood: {answer}"
    assert MENU not in answer, f"{words!r} fell back to the main menu: {answer}"
    # A pause may end the session, if the place is kept for a resume.
    assert chat.open or "saved" in heard, f"{words!r} closed the session: {answer}"
    after = workout_now(ddb, settings, chat)
    assert after is not None, f"{words!r} ended the workout: {answer}"
    assert after.sets_done >= before.sets_done, f"{words!r} lost a set: {answer}"
    if kind == "steps":
        assert before.current is not None  # one_set_done says so; for the type checker
        current = exercises[before.current.exercise_id]
        assert gives_steps(answer, current), f"{words!r} gave no steps: {answer}"
    elif kind == "count":
        assert NUMBER.search(heard), f"{words!r} gave no number: {answer}"
    elif kind == "pain":
        assert any(w in heard for w in ("pain", "sharp", "stop", "ease")), answer

    # The workout carries on from where it was.
    if not chat.open:
        said(chat, "ask hamstring coach to resume")
    for _ in range(3):
        said(chat, "next set")
        moved = workout_now(ddb, settings, chat)
        if moved is None or moved.sets_done > after.sets_done:
            break
        if mode_of(chat) != "workout":
            said(chat, "resume my workout")
    moved = workout_now(ddb, settings, chat)
    assert moved is None or moved.sets_done > after.sets_done, f"stuck after {words!r}"


@pytest.mark.parametrize(
    ("words", "exercise"),
    [
        ("how do i do the bridge where you lower slowly", "eccentric_bridge"),
        ("talk me through the deadlift one on one leg", "single_leg_rdl"),
        ("how do i do the nordic with someone holding my ankles", "nordic_curl"),
        ("how do i do that hip lift one where you hold it up", "isometric_bridge_hold"),
    ],
)
def test_an_exercise_named_in_other_words_is_walked_through(
    words: str, exercise: str, make_skill: Any, clock: Clock, resolver: Resolver
) -> None:
    chat = TextSession(make_skill(), resolver, clock=clock)
    said(chat, "open hamstring coach")
    answer = said(chat, words)
    assert mode_of(chat) == "walkthrough", answer
    assert chat.attributes["walk"] == {"ex": exercise, "step": 0}


def test_words_that_name_no_exercise_clearly_get_which_one_and_change_nothing(
    make_skill: Any, clock: Clock, resolver: Resolver
) -> None:
    chat = TextSession(make_skill(), resolver, clock=clock)
    said(chat, "open hamstring coach")
    answer = said(chat, "how do i do the leg one")
    assert "don't know that exercise" in answer and "how do I do a bridge" in answer
    assert mode_of(chat) != "walkthrough" and chat.open


def test_a_question_behind_a_hold_on_mid_set_is_answered_and_the_place_kept(
    make_skill: Any, clock: Clock, resolver: Resolver, ddb: Any, settings: Any
) -> None:
    # Round 35: "hang on, quick one, <question>" mid-set was a pause, and the question was
    # lost. A question the matcher answers is answered; words that ask nothing still pause.
    chat, before = one_set_done(make_skill, clock, resolver, ddb, settings)

    answer = said(chat, "hang on, quick one, can I put ice on it after the session")

    assert "ice" in answer.lower(), answer
    assert chat.open, answer
    kept = workout_now(ddb, settings, chat)
    assert kept is not None and kept.sets_done == before.sets_done, answer
    paused = said(chat, "hang on, my phone's ringing")
    assert "ice" not in paused.lower(), paused
    assert workout_now(ddb, settings, chat) is not None, paused
