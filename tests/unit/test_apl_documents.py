"""Every APL document, checked as far as tests can without a renderer: required
properties, and a layout at the smallest and largest Echo Show where no text overflows its
box at its font size (with the longest words the content can put there)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

import pytest

from hamstring_coach.domain.content import merge
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.review import review
from hamstring_coach.voice import chart
from hamstring_coach.voice.habit import progress_screen, review_card, review_speech
from hamstring_coach.voice.screens import DOCUMENT, PROGRESS_DOCUMENT, Screen
from hamstring_coach.voice.speech import Speech, plain
from tests.stored import workout_day
from tools.apl_layout import (
    LARGEST,
    MIN_FONT_DP,
    SMALLEST,
    VIEWPORTS,
    Viewport,
    avg_problems,
    layout,
    required_problems,
    wrap,
)
from tools.avg_svg import UnsupportedAvgError, avg_to_svg, element
from tools.content_source import load_source

APL_DIR = DOCUMENT.parent
SUNDAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def source() -> dict[str, Any]:
    return load_source()


@pytest.fixture(scope="module")
def sp(source: dict[str, Any]) -> Speech:
    bundle = merge("en-US", "t", [source["en"], source.get("en-US", {})])
    return Speech(bundle, random.Random(3))


def _longest(values: list[str]) -> str:
    return max(values, key=len)


def _person(pain: bool = True) -> UserProgress:
    sessions = []
    for ago in range(27, -1, -1):
        if ago % 2:
            continue
        day = (SUNDAY - timedelta(days=ago)).isoformat()
        entry = workout_day(day, ["bridge"])
        if pain:
            entry.update({"pain_during": 3, "morning_check": max(1, 5 - (27 - ago) // 7)})
        sessions.append(entry)
    return UserProgress(sessions=sessions, sessions_done=len(sessions), stage=2)


def _worst_workout(source: dict[str, Any]) -> dict[str, Any]:
    exercises = source["en"]["exercise"].values()
    return Screen(
        title=_longest([e["title"] for e in exercises]),
        subtitle=_longest([lv["title"] for e in exercises for lv in e["levels"]]),
        counter="45",
        progress="Set 3 of 3",
        detail=_longest([s for e in exercises for s in [*e["setup"], e["cue"]]]),
    ).datasources()


def _worst_progress(source: dict[str, Any], sp: Speech, pain: bool) -> tuple[dict[str, Any], Any]:
    exercises = sorted(source["en"]["exercise"].values(), key=lambda e: -len(e["title"]))
    plan = [(e["title"], 4) for e in exercises[:4]]  # the four longest names in one plan
    screen = progress_screen(sp, review(_person(pain), SUNDAY, pain_kept=pain), plan)
    return screen.datasources(), screen.apl_document()


def test_every_document_in_the_folder_is_checked_here() -> None:
    assert sorted(p.name for p in APL_DIR.glob("*.json")) == sorted(
        [DOCUMENT.name, PROGRESS_DOCUMENT.name]
    )


def test_required_properties(source: dict[str, Any], sp: Speech) -> None:
    workout = json.loads(DOCUMENT.read_text("utf-8"))
    assert required_problems(workout) == []
    _, progress = _worst_progress(source, sp, pain=True)
    assert required_problems(progress) == []
    broken = json.loads(json.dumps(progress))
    del broken["mainTemplate"]["items"][0]["items"][0]["text"]
    broken["graphics"]["progressChart"]["items"][0]["items"].append({"type": "circle"})
    problems = required_problems(broken)
    assert any("Text needs text" in p for p in problems)
    assert any("'circle'" in p for p in problems)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_the_workout_view_fits(source: dict[str, Any], viewport: Viewport) -> None:
    doc = json.loads(DOCUMENT.read_text("utf-8"))
    result = layout(doc, _worst_workout(source), viewport)
    assert result.problems == []


@pytest.mark.parametrize("pain", [True, False], ids=["pain kept", "no pain kept"])
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_the_progress_view_fits(
    source: dict[str, Any], sp: Speech, viewport: Viewport, pain: bool
) -> None:
    data, doc = _worst_progress(source, sp, pain)
    result = layout(doc, data, viewport)
    assert result.problems == []
    # The chart's labels stay legible where the chart is drawn smallest.
    (box,) = [b for b in result.boxes if b.kind == "VectorGraphic"]
    scale = min(box.width / chart.WIDTH, box.height / chart.HEIGHT)
    assert min(chart.LABEL_SIZE, chart.VALUE_SIZE) * scale >= MIN_FONT_DP


def test_the_checker_catches_overflow() -> None:
    doc = json.loads(DOCUMENT.read_text("utf-8"))
    long = Screen(title="word " * 60, detail="x" * 400).datasources()
    problems = layout(doc, long, SMALLEST).problems
    assert any("maxLines" in p for p in problems)
    assert any("wider than its box" in p for p in problems)
    assert layout(doc, Screen(title="Bridge").datasources(), LARGEST).problems == []


def test_wrap_is_greedy_and_keeps_long_words_whole() -> None:
    assert wrap("aa bb cc", 5 * 0.56 * 10, 10) == ["aa bb", "cc"]
    assert wrap("abcdefghij", 3 * 0.56 * 10, 10) == ["abcdefghij"]


def test_the_chart_without_pain_has_no_pain_line(source: dict[str, Any], sp: Speech) -> None:
    _, with_pain = _worst_progress(source, sp, pain=True)
    _, without = _worst_progress(source, sp, pain=False)
    colours = json.dumps(with_pain["graphics"]), json.dumps(without["graphics"])
    assert chart.PAIN_COLOUR in colours[0] and chart.PAIN_COLOUR not in colours[1]
    assert avg_problems(without["graphics"]["progressChart"]) == []


def test_avg_translates_to_svg_element_by_element() -> None:
    path = {"type": "path", "pathData": "M0,0 L10,10", "stroke": "#fff", "strokeWidth": 2}
    assert element(path) == '<path d="M0,0 L10,10" fill="none" stroke="#fff" stroke-width="2"/>'
    text = {"type": "text", "x": 5, "y": 9, "text": "3 < 4", "fontSize": 20, "textAnchor": "middle"}
    svg_text = element(text)
    assert svg_text.startswith('<text x="5" y="9" font-size="20" text-anchor="middle"')
    assert svg_text.endswith(">3 &lt; 4</text>")
    group = {"type": "group", "transform": "translate(4,4)", "items": [path]}
    assert element(group).startswith('<g transform="translate(4,4)"><path')
    graphic = {"type": "AVG", "version": "1.2", "width": 100, "height": 50, "items": [group]}
    svg = avg_to_svg(graphic, width=200, height=100)
    assert 'viewBox="0 0 100 50"' in svg and 'width="200"' in svg
    for bad in ({"type": "circle"}, {"type": "path"}, {**path, "strokeDash": [2]}):
        with pytest.raises(UnsupportedAvgError):
            element(bad)


def test_the_real_chart_translates(source: dict[str, Any], sp: Speech) -> None:
    _, doc = _worst_progress(source, sp, pain=True)
    svg = avg_to_svg(doc["graphics"]["progressChart"])
    assert svg.count("<path") >= 4 + 1 + 1  # bars, the axis, the pain line (and dots)
    assert "Nov 2" in svg


# --- the review in words: same facts on the card, short enough to say ----------------

WORDS_PER_SECOND = 2.5  # Alexa's default speaking rate is about 150 words a minute


@pytest.mark.parametrize("pain", [True, False])
def test_the_spoken_review_is_under_30_seconds_and_the_card_matches(
    source: dict[str, Any], sp: Speech, pain: bool
) -> None:
    result = review(_person(pain), SUNDAY, pain_kept=pain)
    bundle = merge("en-US", "t", [source["en"]])
    stage = _longest([s["name"] for s in source["en"]["stage"].values()])
    longest = 0.0
    for seed in range(20):  # the variants the random choice can take
        speech = review_speech(Speech(bundle, random.Random(seed)), result, stage)
        longest = max(longest, len(plain(speech).split()) / WORDS_PER_SECOND)
    assert longest < 30
    title, text = review_card(sp, result, "stage two", {"Bridge": "Two legs"})
    assert title == "Your week"
    assert f"{result.done} of {result.planned}" in text
    assert ("not kept" in text) is (not pain)


def test_the_longest_review_keeps_sessions_pain_and_focus_under_30_seconds(
    source: dict[str, Any],
) -> None:
    # Everything to say at once: more sessions than planned, a streak, sessions eased,
    # stuck pain, and the advice to see someone.
    sessions = [
        workout_day(
            SUNDAY - timedelta(days=ago),
            ["bridge"],
            pain_during=8,
            morning_check=5,
            verdict="reduce" if ago < 7 else "good",
        )
        for ago in range(27, -1, -2)
    ]
    person = UserProgress(sessions=sessions, sessions_done=len(sessions), stage=2)
    result = review(person, SUNDAY, pain_kept=True)
    assert result.focus == "see_someone"
    bundle = merge("en-US", "t", [source["en"]])
    stage = _longest([s["name"] for s in source["en"]["stage"].values()])
    for seed in range(30):
        spoken = plain(review_speech(Speech(bundle, random.Random(seed)), result, stage))
        assert len(spoken.split()) / WORDS_PER_SECOND < 30
        assert "stayed around 5" in spoken and "physio or doctor" in spoken
        assert "not a diagnosis" in spoken  # the disclaimer stays with the advice
