"""The voice rules that hold for every spoken line on its own (docs/voice.md): valid SSML,
one question at most, nothing a speech engine reads badly, and several wordings for the
lines a person hears again and again. The turn-level rules are in
tests/functional/test_voice_rules.py.
"""

from __future__ import annotations

import itertools
import random
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from hamstring_coach.domain.content import merge
from hamstring_coach.voice.speech import Speech
from tools.content_source import load_source

# Lines a person hears most: at least three wordings each, so a week of use does not sound
# canned (voice/speech.py also never picks the same wording twice in a row).
FREQUENT = (
    "welcome.first",
    "welcome.return",
    "prompt.main",
    "goodbye",
    "fallback",
    "workout.fallback",
    "walk.fallback",
    "triage.fallback",
    "set.go",
    "rest.start",
    "set.next",
    "exercise.done",
    "workout.done",
    "start.go",
    "exercise.next",
)
MIN_VARIANTS = 3

# Shown, never spoken: cards and screens may use brackets, digits and abbreviations.
SHOWN = re.compile(r"(^|\.)(card|screen)(\.|$)|^screen\.|\.card\.")
# Only these SSML tags may appear in a line.
SSML_TAGS = {"speak", "break", "say-as", "emphasis", "prosody", "s", "p", "sub", "phoneme"}
# What reads badly aloud: abbreviations, multiplication signs, ellipses, brackets, slashes
# between numbers (8/10 can be read as a date), percent and ampersand signs.
READS_BADLY = {
    "an abbreviation such as RDL": re.compile(r"\b(RDL|SL|BW|RM|HSR|PHT|reps?\.)\b"),
    "a count written like x3 or 3x": re.compile(r"\b\d+x\b|\bx\d+\b|\d+\s?x\s?\d+"),
    "an ellipsis": re.compile(r"\.\.\.|…"),
    "a bracket": re.compile(r"[()\[\]]"),
    "a slash between numbers": re.compile(r"\d\s*/\s*\d"),
    "a sign read as a word": re.compile(r"[%&+=@#]"),
    "a letter glued to a number": re.compile(r"\b\d+[a-zA-Z]{1,2}\b"),
}


@pytest.fixture(scope="module")
def lines() -> dict[str, list[str]]:
    source = load_source()
    found: dict[str, list[str]] = {}
    for locale in ("en-US", "en-GB", "en-AU", "en-CA", "en-IN"):
        layers: list[Any] = [source["en"]]
        if locale in source:
            layers.append(source[locale])
        for key, body in merge(locale, "t", layers).kind("line").items():
            found[f"{locale}:{key}"] = list(body["variants"])
    return found


def _filled(text: str) -> str:
    return re.sub(r"\{\w+\}", "five", text)


def _spoken(key: str) -> bool:
    return not SHOWN.search(key.split(":", 1)[1])


def test_every_line_is_valid_ssml_with_known_tags(lines: dict[str, list[str]]) -> None:
    for key, variants in lines.items():
        for text in variants:
            try:
                root = ET.fromstring(f"<speak>{_filled(text)}</speak>")
            except ET.ParseError as err:
                raise AssertionError(f"{key}: {err}: {text}") from err
            assert {el.tag for el in root.iter()} <= SSML_TAGS, (key, text)


def test_a_line_asks_one_question_at_most(lines: dict[str, list[str]]) -> None:
    for key, variants in lines.items():
        for text in variants:
            assert text.count("?") <= 1, (key, text)


def test_nothing_in_a_spoken_line_reads_badly(lines: dict[str, list[str]]) -> None:
    for key, variants in lines.items():
        if not _spoken(key):
            continue
        for text in variants:
            spoken = re.sub(r"<[^>]+>|\{\w+\}", " ", text)
            for what, pattern in READS_BADLY.items():
                assert not pattern.search(spoken), f"{key} has {what}: {text}"


def test_the_frequent_lines_have_several_different_wordings(
    lines: dict[str, list[str]],
) -> None:
    for key in FREQUENT:
        variants = lines[f"en-US:{key}"]
        assert len(set(variants)) >= MIN_VARIANTS, (key, variants)
        assert len(set(variants)) == len(variants), key


def test_spoken_exercise_words_read_well() -> None:
    """The exercise names, steps, cues and stops are read aloud in every workout."""
    bundle = merge("en-US", "t", [load_source()["en"]])
    for exercise_id, ex in bundle.kind("exercise").items():
        texts = [ex["title"], ex["names"], ex["cue"], ex["stop"], *ex["setup"]]
        texts += [level.get("how", "") for level in ex.get("levels", [])]
        texts += [level.get("title", "") for level in ex.get("levels", [])]
        for text in texts:
            for what, pattern in READS_BADLY.items():
                assert not pattern.search(str(text)), f"{exercise_id} has {what}: {text}"


def test_a_remembered_line_never_takes_the_same_wording_twice_in_a_row() -> None:
    bundle = merge("en-US", "t", [load_source()["en"]])
    kept: list[dict[str, int]] = []
    sp = Speech(bundle, random.Random(3), said={}, keep=lambda said: kept.append(dict(said)))
    picks = [sp.line("goodbye") for _ in range(40)]
    assert all(a != b for a, b in itertools.pairwise(picks))
    assert len(set(picks)) == len(sp.variants("goodbye"))
    # The memory outlives the turn: a new Speech given it avoids the last wording too.
    again = Speech(bundle, random.Random(3), said=kept[-1], keep=lambda said: None)
    assert again.line("goodbye") != picks[-1]
    # A memory with stale or unknown entries is harmless, and unknown lines are dropped.
    odd = Speech(
        bundle, random.Random(3), said={"goodbye": 99, "no.such.line": 1}, keep=kept.append
    )
    assert odd.line("goodbye") in sp.variants("goodbye") and "no.such.line" not in kept[-1]
    # Without a memory (tests, one-off uses) a pick is plain random, as before.
    assert Speech(bundle, random.Random(3)).line("list.and") == "and"
