"""One measured process: `python -m bench.child cold|warm ...`, driven by bench.run.

`cold` is a fresh interpreter that reads one request from stdin, imports the skill's handler
module, answers and prints one JSON line: the parent times the whole process from spawn to
that line. Nothing but the standard library is imported before the handler module, so the
import time is the skill's own.

`warm` replays the scripted session many times in one process and prints every turn's
handler time and DynamoDB calls, then the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

OURS_MODULE = "hamstring_coach.app"
BASELINE_MODULE = "lambda_function"

# Not hamstring_coach.lambda_type.LambdaHandler: this runs beside the baseline skill too,
# where the package is not importable (and importing it would cost our cold start).
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

# Starts the one line of results: the skill may print its own lines (structured logs,
# metrics) to the same stdout, as it does in Lambda.
RESULT_MARK = "bench-result: "


def _module_name(skill: str) -> str:
    return OURS_MODULE if skill == "ours" else BASELINE_MODULE


def cold(skill: str) -> None:
    event = json.loads(sys.stdin.read())
    started = time.perf_counter()
    module = importlib.import_module(_module_name(skill))
    imported = time.perf_counter()
    response = module.lambda_handler(event, None)
    answered = time.perf_counter()
    ok = bool(response.get("response", {}).get("outputSpeech"))
    print(
        RESULT_MARK
        + json.dumps(
            {
                "import_ms": (imported - started) * 1000,
                "first_call_ms": (answered - imported) * 1000,
                "ok": ok,
            }
        ),
        flush=True,
    )


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM belongs to the process's own address
    space; ru_maxrss would carry over the parent's peak across fork and exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- warm --------------------------------------------------------------------------------


# Who answered a turn, told apart by lines only that answer says, e.g. "error" (the
# catch-all), "fallback" (no handler for the intent yet); otherwise "handler".
Markers = dict[str, list[str]]


def _ours(
    store: str, source_path: str | None, clock: Callable[[], datetime]
) -> tuple[Handler, Any, str]:
    from bench.fakes import FakeDynamoClient
    from bench.metrics import CallRecorder, attach_to_botocore
    from hamstring_coach.adapters.content_seed import seed
    from hamstring_coach.adapters.dynamo import make_client
    from hamstring_coach.app import create_app
    from hamstring_coach.settings import Settings

    settings = Settings.from_env()
    schema = {settings.content_table: ("pk", "sk"), settings.progress_table: ("pk",)}
    recorder = CallRecorder(schema)
    if store == "fake":
        if source_path is None:
            raise SystemExit("--source is needed to fake the store")
        with open(source_path, encoding="utf-8") as fh:
            source = json.load(fh)
        fake = FakeDynamoClient(schema, recorder)
        seed(fake, settings.content_table, source)  # type: ignore[arg-type]
        client: Any = fake
    else:
        # Nothing else is loaded here, so the peak memory is the skill's own.
        client = make_client(settings)
        attach_to_botocore(client, recorder)
    recorder.take()
    import inspect

    extra: dict[str, Any] = {}
    if store == "fake" and "api_client" in inspect.signature(create_app).parameters:
        extra["api_client"] = _fake_api_client()  # no HTTP either: our code alone
    handler = create_app(settings, client=client, clock=clock, **extra)
    return handler, recorder, settings.content_table


def _fake_api_client() -> Any:
    from ask_sdk_model.services import ApiClient, ApiClientResponse

    class CannedApiClient(ApiClient):  # type: ignore[misc]
        """Answers every Alexa service API call with the stand-in's time zone."""

        def invoke(self, request: Any) -> Any:
            return ApiClientResponse(
                headers=[("Content-Type", "application/json")],
                status_code=200,
                body=json.dumps(os.environ.get("BENCH_TIME_ZONE", "America/Chicago")),
            )

    return CannedApiClient()


def _baseline(
    store: str, source_path: str | None, clock: Callable[[], datetime]
) -> tuple[Handler, Any, str]:
    from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
    from boto3.dynamodb.types import TypeSerializer

    from bench.metrics import CallRecorder, attach_to_botocore
    from bench.session import bench_user

    module = importlib.import_module(BASELINE_MODULE)
    table = module.TABLE
    recorder = CallRecorder({table: ("id",)})
    if store == "fake":
        serializer = TypeSerializer()

        class MemoryAdapter(AbstractPersistenceAdapter):  # type: ignore[misc]
            """The official adapter's behaviour, kept in a dict."""

            def __init__(self) -> None:
                self.items: dict[str, dict[str, Any]] = {}

            def get_attributes(self, request_envelope: Any) -> dict[str, Any]:
                key = request_envelope.context.system.user.user_id
                attributes = self.items.get(key)
                params = {"TableName": table, "Key": {"id": {"S": key}}, "ConsistentRead": True}
                out: dict[str, Any] = {}
                if attributes is not None:
                    out["Item"] = {
                        "id": {"S": key},
                        "attributes": serializer.serialize(attributes),
                    }
                recorder.record("GetItem", params, out)
                return dict(attributes or {})

            def save_attributes(self, request_envelope: Any, attributes: dict[str, Any]) -> None:
                self.items[request_envelope.context.system.user.user_id] = dict(attributes)

            def delete_attributes(self, request_envelope: Any) -> None:
                self.items.pop(request_envelope.context.system.user.user_id, None)

        memory = MemoryAdapter()
        for n in range(1000):
            memory.items[bench_user(n)] = {"visits": 1}
        handler: Handler = module.build(memory).lambda_handler()
    else:
        attach_to_botocore(module.adapter.dynamodb.meta.client, recorder)
        handler = module.lambda_handler
    return handler, recorder, ""


def warm(
    skill: str,
    store: str,
    visits: int,
    users: int,
    markers_path: str | None = None,
    source_path: str | None = None,
    profile_labels: frozenset[str] = frozenset(),
    profile_out: str | None = None,
) -> None:
    from bench.session import BASELINE_SCRIPT, SCRIPT, sessions

    markers: Markers = {}
    if markers_path:
        with open(markers_path, encoding="utf-8") as fh:
            markers = json.load(fh)
    # The skill's clock moves a day for each round of visits, so each person sees a week of
    # use: a morning check from the second day, progress and history growing.
    first_day = datetime.now(UTC)
    today = [first_day]
    started = time.perf_counter()
    setup = _ours if skill == "ours" else _baseline
    handler, recorder, content_table = setup(store, source_path, lambda: today[0])
    setup_ms = (time.perf_counter() - started) * 1000
    script = SCRIPT if skill == "ours" else BASELINE_SCRIPT
    turns: list[dict[str, Any]] = []
    api = os.environ.get("BENCH_ALEXA_API") or None
    # `bench.steps --profile LABEL`: only those steps' warm turns, never the cold first one.
    profiler = cProfile.Profile() if profile_out else None
    for visit, step in sessions(script, visits, users, api_endpoint=api):
        if not visit.applies(step):
            continue
        today[0] = first_day + timedelta(days=visit.day)
        event = visit.envelope(step)
        profiled = profiler is not None and turns and step.label in profile_labels
        if profiled:
            profiler.enable()  # type: ignore[union-attr]
        t0, c0 = time.perf_counter_ns(), time.process_time_ns()
        response = handler(event, None)
        c1, t1 = time.process_time_ns(), time.perf_counter_ns()
        if profiled:
            profiler.disable()  # type: ignore[union-attr]
        visit.absorb(response)
        speech = str(response.get("response", {}).get("outputSpeech", {}).get("ssml", ""))
        answered = next(
            (who for who, lines in markers.items() if any(line in speech for line in lines)),
            "handler",
        )
        turns.append(
            {
                "label": step.label,
                "day": visit.day,
                "request": step.request,
                "ms": (t1 - t0) / 1e6,
                "cpu_ms": (c1 - c0) / 1e6,
                "calls": [c.to_dict() for c in recorder.take()],
                "answered": answered,
            }
        )
    if profiler is not None and profile_out:
        profiler.dump_stats(profile_out)
    out = {
        "skill": skill,
        "store": store,
        "setup_ms": setup_ms,
        "content_table": content_table,
        "turns": turns,
        "peak_rss_mb": peak_rss_mb(),
    }
    print(RESULT_MARK + json.dumps(out), flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("cold", "warm"))
    parser.add_argument("--skill", choices=("ours", "baseline"), required=True)
    parser.add_argument("--store", choices=("dynalite", "fake"), default="dynalite")
    parser.add_argument("--visits", type=int, default=70)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--markers", help="JSON: who answered -> lines that show it")
    parser.add_argument("--source", help="JSON content source, to seed a faked store")
    parser.add_argument("--profile-label", action="append", default=[], help="steps to profile")
    parser.add_argument("--profile-out", help="where to write the warm profile (pstats)")
    args = parser.parse_args(argv)
    if args.mode == "cold":
        cold(args.skill)
    else:
        warm(
            args.skill,
            args.store,
            args.visits,
            args.users,
            args.markers,
            args.source,
            frozenset(args.profile_label),
            args.profile_out,
        )


if __name__ == "__main__":
    main()
