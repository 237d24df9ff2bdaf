"""Which exercise a person means when the words were not one of the model's names.

Alexa fills the exercise slot with whatever was said and resolves it only when the words
are exactly a value or synonym. People describe exercises ("the bridge where you lower down
slowly", "the one kneeling where you fall forward") or wrap a name in other words ("the
nordic with someone holding my ankles"). Those arrive unresolved; this reads them against
each exercise's name and the words people use for it (content: `heard`) and picks the one
they fit clearly better than any other, or none: an unclear description gets "which
exercise?", never a guess.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from hamstring_coach.domain.faq import Lexicon, joined_letters, stem, words
from hamstring_coach.domain.program.model import Exercise, Program

__all__ = [
    "HowToWords",
    "asked_about_this_one",
    "asked_how",
    "asks_something_else",
    "described",
    "names_nothing",
    "stem",
]

# Words that say nothing about which exercise: carriers, fillers, and "hamstring" (every
# exercise is for the hamstring, and "hamstring stretch" is not a Nordic curl).
# fmt: off
_NOISE = frozenset({
    "a", "an", "the", "one", "ones", "that", "this", "it", "its", "my", "your", "you", "i",
    "me", "we", "they", "he", "she", "him", "her", "them", "to", "of", "on", "in", "at", "for",
    "with", "and", "or", "but", "so", "um", "uh", "er", "like", "where", "which", "when",
    "what", "how", "do", "does", "did", "done", "is", "are", "was", "be", "thing", "things",
    "exercise", "exercises", "move", "please", "again", "mate", "just", "then", "there",
    "hamstring", "hamstrings", "go", "goes", "going", "way", "right", "proper", "properly",
    "form", "technique", "up",
})
# fmt: on
_WORD = re.compile(r"[a-z]+")
# Words of an exercise said that are enough to name it (one is, when it is its name's head).
_ENOUGH = 2


# "Stiff-leg" and "straight-leg" say how the knees are in a two-leg deadlift, not "single
# leg": "leg" after them would tip "stiff leg deadlift" to the single-leg one.
_STIFF_LEG = re.compile(r"\b(stiff|straight)[ -]leg(ged)?\b")
# (round 34, read after holdout35's measurement) "Straight" said without a leg after it is
# ordinary English ("straight answer, do I need a doctor", "straight up", "straight
# away"): alone it named the straight-leg pull-down, the one exercise named with it, and
# the question got its steps. It still describes the deadlift's back with another word.
_STRAIGHT_ALONE = re.compile(r"\bstraight\b(?![ -]leg)")


def _words(text: str, spoken: bool = True) -> set[str]:
    """The words that may tell an exercise; `spoken` for what a person said (content's own
    lists keep "straight" as they wrote it)."""
    text = text.lower()
    if spoken:
        text = _STRAIGHT_ALONE.sub(" ", text)
    text = _STIFF_LEG.sub(r"\1", text)
    return {stem(w) for w in joined_letters(_WORD.findall(text)) if w not in _NOISE}


def names_nothing(said: str) -> bool:
    """Whether words said for an exercise are only pointers and filler ("this one", "um
    that", "it"): the exercise in hand, or "which exercise?", never "I don't know that one"."""
    return not _words(said)


def _name_tokens(name: object) -> list[str]:
    """A name's words, lower case, without its articles."""
    return [w for w in _WORD.findall(str(name).lower()) if w not in ("a", "an", "the")]


def _name_words(ex: Exercise) -> set[str]:
    # Every word of the name counts towards its length ("one-leg sliding curl" is longer
    # than "sliding leg curl"), though "one" said never picks it.
    return {stem(w) for w in _name_tokens(f"{ex.name} {ex.names} {ex.title}")}


def _heads(ex: Exercise) -> set[str]:
    """The last word of each of its names, stemmed ("bridge", "curl", "rdl")."""
    return {
        stem(found[-1])
        for name in (ex.name, ex.names, ex.title, *ex.also)
        if (found := _name_tokens(name))
    }


@dataclass(frozen=True)
class _Table:
    """Each exercise's words, read once per program (content version), not per request."""

    names: dict[str, set[str]]  # words of its spoken name: its length, the plainer on a tie
    named: dict[str, set[str]]  # those and its other names ("rdl")
    vocab: dict[str, set[str]]  # those and the words it is described with
    own: dict[str, set[str]]  # words of its names no other exercise is named or described by
    heads: dict[str, set[str]]  # the last word of each of its names ("bridge", "curl", "rdl")


_TABLES: dict[int, tuple[weakref.ref[Program], _Table]] = {}


def _table(program: Program) -> _Table:
    kept = _TABLES.get(id(program))
    if kept is not None and kept[0]() is program:
        return kept[1]
    exercises = list(program.exercises.values())
    names = {ex.id: _name_words(ex) for ex in exercises}
    named = {ex.id: names[ex.id] | _words(" ".join(ex.also), spoken=False) for ex in exercises}
    vocab = {ex.id: named[ex.id] | _words(" ".join(ex.heard), spoken=False) for ex in exercises}
    own = {
        i: {w for w in named[i] if not any(w in vocab[o] for o in vocab if o != i)} for i in named
    }
    heads = {ex.id: _heads(ex) for ex in exercises}
    table = _Table(names=names, named=named, vocab=vocab, own=own, heads=heads)
    for gone in [k for k, (ref, _) in _TABLES.items() if ref() is None]:
        del _TABLES[gone]  # an older content version's
    _TABLES[id(program)] = (weakref.ref(program), table)
    return table


def described(program: Program, said: str, named: bool = False) -> str | None:
    """The exercise id `said` clearly describes, or None. `named`: only with a word of its
    names or two of its words (a question's one descriptive word, "running" in "how does
    running fit in", names no exercise)."""
    spoken = _words(said)
    if not spoken:
        return None
    table = _table(program)
    scored: list[tuple[int, int, int, str]] = []
    for exercise_id, vocab in table.vocab.items():
        hits = spoken & vocab
        enough = len(hits) >= _ENOUGH or any(
            _names_alone(w, exercise_id, table) and (not named or w in table.named[exercise_id])
            for w in hits
        )
        if hits and enough:
            # More words matched wins; on a tie, more of them words of its names ("the
            # deadlift on one leg, the back leg goes up": "deadlift" is a name, "back" only
            # describes a bridge), then the plainer exercise (fewer name words: "nordic" is
            # the Nordic curl, not the ball-assisted one).
            named_hits = len(hits & table.named[exercise_id])
            scored.append((len(hits), named_hits, -len(table.names[exercise_id]), exercise_id))
    if not scored:
        return None
    # A name word only one exercise has decides, when only one such is said: "single leg
    # eccentric bridge" is the eccentric bridge's one-leg level, though "single", "leg" and
    # "bridge" all name the single-leg bridge; "nordic with a gym ball" the ball-assisted.
    # With another word of it said too: one such word in a long question can be chance.
    owning = {i for n, _, _, i in scored if n >= _ENOUGH and spoken & table.own[i]}
    if len(owning) == 1:
        return owning.pop()
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][:3] == scored[1][:3]:
        return None
    return scored[0][3]


def name_said(exercise: Exercise, said: str) -> bool:
    """Whether `said` holds the exercise's whole name of two words or more, in order ("the
    Nordic curl, who keeps my feet down", "that Romanian deadlift"), not its words apart
    ("pulled his calf ... the lower leg" is no straight-leg pull-down) or one alone
    ("bridge", "Romanian": a card game, a language)."""
    spoken = f" {' '.join(stem(w) for w in _WORD.findall(said.lower()))} "
    for name in (exercise.name, exercise.names):
        parts = [stem(w) for w in _WORD.findall(name.lower())]
        if len(parts) >= 2 and f" {' '.join(parts)} " in spoken:
            return True
    return False


def _names_alone(word: str, exercise_id: str, table: _Table) -> bool:
    """Whether one word is enough: a word of the name shared by at most one other exercise
    ("deadlift", "nordic", "rdl"), a whole name ("bridge"), or a word no other exercise has
    ("norwegian"). "Leg" or "curl", in many names, or "back", in many descriptions, is not."""
    others = [i for i in table.vocab if i != exercise_id]
    if not any(word in table.vocab[i] for i in others):
        return True
    if word not in table.named[exercise_id]:
        return False
    sharing = sum(word in table.named[i] for i in others)
    return sharing <= 1 or table.names[exercise_id] == {word}


@dataclass(frozen=True)
class HowToWords:
    """The words of a request to be walked through an exercise (content: `howto_requests`
    in the FAQ lexicon, so a locale can say its own).

    cues      phrases that ask for the steps wherever they are said ("walk me through",
              "technique", "how do i do", "the right way to")
    openers   the same said first, after a carrier phrase took "how" ("how {query}" leaves
              "do i do the bridge"): only at the start, where they cannot be a yes-no question
    blockers  a word that asks something else about the exercise: how often, how long, does
              it hurt, why, when, harder ("how long do I hold the bridge" is not its steps)
    clauses   words that, after an opener, start another question: "so I do sand sprints,
              can I keep running" tells what is done and asks something else
    this_cues requests about the exercise in hand, said in a workout ("how do I do", "what
              is", "what am I meant to be doing"), with only `this_one` words after them
    this_one  the words that point at it ("this", "this one", "it", "here")
    filler    words said around the request that change nothing ("um", "like", "mate")
    through   verbs of "walk someone through": with one or two words between the verb and
              "through" ("take grandpa through", "walk my son through") a request for the
              steps; with none ("run through it", "push through") it is not one
    details   phrases that start a detail of the steps after a whole request ("how do I do
              the bridge hold, and how high should my hips go"); `detail_words` are the
              blockers such a detail may hold ("how far", "how many seconds")
    name_first  (round 25) the most words an exercise said first may take before its
              detail ("the eccentric bridge, which part is slow"); `name_first_stops` are
              words that make such a detail another question ("bridges, how long should I
              keep doing them"); `name_first_asks` are words that start such a detail
              besides `details` ("the Romanian deadlift, knees bent or straight");
              `name_first_not` words that make the words before it a statement ("it
              twinges on the deadlifts", "is the eccentric the part where"), and
              `name_first_links` words that may join a name and its description;
              `weak_heads` last words of a name that name nothing alone ("pull-down")
    dose_first  (round 27) words that, said first, ask a dose ("how long", "how many"), and
    how_often   words that ask how often, and `pain_said` pain in words of its own ("it
              stings"): where any is said, the learned opinion may not walk anyone through
              an exercise (the rules answer those with the dose or the pain rule);
              `pain_free` phrases that ask to do it without pain ("without hurting my
              back"), which are no pain said
    """

    cues: tuple[str, ...] = ()
    openers: tuple[str, ...] = ()
    blockers: frozenset[str] = frozenset()
    clauses: frozenset[str] = frozenset()
    this_cues: tuple[str, ...] = ()
    this_one: frozenset[str] = frozenset()
    filler: frozenset[str] = frozenset()
    through: frozenset[str] = frozenset()
    details: tuple[str, ...] = ()
    detail_words: frozenset[str] = frozenset()
    name_first: int = 0
    name_first_stops: frozenset[str] = frozenset()
    name_first_asks: frozenset[str] = frozenset()
    name_first_not: frozenset[str] = frozenset()
    name_first_links: frozenset[str] = frozenset()
    weak_heads: frozenset[str] = frozenset()
    dose_first: tuple[str, ...] = ()
    how_often: frozenset[str] = frozenset()
    pain_said: tuple[str, ...] = ()
    pain_free: tuple[str, ...] = ()
    # (round 40) The side the steps are asked for ("how do I do it on the sore leg", "the
    # good side also?"): a place, not pain asked about, so its words are no blocker.
    sides: tuple[tuple[str, ...], ...] = ()
    # Stemmed once here, as the words they are compared with are, not on every question.
    weak_head_stems: frozenset[str] = field(init=False, repr=False, compare=False)
    link_stems: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "weak_head_stems", frozenset(stem(w) for w in self.weak_heads))
        object.__setattr__(self, "link_stems", frozenset(stem(w) for w in self.name_first_links))

    @classmethod
    def from_content(cls, item: Mapping[str, Iterable[object]]) -> HowToWords:
        def listed(key: str) -> tuple[str, ...]:
            # Longest first, so "how do i do" is taken out whole before "how do".
            return tuple(sorted((str(w).lower() for w in item.get(key, ())), key=len, reverse=True))

        return cls(
            cues=listed("cues"),
            openers=listed("openers"),
            blockers=frozenset(listed("blockers")),
            clauses=frozenset(listed("clauses")),
            this_cues=listed("this_cues"),
            this_one=frozenset(listed("this_one")),
            filler=frozenset(listed("filler")),
            through=frozenset(listed("through")),
            details=listed("details"),
            detail_words=frozenset(listed("detail_words")),
            name_first=int(str(item.get("name_first", 0))),
            name_first_stops=frozenset(listed("name_first_stops")),
            name_first_asks=frozenset(listed("name_first_asks")),
            name_first_not=frozenset(listed("name_first_not")),
            name_first_links=frozenset(listed("name_first_links")),
            weak_heads=frozenset(listed("weak_heads")),
            dose_first=listed("dose_first"),
            how_often=frozenset(listed("how_often")),
            pain_said=listed("pain_said"),
            pain_free=listed("pain_free"),
            sides=tuple(tuple(p.split()) for p in listed("sides")),
        )


def asked_how(program: Program, question: str, lexicon: Lexicon, known: HowToWords) -> str | None:
    """The exercise a question asks to be walked through ("so like how am I meant to do
    nordics", "what's the technique for the deadlift thing", "how does my client do an
    eccentric bridge"), or None: no request for the steps, a word that asks something else,
    or no exercise clearly named. Read after the red-flag check of the same words."""
    said = _said(question, lexicon, known)
    if not said:
        return None
    if any(w in known.blockers for w in said):
        return (
            _then_a_detail(program, said, known)
            or _named_then_detail(program, said, known)
            or _request_with_details(program, said, known)
        )
    # (round 22) A detail without a blocker can still hold a clause word after an opener
    # ("do I do the bridge hold, and also how high should my hips go": "should"), which
    # refuses the whole: the request before the detail is read alone then.
    return (
        _requested(program, said, known)
        or _then_a_detail(program, said, known)
        or _named_then_detail(program, said, known)
    )


def _request_with_details(program: Program, said: list[str], known: HowToWords) -> str | None:
    """(round 25) A request said first, its detail woven in with no phrase to start it
    ("how do I do the bridge where I lower down slowly over a few seconds"): the steps, when
    every blocker is a detail word and none is a stop. The request must open the question
    (after at most one word, "vale, how do I do ..."): "how long am I supposed to do the
    bridge hold" asks the dosage first."""
    if not known.name_first:
        return None
    text = f" {' '.join(said)} "
    lead = f" {' '.join(said[1:])} "
    # An opener counts only first: a carrier phrase took "how" ("how {query}").
    if not any(t.startswith(f" {cue} ") for cue in known.cues for t in (text, lead)) and not any(
        text.startswith(f" {opener} ") for opener in known.openers
    ):
        return None
    if any(w in known.name_first_stops for w in said):
        return None
    if any(w in known.blockers and w not in known.detail_words for w in said):
        return None
    return _strongly_named(program, said, _requested(program, said, known), known)


def _strongly_named(
    program: Program, said: list[str], exercise_id: str | None, known: HowToWords
) -> str | None:
    """The exercise, when the words hold the last word of one of its names ("bridge" of
    "eccentric bridge", "curl", "deadlift") or a name word that names it alone ("nordic",
    "rdl"), not only words that describe it or qualify a name ("ice on the back of my upper
    leg, how many minutes" names no single-leg bridge)."""
    if exercise_id is None or exercise_id not in program.exercises:
        return None
    ex = program.exercise(exercise_id)
    if ex.type == "run":
        # "Roadwork running, how much can I do": a run's detail is its dosage, which the
        # running answer gives; its steps are asked for by name ("walk me through the run").
        return None
    table = _table(program)
    spoken = _words(" ".join(said))
    heads = table.heads[exercise_id] - known.weak_head_stems
    strong = bool(spoken & heads) or any(
        w in table.named[exercise_id] and _names_alone(w, exercise_id, table) for w in spoken
    )
    return exercise_id if strong else None


def _named_then_detail(program: Program, said: list[str], known: HowToWords) -> str | None:
    """(round 25) An exercise said first, then a detail of its steps with no request word
    ("the bridge hold, how many seconds and how strong", "slow down bridge, how many seconds
    down", "the eccentric bridge, which part is slow, up or down"): the exercise is the
    subject and the detail asks how it is done, which its steps answer. Said the other way
    round ("how long do I hold the bridge") it stays a question of dosage for the matcher,
    as does a detail that asks anything else (a blocker that is no detail word: "the
    nordic, how many times a week"; or a stop: "bridges, how long should I keep at them")."""
    if not known.name_first:
        return None
    for at in range(1, min(len(said), known.name_first + 1)):
        tail = " ".join(said[at:])
        if said[at] not in known.name_first_asks and not any(
            tail == d or tail.startswith(f"{d} ") for d in known.details
        ):
            continue
        head, rest = said[:at], said[at:]
        if head[0] in known.name_first_asks or head[0] in known.name_first_not:
            return None  # a question or a story comes first ("what is eccentric, ...")
        if any(w in known.blockers or w in known.clauses for w in head):
            return None
        if any(w in known.name_first_stops for w in rest):
            return None
        if any(w in known.blockers and w not in known.detail_words for w in rest):
            return None
        named = described(program, " ".join(head), named=True)
        exercise_id = _strongly_named(program, head, named, known)
        if exercise_id is None:
            return None
        # The words before the detail are the exercise's name or description (after one
        # opener: "aigoo, slow down bridge"), as a subject is, with at most one word of
        # something else ("the static bridge, nei, heels close or far"); more make them a
        # place or a story ("walking to the bridge is two kilometres").
        allowed = _table(program).vocab[exercise_id] | known.link_stems
        body = head if _words(head[0]) <= allowed else head[1:]
        if any(w in known.name_first_not and w not in known.name_first_links for w in body):
            return None  # "confused, is the eccentric the part where ...": a question
        return exercise_id if len(_words(" ".join(body)) - allowed) <= 1 else None
    return None


def _then_a_detail(program: Program, said: list[str], known: HowToWords) -> str | None:
    """A whole request, then a detail of its steps ("how do I do the bridge hold and how
    high should my hips go"): the exercise the request names."""
    head = _before_detail(said, known)
    return None if head is None else _requested(program, head, known)


def _before_detail(said: list[str], known: HowToWords) -> list[str] | None:
    """The words before a detail of the steps, when those ask nothing else (no blocker) and
    the detail holds only `detail_words`; None when the words are not a request then a
    detail."""
    for at in range(1, len(said)):
        tail = " ".join(said[at:])
        if not any(tail == d or tail.startswith(f"{d} ") for d in known.details):
            continue
        head, rest = said[:at], said[at:]
        if any(w in known.blockers for w in head):
            return None  # the question asked something else before any detail
        if any(w in known.blockers and w not in known.detail_words for w in rest):
            return None
        return head
    return None


def before_detail(said: str, lexicon: Lexicon, known: HowToWords) -> str:
    """The words an exercise slot caught, without a detail of the steps asked after the name
    ("romanian deadlift how much should my knees bend" -> "romanian deadlift"), or as said
    when there is none."""
    words_said = _said(said, lexicon, known)
    head = _before_detail(words_said, known) if words_said else None
    return said if head is None else " ".join(head)


def _requested(program: Program, said: list[str], known: HowToWords) -> str | None:
    """The exercise words free of blockers ask to be walked through, or None."""
    text = f" {' '.join(said)} "
    rest = _without_through(said, known)
    for phrase in known.cues:
        rest = rest.replace(f" {phrase} ", " ")
    if rest == text:
        opener = next((p for p in known.openers if text.startswith(f" {p} ")), None)
        if opener is None:
            return None
        rest = text[len(opener) + 1 :]
        if any(w in known.clauses for w in rest.split()):
            return None
    # The request's own words are taken out: "walk" in "walk me through" is not a run.
    return described(program, rest, named=True)


def _without_through(said: list[str], known: HowToWords) -> str:
    """The words with "take grandpa through" / "walk my son through" taken out (the request
    and whom it is for), or as they were when no such request is said."""
    for at, word in enumerate(said):
        if word not in known.through:
            continue
        for gap in (1, 2):
            end = at + gap + 1
            if end < len(said) and said[end] == "through":
                return f" {' '.join(said[:at] + said[end + 1 :])} "
    return f" {' '.join(said)} "


def asked_about_this_one(question: str, lexicon: Lexicon, known: HowToWords) -> bool:
    """Whether a question asks how to do the exercise in hand, naming none ("so how do I do
    this one", "um what is this", "what am I meant to be doing here"): in a workout, its
    steps. A word beyond the request and "this" ("what is this pain") is another question."""
    said = _said(question, lexicon, known)
    if not said or any(w in known.blockers for w in said):
        return False
    text = f" {' '.join(said)} "
    cue = next((c for c in known.this_cues if text.startswith(f" {c} ")), None)
    if cue is None:
        return False
    rest = text[len(cue) + 1 :].split()
    return all(w in known.this_one for w in rest)


def asks_something_else(said: str, lexicon: Lexicon, known: HowToWords) -> bool:
    """Whether words a request frame carried ask something else about an exercise: "explain
    why the nordics hurt" or "show me how often to do bridges" came in as a request but
    asks how often or why, which a topic answers; its steps would not."""
    words_said = _said(said, lexicon, known)
    if not any(w in known.blockers for w in words_said):
        return False
    # (round 22) A name, then a detail of its steps ("the nordic how far down do I go"):
    # the steps answer it.
    return _before_detail(words_said, known) is None


def without_pain_free(question: str, known: HowToWords) -> str:
    """(round 27) The question with its asks to be spared pain taken out ("how do I do the
    Romanian deadlift without hurting my back" -> "... my back"): a request for the steps
    done safely says no pain."""
    plain = question.lower().replace("'", "").replace("\u2019", "")  # "doesn't" -> "doesnt"
    text = f" {' '.join(_WORD.findall(plain))} "
    for phrase in known.pain_free:
        text = text.replace(f" {phrase} ", " ")
    return text.strip()


def asks_a_dose(question: str, lexicon: Lexicon, known: HowToWords) -> bool:
    """(round 27) Whether a question asks a dose first ("how long do I hold the bridge hold
    for"), how often anywhere ("how do I do the nordic curl and how often") or says a pain
    in words of its own ("the deadlifts sting a bit"): the rules give those the dose or the
    pain rule on purpose, so the learned opinion must not walk them through."""
    said = _said(question, lexicon, known)
    text = f" {' '.join(said)} "
    return (
        any(text.startswith(f" {d} ") for d in known.dose_first)
        or any(w in known.how_often for w in said)
        or any(f" {p} " in text for p in known.pain_said)
    )


def _said(question: str, lexicon: Lexicon, known: HowToWords) -> list[str]:
    said = [w for w in joined_letters(words(question, lexicon)) if w not in known.filler]
    return _without_sides(said, known.sides)


def _without_sides(said: list[str], sides: tuple[tuple[str, ...], ...]) -> list[str]:
    """The words with each side named ("the sore leg", "my good side") taken out: where
    the steps are asked for, not what is asked about them (longest phrase first)."""
    if not sides:
        return said
    kept: list[str] = []
    i = 0
    while i < len(said):
        side = next((s for s in sides if tuple(said[i : i + len(s)]) == s), None)
        if side is None:
            kept.append(said[i])
            i += 1
        else:
            i += len(side)
    return kept
