"""The courtesies around a question, taken off before it is read. Pure.

"Hiya Alexa, hope you're well, should I rest my hamstring completely, thanks a million":
a greeting, a pleasantry and a thank-you carry no topic, yet to the matcher "well" and
"million" are words like any other, and a carrier phrase (`hiya {query}`, `{query} thanks`)
brings them all in. Only what is said at the very start or the very end is taken off, one
courtesy after another, so "is it ok to walk, please" loses its "please" while "does the
morning stiffness matter" keeps "morning". What is left may be a command with a greeting in
front ("morning, start my workout", "hi, help"): `command` names the intent it is.

Round 10: a command is also read through the words that carry no request at all, which
people put round and inside one: a swear word anywhere ("next bloody set", "sod this, I'm
stopping"), and a softener at either end ("ok let's give it a go", "what's this skill
then", "lol that's easy"). Only to name a command: a question keeps every word (a red
flag's "bloody" is the matcher's, and it reads the words first).

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
    # Round 10: swear words, dropped anywhere when a command is read ("start my bloody
    # workout"); softeners, dropped at either end ("alright", "then", "lol", "exactly").
    expletives: tuple[Phrase, ...] = ()
    softeners: tuple[Phrase, ...] = ()
    # Round 10: how someone is, said back to a greeting or an offer ("fine thanks", "not bad
    # cheers"): a pleasantry, not a question or an answer to the offer.
    wellbeing: tuple[Phrase, ...] = ()
    # Round 10: a question about what was just said ("did you say ten", "was that eight"):
    # the person asks to hear it again, not a score or a topic.
    heard_again: tuple[Phrase, ...] = ()
    # (conv18) What a stop said with words after it stops, named by the words' first ones
    # ("stop reminding me, I'll remember": the reminders): phrase -> intent.
    stop_what: Mapping[Phrase, str] = field(default_factory=dict)
    # (conv18b) A stop said last, after what the person had to say ("okay I'll ring the
    # surgery for both of us, stop now"): leaving, like a goodbye. Alexa sends no commas,
    # so the word before it tells an ending from a stop inside the sentence: after one of
    # `stop_bound` ("should I stop now", "I can't stop now", "when I stop there") the stop
    # is what the sentence is about, and the session stays open.
    stop_last: tuple[Phrase, ...] = ()
    stop_bound: frozenset[str] = frozenset()
    # (conv18b) Mid-workout, the set judged too easy in a sentence of the person's own ("mate
    # this is way too easy, chuck me onto the nordics"): "harder", not the pain rule. Any
    # of `easy_but` in the same words (a pain word, a "not") leaves it to the pain rule.
    too_easy: tuple[Phrase, ...] = ()
    easy_but: frozenset[str] = frozenset()

    @classmethod
    def from_content(cls, item: Mapping[str, object]) -> Pleasantries:
        def listed(key: str) -> Iterable[object]:
            value = item.get(key, ())
            return value if isinstance(value, list | tuple) else ()

        def by_intent(key: str) -> dict[Phrase, str]:
            found: dict[Phrase, str] = {}
            raw = item.get(key, {})
            if isinstance(raw, Mapping):
                for intent, phrases in raw.items():
                    for phrase in _phrases(phrases if isinstance(phrases, list) else ()):
                        found.setdefault(phrase, str(intent))
            return found

        return cls(
            openers=_phrases(listed("said_first")),
            closers=_phrases(listed("said_last")),
            commands=by_intent("commands"),
            farewells=_phrases(listed("farewells")),
            expletives=_phrases(listed("expletives")),
            softeners=_phrases(listed("softeners")),
            wellbeing=_phrases(listed("wellbeing")),
            heard_again=_phrases(listed("heard_again")),
            stop_what=by_intent("stop_what"),
            stop_last=_phrases(listed("stop_last")),
            stop_bound=frozenset(w for p in _phrases(listed("stop_bound")) for w in p),
            too_easy=_phrases(listed("too_easy")),
            easy_but=frozenset(w for p in _phrases(listed("easy_but")) for w in p),
        )

    def stopped(self, text: str) -> str | None:
        """(conv18) The intent a stop's words name by their first words ("reminding me, I'll
        remember" -> the reminders' stop), or None (a plain stop).

        >>> Pleasantries(stop_what={("reminding",): "ReminderStopIntent"}).stopped(
        ...     "reminding me, I'll remember")
        'ReminderStopIntent'
        """
        keys = list(_key(text))
        said = _said_at(keys, 0, len(keys), tuple(self.stop_what))
        return self.stop_what[said] if said is not None else None

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
        if _said_before(keys, 0, end, self.farewells) is not None:
            return True
        stop = _said_before(keys, 0, end, self.stop_last)
        if stop is None:
            return False
        before = end - len(stop) - 1
        return before < 0 or keys[before] not in self.stop_bound

    def says_too_easy(self, text: str) -> bool:
        """(conv18b) Whether the words judge the exercise too easy, with no pain word or
        "not" anywhere in them (those keep the pain rule: over-caution is the safe side).

        >>> p = Pleasantries(too_easy=(("too", "easy"),), easy_but=frozenset({"not", "hurts"}))
        >>> p.says_too_easy("mate this is way too easy, chuck me onto the nordics")
        True
        >>> p.says_too_easy("it's too easy but it hurts"), p.says_too_easy("it's not too easy")
        (False, False)
        """
        keys = _key(text)
        for i in range(len(keys)):
            said = _said_at(keys, i, len(keys), self.too_easy)
            if said is not None:
                # The judgement's own words ("not hard enough") are no pain word or "not".
                rest = keys[:i] + keys[i + len(said) :]
                return not any(k in self.easy_but for k in rest)
        return False

    def command(self, text: str) -> str | None:
        """The intent a courtesy-free text asks for when it is a command, else None. Swear
        words anywhere and softeners at the ends are no part of the command ("ok next
        bloody set then"); what is left must still be a whole command."""
        keys = _key(text)
        found = self.commands.get(keys)
        if found is not None:
            return found
        bare = self.bare(keys)
        return self.commands.get(bare) if bare and bare != keys else None

    def bare(self, keys: Phrase) -> Phrase:
        """The words without swear words anywhere, courtesies and softeners at the ends."""
        words = list(keys)
        for phrase in self.expletives:
            words = _without(words, phrase)
        ends = (*self.softeners, *self.openers)
        start, end = 0, len(words)
        while start < end and (said := _said_at(words, start, end, ends)) is not None:
            start += len(said)
        tail = (*self.softeners, *self.closers)
        while start < end and (said := _said_before(words, start, end, tail)) is not None:
            end -= len(said)
        return tuple(words[start:end])

    def empty(self, text: str) -> bool:
        """Whether the words are only courtesies and softeners ("hi", "so", "ok then")."""
        return not self.bare(_key(text))

    def how_i_am(self, text: str) -> bool:
        """Whether the words are only how the person is ("fine thanks", "good, cheers")."""
        bare = self.bare(_key(text))
        return bool(bare) and bare in self.wellbeing

    def asks_again(self, text: str) -> bool:
        """Whether the words ask what was just said ("did you say ten", "you said eight?")."""
        bare = self.bare(_key(text))
        return any(bare[: len(p)] == p for p in self.heard_again)


def _without(words: list[str], phrase: Phrase) -> list[str]:
    """`words` with every occurrence of `phrase` taken out."""
    out: list[str] = []
    at = 0
    while at < len(words):
        if tuple(words[at : at + len(phrase)]) == phrase:
            at += len(phrase)
        else:
            out.append(words[at])
            at += 1
    return out


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
