"""Red-flag recall, measured as a person meets the skill: typed text -> the console's
resolver (local.resolver, what Alexa would send) -> the real lambda_handler -> what it says.

Each statement is tried twice:
- one-shot: "ask hamstring coach <statement>" (a new session, a new user each time);
- in session: "open hamstring coach", then the statement.

The answer is classified from the words spoken, not from the skill's internals: a safety
answer is one that says one of the skill's safety lines (emergency, urgent or soon advice
that names where to get help, or the symptom check's opening). The line keys are listed in
SAFETY_LINES; their text comes from content, with {placeholders} matching anything.
`python -m tests.eval.harness frozen` prints the figures for one set (moto, no network).
"""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from local.dialog import TextSession
from local.resolver import Resolver
from local.transcript import render
from tests.eval.questions_measure import local_skill
from tools.content_source import load_source

HERE = Path(__file__).parent
SETS = {
    "frozen": HERE / "red_flags_frozen.yaml",
    "dev": HERE / "red_flags_dev.yaml",
    # The second held-out set (2026-11-30), written from personas like the frozen one.
    "holdout": HERE / "red_flags_holdout.yaml",
    # The third (2026-11-30, afternoon), written blind while the matcher was being tuned.
    "holdout3": HERE / "red_flags_holdout3.yaml",
    # The fourth (2026-11-30, evening), written blind from new personas and the brief.
    "holdout4": HERE / "red_flags_holdout4.yaml",
    # The fifth (2026-11-30, late evening), written blind from 20+ new personas and the brief.
    "holdout5": HERE / "red_flags_holdout5.yaml",
    # The sixth (2026-12-01, small hours), written blind from 31 new personas and the brief.
    "holdout6": HERE / "red_flags_holdout6.yaml",
    # The seventh (2026-12-01, early morning), written blind from 32 new personas and the brief.
    "holdout7": HERE / "red_flags_holdout7.yaml",
    # The eighth (2026-12-01, morning), written blind from 40 new personas and the brief.
    "holdout8": HERE / "red_flags_holdout8.yaml",
    # The ninth (2026-12-01, late morning), written blind from 43 new personas and the brief.
    "holdout9": HERE / "red_flags_holdout9.yaml",
    # The tenth (2026-12-01, afternoon), written blind from 49 new personas and the brief.
    "holdout10": HERE / "red_flags_holdout10.yaml",
    # The eleventh (2026-12-01, night), written blind from 47 new personas and the brief.
    "holdout11": HERE / "red_flags_holdout11.yaml",
    # The twelfth (2026-12-01, late night), written blind from 45 new personas and the brief.
    "holdout12": HERE / "red_flags_holdout12.yaml",
    # The thirteenth (2026-12-02), written blind from 47 new personas and the brief.
    "holdout13": HERE / "red_flags_holdout13.yaml",
    # The fourteenth (2026-12-02, second session), written blind from 44 new personas.
    "holdout14": HERE / "red_flags_holdout14.yaml",
    # The fifteenth (2026-12-02, third session), written blind from 49 new personas.
    "holdout15": HERE / "red_flags_holdout15.yaml",
    # The sixteenth (2026-12-02, fourth session), written blind from 64 new personas.
    "holdout16": HERE / "red_flags_holdout16.yaml",
    # The seventeenth (2026-12-02, fifth session), written blind from 64 new personas.
    "holdout17": HERE / "red_flags_holdout17.yaml",
    "holdout18": HERE / "red_flags_holdout18.yaml",
    # The nineteenth (2026-12-03, seventh session), written blind from new personas.
    "holdout19": HERE / "red_flags_holdout19.yaml",
    # The twentieth (2026-12-03, eighth session), written blind from new personas.
    "holdout20": HERE / "red_flags_holdout20.yaml",
    "holdout21": HERE / "red_flags_holdout21.yaml",
    # The twenty-second (2026-12-03, tenth session), written blind from new personas.
    "holdout22": HERE / "red_flags_holdout22.yaml",
    # The twenty-third (2026-12-03, eleventh session), written blind from new personas.
    "holdout23": HERE / "red_flags_holdout23.yaml",
    # The twenty-fourth (2026-12-03, twelfth session), written blind from new personas.
    "holdout24": HERE / "red_flags_holdout24.yaml",
    # The twenty-fifth (2026-12-04, thirteenth session), written blind from new personas.
    "holdout25": HERE / "red_flags_holdout25.yaml",
    # The twenty-sixth (2026-12-04, fourteenth session), written blind from new personas.
    "holdout26": HERE / "red_flags_holdout26.yaml",
    # The twenty-seventh (2026-12-04, fifteenth session), written blind from new personas.
    "holdout27": HERE / "red_flags_holdout27.yaml",
    # The twenty-eighth (2026-12-04, fifteenth session), written blind from new personas.
    "holdout28": HERE / "red_flags_holdout28.yaml",
    # The twenty-ninth (2026-12-04, sixteenth session), written blind from new personas.
    "holdout29": HERE / "red_flags_holdout29.yaml",
    # The thirtieth (2026-12-04, sixteenth session), written blind from new personas.
    "holdout30": HERE / "red_flags_holdout30.yaml",
    # The thirty-first (2026-12-05, seventeenth session), written blind from new personas.
    "holdout31": HERE / "red_flags_holdout31.yaml",
    # The thirty-second (2026-12-05, eighteenth session), written blind from new personas.
    "holdout32": HERE / "red_flags_holdout32.yaml",
    # The thirty-third (2026-12-05, nineteenth session), written blind from new personas.
    "holdout33": HERE / "red_flags_holdout33.yaml",
    # The thirty-fourth (2026-12-05, twentieth session), written blind from new personas.
    "holdout34": HERE / "red_flags_holdout34.yaml",
    # The thirty-fifth (2026-12-05, twenty-first session), written blind from new personas.
    "holdout35": HERE / "red_flags_holdout35.yaml",
    # The thirty-sixth (2026-12-05, twenty-second session), written blind from new personas.
    "holdout36": HERE / "red_flags_holdout36.yaml",
    # The thirty-seventh (2026-12-06, twenty-third session), written blind from new personas.
    "holdout37": HERE / "red_flags_holdout37.yaml",
    # The thirty-eighth (2026-12-06, twenty-fourth session), written blind from new personas.
    "holdout38": HERE / "red_flags_holdout38.yaml",
    # The thirty-ninth (2026-12-06, twenty-fifth session), written blind from new personas.
    "holdout39": HERE / "red_flags_holdout39.yaml",
    # The fortieth (2026-12-06, twenty-sixth session), written blind from new personas.
    "holdout40": HERE / "red_flags_holdout40.yaml",
    # The forty-first (2026-12-06, twenty-seventh session), written blind from new personas.
    "holdout41": HERE / "red_flags_holdout41.yaml",
    # The forty-second (2026-12-06, twenty-eighth session), written blind from new personas.
    "holdout42": HERE / "red_flags_holdout42.yaml",
    # The forty-third (2026-12-06, twenty-ninth session), written blind from new personas.
    "holdout43": HERE / "red_flags_holdout43.yaml",
    # The forty-fourth (2026-12-06, thirtieth session), written blind from new personas.
    "holdout44": HERE / "red_flags_holdout44.yaml",
    # The forty-fifth (2026-12-07, thirty-first session), written blind from new personas.
    "holdout45": HERE / "red_flags_holdout45.yaml",
    # The forty-sixth (2026-12-07, thirty-second session), written blind from new personas.
    "holdout46": HERE / "red_flags_holdout46.yaml",
    # The forty-seventh (2026-12-07, thirty-third session), written blind from new personas.
    "holdout47": HERE / "red_flags_holdout47.yaml",
    # The forty-eighth (2026-12-07, thirty-fourth session), written blind from new personas.
    "holdout48": HERE / "red_flags_holdout48.yaml",
    # The forty-ninth (2026-12-07, thirty-fifth session), written blind from new personas.
    "holdout49": HERE / "red_flags_holdout49.yaml",
}
LEVELS = ("soon", "urgent", "emergency")
MODES = ("one-shot", "in session")

# Content line keys whose words mark a spoken answer as safety advice, and what level each
# speaks for ("check": the symptom check started, its safety questions come next).
SAFETY_LINES: Mapping[str, str] = {
    "faq.red_flag.emergency": "emergency",
    "faq.red_flag.urgent": "urgent",
    "faq.red_flag.soon": "soon",
    # (round 36) a sign at `soon` heard with a question the matcher answers: this leads the
    # answer (handlers/faq.py booked_and_answered)
    "faq.red_flag.soon.lead": "soon",
    "triage.outcome.emergency": "emergency",
    "triage.outcome.urgent": "urgent",
    "triage.outcome.soon": "soon",
    "triage.intro": "check",
    "triage.intro.pop": "check",
    "triage.intro.compare": "check",
    "safety.flag.emergency": "emergency",
    "safety.flag.urgent": "urgent",
    "safety.flag.soon": "soon",
    # (rf10) a sign said of someone else: advice that THEY be seen, at the flag's level
    "safety.flag.theirs.emergency": "emergency",
    "safety.flag.theirs.urgent": "urgent",
    "safety.flag.theirs.soon": "soon",
}


@dataclass(frozen=True)
class Statement:
    text: str
    level: str | None  # None: not a red flag
    row: str | None


def load(name: str) -> tuple[list[Statement], list[Statement]]:
    data = yaml.safe_load(SETS[name].read_text("utf-8"))
    red = [Statement(str(i["text"]), str(i["level"]), str(i["row"])) for i in data["red_flags"]]
    calm = [Statement(str(i["text"]), None, None) for i in data["non_red_flags"]]
    return red, calm


def _pattern(text: str) -> re.Pattern[str]:
    # Compared on letters only: punctuation, SSML escapes and spacing do not matter.
    parts = re.split(r"\{\w+\}", text)
    words = [" ".join(re.findall(r"[a-z0-9]+", p.lower())) for p in parts]
    return re.compile(r"\b" + r"\b.*?\b".join(re.escape(w) for w in words if w) + r"\b")


class Classifier:
    """Which safety level a spoken answer gives, from the content's own safety lines."""

    def __init__(self, lines: Mapping[str, Any]) -> None:
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        for key, level in SAFETY_LINES.items():
            value = lines.get(key)
            if isinstance(value, Mapping):  # the content source's {"variants": [...]}
                value = value.get("variants")
            if value is None:
                continue
            for variant in value if isinstance(value, list) else [value]:
                self._patterns.append((_pattern(str(variant)), level))

    def level(self, speech: str) -> str | None:
        flat = " ".join(re.findall(r"[a-z0-9]+", speech.lower()))
        found = [level for pattern, level in self._patterns if pattern.search(flat)]
        if not found:
            return None
        order = ("check", *LEVELS)
        return max(found, key=order.index)


@dataclass
class Outcome:
    statement: Statement
    mode: str
    intent: str
    level: str | None  # what the answer gave: a LEVELS entry, "check", or None
    speech: str

    @property
    def safe(self) -> bool:
        return self.level is not None


@dataclass
class Figures:
    name: str
    red: list[Outcome] = field(default_factory=list)
    calm: list[Outcome] = field(default_factory=list)

    def recall(self, mode: str | None = None) -> tuple[int, int]:
        chosen = [o for o in self.red if mode is None or o.mode == mode]
        return sum(o.safe for o in chosen), len(chosen)

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.red if not o.safe]

    @property
    def false_alarms(self) -> list[Outcome]:
        return [o for o in self.calm if o.safe]

    @property
    def under_triaged(self) -> list[Outcome]:
        """Safety advice at a lower level than the statement's own (the check starting
        counts as meeting urgent and soon: its emergency questions come first)."""
        out = []
        for o in self.red:
            if o.level is None or o.statement.level is None:
                continue
            given = LEVELS.index("urgent") if o.level == "check" else LEVELS.index(o.level)
            if given < LEVELS.index(o.statement.level):
                out.append(o)
        return out

    def report(self, limit: int = 200) -> list[str]:
        hit, total = self.recall()
        lines = [f"red-flag recall ({self.name} set): {hit}/{total} = {hit / total:.1%}"]
        for mode in MODES:
            h, t = self.recall(mode)
            lines.append(f"  {mode}: {h}/{t}")
        calm_total = len(self.calm)
        lines.append(f"false alarms ({self.name} set): {len(self.false_alarms)}/{calm_total}")
        for o in self.false_alarms[:limit]:
            lines.append(f"  false alarm [{o.mode}] {o.statement.text!r} -> {o.level} ({o.intent})")
        for o in self.misses[:limit]:
            lines.append(
                f"  missed [{o.mode}] {o.statement.row}: {o.statement.text!r} ({o.intent})"
            )
        under = self.under_triaged
        lines.append(f"under-triaged ({self.name} set): {len(under)}")
        for o in under[:limit]:
            lines.append(
                f"  under [{o.mode}] {o.statement.text!r}: {o.statement.level} -> {o.level}"
            )
        return lines


Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
# Reports of the sets measured in this run, printed at its end (tests/eval/conftest.py).
REPORTS: dict[str, list[str]] = {}


def _spoken(response: Mapping[str, Any] | None) -> str:
    return render(response)[0] if response else ""


def run_one(
    handler: Handler, resolver: Resolver, classifier: Classifier, s: Statement
) -> Iterator[Outcome]:
    user = f"amzn1.ask.account.eval-{uuid.uuid4()}"
    chat = TextSession(handler, resolver, user_id=user)
    ex = chat.say(f"ask hamstring coach {s.text}")
    speech = _spoken(ex.response)
    yield Outcome(s, "one-shot", ex.resolution.describe(), classifier.level(speech), speech)

    chat = TextSession(handler, resolver, user_id=f"{user}-s")
    chat.say("open hamstring coach")
    ex = chat.say(s.text)
    speech = _spoken(ex.response)
    yield Outcome(s, "in session", ex.resolution.describe(), classifier.level(speech), speech)


def measure(name: str, handler: Handler, resolver: Resolver, lines: Mapping[str, Any]) -> Figures:
    red, calm = load(name)
    classifier = Classifier(lines)
    figures = Figures(name)
    for s in red:
        figures.red.extend(run_one(handler, resolver, classifier, s))
    for s in calm:
        figures.calm.extend(run_one(handler, resolver, classifier, s))
    return figures


def _main(names: Iterable[str]) -> None:  # pragma: no cover - a console entry point
    # The same seeded moto skill the questions' measurement and the held-out test use.
    lines = load_source()["en"]["line"]
    with local_skill() as app:
        resolver = Resolver.for_locale("en-US")
        for name in names:
            print("\n".join(measure(name, app, resolver, lines).report()))


if __name__ == "__main__":  # pragma: no cover
    _main(sys.argv[1:] or ["dev"])
