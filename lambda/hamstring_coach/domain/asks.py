"""Whether a question is really a request for today's workout.

People ask for their exercises in words no sample can list ("what have I got on today",
"can we start my rehab", "should I do my exercises today"), and a carrier phrase brings
those words in as a question, where the matcher would read "exercises" as how often to do
them, or name three topics. A question made only of workout words and the glue of a
request is asked for today's exercises instead; one word beyond them ("how OFTEN", "does it
HURT") leaves it to the matcher. The words are content (`workout_requests` in the FAQ
lexicon), so a locale can say its own.

Round 10: such a request that asks to be TOLD ("could you tell me what my exercises are",
"which exercises have I got today", "my exercises for today") is answered with the plan
itself, as "what are today's exercises" is; one that asks to DO them ("should I do my
exercises today", "can we start") is still offered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hamstring_coach.domain.faq import Lexicon, said_words
from hamstring_coach.domain.phrases import Phrase, longest_first, scan, words_of


@dataclass(frozen=True)
class WorkoutWords:
    wanted: frozenset[str] = frozenset()
    glue: frozenset[str] = frozenset()
    # Words that ask to be told what is on ("what", "which", "tell", "list").
    told: frozenset[str] = frozenset()
    # Words that start a clause about the rest of the day ("before we go to the shops"), and
    # the first words of a question, which keep their clause (round 11).
    then: frozenset[str] = frozenset()
    asking: frozenset[str] = frozenset()
    # Words that ask for a judgement in that clause ("... is that ok", "... better").
    judged: frozenset[str] = frozenset()
    # Round 20: words that ask for the workout for someone else ("take my mum through her
    # exercises", "can you do his workout with him").
    others: frozenset[str] = frozenset()
    # Round 20: time said to be short ("I'm in a rush today", "I've only got ten minutes"):
    # phrases that say it alone, and "only have" / "only got" said with a unit of time.
    short_of_time: tuple[tuple[Phrase, bool], ...] = ()
    only_have: tuple[tuple[Phrase, bool], ...] = ()
    time_units: frozenset[str] = frozenset()
    # Round 21: "what should I do now", asked about nothing named.
    what_now: frozenset[str] = frozenset()
    what_now_needs: frozenset[str] = frozenset()
    # Round 21: where the exercises are done ("can I do it on the bed").
    doing: tuple[tuple[Phrase, int], ...] = ()  # each with its length
    surface_links: frozenset[str] = frozenset()
    surfaces: tuple[tuple[Phrase, bool], ...] = ()

    @classmethod
    def from_content(cls, item: Mapping[str, Iterable[object]]) -> WorkoutWords:
        def listed(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in item.get(key, ()))

        def phrases(key: str) -> tuple[tuple[Phrase, bool], ...]:
            return longest_first((w, True) for p in item.get(key, ()) if (w := words_of(str(p))))

        return cls(
            wanted=listed("words"),
            glue=listed("glue"),
            told=listed("told"),
            then=listed("then"),
            asking=listed("asking"),
            judged=listed("judged"),
            others=listed("others"),
            short_of_time=phrases("short_of_time"),
            only_have=phrases("only_have"),
            time_units=listed("time_units"),
            doing=longest_first(
                (w, len(w)) for p in item.get("doing", ()) if (w := words_of(str(p)))
            ),
            surface_links=listed("surface_links"),
            what_now=listed("what_now"),
            what_now_needs=listed("what_now_needs"),
            surfaces=phrases("surfaces"),
        )


def asks_for_workout(question: str, lexicon: Lexicon, known: WorkoutWords) -> bool:
    """A workout word, and nothing but workout words, request glue and filler; or a request
    said as a statement with a clause about the rest of the day after it."""
    if _only_workout_words(question, lexicon, known):
        return True
    head = _before_other_clause(question, known)
    return head is not None and _only_workout_words(head, lexicon, known)


def _before_other_clause(question: str, known: WorkoutWords) -> str | None:
    """The words before a clause that starts with a `then` word, unless the request is asked
    as a question; None when there is no such clause."""
    words = question.lower().split()
    if not words or words[0] in known.asking:
        return None
    for i, word in enumerate(words[1:], start=1):
        if word in known.then:
            # "I do my exercises before running, is that ok": the clause asks a question.
            if any(w in known.asking or w in known.judged for w in words[i + 1 :]):
                return None
            return " ".join(words[:i])
    return None


def _only_workout_words(question: str, lexicon: Lexicon, known: WorkoutWords) -> bool:
    said = said_words(question, lexicon)
    # "Today" is filler to the matcher (it names no topic) but asks for the day's workout.
    if known.wanted.isdisjoint(said):
        return False
    return all(w in known.wanted or w in known.glue or w in lexicon.filler for w in said)


def short_of_time(question: str, known: WorkoutWords) -> bool:
    """Time said to be short today: "I'm in a rush", "not much time", or "only have" /
    "only got" with a unit of time ("I've only got ten minutes"). The caller has already
    heard pain in the words (which says it is about a symptom, not the clock)."""
    words = words_of(question)
    if scan(words, known.short_of_time):
        return True
    return bool(scan(words, known.only_have)) and not known.time_units.isdisjoint(words)


def asks_what_now(question: str, known: WorkoutWords) -> bool:
    """ "What should I do", "what now", "so what am I meant to do": only such words, with a
    doing or a now in them, and nothing to say what about.

    >>> w = WorkoutWords.from_content({"what_now": ["what", "should", "i", "do", "now"],
    ...     "what_now_needs": ["do", "now"]})
    >>> asks_what_now("should I do", w), asks_what_now("what should I do about sitting", w)
    (True, False)
    """
    words = set(words_of(question))
    return bool(words) and words <= known.what_now and not known.what_now_needs.isdisjoint(words)


def on_a_surface(question: str, known: WorkoutWords) -> bool:
    """Asks where to do the exercises: a doing word, then "on" or "in" at most one word on,
    with at most two words between it and a surface ("do these on a sofa", "exercise in
    bed", "do my bridges on the carpet"). Read after pain and red flags, which say the
    question is a symptom's.

    >>> w = WorkoutWords.from_content({"doing": ["do it", "exercises"], "surface_links":
    ...     ["on", "in"], "surfaces": ["bed", "sofa"]})
    >>> on_a_surface("can I do it on the bed", w), on_a_surface("sitting on the sofa", w)
    (True, False)
    >>> on_a_surface("should I do it after lying in bed all day", w)
    False
    """
    words = words_of(question)
    for at, length in scan(words, known.doing):
        end = at + length
        for i in range(end, min(end + 2, len(words))):
            if words[i] not in known.surface_links:
                continue
            for gap in (1, 2, 3):
                if scan(words[i + gap : i + gap + 3], known.surfaces)[:1] == [(0, True)]:
                    return True
    return False


def for_someone_else(question: str, known: WorkoutWords) -> bool:
    """A workout request that names someone else as the one exercising."""
    return not known.others.isdisjoint(words_of(question))


def asks_what_is_on(question: str, lexicon: Lexicon, known: WorkoutWords) -> bool:
    """A request for today's workout that asks to be told it, not to start it: a word of
    telling ("what", "which", "tell"), or the workout named with "my" first and nothing to
    do with it ("my exercises for today")."""
    if not asks_for_workout(question, lexicon, known):
        return False
    said = said_words(question, lexicon)
    if not known.told.isdisjoint(said):
        return True
    words = question.lower().split()
    return bool(words) and words[0] == "my" and {"start", "begin"}.isdisjoint(said)
