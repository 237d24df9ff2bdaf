"""The walkthrough's learned opinion (tools/howto_model.py, faq_classifier.steps_asked)."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain.answers import about_pain
from hamstring_coach.domain.content import merge
from hamstring_coach.domain.content_view import ContentView
from hamstring_coach.domain.faq_classifier import HOWTO, question_features, steps_asked
from hamstring_coach.domain.program import asks_a_dose, without_pain_free
from tests.eval import questions_measure
from tools import faq_model, howto_model


@pytest.fixture(scope="module")
def view(content_source: dict[str, Any]) -> ContentView:
    return ContentView(merge("en-US", "test", [content_source["en"]]))


def test_the_committed_model_is_what_the_tool_builds() -> None:
    # Re-run `python -m tools.howto_model` after a lexicon or evaluation-set change.
    assert howto_model.MODEL_FILE.read_text("utf-8") == howto_model.build()


def test_it_learns_from_the_question_model_s_sets_only() -> None:
    # The same readable sets: never the frozen one, never the blind one.
    assert howto_model.requests() == howto_model.requests(faq_model.READABLE)
    assert questions_measure.newest_held_out() not in faq_model.READABLE


def test_every_label_walks_through_an_exercise_of_the_program(view: ContentView) -> None:
    labels = set(view.bundle.kind("howto_model"))
    assert labels and all(label.startswith(HOWTO) for label in labels)
    assert {label[len(HOWTO) :] for label in labels} <= set(view.program.exercises)
    # Beside the topics, not in place of them.
    assert set(view.bundle.kind("faq_model")) <= set(view.steps_opinion.labels)  # type: ignore[union-attr]


def _steps(view: ContentView, text: str) -> str | None:
    reading = view.faq.index.read(text)
    found = question_features(reading.terms, reading.other_part, reading.off_topic)
    return steps_asked(view.steps_opinion, found)


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        (
            "lying on my back, hips up and hold it there, do I squeeze my bum",
            "isometric_bridge_hold",
        ),
        ("kneeling with my feet hooked under the sofa and leaning forward, how far", "nordic_curl"),
        ("the hinge with the bar and a flat back, how far down do I go", "romanian_deadlift"),
    ],
)
def test_a_description_names_its_exercise(view: ContentView, text: str, exercise_id: str) -> None:
    assert _steps(view, text) == exercise_id


@pytest.mark.parametrize(
    "text",
    [
        "why do I have to go slow on the way down",
        "are nordics good for this",
        "is it okay to go for a run tomorrow",
        "what's the weather like today",
    ],
)
def test_a_question_that_asks_no_steps_names_none(view: ContentView, text: str) -> None:
    assert _steps(view, text) is None


def test_without_walkthrough_counts_there_is_no_opinion(content_source: dict[str, Any]) -> None:
    en = {k: v for k, v in content_source["en"].items() if k != "howto_model"}
    assert ContentView(merge("en-US", "test", [en])).steps_opinion is None


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        # What the rules answer with the dose or the pain rule on purpose
        ("how long do I hold the bridge hold for", True),
        ("long do I hold it for", True),  # "how" taken by a carrier
        ("the one on my back with hips up, how often", True),
        ("the deadlifts sting a bit, should I push through", True),
        # A request, and one to be spared pain, are no dose and no pain
        ("the one lying down with my hips up, where should I feel it", False),
        ("how do I do the kneeling one without hurting myself", False),
    ],
)
def test_the_opinion_leaves_doses_and_pain_to_the_rules(
    view: ContentView, text: str, refused: bool
) -> None:
    known = view.faq.howto_words
    spared = without_pain_free(text, known)
    said = about_pain(spared, view.faq.answer_words) or asks_a_dose(text, view.faq.lexicon, known)
    assert said is refused
