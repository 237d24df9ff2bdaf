"""Questions and answers: topics from content, and free-form matching.

Pure: plain values in, plain values out. The words (topics, phrasings, filler words) come
from content; this module only knows how to compare them. Red flags are read first, by
domain/red_flags.py.

Matching is a BM25 ranking over each topic's phrasings (and, weighted down, its answer),
after light stemming and the lexicon's synonym groups; questions about another body part
or subject are recognised by the lexicon's word lists and never answered with a topic. A
question frame ("what causes", "how long does ... take") weighs more than a word, and words
of backstory ("my physio said", "I'm a tree surgeon") less.
Chosen over the earlier difflib blend and over rapidfuzz by measurement on a development
set of questions in people's own words (docs/questions.md has the comparison).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any

from hamstring_coach.domain.faq_classifier import OFF_TOPIC, Classifier, question_features
from hamstring_coach.domain.phrases import scan
from hamstring_coach.domain.sounds import Sounds

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
    source: str = ""
    # (round 37) The words this topic's carriers stand for, when not its name: "ice, how
    # long?" arrives on the recovery intent's "{query} how long", and put back as "ice
    # recovery time" it was read as recovery; "ice how long" lets the matcher read the ice.
    carried_as: str | None = None
    # (round 46) The topic that says what the condition is: "what is it" said after another
    # topic's word on that topic's carrier ("eccentric, means what exactly") asks what THAT
    # is, so the named topic answers (handlers/faq.py `_led_by_topic_word`; not the
    # red-flag report carriers, such as "sciatica {statement}", which read it otherwise).
    about_the_condition: bool = False

    @property
    def carrier_words(self) -> str:
        return self.carried_as or self.name


@dataclass(frozen=True)
class Lexicon:
    contractions: Mapping[str, str]
    filler: frozenset[str]
    # Matching only: synonym groups (group word -> words and phrases that count as it),
    # other body parts, the hamstring's own names, and subjects that are not this skill's.
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    other_parts: tuple[str, ...] = ()
    own_parts: tuple[str, ...] = ()
    off_topic: tuple[str, ...] = ()
    # (round 40) Gadgets and apps: off topic only when nothing else said is ours (`read`).
    devices: tuple[str, ...] = ()
    # Another body part said to be fine ("my knee's fine but ...") or ruled out ("not my
    # knee, ...") is no second subject: words said just after it, and just before it.
    cleared_after: frozenset[str] = frozenset()
    cleared_before: frozenset[str] = frozenset()
    # (conv18b) Whose a part is: "her shoulder" after the person's own "it" is backstory.
    cleared_owner: frozenset[str] = frozenset()
    cleared_own: frozenset[str] = frozenset()
    # (Round 33) Another part as the comparison a question is measured against ("I iced my
    # ankle for weeks, should I ice this too"): phrases that point back at this problem.
    compared: tuple[str, ...] = ()
    # (Round 43) Another part taken back at once ("my knee, no, my hamstring"): words that
    # correct what was just said.
    corrected: tuple[str, ...] = ()
    # (Round 34) A treatment named in a question the matcher gives to a time-like topic
    # ("if I take the steroid shot, how many weeks until I can run again"): the synonym
    # group's word -> the treatment's topic, and the topics it outranks (`over`).
    treatment_topics: Mapping[str, str] = field(default_factory=dict)
    treatment_over: frozenset[str] = frozenset()
    # Another person's treatment of another part ("a lad at work had one in his shoulder")
    # is backstory: a had-word, then a treatment, then only link words before the part.
    treated_had: frozenset[str] = frozenset()
    treated_with: frozenset[str] = frozenset()
    treated_links: frozenset[str] = frozenset()
    # What a person says to show they followed ("oh I see", "got it", "thanks") before what
    # they want next: said first, it asks nothing ("oh I see, I'd like to do the exercises"
    # is not about seeing a doctor). Each as words, contractions spelled out.
    acknowledgements: tuple[tuple[str, ...], ...] = ()
    # Question frames: the words that say what kind of question it is ("what causes",
    # "why do ... get", "how long does ... take"), by frame name; "..." stands for a few
    # words of anything ("why do people get", "why did my tendon get"). See FRAME_WEIGHT.
    frames: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Backstory: who said something ("my physio said", "the doctor told me") and who the
    # person is ("I'm a tree surgeon"). Words said so tell the story, not the question:
    # they weigh less (BACKSTORY_WEIGHT). Speakers and reporting words as single words;
    # identities as phrases, each covering the two words after it.
    speakers: frozenset[str] = frozenset()
    reporting: frozenset[str] = frozenset()
    identities: tuple[str, ...] = ()
    # (Round 20) Where a ramble turns to its question ("anyway what I wanted to ask was",
    # "my question is"): every word before the turn is backstory, when a question follows.
    pivots: tuple[str, ...] = ()
    # (round 35) Workout chatter said on the way to a question ("hold on, before we start,
    # what even is a tendon", "before the bridges, what's this thing I've got"): backstory
    # too, when a question follows, so "before the exercises" is not read as warming up.
    chatter: tuple[str, ...] = ()
    # (round 41) A question picked up after an interruption ("hang on, the mixer's going ...
    # right, is it the lifting?", "sorry, lost my thread ... it's flared up, what now"):
    # what interrupted is no part of the question and is dropped (`_resumed`).
    interrupted_by: tuple[str, ...] = ()
    resumed_with: tuple[str, ...] = ()
    resumed_alone: tuple[str, ...] = ()
    # (round 36) What marks words as asking something (`asks_something`): question words
    # and auxiliary-subject pairs, and the words before a question word that make it a
    # statement's ("I don't know why").
    asking: tuple[str, ...] = ()
    asking_not_after: frozenset[str] = frozenset()
    # Words that point at the person's own problem ("what causes it", "how long will this
    # take"): a question frame with one of them asks about it, whatever else is said.
    references: frozenset[str] = frozenset()
    # The words that name the condition itself ("hamstring", "tendon", "tendinopathy"):
    # said in most questions, they tell which problem is asked about, not which topic
    # (CONDITION_WEIGHT).
    condition: tuple[str, ...] = ()
    # (round 44) Another condition the person lives with, said as context for a question of
    # ours ("with my asthma is there any risk in having shockwave", "can I use a heat pack
    # on it while I'm pregnant"): it is on the off-topic or other-parts lists, but the
    # question stays ours when something of ours is named with it (`lived_ours`).
    lived_with: tuple[str, ...] = ()
    lived_ours: tuple[str, ...] = ()


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
            source=str(body.get("source", "")),
            carried_as=body.get("carried_as"),
            about_the_condition=bool(body.get("about_the_condition", False)),
        )
        for topic_id, body in items.items()
    )


def lexicon_from(items: Mapping[str, Mapping[str, Any]]) -> Lexicon:
    contractions = items.get("contractions", {}).get("map", {})
    filler = items.get("filler", {}).get("words", ())
    groups = items.get("synonyms", {}).get("groups", {})
    treatment = items.get("treatment_time", {})

    def listed(kind: str, key: str = "words") -> tuple[str, ...]:
        return tuple(str(w).lower() for w in items.get(kind, {}).get(key, ()))

    return Lexicon(
        contractions={str(k).lower(): str(v).lower() for k, v in contractions.items()},
        filler=frozenset(str(w).lower() for w in filler),
        synonyms={str(g).lower(): tuple(str(m).lower() for m in ms) for g, ms in groups.items()},
        other_parts=listed("other_body_parts"),
        own_parts=listed("own_body_parts"),
        off_topic=listed("off_topic"),
        devices=listed("off_topic", "devices"),
        cleared_after=frozenset(listed("cleared_parts", "after")),
        cleared_before=frozenset(listed("cleared_parts", "before")),
        cleared_owner=frozenset(listed("cleared_parts", "owner")),
        cleared_own=frozenset(listed("cleared_parts", "own")),
        compared=listed("cleared_parts", "compared"),
        corrected=listed("cleared_parts", "corrected"),
        treatment_topics={str(k).lower(): str(v) for k, v in treatment.get("topics", {}).items()},
        treatment_over=frozenset(str(t) for t in treatment.get("over", ())),
        treated_had=frozenset(listed("treated_elsewhere", "had")),
        treated_with=frozenset(listed("treated_elsewhere", "treatment")),
        treated_links=frozenset(listed("treated_elsewhere", "links")),
        acknowledgements=tuple(
            tuple(str(w).lower().split()) for w in listed("acknowledgements") if w.strip()
        ),
        frames={
            str(name).lower(): tuple(str(p).lower() for p in patterns)
            for name, patterns in items.get("frames", {}).get("patterns", {}).items()
        },
        references=frozenset(listed("frames", "references")),
        speakers=frozenset(listed("backstory", "speakers")),
        reporting=frozenset(listed("backstory", "reporting")),
        identities=listed("backstory", "identities"),
        pivots=listed("backstory", "pivots"),
        chatter=listed("backstory", "chatter"),
        interrupted_by=listed("interruptions", "openers"),
        resumed_with=listed("interruptions", "resumes"),
        resumed_alone=listed("interruptions", "alone"),
        asking=listed("asking"),
        asking_not_after=frozenset(listed("asking", "not_after")),
        condition=listed("condition"),
        lived_with=listed("lived_with", "conditions"),
        lived_ours=listed("lived_with", "ours"),
    )


# --- normalising ------------------------------------------------------------------------


def words(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Lower-case words with contractions spelled out; every word kept."""
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    text = _NON_WORD.sub(" ", text)
    tokens = text.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i + 1 < len(tokens):
            pair = f"{token} {tokens[i + 1]}"
            if pair in lexicon.contractions:
                out.extend(lexicon.contractions[pair].split())
                i += 2
                continue
        expanded = lexicon.contractions.get(token)
        if expanded is None:
            expanded = token.replace("'", "")
        out.extend(expanded.split())
        i += 1
    return tuple(out)


def asks_something(text: str, lexicon: Lexicon) -> bool:
    """(round 36) Whether the words ask anything: a question word not told as a statement's
    ("why does it ache" asks, "I don't know why" does not), or an auxiliary before its
    subject ("is that when a scan makes sense"). Speech has no question mark to go by."""
    said = words(text, lexicon)
    for i, word in enumerate(said):
        if i + 1 < len(said) and f"{word} {said[i + 1]}" in lexicon.asking:
            return True
        if word in lexicon.asking and not (i and said[i - 1] in lexicon.asking_not_after):
            return True
    return False


def said_words(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """A question's words (as `words`), without an acknowledgement said first ("oh I see,
    ..."). Topics' own texts are read with `words`: a phrasing may start "got it from"."""
    said = words(text, lexicon)
    return said[_acknowledged(said, lexicon) :]


def _acknowledged(tokens: Sequence[str], lexicon: Lexicon) -> int:
    """How many words at the start only acknowledge what was said before ("oh", "I see",
    "ok", "got it", "thanks", one after another): none unless something follows them.
    Only from the very start: "should I see about my hamstring" keeps its "see"."""
    start = 0
    while start < len(tokens):
        said = next(
            (p for p in lexicon.acknowledgements if tuple(tokens[start : start + len(p)]) == p),
            None,
        )
        if said is None:
            break
        start += len(said)
    return start if start < len(tokens) else 0


def reported(text: str, lexicon: Lexicon) -> bool:
    """Whether a text starts with a reporting word ("said", "told me", "reckons"): what
    comes before it is who said something, so a topic word said just before it ("my
    physio said ...") tells the story, not the question."""
    said = words(text, lexicon)
    return bool(said) and stem(said[0]) in {stem(w) for w in lexicon.reporting}


def joined_letters(tokens: Sequence[str]) -> list[str]:
    """Letters said one by one joined into the word they spell: speech recognition writes
    "GP", "PRP" and "MRI" as "g p", "p r p" and "m r i". A run of two or more single
    letters is joined, unless it starts with "a" or "i" (the words)."""
    out: list[str] = []
    run: list[str] = []
    for token in (*tokens, ""):
        if len(token) == 1 and token.isalpha() and (run or token not in "ai"):
            run.append(token)
            continue
        out.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if token:
            out.append(token)
    return out


def _stems(
    text: str, lexicon: Lexicon, question: bool = False, sounds: Sounds | None = None
) -> list[str]:
    """The matcher's view of a text's words: letters joined, each word stemmed, but for a
    filler adverb, which stays as said: "really" is filler, "real" is not. A question is
    read without an acknowledgement said first (`said_words`), and with `sounds`, its
    misheard words read as the known word they sound like (`Sounds.respelled`)."""
    said = said_words(text, lexicon) if question else words(text, lexicon)
    tokens = joined_letters(said)
    if sounds is not None:
        tokens = sounds.respelled(tokens, stem)
    return [w if w.endswith("ly") and w in lexicon.filler else stem(w) for w in tokens]


def key_words(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The words that can tell topics apart: filler dropped."""
    return tuple(w for w in words(text, lexicon) if w not in lexicon.filler)


# --- the matcher's words ----------------------------------------------------------------


@lru_cache(maxsize=4096)  # the same few hundred words, at every index build and question
def stem(word: str) -> str:
    """A light stem, so "stretches", "stretching" and "stretch" compare equal.

    Deliberately small (plurals, -ing, -ed, -ly, a final e): the lexicon's synonym groups
    carry the rest, and a wrong merge here would be invisible in the content. As in
    Porter's stemmer, -ing and -ed go only when a vowel is left before them: "string",
    "thing" and "bring" keep theirs (they were "str", "th" and "br").
    """
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) >= 5 and w.endswith("ing") and _VOWEL.search(w[:-3]):
        w = _undouble(w[:-3])
    elif len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and _VOWEL.search(w[:-2]):
        w = _undouble(w[:-2])
    elif len(w) >= 6 and w.endswith("ly"):
        # "slowly" is "slow", "completely" "complete"; "only", "early", "daily" are too
        # short to lose it.
        w = w[:-2]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


_VOWEL = re.compile(r"[aeiouy]")


def _undouble(w: str) -> str:
    # "runn" -> "run", "swimm" -> "swim"; "roll", "press" and "buzz" keep theirs.
    if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
        return w[:-1]
    return w


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """The lexicon as the matcher uses it: everything stemmed, phrases as word tuples."""

    filler: frozenset[str]
    synonyms: Mapping[Phrase, str]  # a phrase (stemmed words) -> its group's word
    # Phrases of the three word lists by their first word, each with the list it is on:
    # "other" (another body part), "own" (the hamstring itself), "off" (another subject).
    listed: Mapping[str, tuple[tuple[Phrase, str], ...]]
    # The lengths of the synonym phrases that start with a word, longest first: most words
    # start none, so folding a question tries no phrase lengths at them.
    sizes: Mapping[str, tuple[int, ...]]
    cleared_after: frozenset[str] = frozenset()  # stemmed
    cleared_before: frozenset[str] = frozenset()
    cleared_owner: frozenset[str] = frozenset()  # stemmed
    cleared_own: frozenset[str] = frozenset()  # stemmed
    compared: tuple[Phrase, ...] = ()  # stemmed
    corrected: tuple[Phrase, ...] = ()  # stemmed
    treatment_topics: Mapping[str, str] = field(default_factory=dict)  # group word stemmed
    treated_had: frozenset[str] = frozenset()  # stemmed
    treated_with: frozenset[str] = frozenset()  # stemmed
    treated_links: frozenset[str] = frozenset()  # stemmed
    # Question frames as (stemmed words, None for a gap) and the term each adds, by their
    # first word (a frame starts with a word, never a gap).
    frames_by_first: Mapping[str, tuple[tuple[tuple[str | None, ...], str], ...]] = field(
        default_factory=dict
    )
    speakers: frozenset[str] = frozenset()  # stemmed
    reporting: frozenset[str] = frozenset()  # stemmed
    identities: tuple[Phrase, ...] = ()  # stemmed
    pivots: tuple[Phrase, ...] = ()  # stemmed
    chatter: tuple[Phrase, ...] = ()  # stemmed
    interrupted_by: tuple[Phrase, ...] = ()  # stemmed
    resumed_with: tuple[Phrase, ...] = ()  # stemmed
    resumed_alone: tuple[Phrase, ...] = ()  # stemmed
    references: frozenset[str] = frozenset()  # stemmed
    condition: frozenset[str] = frozenset()  # terms: stemmed, synonyms folded
    lived_with: frozenset[Phrase] = frozenset()  # stemmed, also said with "me" for "my"
    lived_ours: tuple[Phrase, ...] = ()  # stemmed

    @classmethod
    def build(cls, lexicon: Lexicon) -> Vocabulary:
        def phrase(text: str) -> Phrase:
            return tuple(_stems(text, lexicon))

        synonyms: dict[Phrase, str] = {}
        for group, members in lexicon.synonyms.items():
            head = stem(group)
            for member in (group, *members):
                for key in _said_as(phrase(member)):
                    synonyms.setdefault(key, head)
        listed: dict[str, list[tuple[Phrase, str]]] = {}
        for kind, texts in (
            ("other", lexicon.other_parts),
            ("own", lexicon.own_parts),
            ("off", lexicon.off_topic),
            ("device", lexicon.devices),
        ):
            for text in texts:
                for key in _said_as(phrase(text)):
                    listed.setdefault(key[0], []).append((key, kind))
        frames = [
            (pattern, FRAME_MARK + name)
            for name, texts in lexicon.frames.items()
            for text in texts
            if (pattern := _pattern(text, lexicon)) and pattern[0] is not None
        ]
        vocabulary = cls(
            # A filler word's other forms are filler too ("thinking", "reckoned"), but not
            # an adverb's adjective: "general" says something "generally" does not.
            filler=frozenset(stem(w) for w in lexicon.filler if not w.endswith("ly"))
            | lexicon.filler,
            synonyms=synonyms,
            listed={first: tuple(entries) for first, entries in listed.items()},
            sizes=_sizes(synonyms),
            cleared_after=frozenset(stem(w) for w in lexicon.cleared_after),
            cleared_before=frozenset(stem(w) for w in lexicon.cleared_before),
            cleared_owner=frozenset(stem(w) for w in lexicon.cleared_owner),
            cleared_own=frozenset(stem(w) for w in lexicon.cleared_own),
            compared=tuple(p for text in lexicon.compared if (p := phrase(text))),
            corrected=tuple(p for text in lexicon.corrected if (p := phrase(text))),
            treatment_topics={stem(k): v for k, v in lexicon.treatment_topics.items()},
            treated_had=frozenset(stem(w) for w in lexicon.treated_had),
            treated_with=frozenset(stem(w) for w in lexicon.treated_with),
            treated_links=frozenset(stem(w) for w in lexicon.treated_links),
            frames_by_first=_by_first(frames),
            references=frozenset(stem(w) for w in lexicon.references),
            speakers=frozenset(stem(w) for w in lexicon.speakers),
            reporting=frozenset(stem(w) for w in lexicon.reporting),
            identities=tuple(p for text in lexicon.identities if (p := phrase(text))),
            pivots=tuple(p for text in lexicon.pivots if (p := phrase(text))),
            chatter=tuple(p for text in lexicon.chatter if (p := phrase(text))),
            interrupted_by=tuple(p for text in lexicon.interrupted_by if (p := phrase(text))),
            resumed_with=tuple(p for text in lexicon.resumed_with if (p := phrase(text))),
            resumed_alone=tuple(p for text in lexicon.resumed_alone if (p := phrase(text))),
            lived_with=frozenset(k for text in lexicon.lived_with for k in _said_as(phrase(text))),
            lived_ours=tuple(p for text in lexicon.lived_ours if (p := phrase(text))),
        )
        condition = (_fold(phrase(text), vocabulary)[0] for text in lexicon.condition)
        return replace(vocabulary, condition=frozenset(t for terms in condition for t in terms))


# Round 9 (qmatch9): "me" said for "my" ("put me feet up", "me hamstring", "on me bum"),
# as in much of Britain, Ireland and Australia: a phrase with "my" is also heard with "me".
_MY = ("my", "me")


def _said_as(key: Phrase) -> tuple[Phrase, ...]:
    """A lexicon phrase as people say it: as written, and with "me" for "my"."""
    if not key:
        return ()
    if _MY[0] not in key:
        return (key,)
    return (key, tuple(_MY[1] if w == _MY[0] else w for w in key))


# A frame's term: a word no text can hold ("=cause"), so it is never confused with one.
FRAME_MARK = "="
# The words a frame's "..." may stand for, at most: "why would someone like me get".
FRAME_GAP = 5


def _pattern(text: str, lexicon: Lexicon) -> tuple[str | None, ...]:
    """A frame's words as the matcher reads them (stemmed), None for each "..."."""
    out: list[str | None] = []
    for part in text.split():
        if part == "...":
            out.append(None)
        else:
            out.extend(_stems(part, lexicon))
    return tuple(out)


def _framed(stems: Sequence[str], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The terms of the question frames a text uses, each once, in the order found."""
    found: dict[str, None] = {}
    for i, word in enumerate(stems):
        # Only the frames that start with this word: most words start none.
        for pattern, term in vocabulary.frames_by_first.get(word, ()):
            if term not in found and _frame_from(stems, i + 1, pattern[1:]):
                found[term] = None
    return tuple(found)


def _frame_from(stems: Sequence[str], i: int, pattern: Sequence[str | None]) -> bool:
    if not pattern:
        return True
    head, rest = pattern[0], pattern[1:]
    if head is None:
        return any(
            _frame_from(stems, j, rest) for j in range(i, min(i + FRAME_GAP, len(stems)) + 1)
        )
    return i < len(stems) and stems[i] == head and _frame_from(stems, i + 1, rest)


def _by_first(
    frames: Iterable[tuple[tuple[str | None, ...], str]],
) -> dict[str, tuple[tuple[tuple[str | None, ...], str], ...]]:
    by: dict[str, list[tuple[tuple[str | None, ...], str]]] = {}
    for pattern, term in frames:
        by.setdefault(str(pattern[0]), []).append((pattern, term))
    return {first: tuple(entries) for first, entries in by.items()}


def _sizes(phrases: Iterable[Phrase]) -> dict[str, tuple[int, ...]]:
    by_first: dict[str, set[int]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], set()).add(len(phrase))
    return {first: tuple(sorted(sizes, reverse=True)) for first, sizes in by_first.items()}


@dataclass(frozen=True)
class Reading:
    """A question as the matcher reads it: its terms, and what else it mentions."""

    terms: tuple[str, ...]
    other_part: bool  # mentions another body part
    own_part: bool  # mentions the hamstring itself
    off_topic: bool  # mentions a subject that is not this skill's
    # Terms said only as backstory ("my physio said ...", "I'm a tree surgeon"): they
    # weigh BACKSTORY_WEIGHT of a word said in the question.
    backstory: frozenset[str] = frozenset()
    # Points at the person's own problem: the hamstring, or "it", "this", "my".
    refers: bool = False


def read(
    text: str,
    lexicon: Lexicon,
    vocabulary: Vocabulary,
    known: frozenset[str] = frozenset(),
    sounds: Sounds | None = None,
) -> Reading:
    """A question's terms, and which of the lexicon's word lists it mentions.

    A listed word inside a synonym phrase does not count: "touch my toes" is stretching
    and "put my feet up" is resting, not questions about the toes or the feet.
    """
    stems = _resumed(
        _respelled(_stems(text, lexicon, question=True, sounds=sounds), known), vocabulary
    )
    terms, phrases = _fold(stems, vocabulary)
    terms = (*terms, *_framed(stems, vocabulary))
    kinds: set[str] = set()
    found = [
        (i, i + len(listed), kind)
        for i, first in enumerate(stems)
        for listed, kind in vocabulary.listed.get(first, ())
        if tuple(stems[i : i + len(listed)]) == listed
    ]
    # (round 43, holdout44's questions) another part said and taken back at once, the
    # hamstring named after it: "my knee, no, my hamstring", "my calf, wait no, the top of
    # my hamstring". Read as a knee question with the hamstring ruled out by that "no", such
    # questions were missed.
    taken_back = _taken_back(found, "other", "own", stems, vocabulary)
    # ...and the other way round: "my thighs, no, my calves cramp at night" is the calves'.
    own_taken_back = _taken_back(found, "own", "other", stems, vocabulary)
    lived = _lived_with(found, stems, vocabulary)
    for i, end, kind in found:
        # The hamstring named inside a phrase is still the hamstring ("upper hamstring"
        # folds into the condition's name); a listed part inside one is not that part.
        inside = any(start <= i and end <= stop for start, stop in phrases)
        if i in lived:
            continue  # a condition lived with, said as the context of a question of ours
        if kind == "other" and (
            end in taken_back
            or _cleared(stems, i, end, vocabulary)
            or _treated_elsewhere(stems, i, vocabulary)
            or _compared(stems, end, vocabulary)
        ):
            continue
        # (round 39, holdout40's off-topic questions) the hamstring ruled out is not
        # the question's subject: "is Zumba okay for my bad knee? it's the knee, not
        # the hamstring" was answered as if it were ours. Not the "no" of a correction.
        if (
            kind == "own"
            and _ruled_out(stems, i, vocabulary)
            and not any(0 < i - back <= _CORRECTION_SPAN for back in taken_back)
        ):
            continue
        if kind == "own" and end in own_taken_back:
            continue
        if kind == "own" or not inside:
            kinds.add(kind)
    told = _backstory(stems, vocabulary)
    backstory: frozenset[str] = frozenset()
    if told:
        kept = [w for i, w in enumerate(stems) if i not in told]
        backstory = frozenset(_fold([stems[i] for i in sorted(told)], vocabulary)[0]) - set(
            _fold(kept, vocabulary)[0]
        )
    # (round 40) A gadget said beside the hamstring, its tendon or the sit bone is where the
    # person heard something, not what they ask about.
    ours = "own" in kinds or not vocabulary.condition.isdisjoint(terms)
    return Reading(
        terms=terms,
        other_part="other" in kinds,
        own_part="own" in kinds,
        off_topic="off" in kinds or ("device" in kinds and not ours),
        backstory=backstory,
        refers="own" in kinds or not vocabulary.references.isdisjoint(stems),
    )


def _respelled(stems: list[str], known: frozenset[str]) -> list[str]:
    """Words said with the final "g" dropped ("sleepin", "stretchin", "heatin") read as the
    word they are, when only that word is known: speech writes the ending as heard, and
    listing each word's dropped form (as "bikin" and "walkin" once were) never ends. A word
    the matcher knows as said ("sittin" is a sitting phrase's) is left alone."""
    if not known:
        return stems
    out = []
    for word in stems:
        full = stem(word + "g") if len(word) >= 5 and word.endswith("in") else word
        out.append(full if word not in known and full in known else word)
    return out


# How far back from a reporting word ("said") its speaker may be: "the physio at the club
# said"; the nearest speaker is the one ("should I see a doctor, my wife says" keeps the
# doctor in the question). Identities cover the two words after them ("I'm a tree surgeon").
_SPEAKER_REACH = 4
_IDENTITY_REACH = 2
# (Round 20) How many words must follow a pivot ("anyway what I wanted to ask was ...") for
# them to be the question: "... whether squats are ok, anyway" turns to nothing.
_PIVOT_TAIL = 3
# Nor is a turn one when what comes before it is already a question: "what is tendinopathy
# anyway, is that the same as tendonitis" (speech gives no comma) asks what it is.
_ASKED_FIRST = frozenset(
    {"what", "how", "why", "when", "where", "which", "who", "is", "are", "can", "could",
     "should", "would", "will", "do", "doe", "did", "am", "whats"}
)  # fmt: skip


# (round 41) How far into a question an interruption may end, and how many words of the
# question must follow it: "hang on, the dog's barking at the postman ... okay, is there any
# way to speed it up" drops the dog; "wait, okay" and "sorry so is it bad" drop nothing.
_RESUME_REACH = 10
_RESUMED_TAIL = 3
# Words that ask, wherever they stand ("the dog's barking" reads "the dog is barking": an
# auxiliary inside a break asks nothing; first after the opener it does).
_BREAK_ASKS = frozenset(
    {"what", "how", "why", "when", "where", "which", "who", "whats", "should", "could",
     "would", "can"}
)  # fmt: skip


def _starts(stems: Sequence[str], at: int, phrases: Iterable[Phrase]) -> Phrase | None:
    return next((p for p in phrases if tuple(stems[at : at + len(p)]) == p), None)


def _resumed(stems: list[str], vocabulary: Vocabulary) -> list[str]:
    """The question without what interrupted it: the words before "lost my thread", "where
    was I", "okay, back" (`resumed_alone`), or between an opener that breaks off ("hang on",
    "sorry", "wait") and the word that picks up again ("okay", "alright", "anyway"). The
    interrupting words name a dog, a tannoy, a mixer: weighed as the question's, a word no
    topic knows pulled every topic's score down and the question was missed. Nothing is
    dropped when the break holds a question word ("wait, is it okay to run"), nor when a
    question has begun before the phrase ("should I start again from stage one"): that is
    the question itself."""
    limit = min(len(stems) - _RESUMED_TAIL, _RESUME_REACH)
    for at in range(max(0, limit)):
        if at and (stems[0] in _ASKED_FIRST or stems[at - 1] in _BREAK_ASKS):
            break  # "how do I start again after ...": the question had already begun
        alone = _starts(stems, at, vocabulary.resumed_alone)
        if alone is not None and len(stems) - at - len(alone) >= _RESUMED_TAIL:
            return stems[at + len(alone) :]
    opener = _starts(stems, 0, vocabulary.interrupted_by)
    if opener is None:
        return stems
    if len(stems) > len(opener) and stems[len(opener)] in _ASKED_FIRST:
        return stems  # "wait, is it okay to ...": what follows the opener is the question
    for at in range(len(opener) + 1, max(0, limit) + 1):
        if stems[at - 1] in _BREAK_ASKS:
            return stems  # a question word inside the break: the break was the question
        resume = _starts(stems, at, vocabulary.resumed_with)
        if resume is not None and len(stems) - at - len(resume) >= _RESUMED_TAIL:
            return stems[at + len(resume) :]
    return stems


def _backstory(stems: Sequence[str], vocabulary: Vocabulary) -> set[int]:
    """Where the words said as backstory are: a speaker before a reporting word, the words
    right after an identity."""
    told: set[int] = set()
    for i, word in enumerate(stems):
        if word in vocabulary.reporting:
            speaker = next(
                (j for j in range(i - 1, max(-1, i - 1 - _SPEAKER_REACH), -1)
                 if stems[j] in vocabulary.speakers),
                None,
            )  # fmt: skip
            if speaker is not None:
                told.add(speaker)
        for identity in vocabulary.identities:
            end = i + len(identity)
            if tuple(stems[i:end]) == identity:
                told.update(range(end, min(end + _IDENTITY_REACH, len(stems))))
        for pivot in vocabulary.pivots:
            end = i + len(pivot)
            if (
                i
                and stems[0] not in _ASKED_FIRST
                and tuple(stems[i:end]) == pivot
                and len(stems) - end >= _PIVOT_TAIL
            ):
                told.update(range(i))  # the story before the turn to the question
        for said in vocabulary.chatter:
            end = i + len(said)
            if tuple(stems[i:end]) == said and len(stems) - end >= _PIVOT_TAIL:
                told.update(range(i, end))  # "before we start": the moment, not the topic
    return told


# How near a cleared word must be to the body part it clears: "my knee is fine", "my
# calves are absolutely fine", "not my knee", "not the knee".
_CLEARED_REACH = 3


# How soon after another body part a correcting word starts: "my knee, no, ...", "my
# calf, wait no, ...", "my back, I mean, ...".
_CORRECTED_REACH = 2


# How far after a part taken back the hamstring may still be named with the correcting
# word's "no" just before it: the correction starts within `_CORRECTED_REACH` of the part,
# and `_ruled_out` looks two words back from the hamstring, so a "no" that far is the
# correction's, not a ruling out ("my knee, no, my hamstring").
_CORRECTION_SPAN = _CORRECTED_REACH + 2


def _taken_back(
    found: Sequence[tuple[int, int, str]],
    kind: str,
    by: str,
    stems: Sequence[str],
    vocabulary: Vocabulary,
) -> set[int]:
    """Where the parts of `kind` said and taken back at once end: a correcting word right
    after them, and a part of kind `by` named after it."""
    return {
        end
        for _, end, said in found
        if said == kind
        and _corrected(stems, end, vocabulary)
        and any(later == by and start >= end for start, _, later in found)
    }


def _lived_with(
    found: Sequence[tuple[int, int, str]], stems: Sequence[str], vocabulary: Vocabulary
) -> frozenset[int]:
    """Where the conditions lived with start that are context here: on the other-parts or
    off-topic list, said with the hamstring or something else of ours. Whether something
    of ours is said is only looked for once such a condition is (most questions name
    none)."""
    starts = frozenset(
        i
        for i, end, kind in found
        if kind in ("other", "off") and tuple(stems[i:end]) in vocabulary.lived_with
    )
    if not starts:
        return starts
    if any(kind == "own" for _, _, kind in found) or any(
        _starts(stems, at, vocabulary.lived_ours) is not None for at in range(len(stems))
    ):
        return starts
    return frozenset()


def _corrected(stems: Sequence[str], end: int, vocabulary: Vocabulary) -> bool:
    """Whether a correcting word starts right after another body part (`read` then also
    needs the hamstring named after it)."""
    return any(
        _starts(stems, at, vocabulary.corrected) is not None
        for at in range(end, min(end + _CORRECTED_REACH, len(stems)))
    )


def _ruled_out(stems: Sequence[str], start: int, vocabulary: Vocabulary) -> bool:
    """Whether a body part is ruled out by a word just before it: "not my knee", "not the
    hamstring" (for another part, and since round 39 for the hamstring itself)."""
    return not vocabulary.cleared_before.isdisjoint(stems[max(0, start - 2) : start])


def _cleared(stems: Sequence[str], start: int, end: int, vocabulary: Vocabulary) -> bool:
    """Whether another body part is said to be fine or ruled out, so the question is not
    about it: "my knee's fine but my bum hurts when I sit", "not my knee, the hamstring".
    A "not" between the part and "fine" undoes it ("my knee is not fine")."""
    after = stems[end : end + _CLEARED_REACH]
    for word in after:
        if word in vocabulary.cleared_before:
            break
        if word in vocabulary.cleared_after:
            return True
    if _ruled_out(stems, start, vocabulary):
        return True
    # (conv18b) Someone else's part told after a question about the person's own "it": "can
    # I get a jab in it, my pal got one in her shoulder" asks about the hamstring; the
    # friend's shoulder is the story (it was read as a shoulder question). Only with "it" or
    # "this" said before the owner: "her knee hurts, what should she do" stays another part.
    owner = next(
        (
            i
            for i in range(start - 1, max(-1, start - 3), -1)
            if stems[i] in vocabulary.cleared_owner
        ),
        None,
    )
    return owner is not None and not vocabulary.cleared_own.isdisjoint(stems[:owner])


def _compared(stems: Sequence[str], end: int, vocabulary: Vocabulary) -> bool:
    """Whether another body part is only what this problem is compared with: a phrase that
    points back at this one comes after it ("I iced my ankle for weeks, should I ice this
    too", "for my calf I stretched every day, is stretching good for this one"). Without
    one, "I sprained my ankle, should I ice it" stays the ankle's question."""
    return bool(scan(stems[end:], [(p, p) for p in vocabulary.compared]))


# How far back from another body part the had-word of someone's treatment may be: "my
# friend got a steroid shot in her hip".
_TREATED_REACH = 6


def _treated_elsewhere(stems: Sequence[str], start: int, vocabulary: Vocabulary) -> bool:
    """Whether another body part is only where someone had a treatment ("a lad at work had
    one in his shoulder", "my cousin had it for knee"): the question is the treatment's, not
    the part's. Only link words (in, for, his, her) may stand between the treatment and the
    part, so "I had one in my knee" and "got a sore shoulder" still ask about that part."""
    window = stems[max(0, start - _TREATED_REACH) : start]
    for j in range(len(window) - 1, -1, -1):
        word = window[j]
        if word in vocabulary.treated_with:
            return j > 0 and not vocabulary.treated_had.isdisjoint(window[:j])
        if word not in vocabulary.treated_links:
            return False
    return False


def _terms(stems: Sequence[str], vocabulary: Vocabulary) -> tuple[str, ...]:
    """Stemmed words with synonym phrases folded into their group's word, filler dropped,
    and the terms of the question frames the words use."""
    return (*_fold(stems, vocabulary)[0], *_framed(stems, vocabulary))


def _fold(
    stems: Sequence[str], vocabulary: Vocabulary
) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The terms, and where (start, end) each synonym phrase of two or more words was."""
    terms: list[str] = []
    phrases: list[tuple[int, int]] = []
    i = 0
    while i < len(stems):
        for size in vocabulary.sizes.get(stems[i], ()):
            head = vocabulary.synonyms.get(tuple(stems[i : i + size]))
            if head is not None:
                terms.append(head)
                if size > 1:
                    phrases.append((i, i + size))
                i += size
                break
        else:
            if stems[i] not in vocabulary.filler:
                terms.append(stems[i])
            i += 1
    return tuple(terms), tuple(phrases)


# --- matching ---------------------------------------------------------------------------

# BM25 over one document per topic (its name and phrasings, with its short answer weighted
# down). A larger K1 than usual lets a word a topic uses often count for more there than
# in a topic that mentions it once ("run" in running, not in cycling). Tuned on
# tests/eval/questions_dev.yaml; see docs/questions.md.
K1 = 3.0
B = 0.3
ANSWER_WEIGHT = 0.2
# A word no topic uses weighs this share of the rarest word's weight: it pulls every score
# down, and a question mostly about something else toward "no match".
UNKNOWN_WEIGHT = 0.6

# How a question's scores (each the share of the question's weight a topic explains, 0-1)
# become an outcome. A topic is answered when it scores at least CONFIDENT and leads the
# next by MARGIN, or scores at least FLOOR and the next scores at most RATIO of it, or
# scores at least MISS_BELOW and the next at most DOMINANT of it (a question in the
# person's own words often has words no topic knows, which lower every score alike but
# not the order: the lower the leader's score, the further ahead it must be). Below
# MISS_BELOW nothing is close enough to offer; in between, the best is offered, with the
# runner-up when it is within RATIO.
CONFIDENT = 0.3
MARGIN = 0.1
FLOOR = 0.25
RATIO = 0.6
MISS_BELOW = 0.15
DOMINANT = 0.5


# The leader must explain at least this share of a question's distinct words to answer it:
# a question of three words is not answered on one word's evidence ("what kind of chair
# should I use" is not about ice), nor one of seven on two. A third, not a half: people's
# own questions carry backstory ("in lectures on those hard plastic seats") that no topic
# knows, around the two words that say what they ask.
COVERAGE = 1 / 3
# The runner-up earning this share of the question's score on words the leader does not
# use, while scoring at least BOTH_CLOSE of the leader, makes the question about both. Its
# earned score, not the words' full weight: a word the runner-up uses once in passing
# ("out" in "can I still go out running") is no second subject.
BOTH_SHARE = 0.3
BOTH_CLOSE = 0.5

# Round 4 (qdef): when a "did you mean" is asked although one topic dominates. Measured
# on the dev set and the retired held-out sets: 1 in 6 questions ended in a "did you mean"
# whose first topic was right, most of them for one of the three reasons below.
#
# A leader that explains at least STRANGER_FLOOR of the question is answered even when its
# one telling word sits beside a word no topic knows: "is a cortisone injection helpful",
# "extracorporeal shockwave, useful?" are about injections and shockwave whatever
# "helpful" means. Under it, the one word still decides nothing ("is shock way of therapy").
STRANGER_FLOOR = 0.2
# A question of five or more words may be answered on a fifth of its words, not a third,
# when the leader is CONFIDENT anyway: "is surgery ever needed for hamstring tendinopathy".
LONE_COVERAGE = 1 / 5
# A narrower lead is enough when the runner-up has nothing of its own: it scores only on
# the leader's words (earning under ALONE_SHARE of the question on any other), so the two
# compete for the same evidence and the leader uses it more ("what's going on in the
# tendon": what it is, over slow loading, which says "tendon" too). Two subjects in one
# question are still asked back (BOTH_SHARE).
NARROW_FLOOR = 0.2
NARROW_MARGIN = 0.06
ALONE_SHARE = 0.2

# Round 5 (qmatch): story-wrapped questions. A leader far ahead of every other topic is
# answered even when it explains few of the question's words: "I touch my toes to loosen
# it or does that stir it up" is about stretching whatever "stir" and "loosen" mean. Far
# ahead: at least LEAD_FLOOR, and the runner-up at most LEAD_RATIO of it.
LEAD_FLOOR = 0.2
LEAD_RATIO = 0.55

# Round 7 (qmatch7): a "did you mean" about a leader the runner-up trails by a fifth or
# more. Measured over every retired set and dev together (bench/faq_matchers/decisions.py):
# of the on-topic questions the leader won with at least CLOSE_FLOOR while the runner-up
# scored at most CLOSE_RATIO of it, the leader was the right topic 19 times in 22 ("what
# sets this kind of thing off in the first place", "it hurts mid set do I rack it"), so
# the person hears an answer, not a question. Closer than that the first offered is right
# about half the time, and "did you mean" stays. Two subjects in one question are still
# asked back (BOTH_SHARE), and a few words still decide nothing (COVERAGE, STRANGER_FLOOR).
CLOSE_FLOOR = 0.2
CLOSE_RATIO = 0.8

# Round 8 (qmatch8): a word said as backstory (the lexicon's `backstory`: "my physio
# said", "the doctor told me", "I'm a tree surgeon") weighs this share of the same word
# said in the question: "the physio at the club said high hamstring tendinopathy, what is
# that exactly" asks what it is, not when to see a professional.
BACKSTORY_WEIGHT = 0.3

# Round 8 (qmatch8): a question frame ("what causes", "why do ... get", "how long does
# ... take"; the lexicon's `frames`) says what is asked, so it weighs this many times a
# word as rare: more than a word of backstory that names another topic ("I'm a tree
# surgeon, how long does it take to settle", "why do cyclists get this").
FRAME_WEIGHT = 2.0

# Round 9 (qmatch9): the words that name the condition (the lexicon's `condition`:
# "hamstring", "tendon", "tendinopathy") weigh this share of a word as rare. Nearly every
# question names the problem it is about; which topic it asks is said by the other words:
# "can I go for my morning jog with this hamstring tendon" is about running, although the
# causes and prevention topics say "hamstring" and "tendon" more often.
CONDITION_WEIGHT = 0.5

# Round 10: a learned second opinion (domain/faq_classifier.py, naive Bayes) for a question
# asked by a carrier phrase. How sure (posterior) it must be to: answer the topic it names
# when BM25 offers it in a "did you mean" (LEARNED_TIE; LEARNED_BOTH when the question names
# both, "sitting and stretching": it splits the model); answer when BM25 offers others or
# misses (LEARNED_RESCUE, LEARNED_MISS); answer instead of BM25's answer (LEARNED_VETO).
# Set by folds (docs/questions.md, Rounds 10, 13, 17). BM25's off-topic reading stands.
LEARNED_TIE = 0.6
LEARNED_BOTH = 0.65
LEARNED_RESCUE = 0.9
LEARNED_VETO = 0.95
# Round 17: a miss (BM25 found no topic close enough) is answered only as surely as BM25's
# answer is overruled. The term-after-next pairs made the model surer of function words
# alone: "how do I know when my cocoa pods are ready to harvest" (off topic, both words
# unknown) was a see_doctor miss rescued at 0.945. Folds: right 4,709 -> 4,706, wrong
# 120 -> 118, off-topic answered 20 either way (docs/questions.md, Round 17).
LEARNED_MISS = 0.95
# Round 20: the model's off-topic verdict withholds a weak answer. Where BM25 answers on
# little evidence (its best score below OFF_WEAK_BELOW: one shared word, "play" for rest,
# "machine" for the gym, "truck" for driving) and the model is at least LEARNED_OFF sure the
# question is about something else ("how to play backgammon better", "how do I fix a wobbly
# skateboard truck"), the question is declined as another subject. Round 14's version (any
# answer, any score) lost as many right answers as it removed off-topic ones; gated on a
# weak BM25 score, over 14 folds: 5 off-topic answers removed, no right answer lost
# (docs/questions.md, Round 20).
OFF_WEAK_BELOW = 0.25
# Round 22: a listed word ("new", "trainer", "egg", "podcast") makes a question off topic
# before any topic is ranked, and one word is blunt: "how long does this tendon take to
# heal, I want to be back for the new season" was off topic. When BM25's leader and the
# learned second opinion name the same topic, the latter at least this sure, the off-topic
# list is overruled and the topic answered. Another body part ("my nan's hip replacement,
# how long till she can dance") never is: over the 15 folds (each set scored by a model that
# never saw it) every off-topic question the rule answered at 0.99999 or below was someone
# else's (a mare's tendon, a mate's calf, a nan's hip). Off-topic list only, at 0.999999: 11
# right answers gained, none off topic (docs/questions.md, round 22).
LEARNED_OVER_LIST = 0.999999
LEARNED_OFF = 0.9


# Round 17 (sound17): a word no topic knows, said where a known one sounds the same, is
# read as that word (domain/sounds.py): the recogniser writes "sigh attic a" for "sciatica".
SOUND_READING = True
TARGET_LENGTH = 7


def _sounds(
    topics: Sequence[Topic],
    lexicon: Lexicon,
    synonyms: Mapping[Phrase, str],
    known: frozenset[str],
    single: frozenset[str],
) -> Sounds:
    """The domain's words a misheard word may be read as (`known`: the matcher's, but for
    the words most topics use), and every word the question content writes, which is never
    re-read. `single`: the matcher's words said alone, which are never a piece of another."""
    texts = [
        text for topic in topics for text in (topic.name, *topic.phrasings, topic.short, topic.long)
    ]
    # The domain's own words: the topics' names and the condition's ("sciatica", "cycling",
    # "tendinopathy", "hamstring"), long enough to be told apart by sound (TARGET_LENGTH).
    # Not the synonym groups' members: among them are everyday words ("kettlebells" read
    # "the kettle boils"; measured in docs/questions.md, Round 17).
    targets = [*(topic.name for topic in topics), *lexicon.condition]
    listed = (
        *lexicon.contractions,
        *lexicon.contractions.values(),
        *lexicon.filler,
        *(m for group, members in lexicon.synonyms.items() for m in (group, *members)),
        *lexicon.other_parts,
        *lexicon.own_parts,
        *lexicon.off_topic,
        *lexicon.devices,
        *lexicon.cleared_after,
        *lexicon.cleared_before,
        *lexicon.cleared_owner,
        *lexicon.cleared_own,
        *lexicon.treated_had,
        *lexicon.treated_with,
        *lexicon.treated_links,
        *(" ".join(a) for a in lexicon.acknowledgements),
        *(p for patterns in lexicon.frames.values() for p in patterns),
        *lexicon.speakers,
        *lexicon.reporting,
        *lexicon.identities,
        *lexicon.references,
        *lexicon.condition,
    )
    plain = {w for text in (*texts, *listed) for w in words(text, lexicon)}
    # Each as the term it counts as: "sickling" and "cycling" are one word to the matcher.
    pairs = {
        (w, synonyms.get((stem(w),), stem(w)))
        for text in targets
        for w in words(text, lexicon)
        if len(w) >= TARGET_LENGTH and stem(w) in known
    }
    return Sounds.build(sorted(pairs), plain, single, lexicon.filler)


@dataclass(frozen=True)
class _Ranked:
    topic: str
    score: float
    hits: frozenset[str]  # the question's words this topic uses
    # What the topic earned on each of them, as a share of the question's weight (the
    # score is their sum).
    earned: Mapping[str, float] = field(default_factory=dict)


class Outcome(StrEnum):
    ANSWER = "answer"  # one topic, confidently
    CHOICE = "choice"  # a close call: offer the two best by name
    MISS = "miss"  # nothing close enough
    OFF_TOPIC = "off_topic"  # about another body part or another subject altogether


@dataclass(frozen=True)
class Match:
    outcome: Outcome
    topics: tuple[str, ...]  # best first: one to answer, one or two to offer, none otherwise
    score: float  # the best topic's score
    both: bool = False  # the question names both


@dataclass(frozen=True)
class FaqIndex:
    """Topics ready to match questions against: a BM25 ranking over each topic's words.

    A question's score for a topic is the share of the question's weight that topic's
    words explain: each word weighs more the fewer topics use it (so "sciatica" decides
    more than "pain"), a word no topic knows still counts against every topic, and one
    word said twice is not twice the evidence. Words are compared after light stemming and
    the lexicon's synonym groups ("bike" is "cycle"), never by spelling alone: a fuzzy
    spelling match once read "nothing" as "anything".
    """

    topics: tuple[Topic, ...]
    lexicon: Lexicon
    vocabulary: Vocabulary
    _tf: Mapping[str, Mapping[str, float]]  # topic -> term -> weighted count
    _length: Mapping[str, float]  # topic -> its document's weighted length
    _idf: Mapping[str, float]
    _average: float
    _unknown: float  # the weight of a word no topic uses
    _common: frozenset[str]  # words at least half the topics use ("what", "long", "good")
    # Every word a topic or a synonym phrase uses, stemmed: a word said another way
    # (`_respelled`) is read as one of these only.
    _known: frozenset[str] = frozenset()
    # The learned second opinion (content kind `faq_model`), None without one.
    classifier: Classifier | None = None
    # The known words by how they sound, for a word misheard (`Sounds`); None: not used.
    sounds: Sounds | None = None

    @classmethod
    def build(
        cls,
        topics: Sequence[Topic],
        lexicon: Lexicon,
        model: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> FaqIndex:
        vocabulary = Vocabulary.build(lexicon)
        tf: dict[str, dict[str, float]] = {}
        for topic in topics:
            counts: dict[str, float] = {}
            weighted = [(text, 1.0) for text in (topic.name, *topic.phrasings)]
            for text, weight in [*weighted, (topic.short, ANSWER_WEIGHT)]:
                for term in _terms(_stems(text, lexicon), vocabulary):
                    counts[term] = counts.get(term, 0.0) + weight
            tf[topic.id] = counts
        n = max(len(tf), 1)
        spread = Counter(term for counts in tf.values() for term in counts)
        idf = {t: math.log(1 + (n - k + 0.5) / (k + 0.5)) for t, k in spread.items()}
        length = {topic_id: sum(c.values()) for topic_id, c in tf.items()}
        average = sum(length.values()) / n if length else 1.0
        common = frozenset(t for t, k in spread.items() if k * 2 >= n)
        # The words a topic or a one-word synonym uses as such (not the pieces of a longer
        # synonym, such as the hand-listed "sigh attica"'s).
        single = frozenset({*idf, *(p[0] for p in vocabulary.synonyms if len(p) == 1)})
        known = frozenset(
            {*idf, *(w for phrase in vocabulary.synonyms for w in phrase)} - vocabulary.filler
        )
        return cls(
            topics=tuple(topics),
            lexicon=lexicon,
            vocabulary=vocabulary,
            _tf=tf,
            _length=length,
            _idf=idf,
            _average=average or 1.0,
            _unknown=UNKNOWN_WEIGHT * max(idf.values(), default=1.0),
            _common=common,
            _known=known,
            # Only labels that are topics here (or off topic): a model counted for another
            # content set names nothing this index cannot answer.
            classifier=Classifier.from_counts(
                {k: v for k, v in model.items() if k in tf or k == OFF_TOPIC}
            )
            if model
            else None,
            sounds=_sounds(topics, lexicon, vocabulary.synonyms, known - common, single)
            if SOUND_READING
            else None,
        )

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def read(self, question: str) -> Reading:
        return read(question, self.lexicon, self.vocabulary, self._known, self.sounds)

    def _weight(
        self, terms: Iterable[str], backstory: frozenset[str], quiet: frozenset[str]
    ) -> float:
        return sum(self._term_weight(t, backstory, quiet) for t in terms)

    def _quiet(self, terms: Iterable[str], backstory: frozenset[str]) -> frozenset[str]:
        """The condition's own words in a question that also names what it asks about (a
        telling word of some topic's, not said as backstory nor a reporting word): those
        weigh less. Asked alone ("what is proximal hamstring tendinopathy", "my gp wrote
        high hamstring tendinopathy, what is that") they are the subject."""
        condition, told = self.vocabulary.condition, self.vocabulary.reporting
        said = set(terms)
        subject = any(
            t in self._idf and t not in condition and t not in self._common
            and t not in backstory and t not in told and not t.startswith(FRAME_MARK)
            for t in said
        )  # fmt: skip
        return frozenset(said & condition) if subject else frozenset()

    def _term_weight(
        self,
        term: str,
        backstory: frozenset[str] = frozenset(),
        quiet: frozenset[str] = frozenset(),
    ) -> float:
        """A word's weight in a question: rarer words weigh more; a question frame more,
        a word said only as backstory less, and the condition's own words (`quiet`) less."""
        weight = self._idf.get(term, self._unknown)
        if term.startswith(FRAME_MARK):
            return weight * FRAME_WEIGHT
        if term in quiet:
            weight *= CONDITION_WEIGHT
        # Only a word some topic knows: a word no topic knows says the question is about
        # something else, backstory or not ("my voice as a teacher").
        return weight * BACKSTORY_WEIGHT if term in backstory and term in self._idf else weight

    def _rank(
        self, terms: Sequence[str], among: Iterable[str], backstory: frozenset[str] = frozenset()
    ) -> list[_Ranked]:
        """Each topic's score (0-1) and the question's words it matched, best first; ties
        keep content order."""
        unique = list(dict.fromkeys(terms))
        candidates = list(among)
        if not unique:
            return [_Ranked(t, 0.0, frozenset()) for t in candidates]
        quiet = self._quiet(unique, backstory)
        total = self._weight(unique, backstory, quiet)
        ranked = []
        for topic_id in candidates:
            counts = self._tf[topic_id]
            norm = K1 * (1 - B + B * self._length[topic_id] / self._average)
            earned = {}
            for term in unique:
                f = counts.get(term, 0.0)
                if f:
                    # The share of this word's weight the topic earns: near 1 for a word the
                    # topic uses often, less for one it uses once.
                    weight = self._term_weight(term, backstory, quiet)
                    earned[term] = weight * f / (f + norm) / total
            ranked.append(_Ranked(topic_id, sum(earned.values()), frozenset(earned), earned))
        order = {t: i for i, t in enumerate(candidates)}
        ranked.sort(key=lambda r: (-r.score, order[r.topic]))
        return ranked

    def scores(self, question: str) -> list[tuple[str, float]]:
        """Every topic's score for the question, best first."""
        reading = self.read(question)
        return [(r.topic, r.score) for r in self._rank(reading.terms, self._tf, reading.backstory)]

    def match(self, question: str, learned: bool = False) -> Match:
        """The outcome for a question: answer, a choice of one or two, a miss, or off topic.
        `learned`: with the classifier's second opinion (`second_opinion`), for a question
        the person asked; without, for a reply read in case it is one."""
        reading = self.read(question)
        if reading.off_topic or (reading.other_part and not reading.own_part):
            agreed = self._listed_but_agreed(reading) if learned else None
            if agreed is None:
                return Match(Outcome.OFF_TOPIC, (), 0.0)
            return agreed
        found = self.decide(reading, self._rank(reading.terms, self._tf, reading.backstory))
        found = self.second_opinion(reading, found) if learned else found
        return self._treatment_named(reading, found)

    def _treatment_named(self, reading: Reading, found: Match) -> Match:
        """(Round 34) A question given to recovery time that names one treatment ("if I take
        the steroid shot, how many weeks until I can run again", "how long to feel better
        after the shockwave") asks about that treatment, whose answer says what to expect of
        it. Over every readable set, no recovery-time question names a treatment, and about
        one in seven treatment questions asked with "how long" was answered with recovery
        time. Two treatments named ("surgery or injections, which is quicker") stay as
        they were."""
        if not found.topics or found.topics[0] not in self.lexicon.treatment_over:
            return found
        named = {
            topic
            for term in reading.terms
            if (topic := self.vocabulary.treatment_topics.get(term)) is not None
        }
        if len(named) != 1 or reading.backstory & set(self.vocabulary.treatment_topics):
            return found
        (topic,) = named
        if topic not in self._tf:
            return found
        return Match(Outcome.ANSWER, (topic,), found.score)

    def _listed_but_agreed(self, reading: Reading) -> Match | None:
        """A question the off-topic list declined that BM25 and the classifier both give to
        one topic (LEARNED_OVER_LIST): that topic, answered; else None. Another body part
        stays declined."""
        if self.classifier is None or reading.other_part or not reading.off_topic:
            return None
        ranked = self._rank(reading.terms, self._tf, reading.backstory)
        if not ranked or ranked[0].score < MISS_BELOW:
            return None
        verdict = self.classifier.classify(
            question_features(reading.terms, reading.other_part, reading.off_topic)
        )
        if verdict is None or verdict.label != ranked[0].topic:
            return None
        if verdict.confidence < LEARNED_OVER_LIST:
            return None
        return Match(Outcome.ANSWER, (verdict.label,), ranked[0].score)

    def second_opinion(self, reading: Reading, found: Match) -> Match:
        """BM25's outcome, or the classifier's topic where it is sure enough (LEARNED_*):
        people say a topic in more ways than its phrasings list, and ~6,800 of them taught
        the classifier; BM25 still decides what it is sure of and what is off topic."""
        if self.classifier is None or found.outcome is Outcome.OFF_TOPIC:
            return found
        verdict = self.classifier.classify(
            question_features(reading.terms, reading.other_part, reading.off_topic)
        )
        if verdict is None:
            return found
        if verdict.label == OFF_TOPIC:
            weak = found.outcome is Outcome.ANSWER and found.score < OFF_WEAK_BELOW
            sure_off = weak and verdict.confidence >= LEARNED_OFF
            return Match(Outcome.OFF_TOPIC, (), found.score) if sure_off else found
        if verdict.label not in self._tf:
            return found
        sure, label = verdict.confidence, verdict.label
        if found.outcome is Outcome.CHOICE and self._asked_of_a_stranger(reading, found, label):
            return found
        if found.outcome is Outcome.ANSWER:
            take = found.topics[0] != label and sure >= LEARNED_VETO
        elif found.outcome is Outcome.CHOICE and label in found.topics:
            take = sure >= (LEARNED_BOTH if found.both else LEARNED_TIE)
        elif found.outcome is Outcome.CHOICE:  # a "did you mean" about other topics
            take = sure >= LEARNED_RESCUE
        else:  # a miss: BM25 found no topic
            take = sure >= LEARNED_MISS
        return Match(Outcome.ANSWER, (label,), found.score) if take else found

    def _asked_of_a_stranger(self, reading: Reading, found: Match, label: str) -> bool:
        """(Round 20) Whether BM25 held its "did you mean" only because a question frame
        was asked of something no topic knows ("how long does turf take to dry", "how long
        do tulips last": the frame's "stranger" hold), and the model would answer that same
        topic: the model reads the frame too, so it may not overrule the hold. Over 14 folds:
        3 off-topic answers removed, 1 right answer lost (a misheard "hab string tendod")."""
        if reading.refers or label != found.topics[0]:
            return False
        ranked = self._rank(reading.terms, self._tf, reading.backstory)
        best = ranked[0]
        if best.topic != label or not any(t.startswith(FRAME_MARK) for t in best.hits):
            return False
        runner = ranked[1] if len(ranked) > 1 else _Ranked("", 0.0, frozenset())
        return "stranger" in self._held(reading, best, runner)

    def decide(self, reading: Reading, ranked: Sequence[_Ranked]) -> Match:
        """Answer, offer or miss, from the ranking of an on-topic question."""
        if not ranked or ranked[0].score < MISS_BELOW:
            return Match(Outcome.MISS, (), ranked[0].score if ranked else 0.0)
        best = ranked[0]
        runner = ranked[1] if len(ranked) > 1 else _Ranked("", 0.0, frozenset())
        top, second = best.score, runner.score
        held = self._held(reading, best, runner)
        if not held:
            return Match(Outcome.ANSWER, (best.topic,), top)
        if second >= MISS_BELOW and (second > RATIO * top or "both" in held):
            return Match(Outcome.CHOICE, (best.topic, runner.topic), top, "both" in held)
        return Match(Outcome.CHOICE, (best.topic,), top)  # "did you mean ...?" about one topic

    def why_not(self, reading: Reading) -> str:
        """Which rules keep a question's leader from being answered ("" when it is): "close"
        (not far enough ahead), "lone", "stranger", "both", joined by "+". For measuring
        (bench/faq_matchers/decisions.py)."""
        ranked = self._rank(reading.terms, self._tf, reading.backstory)
        if not ranked:
            return ""
        runner = ranked[1] if len(ranked) > 1 else _Ranked("", 0.0, frozenset())
        return "+".join(self._held(reading, ranked[0], runner))

    def _held(self, reading: Reading, best: _Ranked, runner: _Ranked) -> tuple[str, ...]:
        """The rules that hold the leader back from an answer, none when it is answered."""
        top, second = best.score, runner.score
        unique = set(reading.terms)
        # A few words may not decide a topic when the question says more that the topic
        # does not explain (COVERAGE).
        far_ahead = top >= LEAD_FLOOR and second <= LEAD_RATIO * top
        lone = (
            len(best.hits) < COVERAGE * len(unique)
            and not (top >= CONFIDENT and len(best.hits) >= LONE_COVERAGE * len(unique))
            and not far_ahead
        )
        # Nor when the leader shares one telling word with a question that also names
        # something no topic knows and explains little of it: "my dog has a limp" is not
        # about walking. (Subjects that are not ours, "the best bike to buy", are the
        # lexicon's off-topic lists' job: a rule cannot tell "to buy" from "helpful".)
        unknown = any(t not in self._idf for t in unique)
        stranger = unknown and (
            (top < STRANGER_FLOOR and len(best.hits - self._common) <= 1)
            # A question frame is no subject: "why do kids get nits" and "how long does
            # paint take to dry" ask for a cause and a time, of something no topic knows,
            # where "why do I get this" and "how long does it take" point at their own.
            or (not reading.refers and any(t.startswith(FRAME_MARK) for t in best.hits))
        )
        # Two subjects in one question ("sitting and stretching"): the runner-up is close
        # and explains a good part of it that the leader does not, so ask which was meant.
        apart = sum(v for term, v in runner.earned.items() if term not in best.hits)
        both = second >= MISS_BELOW and second >= BOTH_CLOSE * top and apart >= BOTH_SHARE
        sure = _sure(top, second) or _ahead_alone(top, second, apart)
        flags = (("close", not sure), ("lone", lone), ("stranger", stranger), ("both", both))
        return tuple(name for name, on in flags if on)

    def pick(self, choices: Sequence[str], said: str) -> str | None:
        """Which of the offered topics a spoken reply names ("the running one"), or None."""
        reading = self.read(said)
        if reading.off_topic:
            return None
        ranked = self._rank(reading.terms, [c for c in choices if c in self._tf])
        if not ranked or ranked[0].score < MISS_BELOW or not ranked[0].hits:
            return None
        return ranked[0].topic

    def suggestions(self, count: int = 3, exclude: Iterable[str] = ()) -> tuple[Topic, ...]:
        """Topics to name when a question found nothing: the first ones in content order."""
        skip = set(exclude)
        return tuple(t for t in self.topics if t.id not in skip)[:count]


def _ahead_alone(top: float, second: float, apart: float) -> bool:
    """Whether the best topic leads a runner-up that scores only on the leader's words
    (NARROW_MARGIN is enough then: both read the same evidence, the leader reads more)."""
    return top >= NARROW_FLOOR and top - second >= NARROW_MARGIN and apart < ALONE_SHARE


def _sure(top: float, second: float) -> bool:
    """Whether the best topic leads the runner-up enough to answer: by its share of the
    question and by a clear distance, or, on a question the content only partly explains
    (words no topic knows pull every score down alike), by a clear proportion."""
    lead = top - second
    if top >= CONFIDENT and lead >= MARGIN:
        return True
    if top >= FLOOR and second <= RATIO * top:
        return True
    if top >= CLOSE_FLOOR and second <= CLOSE_RATIO * top:
        return True
    return top >= MISS_BELOW and second <= DOMINANT * top
