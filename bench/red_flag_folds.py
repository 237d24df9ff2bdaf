"""Leave-one-set-out measurement of a learned second opinion for the red-flag matcher (rf14).

    PYTHONPATH=lambda:. .venv/bin/python -m bench.red_flag_folds [--reading faq|flags]

The question classifier (hamstring_coach.domain.faq_classifier, naive Bayes) is trained on
the readable red-flag sets' statements, each labelled with its row, and their calm lines
labelled `calm`; for each left-out set S it is trained on every other readable set and asked
about S. It may only RAISE: it is asked only when the rule matcher (domain/red_flags.py)
raised nothing, and it counts only when its top label is a row (not calm) with at least the
threshold's confidence. Per fold and threshold:

- caught: S's red-flag statements the rules missed and the classifier raised, at the row's
  level or higher (a lower level is counted as `under`, never as caught);
- added: S's calm lines the rules left calm and the classifier raised (new false alarms);
- alone: S's red-flag statements the classifier raises by itself (how well it reads
  statements nobody tuned it on, whether or not the rules caught them).

The rules S is measured against: for a retired set, the matcher and red_flags.yaml of the
commit S was measured on while still held out (its misses then were the blind misses; the
current rules were tuned on S, so they miss nothing there); the current rules too. Matcher
level only: the whole statement is given to the matcher (the skill gives what follows a
known carrier, and a statement that falls to Fallback reaches neither). Never the frozen
set, nor a held-out set still blind.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.faq_classifier import Classifier, features
from tests.eval import harness
from tools import faq_model, red_flag_model
from tools.content_source import load_source
from tools.red_flag_model import counts

ROOT = Path(__file__).resolve().parent.parent
CALM = "calm"
# The readable red-flag sets (never "frozen", never a held-out set still blind): the ones
# the shipped model learns from.
READABLE = red_flag_model.READABLE
# The commit each retired set was measured on, once, while still held out
# (tests/eval/test_red_flag_recall.py RETIRED_FLOORS): its rules then are the blind rules.
MEASURED_ON = {
    "holdout4": "0ce43a1",
    "holdout5": "cf2e1b8",
    "holdout6": "5238a7b",
    "holdout7": "ae02dd4",
    "holdout8": "46dfe3c",
    "holdout9": "cb01080",
    "holdout10": "59e985d",
    "holdout11": "84389bb",
    "holdout12": "04b5752",
    "holdout13": "37bfcc1",
    "holdout14": "2f5c497",
    "holdout15": "8828c25",
    "holdout16": "c17d94c",
    "holdout17": "436d869",
    "holdout18": "fb033b9",
    "holdout19": "dfc5393",
    "holdout20": "6a860d8",
    "holdout21": "539131c",
    "holdout22": "70abf34",
    "holdout23": "5604692",
    "holdout24": "0c56491",
    "holdout25": "b4ac158",
    "holdout26": "31a0b52",
    "holdout27": "e95f6ea",
    "holdout28": "52e0ccf",
    "holdout29": "9cd2fab",
    "holdout30": "255d7a7",
    "holdout31": "9a18965",
    "holdout32": "28cef71",
    "holdout33": "1446c59",
    "holdout34": "a40e180",
    "holdout35": "ef74f83",
    "holdout36": "18a00a4",
    "holdout37": "1029c70",
    "holdout38": "c4be9e6",
    "holdout39": "43497b1",
    "holdout40": "9b2b7b1",
    "holdout41": "2b8377e",
    "holdout42": "3562f09",
    "holdout43": "67df928",
    "holdout44": "27f5b9d",
    "holdout45": "48f9b12",
    "holdout46": "4029245",
    "holdout47": "a2d9017",
    "holdout48": "404a454",
}
THRESHOLDS = tuple(1 - 10.0**-k for k in (1, 2, 3, 4, 5, 6, 7, 8, 10, 12))
# The levels of the rows the classifier may raise (--levels).
RAISES = set(("soon", "urgent", "emergency"))
SHOW = [-1.0]  # a threshold whose catches and false alarms are listed (--show)
LEVELS = ("soon", "urgent", "emergency")
Item = tuple[str, str]  # (statement, row or CALM)
Rules = Callable[[str], str | None]  # statement -> the level it raises, or None


def items(name: str) -> list[Item]:
    red, calm = harness.load(name)
    return [(s.text, str(s.row)) for s in red] + [(s.text, CALM) for s in calm]


def reader(kind: str) -> Callable[[str], set[str]]:
    """A statement's features: the question matcher's reading (`faq`: stems, the lexicon's
    synonym groups, frames) or the red-flag matcher's words (`flags`: contractions and
    rewrites, no stems)."""
    if kind == "faq":
        index = faq_model.index()

        def by_faq(text: str) -> set[str]:
            reading = index.read(text)
            return features(reading.terms, reading.other_part, reading.off_topic)

        return by_faq
    flags = red_flags.load(load_source()["en"]["red_flag"])

    def by_flags(text: str) -> set[str]:
        return features(red_flags.read(text, flags.reading))

    return by_flags


def current_rules() -> Rules:
    flags = red_flags.load(load_source()["en"]["red_flag"])

    def level(text: str) -> str | None:
        flag = flags.assess(text)
        return flag.level.name.lower() if flag else None

    return level


def _show(commit: str, path: str) -> str:
    """A file as it was at `commit` (git show: nothing is checked out)."""
    return subprocess.run(
        ["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def rules_at(commit: str) -> Rules:
    """The red-flag matcher and content of an old commit (read with git show, never checked
    out): what the rules raised when the set was still held out."""
    source = _show(commit, "lambda/hamstring_coach/domain/red_flags.py")
    content = _show(commit, "content/en/red_flags.yaml")
    path = Path(tempfile.mkdtemp()) / f"red_flags_{commit}.py"
    path.write_text(source, "utf-8")
    spec = importlib.util.spec_from_file_location(f"red_flags_{commit}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    flags = module.load(yaml.safe_load(content)["items"])

    def level(text: str) -> str | None:
        flag = flags.assess(text)
        return flag.level.name.lower() if flag else None

    return level


def fold(
    left_out: str,
    data: Mapping[str, list[tuple[set[str], str, str]]],
    rules: Rules,
    now: Rules,
    row_level: Mapping[str, str],
    min_count: int,
    alpha: float,
) -> dict[str, Any]:
    train = [(f, label) for name, rows in data.items() if name != left_out for f, _, label in rows]
    classifier = Classifier.from_counts(counts(train, min_count), alpha)
    out: dict[str, Any] = {"misses": 0, "calm_left": 0, "red": 0, "calm": 0}
    per: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    for found, text, label in data[left_out]:
        given = rules(text)
        verdict = classifier.classify(found)
        raised = verdict if verdict and row_level.get(verdict.label) in RAISES else None
        if label == CALM:
            out["calm"] += 1
            out["calm_left"] += given is None
            still = now(text) is None
        else:
            out["red"] += 1
            out["misses"] += given is None
        for t in THRESHOLDS:
            if raised is None or raised.confidence < t:
                continue
            if given is not None:
                _raise_level(per[t], given, raised.label, label, row_level, text, t)
                continue
            if label == CALM:
                per[t]["added"] += given is None
                per[t]["added_now"] += still
                if t == SHOW[0] and still:
                    print(f"    added {raised.label}: {text}")
                continue
            per[t]["alone"] += 1
            if given is None:
                level = LEVELS.index(row_level[raised.label])
                if level >= LEVELS.index(row_level[label]):
                    per[t]["caught"] += 1
                    if t == SHOW[0]:
                        print(f"    caught {label} as {raised.label}: {text}")
                else:
                    per[t]["under"] += 1
    out["per"] = per
    return out


def _raise_level(
    c: Counter[str],
    given: str,
    said: str,
    label: str,
    row_level: Mapping[str, str],
    text: str,
    t: float,
) -> None:
    """(rfq16) The second opinion allowed to RAISE a rule's level when it is sure of a
    higher row: under-triage it would fix, real flags it would over-triage, calm lines the
    rules already flagged that it would escalate."""
    higher = LEVELS.index(row_level[said]) > LEVELS.index(given)
    if not higher:
        return
    if label == CALM:
        c["escalated_calm"] += 1
        return
    truth = LEVELS.index(row_level[label])
    if LEVELS.index(given) < truth:
        c["fixed_under"] += LEVELS.index(row_level[said]) >= truth
        if t == SHOW[0]:
            print(f"    raised {given}->{row_level[said]} ({label}): {text}")
    elif LEVELS.index(row_level[said]) > truth:
        c["over"] += 1
        if t == SHOW[0]:
            print(f"    over {given}->{row_level[said]} ({label}): {text}")


def shipped(
    data: Mapping[str, list[tuple[set[str], str, str]]],
    read: Callable[[str], set[str]],
    min_count: int,
    alpha: float,
    row_level: Mapping[str, str],
) -> int:
    """Trained on every readable set (as it would ship): what it adds on those sets' calm
    lines (in-sample) and on every readable QUESTION the rules leave unflagged (the
    question handler asks the red-flag matcher first): a question it raises is a question
    answered with safety advice instead."""
    now = current_rules()
    train = [(f, label) for rows in data.values() for f, _, label in rows]
    classifier = Classifier.from_counts(counts(train, min_count), alpha)
    calm = [(f, t) for rows in data.values() for f, t, label in rows if label == CALM]
    asked = [(read(q), q, label) for q, label in faq_model.questions() if now(q) is None]
    for t in THRESHOLDS:
        added = [x for f, x in calm if now(x) is None and _raises(classifier, f, t, row_level)]
        wrong = [
            q
            for f, q, label in asked
            if label != "red_flag" and _raises(classifier, f, t, row_level)
        ]
        right = [
            q
            for f, q, label in asked
            if label == "red_flag" and _raises(classifier, f, t, row_level)
        ]
        print(
            f"threshold {t}: calm lines raised {len(added)}/{len(calm)};"
            f" questions (rules silent) raised {len(wrong)}/{len(asked)},"
            f" red-flag questions the rules missed raised {len(right)}"
        )
        for q in (added + wrong)[:6]:
            print(f"    {q}")
    return 0


def _raises(
    classifier: Classifier, found: set[str], threshold: float, row_level: Mapping[str, str]
) -> bool:
    verdict = classifier.classify(found)
    return bool(
        verdict and row_level.get(verdict.label) in RAISES and verdict.confidence >= threshold
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--reading", choices=("faq", "flags"), default="faq")
    parser.add_argument("--min-count", type=int, default=faq_model.MIN_COUNT)
    parser.add_argument("--alpha", type=float, default=0.1)
    parser.add_argument("--current", action="store_true", help="today's rules on every fold")
    parser.add_argument("--show", type=float, default=-1.0, help="list at this threshold")
    parser.add_argument("--levels", default="soon,urgent,emergency", help="rows it may raise")
    parser.add_argument("--shipped", action="store_true", help="trained on all: questions")
    args = parser.parse_args(argv)
    SHOW[0] = args.show
    RAISES.intersection_update(args.levels.split(","))
    read = reader(args.reading)
    data = {name: [(read(t), t, label) for t, label in items(name)] for name in READABLE}
    if args.shipped:
        row_level = {
            k: str(v["level"]) for k, v in load_source()["en"]["red_flag"].items() if "level" in v
        }
        return shipped(data, read, args.min_count, args.alpha, row_level)
    content = load_source()["en"]["red_flag"]
    row_level = {k: str(v["level"]) for k, v in content.items() if "level" in v}
    now = current_rules()
    totals: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    sums: Counter[str] = Counter()
    for name in READABLE:
        commit = None if args.current else MEASURED_ON.get(name)
        rules = rules_at(commit) if commit else now
        result = fold(name, data, rules, now, row_level, args.min_count, args.alpha)
        sums.update({k: v for k, v in result.items() if k != "per"})
        cells = []
        for t in THRESHOLDS:
            c = result["per"][t]
            totals[t].update(c)
            cells.append(f"{c['caught']}/{c['under']}/{c['added']}/{c['added_now']}")
        print(
            f"{name:10} rules@{commit or 'now':7} misses {result['misses']:3}/{result['red']:3}"
            f" calm-left {result['calm_left']:3}/{result['calm']:3} | caught/under/added/added-now"
            " at " + " ".join(f"{t}:{cell}" for t, cell in zip(THRESHOLDS, cells, strict=True))
        )
    print(
        f"total misses {sums['misses']}/{sums['red']}, calm left {sums['calm_left']}/{sums['calm']}"
    )
    for t in THRESHOLDS:
        c = totals[t]
        print(
            f"threshold {t}: caught {c['caught']} under {c['under']} added {c['added']}"
            f" (against today's rules {c['added_now']})"
            f" alone {c['alone']}/{sums['red']}; raising a rule's level: under-triage"
            f" fixed {c['fixed_under']}, real flags over-triaged {c['over']}, calm lines"
            f" escalated {c['escalated_calm']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
