"""Properties of the synthesized stack: storage, grants, the Alexa trigger, the functions."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from hamstring_coach.adapters.content_seed import SEED_FORMAT, source_version
from hamstring_coach.adapters.dynamo import ACCOUNT_INDEX
from tests.infra.conftest import (
    CLI_STACK,
    CONFIGURED_STACK,
    SKILL_ID,
    Synth,
    one,
    resources,
)
from tools.content_source import load_source

pytestmark = pytest.mark.infra

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "lambda" / "hamstring_coach"
SKILL_HANDLER = "hamstring_coach.app.lambda_handler"
SEED_HANDLER = "hamstring_coach.seed_on_deploy.handler"


# --- helpers ---------------------------------------------------------------------------------


def _tables(template: dict[str, Any]) -> tuple[str, dict[str, Any], str, dict[str, Any]]:
    tables = resources(template, "AWS::DynamoDB::Table")
    content = [k for k, v in tables.items() if len(v["Properties"]["KeySchema"]) == 2]
    progress = [k for k, v in tables.items() if "TimeToLiveSpecification" in v["Properties"]]
    assert len(content) == 1 and len(progress) == 1 and content != progress
    return content[0], tables[content[0]], progress[0], tables[progress[0]]


def _function(template: dict[str, Any], handler: str) -> tuple[str, dict[str, Any]]:
    return one(template, "AWS::Lambda::Function", Handler=handler)


def _role_id(function: dict[str, Any]) -> str:
    return str(function["Properties"]["Role"]["Fn::GetAtt"][0])


def _statements(template: dict[str, Any], role_id: str) -> list[dict[str, Any]]:
    policies = [
        p
        for p in resources(template, "AWS::IAM::Policy").values()
        if {"Ref": role_id} in p["Properties"]["Roles"]
    ]
    return [s for p in policies for s in p["Properties"]["PolicyDocument"]["Statement"]]


def _grants(statements: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Resource (logical id of what it points at) -> allowed actions."""
    out: dict[str, set[str]] = {}
    for statement in statements:
        assert statement["Effect"] == "Allow"
        actions = statement["Action"]
        actions = [actions] if isinstance(actions, str) else actions
        targets = statement["Resource"]
        targets = targets if isinstance(targets, list) else [targets]
        for target in targets:
            out.setdefault(_target_id(target), set()).update(actions)
    return out


def _target_id(target: dict[str, Any]) -> str:
    """`Ref`/`GetAtt` -> the logical id; `<table arn>/index/<name>` -> "<id>/index/<name>"."""
    if "Ref" in target:
        return str(target["Ref"])
    if "Fn::GetAtt" in target:
        return str(target["Fn::GetAtt"][0])
    separator, parts = target["Fn::Join"]
    assert separator == "" and len(parts) == 2, target
    return f"{_target_id(parts[0])}{parts[1]}"


def _client_calls(path: Path, owner: str | None = None) -> set[str]:
    """DynamoDB actions the code really calls: `self._client.get_item(` -> dynamodb:GetItem."""
    tree = ast.parse(path.read_text("utf-8"))
    scopes: list[ast.AST] = (
        [tree]
        if owner is None
        else [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == owner]
    )
    assert scopes, owner
    calls: set[str] = set()
    for scope in scopes:
        for node in ast.walk(scope):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            receiver = node.func.value
            name = getattr(receiver, "attr", None) or getattr(receiver, "id", None)
            if name in ("_client", "client"):
                op = "".join(part.capitalize() for part in node.func.attr.split("_"))
                calls.add(f"dynamodb:{op}")
    return calls


# --- storage ---------------------------------------------------------------------------------


@pytest.mark.parametrize("stack", [CLI_STACK, CONFIGURED_STACK])
def test_tables_are_on_demand_recoverable_encrypted_and_retained(synth: Synth, stack: str) -> None:
    _, content, _, progress = _tables(synth.template(stack))
    for table in (content, progress):
        props = table["Properties"]
        assert props["BillingMode"] == "PAY_PER_REQUEST"
        assert "ProvisionedThroughput" not in props
        assert props["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
        # Enabled without a key id or type: KMS with the AWS-managed aws/dynamodb key.
        assert props["SSESpecification"] == {"SSEEnabled": True}
        assert table["DeletionPolicy"] == "Retain"
        assert table["UpdateReplacePolicy"] == "Retain"
        assert "TableName" not in props  # generated: a retained table never blocks a redeploy


def test_key_schemas_match_the_repositories_and_the_local_tables(synth: Synth) -> None:
    from hamstring_coach.adapters.tables import create_tables

    _, content, _, progress = _tables(synth.template())
    assert content["Properties"]["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    assert progress["Properties"]["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert progress["Properties"]["TimeToLiveSpecification"] == {
        "AttributeName": "expires_at",
        "Enabled": True,
    }

    class Recorder:
        def __init__(self) -> None:
            self.created: dict[str, dict[str, Any]] = {}

        def list_tables(self) -> dict[str, Any]:
            return {"TableNames": []}

        def create_table(self, **kwargs: Any) -> None:
            self.created[kwargs["TableName"]] = kwargs

    recorder = Recorder()
    create_tables(recorder, "c", "p")  # type: ignore[arg-type]
    for name, table in (("c", content), ("p", progress)):
        local = recorder.created[name]
        deployed = table["Properties"]
        assert local["KeySchema"] == deployed["KeySchema"]
        assert local["AttributeDefinitions"] == deployed["AttributeDefinitions"]
        assert local["BillingMode"] == deployed["BillingMode"]
        assert local.get("GlobalSecondaryIndexes") == deployed.get("GlobalSecondaryIndexes")


def test_progress_ttl_attribute_is_what_the_repository_writes() -> None:
    source = (PACKAGE / "adapters" / "dynamo.py").read_text("utf-8")
    assert '"expires_at": {"N":' in source


def test_user_key_secret_is_generated_and_retained_with_the_table(synth: Synth) -> None:
    _, secret = one(synth.template(), "AWS::SecretsManager::Secret")
    generated = secret["Properties"]["GenerateSecretString"]
    assert generated["PasswordLength"] >= 32
    assert secret["DeletionPolicy"] == "Retain"


# --- least privilege -------------------------------------------------------------------------


def test_skill_function_may_do_exactly_what_its_repositories_call(synth: Synth) -> None:
    template = synth.template()
    content_id, _, progress_id, _ = _tables(template)
    (secret_id, _) = one(template, "AWS::SecretsManager::Secret")
    _, function = _function(template, SKILL_HANDLER)
    log_group_id = function["Properties"]["LoggingConfig"]["LogGroup"]["Ref"]
    grants = _grants(_statements(template, _role_id(function)))
    dynamo = PACKAGE / "adapters" / "dynamo.py"
    account_index = f"{progress_id}/index/{ACCOUNT_INDEX}"
    progress_grants = grants[progress_id] | grants[account_index]
    assert {k: v for k, v in grants.items() if k != account_index} | {
        progress_id: progress_grants
    } == {
        content_id: _client_calls(dynamo, "DynamoContentRepository"),
        progress_id: _client_calls(dynamo, "DynamoProgressRepository"),
        secret_id: {"secretsmanager:GetSecretValue"},
        log_group_id: {"logs:CreateLogStream", "logs:PutLogEvents"},
    }
    # And the code-derived sets are what the brief names: read-only content; on progress,
    # item reads and writes, and queries only on the keys-only account index.
    assert grants[content_id] == {"dynamodb:GetItem", "dynamodb:Query"}
    assert grants[progress_id] == {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"}
    assert grants[account_index] == {"dynamodb:Query"}


def test_seed_function_may_only_write_the_content_table(synth: Synth) -> None:
    template = synth.template()
    content_id, _, _, _ = _tables(template)
    _, function = _function(template, SEED_HANDLER)
    log_group_id = function["Properties"]["LoggingConfig"]["LogGroup"]["Ref"]
    grants = _grants(_statements(template, _role_id(function)))
    assert grants == {
        content_id: _client_calls(PACKAGE / "adapters" / "content_seed.py"),
        log_group_id: {"logs:CreateLogStream", "logs:PutLogEvents"},
    }
    assert grants[content_id] == {"dynamodb:Scan", "dynamodb:BatchWriteItem", "dynamodb:PutItem"}


def test_no_wildcards_and_no_managed_policies(synth: Synth) -> None:
    template = synth.template()
    for role in resources(template, "AWS::IAM::Role").values():
        assert "ManagedPolicyArns" not in role["Properties"]
    for policy in resources(template, "AWS::IAM::Policy").values():
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            actions = statement["Action"]
            for action in [actions] if isinstance(actions, str) else actions:
                assert "*" not in action
            targets = statement["Resource"]
            for target in targets if isinstance(targets, list) else [targets]:
                assert isinstance(target, dict), f"literal resource {target!r}"


# --- the Alexa trigger -----------------------------------------------------------------------


@pytest.mark.parametrize("stack", [CLI_STACK, CONFIGURED_STACK])
def test_only_the_skill_may_invoke_the_function(synth: Synth, stack: str) -> None:
    template = synth.template(stack)
    function_id, function = _function(template, SKILL_HANDLER)
    permissions = resources(template, "AWS::Lambda::Permission")
    assert len(permissions) == 1, "nothing else may invoke the skill"
    (permission,) = permissions.values()
    assert permission["Properties"] == {
        "Action": "lambda:InvokeFunction",
        "FunctionName": {"Fn::GetAtt": [function_id, "Arn"]},
        "Principal": "alexa-appkit.amazon.com",
        "EventSourceToken": {"Ref": "SkillId"},
    }
    # The code checks the same ID (SkillBuilder.skill_id) from this variable.
    assert function["Properties"]["Environment"]["Variables"]["SKILL_ID"] == {"Ref": "SkillId"}


def test_skill_id_is_required_at_deploy_but_not_at_synth(synth: Synth) -> None:
    from infrastructure.stack import SKILL_ID_PATTERN

    cli = synth.template(CLI_STACK)["Parameters"]["SkillId"]
    assert "Default" not in cli  # CloudFormation refuses a deploy without a value
    assert cli["AllowedPattern"] == SKILL_ID_PATTERN
    assert re.match(cli["AllowedPattern"], SKILL_ID)
    assert not re.match(cli["AllowedPattern"], "amzn1.ask.skill.placeholder")
    configured = synth.template(CONFIGURED_STACK)["Parameters"]["SkillId"]
    assert configured["Default"] == SKILL_ID


def test_context_skill_id_is_checked_at_synth() -> None:
    from infrastructure.stack import StackConfig

    context = {"skill_id": SKILL_ID, "alarm_email": "a@example.org"}
    assert StackConfig.from_context(context.get) == StackConfig(SKILL_ID, "a@example.org")
    assert StackConfig.from_context({}.get) == StackConfig()
    with pytest.raises(ValueError, match="not an Alexa skill ID"):
        StackConfig.from_context({"skill_id": "amzn1.echo-sdk-ams.app.123"}.get)


def test_context_health_data_is_checked_at_synth() -> None:
    from hamstring_coach.domain.health_data import HealthData
    from infrastructure.stack import StackConfig

    full = StackConfig.from_context({"health_data": "full", "health_controls": "true"}.get)
    assert (full.health_data, full.health_controls) == (HealthData.FULL, True)
    assert StackConfig.from_context({"health_data": "minimal"}.get) == StackConfig()
    with pytest.raises(ValueError, match="must be one of"):
        StackConfig.from_context({"health_data": "everything"}.get)
    with pytest.raises(ValueError, match="only with health_data=full"):
        StackConfig.from_context({"health_controls": "true"}.get)


# --- the functions ---------------------------------------------------------------------------


def test_skill_function_runtime_size_and_timeout(synth: Synth) -> None:
    _, function = _function(synth.template(), SKILL_HANDLER)
    props = function["Properties"]
    assert props["Runtime"] == "python3.13"
    assert props["Architectures"] == ["arm64"]
    # Alexa gives up after about 8 s: a shorter timeout would cut off turns Alexa still
    # waits for; much longer only burns money on answers nobody hears.
    assert 8 <= props["Timeout"] <= 15
    assert props["MemorySize"] >= 512
    assert props["Layers"] == [{"Ref": "PowertoolsLayerParameter"}]


def test_powertools_layer_matches_the_tested_library(synth: Synth) -> None:
    parameter = synth.template()["Parameters"]["PowertoolsLayerParameter"]
    assert parameter["Type"] == "AWS::SSM::Parameter::Value<String>"
    installed = importlib.metadata.version("aws-lambda-powertools")
    assert parameter["Default"] == (f"/aws/service/powertools/python/arm64/python3.13/{installed}")
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    assert f"aws-lambda-powertools=={installed}" in deps


def test_environment_is_what_settings_reads(synth: Synth) -> None:
    template = synth.template()
    content_id, _, progress_id, _ = _tables(template)
    (secret_id, _) = one(template, "AWS::SecretsManager::Secret")
    _, function = _function(template, SKILL_HANDLER)
    env = function["Properties"]["Environment"]["Variables"]
    read = set(re.findall(r'env\.get\("([A-Z_]+)"', (PACKAGE / "settings.py").read_text()))
    assert set(env) <= read, set(env) - read
    assert env["CONTENT_TABLE"] == {"Ref": content_id}
    assert env["PROGRESS_TABLE"] == {"Ref": progress_id}
    assert env["USER_KEY_SECRET_ARN"] == {"Ref": secret_id}
    assert "USER_KEY_SECRET" not in env  # never the secret's value in the template
    assert env["LOG_LEVEL"] == "INFO"
    assert env["METRICS_ENABLED"] == "true"
    # A public skill by default: no health data kept, none spoken.
    assert (env["HEALTH_DATA"], env["HEALTH_CONTROLS_IN_PLACE"]) == ("minimal", "false")
    configured = _function(synth.template(CONFIGURED_STACK), SKILL_HANDLER)[1]
    configured_env = configured["Properties"]["Environment"]["Variables"]
    assert (configured_env["HEALTH_DATA"], configured_env["HEALTH_CONTROLS_IN_PLACE"]) == (
        "full",
        "true",
    )


def test_every_function_logs_to_its_own_group_with_retention(synth: Synth) -> None:
    template = synth.template()
    groups = resources(template, "AWS::Logs::LogGroup")
    functions = resources(template, "AWS::Lambda::Function")
    assert functions
    for function in functions.values():
        group = groups[function["Properties"]["LoggingConfig"]["LogGroup"]["Ref"]]
        assert group["Properties"]["RetentionInDays"] == 30
    assert len(
        {f["Properties"]["LoggingConfig"]["LogGroup"]["Ref"] for f in functions.values()}
    ) == len(functions)


# --- seeding ---------------------------------------------------------------------------------


def test_content_is_seeded_on_deploy_only_when_its_hash_changes(synth: Synth) -> None:
    template = synth.template()
    content_id, _, _, _ = _tables(template)
    seed_id, _ = _function(template, SEED_HANDLER)
    (seed,) = resources(template, "Custom::ContentSeed").values()
    # Only the hash, the seed's format and the table: nothing that changes from one deploy
    # to the next.
    assert seed["Properties"] == {
        "ServiceToken": {"Fn::GetAtt": [seed_id, "Arn"]},
        "TableName": {"Ref": content_id},
        "ContentVersion": source_version(load_source()),
        "SeedFormat": str(SEED_FORMAT),
    }
    # Seeded after the skill function's update, so no container of older code reads it.
    skill_id, _ = _function(template, SKILL_HANDLER)
    assert skill_id in seed.get("DependsOn", [])


def test_outputs_give_the_operator_what_the_skill_needs(synth: Synth) -> None:
    template = synth.template()
    function_id, _ = _function(template, SKILL_HANDLER)
    outputs = template["Outputs"]
    assert outputs["SkillFunctionArn"]["Value"] == {"Fn::GetAtt": [function_id, "Arn"]}
    for name in ("ContentTableName", "ProgressTableName", "DashboardUrl", "AlarmTopicArn"):
        assert name in outputs


def test_alarm_email_subscribes_only_when_given(synth: Synth) -> None:
    assert not resources(synth.template(CLI_STACK), "AWS::SNS::Subscription")
    _, subscription = one(synth.template(CONFIGURED_STACK), "AWS::SNS::Subscription")
    assert subscription["Properties"]["Protocol"] == "email"
    assert subscription["Properties"]["Endpoint"] == "alerts@example.org"
