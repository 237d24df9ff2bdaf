"""Whether a sentence says a professional has seen the person and let them carry on. Pure.

A pause after an urgent or emergency sign is lifted only by the person ("I've been
checked"), and people say it in their own words: "the physio saw me on Thursday, she said
nothing's torn and I'm cleared to do my exercises", "I went to the sports doctor, she did
the scan, I can do the exercises". No sample can list those, and read as a question they
were answered with a topic while the hold stayed on: a trap, since the person had done
what was asked. A sentence that names a professional and a go-ahead is that lifting.

The reading is strict on purpose (a hold lapsing is the worse mistake): any denial, future
or hope anywhere in the sentence ("she hasn't said I can", "I'm seeing the physio on
Monday, hopefully she'll say I'm fine") leaves the hold on, and the person can still say
"I've been checked". The red-flag reading of the same words comes first (the caller's job).
The words are content (`clearance` in the FAQ lexicon), so a locale can say its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hamstring_coach.domain.phrases import Phrase, longest_first, scan, words_of


@dataclass(frozen=True)
class ClearanceWords:
    # Who can let the person carry on: "doctor", "physio", "GP", "consultant", and places
    # said in several words ("A and E", "urgent care", "the walk-in centre").
    seers: tuple[tuple[Phrase, str], ...] = ()
    # What letting them carry on sounds like: "cleared", "fine to", "go ahead", "all clear".
    go_ahead: tuple[tuple[Phrase, str], ...] = ()
    # Any of these anywhere keeps the hold: a denial, a future, a hope, a condition.
    blockers: frozenset[str] = frozenset()
    # Said first, these show that a carrier took the professional who is their subject
    # ("my physio {query}" leaves "saw me yesterday and said I can exercise"): no person
    # says "I saw me", so the one who saw them was named.
    subject_taken: frozenset[Phrase] = frozenset()

    @classmethod
    def from_content(cls, item: Mapping[str, Iterable[object]]) -> ClearanceWords:
        def listed(key: str) -> frozenset[str]:
            return frozenset(w for p in item.get(key, ()) for w in words_of(str(p)))

        phrases = {words_of(str(p)): "go" for p in item.get("go_ahead", ()) if words_of(str(p))}
        return cls(
            seers=longest_first(
                (w, "seer") for p in item.get("seers", ()) if (w := words_of(str(p)))
            ),
            go_ahead=longest_first(phrases.items()),
            blockers=listed("blockers"),
            subject_taken=frozenset(
                w for p in item.get("subject_taken", ()) if (w := words_of(str(p)))
            ),
        )

    def took_subject(self, text: str | None) -> bool:
        """The words start where a professional, their subject, was taken away."""
        words = words_of(text or "")
        return any(words[: len(p)] == p for p in self.subject_taken)


def says_cleared(text: str | None, known: ClearanceWords, seer_named: bool = False) -> bool:
    """A professional named (in the words, or by the carrier they came in: `seer_named`), a
    go-ahead said, and nothing that denies or defers it.

    >>> w = ClearanceWords.from_content({"seers": ["physio", "doctor"],
    ...     "go_ahead": ["cleared", "can do the exercises"], "blockers": ["not", "will"]})
    >>> says_cleared("the physio saw me, I'm cleared to train again", w)
    True
    >>> says_cleared("I went to the doctor, she says I can do the exercises", w)
    True
    >>> says_cleared("the physio has not cleared me", w), says_cleared("I'm cleared", w)
    (False, False)
    >>> says_cleared("the doctor will see me, then I can do the exercises", w)
    False
    >>> says_cleared("says I can do the exercises", w, seer_named=True)
    True
    >>> w = ClearanceWords.from_content({"seers": ["a and e"], "go_ahead": ["all clear"]})
    >>> says_cleared("I went to A and E, all clear", w), says_cleared("a clear day and e", w)
    (True, False)
    """
    words = words_of(text or "")
    if not words or known.blockers.intersection(words):
        return False
    if not seer_named and not scan(words, known.seers):
        return False
    return any(True for _ in scan(words, known.go_ahead))
