"""A learned second opinion for the question matcher: naive Bayes over labelled questions.

The BM25 matcher (domain/faq.py) scores a question against each topic's own phrasings; it
knows only the words the content and the lexicon were given. About 7,000 questions written
blind by ~400 personas (tests/eval) say the same topics in many more ways. A multinomial
naive Bayes model counted over them (the matcher's own terms: stems with the lexicon's
synonym groups folded in and frames marked, plus each pair of neighbouring terms and each
term with the one after next) says which topic, or off topic, people who talk like that
meant, and how sure it is.

Pure Python and small: the model is per-label counts (content kind `faq_model`, written by
`python -m tools.faq_model` from the readable evaluation sets, never the frozen or a blind
held-out set), turned once into log weights. Classifying a question is a dictionary lookup
per feature: a few microseconds beyond the matcher's own reading of it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# The label of a question about something that is not this skill's.
OFF_TOPIC = "off_topic"
# (round 27) The start of a walkthrough label, "howto:<exercise id>" (content kind
# `howto_model`, tools/howto_model.py): set beside the topic labels in one classifier.
HOWTO = "howto:"
# Additive (Laplace) smoothing of the counts: chosen leave-one-set-out (docs/questions.md).
ALPHA = 0.1
# A pair of neighbouring terms is one feature too: "how long" and "long run" tell apart
# what "long" alone cannot.
PAIR = "+"
# Round 17: in a question, a term and the one after next are a feature too ("long++run"
# over "how long can I run"): a word between them (a filler, a name, a respelling) no
# longer hides the pair. Leave-one-set-out over 11 folds: right 4,687 -> 4,709, wrong
# 126 -> 120, off-topic answered 20 -> 20, no fold lower (docs/questions.md, Round 17).
SKIP = PAIR * 2


def features(terms: Sequence[str], other_part: bool = False, off_topic: bool = False) -> set[str]:
    """The question's features: each distinct term, each neighbouring pair, and whether it
    named another body part or an unrelated subject (the off-topic class learns those)."""
    found = set(terms)
    found.update(f"{a}{PAIR}{b}" for a, b in itertools.pairwise(terms))
    if other_part:
        found.add("!other_part")
    if off_topic:
        found.add("!off_topic")
    return found


def question_features(
    terms: Sequence[str], other_part: bool = False, off_topic: bool = False
) -> set[str]:
    """A question's features for the question model: `features`, and each term with the
    term after next (SKIP). The red-flag model reads `features` alone."""
    found = features(terms, other_part, off_topic)
    found.update(f"{a}{SKIP}{b}" for a, b in zip(terms, terms[2:], strict=False))
    return found


@dataclass(frozen=True)
class Verdict:
    label: str  # a topic id, or OFF_TOPIC
    confidence: float  # its posterior probability, 0-1
    runner: str  # the second label
    runner_confidence: float


@dataclass(frozen=True)
class Classifier:
    labels: tuple[str, ...]
    _base: Mapping[str, float]  # label -> log prior
    _denominator: Mapping[str, float]  # label -> log(total count + ALPHA * vocabulary)
    _lift: Mapping[str, Mapping[str, float]]  # feature -> label -> log(1 + count / ALPHA)
    _alpha: float

    @classmethod
    def from_counts(
        cls, model: Mapping[str, Mapping[str, object]], alpha: float = ALPHA
    ) -> Classifier:
        """From per-label counts: {label: {"docs": n, "counts": {feature: count}}}."""
        docs = {label: float(str(body.get("docs", 0))) for label, body in model.items()}
        counts: dict[str, Mapping[str, object]] = {}
        for label, body in model.items():
            raw = body.get("counts", {})
            counts[label] = raw if isinstance(raw, Mapping) else {}
        vocabulary = {f for c in counts.values() for f in c}
        size = max(len(vocabulary), 1)
        all_docs = sum(docs.values()) or 1.0
        lift: dict[str, dict[str, float]] = {}
        denominator = {}
        for label, c in counts.items():
            total = sum(float(str(v)) for v in c.values())
            denominator[label] = math.log(total + alpha * size)
            for feature, n in c.items():
                lift.setdefault(feature, {})[label] = math.log(1 + float(str(n)) / alpha)
        labels = tuple(sorted(model))
        return cls(
            labels=labels,
            _base={lb: math.log(max(docs[lb], 1.0) / all_docs) for lb in labels},
            _denominator=denominator,
            _lift=lift,
            _alpha=alpha,
        )

    def classify(self, found: Iterable[str]) -> Verdict | None:
        """The likeliest label and how sure, or None when no feature is known."""
        known = [f for f in found if f in self._lift]
        if not known or not self.labels:
            return None
        k = len(known)
        log_alpha = math.log(self._alpha)
        score = {lb: self._base[lb] + k * (log_alpha - self._denominator[lb]) for lb in self.labels}
        for feature in known:
            for label, lift in self._lift[feature].items():
                score[label] += lift
        ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
        top = ranked[0][1]
        total = sum(math.exp(s - top) for _, s in ranked)
        runner = ranked[1] if len(ranked) > 1 else ("", -math.inf)
        return Verdict(
            ranked[0][0],
            1.0 / total,
            runner[0],
            math.exp(runner[1] - top) / total if runner[0] else 0.0,
        )


# (round 27) How sure the joint classifier must be that a question asks for an exercise's
# steps before the skill walks through it on the model's word alone: leave-one-set-out over
# the readable sets, where the rules had missed, 0.99 walked 177 of 1,470 requests more and
# 30 of 18,324 other questions by mistake; 0.9, 183 and 50; 0.999, 164 and 20. A question
# walked through by mistake still gets an answer of sorts (the exercise it talks about).
STEPS_SURE = 0.99


def steps_asked(classifier: Classifier | None, found: Iterable[str]) -> str | None:
    """The exercise id a question asks to be walked through, in the learned model's view
    (a walkthrough label above every topic label and sure enough), or None."""
    if classifier is None:
        return None
    verdict = classifier.classify(found)
    if verdict is None or not verdict.label.startswith(HOWTO) or verdict.confidence < STEPS_SURE:
        return None
    return verdict.label[len(HOWTO) :]
