"""Compare question matchers on the development set: accuracy against cost (issue 15).

    PYTHONPATH=lambda:. .venv/bin/python -m bench.faq_matchers.compare [--rapidfuzz DIR]

Candidates, all on the same content and the same questions (the development set, each
as the interaction model hands it over: the words after a carrier phrase):

- bm25:      the skill's matcher (hamstring_coach.domain.faq): BM25 over stemmed,
             synonym-folded words, with the off-topic word lists;
- difflib:   the matcher it replaced (bench/faq_matchers/difflib_blend.py, unchanged):
             word weights, phrasing overlap and difflib's ratio, its own thresholds;
- rapidfuzz: the best token_set_ratio between the question and each topic's phrasings,
             on the same normalised words and off-topic lists as bm25, thresholds picked
             on this set (its best case). Needs rapidfuzz importable (`--rapidfuzz DIR`
             adds a directory holding it to the path; it is not a project dependency).

Prints a Markdown table: on-topic answered right, off-topic answered with a topic, index
build time, import time, p99 per question, and the bytes the package would grow by.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.faq_matchers import difflib_blend
from hamstring_coach.domain import faq
from local.resolver import Resolver
from tools.content_source import load_source

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests" / "eval"
# The aarch64 wheel the Lambda bundle would carry (pip download --platform
# manylinux2014_aarch64 --python-version 3.13 rapidfuzz): rapidfuzz 3.13.0.
RAPIDFUZZ_WHEEL_BYTES = 1_399_854

Decide = Callable[[str], tuple[str, tuple[str, ...]]]  # question -> (kind, topics)


@dataclass(frozen=True)
class Row:
    name: str
    right: float
    offered: float
    off_answered: float
    build_ms: float
    import_ms: float
    p99_ms: float
    package_bytes: int


def dev_questions() -> list[tuple[str, str]]:
    """(matcher input, label) for the development set's questions that reach the matcher."""
    resolver = Resolver.for_locale("en-US")
    data = yaml.safe_load((EVAL / "questions_dev.yaml").read_text("utf-8"))["questions"]
    out = []
    for q in data:
        if q["topic"] in ("howto", "red_flag"):
            continue
        resolved = resolver.resolve(q["q"])
        text = resolved.slot_value("query") if resolved.intent == "QuestionIntent" else None
        out.append((text or q["q"], q["topic"]))
    return out


def score(decide: Decide, questions: Sequence[tuple[str, str]]) -> tuple[float, float, float]:
    labels = yaml.safe_load((EVAL / "questions_topics.yaml").read_text("utf-8"))["labels"]
    right = offered = on = off = off_answered = 0
    for text, label in questions:
        kind, topics = decide(text)
        if label == "off_topic":
            off += 1
            off_answered += kind == "answer"
            continue
        on += 1
        wanted = set(labels[label]["topics"])
        if kind == "answer" and topics[0] in wanted:
            right += 1
        elif kind == "choice" and wanted & set(topics):
            offered += 1
    return right / on, offered / on, off_answered / off


def p99(decide: Decide, questions: Sequence[tuple[str, str]], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        for text, _ in questions:
            # CPU time: other work on a shared machine inflates wall time.
            start = time.process_time()
            decide(text)
            times.append(time.process_time() - start)
    times.sort()
    return times[int(len(times) * 0.99)] * 1000


def import_ms(module: str, extra_path: str | None) -> float:
    """Median wall time of importing the module in a fresh interpreter."""
    code = (
        "import sys,time\n"
        + (f"sys.path.insert(0, {extra_path!r})\n" if extra_path else "")
        + f"t=time.perf_counter()\nimport {module}\nprint(time.perf_counter()-t)"
    )
    runs = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": f"{ROOT / 'lambda'}:{ROOT}"},
        )
        runs.append(float(out.stdout.strip()) * 1000)
    return statistics.median(runs)


def bm25(content: dict[str, Any]) -> tuple[Decide, float]:
    start = time.perf_counter()
    lexicon = faq.lexicon_from(content["faq_lexicon"])
    index = faq.FaqIndex.build(faq.topics_from(content["faq"]), lexicon)
    built = (time.perf_counter() - start) * 1000

    def decide(text: str) -> tuple[str, tuple[str, ...]]:
        found = index.match(text)
        return found.outcome.value, found.topics

    return decide, built


def difflib_candidate(content: dict[str, Any]) -> tuple[Decide, float]:
    start = time.perf_counter()
    lexicon = difflib_blend.lexicon_from(content["faq_lexicon"])
    index = difflib_blend.FaqIndex.build(difflib_blend.topics_from(content["faq"]), lexicon)
    built = (time.perf_counter() - start) * 1000

    def decide(text: str) -> tuple[str, tuple[str, ...]]:
        found = index.match(text)
        return found.outcome.value, found.topics

    return decide, built


def rapidfuzz_candidate(
    content: dict[str, Any], fuzz: Any, thresholds: tuple[float, float]
) -> tuple[Decide, float]:
    start = time.perf_counter()
    lexicon = faq.lexicon_from(content["faq_lexicon"])
    index = faq.FaqIndex.build(faq.topics_from(content["faq"]), lexicon)
    phrasings = {
        t.id: [" ".join(index.read(p).terms) for p in (t.name, *t.phrasings)] for t in index.topics
    }
    built = (time.perf_counter() - start) * 1000
    confident, lead = thresholds

    def decide(text: str) -> tuple[str, tuple[str, ...]]:
        reading = index.read(text)
        if reading.off_topic or (reading.other_part and not reading.own_part):
            return "off_topic", ()
        query = " ".join(reading.terms)
        ranked = sorted(
            (
                (max(fuzz.token_set_ratio(query, p) for p in ps) / 100, t)
                for t, ps in phrasings.items()
            ),
            reverse=True,
        )
        (top, first), (second, runner) = ranked[0], ranked[1]
        if top >= confident and top - second >= lead:
            return "answer", (first,)
        if top >= 0.5:
            return "choice", (first, runner)
        return "miss", ()

    return decide, built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rapidfuzz", help="a directory holding rapidfuzz (not installed here)")
    args = parser.parse_args(argv)
    content = dict(load_source()["en"])
    questions = dev_questions()
    rows: list[Row] = []

    decide, built = bm25(content)
    rows.append(
        Row(
            "bm25 + lexicon (chosen)",
            *score(decide, questions),
            built,
            import_ms("hamstring_coach.domain.faq", None),
            p99(decide, questions),
            0,
        )
    )
    decide, built = difflib_candidate(content)
    rows.append(
        Row(
            "difflib blend (before)",
            *score(decide, questions),
            built,
            import_ms("bench.faq_matchers.difflib_blend", None),
            p99(decide, questions),
            0,
        )
    )
    if args.rapidfuzz:
        sys.path.insert(0, args.rapidfuzz)
        fuzz = importlib.import_module("rapidfuzz.fuzz")
        best: tuple[float, tuple[float, float]] | None = None
        for confident in (0.6, 0.7, 0.8, 0.9):
            for lead in (0.0, 0.05, 0.1, 0.15):
                trial, _ = rapidfuzz_candidate(content, fuzz, (confident, lead))
                right, _, off = score(trial, questions)
                value = right - 2 * off
                if best is None or value > best[0]:
                    best = (value, (confident, lead))
        assert best is not None
        decide, built = rapidfuzz_candidate(content, fuzz, best[1])
        rows.append(
            Row(
                f"rapidfuzz token_set_ratio {best[1]}",
                *score(decide, questions),
                built,
                import_ms("rapidfuzz.fuzz", args.rapidfuzz),
                p99(decide, questions),
                RAPIDFUZZ_WHEEL_BYTES,
            )
        )
    print(f"Development set: {len(questions)} questions as the model hands them over.\n")
    print(
        "| matcher | on-topic right | + did you mean | off-topic answered | build ms "
        "| import ms | p99 ms/question | package bytes added |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r.name} | {r.right:.1%} | {r.right + r.offered:.1%} | {r.off_answered:.1%} "
            f"| {r.build_ms:.1f} | {r.import_ms:.1f} | {r.p99_ms:.2f} | {r.package_bytes:,} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
