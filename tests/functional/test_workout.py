"""Today's exercises and the guided workout through the real lambda_handler on moto."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse

from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conftest import Clock
from tests.conversation import Conversation, finish_workout
from tests.stored import overwrite_progress, stored_entry, stored_progress
from tests.turn_log import TurnLog

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


class StoreCalls:
    """Counts DynamoDB calls on the progress table, turn by turn."""

    def __init__(self, ddb: DynamoDBClient, table: str) -> None:
        self.table = table
        self.calls: list[str] = []
        ddb.meta.events.register("before-parameter-build.dynamodb", self._count)

    def _count(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        if params.get("TableName") == self.table:
            self.calls.append(model.name)

    def take(self) -> tuple[int, int]:
        reads = sum(1 for c in self.calls if c in ("GetItem", "Query", "Scan"))
        writes = sum(1 for c in self.calls if c in ("PutItem", "UpdateItem", "DeleteItem"))
        self.calls = []
        return reads, writes


class Session(Conversation):
    """A conversation that checks, every turn, that progress is read and written at most
    once, and that every response stays inside Alexa's limits."""

    def __init__(self, skill: LambdaHandler, calls: StoreCalls, **kw: Any) -> None:
        super().__init__(skill, **kw)
        self.calls = calls
        self.turns = 0

    def _send(self, env: dict[str, Any]) -> dict[str, Any]:
        self.calls.take()
        out = super()._send(env)
        reads, writes = self.calls.take()
        assert reads <= 1 and writes <= 1, (env["request"].get("intent"), reads, writes)
        ssml = envelopes.speech_of(out)
        assert len(ssml) <= 8000
        assert all(int(ms) <= 10_000 for ms in re.findall(r'time="(\d+)ms"', ssml))
        if not out["response"].get("shouldEndSession"):
            assert envelopes.reprompt_of(out), "an open session always has a reprompt"
        self.turns += 1
        return out


@pytest.fixture
def calls(ddb: DynamoDBClient, settings: Settings) -> StoreCalls:
    return StoreCalls(ddb, settings.progress_table)


def stored(
    ddb: DynamoDBClient, settings: Settings, user: str = envelopes.DEFAULT_USER
) -> dict[str, Any]:
    return stored_progress(ddb, settings, user) or {}


def next_day(clock: Clock, days: int = 1) -> None:
    clock.now = clock.now + timedelta(days=days)


# --- a whole session, and the next day ---------------------------------------------------


def test_whole_session_then_a_second_days_changed_plan(
    logged_skill: LambdaHandler,
    turn_log: TurnLog,
    calls: StoreCalls,
    clock: Clock,
    ddb: DynamoDBClient,
    settings: Settings,
) -> None:
    s = Session(logged_skill, calls)
    s.launch()
    s.say("TodaysExercisesIntent")
    assert "stage one" in s.speech and "bridge holds" in s.speech and "heel digs" in s.speech
    assert s.attributes["offer"] == "start_workout"
    card = s.last["response"]["card"]
    assert "Bridge holds: 5 holds of 45 seconds" in card["content"] and "\n" in card["content"]
    day1_plan = s.speech

    s.say("AMAZON.YesIntent")
    # The first workout comes after the short safety screen (answered by the conversation).
    assert turn_log.signals() == ["screen_started", "screen_done", "workout_started"]
    assert "Lie on your back" in s.speech  # the set-up steps, spoken
    assert "seven out of ten" in s.speech
    assert s.attributes["mode"] == "workout"

    # A full guided set: a 45 s hold, timed by chained breaks, then a timed rest.
    s.say("NextSetIntent")
    assert "Set 1 of 5" in s.speech and "Halfway" in s.speech
    assert "set 2 of 5" in s.speech.lower()  # asked next, after the rest
    assert stored(ddb, settings)["workout"]["set"] == 1

    # Pause ends the session with the place saved; resume, in a new session, carries on.
    s.say("AMAZON.PauseIntent")
    assert s.ended
    s.say("AMAZON.ResumeIntent")
    assert "set 2 of 5" in s.speech.lower()
    assert s.attributes["mode"] == "workout"

    # Easier: gentler bridge holds from now on.
    s.say("EasierIntent")
    assert "gentle bridge holds" in s.speech
    assert stored(ddb, settings)["levels"] == {"isometric_bridge_hold": 0}

    # Skip the rest of the bridge holds; heel digs are set up next.
    s.say("SkipExerciseIntent")
    assert "heel digs" in s.speech and "Lie on your back" in s.speech

    said = finish_workout(s)
    assert len(said) == 5 and "how much did it hurt" in said[-1]
    assert turn_log.signals() == [
        "screen_started",
        "screen_done",
        "workout_started",
        "workout_finished",
    ]
    assert s.attributes["mode"] == "pain_check"

    s.say("PainReportIntent", pain="2")
    assert "safe" in s.speech and s.ended
    day1 = stored(ddb, settings)
    assert day1["sessions_done"] == 1 and day1["workout"] is None
    # One of four bridge holds was done before the skip: not most of them, so only the heel
    # digs count as done; the skipped sets stay planned, so 6 of 9 sets tells the truth.
    assert day1["sessions"][-1] == {
        "date": "2026-11-25",
        "exercises": ["heel_dig"],
        "sets_planned": 9,
        "sets_done": 6,
        "finished": True,
        "pain_during": None,  # asked; the minimal profile keeps only what it decided
        "during_verdict": "good",
    }

    # The next morning: the first turn asks how it feels, then applies the rules.
    next_day(clock)
    s.launch()
    assert "this morning" in s.speech or "morning check" in s.speech
    assert s.attributes["mode"] == "morning_check"
    s.say("PainReportIntent", pain="one")  # a simulator sends words
    assert "settled" in s.speech.lower()
    s.say("AMAZON.YesIntent")
    # Day two rotates to the hold not done yesterday, and keeps the easier bridge hold.
    assert "pull-downs" in s.speech and "gentle bridge holds" in s.speech
    assert s.speech != day1_plan
    assert stored(ddb, settings)["streaks"] == {"heel_dig": 1}


def test_good_sessions_step_an_exercise_up_and_say_why(
    skill: LambdaHandler, calls: StoreCalls, clock: Clock, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    messages = []
    # Two good sessions at a level are not enough on their own: a level also needs its days
    # (stage one: level_days in content/en/stages.yaml) before it steps up.
    for _day in range(6):
        s.say("StartWorkoutIntent")
        if s.attributes.get("mode") == "morning_check":
            s.say("PainReportIntent", pain="1")
            messages.append(s.speech)
        assert s.attributes["mode"] == "workout", s.speech
        finish_workout(s)
        s.say("PainReportIntent", pain="2")
        next_day(clock)
        s.launch()
    joined = " ".join(messages)
    assert "stepping up to" not in " ".join(messages[:3])
    assert "stepping up to" in joined
    levels = stored(ddb, settings)["levels"]
    assert max(levels.values()) == 2  # something moved from the standard to the harder level


def test_too_much_pain_eases_the_next_plan_at_once(
    skill: LambdaHandler, calls: StoreCalls, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    s.say("StartWorkoutIntent")
    finish_workout(s)
    s.say("PainReportIntent", pain="7")
    assert "a level easier" in s.speech and "cold pack" in s.speech
    assert stored(ddb, settings)["levels"] == {"isometric_bridge_hold": 0, "heel_dig": 0}
    assert stored_entry(ddb, settings)["verdict"] == "reduce"


def test_harder_is_refused_after_a_bad_morning(
    skill: LambdaHandler, calls: StoreCalls, clock: Clock, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    s.say("StartWorkoutIntent")
    finish_workout(s)
    s.say("PainReportIntent", pain="3")
    next_day(clock)
    s.launch()
    s.say("PainReportIntent", pain="6")  # above five the next morning: too much
    assert "eased" in s.speech
    s.say("StartWorkoutIntent")
    before = stored(ddb, settings)["levels"]
    s.say("HarderIntent")
    assert "Not today" in s.speech
    assert stored(ddb, settings)["levels"] == before


# --- bad input changes nothing it should not -----------------------------------------------


def test_bad_pain_answers_get_help_and_change_nothing(
    skill: LambdaHandler, calls: StoreCalls, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    s.say("StartWorkoutIntent")
    finish_workout(s)
    before = stored(ddb, settings)
    for slots in ({"pain": "11"}, {"pain": "-1"}, {"pain": "?"}, {"pain": "eleven"}, {}):
        s.say("PainReportIntent", **slots)
        assert "zero" in s.speech and "ten" in s.speech
        assert not s.ended and s.attributes["mode"] == "pain_check"
    s.say("UnsureIntent")
    assert "rough guess" in s.speech and s.attributes["mode"] == "pain_check"
    assert stored(ddb, settings) == before
    s.say("PainReportIntent", pain="4")
    last = stored_entry(ddb, settings)
    # 4 is acceptable: the load holds.
    assert last["pain_during"] is None and last["during_verdict"] == "hold"


def test_commands_outside_a_workout_get_a_short_helpful_answer(
    skill: LambdaHandler, calls: StoreCalls, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    before = stored(ddb, settings)
    for intent in (
        "NextSetIntent",
        "SkipExerciseIntent",
        "EasierIntent",
        "HarderIntent",
        "AMAZON.PauseIntent",
        "AMAZON.ResumeIntent",
    ):
        s.say(intent)
        assert "start" in s.speech and not s.ended, intent
        assert len(envelopes.speech_of(s.last)) < 200
    s.say("PainReportIntent", pain="4")
    assert "after each workout" in s.speech and not s.ended
    assert stored(ddb, settings) == before
    # The offer that came with it: yes starts the workout.
    s.say("AMAZON.YesIntent")
    assert s.attributes["mode"] == "workout"


def test_an_unmatched_exercise_name_lists_some_that_exist(
    skill: LambdaHandler, calls: StoreCalls, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    before = stored(ddb, settings)
    s.say("ExerciseHowToIntent", exercise=envelopes.resolved_slot("exercise", "pogo jumps", None))
    assert "don't know that exercise" in s.speech and "bridge holds" in s.speech
    assert not s.ended
    s.say("ExerciseHowToIntent")  # no slot at all ("how do I do this?"): asks which
    assert "Which exercise" in s.speech and "bridge holds" in s.speech
    assert stored(ddb, settings) == before


# --- walkthrough, progress, resume, stop, holds, help --------------------------------------


def test_walkthrough_steps_one_at_a_time_with_next_repeat_and_back(
    skill: LambdaHandler, calls: StoreCalls
) -> None:
    s = Session(skill, calls)
    s.launch()
    nordic = envelopes.resolved_slot("exercise", "nordic curl", "nordic_curl")
    s.say("ExerciseHowToIntent", exercise=nordic)
    assert "in 4 steps" in s.speech and "Step 1:" in s.speech and "Step 2" not in s.speech
    assert "\n2. " in s.last["response"]["card"]["content"]
    s.say("AMAZON.NextIntent")
    assert "Step 2:" in s.speech
    s.say("AMAZON.RepeatIntent")
    assert "Step 2:" in s.speech
    s.say("AMAZON.PreviousIntent")
    assert "Step 1:" in s.speech
    s.say("AMAZON.PreviousIntent")
    assert "first step" in s.speech
    for _ in range(4):
        s.say("AMAZON.NextIntent")
    assert "one thing to remember" in s.speech and "pop" in s.speech
    assert "stage three" in s.speech  # not yet in this person's program
    s.say("AMAZON.NextIntent")  # past the end: the summary again, no crash
    assert "one thing to remember" in s.speech
    s.say("AMAZON.HelpIntent")
    # Past the last step, help says what is left: back, repeat or the workout.
    assert "Say back" in s.speech and "start my workout" in s.speech and not s.ended


def test_progress_reports_sessions_stage_and_pain(
    make_skill: Callable[..., LambdaHandler], settings: Settings, calls: StoreCalls, clock: Clock
) -> None:
    # Pain trends are kept and spoken only by a `full` deployment with its controls in place.
    full = replace(settings, health_data=HealthData.FULL, health_controls=True)
    s = Session(make_skill(settings=full), calls)
    s.launch()
    s.say("ProgressIntent")
    assert "No finished workouts yet" in s.speech
    for pain in ("2", "3"):
        s.say("StartWorkoutIntent")
        if s.attributes.get("mode") == "morning_check":
            s.say("PainReportIntent", pain="2")
            s.say("StartWorkoutIntent")
        finish_workout(s)
        s.say("PainReportIntent", pain=pain)
        next_day(clock)
        s.launch()
    s.say("ProgressIntent")
    assert "2 workouts" in s.speech and "stage one" in s.speech
    assert "pain scores" in s.speech
    assert not s.ended and s.attributes["offer"] == "todays_plan"


def test_an_interrupted_workout_resumes_from_launch_in_a_new_session(
    skill: LambdaHandler, calls: StoreCalls
) -> None:
    s = Session(skill, calls)
    s.launch()
    s.say("StartWorkoutIntent")
    s.say("NextSetIntent")
    s.say("NextSetIntent")
    s.say("AMAZON.StopIntent")
    assert s.ended and "2 of 10 sets" in s.speech
    s.launch()
    assert "partway through" in s.speech and "2 of 10" in s.speech
    s.say("AMAZON.YesIntent")
    assert "set 3 of 5" in s.speech.lower()
    s.say("AMAZON.RepeatIntent")
    assert "set 3 of 5" in s.speech.lower()
    s.say("AMAZON.HelpIntent")
    assert "next set" in s.speech and not s.ended
    s.say("AMAZON.FallbackIntent")
    assert "next set" in s.speech and not s.ended
    s.say("AMAZON.NoIntent")
    assert "No rush" in s.speech and s.attributes["mode"] == "workout"
    s.say("TodaysExercisesIntent")
    assert "partway through" in s.speech


def test_after_todays_workout_another_start_says_it_is_done(
    skill: LambdaHandler, calls: StoreCalls, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    s.say("StartWorkoutIntent")
    finish_workout(s)
    s.say("AMAZON.StopIntent")  # leaves without a pain score
    s.launch()
    assert "hurt during today's workout" in s.speech  # asked again, once, the same day
    s.say("AMAZON.NoIntent")  # "no" may be "none": asked once whether that is a zero
    assert "zero?" in s.speech and not s.ended
    s.say("AMAZON.NoIntent")
    assert s.ended
    s.say("StartWorkoutIntent")  # declined: not asked a third time
    assert "done today's workout" in s.speech or "workout is done" in s.speech
    assert stored(ddb, settings)["sessions_done"] == 1


@pytest.mark.parametrize(
    ("level", "words"), [("urgent", "within a day or two"), ("emergency", "nine one one")]
)
def test_urgent_or_emergency_symptom_check_holds_the_program(
    make_skill: Callable[..., LambdaHandler],
    calls: StoreCalls,
    ddb: DynamoDBClient,
    settings: Settings,
    level: str,
    words: str,
) -> None:
    # A `full` deployment that may speak the reason (test_health_data.py: minimal never does).
    full = replace(settings, health_data=HealthData.FULL, health_controls=True)
    s = Session(make_skill(settings=full), calls)
    s.launch()
    # What an urgent or emergency result leaves, whatever its level.
    overwrite_progress(ddb, settings, envelopes.DEFAULT_USER, paused=True)
    for intent in ("TodaysExercisesIntent", "StartWorkoutIntent"):
        s.say(intent)
        assert "paused" in s.speech and "been checked" in s.speech and "nine one one" in s.speech
        # Open for "I've been checked", the one thing that lifts it.
        assert not s.ended and s.reprompt and "been checked" in s.reprompt
    assert stored(ddb, settings).get("workout") is None


def test_morning_check_can_be_skipped_and_is_not_asked_again_that_day(
    skill: LambdaHandler, calls: StoreCalls, clock: Clock
) -> None:
    s = Session(skill, calls)
    s.launch()
    s.say("StartWorkoutIntent")
    finish_workout(s)
    s.say("PainReportIntent", pain="3")
    next_day(clock)
    s.launch()
    s.say("UnsureIntent")
    assert "usual morning" in s.speech and s.attributes["mode"] == "morning_check"
    s.say("PainReportIntent", pain="12")
    assert "zero" in s.speech and s.attributes["mode"] == "morning_check"
    s.say("AMAZON.NoIntent")
    assert "skip the check" in s.speech
    s.launch()
    assert s.attributes.get("mode") != "morning_check"


def test_a_run_is_briefed_and_logged_when_back(
    skill: LambdaHandler, calls: StoreCalls, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    overwrite_progress(
        ddb,
        settings,
        envelopes.DEFAULT_USER,
        stage=4,
        levels={"single_leg_rdl": 0, "nordic_curl": 0},
    )
    s.say("StartWorkoutIntent")
    # A run goes on its own day, never straight after heavy strength work: today it is the
    # only item, briefed at once.
    assert stored(ddb, settings)["workout"]["plan"] == [["return_to_running", 1, 1]]
    assert "ten percent" in s.speech and "open Hamstring Coach and say done" in s.speech
    s.say("NextSetIntent")
    assert "run" in s.speech.lower() and s.attributes["mode"] == "pain_check"


# --- screens and the user's day ------------------------------------------------------------


def test_screens_get_an_apl_view_with_a_counter_voice_only_gets_none(
    skill: LambdaHandler, calls: StoreCalls
) -> None:
    s = Session(skill, calls, apl=True)
    s.launch()
    s.say("StartWorkoutIntent")
    s.say("NextSetIntent")
    directives = s.last["response"]["directives"]
    render = next(d for d in directives if d["type"] == "Alexa.Presentation.APL.RenderDocument")
    assert render["datasources"]["screen"]["title"] == "Bridge hold"
    assert render["datasources"]["screen"]["progress"] == "Set 1 of 5"
    run = next(d for d in directives if d["type"] == "Alexa.Presentation.APL.ExecuteCommands")
    steps = run["commands"][0]["commands"]
    values = [c["value"] for c in steps if c["type"] == "SetValue"]
    assert values[:2] == ["45", "40"] and "Rest" in values
    assert all(c["delay"] > 0 for c in steps if c["type"] == "Idle")

    plain = Session(skill, calls)
    plain.launch()
    plain.say("NextSetIntent")  # resumes today's workout, voice only
    assert "directives" not in plain.last["response"] or not plain.last["response"]["directives"]


class TimeZoneApi(ApiClient):  # type: ignore[misc]
    """A fake of Alexa's Settings API: answers the device time zone, counts the calls."""

    def __init__(self, zone: str) -> None:
        self.zone = zone
        self.urls: list[str] = []

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        self.urls.append(request.url)
        return ApiClientResponse(headers=[], status_code=200, body=json.dumps(self.zone))


@pytest.fixture
def evening_in_california(clock: Clock) -> Iterator[None]:
    # 20:30 on 25 November in Los Angeles is already 26 November in UTC.
    clock.now = datetime.fromisoformat("2026-11-26T04:30:00+00:00")
    yield


def test_the_day_is_the_devices_day_from_the_settings_api(
    make_skill: Callable[..., LambdaHandler],
    calls: StoreCalls,
    ddb: DynamoDBClient,
    settings: Settings,
    clock: Clock,
    evening_in_california: None,
) -> None:
    api = TimeZoneApi("America/Los_Angeles")
    s = Session(make_skill(api_client=api), calls)
    s.launch()
    s.say("StartWorkoutIntent")
    assert stored(ddb, settings)["workout"]["date"] == "2026-11-25"
    assert len(api.urls) == 1  # asked once per session, then kept in the session
    assert api.urls[0].endswith(f"/v2/devices/{envelopes.DEFAULT_DEVICE}/settings/System.timeZone")
    assert s.attributes["_tz"] == "America/Los_Angeles"


def test_without_the_settings_api_the_locales_zone_is_used(
    skill: LambdaHandler,
    calls: StoreCalls,
    ddb: DynamoDBClient,
    settings: Settings,
    evening_in_california: None,
) -> None:
    s = Session(skill, calls, locale="en-GB")
    s.launch()
    s.say("StartWorkoutIntent")
    assert stored(ddb, settings)["workout"]["date"] == "2026-11-26"  # London: after midnight
    s2 = Session(skill, calls, locale="en-US", user_id="amzn1.ask.account.US")
    s2.launch()
    s2.say("StartWorkoutIntent")
    data = stored(ddb, settings, "amzn1.ask.account.US")
    assert data["workout"]["date"] == "2026-11-25"  # the US guess: still the evening before
    assert s2.attributes["_tz"] == ""


def test_the_morning_check_comes_first_then_what_was_asked_for(
    logged_skill: LambdaHandler, turn_log: TurnLog, calls: StoreCalls, clock: Clock
) -> None:
    s = Session(logged_skill, calls)
    s.launch()
    s.say("StartWorkoutIntent")
    finish_workout(s)
    s.say("PainReportIntent", pain="3")
    next_day(clock)
    s.say("StartWorkoutIntent")  # a one-shot "start my workout", first turn of the day
    assert s.attributes["mode"] == "morning_check"
    s.say("AMAZON.RepeatIntent")
    assert s.attributes["mode"] == "morning_check" and "about the same" in s.speech
    s.say("PainReportIntent", pain="2")
    # One turn: what changed and why, then straight into the workout that was asked for.
    assert "settled" in s.speech.lower() and s.attributes["mode"] == "workout"
    assert "workout_started" in turn_log.turns()[-1]["signals"]  # started by that answer
    assert turn_log.signals().count("workout_started") == 2
    finish_workout(s)
    s.say("PainReportIntent", pain="1")
    next_day(clock)
    s.say("TodaysExercisesIntent")
    assert s.attributes["mode"] == "morning_check"
    s.say("PainReportIntent", pain="0")
    assert "Today" in s.speech and s.attributes["offer"] == "start_workout"


def test_harder_waits_for_a_good_morning_and_lasts_that_day_only(
    skill: LambdaHandler, calls: StoreCalls, clock: Clock, ddb: DynamoDBClient, settings: Settings
) -> None:
    s = Session(skill, calls)
    s.launch()
    s.say("StartWorkoutIntent")
    s.say("HarderIntent")
    assert "first session" in s.speech  # never on a first session
    assert stored(ddb, settings)["workout"]["plan"][0] == ["isometric_bridge_hold", 1, 5]
    finish_workout(s)
    s.say("PainReportIntent", pain="2")
    next_day(clock)
    s.launch()
    s.say("PainReportIntent", pain="1")  # the morning check: settled
    s.say("StartWorkoutIntent")
    s.say("HarderIntent")
    assert "harder, for today only: one-leg bridge holds" in s.speech
    assert stored(ddb, settings)["workout"]["plan"][0] == ["isometric_bridge_hold", 2, 4]
    assert stored(ddb, settings)["levels"] == {}  # the program's own level is unchanged
    s.say("HarderIntent")
    assert "hardest version" in s.speech
    s.say("NextSetIntent")
    assert "Left leg first" in s.speech and "right leg" in s.speech
    finish_workout(s)
    s.say("PainReportIntent", pain="2")
    next_day(clock)
    s.launch()
    s.say("PainReportIntent", pain="1")
    s.say("StartWorkoutIntent")
    plan = stored(ddb, settings)["workout"]["plan"]
    assert ["isometric_bridge_hold", 1, 5] in plan  # back to its own level the next day
