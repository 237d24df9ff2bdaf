"""Alarms, log-based metrics and a dashboard for the skill.

Where the numbers come from:
- The skill logs one JSON line per turn (hamstring_coach/observability.py): message "turn",
  request_type, intent, outcome, duration_ms, signals. Metric filters count failed turns and
  deferred progress writes from those lines.
- It also writes embedded-metric-format records (namespace METRICS_NAMESPACE, dimension
  service) for the turn's signals (workout_started, triage_urgent, faq_miss, ...) and errors.
- Lambda and DynamoDB publish the rest.

The function catches every exception so that the user always hears an answer: a failing turn
shows up as a turn with outcome "error", not as a Lambda error. Lambda's Errors metric only
counts what escapes that (init failures, timeouts, out of memory), so both are alarmed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aws_cdk import Duration
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from constructs import Construct

from hamstring_coach.observability import (
    CRASH,
    DEFERRED_WRITE_MESSAGE,
    ERROR,
    ERROR_METRIC,
    FOREIGN_SKILL,
    REJECTED,
    TURN_MESSAGE,
)

ALEXA_DEADLINE_MS = 8000
# p99 at three quarters of Alexa's deadline: still time to act before people hear the
# platform's own "there was a problem with the requested skill's response".
DURATION_P99_ALARM_MS = 6000
# A single failed turn happens (a store blip the user retries); three in five minutes means
# something is broken for everyone.
FAILED_TURNS_ALARM = 3
PERIOD = Duration.minutes(5)

# The signal names feature code records with ctx(hi).signal(...); drawn on the dashboard.
PRODUCT_SIGNALS: Sequence[str] = ("workout_started", "workout_finished", "faq_miss")
# Symptom checks started (any profile), and their outcomes: health signals, which only a
# `full` health-data deployment records (docs/health-data.md), so under `minimal` the
# dashboard shows how many checks ran and never what they found.
TRIAGE_SIGNALS: Sequence[str] = (
    "triage_started",
    "triage_emergency",
    "triage_urgent",
    "triage_soon",
    "triage_self_care",
)
# Counted by the skill itself for every failed, rejected or refused turn, and on deferral.
HEALTH_SIGNALS: Sequence[str] = (ERROR_METRIC, REJECTED, FOREIGN_SKILL, "progress_write_deferred")

FAILED_TURNS_METRIC = "FailedTurns"
DEFERRED_WRITES_METRIC = "DeferredProgressWrites"
TIMEOUTS_METRIC = "Timeouts"


class SkillMonitoring(Construct):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        function: lambda_.Function,
        log_group: logs.LogGroup,
        tables: Mapping[str, dynamodb.Table],
        namespace: str,
        service: str,
        alarm_email: str | None = None,
    ) -> None:
        super().__init__(scope, construct_id)
        self._function = function
        self._namespace = namespace
        self._service = service
        self.topic = self._build_topic(alarm_email)
        self.log_metrics = self._build_metric_filters(log_group)
        self.alarms = self._build_alarms(tables)
        self.dashboard = self._build_dashboard(tables)

    # --- notification ------------------------------------------------------------------------

    def _build_topic(self, alarm_email: str | None) -> sns.Topic:
        # Publishers must use TLS. Not KMS-encrypted: CloudWatch cannot publish to a topic
        # under the AWS-managed aws/sns key, and the messages carry only alarm names and
        # thresholds, not worth a customer-managed key's monthly fee.
        topic = sns.Topic(
            self, "AlarmTopic", display_name="Hamstring Coach alarms", enforce_ssl=True
        )
        if alarm_email:
            topic.add_subscription(subscriptions.EmailSubscription(alarm_email))
        return topic

    # --- log-based metrics -------------------------------------------------------------------

    def _build_metric_filters(self, log_group: logs.LogGroup) -> dict[str, cloudwatch.Metric]:
        turn = logs.FilterPattern.string_value("$.message", "=", TURN_MESSAGE)
        filters = {
            FAILED_TURNS_METRIC: logs.FilterPattern.all(
                turn,
                logs.FilterPattern.any(
                    logs.FilterPattern.string_value("$.outcome", "=", ERROR),
                    logs.FilterPattern.string_value("$.outcome", "=", CRASH),
                ),
            ),
            DEFERRED_WRITES_METRIC: logs.FilterPattern.string_value(
                "$.message", "=", DEFERRED_WRITE_MESSAGE
            ),
            # Lambda's own line when the function hits its timeout (text, not JSON).
            TIMEOUTS_METRIC: logs.FilterPattern.literal('"Task timed out"'),
        }
        metrics: dict[str, cloudwatch.Metric] = {}
        for name, pattern in filters.items():
            metric_filter = log_group.add_metric_filter(
                f"{name}Filter",
                filter_pattern=pattern,
                metric_namespace=self._namespace,
                metric_name=name,
                metric_value="1",
                # A zero for every other line keeps the alarm's data continuous.
                default_value=0,
            )
            metrics[name] = metric_filter.metric(statistic="Sum", period=PERIOD)
        return metrics

    def _signal_metric(self, name: str) -> cloudwatch.Metric:
        return cloudwatch.Metric(
            namespace=self._namespace,
            metric_name=name,
            dimensions_map={"service": self._service},
            statistic="Sum",
            period=PERIOD,
            label=name,
        )

    # --- alarms ------------------------------------------------------------------------------

    def _alarm(
        self,
        construct_id: str,
        metric: cloudwatch.IMetric,
        threshold: float,
        description: str,
        evaluation_periods: int = 1,
        datapoints_to_alarm: int = 1,
    ) -> cloudwatch.Alarm:
        alarm = cloudwatch.Alarm(
            self,
            construct_id,
            metric=metric,
            threshold=threshold,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            evaluation_periods=evaluation_periods,
            datapoints_to_alarm=datapoints_to_alarm,
            # No traffic is not a problem for a skill people use a few times a day.
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            alarm_description=f"{description} See docs/deploy-and-operations.md, Troubleshooting.",
        )
        alarm.add_alarm_action(cw_actions.SnsAction(self.topic))
        alarm.add_ok_action(cw_actions.SnsAction(self.topic))
        return alarm

    def _build_alarms(self, tables: Mapping[str, dynamodb.Table]) -> dict[str, cloudwatch.Alarm]:
        fn = self._function
        alarms = {
            "errors": self._alarm(
                "FunctionErrors",
                fn.metric_errors(period=PERIOD, statistic="Sum"),
                1,
                "The skill function failed outside its own error handling "
                "(init failure, timeout, out of memory).",
            ),
            "failed_turns": self._alarm(
                "FailedTurns",
                self.log_metrics[FAILED_TURNS_METRIC],
                FAILED_TURNS_ALARM,
                "Turns answered with the apology line (store trouble or a bug).",
            ),
            "throttles": self._alarm(
                "FunctionThrottles",
                fn.metric_throttles(period=PERIOD, statistic="Sum"),
                1,
                "Lambda refused invocations (account concurrency exhausted).",
            ),
            "duration_p99": self._alarm(
                "DurationP99",
                fn.metric_duration(period=PERIOD, statistic="p99"),
                DURATION_P99_ALARM_MS,
                f"p99 turn time near Alexa's {ALEXA_DEADLINE_MS // 1000} s deadline.",
                # Two of three periods: one cold start on a quiet evening is not a trend.
                evaluation_periods=3,
                datapoints_to_alarm=2,
            ),
        }
        for name, table in tables.items():
            alarms[f"{name}_throttles"] = self._alarm(
                f"{name.capitalize()}TableThrottles",
                self._table_throttles(table),
                1,
                f"DynamoDB throttled requests on the {name} table.",
            )
        return alarms

    @staticmethod
    def _table_throttles(table: dynamodb.Table) -> cloudwatch.MathExpression:
        return cloudwatch.MathExpression(
            expression="reads + writes",
            using_metrics={
                "reads": table.metric("ReadThrottleEvents", statistic="Sum", period=PERIOD),
                "writes": table.metric("WriteThrottleEvents", statistic="Sum", period=PERIOD),
            },
            period=PERIOD,
            label="throttled requests",
        )

    # --- dashboard ---------------------------------------------------------------------------

    def _build_dashboard(self, tables: Mapping[str, dynamodb.Table]) -> cloudwatch.Dashboard:
        fn = self._function
        dashboard = cloudwatch.Dashboard(self, "Dashboard", default_interval=Duration.days(7))
        dashboard.add_widgets(
            cloudwatch.AlarmStatusWidget(
                title="Alarms", alarms=list(self.alarms.values()), width=24, height=3
            )
        )
        dashboard.add_widgets(
            cloudwatch.GraphWidget(
                title="Turns",
                left=[
                    fn.metric_invocations(period=PERIOD, statistic="Sum"),
                    self.log_metrics[FAILED_TURNS_METRIC],
                    fn.metric_errors(period=PERIOD, statistic="Sum"),
                    fn.metric_throttles(period=PERIOD, statistic="Sum"),
                ],
                width=8,
            ),
            cloudwatch.GraphWidget(
                title="Turn time (ms)",
                left=[
                    fn.metric_duration(period=PERIOD, statistic="p50"),
                    fn.metric_duration(period=PERIOD, statistic="p99"),
                    fn.metric_duration(period=PERIOD, statistic="Maximum"),
                ],
                left_annotations=[
                    cloudwatch.HorizontalAnnotation(
                        value=ALEXA_DEADLINE_MS, label="Alexa deadline"
                    ),
                    cloudwatch.HorizontalAnnotation(value=DURATION_P99_ALARM_MS, label="p99 alarm"),
                ],
                width=8,
            ),
            cloudwatch.GraphWidget(
                title="Trouble the user may not notice",
                left=[
                    *(self._signal_metric(name) for name in HEALTH_SIGNALS),
                    self.log_metrics[DEFERRED_WRITES_METRIC],
                    self.log_metrics[TIMEOUTS_METRIC],
                ],
                width=8,
            ),
        )
        dashboard.add_widgets(
            cloudwatch.GraphWidget(
                title="Workouts and questions",
                left=[self._signal_metric(name) for name in PRODUCT_SIGNALS],
                width=12,
            ),
            cloudwatch.GraphWidget(
                title="Symptom check outcomes",
                left=[self._signal_metric(name) for name in TRIAGE_SIGNALS],
                width=12,
            ),
        )
        dashboard.add_widgets(
            *(
                cloudwatch.GraphWidget(
                    title=f"{name} table",
                    left=[
                        table.metric_consumed_read_capacity_units(period=PERIOD),
                        table.metric_consumed_write_capacity_units(period=PERIOD),
                    ],
                    right=[self._table_throttles(table)],
                    width=12,
                )
                for name, table in tables.items()
            )
        )
        return dashboard
