"""The Reminders API client against the local stand-in, over verified TLS on loopback:
each operation, each error status the API returns, and the request shapes it refuses."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import urllib3

from hamstring_coach.adapters.device_settings import AlexaApiClient
from hamstring_coach.adapters.reminders import AlexaReminders
from hamstring_coach.domain.reminders import ReminderApiError, reminder_request, schedule
from local.alexa_api import LocalAlexaApi, RequestError, validate

TOKEN = "token-of-one-person"
NOW = datetime(2026, 11, 25, 9, 30)


@pytest.fixture
def api(tmp_path: Path) -> Iterator[LocalAlexaApi]:
    with LocalAlexaApi(tmp_path) as stand_in:
        yield stand_in


@pytest.fixture
def client(api: LocalAlexaApi) -> AlexaReminders:
    return AlexaReminders(AlexaApiClient(ca_bundle=str(api.ca_file)), api.endpoint, TOKEN)


def _body(days: str | None = "weekdays", at: str = "19:00") -> dict[str, Any]:
    plan = schedule(at, days, NOW)
    return reminder_request(plan, NOW, "Europe/London", "en-GB", "Time for your exercises.")


def test_create_list_get_and_delete_a_reminder(api: LocalAlexaApi, client: AlexaReminders) -> None:
    api.grant(TOKEN)
    token = client.create(_body())
    listed = client.list()
    assert [r["alertToken"] for r in listed] == [token]
    one = client.get(token)
    assert one["status"] == "ON"
    assert one["trigger"]["recurrence"]["recurrenceRules"] == [
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=19;BYMINUTE=0;BYSECOND=0;INTERVAL=1"
    ]
    assert one["trigger"]["timeZoneId"] == "Europe/London"
    assert one["alertInfo"]["spokenInfo"]["content"][0]["locale"] == "en-GB"
    client.delete(token)
    assert client.list() == []
    post = next(c for c in api.calls if c.method == "POST")
    assert post.path == "/v1/alerts/reminders" and post.token == TOKEN and post.status == 200


def test_the_raw_answers_have_the_apis_shapes(api: LocalAlexaApi) -> None:
    api.grant(TOKEN)
    pool = urllib3.PoolManager(ca_certs=str(api.ca_file))
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    url = f"{api.endpoint}/v1/alerts/reminders"
    created = pool.request("POST", url, body=json.dumps(_body()), headers=headers)
    answer = json.loads(created.data)
    assert created.status == 200
    assert set(answer) == {"alertToken", "createdTime", "updatedTime", "status", "version", "href"}
    listed = json.loads(pool.request("GET", url, headers=headers).data)
    assert listed["totalCount"] == "1" and "links" in listed
    put = pool.request(
        "PUT", f"{url}/{answer['alertToken']}", body=json.dumps(_body(at="08:00")), headers=headers
    )
    assert json.loads(put.data)["version"] == "2"
    gone = pool.request("DELETE", f"{url}/missing", headers=headers)
    assert gone.status == 404 and json.loads(gone.data)["code"] == "NOT_FOUND"


def test_without_permission_the_api_answers_401(client: AlexaReminders) -> None:
    with pytest.raises(ReminderApiError) as caught:
        client.create(_body())
    assert (caught.value.kind, caught.value.status) == ("permission", 401)


def test_a_denied_permission_takes_it_back(api: LocalAlexaApi, client: AlexaReminders) -> None:
    api.grant(TOKEN)
    client.list()
    api.deny(TOKEN)
    with pytest.raises(ReminderApiError, match="permission"):
        client.list()


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (403, "forbidden"),
        (429, "throttled"),
        (500, "unavailable"),
        (503, "unavailable"),
        (504, "unavailable"),
        (400, "invalid"),
    ],
)
def test_each_error_status_becomes_its_kind(
    api: LocalAlexaApi, client: AlexaReminders, status: int, kind: str
) -> None:
    api.grant(TOKEN)
    api.fail_next(status)
    with pytest.raises(ReminderApiError) as caught:
        client.create(_body())
    assert (caught.value.kind, caught.value.status) == (kind, status)
    assert client.create(_body())  # the next call goes through again


def test_a_dropped_connection_is_unavailable(api: LocalAlexaApi, client: AlexaReminders) -> None:
    api.grant(TOKEN)
    api.fail_next(0)
    with pytest.raises(ReminderApiError, match="unavailable"):
        client.list()


def test_an_unknown_reminder_is_not_found(api: LocalAlexaApi, client: AlexaReminders) -> None:
    api.grant(TOKEN)
    with pytest.raises(ReminderApiError, match="not_found"):
        client.delete("no-such-reminder")


def test_the_stand_in_is_refused_without_its_authority(api: LocalAlexaApi) -> None:
    api.grant(TOKEN)
    untrusting = AlexaReminders(AlexaApiClient(), api.endpoint, TOKEN)
    with pytest.raises(ReminderApiError, match="unavailable"):
        untrusting.list()
    assert api.calls == []  # refused at the TLS handshake, nothing reached the API


def test_a_silent_api_is_given_up_on_at_the_time_limit() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        client = AlexaReminders(AlexaApiClient(timeout=0.3), f"https://127.0.0.1:{port}", TOKEN)
        started = time.monotonic()
        with pytest.raises(ReminderApiError, match="unavailable"):
            client.list()
        assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda b: b.pop("alertInfo"), "INVALID_REQUEST"),
        (lambda b: b["alertInfo"]["spokenInfo"].update(content=[]), "INVALID_ALERT_INFO"),
        (lambda b: b["trigger"].update(type="SOMETIME"), "INVALID_TRIGGER"),
        (lambda b: b["trigger"].update(timeZoneId="Mars/Olympus"), "INVALID_TIME_ZONE"),
        (
            lambda b: b["trigger"]["recurrence"].update(recurrenceRules=["FREQ=HOURLY"]),
            "INVALID_RECURRENCE",
        ),
        (
            lambda b: b["trigger"]["recurrence"].update(
                recurrenceRules=["FREQ=DAILY;BYHOUR=25;BYMINUTE=0"]
            ),
            "INVALID_RECURRENCE",
        ),
    ],
)
def test_requests_the_api_would_refuse_are_refused(
    change: Callable[[dict[str, Any]], object], code: str
) -> None:
    body = _body()
    change(body)
    with pytest.raises(RequestError) as caught:
        validate(body)
    assert (caught.value.status, caught.value.code) == (400, code)


def test_one_off_and_relative_triggers_are_accepted_and_a_past_time_is_not() -> None:
    body = _body()
    body["trigger"] = {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 3600}
    validate(body)
    body["trigger"] = {
        "type": "SCHEDULED_ABSOLUTE",
        "scheduledTime": "2020-01-01T08:00:00.000",
        "timeZoneId": "Europe/London",
    }
    with pytest.raises(RequestError, match="past"):
        validate(body)
    body["trigger"]["scheduledTime"] = "2099-01-01T08:00:00.000Z"
    with pytest.raises(RequestError, match="local ISO"):
        validate(body)


def test_the_time_zone_is_served_too(api: LocalAlexaApi) -> None:
    pool = urllib3.PoolManager(ca_certs=str(api.ca_file))
    answer = pool.request(
        "GET",
        f"{api.endpoint}/v2/devices/dev-1/settings/System.timeZone",
        headers={"Authorization": "Bearer anything"},
    )
    assert json.loads(answer.data) == api.time_zone


def test_permission_can_be_set_by_an_emulator_in_another_process(api: LocalAlexaApi) -> None:
    pool = urllib3.PoolManager(ca_certs=str(api.ca_file))
    url = f"{api.endpoint}/_local/permissions/{TOKEN}"
    assert pool.request("PUT", url, body=b'{"status": "GRANTED"}').status == 200
    client = AlexaReminders(AlexaApiClient(ca_bundle=str(api.ca_file)), api.endpoint, TOKEN)
    assert client.list() == []
    assert pool.request("PUT", url, body=b'{"status": "maybe"}').status == 400
