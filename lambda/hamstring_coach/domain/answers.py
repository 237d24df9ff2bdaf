"""Whether what a person said to a yes-or-no question is a yes, a no, or "not sure".

People answer in their own words: a yes wrapped in a story ("yes go on, I've got time
before lunch"), a no with a reason ("no, we took the old bench to the tip"), or a mind
changed half-way ("yes, no wait, no"; "no, actually yes, it was gradual"). Alexa brings
such answers in through a carrier phrase as a statement; this module reads its polarity:

- "not sure" words anywhere make it unsure (the symptom check counts that as a yes);
- a correction ("wait", "sorry", "I mean", "actually", "hang on") makes the LAST yes or no
  said the answer: the person corrected themselves;
- otherwise the answer is the first yes or no, and only when it opens the sentence (after
  filler such as "well", "oh", "hmm", or a lead-in that says an answer is coming: "let me
  think, I'm gonna say no", "I'd have to say no"): "no" in the middle of a story is not an
  answer;
- or, failing that, a yes or no that opens the clause after "but": "my wife thinks so, but
  no, not really" (round 9: the answer said last, after what someone else thinks).

The words are content (`answer_words` in the FAQ lexicon), so a locale can say its own.
Pure. The caller reads red flags in the same words FIRST (a yes in a story must never hide
a red flag in that story) and decides whether a yes-or-no question is open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from hamstring_coach.domain.phrases import Phrase, longest_first, scan

Polarity = Literal["yes", "no", "unsure"]

_NON_WORD = re.compile(r"[^a-z0-9 ]+")


def _tokens(text: str) -> tuple[str, ...]:
    text = text.lower().replace("\u2019", "").replace("'", "").replace("-", " ")
    return tuple(_NON_WORD.sub(" ", text).split())


def phrases(values: Iterable[object]) -> tuple[tuple[str, ...], ...]:
    """Content's phrases as the words they are read as, longest first."""
    found = {_tokens(str(v)) for v in values}
    # Longest first, so "why not" is read before "not" and "no way" before "no".
    return tuple(sorted((p for p in found if p), key=len, reverse=True))


@dataclass(frozen=True)
class AnswerWords:
    # Every yes and no phrase with what it says, longest first (a yes before a no of the
    # same length).
    answers: tuple[tuple[Phrase, Polarity], ...] = ()
    unsure: tuple[tuple[str, ...], ...] = ()
    corrections: tuple[tuple[str, ...], ...] = ()
    filler: frozenset[str] = frozenset()
    # Lead-ins that announce the answer ("I'd say", "let me think"): like filler, they may
    # come before it.
    leads: tuple[tuple[str, ...], ...] = ()
    # Words of pain: mid-workout, a yes or no that talks about pain is about the exercise
    # in hand (the pain rule answers it), not a bare answer.
    pain: frozenset[str] = frozenset()
    # Words that deny or negate ("not", "wasnt"): a story with one in it answers no
    # question by its own words (story_answer).
    negations: frozenset[str] = frozenset()
    # (Round 21) The answers with a sign said to be there in part ("a little bit", "on and
    # off", "only sometimes"), and the words that may stand before one ("only", "just"):
    # read as yes only where a sign's presence is asked (`polarity(..., partly=True)`).
    with_partly: tuple[tuple[Phrase, Polarity], ...] = ()
    partly_filler: frozenset[str] = frozenset()

    @classmethod
    def from_content(cls, item: Mapping[str, Iterable[object]]) -> AnswerWords:
        yes: list[tuple[Phrase, Polarity]] = [(p, "yes") for p in phrases(item.get("yes", ()))]
        no: list[tuple[Phrase, Polarity]] = [(p, "no") for p in phrases(item.get("no", ()))]
        partly: list[tuple[Phrase, Polarity]] = [
            (p, "yes") for p in phrases(item.get("partly", ()))
        ]
        return cls(
            answers=longest_first(yes + no),
            with_partly=longest_first(yes + no + partly),
            partly_filler=frozenset(w for p in phrases(item.get("partly_filler", ())) for w in p),
            unsure=phrases(item.get("unsure", ())),
            corrections=phrases(item.get("corrections", ())),
            filler=frozenset(w for p in phrases(item.get("filler", ())) for w in p),
            leads=phrases(item.get("leads", ())),
            pain=frozenset(w for p in phrases(item.get("pain", ())) for w in p),
            negations=frozenset(w for p in phrases(item.get("negations", ())) for w in p),
        )


def _at(said: tuple[str, ...], i: int, phrase: tuple[str, ...]) -> bool:
    return said[i : i + len(phrase)] == phrase


def _contains(said: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(_at(said, i, p) for p in phrases for i in range(len(said)))


def story_answer(
    text: str,
    said_yes: tuple[tuple[str, ...], ...],
    said_no: tuple[tuple[str, ...], ...],
    negations: frozenset[str],
) -> Polarity | None:
    """A story that answers one question in that question's own words ("well it crept up on
    me over a couple of months" to "did it build up slowly?"), for when no plain yes or no
    was said: the side whose words alone are in it. None when both sides' are, when neither
    is, or when anything in it is negated ("it wasn't gradual"): then the question is asked
    again, as before.

    >>> up, sudden = phrases(["crept up", "gradually"]), phrases(["all of a sudden"])
    >>> story_answer("well it crept up on me", up, sudden, frozenset({"not", "wasnt"}))
    'yes'
    >>> story_answer("it wasnt gradual, more all of a sudden", up, sudden, frozenset({"wasnt"}))
    >>> story_answer("it crept up then all of a sudden got worse", up, sudden, frozenset())
    """
    said = _tokens(text)
    if negations & set(said):
        return None
    yes, no = _contains(said, said_yes), _contains(said, said_no)
    if yes == no:
        return None
    return "yes" if yes else "no"


def _lead_in(
    said: tuple[str, ...], known: AnswerWords, extra: frozenset[str] = frozenset()
) -> bool:
    """Only filler and lead-ins ("hmm, let me think, I'd say"): nothing of a story."""
    i = 0
    while i < len(said):
        if said[i] in known.filler or said[i] in extra:
            i += 1
            continue
        lead = next((p for p in known.leads if _at(said, i, p)), None)
        if lead is None:
            return False
        i += len(lead)
    return True


# The word after which a yes or no may open the clause that answers ("he thinks so, but no").
_BUT = "but"


def polarity(text: str, known: AnswerWords, partly: bool = False) -> Polarity | None:
    """The answer in `text`, or None when it gives none (see the module's rules). With
    `partly`, a sign said to be there in part is a yes ("only a little bit, in the
    mornings" to "any numbness?"): a safety question counts half a sign as one.

    >>> words = AnswerWords.from_content({"yes": ["yes", "why not"], "no": ["no", "not"],
    ...     "unsure": ["not sure"], "corrections": ["wait", "i mean"], "filler": ["well"]})
    >>> polarity("well yes, go on, I've got time before lunch", words)
    'yes'
    >>> polarity("yes, no wait, no", words), polarity("no, I mean yes", words)
    ('no', 'yes')
    >>> polarity("why not, I've nowhere to be", words), polarity("yes or no, not sure", words)
    ('yes', 'unsure')
    >>> polarity("my neighbour said no", words) is None
    True
    >>> words = AnswerWords.from_content({"yes": ["yes"], "no": ["no", "not really"],
    ...     "filler": ["hmm", "well"], "leads": ["let me think", "im gonna say", "id say"]})
    >>> polarity("let me think, I'm gonna say no", words), polarity("hmm, I'd say yes", words)
    ('no', 'yes')
    >>> polarity("well my husband thinks so but no, not really", words)
    'no'
    >>> polarity("my neighbour said no but", words) is None
    True
    >>> words = AnswerWords.from_content({"yes": ["yes"], "no": ["no", "not"],
    ...     "partly": ["a little bit", "on and off"], "partly_filler": ["only"]})
    >>> polarity("only a little bit in the mornings", words, partly=True)
    'yes'
    >>> polarity("only a little bit in the mornings", words) is None
    True
    >>> polarity("not a little bit", words, partly=True)
    'no'
    """
    said = _tokens(text)
    if _contains(said, known.unsure):
        return "unsure"
    hits = scan(said, known.with_partly if partly else known.answers)
    if not hits:
        return None
    if _contains(said, known.corrections):
        return hits[-1][1]
    extra = known.partly_filler if partly else frozenset()
    start, answer = hits[0]
    if _lead_in(said[:start], known, extra):
        return answer
    for at, answer in hits:
        # The clause after the last "but" before this answer holds nothing else.
        buts = [i for i in range(at) if said[i] == _BUT]
        if buts and _lead_in(said[buts[-1] + 1 : at], known, extra):
            return answer
    return None


def about_pain(text: str, known: AnswerWords) -> bool:
    return not known.pain.isdisjoint(_tokens(text))
