"""Questions and answers: topics from content, free-form matching, red-flag detection.

Pure: plain values in, plain values out. The words (topics, phrasings, filler words,
red-flag phrases) come from content; this module only knows how to compare them.

Matching uses the standard library's difflib. A fuzzy-matching package such as rapidfuzz
would be faster, but its aarch64 wheel alone is about 1.4 MB zipped, several times the
whole package-size budget; over a few hundred short phrasings difflib takes milliseconds.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from enum import StrEnum
from itertools import pairwise
from typing import Any

# How a question's scores become an outcome. A topic is answered when it scores at least
# CONFIDENT and leads the next by MARGIN, or leads by CLEAR_LEAD whatever its score; below
# MISS_BELOW nothing is close enough to offer; in between the two best are offered.
# Tuned on the `tuning` phrasings in tests/unit/faq_phrasings.yaml; the test prints the
# accuracy on those and on the `held_out` ones.
CONFIDENT = 0.6
MARGIN = 0.04
CLEAR_LEAD = 0.15
MISS_BELOW = 0.4

# A topic's score blends three views of the question: the share of its information found
# among all the topic's words, the best two-way overlap with one phrasing, and how alike it
# reads to the closest phrasing (difflib's ratio).
BAG_SHARE = 0.35
F1_SHARE = 0.35
PHRASING_SHARE = 0.3

# Word weights: a word used by fewer topics weighs more; squaring sharpens the difference
# so "nordic" outweighs "how" and "hamstring" clearly. A word no topic uses weighs this
# share of the rarest word's weight.
IDF_POWER = 2.0
UNKNOWN_WEIGHT = 0.7
UNKNOWN_LIMIT = 0.5

# A query word counts as a topic word when difflib rates them at least this alike
# ("stretches" and "stretch", "nordics" and "nordic"); shorter words must match exactly.
WORD_CUTOFF = 0.8
FUZZY_MIN_LENGTH = 4

_NON_WORD = re.compile(r"[^a-z0-9' ]+")


# --- content as typed values ------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    short: str
    long: str
    phrasings: tuple[str, ...]
    intent: str | None = None
    offer: str | None = None
    advice: bool = False


@dataclass(frozen=True)
class Lexicon:
    contractions: Mapping[str, str]
    filler: frozenset[str]


class Level(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    SOON = "soon"


_LEVEL_ORDER = {Level.EMERGENCY: 0, Level.URGENT: 1, Level.SOON: 2}


@dataclass(frozen=True)
class RedFlag:
    id: str
    level: Level
    any: tuple[tuple[str, ...], ...] = ()  # phrases, each a tuple of words
    all: tuple[tuple[tuple[str, ...], ...], ...] = ()  # groups of phrases


def topics_from(items: Mapping[str, Mapping[str, Any]]) -> tuple[Topic, ...]:
    """Typed topics from the content's `faq` items, in content order."""
    return tuple(
        Topic(
            id=topic_id,
            name=str(body["name"]),
            short=str(body["short"]),
            long=str(body["long"]),
            phrasings=tuple(str(p) for p in body.get("phrasings", ())),
            intent=body.get("intent"),
            offer=body.get("offer"),
            advice=bool(body.get("advice", False)),
        )
        for topic_id, body in items.items()
    )


def lexicon_from(items: Mapping[str, Mapping[str, Any]]) -> Lexicon:
    contractions = items.get("contractions", {}).get("map", {})
    filler = items.get("filler", {}).get("words", ())
    return Lexicon(
        contractions={str(k).lower(): str(v).lower() for k, v in contractions.items()},
        filler=frozenset(str(w).lower() for w in filler),
    )


def red_flags_from(items: Mapping[str, Mapping[str, Any]], lexicon: Lexicon) -> tuple[RedFlag, ...]:
    def phrase(text: str) -> tuple[str, ...]:
        # Tidied like a question, except that a trailing * (any ending) is kept.
        out: list[str] = []
        for part in text.split():
            tidied = words(part, lexicon)
            if tidied and part.endswith("*"):
                tidied = (*tidied[:-1], tidied[-1] + "*")
            out.extend(tidied)
        return tuple(out)

    def phrases(values: Iterable[Any]) -> tuple[tuple[str, ...], ...]:
        return tuple(p for p in (phrase(str(v)) for v in values) if p)

    return tuple(
        RedFlag(
            id=flag_id,
            level=Level(body["level"]),
            any=phrases(body.get("any", ())),
            all=tuple(phrases(group) for group in body.get("all", ())),
        )
        for flag_id, body in items.items()
    )


# --- normalising ------------------------------------------------------------------------


def words(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Lower-case words with contractions spelled out; every word kept (for red flags)."""
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    text = _NON_WORD.sub(" ", text)
    tokens = text.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i : i + 2])
        if i + 1 < len(tokens) and pair in lexicon.contractions:
            out.extend(lexicon.contractions[pair].split())
            i += 2
            continue
        token = tokens[i]
        expanded = lexicon.contractions.get(token)
        if expanded is None:
            expanded = token.replace("'", "")
        out.extend(expanded.split())
        i += 1
    return tuple(out)


def key_words(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The words that can tell topics apart: filler dropped."""
    return tuple(w for w in words(text, lexicon) if w not in lexicon.filler)


# --- red flags --------------------------------------------------------------------------


def _phrase_in(phrase: Sequence[str], tokens: Sequence[str]) -> bool:
    n = len(phrase)
    for start in range(len(tokens) - n + 1):
        if all(
            tok.startswith(p[:-1]) if p.endswith("*") else tok == p
            for p, tok in zip(phrase, tokens[start : start + n], strict=True)
        ):
            return True
    return False


def red_flag(text: str, flags: Iterable[RedFlag], lexicon: Lexicon) -> RedFlag | None:
    """The most urgent red flag the question mentions, or None.

    Negation is ignored on purpose ("my leg isn't numb" still raises the flag): a needless
    symptom check costs seconds, a missed red flag can cost far more.
    """
    tokens = words(text, lexicon)
    raised = [
        flag
        for flag in flags
        if any(_phrase_in(p, tokens) for p in flag.any)
        or (flag.all and all(any(_phrase_in(p, tokens) for p in group) for group in flag.all))
    ]
    if not raised:
        return None
    return min(raised, key=lambda f: _LEVEL_ORDER[f.level])


# --- matching ---------------------------------------------------------------------------


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _terms(tokens: Sequence[str]) -> list[str]:
    """Words and word pairs: pairs keep phrases such as "flare up" and "how long" together."""
    return [*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))]


def phrasing_similarity(query: Sequence[str], phrasing: Sequence[str]) -> float:
    """How alike two questions read, 0 to 1: difflib's ratio over their key words."""
    if not query or not phrasing:
        return 0.0
    return _ratio(" ".join(query), " ".join(phrasing))


class Outcome(StrEnum):
    ANSWER = "answer"  # one topic, confidently
    CHOICE = "choice"  # a close call: offer the two best by name
    MISS = "miss"  # nothing close enough


@dataclass(frozen=True)
class Match:
    outcome: Outcome
    topics: tuple[str, ...]  # best first: one to answer, one or two to offer, none on a miss
    score: float


@dataclass(frozen=True)
class FaqIndex:
    """Topics with their phrasings prepared once, ready to match questions against.

    A question's score for a topic is the share of the question's information found among
    the topic's words: each query word (and word pair) weighs more the fewer topics use
    it, so "nordic" decides more than "hamstring" or "what". Words are matched through
    difflib, so near forms still count. The closest single phrasing (difflib's ratio)
    is blended in, so a question worded like a known one scores higher.
    """

    topics: tuple[Topic, ...]
    lexicon: Lexicon
    _phrasings: tuple[tuple[str, tuple[str, ...]], ...]
    _bags: Mapping[str, frozenset[str]]
    _weights: Mapping[str, float]
    _unknown_weight: float

    @classmethod
    def build(cls, topics: Sequence[Topic], lexicon: Lexicon) -> FaqIndex:
        phrasings: list[tuple[str, tuple[str, ...]]] = []
        bags: dict[str, set[str]] = {}
        for topic in topics:
            bag = bags.setdefault(topic.id, set())
            for text in (topic.name, *topic.phrasings):
                tokens = key_words(text, lexicon)
                if tokens:
                    phrasings.append((topic.id, tokens))
                    bag.update(_terms(tokens))
        count = max(len(bags), 1)
        spread: dict[str, int] = {}
        for bag in bags.values():
            for term in bag:
                spread[term] = spread.get(term, 0) + 1
        weights = {term: math.log(1 + count / n) ** IDF_POWER for term, n in spread.items()}
        return cls(
            topics=tuple(topics),
            lexicon=lexicon,
            _phrasings=tuple(phrasings),
            _bags={t: frozenset(b) for t, b in bags.items()},
            _weights=weights,
            _unknown_weight=UNKNOWN_WEIGHT * math.log(1 + count) ** IDF_POWER,
        )

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def by_intent(self, intent: str) -> Topic | None:
        return next((t for t in self.topics if t.intent == intent), None)

    def _near(self, term: str) -> list[tuple[str, float]]:
        """Known terms alike enough to count as this one, with how alike they are."""
        if term in self._weights:
            return [(term, 1.0)]
        if len(term) < FUZZY_MIN_LENGTH or " " in term:
            # "set" and "seat" are one letter apart and different words; a pair of words
            # is near another pair only through its words, which are matched one by one.
            return []
        close = get_close_matches(term, list(self._weights), n=5, cutoff=WORD_CUTOFF)
        return [(c, _ratio(term, c)) for c in close]

    def _overlap(
        self,
        terms: Sequence[str],
        near: Mapping[str, list[tuple[str, float]]],
        query_total: float,
        phrasing: Sequence[str],
    ) -> float:
        """Weighted overlap of a question and one phrasing, both ways (an F1 score)."""
        own = set(_terms(phrasing))
        hit_q = 0.0
        hit_p: set[str] = set()
        for term in terms:
            best = max(((alike, k) for k, alike in near[term] if k in own), default=None)
            if best is None:
                continue
            weight = max(self._weights[k] for k, _ in near[term])
            hit_q += weight * best[0]
            hit_p.add(best[1])
        p_total = sum(self._weights[u] for u in own)
        if not hit_q or not p_total:
            return 0.0
        recall = hit_q / query_total
        precision = sum(self._weights[u] for u in hit_p) / p_total
        return 2 * recall * precision / (recall + precision)

    def scores(self, question: str) -> list[tuple[str, float]]:
        """Every topic's score for the question, best first."""
        return self._rank(question)[0]

    def _rank(self, question: str) -> tuple[list[tuple[str, float]], float]:
        """Topic scores, best first, and the share of the question no topic knows."""
        query = key_words(question, self.lexicon)
        terms = _terms(query)
        if not terms:
            return [(t.id, 0.0) for t in self.topics], 1.0
        near = {term: self._near(term) for term in set(terms)}
        total = 0.0
        unknown = 0.0
        found: dict[str, float] = {topic_id: 0.0 for topic_id in self._bags}
        for term in terms:
            known = near[term]
            if not known and " " in term:
                continue  # an unknown pair says nothing its two words have not said
            # A word no topic uses is information the topics do not cover: it pulls every
            # score down, and an unrelated question toward "no match".
            weight = max((self._weights[k] for k, _ in known), default=self._unknown_weight)
            total += weight
            if not known:
                unknown += weight
            for topic_id, bag in self._bags.items():
                credit = max((alike for k, alike in known if k in bag), default=0.0)
                found[topic_id] += weight * credit
        closest: dict[str, float] = {}
        f1s: dict[str, float] = {}
        for topic_id, phrasing in self._phrasings:
            closest[topic_id] = max(
                closest.get(topic_id, 0.0), phrasing_similarity(query, phrasing)
            )
            f1s[topic_id] = max(f1s.get(topic_id, 0.0), self._overlap(terms, near, total, phrasing))
        ranked = {
            topic_id: BAG_SHARE * (found[topic_id] / total)
            + F1_SHARE * f1s.get(topic_id, 0.0)
            + PHRASING_SHARE * closest.get(topic_id, 0.0)
            for topic_id in self._bags
        }
        return sorted(ranked.items(), key=lambda kv: kv[1], reverse=True), unknown / total

    def match(self, question: str) -> Match:
        ranked, unknown = self._rank(question)
        if not ranked or ranked[0][1] < MISS_BELOW:
            return Match(Outcome.MISS, (), ranked[0][1] if ranked else 0.0)
        top_id, top = ranked[0]
        second = ranked[1] if len(ranked) > 1 else None
        lead = top - second[1] if second else top
        sure = (top >= CONFIDENT and lead >= MARGIN) or lead >= CLEAR_LEAD
        # Mostly words no topic uses ("weather", "recipe"): however one topic's few known
        # words score, the question is probably about something else. Ask, don't answer.
        if sure and unknown <= UNKNOWN_LIMIT:
            return Match(Outcome.ANSWER, (top_id,), top)
        if second is not None and second[1] >= MISS_BELOW:
            return Match(Outcome.CHOICE, (top_id, second[0]), top)
        return Match(Outcome.CHOICE, (top_id,), top)  # "did you mean ...?" about one topic

    def pick(self, choices: Sequence[str], said: str) -> str | None:
        """Which of the offered topics a spoken reply names ("the running one"), or None."""
        for topic_id, score in self.scores(said):
            if topic_id in choices:
                return topic_id if score >= MISS_BELOW else None
        return None

    def suggestions(self, count: int = 3, exclude: Iterable[str] = ()) -> tuple[Topic, ...]:
        """Topics to name when a question found nothing: the first ones in content order."""
        skip = set(exclude)
        return tuple(t for t in self.topics if t.id not in skip)[:count]
