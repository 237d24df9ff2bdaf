"""The voice rules, checked on the turns a person hears (tests/voice_walk.py renders them
through the real lambda_handler): short turns, one question at a time, a short reprompt on
every open question that is not the prompt again, help and fallback that fit the moment,
valid SSML. docs/voice.md explains each rule and its figure.

The word limits stand in for time: at Alexa's pace of about 150 words a minute, 30 words
is about 12 s. `test_turns_read_aloud_by_espeak` times the same turns with espeak-ng where
it is installed (not on CI).
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import wave
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hamstring_coach.app import LambdaHandler
from tests.conversation import Conversation
from tests.voice_walk import (
    Turn,
    before_question,
    frequent_turns,
    is_instruction,
    is_timed,
    plain_text,
    talk_part,
    words,
)

# An open turn says at most this many words (about 10 s) before its ask: the sentence with
# its question, or its closing "say ...".
MAX_WORDS_BEFORE_ASK = 25
# Allowed more, each for a reason: a turn that carries health advice and its disclaimer
# (a symptom-check outcome, help with the disclaimer), today's plan (a list the person asked
# for, one short sentence an exercise), a turn that ends the session, and an exercise's
# spoken set-up (its steps read one by one before the person says "ready").
MAX_WORDS_WITH_DISCLAIMER = 45
MAX_WORDS_PLAN = 40
MAX_WORDS_CLOSING = 45
MAX_WORDS_SETUP = 120
DISCLAIMED = ("not a diagnosis", "not medical advice", "can't diagnose", "not a doctor")
# An answer to a question is the FAQ's short answer (held to one breath by
# tests/unit/test_faq_content.py) with the disclaimer and the way back: not measured here.
FAQ_ANSWER = "question:"
MAX_WORDS_REPROMPT = 30
MAX_SECONDS_BEFORE_ASK = 12.0  # espeak-ng reads a little faster than Alexa
SSML_TAGS = {"speak", "break", "say-as", "emphasis", "prosody", "s", "p", "sub", "phoneme"}


@pytest.fixture
def turns(
    make_skill: Callable[..., LambdaHandler], clock: Any, ddb: Any, settings: Any
) -> list[Turn]:
    return frequent_turns(make_skill(), clock, ddb, settings)


def _talk(turn: Turn) -> str:
    """What the rules measure: a set's talk after its timed part; not a set-up's steps."""
    return talk_part(turn.speech) if is_timed(turn.speech) else turn.speech


def test_the_walk_reaches_every_frequent_turn(turns: list[Turn]) -> None:
    labels = {t.label.split(":")[0] for t in turns}
    for needed in ("launch", "help", "fallback", "today's plan", "start", "workout", "pain"):
        assert needed in labels, needed
    for mode in ("workout", "pain_check", "morning_check", "symptom_check", "walkthrough"):
        assert any(t.mode == mode for t in turns), mode
    said = " ".join(plain_text(t.speech) for t in turns)
    for heard in ("Rep 2", "Rest", "Set 2 of", "halfway", "not a diagnosis", "nine one one"):
        assert heard.lower() in said.lower(), heard


def test_every_turn_is_valid_ssml(turns: list[Turn]) -> None:
    for turn in turns:
        for ssml in (turn.speech, turn.reprompt):
            if ssml is None:
                continue
            root = ET.fromstring(f"<speak>{ssml}</speak>")
            assert {el.tag for el in root.iter()} <= SSML_TAGS, turn.label


def test_one_question_per_turn(turns: list[Turn]) -> None:
    for turn in turns:
        assert plain_text(turn.speech).count("?") <= 1, (turn.label, plain_text(turn.speech))


def test_every_question_keeps_the_session_open_with_a_short_different_reprompt(
    turns: list[Turn],
) -> None:
    for turn in turns:
        if "?" in plain_text(turn.speech):
            assert not turn.ended and turn.reprompt, turn.label
        if turn.reprompt is None:
            continue
        reprompt = plain_text(turn.reprompt)
        assert reprompt != plain_text(turn.speech), turn.label
        assert words(reprompt) <= MAX_WORDS_REPROMPT, (turn.label, reprompt)


def word_limit(turn: Turn) -> int:
    talk = _talk(turn)
    disclaimed = any(d in plain_text(talk) for d in DISCLAIMED)
    if is_instruction(talk):
        return MAX_WORDS_SETUP
    if turn.ended:
        return MAX_WORDS_CLOSING + (MAX_WORDS_WITH_DISCLAIMER - MAX_WORDS_BEFORE_ASK) * disclaimed
    if disclaimed:
        return MAX_WORDS_WITH_DISCLAIMER
    if turn.label.startswith("today's plan"):
        return MAX_WORDS_PLAN
    return MAX_WORDS_BEFORE_ASK


def test_turns_are_short_before_their_ask(turns: list[Turn]) -> None:
    for turn in turns:
        if turn.label.startswith(FAQ_ANSWER):
            continue
        talk = _talk(turn)
        head = talk if is_instruction(talk) else before_question(talk, not turn.ended)
        assert words(head) <= word_limit(turn), (turn.label, plain_text(head))


def test_help_and_fallback_fit_the_moment(turns: list[Turn]) -> None:
    """In an activity, help and fallback speak of that activity, not of the main menu; and
    every help path carries the disclaimer, or is inside an activity that does."""
    menu = {plain_text(t.speech) for t in turns if t.label == "help: menu"}
    for turn in turns:
        kind = turn.label.split(":")[0]
        if kind not in ("help", "fallback") or turn.label.endswith("menu"):
            continue
        if turn.mode is not None:
            assert plain_text(turn.speech) not in menu, turn.label
            assert "today's exercises, a symptom check" not in plain_text(turn.speech), turn.label
    helps = [t for t in turns if t.label == "help: menu"]
    assert helps and all(any(d in plain_text(t.speech) for d in DISCLAIMED) for t in helps)


def test_every_symptom_check_outcome_says_it_is_not_a_diagnosis(turns: list[Turn]) -> None:
    outcomes = [
        after
        for before, after in itertools.pairwise(turns)
        if before.mode == "symptom_check"
        and after.mode != "symptom_check"
        and "symptom check" in after.label
    ]
    assert len(outcomes) >= 3
    for turn in outcomes:
        assert any(d in plain_text(turn.speech) for d in DISCLAIMED), turn.label


def test_the_same_wording_is_not_heard_twice_in_a_row(skill: LambdaHandler) -> None:
    """A frequent line (here "sorry, I missed that") takes another wording each time, even
    across turns: the session remembers which one was last used."""
    convo = Conversation(skill)
    convo.launch()
    said = [convo.speech]
    for _ in range(6):
        convo.say("AMAZON.FallbackIntent")
        said.append(convo.speech)
    sorry = [s.split(".")[0] for s in said[1:]]
    assert all(a != b for a, b in itertools.pairwise(sorry)), sorry
    assert all(a != b for a, b in itertools.pairwise(said)), said


def _seconds(espeak: str, ssml: str, wav: Path) -> float:
    subprocess.run([espeak, "-m", "-w", str(wav), f"<speak>{ssml}</speak>"], check=True)
    with wave.open(str(wav), "rb") as audio:
        frames: int = audio.getnframes()
        rate: int = audio.getframerate()
    return frames / rate


def test_turns_read_aloud_by_espeak(
    turns: list[Turn], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    espeak = shutil.which("espeak-ng")
    if not espeak:
        pytest.skip("espeak-ng is not installed: word counts checked only")
    timed: list[tuple[float, str]] = []
    for n, turn in enumerate(turns):
        talk = _talk(turn)
        if turn.label.startswith(FAQ_ANSWER) or is_instruction(talk) or turn.ended:
            continue
        if word_limit(turn) != MAX_WORDS_BEFORE_ASK:
            continue
        head = before_question(talk)
        timed.append((_seconds(espeak, head, tmp_path / f"{n}.wav"), turn.label))
    timed.sort(reverse=True)
    with capsys.disabled():
        print("\nLongest turns before their question (espeak-ng):")
        for seconds, label in timed[:8]:
            print(f"    {seconds:4.1f} s  {label}")
    assert timed[0][0] <= MAX_SECONDS_BEFORE_ASK, timed[0]
