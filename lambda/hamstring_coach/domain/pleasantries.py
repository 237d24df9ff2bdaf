"""The courtesies around a question, taken off before it is read. Pure.

"Hiya Alexa, hope you're well, should I rest my hamstring completely, thanks a million":
a greeting, a pleasantry and a thank-you carry no topic, yet to the matcher "well" and
"million" are words like any other, and a carrier phrase (`hiya {query}`, `{query} thanks`)
brings them all in. Only what is said at the very start or the very end is taken off, one
courtesy after another, so "is it ok to walk, please" loses its "please" while "does the
morning stiffness matter" keeps "morning". What is left may be a command with a greeting in
front ("morning, start my workout", "hi, help"): `command` names the intent it is.

The words are content (`pleasantries` in the FAQ lexicon), so a locale can say its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Phrase = tuple[str, ...]

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def _key(text: str) -> Phrase:
    """Lower-case words without punctuation or apostrophes: "You're" -> "youre"."""
    text = text.lower().replace("\u2019", "'")
    return tuple(w.replace("'", "") for w in _WORD.findall(text))


def _phrases(listed: Iterable[object]) -> tuple[Phrase, ...]:
    found = {_key(str(p)) for p in listed}
    return tuple(sorted((p for p in found if p), key=lambda p: (-len(p), p)))


@dataclass(frozen=True)
class Pleasantries:
    # Said first: greetings, the wake word again, "hope you're well", "sorry to bother you".
    openers: tuple[Phrase, ...] = ()
    # Said last: thanks, "please", a word of address ("love", "mate") or a particle ("lah").
    closers: tuple[Phrase, ...] = ()
    # A whole request that is a command (intent name -> its phrases), read after the
    # courtesies are off: "good morning, start my workout" is the workout, not a question.
    commands: Mapping[Phrase, str] = field(default_factory=dict)
    # Said last, a goodbye: the person is leaving ("oh that's the kettle, bye for now").
    farewells: tuple[Phrase, ...] = ()

    @classmethod
    def from_content(cls, item: Mapping[str, object]) -> Pleasantries:
        def listed(key: str) -> Iterable[object]:
            value = item.get(key, ())
            return value if isinstance(value, list | tuple) else ()

        commands: dict[Phrase, str] = {}
        raw = item.get("commands", {})
        if isinstance(raw, Mapping):
            for intent, phrases in raw.items():
                for phrase in _phrases(phrases if isinstance(phrases, list) else ()):
                    commands.setdefault(phrase, str(intent))
        return cls(
            openers=_phrases(listed("said_first")),
            closers=_phrases(listed("said_last")),
            commands=commands,
            farewells=_phrases(listed("farewells")),
        )

    def plain(self, text: str) -> str:
        """The text without the courtesies at its start and end, as said otherwise (case
        and apostrophes kept); empty when it was nothing but courtesies."""
        spoken = _WORD.findall(text.replace("\u2019", "'"))
        keys = [w.lower().replace("'", "") for w in spoken]
        start, end = 0, len(keys)
        while start < end:
            said = _said_at(keys, start, end, self.openers)
            if said is None:
                break
            start += len(said)
        while start < end:
            said = _said_before(keys, start, end, self.closers)
            if said is None:
                break
            end -= len(said)
        if start == 0 and end == len(keys):
            return text.strip()
        return " ".join(spoken[start:end])

    def leaving(self, text: str) -> bool:
        """Whether the text ends with a goodbye (courtesies after it aside: "bye, thanks")."""
        keys = [w.lower().replace("'", "") for w in _WORD.findall(text.replace("\u2019", "'"))]
        end = len(keys)
        while end > 0:
            said = _said_before(keys, 0, end, self.closers)
            if said is None:
                break
            end -= len(said)
        return _said_before(keys, 0, end, self.farewells) is not None

    def command(self, text: str) -> str | None:
        """The intent a courtesy-free text asks for when it is a command, else None."""
        return self.commands.get(_key(text))


def _said_at(keys: Sequence[str], start: int, end: int, phrases: Sequence[Phrase]) -> Phrase | None:
    return next(
        (p for p in phrases if tuple(keys[start : start + len(p)]) == p and start + len(p) <= end),
        None,
    )


def _said_before(
    keys: Sequence[str], start: int, end: int, phrases: Sequence[Phrase]
) -> Phrase | None:
    return next(
        (p for p in phrases if end - len(p) >= start and tuple(keys[end - len(p) : end]) == p), None
    )
