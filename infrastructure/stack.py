"""The whole skill back end in one stack: tables, secret, skill function, seeding, monitoring.

Each part is built by a `_build_*` helper so the constructor reads as the architecture.
Environment-agnostic (no account or region at synth), so `cdk synth` needs no credentials.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aws_cdk import (
    CfnOutput,
    CfnParameter,
    CustomResource,
    Duration,
    RemovalPolicy,
    Stack,
    Tags,
)
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from hamstring_coach.adapters.content_seed import SEED_FORMAT
from hamstring_coach.domain.health_data import HealthData
from infrastructure.bundle import PYTHON_VERSION, BundleSpec, skill_spec
from infrastructure.local_bundling import code_asset
from infrastructure.monitoring import SkillMonitoring
from infrastructure.nag import acknowledge

SKILL_ID_PATTERN = (
    r"^amzn1\.ask\.skill\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
SKILL_HANDLER = "hamstring_coach.app.lambda_handler"
SEED_HANDLER = "hamstring_coach.seed_on_deploy.handler"
METRICS_NAMESPACE = "HamstringCoach"
SERVICE_NAME = "hamstring_coach"
ALEXA_PRINCIPAL = "alexa-appkit.amazon.com"

# Powertools' public layer, pinned to the version the tests run with, found through the
# parameter its maintainers publish in every region (so no per-region ARN table here). An
# operator can point the stack parameter at `.../latest` if a region lacks this version.
POWERTOOLS_VERSION = "3.37.0"
POWERTOOLS_LAYER_PARAMETER = (
    f"/aws/service/powertools/python/arm64/python{PYTHON_VERSION}/{POWERTOOLS_VERSION}"
)

# Alexa waits about 8 s for an answer. The DynamoDB client's own timeouts (settings.py) keep a
# turn well inside that; the function timeout is only the backstop, set a little beyond the
# deadline so a slow turn still finishes its progress write and logs how long it took,
# instead of being cut off mid-write with nothing but "Task timed out" in the log.
SKILL_TIMEOUT = Duration.seconds(10)
PROGRESS_ACCOUNT_INDEX = "by_account"

# CPU scales with memory. A cold start imports ask-sdk-model's ~2.7 MB of generated classes
# and reads a secret; at 1024 MB that takes about half as long as at 512 MB, and a warm turn
# (~100 ms) still costs about $0.0000013. Voice users hear every millisecond of a cold start.
SKILL_MEMORY_MB = 1024
LOG_RETENTION = logs.RetentionDays.ONE_MONTH
# How often a warm container checks the content version item (a re-seed is live within it).
CONTENT_REFRESH_SECONDS = 300
# How long a person's progress is kept after their last visit (DynamoDB TTL).
RETENTION_DAYS = 365


@dataclass(frozen=True)
class StackConfig:
    """What the operator can choose through CDK context (`cdk deploy -c key=value`)."""

    skill_id: str | None = None
    alarm_email: str | None = None
    # What the store may keep about health (docs/health-data.md): `minimal` unless the
    # deployment is HIPAA-eligible; `health_controls` states that account linking and PIN
    # confirmation are in place (only then does `full` speak stored health information).
    health_data: HealthData = HealthData.MINIMAL
    health_controls: bool = False

    @classmethod
    def from_context(cls, get: Any) -> StackConfig:
        skill_id = get("skill_id") or None
        if skill_id is not None and not re.match(SKILL_ID_PATTERN, str(skill_id)):
            raise ValueError(
                f"context skill_id {skill_id!r} is not an Alexa skill ID "
                "(amzn1.ask.skill.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"
            )
        health_data = HealthData.parse(str(get("health_data") or HealthData.MINIMAL))
        controls = str(get("health_controls") or "").lower() in ("1", "true", "yes", "on")
        if controls and health_data is not HealthData.FULL:
            raise ValueError("context health_controls applies only with health_data=full")
        return cls(
            skill_id=skill_id,
            alarm_email=get("alarm_email") or None,
            health_data=health_data,
            health_controls=controls,
        )


class HamstringCoachStack(Stack):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        config: StackConfig,
        content_source: Mapping[str, Any],
        content_version: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.config = config
        Tags.of(self).add("project", "hamstring-coach")
        self.skill_id = self._build_skill_id_parameter(config)
        self.content_table = self._build_content_table()
        self.progress_table = self._build_progress_table()
        self.user_key_secret = self._build_user_key_secret()
        self.skill_function = self._build_skill_function()
        self._build_alexa_trigger()
        self._build_content_seeding(content_source, content_version)
        self.monitoring = SkillMonitoring(
            self,
            "Monitoring",
            function=self.skill_function,
            log_group=self.skill_log_group,
            tables={"content": self.content_table, "progress": self.progress_table},
            namespace=METRICS_NAMESPACE,
            service=SERVICE_NAME,
            alarm_email=config.alarm_email,
        )
        self._build_outputs()

    # --- parameters --------------------------------------------------------------------------

    def _build_skill_id_parameter(self, config: StackConfig) -> CfnParameter:
        # The skill ID guards the function twice: the Alexa trigger permission only accepts
        # this skill, and the code rejects requests naming any other. There is no safe
        # placeholder, so CloudFormation itself requires it: synth works without it (the
        # parameter then has no default), a deploy without `-c skill_id=...` or
        # `--parameters SkillId=...` stops before creating anything. Later deploys reuse the
        # previous value.
        return CfnParameter(
            self,
            "SkillId",
            type="String",
            allowed_pattern=SKILL_ID_PATTERN,
            constraint_description="an Alexa skill ID: amzn1.ask.skill.<uuid>",
            description="ID of the Alexa skill allowed to invoke the function",
            default=config.skill_id,
        )

    # --- storage -----------------------------------------------------------------------------

    def _build_content_table(self) -> dynamodb.Table:
        # Exercises, questions and spoken lines: pk = locale partition, sk = "<kind>#<id>".
        return dynamodb.Table(
            self,
            "ContentTable",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.STRING),
            **self._table_defaults(),
        )

    def _build_progress_table(self) -> dynamodb.Table:
        # One item per person, keyed by an HMAC of the Alexa id; expires a year after the
        # last visit.
        table = dynamodb.Table(
            self,
            "ProgressTable",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            time_to_live_attribute="expires_at",
            **self._table_defaults(),
        )
        # Sparse, keys only: a voice profile's item carries its account's derived key, so
        # disabling the skill can find and delete a whole household's records. Names as in
        # hamstring_coach.adapters.dynamo (a test compares them with the local tables).
        table.add_global_secondary_index(
            index_name=PROGRESS_ACCOUNT_INDEX,
            partition_key=dynamodb.Attribute(name="account", type=dynamodb.AttributeType.STRING),
            projection_type=dynamodb.ProjectionType.KEYS_ONLY,
        )
        return table

    @staticmethod
    def _table_defaults() -> dict[str, Any]:
        return {
            # Traffic is small and bursty (people exercise at home in the evening):
            # on-demand costs nothing when idle and needs no capacity planning.
            "billing_mode": dynamodb.BillingMode.PAY_PER_REQUEST,
            "point_in_time_recovery_specification": dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
            # AWS-managed key (aws/dynamodb): every use is visible in CloudTrail, there is no
            # key to administer or lose and no monthly key fee. A customer-managed key would
            # only pay off for cross-account access or crypto-shredding, neither needed here.
            "encryption": dynamodb.TableEncryption.AWS_MANAGED,
            # People's progress must survive a mistaken `cdk destroy`.
            "removal_policy": RemovalPolicy.RETAIN,
        }

    def _build_user_key_secret(self) -> secretsmanager.Secret:
        secret = secretsmanager.Secret(
            self,
            "UserKeySecret",
            description="HMAC key that turns Alexa user ids into progress-table keys",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                password_length=64, exclude_punctuation=True
            ),
            # Retained with the progress table: without this key its rows cannot be found.
            removal_policy=RemovalPolicy.RETAIN,
        )
        acknowledge(
            secret,
            "SMG4",
            (
                "The secret is the HMAC key from which every progress-table key is derived; "
                "rotating it would orphan every person's stored progress. It never leaves "
                "the account and only the skill function may read it."
            ),
        )
        return secret

    # --- functions ---------------------------------------------------------------------------

    def _function_role(self, name: str, log_group: logs.LogGroup) -> iam.Role:
        # Our own role instead of the managed AWSLambdaBasicExecutionRole: logs may only be
        # written to this function's own log group.
        role = iam.Role(
            self,
            f"{name}Role",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            description=f"{name}: its log group and only the table actions its code calls",
        )
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["logs:CreateLogStream", "logs:PutLogEvents"],
                resources=[log_group.log_group_arn],
            )
        )
        return role

    def _log_group(self, name: str) -> logs.LogGroup:
        return logs.LogGroup(
            self,
            f"{name}Logs",
            retention=LOG_RETENTION,
            # Logs carry no user content and are worth nothing once the stack is gone.
            removal_policy=RemovalPolicy.DESTROY,
        )

    def _build_skill_function(self) -> lambda_.Function:
        self.skill_log_group = self._log_group("Skill")
        role = self._function_role("Skill", self.skill_log_group)
        role.add_to_policy(
            iam.PolicyStatement(
                # ContentCache: the version item (GetItem) and one partition (Query).
                actions=["dynamodb:GetItem", "dynamodb:Query"],
                resources=[self.content_table.table_arn],
            )
        )
        role.add_to_policy(
            iam.PolicyStatement(
                # ProgressRepository: load, conditional save, delete on request.
                actions=["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
                resources=[self.progress_table.table_arn],
            )
        )
        role.add_to_policy(
            iam.PolicyStatement(
                # ProgressRepository.people: the account's voice profiles, only from the
                # keys-only account index, when the account disables the skill.
                actions=["dynamodb:Query"],
                resources=[f"{self.progress_table.table_arn}/index/{PROGRESS_ACCOUNT_INDEX}"],
            )
        )
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["secretsmanager:GetSecretValue"],
                resources=[self.user_key_secret.secret_arn],
            )
        )
        powertools_arn = CfnParameter(
            self,
            "PowertoolsLayerParameter",
            type="AWS::SSM::Parameter::Value<String>",
            default=POWERTOOLS_LAYER_PARAMETER,
            description="Public SSM parameter naming the Powertools for AWS Lambda layer ARN",
        )
        function = lambda_.Function(
            self,
            "SkillFunction",
            description="Hamstring Coach Alexa skill",
            runtime=_runtime(),
            architecture=lambda_.Architecture.ARM_64,
            handler=SKILL_HANDLER,
            code=code_asset(skill_spec()),
            layers=[
                lambda_.LayerVersion.from_layer_version_arn(
                    self, "PowertoolsLayer", powertools_arn.value_as_string
                )
            ],
            memory_size=SKILL_MEMORY_MB,
            timeout=SKILL_TIMEOUT,
            role=role,
            log_group=self.skill_log_group,
            environment={
                "CONTENT_TABLE": self.content_table.table_name,
                "PROGRESS_TABLE": self.progress_table.table_name,
                "SKILL_ID": self.skill_id.value_as_string,
                "USER_KEY_SECRET_ARN": self.user_key_secret.secret_arn,
                "CONTENT_REFRESH_SECONDS": str(CONTENT_REFRESH_SECONDS),
                "RETENTION_DAYS": str(RETENTION_DAYS),
                "LOG_LEVEL": "INFO",
                "METRICS_ENABLED": "true",
                "METRICS_NAMESPACE": METRICS_NAMESPACE,
                "HEALTH_DATA": self.config.health_data.value,
                "HEALTH_CONTROLS_IN_PLACE": str(self.config.health_controls).lower(),
            },
        )
        _acknowledge_runtime(function)
        return function

    def _build_alexa_trigger(self) -> None:
        self.skill_function.add_permission(
            "AlexaSkillTrigger",
            principal=iam.ServicePrincipal(ALEXA_PRINCIPAL),
            action="lambda:InvokeFunction",
            event_source_token=self.skill_id.value_as_string,
        )

    def _build_content_seeding(self, source: Mapping[str, Any], version: str) -> None:
        """Seed the content table on deploy, and only when the content changed.

        The source goes into the seeding function's bundle as JSON; the custom resource's
        only changing properties are the content hash and the seed's format, so
        CloudFormation calls the function on the first deploy and whenever either differs,
        never otherwise.
        """
        log_group = self._log_group("ContentSeed")
        role = self._function_role("ContentSeed", log_group)
        role.add_to_policy(
            iam.PolicyStatement(
                # content_seed.seed: list keys (Scan), write and delete items
                # (BatchWriteItem), publish the version item (PutItem).
                actions=["dynamodb:Scan", "dynamodb:BatchWriteItem", "dynamodb:PutItem"],
                resources=[self.content_table.table_arn],
            )
        )
        content_json = json.dumps(
            source, sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        function = lambda_.Function(
            self,
            "ContentSeedFunction",
            description="Loads the content source into the content table on deploy",
            runtime=_runtime(),
            architecture=lambda_.Architecture.ARM_64,
            handler=SEED_HANDLER,
            code=code_asset(BundleSpec(extra_files={"content.json": content_json})),
            memory_size=256,
            timeout=Duration.minutes(5),
            role=role,
            log_group=log_group,
        )
        _acknowledge_runtime(function)
        self.content_seed = CustomResource(
            self,
            "ContentSeed",
            service_token=function.function_arn,
            resource_type="Custom::ContentSeed",
            properties={
                "TableName": self.content_table.table_name,
                "ContentVersion": version,
                "SeedFormat": str(SEED_FORMAT),
            },
        )
        # Seed only once the skill function runs the code that reads what this seed writes:
        # a warm container of the previous code must never load a newer layout.
        self.content_seed.node.add_dependency(self.skill_function)

    # --- outputs -----------------------------------------------------------------------------

    def _build_outputs(self) -> None:
        CfnOutput(
            self,
            "SkillFunctionArn",
            value=self.skill_function.function_arn,
            description="The skill endpoint: put it in skill.json or the developer console",
        )
        CfnOutput(self, "ContentTableName", value=self.content_table.table_name)
        CfnOutput(self, "ProgressTableName", value=self.progress_table.table_name)
        CfnOutput(self, "SkillLogGroup", value=self.skill_log_group.log_group_name)
        CfnOutput(self, "AlarmTopicArn", value=self.monitoring.topic.topic_arn)
        CfnOutput(
            self,
            "DashboardUrl",
            value=(
                f"https://console.aws.amazon.com/cloudwatch/home?region={self.region}"
                f"#dashboards:name={self.monitoring.dashboard.dashboard_name}"
            ),
        )


def _runtime() -> lambda_.Runtime:
    return lambda_.Runtime.PYTHON_3_13


def _acknowledge_runtime(function: lambda_.Function) -> None:
    acknowledge(
        function,
        "L1",
        (
            "Python 3.13 on purpose: the bundle's wheels are resolved for 3.13, the test "
            "suite and the Powertools layer parameter run on 3.13, and the runtime is "
            "supported well beyond this project's horizon. Moving up is one constant "
            "(bundle.PYTHON_VERSION) and a test run."
        ),
    )
