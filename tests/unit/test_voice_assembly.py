"""How spoken lists and cards are put together from lines: clear joins, nothing said twice."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from hamstring_coach.domain.content import merge
from hamstring_coach.domain.program import Plan, PlanItem, Program
from hamstring_coach.voice.coaching import Coach
from hamstring_coach.voice.speech import Speech, Ssml, fill, plain


class First(random.Random):
    """Always the first variant, so a test can read what was said."""

    def choice(self, seq: Any) -> Any:
        return seq[0]


@pytest.fixture(scope="module")
def coach(content_source: dict[str, Any]) -> Coach:
    bundle = merge("en-US", "test", [content_source["en"]])
    program = Program.from_content(
        bundle.kind("exercise"), bundle.kind("stage"), bundle.kind("pacing")
    )
    return Coach(Speech(bundle, First()), program)


def _item(coach: Coach, exercise_id: str, level: int | None = None) -> PlanItem:
    ex = coach.program.exercise(exercise_id)
    chosen = ex.start_level if level is None else level
    return PlanItem(exercise_id, chosen, ex.level(chosen).sets)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\.)\s+", plain(text)) if s]


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_todays_plan_says_each_exercise_in_its_own_sentence(coach: Coach, count: int) -> None:
    ids = ["eccentric_bridge", "single_leg_bridge", "bridge", "assisted_nordic"][:count]
    items = tuple(_item(coach, i) for i in ids)
    said = coach.plan_items(Plan(2, items))
    sentences = _sentences(said)
    assert len(sentences) == count
    leads = ("First, ", "Then ", "And last, ", "Just one exercise today: ")
    for sentence, item in zip(sentences, items, strict=True):
        ex = coach.program.exercise(item.exercise_id)
        level = ex.level(item.level)
        # Exactly one exercise and its dose per sentence, after its lead word.
        lead = next(w for w in leads if sentence.startswith(w))
        assert sentence[len(lead) :] == f"{level.title}, {coach.dose(ex, level)}.", sentence
    if count > 1:
        assert sentences[0].startswith("First,") and sentences[1].startswith(("Then", "And last"))


def test_a_run_in_the_plan_says_what_and_how_long_its_briefing_says_the_rest(
    coach: Coach,
) -> None:
    run = coach.program.exercise("return_to_running")
    items = (_item(coach, "single_leg_rdl"), _item(coach, "nordic_curl"), PlanItem(run.id, 1, 1))
    last = _sentences(coach.plan_items(Plan(4, items)))[-1]
    level = run.level(1)
    assert last == f"And last, {level.title}, about {level.minutes} minutes."
    assert coach.card_item(items[2]) == f"{level.title.capitalize()}, about {level.minutes} minutes"


def test_the_plan_summary_escapes_once(coach: Coach) -> None:
    summary = coach.plan_summary(Plan(1, (_item(coach, "isometric_bridge_hold"),)))
    assert "&amp;amp;" not in summary and "&lt;" not in summary
    assert "Just one exercise today: bridge holds, 5 holds of 45 seconds." in summary


def test_nested_lines_are_escaped_exactly_once() -> None:
    inner = fill("{name}", {"name": "Tom & Jerry"})
    assert fill("Hi {who}.", {"who": Ssml(inner)}) == "Hi Tom &amp; Jerry."
    assert fill("Hi {who}.", {"who": "a < b"}) == "Hi a &lt; b."


def test_the_exercise_card_names_the_exercise_once(coach: Coach) -> None:
    for exercise_id, ex in coach.program.exercises.items():
        for level_index, level in enumerate(ex.levels):
            title, body = coach.exercise_card(_item(coach, exercise_id, level_index))
            assert title == ex.title
            first = body.splitlines()[0]
            assert not first[:1].islower(), first
            if ex.type == "run":
                assert first.lower() == level.title.lower() and level.plan in body
            elif level_index == ex.start_level:
                # The standard version: the title says what it is, the line says how much.
                assert first == plain(coach.dose(ex, level)).capitalize(), first
            else:
                # Another version says which, and how it differs from the steps.
                assert first.lower().startswith(level.title.lower()) and level.how in body
            assert ex.setup[0] in body and ex.stop in body


def test_the_plan_card_lists_one_capitalised_exercise_a_line(coach: Coach) -> None:
    item = _item(coach, "isometric_bridge_hold")
    assert coach.card_item(item) == "Bridge holds: 5 holds of 45 seconds"
