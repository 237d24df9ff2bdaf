"""Questions in people's own words, measured the way a user meets the skill (issue 15).

Each question of an evaluation set (questions_frozen.yaml, questions_holdout.yaml,
questions_dev.yaml) is typed twice into the console's resolver (local.resolver: text
resolved against the real interaction model) and sent through the real lambda_handler on
a moto store:

- in-session: "open hamstring coach", then the question, in a fresh session;
- one-shot:   "ask hamstring coach ..." (the set's `one_shot` form, or the question after
              "ask hamstring coach").

What the skill did is read from the response's session attributes and the turn's
signals (the same names the metrics use), never from its wording:

    answer    a topic answered (which one)          choice   "did you mean" (which topics)
    red_flag  routed to safety (red-flag advice or the symptom check started)
    howto     an exercise walkthrough started (which exercise)
    flow      the symptom check or the tendinopathy-or-strain questions started
    miss      nothing answered: the honest "I don't know that" / "only the upper hamstring"
    other     anything else (the resolved intent is kept for the report)

Run it alone: `PYTHONPATH=lambda:. .venv/bin/python -m tests.eval.questions_measure dev`
(add `--show` to list every question that was not answered right).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import boto3
import yaml
from moto import mock_aws

from hamstring_coach.adapters.content_seed import seed
from hamstring_coach.adapters.tables import create_tables
from hamstring_coach.app import create_app
from hamstring_coach.handlers import base
from hamstring_coach.settings import Settings
from local.dialog import TextSession
from local.offline_api import OfflineApiClient
from local.resolver import Resolver, Scoring
from tools.content_source import load_source

HERE = Path(__file__).parent
SETS = {
    "frozen": HERE / "questions_frozen.yaml",
    "dev": HERE / "questions_dev.yaml",
    # The second held-out set (2026-11-30), written from personas like the frozen one.
    "holdout": HERE / "questions_holdout.yaml",
    # The third (2026-11-30, afternoon), written blind while the content was being tuned and
    # measured once, on the day's final code.
    "holdout3": HERE / "questions_holdout3.yaml",
    # The fourth (2026-11-30, evening), written blind from new personas and the brief.
    "holdout4": HERE / "questions_holdout4.yaml",
    # The fifth (2026-11-30, late evening), written blind from 20+ new personas and the brief.
    "holdout5": HERE / "questions_holdout5.yaml",
    # The sixth (2026-12-01, small hours), written blind from 31 new personas and the brief.
    "holdout6": HERE / "questions_holdout6.yaml",
    # The seventh (2026-12-01, early morning), written blind from 32 new personas and the brief.
    "holdout7": HERE / "questions_holdout7.yaml",
    # The eighth (2026-12-01, morning), written blind from 40 new personas and the brief.
    "holdout8": HERE / "questions_holdout8.yaml",
    # The ninth (2026-12-01, late morning), written blind from 43 new personas and the brief.
    "holdout9": HERE / "questions_holdout9.yaml",
    # The tenth (2026-12-01, afternoon), written blind from 49 new personas and the brief.
    "holdout10": HERE / "questions_holdout10.yaml",
    # The eleventh (2026-12-01, night), written blind from 47 new personas and the brief.
    "holdout11": HERE / "questions_holdout11.yaml",
    # The twelfth (2026-12-01, late night), written blind from 45 new personas and the brief.
    "holdout12": HERE / "questions_holdout12.yaml",
    # The thirteenth (2026-12-02), written blind from 47 new personas and the brief.
    "holdout13": HERE / "questions_holdout13.yaml",
    # The fourteenth (2026-12-02, second session), written blind from 44 new personas.
    "holdout14": HERE / "questions_holdout14.yaml",
    # The fifteenth (2026-12-02, third session), written blind from 49 new personas.
    "holdout15": HERE / "questions_holdout15.yaml",
    # The sixteenth (2026-12-02, fourth session), written blind from 64 new personas.
    "holdout16": HERE / "questions_holdout16.yaml",
    # The seventeenth (2026-12-02, fifth session), written blind from 64 new personas.
    "holdout17": HERE / "questions_holdout17.yaml",
    "holdout18": HERE / "questions_holdout18.yaml",
    # The nineteenth (2026-12-03, seventh session), written blind from 71 new personas.
    "holdout19": HERE / "questions_holdout19.yaml",
    # The twentieth (2026-12-03, eighth session), written blind from 77 new personas.
    "holdout20": HERE / "questions_holdout20.yaml",
    "holdout21": HERE / "questions_holdout21.yaml",
    # The twenty-second (2026-12-03, tenth session), written blind from 77 new personas.
    "holdout22": HERE / "questions_holdout22.yaml",
    # The twenty-third (2026-12-03, eleventh session), written blind from 77 new personas.
    "holdout23": HERE / "questions_holdout23.yaml",
    # The twenty-fourth (2026-12-03, twelfth session), written blind from 77 new personas.
    "holdout24": HERE / "questions_holdout24.yaml",
    # The twenty-fifth (2026-12-04, thirteenth session), written blind from 77 new personas.
    "holdout25": HERE / "questions_holdout25.yaml",
    # The twenty-sixth (2026-12-04, fourteenth session), written blind from 77 new personas.
    "holdout26": HERE / "questions_holdout26.yaml",
    # The twenty-seventh (2026-12-04, fifteenth session), written blind from 77 new personas.
    "holdout27": HERE / "questions_holdout27.yaml",
    # The twenty-eighth (2026-12-04, fifteenth session), written blind from 77 new personas.
    "holdout28": HERE / "questions_holdout28.yaml",
    # The twenty-ninth (2026-12-04, sixteenth session), written blind from 77 new personas.
    "holdout29": HERE / "questions_holdout29.yaml",
    # The thirtieth (2026-12-04, sixteenth session), written blind from 77 new personas.
    "holdout30": HERE / "questions_holdout30.yaml",
    # The thirty-first (2026-12-05, seventeenth session), written blind from 77 new personas
    # by three writers, one part each, joined by a script.
    "holdout31": HERE / "questions_holdout31.yaml",
    # The thirty-second (2026-12-05, eighteenth session), written blind from 77 new personas
    # by three writers, one part each, joined by a script.
    "holdout32": HERE / "questions_holdout32.yaml",
    # The thirty-third (2026-12-05, nineteenth session), written blind from 77 new personas
    # by three writers, one part each, joined by a script.
    "holdout33": HERE / "questions_holdout33.yaml",
    # The thirty-fourth (2026-12-05, twentieth session), written blind from 77 new personas
    # by three writers, one part each, joined by a script.
    "holdout34": HERE / "questions_holdout34.yaml",
    # The thirty-fifth (2026-12-05, twenty-first session), written blind from 77 new personas
    # by three writers, one part each, joined by a script.
    "holdout35": HERE / "questions_holdout35.yaml",
    # The thirty-sixth (2026-12-05, twenty-second session), written blind from 77 new
    # personas by three writers, one part each, joined by a script.
    "holdout36": HERE / "questions_holdout36.yaml",
    "holdout37": HERE / "questions_holdout37.yaml",
    "holdout38": HERE / "questions_holdout38.yaml",
    "holdout39": HERE / "questions_holdout39.yaml",
    "holdout40": HERE / "questions_holdout40.yaml",
    "holdout41": HERE / "questions_holdout41.yaml",
    "holdout42": HERE / "questions_holdout42.yaml",
    "holdout43": HERE / "questions_holdout43.yaml",
    "holdout44": HERE / "questions_holdout44.yaml",
    "holdout45": HERE / "questions_holdout45.yaml",
    "holdout46": HERE / "questions_holdout46.yaml",
    "holdout47": HERE / "questions_holdout47.yaml",
    "holdout48": HERE / "questions_holdout48.yaml",
    "holdout49": HERE / "questions_holdout49.yaml",
    # A development batch (2026-12-01, round 9), written blind from 30 new personas and the
    # brief, then tuned on: a development set, not a held-out one.
    "dev9": HERE / "questions_dev9.yaml",
}
LABELS = HERE / "questions_topics.yaml"
INVOCATION = "hamstring coach"
ON_TOPIC_TARGET = 0.85
OFF_TOPIC_ANSWERED_LIMIT = 0.05

WAYS = ("in_session", "one_shot")


def newest_held_out() -> str:
    """The newest blind held-out set ("holdoutN" with the largest N): never learned from
    while it is the one still to be measured."""
    numbered = [n for n in SETS if n.startswith("holdout") and n[len("holdout") :].isdigit()]
    return max(numbered, key=lambda n: int(n[len("holdout") :]))


@dataclass(frozen=True)
class Question:
    text: str
    one_shot: str
    label: str
    persona: str
    exercise: str | None = None


@dataclass(frozen=True)
class Outcome:
    kind: str  # answer, choice, red_flag, howto, flow, miss, other
    detail: tuple[str, ...] = ()
    intent: str = ""
    # (round 36) An answer led by the advice to book a doctor or physio soon: a sign at
    # `soon` was heard with a question the matcher answered (faq.booked_and_answered).
    booked: bool = False

    def describe(self) -> str:
        what = ",".join(self.detail)
        head = f"{self.kind}({what})" if what else self.kind
        return f"{head}{'+book soon' if self.booked else ''} via {self.intent}"


def load_set(name: str) -> list[Question]:
    data = yaml.safe_load(SETS[name].read_text("utf-8"))
    return [
        Question(
            text=str(q["q"]),
            one_shot=str(q.get("one_shot") or f"ask {INVOCATION} {q['q']}"),
            label=str(q["topic"]),
            persona=str(q["persona"]),
            exercise=q.get("exercise"),
        )
        for q in data["questions"]
    ]


def load_labels() -> dict[str, Any]:
    return dict(yaml.safe_load(LABELS.read_text("utf-8")))


# --- running the skill ------------------------------------------------------------------


@contextmanager
def recorded_signals() -> Iterator[list[str]]:
    """Every signal a turn raises (TurnContext.signal), collected while inside. Health
    signals (red flags, check outcomes) are collected too, whatever the deployment's
    health-data profile keeps in its logs: they are what the measuring reads."""
    seen: list[str] = []
    context_class: Any = base.TurnContext
    original = context_class.signal

    # The signal's keywords pass through: a wrapper that dropped them (`health=True`) made
    # every red-flag turn raise TypeError, so the skill answered with its error line and
    # the harness counted a routed red flag as missed.
    def record(self: Any, name: str, **keywords: Any) -> None:
        seen.append(name)
        original(self, name, **keywords)

    context_class.signal = record
    try:
        yield seen
    finally:
        context_class.signal = original


@contextmanager
def local_skill() -> Iterator[Callable[[dict[str, Any], Any], dict[str, Any]]]:
    """The real lambda_handler on a moto store with the content seeded (as the tests have it)."""
    for key, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        os.environ.setdefault(key, value)
    settings = Settings(
        content_table="hc-content",
        progress_table="hc-progress",
        region="us-east-1",
        user_key_secret=b"eval-secret",
    )
    with mock_aws():
        client = boto3.client("dynamodb", region_name=settings.region)
        create_tables(client, settings.content_table, settings.progress_table)
        seed(client, settings.content_table, load_source())
        yield create_app(
            settings, client=client, rng=random.Random(7), api_client=OfflineApiClient()
        )


_CHECK_MODE = "symptom_check"
_SAFETY_SIGNALS = ("faq_red_flag",)


def classify(resolved_intent: str, response: Mapping[str, Any], signals: Sequence[str]) -> Outcome:
    """What the skill did with one question, from its session attributes and signals."""
    attrs = dict(response.get("sessionAttributes") or {})
    intent = resolved_intent
    if any(s in _SAFETY_SIGNALS or "red_flag" in s or s.startswith("safety") for s in signals):
        return Outcome("red_flag", (), intent)
    if "triage_started" in signals or any(
        s.startswith("triage_") and s not in ("triage_stopped", "triage_left") for s in signals
    ):
        check = attrs.get("symptom_check")
        compare = isinstance(check, dict) and bool(check.get("compare"))
        if compare:
            return Outcome("flow", ("condition_compare",), intent)
        # A red-flag statement ("I felt a pop") settled at once by the check is routed too.
        return Outcome("flow", ("symptom_check",), intent)
    if "faq_answered" in signals and attrs.get("faq_topic"):
        booked = "faq_book_soon" in signals
        return Outcome("answer", (str(attrs["faq_topic"]),), intent, booked=booked)
    if "faq_choice" in signals:
        return Outcome("choice", tuple(str(t) for t in attrs.get("faq_choices") or ()), intent)
    if attrs.get("mode") == "walkthrough" and isinstance(attrs.get("walk"), dict):
        return Outcome("howto", (str(attrs["walk"].get("ex")),), intent)
    if "faq_miss" in signals or "faq_off_topic" in signals:
        return Outcome("miss", (), intent)
    return Outcome("other", (), intent)


def ask(
    handler: Callable[..., dict[str, Any]], question: Question, scoring: Scoring = "words"
) -> dict[str, Outcome]:
    """The question said both ways, each in a fresh session."""
    resolver = _resolver(scoring)
    out: dict[str, Outcome] = {}
    for way in WAYS:
        chat = TextSession(handler, resolver)
        if way == "in_session":
            chat.say(f"open {INVOCATION}")
            text = question.text
        else:
            text = question.one_shot
        with recorded_signals() as seen:
            exchange = chat.say(text)
        response = exchange.response or {}
        out[way] = classify(str(exchange.resolution.intent or ""), response, seen)
    return out


@cache
def _resolver(scoring: Scoring = "words") -> Resolver:
    return Resolver.for_locale("en-US", scoring=scoring)


# --- scoring ----------------------------------------------------------------------------


def verdict(question: Question, outcome: Outcome, labels: Mapping[str, Any]) -> str:
    """right, offered (a "did you mean" naming the right topic), wrong; for red flags
    routed / missed; for off-topic honest / offered / answered."""
    if question.label == "red_flag":
        if (
            outcome.kind == "red_flag"
            or outcome.booked
            or (outcome.kind == "flow" and outcome.detail == ("symptom_check",))
        ):
            return "routed"
        return "missed"
    if question.label == "off_topic":
        if outcome.kind in ("answer", "howto", "flow"):
            return "answered"
        if outcome.kind == "choice":
            return "offered"
        return "honest"
    if question.label == "howto":
        wanted = labels["howto"].get(question.exercise or "", [])
        return "right" if outcome.kind == "howto" and outcome.detail[0] in wanted else "wrong"
    spec = labels["labels"][question.label]
    topics = set(spec.get("topics", ()))
    flows = set(spec.get("flows", ()))
    if outcome.kind == "answer" and outcome.detail[0] in topics:
        return "right"
    if outcome.kind == "flow" and set(outcome.detail) & flows:
        return "right"
    if outcome.kind == "choice" and set(outcome.detail) & topics:
        return "offered"
    return "wrong"


@dataclass
class Report:
    name: str
    results: list[tuple[Question, dict[str, Outcome], dict[str, str]]]

    def group(self, way: str) -> dict[str, Counter[str]]:
        by: dict[str, Counter[str]] = defaultdict(Counter)
        for question, _, verdicts in self.results:
            key = question.label
            by[key][verdicts[way]] += 1
            by[key]["total"] += 1
        return by

    def summary(self, way: str) -> dict[str, float]:
        on = Counter[str]()
        red = Counter[str]()
        off = Counter[str]()
        for question, _, verdicts in self.results:
            v = verdicts[way]
            if question.label == "red_flag":
                red[v] += 1
                red["total"] += 1
            elif question.label == "off_topic":
                off[v] += 1
                off["total"] += 1
            else:
                on[v] += 1
                on["total"] += 1
        return {
            "on_topic_right": _share(on["right"], on["total"]),
            "on_topic_right_or_offered": _share(on["right"] + on["offered"], on["total"]),
            "on_topic_total": on["total"],
            "red_flag_routed": _share(red["routed"], red["total"]),
            "red_flag_total": red["total"],
            "off_topic_answered": _share(off["answered"], off["total"]),
            "off_topic_offered": _share(off["offered"], off["total"]),
            "off_topic_total": off["total"],
        }

    def lines(self, per_topic: bool = True) -> list[str]:
        out = [f"questions in people's own words: {self.name} set, {len(self.results)} questions"]
        for way in WAYS:
            s = self.summary(way)
            out.append(
                f"  {way:<10} on-topic right {s['on_topic_right']:.1%} "
                f"(+ 'did you mean' {s['on_topic_right_or_offered']:.1%}) of "
                f"{s['on_topic_total']:.0f}; red flags routed {s['red_flag_routed']:.1%} of "
                f"{s['red_flag_total']:.0f}; off-topic answered with a topic "
                f"{s['off_topic_answered']:.1%} (offered {s['off_topic_offered']:.1%}) of "
                f"{s['off_topic_total']:.0f}"
            )
        if per_topic:
            groups = {way: self.group(way) for way in WAYS}
            out.append(f"  {'label':<24} {'n':>3}  {'in-session':>14}  {'one-shot':>14}")
            for label in sorted(groups["in_session"]):
                cells = []
                for way in WAYS:
                    c = groups[way][label]
                    good = c["right"] + c["routed"] + c["honest"]
                    extra = c["offered"]
                    offered = f" +{extra:<2}" if extra else "    "
                    cells.append(f"{good:>3}/{c['total']:<3}{offered}")
                total = groups["in_session"][label]["total"]
                out.append(f"  {label:<24} {total:>3}  {cells[0]:>14}  {cells[1]:>14}")
        return out

    def failures(self) -> list[str]:
        out = []
        for question, outcomes, verdicts in self.results:
            for way in WAYS:
                if verdicts[way] not in ("right", "routed", "honest"):
                    said = question.text if way == "in_session" else question.one_shot
                    out.append(
                        f"{question.label:<22} {way:<10} {verdicts[way]:<8} {said!r} -> "
                        f"{outcomes[way].describe()}"
                    )
        return out


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 1.0


def measure(
    name: str, handler: Callable[..., dict[str, Any]] | None = None, scoring: Scoring = "words"
) -> Report:
    questions = load_set(name)
    labels = load_labels()
    results = []

    def run(h: Callable[..., dict[str, Any]]) -> None:
        for question in questions:
            outcomes = ask(h, question, scoring)
            verdicts = {way: verdict(question, outcomes[way], labels) for way in WAYS}
            results.append((question, outcomes, verdicts))

    if handler is None:
        with local_skill() as made:
            run(made)
    else:
        run(handler)
    return Report(name, results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="measure an evaluation set through the skill")
    parser.add_argument("set", choices=sorted(SETS))
    parser.add_argument("--show", action="store_true", help="list what was not answered right")
    parser.add_argument(
        "--scoring",
        choices=("words", "characters"),
        default="words",
        help="how the resolver ranks matching samples: words (default) or as virtual-alexa",
    )
    args = parser.parse_args(argv)
    report = measure(args.set, scoring=args.scoring)
    if args.show:
        for line in report.failures():
            print(line)
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
