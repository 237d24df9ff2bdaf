"""Only our skill's requests are answered when a skill ID is configured."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from hamstring_coach.app import ForeignSkillError, LambdaHandler
from hamstring_coach.settings import Settings
from local import envelopes

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

OURS = "amzn1.ask.skill.00000000-0000-0000-0000-000000000001"
THEIRS = "amzn1.ask.skill.99999999-9999-9999-9999-999999999999"


def test_a_request_for_another_skill_is_refused_and_never_answered(
    make_skill: Callable[..., LambdaHandler], settings: Settings, ddb: DynamoDBClient
) -> None:
    skill = make_skill(settings=replace(settings, skill_id=OURS))
    ours = skill(envelopes.launch(application_id=OURS), None)
    assert "Hamstring Coach" in envelopes.speech_of(ours)
    before = ddb.scan(TableName=settings.progress_table)["Items"]
    for event in (
        envelopes.launch(application_id=THEIRS, user_id="amzn1.ask.account.OTHER"),
        envelopes.intent("DeleteDataIntent", application_id=THEIRS),
        envelopes.session_ended(application_id=THEIRS),
    ):
        with pytest.raises(ForeignSkillError):
            skill(event, None)
    # Nothing was read for them or written: the refusal comes before any handler.
    assert ddb.scan(TableName=settings.progress_table)["Items"] == before


def test_without_a_skill_id_any_application_is_accepted(skill: LambdaHandler) -> None:
    for n, app_id in enumerate((OURS, THEIRS, "amzn1.ask.skill.local-test")):
        user = f"amzn1.ask.account.USER{n}"
        out = skill(envelopes.launch(application_id=app_id, user_id=user), None)
        assert "Welcome to Hamstring Coach" in envelopes.speech_of(out)


def test_skill_id_comes_from_the_environment_and_blank_means_unset() -> None:
    assert Settings.from_env({"SKILL_ID": OURS}).skill_id == OURS
    assert Settings.from_env({"SKILL_ID": ""}).skill_id is None
    assert Settings.from_env({}).skill_id is None
