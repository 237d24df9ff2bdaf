"""Alarms, log-based metrics and the dashboard, as synthesized."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hamstring_coach.observability import (
    CRASH,
    DEFERRED_WRITE_MESSAGE,
    ERROR,
    ERROR_METRIC,
    SERVICE,
    TURN_MESSAGE,
)
from tests.infra.conftest import Synth, one, resources

pytestmark = pytest.mark.infra

NAMESPACE = "HamstringCoach"
SKILL_HANDLER = "hamstring_coach.app.lambda_handler"


def _skill(template: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return one(template, "AWS::Lambda::Function", Handler=SKILL_HANDLER)


def _alarm_on(template: dict[str, Any], metric: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [
        a["Properties"]
        for a in resources(template, "AWS::CloudWatch::Alarm").values()
        if a["Properties"].get("MetricName") == metric
    ]
    assert len(found) == 1, metric
    return found[0]


def _topic(template: dict[str, Any]) -> dict[str, str]:
    topic_id, _ = one(template, "AWS::SNS::Topic")
    return {"Ref": topic_id}


def test_every_alarm_notifies_the_topic_and_ignores_quiet_hours(synth: Synth) -> None:
    template = synth.template()
    alarms = resources(template, "AWS::CloudWatch::Alarm")
    assert alarms
    for alarm in alarms.values():
        props = alarm["Properties"]
        assert props["AlarmActions"] == [_topic(template)]
        assert props["OKActions"] == [_topic(template)]
        assert props["TreatMissingData"] == "notBreaching"
        assert "Troubleshooting" in props["AlarmDescription"]


def test_function_errors_alarm_on_the_first_one(synth: Synth) -> None:
    template = synth.template()
    function_id, _ = _skill(template)
    errors = _alarm_on(template, "Errors")
    assert errors["Namespace"] == "AWS/Lambda"
    assert errors["Dimensions"] == [{"Name": "FunctionName", "Value": {"Ref": function_id}}]
    assert errors["Statistic"] == "Sum"
    assert errors["Threshold"] == 1
    assert errors["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    throttles = _alarm_on(template, "Throttles")
    assert throttles["Threshold"] == 1


def test_p99_duration_alarm_sits_below_alexas_deadline(synth: Synth) -> None:
    template = synth.template()
    function_id, function = _skill(template)
    duration = _alarm_on(template, "Duration")
    assert duration["ExtendedStatistic"] == "p99"
    assert duration["Dimensions"] == [{"Name": "FunctionName", "Value": {"Ref": function_id}}]
    assert 5000 <= duration["Threshold"] < 8000
    assert duration["Threshold"] < function["Properties"]["Timeout"] * 1000
    assert (duration["DatapointsToAlarm"], duration["EvaluationPeriods"]) == (2, 3)


def test_failed_turns_alarm_counts_the_skills_own_error_lines(synth: Synth) -> None:
    template = synth.template()
    failed = _alarm_on(template, "FailedTurns")
    assert failed["Namespace"] == NAMESPACE
    assert failed["Threshold"] == 3
    assert failed["Period"] == 300


def test_both_tables_have_a_throttle_alarm(synth: Synth) -> None:
    template = synth.template()
    tables = set(resources(template, "AWS::DynamoDB::Table"))
    alarmed: set[str] = set()
    for alarm in resources(template, "AWS::CloudWatch::Alarm").values():
        metrics = alarm["Properties"].get("Metrics")
        if not metrics:
            continue
        stats = [m["MetricStat"]["Metric"] for m in metrics if "MetricStat" in m]
        assert {s["MetricName"] for s in stats} == {"ReadThrottleEvents", "WriteThrottleEvents"}
        (table,) = {s["Dimensions"][0]["Value"]["Ref"] for s in stats}
        assert alarm["Properties"]["Threshold"] == 1
        alarmed.add(table)
    assert alarmed == tables


def test_metric_filters_read_the_skills_json_turn_lines(synth: Synth) -> None:
    template = synth.template()
    _, function = _skill(template)
    log_group = function["Properties"]["LoggingConfig"]["LogGroup"]
    filters = {
        f["Properties"]["MetricTransformations"][0]["MetricName"]: f["Properties"]
        for f in resources(template, "AWS::Logs::MetricFilter").values()
    }
    assert set(filters) == {"FailedTurns", "DeferredProgressWrites", "Timeouts"}
    for props in filters.values():
        assert props["LogGroupName"] == log_group
        (transformation,) = props["MetricTransformations"]
        assert transformation["MetricNamespace"] == NAMESPACE
        assert transformation["MetricValue"] == "1"
        assert transformation["DefaultValue"] == 0
    failed = filters["FailedTurns"]["FilterPattern"]
    # The names and values the skill's own turn line uses (hamstring_coach.observability).
    assert f'$.message = "{TURN_MESSAGE}"' in failed
    assert f'$.outcome = "{ERROR}"' in failed and f'$.outcome = "{CRASH}"' in failed
    assert (
        f'$.message = "{DEFERRED_WRITE_MESSAGE}"'
        in filters["DeferredProgressWrites"]["FilterPattern"]
    )
    assert "Task timed out" in filters["Timeouts"]["FilterPattern"]


def test_dashboard_shows_turns_signals_and_tables(synth: Synth) -> None:
    from infrastructure.monitoring import PRODUCT_SIGNALS, TRIAGE_SIGNALS

    template = synth.template()
    (dashboard,) = resources(template, "AWS::CloudWatch::Dashboard").values()
    body = json.dumps(dashboard["Properties"]["DashboardBody"])
    for name in (*PRODUCT_SIGNALS, *TRIAGE_SIGNALS, ERROR_METRIC, "FailedTurns"):
        assert f'\\"{name}\\"' in body, name
    assert f'\\"service\\",\\"{SERVICE}\\"' in body
    assert "Alexa deadline" in body
    for table_id in resources(template, "AWS::DynamoDB::Table"):
        assert table_id in body
    assert "alarmStatus" in body or "alarms" in body
