"""Prints each simulated persona's days to each stage at the end of the test run."""

from __future__ import annotations

import pytest

from tests.pacing.sim import Run

# Filled by tests/pacing/test_simulation.py as its personas run.
RUNS: dict[str, Run] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not RUNS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("pacing: simulated days to each stage (day 0 = first workout)")
    head = f"{'persona':26} {'stage 2':>8} {'stage 3':>8} {'run (st.4)':>11} {'top':>6}"
    write(head)
    for name, run in RUNS.items():
        cells = [run.first_day(2), run.first_day(3), run.first_run(), run.program_done_day]
        write(
            f"{name:26} "
            + " ".join(
                f"{'-' if c is None else c:>{w}}" for c, w in zip(cells, (8, 8, 11, 6), strict=True)
            )
        )


@pytest.fixture(scope="session")
def runs() -> dict[str, Run]:
    return RUNS
