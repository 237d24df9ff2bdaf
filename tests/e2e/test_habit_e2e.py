"""Reminders and the weekly review as virtual-alexa hears them: over HTTP (local.serve) on
dynalite, the skill's API calls going to the local Reminders API stand-in over verified
TLS, and the driver playing Alexa's side of the voice consent."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hamstring_coach.adapters.dynamo import DynamoProgressRepository
from hamstring_coach.app import create_app
from hamstring_coach.domain.identity import user_key
from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.settings import Settings
from local.alexa_api import LocalAlexaApi
from local.runtime import LocalApiClient
from local.serve import RunningServer, start_in_thread
from tests.conftest import Clock
from tests.e2e.harness import Turn, run_script, speech
from tests.stored import workout_day

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.e2e

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)  # a Wednesday, noon in Chicago


@pytest.fixture(scope="module")
def alexa_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalAlexaApi]:
    with LocalAlexaApi(Path(tmp_path_factory.mktemp("alexa-api"))) as api:
        yield api


@pytest.fixture(scope="module")
def habit_server(
    dynalite_settings: Settings, dynalite_client: DynamoDBClient, alexa_api: LocalAlexaApi
) -> Iterator[RunningServer]:
    app = create_app(
        dynalite_settings,
        client=dynalite_client,
        api_client=LocalApiClient(alexa_api),
        clock=Clock(NOW),
    )
    with start_in_thread(app) as server:
        yield server


def _talk(
    server: RunningServer, api: LocalAlexaApi, user: str, token: str, utterances: list[str]
) -> list[Turn]:
    return run_script(
        server.url,
        utterances,
        user_id=user,
        alexa_api={
            "apiEndpoint": api.endpoint,
            "apiAccessToken": token,
            "consentURL": f"{api.endpoint}/_local/permissions/{token}",
            "caFile": str(api.ca_file),
        },
    )


def test_consent_by_voice_then_list_and_stop(
    habit_server: RunningServer, alexa_api: LocalAlexaApi, e2e_user: str
) -> None:
    token = f"e2e-{uuid.uuid4().hex}"
    turns = _talk(
        habit_server,
        alexa_api,
        e2e_user,
        token,
        [
            "open hamstring coach",
            "remind me to do my exercises at 7 pm",
            "yes",
            "ask hamstring coach what reminders do i have",
            "ask hamstring coach to stop my reminders",
        ],
    )
    _, asked, consent, listed, stopped = turns
    directives = asked.response["response"]["directives"] if asked.response else []
    assert [d["name"] for d in directives] == ["AskFor"]
    assert consent.kind == "consent"
    assert (
        consent.request is not None and consent.request["request"]["type"] == "Connections.Response"
    )
    assert "every day at 7 P M" in speech(consent.response)
    assert "every day at 7 P M" in speech(listed.response)
    assert "stopped your exercise reminder" in speech(stopped.response)
    assert alexa_api.reminders(token) == []
    posts = [c for c in alexa_api.calls if c.method == "POST" and c.token == token]
    assert [c.status for c in posts] == [200]


def test_a_denied_consent_sets_nothing(
    habit_server: RunningServer, alexa_api: LocalAlexaApi, e2e_user: str
) -> None:
    token = f"e2e-{uuid.uuid4().hex}"
    turns = _talk(
        habit_server,
        alexa_api,
        e2e_user,
        token,
        ["open hamstring coach", "remind me every weekday at 8", "no"],
    )
    assert "no reminders" in speech(turns[-1].response).lower()
    assert alexa_api.reminders(token) == []


def test_a_bad_time_is_asked_again_by_voice(
    habit_server: RunningServer, alexa_api: LocalAlexaApi, e2e_user: str
) -> None:
    token = f"e2e-{uuid.uuid4().hex}"
    turns = _talk(
        habit_server, alexa_api, e2e_user, token, ["open hamstring coach", "set a reminder"]
    )
    again = turns[-1].response or {}
    assert "What time" in speech(again) or "What time" in speech(again).replace("Sure. ", "")
    assert again["response"]["shouldEndSession"] is False


def _seed_four_weeks(settings: Settings, client: DynamoDBClient, user: str) -> None:
    """Four weeks of history as the workout feature stores it (the functional tier builds
    the same by voice; here the point is the voice path of the review)."""
    today = NOW.date()
    sessions: list[SessionEntry] = []
    for ago in range(27, 0, -1):
        day = today - timedelta(days=ago)
        if day.weekday() not in (0, 2, 4):
            continue
        week = (27 - ago) // 7
        sessions.append(
            workout_day(
                day, ["bridge"], pain_during=2, morning_check=(4, 3, 3, 2)[week], verdict="good"
            )
        )
    progress = UserProgress(
        last_visit=(today - timedelta(days=1)).isoformat(),
        visits=len(sessions),
        stage=2,
        sessions=sessions,
        sessions_done=len(sessions),
    )
    repo = DynamoProgressRepository(client, settings.progress_table)
    key = user_key(settings.user_key_secret, user)
    repo.save(key, progress, None, int((date(2027, 12, 1) - date(1970, 1, 1)).total_seconds()))


def test_how_was_my_week(
    habit_server: RunningServer,
    alexa_api: LocalAlexaApi,
    dynalite_settings: Settings,
    dynalite_client: DynamoDBClient,
    e2e_user: str,
) -> None:
    _seed_four_weeks(dynalite_settings, dynalite_client, e2e_user)
    turns = _talk(
        habit_server, alexa_api, e2e_user, "e2e-review", ["open hamstring coach", "how was my week"]
    )
    review = turns[-1]
    assert review.intent == "WeeklyReviewIntent"
    said = speech(review.response)
    assert "planned sessions" in said
    assert "don't keep pain scores" in said  # the default profile keeps none
    assert "One thing for next week" in said
    assert len(said.split()) / 2.5 < 30
    assert (review.response or {})["response"]["card"]["title"] == "Your week"
