"""(op23) The world opener intents are in step with their list, placed after every
hand-written intent, and never start with ordinary English, a yes or a no, or a command."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tools import topic_openers, world_openers
from tools.models import source_model


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return dict(source_model()["interactionModel"]["languageModel"])


@pytest.fixture(scope="module")
def written(model: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for i in model["intents"] if i["name"].startswith(world_openers.PREFIX)]


def test_the_world_openers_are_in_step_with_their_list(
    model: dict[str, Any], written: list[dict[str, Any]]
) -> None:
    others = [i for i in model["intents"] if not i["name"].startswith(world_openers.PREFIX)]
    assert written == world_openers.intents({**model, "intents": others}), (
        "run `python -m tools.world_openers`"
    )
    assert (
        1500 <= sum(len(i["samples"]) for i in written) <= world_openers.CAP * world_openers.CHUNKS
    )


def test_they_follow_every_hand_written_intent(model: dict[str, Any]) -> None:
    names = [i["name"] for i in model["intents"]]
    first = next(n for n, name in enumerate(names) if name.startswith(world_openers.PREFIX))
    after = names[first:]
    # only generated openers from here on: the world ones, then the first names
    assert all(n.startswith((world_openers.PREFIX, "TheirName")) for n in after)


def test_no_world_opener_starts_with_an_answer_or_ordinary_english(
    written: list[dict[str, Any]],
) -> None:
    listed = world_openers.data()
    answers = set(listed["answers"])
    excluded = set(listed["excluded"])
    for intent in written:
        for sample in intent["samples"]:
            words = sample.removesuffix(" {query}").split()
            assert words[0] not in answers, sample
            if len(words) == 1:
                assert words[0] not in excluded, sample


@pytest.mark.parametrize(
    "word", ["yes", "yeah", "no", "ok", "si", "oui", "ja", "da", "tamam", "next", "stop", "run"]
)
def test_answers_and_commands_are_never_openers(written: list[dict[str, Any]], word: str) -> None:
    firsts = {s.split()[0] for i in written for s in i["samples"]}
    assert word not in firsts


def test_a_phrase_lends_its_first_word(written: list[dict[str, Any]]) -> None:
    samples = {s for i in written for s in i["samples"]}
    assert "kia orana {query}" in samples or "kia ora {query}" not in samples
    assert "kia {query}" in samples
    assert "tankyu tumas {query}" in samples


def test_tags_follow_the_question_and_are_never_an_answer_alone(
    written: list[dict[str, Any]],
) -> None:
    """(round 31) "a good stretch never did anybody any harm, is it no": the tag is said
    after the question, so its carrier is "{query} <tag>"; a yes, a no or a tag that ends
    an answer as often ("you know", "hey") never is one."""
    samples = {s for i in written for s in i["samples"]}
    assert "{query} is it no" in samples
    assert "{query} would it not" in samples
    assert "{query} ain't it" in samples and "{query} not so" in samples
    for tail in (
        "no",
        "yes",
        "yeah",
        "right",
        "you know",
        "hey",
        "do you think",
        "correct",
        "for real",
        "is it",
    ):
        assert f"{{query}} {tail}" not in samples, tail
    listed = world_openers.data()
    assert not set(listed["tags"]) & set(listed["answers"])


def test_an_amount_said_first_is_an_opener_and_a_number_alone_is_not(
    written: list[dict[str, Any]],
) -> None:
    # (round 35) "twelve hour shifts on my feet, is that bad" fell to Fallback: a number
    # with its unit is a carrier, a number alone stays an answer (a pain score, a count).
    samples = {s for i in written for s in i["samples"]}
    assert {"twelve hour {query}", "ten hours {query}", "two sets {query}"} <= samples
    assert "a few hours {query}" in samples and "a few hour {query}" not in samples
    assert not any(
        s.split()[0] in {"ten", "two", "twelve"} and len(s.split()) == 2 for s in samples
    )
    # weeks and months said first stay the symptom statements' carriers
    assert "three weeks {query}" not in samples
    # (round 39) the counts people lead with: sessions, laps, steps, times a week
    assert {
        "three times a week {query}",
        "fifty laps {query}",
        "ten sessions {query}",
        "several massages {query}",
    } <= samples
    assert "three nights {query}" not in samples and "two years {query}" not in samples


def test_a_season_the_weather_or_a_place_said_first_is_an_opener(
    written: list[dict[str, Any]],
) -> None:
    # (round 42) "these dark mornings, how sore is too sore" and "at church the pews are
    # hard, how should I sit" fell to Fallback: a season, a month, the weather or an
    # everyday place said first is a carrier, and no topic's own word is one (the words of
    # an opener never reach the question matcher).
    samples = {s for i in written for s in i["samples"]}
    assert {
        "these dark mornings {query}",
        "come winter {query}",
        "in the rainy season {query}",
        "at church {query}",
        "at my mum's {query}",
        "in january {query}",
    } <= samples
    for topic_word in ("heat", "hot", "cold", "ice", "pool", "gym", "bike", "desk", "car"):
        assert not any(
            topic_word in s.split()[:-1]
            for i in written
            for s in i["samples"]
            if s.startswith(("in the ", "at the ", "this ", "these "))
        ), topic_word


def test_dialect_you_and_more_words_said_first_are_openers(
    written: list[dict[str, Any]], model: dict[str, Any]
) -> None:
    # (round 43) "ye said earlier it doesnae like rest, so which is it", "bor, should I roll
    # on a tennis ball", "Joo, ..." and "genuinely, how do I know if it's torn" fell to
    # Fallback. "Ye" alone is heard as yes, so it opens only with what it says; the
    # Setswana, Sesotho, Chichewa and Inuit words are openers; the English sentence adverbs
    # are hand-written asides (AsideQuestion5Intent).
    samples = {s for i in written for s in i["samples"]}
    assert _carried("ye said|bor|joo|hela|qujannamiik|macho") <= samples
    assert "ye {query}" not in samples
    asides = next(i for i in model["intents"] if i["name"] == "AsideQuestion5Intent")
    assert _carried("genuinely|to be precise|honest to god|ee said|ought") <= set(asides["samples"])


def _carried(phrases: str) -> set[str]:
    """The carriers "<phrase> {query}" of phrases separated by "|"."""
    return {f"{p} {{query}}" for p in phrases.split("|")}


def test_no_world_opener_takes_a_topics_first_word_carrier_away() -> None:
    # (round 42) tools/topic_openers.py leaves a topic's phrase out when another intent's
    # sample starts with its first word, so "cold mornings {query}" as a world opener
    # silently took "cold therapy", "cold spray" and "cold or warm" from ice and heat. The
    # topic-first carriers worked out with and without the world openers must be the same.
    full = topic_openers.without_written(copy.deepcopy(source_model()), topic_openers.written())
    bare = copy.deepcopy(full)
    language = bare["interactionModel"]["languageModel"]
    language["intents"] = [
        i for i in language["intents"] if not i["name"].startswith(world_openers.PREFIX)
    ]
    with_openers, without = topic_openers.carriers(full), topic_openers.carriers(bare)
    lost = {(name, s) for name, ss in without.items() for s in ss} - {
        (name, s) for name, ss in with_openers.items() for s in ss
    }
    # Four were lost before round 42 to older openers ("per favore", "ran hou", "sound
    # la"); they are listed so that any further loss shows, and are left for a round that
    # can weigh which of the two should give way.
    assert lost == {
        ("ExerciseFrequencyIntent", "per week {query}"),
        ("FlareUpIntent", "ran too far {query}"),
        ("ShockwaveIntent", "sound wave {query}"),
        ("ShockwaveIntent", "sound waves {query}"),
        # (round 45) the condition's name as speech recognition may split it, now that
        # ConditionInfoIntent takes topic-first carriers: "tender {query}" (from "tender it
        # is") was there first, and "tender" opens signs ("tender and hot at the back of my
        # thigh") whose words it already carries to the red-flag reading
        ("ConditionInfoIntent", "tender nitis {query}"),
        ("ConditionInfoIntent", "tender itis {query}"),
        ("ConditionInfoIntent", "tender nope athy {query}"),
    }
