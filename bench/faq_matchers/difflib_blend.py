"""Questions and answers: topics from content, free-form matching, red-flag detection.

Pure: plain values in, plain values out. The words (topics, phrasings, filler words,
red-flag phrases) come from content; this module only knows how to compare them.

Matching uses the standard library's difflib. A fuzzy-matching package such as rapidfuzz
would be faster, but its aarch64 wheel alone is about 1.4 MB zipped, several times the
whole package-size budget. Comparing a question with all ~350 phrasings through difflib
took about 14 ms; difflib's own cheap upper bounds (quick_ratio, real_quick_ratio) show
which few comparisons can change the outcome, so a question now costs well under 1 ms
at the median with the same outcomes (`FaqIndex`, `_Blend`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from enum import StrEnum
from heapq import heapify, heappop, heappush, nlargest
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


def _length_bound(a: int, b: int) -> float:
    """difflib's real_quick_ratio for texts of these lengths: ratio() never exceeds it."""
    return 2.0 * min(a, b) / (a + b) if a + b else 1.0


def _letter_mask(text: str) -> int:
    """The characters a text uses, one bit each. Characters may share a bit: a bit set in
    one text's mask and not the other's still stands for at least one character that the
    other lacks, which is all the masks are used for."""
    mask = 0
    for char in set(text):
        mask |= 1 << (ord(char) % 64)
    return mask


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
    # The best topic's score; on a miss it may be only a bound (below MISS_BELOW, at least
    # the best score): how far short a miss falls is not worth working out.
    score: float


@dataclass(frozen=True)
class _Phrasing:
    """One phrasing as every question is compared with it, prepared once per content."""

    topic: str
    text: str  # its key words, as difflib reads them
    letters: Mapping[str, int]  # how often each character occurs in the text
    terms: frozenset[str]  # its words and word pairs
    weight: float  # their summed weight


# A term of the question that some topic knows: its weight, and the known terms it counts
# as, each with how alike the two are, as (alike, known term).
_Known = tuple[float, tuple[tuple[float, str], ...]]


@dataclass(frozen=True)
class FaqIndex:
    """Topics with their phrasings prepared once, ready to match questions against.

    A question's score for a topic is the share of the question's information found among
    the topic's words: each query word (and word pair) weighs more the fewer topics use
    it, so "nordic" decides more than "hamstring" or "what". Words are matched through
    difflib, so near forms still count. The closest single phrasing (difflib's ratio)
    is blended in, so a question worded like a known one scores higher.

    Only the best topic, and the runner-up as far as it could change the outcome, decide
    anything, so difflib's ratio, the costly part, is worked out only for phrasings that
    could still change those (see `_Blend`). The outcome and scores are the ones comparing
    the question with every phrasing gives (tests/unit/test_faq_matching.py checks).
    """

    topics: tuple[Topic, ...]
    lexicon: Lexicon
    _phrasings: tuple[_Phrasing, ...]
    _bags: Mapping[str, frozenset[str]]
    _weights: Mapping[str, float]
    _unknown_weight: float
    # Looked up by term, so a question only visits the topics and phrasings it shares a
    # term with: which topics use a term, which phrasings (by position) contain it.
    _holders: Mapping[str, tuple[str, ...]]
    _containing: Mapping[str, tuple[int, ...]]
    _groups: Mapping[str, tuple[int, ...]]  # each topic's phrasings (by position)
    # Known terms by length, each with the set of its characters (_letter_mask), for the
    # quick first cuts of a fuzzy look-up.
    _by_length: Mapping[int, tuple[tuple[int, str], ...]]

    @classmethod
    def build(cls, topics: Sequence[Topic], lexicon: Lexicon) -> FaqIndex:
        prepared: list[tuple[str, tuple[str, ...]]] = []
        bags: dict[str, set[str]] = {}
        for topic in topics:
            bag = bags.setdefault(topic.id, set())
            for text in (topic.name, *topic.phrasings):
                tokens = key_words(text, lexicon)
                if tokens:
                    prepared.append((topic.id, tokens))
                    bag.update(_terms(tokens))
        count = max(len(bags), 1)
        spread: dict[str, int] = {}
        for bag in bags.values():
            for term in bag:
                spread[term] = spread.get(term, 0) + 1
        weights = {term: math.log(1 + count / n) ** IDF_POWER for term, n in spread.items()}
        phrasings: list[_Phrasing] = []
        containing: dict[str, list[int]] = {}
        for position, (topic_id, tokens) in enumerate(prepared):
            own = set(_terms(tokens))
            text = " ".join(tokens)
            phrasings.append(
                _Phrasing(
                    topic=topic_id,
                    text=text,
                    letters=Counter(text),
                    terms=frozenset(own),
                    weight=sum(weights[u] for u in own),
                )
            )
            for term in own:
                containing.setdefault(term, []).append(position)
        groups: dict[str, list[int]] = {}
        for position, phrasing in enumerate(phrasings):
            groups.setdefault(phrasing.topic, []).append(position)
        holders: dict[str, list[str]] = {}
        for topic_id, bag in bags.items():
            for term in bag:
                holders.setdefault(term, []).append(topic_id)
        by_length: dict[int, list[tuple[int, str]]] = {}
        for term in weights:
            by_length.setdefault(len(term), []).append((_letter_mask(term), term))
        return cls(
            topics=tuple(topics),
            lexicon=lexicon,
            _phrasings=tuple(phrasings),
            _bags={t: frozenset(b) for t, b in bags.items()},
            _weights=weights,
            _unknown_weight=UNKNOWN_WEIGHT * math.log(1 + count) ** IDF_POWER,
            _holders={term: tuple(ids) for term, ids in holders.items()},
            _containing={term: tuple(ids) for term, ids in containing.items()},
            _groups={topic_id: tuple(ids) for topic_id, ids in groups.items()},
            _by_length={size: tuple(group) for size, group in by_length.items()},
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
        # get_close_matches compares the term with every known one, ~1000 of them, but
        # drops most at once by two bounds on ratio: the lengths (real_quick_ratio) and the
        # characters in common (quick_ratio). Both are checked here first, cheaper: a
        # length at a time, and characters in common capped by the letters one word has
        # and the other lacks. Only what could pass get_close_matches's own tests is handed
        # to it, so it finds what it would find among all the known terms.
        size = len(term)
        letters = _letter_mask(term)
        possible: list[str] = []
        for length, group in self._by_length.items():
            if _length_bound(size, length) < WORD_CUTOFF:
                continue
            for mask, known in group:
                shared = min(
                    size - (letters & ~mask).bit_count(), length - (mask & ~letters).bit_count()
                )
                if 2.0 * shared / (size + length) >= WORD_CUTOFF:
                    possible.append(known)
        close = get_close_matches(term, possible, n=5, cutoff=WORD_CUTOFF)
        return [(c, _ratio(term, c)) for c in close]

    def _f1(self, known: Sequence[_Known], query_total: float, phrasing: _Phrasing) -> float:
        """Weighted overlap of a question and one phrasing, both ways (an F1 score)."""
        own = phrasing.terms
        hit_q = 0.0
        hit_p: set[str] = set()
        for weight, near in known:
            best: tuple[float, str] | None = None
            for pair in near:
                if pair[1] in own and (best is None or pair > best):
                    best = pair
            if best is None:
                continue
            hit_q += weight * best[0]
            hit_p.add(best[1])
        if not hit_q or not phrasing.weight:
            return 0.0
        recall = hit_q / query_total
        precision = sum(self._weights[u] for u in hit_p) / phrasing.weight
        return 2 * recall * precision / (recall + precision)

    def scores(self, question: str) -> list[tuple[str, float]]:
        """Every topic's score for the question, best first, comparing it with every
        phrasing: slower than `match`, for tests and tools."""
        search, _ = self._prepare(question)
        search.exhaust()
        return search.ranked()

    def match(self, question: str, *, exhaustive: bool = False) -> Match:
        """The outcome for a question. `exhaustive` compares it with every phrasing rather
        than only with those that could change the outcome: the same outcome, slower (the
        tests check the one against the other); only a miss's score may then differ."""
        search, unknown = self._prepare(question)
        if exhaustive:
            search.exhaust()
        # Once no topic can reach MISS_BELOW it is a miss, however far short the best falls.
        top = search.settle(1, enough=lambda most: most < MISS_BELOW)
        if top is None or top < MISS_BELOW:
            return Match(Outcome.MISS, (), top or 0.0)
        top_id = search.ranked()[0][0]
        # Mostly words no topic uses ("weather", "recipe"): however one topic's few known
        # words score, the question is probably about something else. Ask, don't answer.
        answerable = unknown <= UNKNOWN_LIMIT
        # The runner-up counts only as far as it can change the outcome: once it cannot
        # come close enough to make the answer unsure or, when the answer cannot be sure
        # anyway, reach MISS_BELOW to be offered, its exact score does not matter.
        second = search.settle(
            2, enough=lambda most: _sure(top, most) if answerable else most < MISS_BELOW
        )
        if answerable and _sure(top, second):
            return Match(Outcome.ANSWER, (top_id,), top)
        if second is not None and second >= MISS_BELOW:
            return Match(Outcome.CHOICE, (top_id, search.ranked()[1][0]), top)
        return Match(Outcome.CHOICE, (top_id,), top)  # "did you mean ...?" about one topic

    def pick(self, choices: Sequence[str], said: str) -> str | None:
        """Which of the offered topics a spoken reply names ("the running one"), or None."""
        search, _ = self._prepare(said, among=choices)
        score = search.settle(1)
        if score is None:
            return None
        return search.ranked()[0][0] if score >= MISS_BELOW else None

    def _prepare(self, question: str, among: Iterable[str] | None = None) -> tuple[_Blend, float]:
        """The question's scores for the topics (those of `among`, or all), ready to be
        refined, and the share of the question no topic knows.

        Every part of a score but the closest phrasing is worked out here, visiting only
        the topics and phrasings that share a term with the question.
        """
        wanted = set(self._bags) if among is None else set(among)
        candidates = [t for t in self._bags if t in wanted]  # content order breaks ties
        query = key_words(question, self.lexicon)
        terms = _terms(query)
        if not terms:
            return _Blend((), {}, "", dict.fromkeys(candidates, 0.0)), 1.0
        near = {term: self._near(term) for term in set(terms)}
        total = 0.0
        unknown = 0.0
        known: list[_Known] = []
        found: dict[str, float] = dict.fromkeys(self._bags, 0.0)
        for term in terms:
            alike_terms = near[term]
            if not alike_terms and " " in term:
                continue  # an unknown pair says nothing its two words have not said
            # A word no topic uses is information the topics do not cover: it pulls every
            # score down, and an unrelated question toward "no match".
            weight = max((self._weights[k] for k, _ in alike_terms), default=self._unknown_weight)
            total += weight
            if not alike_terms:
                unknown += weight
                continue
            known.append((weight, tuple((alike, k) for k, alike in alike_terms)))
            credit: dict[str, float] = {}
            for k, alike in alike_terms:
                for topic_id in self._holders[k]:
                    credit[topic_id] = max(credit.get(topic_id, 0.0), alike)
            for topic_id, share in credit.items():
                found[topic_id] += weight * share
        # A phrasing sharing no term with the question has no overlap with it.
        sharing = {i for _, pairs in known for _, k in pairs for i in self._containing[k]}
        f1s: dict[str, float] = {}
        for i in sharing:
            phrasing = self._phrasings[i]
            if phrasing.topic in wanted:
                f1s[phrasing.topic] = max(
                    f1s.get(phrasing.topic, 0.0), self._f1(known, total, phrasing)
                )
        base = {
            topic_id: BAG_SHARE * (found[topic_id] / total) + F1_SHARE * f1s.get(topic_id, 0.0)
            for topic_id in candidates
        }
        return _Blend(self._phrasings, self._groups, " ".join(query), base), unknown / total

    def suggestions(self, count: int = 3, exclude: Iterable[str] = ()) -> tuple[Topic, ...]:
        """Topics to name when a question found nothing: the first ones in content order."""
        skip = set(exclude)
        return tuple(t for t in self.topics if t.id not in skip)[:count]


def _sure(top: float, second: float | None) -> bool:
    """Whether the best topic leads the runner-up (scoring `second`) enough to answer."""
    lead = top - second if second is not None else top
    return (top >= CONFIDENT and lead >= MARGIN) or lead >= CLEAR_LEAD


class _Blend:
    """A question's topic scores with the closest phrasing blended in, worked out only as
    far as asked: comparing the question with every phrasing through difflib's ratio is
    what costs, and only the best topic or two ever decide anything.

    ratio() never exceeds difflib's quick_ratio (characters in common), which never exceeds
    its real_quick_ratio (lengths), and both are far cheaper. What is left to compare
    waits in a queue under the most it could add to its topic's score: first each topic
    as a whole (any phrasing at most 1), then, once that topic comes up, its phrasings by
    their lengths, then by their characters, and only then through ratio. The highest is
    always taken first. A topic's score only grows as its phrasings are compared, so it
    is a lower bound until nothing of that topic is left in the queue above it; then it is
    exact, the same number comparing every phrasing gives.
    """

    # What a queued entry stands for, and so how far its bound is tightened.
    _TOPIC = 0  # all of a topic's phrasings, bound 1
    _LENGTH = 1  # one phrasing, bound real_quick_ratio
    _LETTERS = 2  # one phrasing, bound quick_ratio

    def __init__(
        self,
        phrasings: Sequence[_Phrasing],
        groups: Mapping[str, Sequence[int]],
        text: str,
        base: Mapping[str, float],
    ):
        self._phrasings = phrasings
        self._groups = groups
        self._text = text
        self._letters = Counter(text)
        self._base = base
        self._topics = list(base)
        self._closest = dict.fromkeys(base, 0.0)
        # Topics in content order, so that sorting breaks ties the way it always has; each
        # score the sum `_with` makes, with no phrasing compared yet.
        self.scores = {topic_id: self._with(topic_id, 0.0) for topic_id in base}
        # (minus the score the entry could give its topic at most, what the entry stands
        # for, its position among the topics or the phrasings, the bound on its ratio)
        self._queue = [
            (-self._with(topic_id, 1.0), self._TOPIC, i, 1.0)
            for i, topic_id in enumerate(self._topics)
            if text
        ]
        heapify(self._queue)

    def _with(self, topic_id: str, alike: float) -> float:
        return self._base[topic_id] + PHRASING_SHARE * alike

    def ceiling(self) -> float:
        """The most anything not yet compared could make its topic score."""
        return -self._queue[0][0] if self._queue else -math.inf

    def least_of_best(self, keep: int) -> float:
        """The lowest of the best `keep` scores so far: what a topic must reach to be one."""
        return nlargest(keep, self.scores.values())[-1]

    def refine(self) -> bool:
        """Take the entry that could score highest one step further; True when a topic's
        score grew."""
        _, stage, i, bound = heappop(self._queue)
        if stage == self._TOPIC:
            topic_id = self._topics[i]
            for position in self._groups.get(topic_id, ()):
                size = len(self._phrasings[position].text)
                self._push(topic_id, self._LENGTH, position, _length_bound(len(self._text), size))
            return False
        phrasing = self._phrasings[i]
        topic_id = phrasing.topic
        if bound <= self._closest[topic_id]:
            return False  # cannot beat this topic's closest phrasing so far
        if stage == self._LENGTH:
            shared = sum(min(n, self._letters[c]) for c, n in phrasing.letters.items())
            quick = 2.0 * shared / (len(self._text) + len(phrasing.text))  # quick_ratio
            self._push(topic_id, self._LETTERS, i, quick)
            return False
        alike = _ratio(self._text, phrasing.text)
        if alike <= self._closest[topic_id]:
            return False
        self._closest[topic_id] = alike
        self.scores[topic_id] = self._with(topic_id, alike)
        return True

    def exhaust(self) -> None:
        """Compare the question with every phrasing through ratio, no bound consulted: the
        plain way, which the shortcuts above must agree with."""
        self._queue.clear()
        for topic_id in self._topics:
            for position in self._groups.get(topic_id, ()):
                alike = _ratio(self._text, self._phrasings[position].text)
                if alike > self._closest[topic_id]:
                    self._closest[topic_id] = alike
                    self.scores[topic_id] = self._with(topic_id, alike)

    def _push(self, topic_id: str, stage: int, position: int, bound: float) -> None:
        if bound > self._closest[topic_id]:
            heappush(self._queue, (-self._with(topic_id, bound), stage, position, bound))

    def settle(self, keep: int, enough: Callable[[float], bool] | None = None) -> float | None:
        """The `keep`-th best score, once the best `keep` scores are exact; or a bound on
        it, as soon as `enough` accepts one. None when there are fewer topics than that."""
        if len(self.scores) < keep:
            while self._queue:
                self.refine()
            return None
        bar = self.least_of_best(keep)
        while self._queue and self.ceiling() >= bar:
            # Nothing queued can lift a topic past the ceiling, and fewer than `keep` topics
            # are past it already: the keep-th best score cannot end above it.
            if enough is not None and enough(self.ceiling()):
                return self.ceiling()
            if self.refine():
                bar = self.least_of_best(keep)
        return bar

    def ranked(self) -> list[tuple[str, float]]:
        """Topics by score so far, best first; ties in content order."""
        return sorted(self.scores.items(), key=lambda kv: kv[1], reverse=True)
