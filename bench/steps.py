"""Which scripted steps make the warm-turn CPU tail: `python -m bench.steps`.

Runs the same warm child as `make bench` with the store faked (our code and the SDK alone,
from the source tree), then prints each step's CPU per turn (p50, p99, max) and how many of
the run's slowest 1% of turns it owns: the steps that set the "own code p99" target. With
`--profile LABEL` (repeatable) the child profiles only those steps' turns (cProfile, after
the first turn, so the figures are warm) and the top functions are printed.

    PYTHONPATH=lambda:. .venv/bin/python -m bench.steps
    PYTHONPATH=lambda:. .venv/bin/python -m bench.steps --profile faq --top 30
"""

from __future__ import annotations

import argparse
import json
import pstats
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.metrics import median, percentile
from bench.run import answer_markers, child_env, warm_run
from tools.content_source import load_source


@dataclass(frozen=True)
class StepCpu:
    step: str
    turns: int
    p50: float
    p99: float
    max: float
    in_tail: int  # turns among the run's slowest 1%


def breakdown(turns: list[dict[str, Any]]) -> list[StepCpu]:
    """Per step label: turns, CPU p50/p99/max and its share of the run's slowest 1%, the
    steps owning most of that tail first."""
    warm = turns[1:]  # the process's first turn is the cold one
    tail = percentile([float(t["cpu_ms"]) for t in warm], 99)
    by_label: dict[str, list[float]] = defaultdict(list)
    for turn in warm:
        by_label[turn["label"]].append(float(turn["cpu_ms"]))
    rows = [
        StepCpu(
            step=label,
            turns=len(times),
            p50=median(times),
            p99=percentile(times, 99),
            max=max(times),
            in_tail=sum(1 for t in times if t >= tail),
        )
        for label, times in by_label.items()
    ]
    rows.sort(key=lambda r: (-r.in_tail, -r.p99))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--visits", type=int, default=70)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--profile", action="append", default=[], metavar="LABEL")
    parser.add_argument("--top", type=int, default=25, help="functions to print when profiling")
    parser.add_argument("--json", type=Path, help="also write the turns to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hc-steps-") as scratch:
        source = load_source()
        src, markers = Path(scratch, "source.json"), Path(scratch, "markers.json")
        src.write_text(json.dumps(source), "utf-8")
        markers.write_text(json.dumps(answer_markers(source)), "utf-8")
        extra = [f"--source={src}", f"--markers={markers}"]
        prof = Path(scratch, "profile.out")
        if args.profile:
            extra += [f"--profile-out={prof}", *(f"--profile-label={x}" for x in args.profile)]
        # The store is faked, so the endpoint is never called.
        env = child_env("ours", "http://127.0.0.1:9")
        run = warm_run("ours", "fake", env, args.visits, args.users, extra)
        if args.json:
            args.json.write_text(json.dumps(run["turns"]), "utf-8")
        cpu = [float(t["cpu_ms"]) for t in run["turns"][1:]]
        print(
            f"{len(cpu)} warm turns: CPU p50 {percentile(cpu, 50):.2f} ms, "
            f"p99 {percentile(cpu, 99):.2f} ms, mean {sum(cpu) / len(cpu):.2f} ms"
        )
        print(f"{'step':28} {'turns':>5} {'p50':>7} {'p99':>7} {'max':>7} {'in tail':>7}")
        for r in breakdown(run["turns"]):
            print(f"{r.step:28} {r.turns:5d} {r.p50:7.2f} {r.p99:7.2f} {r.max:7.2f} {r.in_tail:7d}")
        if args.profile:
            print()
            stats = pstats.Stats(str(prof), stream=sys.stdout)
            stats.sort_stats("cumulative").print_stats(args.top)
            stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
