"""Privacy through the real lambda_handler on moto: derived keys, delete my data, the
SkillDisabled event, and one household member's data never spoken to another."""

from __future__ import annotations

import logging
import random
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

import pytest
from botocore.exceptions import ClientError

from hamstring_coach.adapters.dynamo import DynamoProgressRepository, progress_of
from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.domain.identity import user_key
from hamstring_coach.domain.progress import HISTORY_DAYS, UserProgress
from hamstring_coach.settings import Settings
from hamstring_coach.turn import Turn
from local import envelopes
from tests.conftest import Clock
from tests.conversation import Conversation
from tests.stored import readable

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

ACCOUNT = "amzn1.ask.account.HOUSEHOLD"
ANNA = "amzn1.ask.person.ANNA"
BEN = "amzn1.ask.person.BEN"


def _keys(ddb: DynamoDBClient, settings: Settings) -> set[str]:
    return {i["pk"]["S"] for i in ddb.scan(TableName=settings.progress_table)["Items"]}


def _key(settings: Settings, user: str = ACCOUNT, person: str | None = None) -> str:
    return user_key(settings.user_key_secret, user, person)


def skill_disabled(user_id: str = ACCOUNT, status: str = "NOT_PERSISTED") -> dict[str, Any]:
    """The SkillDisabled event as Alexa sends it: no session, no locale needed, a body."""
    return {
        "version": "1.0",
        "context": {
            "System": {
                "application": {"applicationId": envelopes.DEFAULT_APP},
                "user": {"userId": user_id},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "type": "AlexaSkillEvent.SkillDisabled",
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": "2026-11-25T09:30:00Z",
            "eventCreationTime": "2026-11-25T09:30:00Z",
            "eventPublishingTime": "2026-11-25T09:30:00Z",
            "body": {"userInformationPersistenceStatus": status},
        },
    }


# --- derived keys ------------------------------------------------------------------------


def test_keys_differ_across_deployment_secrets_and_never_contain_the_ids() -> None:
    for person in (None, ANNA):
        a = user_key(b"deployment-one", ACCOUNT, person)
        b = user_key(b"deployment-two", ACCOUNT, person)
        assert a != b
        for key in (a, b):
            assert "HOUSEHOLD" not in key and "ANNA" not in key and "amzn1" not in key
            assert len(key) == 64 and all(ch in "0123456789abcdef" for ch in key)
    # A person's key is not the account's, and two people on one account differ.
    assert len({_key_for(None), _key_for(ANNA), _key_for(BEN)}) == 3


def _key_for(person: str | None) -> str:
    return user_key(b"s", ACCOUNT, person)


def test_stored_items_hold_no_alexa_id(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    Conversation(skill, user_id=ACCOUNT, person_id=ANNA).launch()
    Conversation(skill, user_id=ACCOUNT).launch()
    dump = readable(ddb.scan(TableName=settings.progress_table)["Items"])
    assert "HOUSEHOLD" not in dump and "ANNA" not in dump and "amzn1" not in dump
    # Anna's item is linked to the account by the account's derived key, nothing else.
    items = {i["pk"]["S"]: i for i in ddb.scan(TableName=settings.progress_table)["Items"]}
    assert items[_key(settings, person=ANNA)]["account"]["S"] == _key(settings)
    assert "account" not in items[_key(settings)]


# --- delete my data ----------------------------------------------------------------------


def test_delete_asks_first_and_no_keeps_everything(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = Conversation(skill, user_id=ACCOUNT)
    convo.launch()
    convo.say("DeleteDataIntent")
    assert "delete" in convo.speech and convo.reprompt and not convo.ended
    convo.say("AMAZON.NoIntent")
    assert "kept everything" in convo.speech or "nothing has been deleted" in convo.speech
    assert not convo.ended and convo.reprompt
    assert _keys(ddb, settings) == {_key(settings)}


def test_yes_deletes_the_record_and_says_what_went(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = Conversation(skill, user_id=ACCOUNT)
    convo.launch()
    convo.say("DeleteDataIntent")
    convo.say("AMAZON.YesIntent")
    assert "I've deleted your program stage and exercise levels" in convo.speech
    assert "when you last used the skill" in convo.speech
    assert "disable Hamstring Coach in the Alexa app" in convo.speech
    assert convo.ended
    assert _keys(ddb, settings) == set()
    # Coming back is a fresh start: the first-visit welcome again.
    assert "Welcome to Hamstring Coach" in envelopes.speech_of(
        skill(envelopes.launch(user_id=ACCOUNT), None)
    )


@pytest.mark.parametrize(
    ("intent", "slots"),
    [
        ("ReportSymptomIntent", {"statement": "what will that do"}),
        ("QuestionIntent", {"query": "does that delete my exercises too"}),
    ],
)
def test_a_question_to_the_delete_question_explains_and_asks_again(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, intent: str, slots: Any
) -> None:
    # "Hmm, what will that do?" got the what-is-it answer, and the question dropped.
    convo = Conversation(skill, user_id=ACCOUNT)
    convo.launch()
    convo.say("DeleteDataIntent")
    convo.say(intent, **slots)
    assert "Say yes to delete" in convo.speech and convo.reprompt, convo.speech
    convo.say("AMAZON.YesIntent")
    assert _keys(ddb, settings) == set()


def test_a_red_flag_said_to_the_delete_question_comes_first(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = Conversation(skill, user_id=ACCOUNT)
    convo.launch()
    convo.say("DeleteDataIntent")
    convo.say("ReportSymptomIntent", statement="actually I can't feel between my legs")
    assert "nine one one" in convo.speech, convo.speech
    assert _keys(ddb, settings) == {_key(settings)}  # nothing deleted


@pytest.mark.parametrize(
    ("profile", "says"), [(HealthData.MINIMAL, "never kept"), (HealthData.FULL, "ninety days")]
)
def test_what_is_kept_is_said_as_the_deployment_keeps_it(
    make_skill: Callable[..., LambdaHandler], settings: Settings, profile: HealthData, says: str
) -> None:
    convo = Conversation(make_skill(settings=replace(settings, health_data=profile)))
    convo.launch()
    convo.say("PrivacyInfoIntent")
    assert says in convo.speech and "delete my data" in convo.speech, convo.speech
    assert convo.reprompt and not convo.ended


def test_the_confirmation_lasts_one_turn_only(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = Conversation(skill, user_id=ACCOUNT)
    convo.launch()
    convo.say("DeleteDataIntent")
    convo.say("AMAZON.HelpIntent")  # explains and asks again
    assert "Say yes to delete" in convo.speech and convo.reprompt
    convo.say("ProgressIntent")  # the user moves on
    convo.say("AMAZON.YesIntent")  # a later yes, to something else
    assert _keys(ddb, settings) == {_key(settings)}


def test_nothing_saved_means_nothing_to_confirm(skill: LambdaHandler) -> None:
    out = skill(envelopes.intent("DeleteDataIntent", user_id="amzn1.ask.account.NEW"), None)
    assert "nothing to delete" in envelopes.speech_of(out)
    assert "_delete_armed" not in (out.get("sessionAttributes") or {})


def test_a_voice_profile_deletes_only_its_own_record(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    Conversation(skill, user_id=ACCOUNT).launch()
    Conversation(skill, user_id=ACCOUNT, person_id=BEN).launch()
    anna = Conversation(skill, user_id=ACCOUNT, person_id=ANNA)
    anna.launch()
    anna.say("DeleteDataIntent")
    anna.say("AMAZON.YesIntent")
    assert _keys(ddb, settings) == {_key(settings), _key(settings, person=BEN)}


def test_an_unrecognised_voice_deletes_the_account_record_only(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    Conversation(skill, user_id=ACCOUNT, person_id=ANNA).launch()
    guest = Conversation(skill, user_id=ACCOUNT)
    guest.launch()
    guest.say("DeleteDataIntent")
    guest.say("AMAZON.YesIntent")
    assert _keys(ddb, settings) == {_key(settings, person=ANNA)}


def test_unsaved_updates_in_the_session_are_not_written_after_a_delete(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = Conversation(skill, user_id=ACCOUNT)
    convo.launch()
    convo.say("DeleteDataIntent")
    convo.restore(
        {**convo.attributes, "_pending": {"events": [{"type": "visit", "date": "2026-11-26"}]}},
        settings.user_key_secret,
    )
    convo.say("AMAZON.YesIntent")
    assert _keys(ddb, settings) == set()


def test_store_down_during_delete_apologises_and_keeps_the_question_safe(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    convo = Conversation(skill, user_id=ACCOUNT)
    convo.launch()
    convo.say("DeleteDataIntent")

    def fail(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "InternalServerError", "Message": "x"}}, "Delete")

    ddb.meta.events.register("before-call.dynamodb.DeleteItem", fail)
    try:
        convo.say("AMAZON.YesIntent")
    finally:
        ddb.meta.events.unregister("before-call.dynamodb.DeleteItem", fail)
    assert "try again" in convo.speech and not convo.ended
    assert _keys(ddb, settings) == {_key(settings)}


# --- SkillDisabled -----------------------------------------------------------------------


@pytest.mark.parametrize("status", ["NOT_PERSISTED", "PERSISTED"])
def test_skill_disabled_deletes_the_whole_household_and_nothing_else(
    skill: LambdaHandler,
    ddb: DynamoDBClient,
    settings: Settings,
    status: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    Conversation(skill, user_id=ACCOUNT).launch()
    Conversation(skill, user_id=ACCOUNT, person_id=ANNA).launch()
    Conversation(skill, user_id=ACCOUNT, person_id=BEN).launch()
    neighbour = "amzn1.ask.account.NEIGHBOUR"
    Conversation(skill, user_id=neighbour).launch()
    Conversation(skill, user_id=neighbour, person_id="amzn1.ask.person.NEIGHBOURANNA").launch()
    before = _keys(ddb, settings)
    caplog.set_level(logging.INFO, logger="hamstring_coach")
    out = skill(skill_disabled(status=status), None)
    assert "outputSpeech" not in out["response"]
    household = {_key(settings), _key(settings, person=ANNA), _key(settings, person=BEN)}
    assert _keys(ddb, settings) == before - household
    assert len(_keys(ddb, settings)) == 2
    record = next(r for r in caplog.records if r.getMessage().startswith("skill disabled"))
    assert (record.__dict__["records"], record.__dict__["persistence"]) == (3, status)


def test_skill_disabled_for_an_unknown_account_is_harmless(skill: LambdaHandler) -> None:
    out = skill(skill_disabled(user_id="amzn1.ask.account.NEVERSEEN"), None)
    assert out["response"].get("outputSpeech") is None


# --- two voice profiles on one account ---------------------------------------------------

PROBES: list[tuple[str, dict[str, Any]]] = [
    ("ProgressIntent", {}),
    ("TodaysExercisesIntent", {}),
    ("AMAZON.HelpIntent", {}),
    ("SymptomCheckIntent", {}),
]
POP = envelopes.resolved_slot("symptom", "pop", "pop")


def _transcript(skill: LambdaHandler, **identity: Any) -> list[str]:
    convo = Conversation(skill, **identity)
    said = [envelopes.speech_of(convo.launch())]
    for intent, slots in PROBES:
        said.append(envelopes.speech_of(convo.say(intent, **slots)))
    return said


def _anna_builds_a_history(skill: LambdaHandler) -> Conversation:
    """A finished workout with a pain score, then a symptom check with an urgent result."""
    anna = Conversation(skill, user_id=ACCOUNT, person_id=ANNA)
    anna.launch()
    anna.say("StartWorkoutIntent")
    for _ in range(40):
        anna.say("NextSetIntent")
        if anna.attributes.get("mode") != "workout":
            break
    assert anna.attributes.get("mode") == "pain_check"
    anna.say("PainReportIntent", pain="3")
    anna = Conversation(skill, user_id=ACCOUNT, person_id=ANNA)
    anna.launch()
    anna.say("SymptomCheckIntent", symptom=POP)
    for _ in range(10):
        if anna.ended:
            break
        anna.say("AMAZON.NoIntent")
    return anna


def test_one_persons_progress_and_results_are_never_spoken_to_another_voice(
    make_skill: Callable[..., LambdaHandler], ddb: DynamoDBClient, settings: Settings
) -> None:
    # A `full` deployment that may speak health data: the most there is to leak, Anna's
    # pain scores and her check's result.
    full = replace(settings, health_data=HealthData.FULL, health_controls=True)
    make_skill = partial(make_skill, settings=full)
    _anna_builds_a_history(make_skill())
    item = ddb.get_item(
        TableName=settings.progress_table, Key={"pk": {"S": _key(settings, person=ANNA)}}
    )["Item"]
    anna_data = progress_of(item).to_dict()
    assert anna_data["sessions"][-1]["pain_during"] == 3
    assert anna_data["paused"] is True
    # Anna herself hears her history: the probes can reveal it.
    anna_hears = _transcript(make_skill(rng=random.Random(11)), user_id=ACCOUNT, person_id=ANNA)
    newcomer = _transcript(make_skill(rng=random.Random(11)), user_id="amzn1.ask.account.NEW1")
    assert anna_hears != newcomer
    assert anna_hears[1] != newcomer[1] and "first workout" in anna_hears[1]  # her report

    # Ben (another recognised voice) and an unrecognised voice on the same account hear
    # exactly what a brand-new user hears: same words, turn by turn.
    ben = _transcript(make_skill(rng=random.Random(11)), user_id=ACCOUNT, person_id=BEN)
    ben_elsewhere = _transcript(
        make_skill(rng=random.Random(11)), user_id=ACCOUNT, person_id="amzn1.ask.person.NEW"
    )
    assert ben == ben_elsewhere
    guest = _transcript(make_skill(rng=random.Random(11)), user_id=ACCOUNT)
    newcomer2 = _transcript(make_skill(rng=random.Random(11)), user_id="amzn1.ask.account.NEW2")
    assert guest == newcomer2 == newcomer
    for said in (*ben, *guest):
        assert "first workout" not in said and "urgent" not in said.lower()

    # And Anna's record is untouched by their visits.
    item = ddb.get_item(
        TableName=settings.progress_table, Key={"pk": {"S": _key(settings, person=ANNA)}}
    )["Item"]
    assert progress_of(item).to_dict()["sessions"] == anna_data["sessions"]


# --- retention ---------------------------------------------------------------------------


def test_the_record_expires_a_retention_period_after_the_last_visit(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings, clock: Clock
) -> None:
    def expires_at() -> datetime:
        key = {"pk": {"S": _key(settings)}}
        item = ddb.get_item(TableName=settings.progress_table, Key=key)["Item"]
        return datetime.fromtimestamp(int(item["expires_at"]["N"]), tz=UTC)

    skill(envelopes.launch(user_id=ACCOUNT), None)
    first = clock.now.date()
    assert expires_at().date() == first + timedelta(days=settings.retention_days)
    clock.now += timedelta(days=40)
    skill(envelopes.launch(user_id=ACCOUNT), None)
    assert expires_at().date() == first + timedelta(days=40 + settings.retention_days)


def test_old_history_is_pruned_when_the_record_is_saved(
    ddb: DynamoDBClient, settings: Settings, today: date
) -> None:
    repo = DynamoProgressRepository(ddb, settings.progress_table)
    old = (today - timedelta(days=HISTORY_DAYS + 1)).isoformat()
    recent = (today - timedelta(days=HISTORY_DAYS)).isoformat()
    repo.save("k", UserProgress(sessions=[{"date": old}, {"date": recent}]), None, 0)
    turn = Turn(repo, "k", today, settings.retention_days)
    turn.record({"type": "visit", "date": today.isoformat()})
    turn.commit()
    stored = repo.load("k")
    assert stored is not None and stored.progress.sessions == [{"date": recent}]


def test_a_failed_turn_after_the_question_still_disarms_it(
    make_skill: Callable[..., LambdaHandler], ddb: DynamoDBClient, settings: Settings
) -> None:
    # Content is re-checked every turn here, so an outage fails the turn before any handler.
    skill = make_skill(settings=replace(settings, content_refresh_seconds=0))
    convo = Conversation(skill, user_id=ACCOUNT)
    convo.launch()
    convo.say("DeleteDataIntent")

    def fail(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "InternalServerError", "Message": "x"}}, "GetItem")

    ddb.meta.events.register("before-call.dynamodb.GetItem", fail)
    try:
        convo.say("AMAZON.NoIntent")  # the answer is lost to an outage
    finally:
        ddb.meta.events.unregister("before-call.dynamodb.GetItem", fail)
    assert "try again" in convo.speech and "nothing has been deleted" not in convo.speech
    convo.say("AMAZON.YesIntent")  # a later yes must not delete
    assert _keys(ddb, settings) == {_key(settings)}
