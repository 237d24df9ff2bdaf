"""The world opener intents, written into the English model from a list of openers.

    PYTHONPATH=lambda:. .venv/bin/python -m tools.world_openers

(op23) People speak to the skill in many Englishes and often open with a word the model has
never seen: a greeting, a thanks, what they call the person ("qardash", "ntate", "janab"),
an exclamation ("achachay", "ostres", "wisha"), a discourse marker ("doncs", "matlab"),
then an ordinary question. A SearchQuery slot needs a literal carrier in front of it, so
such a sentence fell to Fallback and its words never reached the skill (201 of holdout22's
693 on-topic questions fell to Fallback, mostly so). Adding each test set's misses one by
one is never complete; interaction_models/world_openers.yaml is instead a broad list written
from general knowledge of world languages and Englishes, group by group.

Each entry becomes a literal carrier "<entry> {query}" in WorldOpenerIntent,
WorldOpener2Intent ... (at most 300 samples each), placed after every hand-written intent
(before the first-name openers, which tools/name_openers.py keeps last; no sample of the
one ever ties with the other, their first words differ) so every older carrier keeps its
ties. Their words route as the aside openers' do (handlers/faq.py ASIDE_OPENERS).

(round 31) The file's `tags` are said AFTER the question instead ("a good stretch never did
anybody any harm, is it no", "heat's better for old stuff like this, would it not"): each
becomes "{query} <tag>" in the same chunks, after every opener. A statement said first with
its tag last names no carrier of its own, so it fell to Fallback (holdout32: 20 of its 57
in-session Fallback misses ended so). A tag that is an answer alone (the file's `answers`:
"yes", "no") is never one: "{query} no" would take an answer's words into a question.

Ordinary English never becomes a world opener's first word (the file's `excluded` list,
the first words of the model's command and answer samples and of Amazon's built-in phrases:
"run me through it", "yeah I'm ready" must go where they went). An entry of two or more words
whose first word is not ordinary English (the `excluded` words and the skill's own English
words, unless `english_kept`) gives its first word alone too ("kia orana" -> "kia"), and so
does every multi-word aside opener already in the model ("X Y {query}" -> "X {query}").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from tools.models import MODELS, SOURCE_LOCALE, render

ROOT = Path(__file__).resolve().parent.parent
OPENERS = MODELS / "world_openers.yaml"
BUILTINS = ROOT / "local" / "builtin_utterances.json"
CONTENT = ROOT / "content" / "en"
PREFIX = "WorldOpener"
CAP = 300  # samples an intent (test_questions_model_limits.py)
CHUNKS = 18  # room for 5,400 carriers; the model holds at most 250 (249 now: 17 chunks filled)
NAMES = tuple(PREFIX + ("" if k == 1 else str(k)) + "Intent" for k in range(1, CHUNKS + 1))
# The groups of the file that are openers (the rest say what is not).
GROUPS = (
    "greetings",
    "courtesies",
    "vocatives_world",
    "vocatives_english",
    "exclamations",
    "discourse_markers",
    "phrases",
    "situations",
)
# (round 35) The file's `amounts` group is no list of openers but a number said first with
# its unit ("ten hours a day in the truck, ...", "six hour drive tomorrow, ...", "two sets
# done, ..."): every `numbers` entry with every unit, "one" with the singular units only
# and the `counts` ("a few") with the plural ones only. Numbers alone are answers (a pain
# score, a count), so no number is an opener by itself; with a unit after it, a sentence
# that fell to Fallback becomes a question.
AMOUNTS = "amounts"

# The hand-written opener intents whose multi-word samples lend their first word.
ASIDES = (
    "PoliteQuestionIntent",
    "AsideQuestionIntent",
    "AsideQuestionMoreIntent",
    "AsideQuestion3Intent",
    "AsideQuestion4Intent",
    "AsideQuestion5Intent",
)
# A first word lent alone has at least this many letters: one or two letters ("ke", "na",
# "te") are too easily heard in other words to stand for the phrase.
MIN_LENT = 3
SLOT = {"name": "query", "type": "AMAZON.SearchQuery"}
_ENTRY = re.compile(r"[a-z]+(?:'[a-z]+)*(?: [a-z]+(?:'[a-z]+)*)*")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
_SLOT_RE = re.compile(r"\{\w+\}")


def data() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(OPENERS.read_text("utf-8"))
    for group, listed in loaded.items():
        # YAML 1.1 reads a bare yes, no, on or off as a boolean: such words are quoted.
        entries = (
            [e for part in (listed or {}).values() for e in part or []]
            if group == AMOUNTS
            else listed
        )
        bad = [e for e in entries or [] if not isinstance(e, str)]
        if bad:
            raise ValueError(f"{group}: quote {bad!r} in {OPENERS.name}")
    return loaded


def key(sample: str) -> str:
    """How the model's tests compare two samples (case, apostrophes and spaces aside)."""
    return " ".join(sample.lower().replace("'", "").split())


def _opener_intent(name: str) -> bool:
    return name in ASIDES or name.startswith((PREFIX, "TheirName"))


def _words(text: str) -> Iterator[str]:
    yield from _WORD.findall(text.lower().replace("\u2019", "'"))


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def english_words(model: dict[str, Any]) -> set[str]:
    """The skill's own English: every word of its content and of its non-opener samples."""
    found: set[str] = set()
    for intent in model["intents"]:
        if _opener_intent(intent["name"]):
            continue
        for sample in intent.get("samples", []):
            found.update(_words(_SLOT_RE.sub(" ", sample)))
    for path in sorted(CONTENT.rglob("*.yaml")):
        for text in _strings(yaml.safe_load(path.read_text("utf-8"))):
            found.update(_words(text))
    return found


def command_starts(model: dict[str, Any]) -> set[tuple[str, ...]]:
    """How what is not a question starts: the literal words before the first slot of each
    sample of the intents with no SearchQuery slot (commands, answers, topics), and Amazon's
    built-in phrases ("yes", "next", "what can i ask")."""
    texts: list[str] = []
    for intent in model["intents"]:
        if any(s["type"] == "AMAZON.SearchQuery" for s in intent.get("slots", [])):
            continue
        texts += [s.split("{", 1)[0] for s in intent.get("samples", [])]
    builtins = json.loads(BUILTINS.read_text("utf-8"))["en"]["intents"]
    for phrases in builtins.values():
        texts += list(phrases)
    return {words for text in texts if (words := tuple(_words(text)))}


def begins_a_command(words: list[str], starts: set[tuple[str, ...]]) -> bool:
    """Whether an opener could be taken for a command: it starts with the first word of
    one, or (two words or more) it and a command's start of two words or more agree as far
    as both go ("ta ra" and "ta ra then"); "let me be precise" and "let me know" do not."""
    if len(words) == 1:
        return any(start[0] == words[0] for start in starts)
    return any(
        len(start) >= 2 and start[: len(words)] == tuple(words[: len(start)]) for start in starts
    )


def _entry(group: str, entry: object) -> str:
    """One entry of the file, lower-cased with single spaces; only letters and apostrophes."""
    text = " ".join(str(entry).lower().split())
    if not _ENTRY.fullmatch(text):
        raise ValueError(f"{group}: {entry!r} is not plain letters and apostrophes")
    return text


def entries(listed: dict[str, Any]) -> list[str]:
    """The file's openers in its order, each once."""
    seen: dict[str, None] = {}
    for group in GROUPS:
        for entry in listed.get(group) or []:
            seen.setdefault(_entry(group, entry), None)
    return list(seen)


def amounts(listed: dict[str, Any]) -> list[str]:
    """Each number of the `amounts` group with each of its units, in the file's order."""
    group = listed.get(AMOUNTS) or {}
    singular = [_entry(AMOUNTS, u) for u in group.get("singular") or []]
    plural = [_entry(AMOUNTS, u) for u in group.get("plural") or []]
    made = []
    for number in group.get("numbers") or []:
        said = _entry(AMOUNTS, number)
        units = singular if said == "one" else singular + plural
        made += [f"{said} {unit}" for unit in units]
    for count in group.get("counts") or []:  # "a few", never "a few hour"
        made += [f"{_entry(AMOUNTS, count)} {unit}" for unit in plural]
    return made


def present_carriers(model: dict[str, Any]) -> set[str]:
    """Every existing hand-written carrier, whatever its slot is called, as `key` compares
    it with "{}" for the slot ("bruh {statement}" is a symptom statement's carrier already:
    "bruh {query}" would only tie with it)."""
    return {
        key(_SLOT_RE.sub("{}", s))
        for i in model["intents"]
        if not i["name"].startswith(PREFIX)
        for s in i.get("samples", [])
    }


def aside_phrases(model: dict[str, Any]) -> list[str]:
    """The existing aside openers of two or more words said before the question."""
    found = []
    for intent in model["intents"]:
        if intent["name"] not in ASIDES:
            continue
        for sample in intent.get("samples", []):
            if not sample.endswith(" {query}") or "{" in sample[: -len(" {query}")]:
                continue
            words = sample[: -len(" {query}")].lower().split()
            if len(words) >= 2:
                found.append(" ".join(words))
    return found


def carriers(model: dict[str, Any], listed: dict[str, Any]) -> list[str]:
    """Every new carrier's words, in order: the file's entries, each phrase's first word
    after it, then the first words the model's own multi-word asides lend."""
    lm = model
    excluded = {str(w).lower() for w in listed.get("excluded") or []}
    kept = {str(w).lower() for w in listed.get("english_kept") or []}
    answers = {str(w).lower() for w in listed.get("answers") or []}
    starts = command_starts(lm)
    english = (english_words(lm) | excluded | answers) - kept
    present = present_carriers(lm)
    not_lent = {str(w).lower() for w in listed.get("not_lent") or []}
    made: dict[str, None] = {}

    def add(words: str) -> None:
        split = words.split()
        if split[0] in answers:
            return  # a yes or a no, whatever follows
        if len(split) == 1 and split[0] in english:
            return  # ordinary English alone: only ever part of a longer opener
        if begins_a_command(split, starts):
            return  # a command starts so
        if key(f"{words} {{}}") in present:
            return
        made.setdefault(words, None)

    def lend(phrases: Iterable[str]) -> None:
        for phrase in phrases:
            first = phrase.split()[0]
            if " " not in phrase or first in english or first in not_lent:
                continue
            if len(first.replace("'", "")) < MIN_LENT:
                continue  # "ke", "ni", "te": too short to stand for the phrase
            add(first)

    for entry in entries(listed):
        add(entry)
        lend([entry])
    lend(aside_phrases(lm))
    for amount in amounts(listed):
        add(amount)  # never lent: its first word is a number
    return list(made)


def tags(model: dict[str, Any], listed: dict[str, Any]) -> list[str]:
    """(round 31) "{query} <tag>" for each of the file's tags that no intent has already
    (whatever its slot is called) and that is not an answer alone."""
    answers = {str(w).lower() for w in listed.get("answers") or []}
    present = present_carriers(model)
    made: dict[str, None] = {}
    for entry in listed.get("tags") or []:
        text = _entry("tags", entry)
        if text in answers or key(f"{{}} {text}") in present:
            continue
        made.setdefault(f"{{query}} {text}", None)
    return list(made)


def intents(model: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    lm = model if model is not None else _source()["interactionModel"]["languageModel"]
    listed = data()
    samples = [f"{w} {{query}}" for w in carriers(lm, listed)] + tags(lm, listed)
    if len(samples) > CAP * len(NAMES):
        raise ValueError(f"{len(samples)} carriers: room for {CAP * len(NAMES)}")
    made = []
    for k, name in enumerate(NAMES):
        chunk = samples[k * CAP : (k + 1) * CAP]
        if chunk:
            made.append({"name": name, "slots": [dict(SLOT)], "samples": chunk})
    return made


def with_openers(model: dict[str, Any]) -> dict[str, Any]:
    """The model with the world openers (re)written after every hand-written intent, before
    the first-name openers."""
    lm = model["interactionModel"]["languageModel"]
    kept = [i for i in lm["intents"] if not i["name"].startswith(PREFIX)]
    at = next((n for n, i in enumerate(kept) if i["name"].startswith("TheirName")), len(kept))
    made = intents({**lm, "intents": kept})
    lm["intents"] = kept[:at] + made + kept[at:]
    return model


def _source() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((MODELS / f"{SOURCE_LOCALE}.json").read_text("utf-8"))
    return loaded


def main() -> None:
    path = MODELS / f"{SOURCE_LOCALE}.json"
    path.write_text(render(with_openers(_source())), "utf-8")


if __name__ == "__main__":
    main()
