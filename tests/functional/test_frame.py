"""The conversation's frame through the real lambda_handler on moto."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from hamstring_coach.adapters.dynamo import progress_of
from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.identity import user_key
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conftest import Clock
from tests.conversation import Conversation
from tests.stored import readable

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


def _progress_items(ddb: DynamoDBClient, table: str) -> list[dict[str, Any]]:
    return list(ddb.scan(TableName=table)["Items"])


def test_first_launch_welcomes_with_disclaimer_and_asks(skill: LambdaHandler) -> None:
    out = skill(envelopes.launch(), None)
    ssml = envelopes.speech_of(out)
    assert "Welcome to Hamstring Coach" in ssml
    assert "not a doctor" in ssml and "nine one one" in ssml
    assert out["response"]["shouldEndSession"] is False
    assert envelopes.reprompt_of(out)


def test_returning_user_gets_short_welcome_without_repeating_disclaimer(
    skill: LambdaHandler, clock: Clock
) -> None:
    skill(envelopes.launch(), None)
    out = skill(envelopes.launch(), None)
    ssml = envelopes.speech_of(out)
    assert "Welcome to Hamstring Coach" not in ssml
    assert "not a doctor" not in ssml
    assert envelopes.reprompt_of(out)


def test_help_explains_carries_disclaimer_and_keeps_session_open(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("AMAZON.HelpIntent")
    assert "symptom check" in convo.speech
    assert "emergency" in convo.speech
    assert convo.reprompt and not convo.ended


def test_stop_cancel_and_home_end_the_session(skill: LambdaHandler) -> None:
    for name in ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"):
        out = skill(envelopes.intent(name), None)
        assert out["response"]["shouldEndSession"] is True
        assert envelopes.speech_of(out)


def test_fallback_and_unknown_intent_speak_and_reprompt(skill: LambdaHandler) -> None:
    for name in ("AMAZON.FallbackIntent", "SomeIntentThisSkillNeverHad"):
        out = skill(envelopes.intent(name), None)
        assert envelopes.speech_of(out)
        assert envelopes.reprompt_of(out)
        assert out["response"]["shouldEndSession"] is False


def test_yes_with_nothing_offered_points_to_the_menu(skill: LambdaHandler) -> None:
    out = skill(envelopes.intent("AMAZON.YesIntent"), None)
    assert "today's exercises" in envelopes.speech_of(out)
    assert envelopes.reprompt_of(out)


def test_session_ended_returns_an_empty_response(skill: LambdaHandler) -> None:
    out = skill(envelopes.session_ended("EXCEEDED_MAX_REPROMPTS"), None)
    assert "outputSpeech" not in out["response"]


def test_malformed_event_still_gets_a_spoken_answer(skill: LambdaHandler) -> None:
    for event in ({}, {"request": "nonsense"}, {"version": "1.0", "request": {"type": 7}}):
        out = skill(event, None)
        assert "<speak>" in envelopes.speech_of(out)


def test_progress_is_keyed_by_derived_id_and_raw_id_is_not_stored(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    skill(envelopes.launch(user_id="amzn1.ask.account.SECRETUSER"), None)
    items = _progress_items(ddb, settings.progress_table)
    assert len(items) == 1
    raw = readable(items[:1])
    assert "SECRETUSER" not in raw
    assert items[0]["pk"]["S"] == user_key(settings.user_key_secret, "amzn1.ask.account.SECRETUSER")
    assert int(items[0]["version"]["N"]) == 1
    assert int(items[0]["expires_at"]["N"]) > 0


def test_two_voice_profiles_on_one_account_keep_separate_progress(
    skill: LambdaHandler, ddb: DynamoDBClient, settings: Settings
) -> None:
    skill(envelopes.launch(person_id="amzn1.ask.person.ANNA"), None)
    out = skill(envelopes.launch(person_id="amzn1.ask.person.BEN"), None)
    # Ben is new even though Anna has visited on the same account.
    assert "Welcome to Hamstring Coach" in envelopes.speech_of(out)
    assert len(_progress_items(ddb, settings.progress_table)) == 2


def test_locale_lines_override_the_emergency_number(skill: LambdaHandler) -> None:
    out = skill(envelopes.launch(locale="en-GB"), None)
    assert "nine nine nine" in envelopes.speech_of(out)
    out = skill(envelopes.launch(locale="en-AU", user_id="amzn1.ask.account.AU"), None)
    assert "triple zero" in envelopes.speech_of(out)


def test_unsupported_locale_falls_back_to_english(skill: LambdaHandler) -> None:
    out = skill(envelopes.launch(locale="de-DE"), None)
    assert "Hamstring Coach" in envelopes.speech_of(out)


def test_store_failure_is_spoken_and_nothing_is_lost(
    make_skill: Callable[..., LambdaHandler], ddb: DynamoDBClient, settings: Settings
) -> None:
    skill = make_skill()
    skill(envelopes.launch(), None)  # warm the content cache, store progress v1

    def throttle(**_: Any) -> None:
        raise ClientError(
            {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "slow"}},
            "GetItem",
        )

    ddb.meta.events.register("before-call.dynamodb.GetItem", throttle)
    try:
        out = skill(envelopes.launch(), None)
    finally:
        ddb.meta.events.unregister("before-call.dynamodb.GetItem", throttle)
    assert "try again" in envelopes.speech_of(out)
    assert out["response"]["shouldEndSession"] is False
    items = _progress_items(ddb, settings.progress_table)
    assert int(items[0]["version"]["N"]) == 1  # untouched


def test_failed_write_is_kept_in_session_and_written_next_turn(
    make_skill: Callable[..., LambdaHandler], ddb: DynamoDBClient, settings: Settings
) -> None:
    skill = make_skill()
    skill(envelopes.intent("AMAZON.HelpIntent"), None)  # warm content, no progress write

    def fail(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "InternalServerError", "Message": "x"}}, "PutItem")

    launch = envelopes.launch()
    ddb.meta.events.register("before-call.dynamodb.PutItem", fail)
    try:
        out = skill(launch, None)
    finally:
        ddb.meta.events.unregister("before-call.dynamodb.PutItem", fail)
    pending = out["sessionAttributes"]["_pending"]["events"]
    assert pending and pending[0]["type"] == "visit"
    assert _progress_items(ddb, settings.progress_table) == []
    # Next turn in the same session (its id, so the sealed attributes are accepted): the
    # deferred visit is written from the session. (Until round 33 a container-memory copy
    # also wrote it, which hid that this test's second turn was another session.)
    same = launch["session"]["sessionId"]
    skill(
        envelopes.intent(
            "AMAZON.HelpIntent", session_attributes=out["sessionAttributes"], session_id=same
        ),
        None,
    )
    items = _progress_items(ddb, settings.progress_table)
    assert len(items) == 1
    assert progress_of(items[0]).visits == 1


def test_warm_turn_reads_no_content_and_progress_at_most_once(
    make_skill: Callable[..., LambdaHandler], ddb: DynamoDBClient, settings: Settings
) -> None:
    skill = make_skill()
    skill(envelopes.launch(), None)
    calls: list[tuple[str, str]] = []

    def count(params: dict[str, Any], model: Any, **_: Any) -> None:
        calls.append((model.name, params.get("TableName", "")))

    ddb.meta.events.register("before-parameter-build.dynamodb", count)
    skill(envelopes.launch(), None)
    content_calls = [c for c in calls if c[1] == settings.content_table]
    reads = [c for c in calls if c[0] in ("GetItem", "Query")]
    writes = [c for c in calls if c[0] in ("PutItem", "UpdateItem")]
    assert content_calls == []
    assert len(reads) <= 1 and len(writes) <= 1


def test_a_cold_first_turn_queries_only_content_partitions_that_exist(
    make_skill: Callable[..., LambdaHandler], ddb: DynamoDBClient, settings: Settings
) -> None:
    # Content lives in `en` with overrides in a few locales; en-US has none of its own.
    calls: list[tuple[str, str, str]] = []

    def count(params: dict[str, Any], model: Any, **_: Any) -> None:
        values = params.get("ExpressionAttributeValues", {})
        partition = values.get(":p", {}).get("S", "")
        calls.append((model.name, params.get("TableName", ""), partition))

    ddb.meta.events.register("before-parameter-build.dynamodb", count)
    for locale, partitions in (("en-US", ["en"]), ("en-GB", ["en", "en-GB"])):
        calls.clear()
        make_skill()(envelopes.launch(locale=locale), None)
        content = [c for c in calls if c[1] == settings.content_table]
        # One Query a partition that exists, in order, and none for another: content bodies
        # are stored compressed (adapters/content_codec.py) so "en", learned models and
        # all, fits DynamoDB's 1 MB page (round 26 it did not, and took two).
        assert content == [
            ("GetItem", settings.content_table, ""),
            *(("Query", settings.content_table, p) for p in partitions),
        ], locale


def test_a_yes_after_the_menu_question_does_not_take_up_an_older_offer(
    skill: LambdaHandler,
) -> None:
    # Today's plan asks "ready to start?"; something unheard gets the menu's question, so a
    # "yes" now answers the menu (nothing offered), not the plan two turns back.
    talk = Conversation(skill)
    talk.launch()
    talk.say("TodaysExercisesIntent")
    assert talk.attributes.get("offer")
    talk.say("AMAZON.FallbackIntent")
    assert "offer" not in talk.attributes
    out = talk.say("AMAZON.YesIntent")
    assert "today's exercises" in envelopes.speech_of(out).lower()
    assert talk.attributes.get("mode") is None


def test_a_second_fallback_puts_the_symptom_check_first(skill: LambdaHandler) -> None:
    """(Round 22) Someone describing a new warning sign in words no carrier phrase holds
    hears "sorry" and then this: the symptom check, said as what it is for, comes first."""
    talk = Conversation(skill)
    talk.launch()
    talk.say("AMAZON.FallbackIntent")
    out = talk.say("AMAZON.FallbackIntent")
    speech = envelopes.speech_of(out).lower()
    assert "check my symptoms" in speech and "worrying" in speech
    assert speech.index("check my symptoms") < speech.index("start my workout")
    assert envelopes.reprompt_of(out) and not out["response"]["shouldEndSession"]
