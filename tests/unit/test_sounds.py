"""Misheard words read by how they sound (domain/sounds.py, Round 17): the key, the
guards, and the reading on the real content."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain import faq
from hamstring_coach.domain.faq import FaqIndex
from hamstring_coach.domain.sounds import MIN_KEY, Sounds, key


def test_the_key_keeps_the_consonant_sounds_in_order() -> None:
    assert key("sciatica") == key("sighattica") == "STK"
    assert key("tendinopathy") == key("tendinopithy") == key("tendonopathy")
    assert key("hamstring") == key("hammerstring")  # the "r" of "hammer" is not heard
    assert key("cycling") == key("sighcling")
    assert key("squads") == key("squats")  # voiced and unvoiced share a letter
    assert key("lunges") != key("lunge")  # the soft g, and the s
    assert key("strange") != key("strain")
    assert key("a") == key("") == ""


def _sounds(**heard: str) -> Sounds:
    """A small index: each known word (as written) under its stem, here the word itself."""
    return Sounds.build(
        [(word, word) for word in heard.values()],
        plain={"nothing", "anything", "is", "it", "a", "the", "to", "at", "i", "reset", "my"},
        known=frozenset(heard.values()),
        small={"is", "it", "a", "the", "to", "at", "i", "my"},
    )


def _read(sounds: Sounds, text: str) -> str:
    return " ".join(sounds.respelled(text.split(), lambda w: w))


def test_words_heard_in_pieces_are_read_as_the_one_known_word() -> None:
    sounds = _sounds(a="sciatica", b="tendinopathy", c="hamstring")
    assert _read(sounds, "is it sigh attic a") == "is it sciatica"
    assert _read(sounds, "hammer string ten dino pithy") == "hamstring tendinopathy"
    assert _read(sounds, "my tendinopathy") == "my tendinopathy"  # a known word as said


def test_a_word_the_skill_writes_is_never_read_as_another() -> None:
    sounds = _sounds(a="anything", b="restless")
    assert key("nothing") == key("anything")
    assert _read(sounds, "nothing") == "nothing"
    # All pieces are written words: "reset my" is said as meant.
    assert _read(sounds, "reset my") == "reset my"


def test_a_short_key_never_matches() -> None:
    sounds = Sounds.build([("heal", "heal"), ("sit", "sit")], (), frozenset(), ())
    assert len(key("heel")) < MIN_KEY and not sounds.heard
    assert _read(sounds, "heel") == "heel"


def test_a_key_two_known_words_share_is_left_alone() -> None:
    both = Sounds.build([("sciatica", "sciatica"), ("psyattica", "other")], (), frozenset(), ())
    assert key("psyattica") == key("sciatica")
    assert _read(both, "sigh attic a") == "sigh attic a"
    # Two written forms of one word are one word: "cycling" and "sickling" are both "cycle".
    one = Sounds.build([("cycling", "cycle"), ("sickling", "cycle")], (), frozenset(), ())
    assert _read(one, "sigh cling") in ("cycling", "sickling")


def test_a_short_filler_word_is_no_piece() -> None:
    sounds = _sounds(a="attest", b="operated", c="benches")
    assert _read(sounds, "at east") == "at east"  # "at" starts no word
    assert _read(sounds, "paper at") == "paper at"  # "at" is a word beside "paper"
    assert _read(sounds, "pinches a") == "pinches a"  # a last "a" only for a word in a vowel


def test_one_word_for_another_needs_a_near_spelling() -> None:
    sounds = _sounds(a="tendinopathy", b="sleeping")
    assert _read(sounds, "tendonopathy") == "tendinopathy"
    assert _read(sounds, "slapping") == "slapping"  # a real word, spelt otherwise


def test_pieces_must_be_spelt_near_the_word() -> None:
    sounds = _sounds(a="radiating", b="circuits")
    assert key("worriedenough") == key("radiating")
    assert _read(sounds, "worried enough") == "worried enough"
    assert _read(sounds, "scar tissue") == "scar tissue"


@pytest.fixture(scope="module")
def index(content_source: dict[str, Any]) -> FaqIndex:
    en = content_source["en"]
    return FaqIndex.build(faq.topics_from(en["faq"]), faq.lexicon_from(en["faq_lexicon"]))


def test_the_content_reads_misheard_domain_words(index: FaqIndex) -> None:
    assert "sciatica" in index.read("is it sigh attic a").terms
    assert "tendinopathy" in index.read("how long does ten dino pithy take").terms
    assert "cycl" in index.read("can I do sigh cling with this").terms


def test_the_content_leaves_real_words_alone(index: FaqIndex) -> None:
    for said in (
        "nothing helps",
        "should i be worried enough to see a doctor",
        "a massage gun breaks down the scar tissue",
        "my foot keeps slapping on the floor",
        "i need an mri to find out",
        "sorry is an operation ever needed",
    ):
        plain = faq.read(said, index.lexicon, index.vocabulary, index._known).terms
        assert index.read(said).terms == plain, said
