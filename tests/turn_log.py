"""The skill's structured log, read as it is written: Powertools JSON lines.

Each turn logs one line with message "turn" (hamstring_coach/observability.py) naming its
intent, its outcome and the signals its handlers raised. Tests read signals from that line,
as an operator reading CloudWatch would, instead of spying on `TurnContext.signal`: what the
turn leaves out (a health signal under the `minimal` profile, a name that is not an
identifier) is left out here too.

`capture_turn_log()` points the package logger's one handler at a buffer for as long as it
is open; `TurnLog.observability()` gives `create_app` (or `make_skill`) an Observability
whose turn lines land there, at INFO, whatever the settings' log level.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aws_lambda_powertools import Logger

from hamstring_coach.observability import SERVICE, TURN_MESSAGE, Observability

NAMESPACE = "HamstringCoach"


@dataclass
class TurnLog:
    """The log lines written while the capture was open, and the metrics records emitted
    by observabilities made with `observability(metrics=True)`."""

    buffer: io.StringIO
    metrics: list[str] = field(default_factory=list)

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.buffer.getvalue().splitlines() if line]

    def turns(self) -> list[dict[str, Any]]:
        return [line for line in self.lines() if line["message"] == TURN_MESSAGE]

    def signals(self) -> list[str]:
        """Every turn's signals, turn after turn, in the order they were raised."""
        return [name for turn in self.turns() for name in turn["signals"]]

    def metric_names(self) -> list[list[str]]:
        """Each metrics record's metric names (sorted), after checking its envelope."""
        out = []
        for raw in self.metrics:
            record = json.loads(raw)
            (directive,) = record["_aws"]["CloudWatchMetrics"]
            assert directive["Namespace"] == NAMESPACE
            assert directive["Dimensions"] == [["service"]]
            assert record["service"] == SERVICE
            out.append(sorted(m["Name"] for m in directive["Metrics"]))
        return out

    def everything(self) -> str:
        return self.buffer.getvalue() + "\n".join(self.metrics)

    def observability(self, *, metrics: bool = False) -> Observability:
        """Turn lines into this log; with `metrics`, the EMF records into `self.metrics`."""
        return Observability(
            Logger(service=SERVICE),
            namespace=NAMESPACE,
            metrics_enabled=metrics,
            emit=self.metrics.append,
        )


@contextmanager
def capture_turn_log() -> Iterator[TurnLog]:
    # Powertools configures the package logger once per process, with one handler; a new
    # Logger of the same service reuses it, so pointing that handler at a buffer catches
    # every line, whichever app or Observability writes it.
    logger = Logger(service=SERVICE)
    handler = logger.registered_handler
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous_stream = handler.setStream(buffer)
    previous_level = logger.log_level
    logger.setLevel("INFO")
    try:
        yield TurnLog(buffer)
    finally:
        handler.setStream(previous_stream)
        logger.setLevel(previous_level)
