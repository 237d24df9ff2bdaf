"""Two people through the real lambda_handler for eight weeks and more, one visit a day with
the clock moved on (moto store): the pace a physio would keep, said in words.

The pure-domain simulation (tests/pacing) covers seven people over 120 days; this checks
that the handlers carry the same rules through the voice turns.
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.progress import day_number
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conftest import Clock
from tests.conversation import Conversation, finish_workout
from tests.stored import overwrite_progress, stored_progress

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

SAME = envelopes.resolved_slot("compare", "about the same", "same")


def stored(
    ddb: DynamoDBClient, settings: Settings, user: str = envelopes.DEFAULT_USER
) -> dict[str, Any]:
    return stored_progress(ddb, settings, user) or {}


def _day(s: Conversation, kit: bool = True) -> dict[str, Any]:
    """One visit: the morning check (as usual), today's workout or its rest day, a 2/10."""
    said: dict[str, Any] = {"speech": []}
    s.launch()
    if s.attributes.get("mode") == "morning_check":
        s.say("MorningCompareIntent", compare=SAME)
        said["speech"].append(s.speech)
    s.say("StartWorkoutIntent")
    said["speech"].append(s.speech)
    while s.attributes.get("mode") == "kit_check":
        s.say("AMAZON.YesIntent" if kit else "AMAZON.NoIntent")
        said["speech"].append(s.speech)
    if s.attributes.get("mode") == "workout":
        finish_workout(s)
        s.say("PainReportIntent", pain="2")
        said["worked"] = True
    return said


def _today(data: dict[str, Any], day: str) -> dict[str, Any]:
    return next((e for e in data["sessions"] if e.get("date") == day), {})


def test_a_steady_person_for_eight_weeks(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, clock: Clock
) -> None:
    s = Conversation(skill)
    start = clock.now
    days: list[dict[str, Any]] = []
    for n in range(56):
        clock.now = start + timedelta(days=n)
        said = _day(s)
        data = stored(ddb, settings)
        entry = _today(data, clock.now.date().isoformat())
        worked = bool(entry.get("sets_done"))
        was_heavy = worked and day_number(clock.now.date()) in data["heavy"]
        days.append({**said, "stage": data["stage"], "heavy": was_heavy})
    stage_day = {
        st: next((n for n, d in enumerate(days) if d["stage"] >= st), None) for st in (2, 3, 4)
    }
    # Stage two after two weeks of holds, stage three a few weeks later, no running yet.
    assert stage_day[2] is not None and 10 <= stage_day[2] <= 28, stage_day
    assert stage_day[3] is not None and 28 <= stage_day[3] <= 49, stage_day
    assert stage_day[4] is None, stage_day  # first run no earlier than about day 56
    heavy = [n for n, d in enumerate(days) if d["heavy"]]
    assert heavy and all(b - a >= 2 for a, b in itertools.pairwise(heavy)), heavy
    spoken = " ".join(" ".join(d["speech"]) for d in days)
    assert "rest day for the tendon" in spoken  # a week's heavy days done: said as such
    assert "easy day between strength days" in spoken or "No heavy work today" in spoken
    # The morning answers left only the program's decision (`verdict`); under the default
    # minimal health-data profile not even the answer's decision (`morning_check` says only:
    # asked).
    entries = stored(ddb, settings)["sessions"]
    assert {e["morning_check"] for e in entries if "morning_check" in e} == {None}
    assert {e["verdict"] for e in entries if "verdict" in e} <= {"good", "hold", "reduce"}


def test_without_a_gym_ball_to_the_deadlifts_then_three_weeks_away_steps_back(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, clock: Clock
) -> None:
    s = Conversation(skill)
    start = clock.now
    planned: set[str] = set()
    for n in range(40):
        clock.now = start + timedelta(days=n)
        _day(s, kit=False)
        workout = stored(ddb, settings)
        planned |= {e for entry in workout["sessions"] for e in entry.get("exercises", [])}
    assert "slider_curl" in planned and "assisted_nordic" not in planned
    assert "romanian_deadlift" in planned  # the missing ball never held the stage back
    assert stored(ddb, settings)["kit"] == {"ball": False, "anchor": False}
    before = stored(ddb, settings)["stage"]
    assert before == 3

    clock.now = start + timedelta(days=39 + 22)  # the last visit was day 39: 22 days away
    s.launch()
    s.say("StartWorkoutIntent")
    assert (
        "22 days away" in s.speech
        and s.speech.count("Welcome back") <= 1
        and "stage two" in s.speech
    )
    assert stored(ddb, settings)["stage"] == before - 1
    s.say("AMAZON.StopIntent")
    s.say("WhyNotProgressingIntent")
    assert "session" in s.speech or "days" in s.speech
    s.say("WhenRunningIntent")
    assert "weeks" in s.speech and "stage four" in s.speech


def test_i_dont_have_a_gym_ball_mid_workout_swaps_the_exercise(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, clock: Clock
) -> None:
    s = Conversation(skill)
    s.launch()
    earlier = (clock.now - timedelta(days=3)).date().isoformat()
    done = {
        "date": earlier,
        "exercises": ["single_leg_bridge", "bridge"],
        "sets_planned": 6,
        "sets_done": 6,
    }
    # Its morning already asked.
    checked = {**done, "finished": True, "morning_check": "good", "verdict": "good"}
    kit = {"ball": True, "anchor": True}
    overwrite_progress(ddb, settings, envelopes.DEFAULT_USER, stage=2, kit=kit, sessions=[checked])
    s.say("StartWorkoutIntent")
    plan = [row[0] for row in stored(ddb, settings)["workout"]["plan"]]
    assert "assisted_nordic" in plan
    while stored(ddb, settings)["workout"]["plan"][stored(ddb, settings)["workout"]["i"]][0] != (
        "assisted_nordic"
    ):
        s.say("SkipExerciseIntent")
    s.say("NoKitIntent", kit=envelopes.resolved_slot("kit", "gym ball", "ball"))
    assert "sliding leg curls" in s.speech and s.attributes["mode"] == "workout"
    workout = stored(ddb, settings)["workout"]
    assert workout["plan"][workout["i"]][0] == "slider_curl"
    assert stored(ddb, settings)["kit"]["ball"] is False
    s.say("AMAZON.StopIntent")
    assert "0 of" in s.speech or "stopping" in s.speech.lower()


def test_a_flare_up_morning_after_a_cut_short_session_says_what_it_does(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, clock: Clock
) -> None:
    s = Conversation(skill)
    s.launch()
    s.say("StartWorkoutIntent")
    s.say("NextSetIntent")
    s.say("AMAZON.StopIntent")
    assert "1 of 10 sets" in s.speech  # a set done is a set done; nothing more
    clock.now = clock.now + timedelta(days=1)
    s.launch()
    s.say("MorningCompareIntent", compare=envelopes.resolved_slot("compare", "worse", "worse"))
    assert "a lot worse" in s.speech
    s.say("MorningCompareIntent", compare=envelopes.resolved_slot("compare", "a lot", "much_worse"))
    assert "hold the load where it is" in s.speech and "flare-up" in s.speech
    # The flare-up advice comes with the short disclaimer (health advice).
    assert "cold pack" in s.speech and "general guidance" in s.speech
    s.say("AMAZON.YesIntent")
    assert "flare-up day" in s.speech and "gentle bridge holds" in s.speech
    assert stored(ddb, settings)["flare"] == clock.now.date().isoformat()
