"""The weekly review, judged on a person simulated over four weeks of real workouts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.settings import Settings
from local.transcript import ssml_to_text
from tests.conftest import Clock
from tests.conversation import Conversation, finish_workout

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# A Monday morning, device time (the skill guesses America/Chicago for en-US here).
START = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
TRAINING_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday
MORNING_SCORES = (4, 3, 2, 2)  # by week: the tendon settles


class Person:
    """Someone who opens the skill on their training days, answers the morning check,
    does the workout and gives a pain score; what they heard at each launch is kept."""

    def __init__(self, skill: LambdaHandler, clock: Clock, apl: bool = False) -> None:
        self.convo = Conversation(skill, apl=apl)
        self.clock = clock
        self.launches: list[tuple[str, str]] = []  # (date, speech)

    def train(self, week: int, answer_offer: str | None = "no") -> None:
        c = self.convo
        c.launch()
        day = self.clock.now.date().isoformat()
        self.launches.append((day, c.speech))
        if c.attributes.get("offer") == "weekly_review" and answer_offer:
            c.say("AMAZON.NoIntent" if answer_offer == "no" else "AMAZON.YesIntent")
        c.say("StartWorkoutIntent")
        if c.attributes.get("mode") == "morning_check":
            c.say("PainReportIntent", pain=str(MORNING_SCORES[week]))
            if c.attributes.get("mode") != "workout":
                c.say("StartWorkoutIntent")
        while c.attributes.get("mode") == "kit_check":  # asked once, when first needed
            c.say("AMAZON.YesIntent")
        assert c.attributes.get("mode") == "workout", c.speech
        finish_workout(c)
        c.say("PainReportIntent", pain="2")


def _simulate(person: Person, weeks: int = 3, answer_offer: str | None = "no") -> None:
    for day in range(7 * weeks):
        person.clock.now = START + timedelta(days=day)
        if person.clock.now.weekday() in TRAINING_DAYS:
            person.train(day // 7, answer_offer)


@pytest.fixture
def person(skill: LambdaHandler, clock: Clock) -> Person:
    return Person(skill, clock)


def test_the_offer_comes_once_a_week_on_the_first_visit(person: Person) -> None:
    _simulate(person)
    offered = [day for day, speech in person.launches if "new week" in speech.lower()]
    assert offered == ["2026-11-09", "2026-11-16"]  # the Mondays after week one and two
    # A second visit on an offer day gets no second offer.
    person.convo.launch()
    assert "new week" not in person.convo.speech.lower()


def _full(settings: Settings, controls: bool = True) -> Settings:
    """A HIPAA-eligible deployment: pain scores kept, spoken with the controls in place."""
    return replace(settings, health_data=HealthData.FULL, health_controls=controls)


def test_after_a_simulated_month_how_was_my_week_reviews_it(
    make_skill: Callable[..., LambdaHandler], clock: Clock, settings: Settings
) -> None:
    person = Person(make_skill(settings=_full(settings)), clock)
    _simulate(person, weeks=4)
    person.clock.now = START + timedelta(days=27, hours=2)  # Sunday of week four
    c = person.convo
    c.launch()
    c.say("WeeklyReviewIntent")
    spoken = ssml_to_text(c.speech)
    assert "You finished all 3 planned sessions" in spoken
    assert "4 weeks in a row" in spoken
    assert "went from 4 to 2" in spoken  # the next-morning scores over the four weeks
    assert "One thing for next week" in spoken
    assert len(spoken.split()) / 2.5 < 30  # under 30 seconds at Alexa's pace
    card = c.last["response"]["card"]
    assert card["title"] == "Your week" and "Sessions: 3 of 3 planned" in card["content"]
    assert not c.ended or "reprompt" not in c.last["response"]


def test_yes_to_the_offer_reviews_last_week_and_no_declines_quietly(
    skill: LambdaHandler, clock: Clock
) -> None:
    person = Person(skill, clock)
    _simulate(person, weeks=1)
    clock.now = START + timedelta(days=7)
    c = person.convo
    c.launch()
    assert c.attributes.get("offer") == "weekly_review" and c.reprompt
    c.say("AMAZON.HelpIntent")
    assert "Say yes for your weekly review" in c.speech and not c.ended
    c.say("AMAZON.YesIntent")
    assert "You finished all 3 planned sessions" in ssml_to_text(c.speech)
    # Declining another week: a short answer and the menu, no review.
    clock.now = START + timedelta(days=14)
    c.launch()
    c.say("AMAZON.NoIntent")
    assert "planned sessions" not in c.speech and not c.ended


def test_without_pain_scores_kept_the_review_says_so(person: Person) -> None:
    # The default profile (minimal) keeps no pain scores.
    _simulate(person, weeks=2)
    person.convo.say("WeeklyReviewIntent")
    spoken = ssml_to_text(person.convo.speech)
    assert "don't keep pain scores" in spoken and "went from" not in spoken
    assert "not kept" in person.convo.last["response"]["card"]["content"]


def test_scores_kept_but_not_to_be_spoken_are_not_spoken(
    make_skill: Callable[..., LambdaHandler], clock: Clock, settings: Settings
) -> None:
    person = Person(make_skill(settings=_full(settings, controls=False)), clock)
    _simulate(person, weeks=2)
    person.convo.say("WeeklyReviewIntent")
    spoken = ssml_to_text(person.convo.speech)
    assert "don't read pain scores aloud" in spoken and "went from" not in spoken
    assert "not shown" in person.convo.last["response"]["card"]["content"]


def test_nothing_to_review_for_a_new_person(skill: LambdaHandler) -> None:
    c = Conversation(skill)
    c.launch()
    c.say("WeeklyReviewIntent")
    assert "nothing to review yet" in c.speech and not c.ended


def test_an_echo_show_gets_the_chart_and_todays_plan(skill: LambdaHandler, clock: Clock) -> None:
    person = Person(skill, clock, apl=True)
    _simulate(person, weeks=2)
    clock.now = START + timedelta(days=15)  # Tuesday: a plan for today
    c = person.convo
    c.launch()
    c.say("WeeklyReviewIntent")
    directives = c.last["response"]["directives"]
    (render,) = [d for d in directives if d["type"] == "Alexa.Presentation.APL.RenderDocument"]
    assert render["token"] == "hamstring-coach-progress"
    chart = render["document"]["graphics"]["progressChart"]
    assert chart["type"] == "AVG" and chart["width"] == 640
    data = render["datasources"]["progress"]
    assert data["plan"] and all("sets" in item for item in data["plan"])
    assert data["title"] == "Your last four weeks"


def test_a_voice_only_device_gets_no_screen(person: Person) -> None:
    _simulate(person, weeks=1)
    person.convo.say("WeeklyReviewIntent")
    assert not person.convo.last["response"].get("directives")


def test_the_review_changes_nothing_stored(
    person: Person, ddb: DynamoDBClient, settings: Settings
) -> None:
    _simulate(person, weeks=1)
    before = ddb.scan(TableName=settings.progress_table)["Items"]
    person.convo.say("WeeklyReviewIntent")
    after = ddb.scan(TableName=settings.progress_table)["Items"]
    assert before == after


def test_how_am_i_doing_shows_the_same_chart_on_an_echo_show(
    skill: LambdaHandler, clock: Clock
) -> None:
    person = Person(skill, clock, apl=True)
    _simulate(person, weeks=2)
    c = person.convo
    c.say("ProgressIntent")
    (render,) = [
        d
        for d in c.last["response"]["directives"]
        if d["type"] == "Alexa.Presentation.APL.RenderDocument"
    ]
    assert render["document"]["graphics"]["progressChart"]["type"] == "AVG"
    # The simulation ends on a Sunday with no workout yet: today's plan is listed.
    plan = render["datasources"]["progress"]["plan"]
    assert plan and all(item.endswith(" sets") for item in plan)
