"""Prints the red-flag figures at the end of every run that measured them (`make test`)."""

from __future__ import annotations

import pytest

from tests.eval.harness import REPORTS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not REPORTS:
        return
    terminalreporter.section("red-flag recall (issue 12)")
    for lines in REPORTS.values():
        for line in lines:
            terminalreporter.write_line(line)
