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

from hamstring_coach.domain.faq import stem  # one stemmer: "lowering" = "lowers" = "lower"
from hamstring_coach.domain.program.model import Exercise, Program

__all__ = ["described", "stem"]

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


def _words(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in _NOISE}


def _name_words(ex: Exercise) -> set[str]:
    # Every word of the name counts towards its length ("one-leg sliding curl" is longer
    # than "sliding leg curl"), though "one" said never picks it.
    text = f"{ex.name} {ex.names} {ex.title}".lower()
    return {stem(w) for w in _WORD.findall(text) if w not in ("a", "an", "the")}


def described(program: Program, said: str) -> str | None:
    """The exercise id `said` clearly describes, or None."""
    spoken = _words(said)
    if not spoken:
        return None
    exercises = list(program.exercises.values())
    names = {ex.id: _name_words(ex) for ex in exercises}
    vocab = {ex.id: names[ex.id] | _words(" ".join(ex.heard)) for ex in exercises}
    scored: list[tuple[int, int, str]] = []
    for ex in exercises:
        hits = spoken & vocab[ex.id]
        enough = len(hits) >= _ENOUGH or any(_names_alone(w, ex.id, names, vocab) for w in hits)
        if hits and enough:
            # More words matched wins; on a tie, the plainer exercise (fewer name words:
            # "nordic" is the Nordic curl, not the ball-assisted one).
            scored.append((len(hits), -len(names[ex.id]), ex.id))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
        return None
    return scored[0][2]


def _names_alone(
    word: str, exercise_id: str, names: dict[str, set[str]], vocab: dict[str, set[str]]
) -> bool:
    """Whether one word is enough: a word of the name shared by at most one other exercise
    ("deadlift", "nordic"), a whole name ("bridge"), or a word no other exercise has
    ("norwegian"). "Leg" or "curl", in many names, or "back", in many descriptions, is not."""
    others = [i for i in vocab if i != exercise_id]
    if not any(word in vocab[i] for i in others):
        return True
    if word not in names[exercise_id]:
        return False
    sharing = sum(word in names[i] for i in others)
    return sharing <= 1 or names[exercise_id] == {word}
