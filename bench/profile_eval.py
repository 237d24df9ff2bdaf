"""Where the eval tier's time goes: `python -m bench.profile_eval [SET] [N]`.

Runs the first N questions (both ways) and the first N red-flag statements (both ways) of a
retired held-out set through the eval harness (tests/eval: the console's resolver, the real
lambda_handler on moto) under cProfile, and splits the time by where the code lives:
the resolver, the skill, moto/botocore, content loading and the rest. Each function's own
time (tottime) is charged to one bucket, so the buckets add up to the whole.
Never run it on the frozen sets or a held-out set still blind.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from collections import Counter

from local.resolver import Resolver
from tests.eval import harness, questions_measure
from tools.content_source import load_source

# (bucket, path fragment): the first fragment found in a function's file names its bucket.
BUCKETS = (
    ("resolver", "/local/resolver.py"),
    ("resolver", "hamstring_coach/domain/numbers"),
    ("content loading", "content_source"),
    ("content loading", "/yaml/"),
    ("content loading", "adapters/content"),
    ("moto/botocore", "/moto/"),
    ("moto/botocore", "/botocore/"),
    ("moto/botocore", "/boto3/"),
    ("moto/botocore", "/responses/"),
    ("moto/botocore", "/werkzeug/"),
    ("moto/botocore", "/urllib3/"),
    ("moto/botocore", "/jinja2/"),
    ("moto/botocore", "/dateutil/"),
    ("skill (domain)", "hamstring_coach/domain/"),
    ("skill (handlers, adapters, sdk)", "hamstring_coach/"),
    ("skill (handlers, adapters, sdk)", "/ask_sdk"),
    ("skill (handlers, adapters, sdk)", "/aws_lambda_powertools/"),
    ("harness (local.dialog, envelopes, tests/eval)", "/local/"),
    ("harness (local.dialog, envelopes, tests/eval)", "/tests/eval/"),
)


def bucket(filename: str) -> str:
    for name, fragment in BUCKETS:
        if fragment in filename:
            return name
    return "other (stdlib: json, copy, re, uuid, logging...)"


def run(name: str, count: int) -> None:
    questions = questions_measure.load_set(name)[:count]
    red, calm = harness.load(name)
    statements = (red + calm)[:count]
    lines = load_source()["en"]["line"]
    with questions_measure.local_skill() as app:
        resolver = Resolver.for_locale("en-US")
        classifier = harness.Classifier(lines)
        profile = cProfile.Profile()
        began = time.perf_counter()
        profile.enable()
        for question in questions:
            questions_measure.ask(app, question)
        for statement in statements:
            list(harness.run_one(app, resolver, classifier, statement))
        profile.disable()
        wall = time.perf_counter() - began
    stats = pstats.Stats(profile)
    split: Counter[str] = Counter()
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        split[bucket(filename)] += tottime
    total = sum(split.values())
    # Each question and statement: in session ("open ...", then it) and one-shot.
    turns = 3 * (len(questions) + len(statements))
    print(f"{name}: {len(questions)} questions, {len(statements)} statements, ~{turns} turns")
    print(f"wall {wall:.1f} s under the profiler (profiled total {total:.1f} s)")
    print("own time (tottime) by where the code lives; built-ins count as 'other':")
    for key, seconds in split.most_common():
        print(f"  {key:<48} {seconds:7.1f} s  {seconds / total:6.1%}")
    print("inclusive time (cumtime) of the two entry points a turn goes through:")
    for (filename, _, function), (_, _, _, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if (filename.endswith("local/resolver.py") and function == "resolve") or (
            filename.endswith("hamstring_coach/lambda_entry.py") and function == "handler"
        ):
            where = filename.rsplit("/", 1)[-1]
            print(f"  {function} ({where}) {cumtime:7.1f} s  {cumtime / total:6.1%}")
    stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    run(
        sys.argv[1] if len(sys.argv) > 1 else "holdout14",
        int(sys.argv[2]) if len(sys.argv) > 2 else 100,
    )
