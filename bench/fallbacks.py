"""What never reaches the skill: readable questions and red-flag statements the local
resolver sends as AMAZON.FallbackIntent, counted by the KIND of opener (round 15).

Alexa sends no words with a Fallback, so no matcher downstream can help; the fix is a
carrier for the opener's kind (an interjection, a discourse marker, a time phrase...), not
a sample for the sentence. Each text is resolved twice, in session and one-shot ("ask
hamstring coach ..."), and howto questions that do not resolve to a walkthrough of their
exercise are counted too.

    PYTHONPATH=lambda:. python -m bench.fallbacks            # counts by kind
    PYTHONPATH=lambda:. python -m bench.fallbacks --show 40  # and the texts, per kind
    ... --against /tmp/hc-fallbacks/<old hash>.json  # what a model edit moved

`--against` lists every text an earlier model sent to an intent other than Fallback that
this model sends elsewhere: the check that a new carrier swallowed nothing (the resolver's
"most literal wins" rule, then earlier intents win ties).

Readable sets only (dev, dev9, holdout, holdout3..holdout15); never frozen or a held-out set
still held out. Results are cached per model (/tmp/hc-fallbacks/<hash>.json), so a second
run on the same model costs nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from local import resolver as r
from tests.eval import harness, questions_measure
from tools import faq_model
from tools.models import locale_model

# The sets the question model learns from: one list, moved on at each retirement.
READABLE = faq_model.READABLE
CACHE = Path("/tmp/hc-fallbacks")
HOWTO_INTENT = "ExerciseHowToIntent"


def _closed(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The opener's kind, by its first one to three words: closed classes, checked in order.
KINDS: Sequence[tuple[str, frozenset[str]]] = (
    (
        "interjection",
        _closed(
            "oh ah ahh aw ah um umm uh er erm hmm hm och ach ag aiyo aiya aiyah ayo eish ey "
            "hey hiya oi oy ooh ouch ow owww oww blimey crikey strewth jeez geez gosh wow "
            "whoa yikes ugh argh omg lol welp well duw jirre haibo yoh shame sheesh dang "
            "damn darn heck uff ope oof alamak walao wah ai haiya arre arrey"
        ),
    ),
    (
        "discourse",
        _closed(
            "so right ok okay alright anyway anyways look listen basically honestly actually "
            "like yeah yes yep yah ya aye no nah nope see thing quick just also plus now "
            "then still mind cause cuz kinda sorta please kindly sorry matlab"
        ),
    ),
    ("conjunction", _closed("and but or because cos coz though although if when while")),
    (
        "vocative",
        _closed(
            "mate dude bro bruv buddy love hun hon babe alexa coach doc yaar bhai beta cher "
            "boss guys man bredda fam sis sister brother auntie uncle mum mam ma pa y'all "
            "yall folks lads"
        ),
    ),
    (
        "dialect",
        _closed(
            "nowt owt summat reyt mi me ah ye yer ma wi cannae dinnae canna wha wetin dem "
            "dey di fi abeg na ain't aint innit gonnae wee ken lekker ja mos ekdum toh "
            "mein hai kya bas nuh yuh"
        ),
    ),
    (
        "time",
        _closed(
            "ever since after before during today yesterday tonight lately recently last "
            "this morning earlier past every sometimes always often few couple two three "
            "for over these week weeks month months year years night nights"
        ),
    ),
    (
        "question",
        _closed(
            "how what why when where which who whose is are am was were can could should "
            "would will do does did may might must shall any anything has have had"
        ),
    ),
    (
        "pronoun_verb",
        _closed(
            "i i'm i've i'd i'll my it it's its there there's there's that's this these "
            "those he she they we you your his her our their me mine myself"
        ),
    ),
)


def kind_of(text: str) -> str:
    """The kind of the opener: the first of the text's first three words that is in a
    closed class names it (so "um so I ..." is an interjection)."""
    words = r.tokens(text)[:3]
    for word in words:
        for kind, members in KINDS:
            if word in members:
                return kind
    return "other"


def _model_hash() -> str:
    digest = hashlib.sha256(json.dumps(locale_model("en-US"), sort_keys=True).encode())
    digest.update(r.BUILTINS_FILE.read_bytes())
    return digest.hexdigest()[:16]


def texts() -> list[dict[str, Any]]:
    """Every readable question and red-flag statement, with its set, group and one-shot."""
    found: list[dict[str, Any]] = []
    for name in READABLE:
        if name in questions_measure.SETS:
            for q in questions_measure.load_set(name):
                group = {"red_flag": "rf_question", "howto": "howto", "off_topic": "off_topic"}
                found.append(
                    {
                        "set": name,
                        "group": group.get(q.label, "question"),
                        "text": q.text,
                        "one_shot": q.one_shot,
                        "exercise": q.exercise,
                    }
                )
        if name in harness.SETS:
            red, _calm = harness.load(name)
            for s in red:
                found.append(
                    {
                        "set": name,
                        "group": "rf_statement",
                        "text": s.text,
                        "one_shot": f"ask hamstring coach {s.text}",
                        "exercise": None,
                    }
                )
    return found


def resolve_all(items: Sequence[dict[str, Any]]) -> dict[str, list[str | None]]:
    """text -> [intent, exercise slot id], cached per model."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{_model_hash()}.json"
    cache: dict[str, list[str | None]] = json.loads(path.read_text()) if path.exists() else {}
    # local.resolver indexes its samples itself (round 15, ci15): no prefilter of our own.
    resolver = r.Resolver.for_locale("en-US")
    for item in items:
        for text in (item["text"], item["one_shot"]):
            if text not in cache:
                found = resolver.resolve(text)
                cache[text] = [found.intent or found.request_type, found.slot_id("exercise")]
    path.write_text(json.dumps(cache))
    return cache


def _exercise_ok(wanted: str | None, got: str | None) -> bool:
    # The sets' exercise labels name the walkthroughs that are right for them.
    right = questions_measure.load_labels()["howto"].get(wanted or "", [])
    return got in right


def moved(resolved: dict[str, list[str | None]], against: Path) -> list[str]:
    """Texts an earlier model placed (not Fallback) that this model places elsewhere."""
    before: dict[str, list[str | None]] = json.loads(against.read_text())
    return [
        f"{old[0]} -> {resolved[text][0]}  {text}"
        for text, old in before.items()
        if text in resolved and old[0] != r.FALLBACK and resolved[text] != old
    ]


def report(show: int, against: Path | None = None) -> None:
    items = texts()
    resolved = resolve_all(items)
    if against is not None:
        lines = moved(resolved, against)
        print(f"moved from a non-Fallback intent: {len(lines)}")
        print("\n".join(lines))
    totals: Counter[tuple[str, str]] = Counter()
    falls: Counter[tuple[str, str]] = Counter()
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    howto: Counter[str] = Counter()
    howto_misses: list[str] = []
    for item in items:
        for way, text in (("in_session", item["text"]), ("one_shot", item["one_shot"])):
            intent, exercise = resolved[text]
            totals[(item["group"], way)] += 1
            if intent == r.FALLBACK:
                falls[(item["group"], way)] += 1
                if item["group"] == "off_topic":
                    continue  # a Fallback is right for "play some music"
                kind = kind_of(item["text"])
                by_kind[kind][way] += 1
                if way == "in_session":
                    examples[kind].append(f"[{item['set']}/{item['group']}] {item['text']}")
            if item["group"] == "howto":
                right = intent == HOWTO_INTENT and _exercise_ok(item["exercise"], exercise)
                howto[f"{way}:{'walkthrough' if right else 'other'}"] += 1
                if not right and way == "in_session":
                    howto_misses.append(f"{item['text']}  -> {intent} {exercise}")
    print("Fallbacks by group (in session / one-shot, of all):")
    for group in ("rf_statement", "rf_question", "question", "howto", "off_topic"):
        s, o = falls[(group, "in_session")], falls[(group, "one_shot")]
        print(f"  {group:13} {s:5} / {o:5}  of {totals[(group, 'in_session')]}")
    print("Fallbacks by opener kind, on-topic and red flags (in session / one-shot):")
    for kind, ways in sorted(by_kind.items(), key=lambda kv: -kv[1]["in_session"]):
        print(f"  {kind:13} {ways['in_session']:5} / {ways['one_shot']:5}")
    print(
        "Howto resolved to a walkthrough of the right exercise: "
        f"in session {howto['in_session:walkthrough']}/{totals[('howto', 'in_session')]}, "
        f"one-shot {howto['one_shot:walkthrough']}/{totals[('howto', 'one_shot')]}"
    )
    if show:
        for kind, lines in examples.items():
            print(f"\n== {kind} ({len(lines)})")
            print("\n".join(lines[:show]))
        print(f"\n== howto not resolved to its walkthrough ({len(howto_misses)})")
        print("\n".join(howto_misses[:show]))


def main(argv: Sequence[str] | None = None) -> None:  # pragma: no cover - a console entry
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--show", type=int, default=0, help="list up to N texts per kind")
    parser.add_argument("--against", type=Path, help="an earlier cache file to compare with")
    args = parser.parse_args(argv)
    report(args.show, args.against)


if __name__ == "__main__":  # pragma: no cover
    main()
