"""The learned second opinion for questions (domain/faq_classifier.py, tools/faq_model.py)."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain import faq
from hamstring_coach.domain.faq_classifier import (
    OFF_TOPIC,
    Classifier,
    features,
    question_features,
)
from tests.eval import questions_measure
from tools import faq_model


@pytest.fixture(scope="module")
def plain(content_source: dict[str, Any]) -> faq.FaqIndex:
    en = content_source["en"]
    return faq.FaqIndex.build(faq.topics_from(en["faq"]), faq.lexicon_from(en["faq_lexicon"]))


@pytest.fixture(scope="module")
def index(content_source: dict[str, Any]) -> faq.FaqIndex:
    en = content_source["en"]
    return faq.FaqIndex.build(
        faq.topics_from(en["faq"]), faq.lexicon_from(en["faq_lexicon"]), en["faq_model"]
    )


def verdict(index: faq.FaqIndex, text: str) -> tuple[str, float]:
    assert index.classifier is not None
    reading = index.read(text)
    found = index.classifier.classify(
        question_features(reading.terms, reading.other_part, reading.off_topic)
    )
    assert found is not None
    return found.label, found.confidence


def test_a_question_pairs_a_term_with_the_one_after_next_and_a_red_flag_does_not() -> None:
    # Round 17: "long++run" survives a word between ("how long can I run" read as terms).
    terms = ("how", "long", "can", "run")
    found = question_features(terms)
    assert {"how+long", "long+can", "how++can", "long++run"} <= found
    assert found - features(terms) == {"how++can", "long++run"}


def test_the_committed_model_is_what_the_tool_builds() -> None:
    # Re-run `python -m tools.faq_model` after a lexicon or evaluation-set change: the
    # counts are read with the matcher's own terms, so they follow the lexicon.
    assert faq_model.MODEL_FILE.read_text("utf-8") == faq_model.build()


def test_training_is_deterministic_and_never_reads_the_frozen_or_a_blind_set(
    plain: faq.FaqIndex,
) -> None:
    assert "frozen" not in faq_model.READABLE
    # The blind pair is the newest held-out set the evaluation measures; it is learned from
    # only once retired (then a later round adds it here).
    assert questions_measure.newest_held_out() not in faq_model.READABLE
    items = faq_model.questions(["dev9"])
    assert faq_model.counts(plain, items) == faq_model.counts(plain, list(items))


def test_every_label_is_a_topic_or_off_topic(
    content_source: dict[str, Any], index: faq.FaqIndex
) -> None:
    assert index.classifier is not None
    assert set(index.classifier.labels) <= {*content_source["en"]["faq"], OFF_TOPIC}
    assert OFF_TOPIC in index.classifier.labels


# Written for this test, in no evaluation set: the model never saw them.
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("how many months before this thing clears up", "recovery_time"),
        ("what brought this on in the first place", "causes"),
        ("whats actually going on in there", "what_is_it"),
        ("it flared right up again after the weekend what now", "flare_up"),
        ("what about a hot water bottle", "ice_heat"),
        ("would a deep tissue rub help", "massage"),
        ("whats the best pizza in town", OFF_TOPIC),
        ("my knee hurts when I squat", OFF_TOPIC),
    ],
)
def test_held_back_sentences_classify_right(index: faq.FaqIndex, text: str, label: str) -> None:
    assert verdict(index, text)[0] == label


def test_confidence_is_a_probability_and_falls_with_mixed_evidence(index: faq.FaqIndex) -> None:
    clear = verdict(index, "how long until the tendon has healed")
    mixed = verdict(index, "how long should I sit on a bike")
    assert 0.0 <= mixed[1] <= clear[1] <= 1.0
    assert clear[0] == "recovery_time"


def test_no_known_feature_gives_no_verdict() -> None:
    model = Classifier.from_counts(
        {
            "running": {"docs": 3, "counts": {"run": 3}},
            "off_topic": {"docs": 1, "counts": {"pizza": 1}},
        }
    )
    assert model.classify({"zzz"}) is None
    found = model.classify({"run"})
    assert found is not None and found.label == "running" and found.runner == "off_topic"
    assert found.confidence + found.runner_confidence == pytest.approx(1.0)


def test_the_second_opinion_answers_a_close_call_it_is_sure_of(
    plain: faq.FaqIndex, index: faq.FaqIndex
) -> None:
    question = "what is the best way to sit at work"
    assert plain.match(question).outcome is faq.Outcome.CHOICE
    assert index.match(question).outcome is faq.Outcome.CHOICE  # only when asked for
    learned = index.match(question, learned=True)
    assert (learned.outcome, learned.topics) == (faq.Outcome.ANSWER, ("sitting",))


@pytest.mark.parametrize(
    "text",
    ["my knee hurts when I squat", "whats the best pizza in town", "my elbow aches after golf"],
)
def test_off_topic_stays_off_topic(index: faq.FaqIndex, text: str) -> None:
    assert index.match(text, learned=True).outcome is faq.Outcome.OFF_TOPIC


def test_the_classifiers_off_topic_label_answers_nothing(index: faq.FaqIndex) -> None:
    # A question BM25 misses and the classifier calls off topic stays a miss. (Round 20:
    # was "how do I get my cat to stop scratching the sofa", which BM25 now declines itself
    # and the model retrained with holdout19 reads as the sofa's sitting; failing since
    # a79c2de.)
    text = "how do I grow tomatoes on a balcony"
    assert index.match(text).outcome is faq.Outcome.MISS
    assert verdict(index, text)[0] == OFF_TOPIC
    assert index.match(text, learned=True).outcome is not faq.Outcome.ANSWER


def test_without_a_model_the_matcher_is_unchanged(plain: faq.FaqIndex) -> None:
    assert plain.classifier is None
    for text in ("what is the best way to sit at work", "can I still run"):
        assert plain.match(text, learned=True) == plain.match(text)


def test_a_sure_off_topic_verdict_declines_a_weak_answer(
    plain: faq.FaqIndex, index: faq.FaqIndex
) -> None:
    # Round 20 (q20): BM25 answers on one shared word ("play" for rest, "truck" for
    # driving); the model, sure it is another subject, declines it.
    for text in (
        "how to play backgammon better, strategy for the opening",
        "how do I fix a wobbly skateboard truck",
    ):
        weak = plain.match(text)
        assert weak.outcome is faq.Outcome.ANSWER and weak.score < faq.OFF_WEAK_BELOW, text
        assert verdict(index, text)[0] == OFF_TOPIC
        assert index.match(text, learned=True).outcome is faq.Outcome.OFF_TOPIC, text
    # A strong answer stands whatever the model says.
    assert index.match("can I still cycle with this", learned=True).topics == ("cycling",)


def test_a_frame_asked_of_a_stranger_is_not_answered_by_the_model(index: faq.FaqIndex) -> None:
    # Round 20 (q20): "how long does turf take to dry" holds BM25's "did you mean"; the
    # model reads the same frame and may not turn it into a recovery-time answer.
    for text in ("how long does turf take to dry out on the bog", "how long do tulips last"):
        assert index.match(text, learned=True).outcome is not faq.Outcome.ANSWER, text
    found = index.match("how long does it take to heal", learned=True)
    assert found.outcome is faq.Outcome.ANSWER and found.topics == ("recovery_time",)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how long will this tendon take to settle, I want to be fit for the new season",
         "recovery_time"),
        ("is a podcast right that heavy slow loading fixes the tendon", "slow_loading"),
    ],
)  # fmt: skip
def test_a_listed_word_gives_way_when_both_opinions_name_one_topic(
    plain: faq.FaqIndex, index: faq.FaqIndex, text: str, topic: str
) -> None:
    """(Round 22) "new" or "podcast" alone put these off topic; BM25's leader and the
    classifier, sure past LEARNED_OVER_LIST, agree on the topic, so it is answered. The
    question asked without the second opinion (a reply read in case it is one) is not."""
    assert plain.match(text).outcome is faq.Outcome.OFF_TOPIC
    assert index.match(text).outcome is faq.Outcome.OFF_TOPIC
    found = index.match(text, learned=True)
    assert found.outcome is faq.Outcome.ANSWER and found.topics == (topic,)


@pytest.mark.parametrize(
    "text",
    [
        "how long does my wife's new hip take to recover",
        "what causes my mate's calf cramps",
        "is swimming good for asthma",
        "what is the best trainer for running on trails",
    ],
)
def test_another_subject_stays_off_topic_with_the_second_opinion(
    index: faq.FaqIndex, text: str
) -> None:
    assert index.match(text, learned=True).outcome is faq.Outcome.OFF_TOPIC
