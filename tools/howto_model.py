"""The walkthrough's learned second opinion: counts of how people ask for an exercise's steps.

    PYTHONPATH=lambda:. .venv/bin/python -m tools.howto_model          # writes the content file
    PYTHONPATH=lambda:. .venv/bin/python -m tools.howto_model --check  # fails when it drifted

(round 27) The walkthrough rules (domain/program/naming.py) know an exercise by its names
and a request by its cue words. People describe the exercise instead ("the one lying on the
floor, hips up, and you stay there, how high should the hips go"; "kneeling, someone holds
your feet, lean forward, how do you not faceplant"), and those went to a topic or to "not
sure". The readable evaluation sets (tools/faq_model.READABLE: never the frozen set, never
the blind one) hold about 1,470 such requests, written blind by some 1,400 personas for four
exercises. This file counts their features (the question model's own, read as the matcher
reads) under one label per exercise, `howto:<exercise id>`; the skill puts these labels
beside the question model's topic labels (content kind `faq_model`) in one classifier, so a
walkthrough label wins only over every topic, not over a lump of "anything else". Leave-one-
set-out over the 27 readable sets, where the rules had missed (threshold 0.99): 177 more of
1,470 requests walked through, 30 of 18,324 other questions walked through by mistake.
The handler asks it only where no dose is asked first, no "how often" and no pain is said
(domain/program/naming.asks_a_dose: the rules answer those on purpose); so guarded, over
the 28 readable sets once holdout27 joined: 185 more of 1,542, 27 of 19,087 by mistake
(docs/questions.md, Round 27).

Deterministic: a unit test fails when the committed file is not what this builds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from hamstring_coach.domain import faq
from hamstring_coach.domain.faq_classifier import HOWTO, question_features
from tools import generated
from tools.content_source import CONTENT_ROOT
from tools.faq_model import EVAL, MIN_COUNT, READABLE, index

MODEL_FILE = CONTENT_ROOT / "en" / "howto_model.json"
KIND = "howto_model"


def exercise_labels() -> dict[str, str]:
    """Each evaluation set's exercise name to the program's exercise id (the first listed)."""
    howto = yaml.safe_load((EVAL / "questions_topics.yaml").read_text("utf-8"))["howto"]
    return {str(name): str(ids[0]) for name, ids in howto.items()}


def requests(names: Iterable[str] = READABLE) -> list[tuple[str, str | None]]:
    """(question as said, exercise id or None) for every question of the named sets that is
    not a red flag (those are routed before anything else)."""
    ids = exercise_labels()
    out: list[tuple[str, str | None]] = []
    for name in names:
        data = yaml.safe_load((EVAL / f"questions_{name}.yaml").read_text("utf-8"))
        for q in data["questions"]:
            if q["topic"] == "red_flag":
                continue
            out.append((str(q["q"]), ids[q["exercise"]] if q["topic"] == "howto" else None))
    return out


def counts(
    matcher: faq.FaqIndex, items: Iterable[tuple[str, str | None]], min_count: int = MIN_COUNT
) -> dict[str, dict[str, Any]]:
    """The walkthrough labels' counts. Features are kept by how often they occur over every
    question (as the joint classifier sees them), so a word common elsewhere and rare in
    requests still counts."""

    def read() -> Iterable[tuple[set[str], str]]:
        for text, exercise_id in items:
            reading = matcher.read(text)
            found = question_features(reading.terms, reading.other_part, reading.off_topic)
            yield found, HOWTO + exercise_id if exercise_id else ""

    tallied = generated.tally(read(), min_count)
    return {label: body for label, body in tallied.items() if label.startswith(HOWTO)}


def render(model: Mapping[str, Any]) -> str:
    return generated.render_labels(model, "tools.howto_model", KIND)


def build() -> str:
    return render(counts(index(), requests()))


def main(argv: list[str] | None = None) -> int:
    return generated.main(__doc__, build, MODEL_FILE, "tools.howto_model", argv)


if __name__ == "__main__":
    raise SystemExit(main())
