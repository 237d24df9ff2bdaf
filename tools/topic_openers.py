"""Topic-first carriers, written into the topics' own intents from the FAQ lexicon.

    PYTHONPATH=lambda:. .venv/bin/python -m tools.topic_openers

(r28) "hike Lion Rock, okay or not", "pool running instead of real running, does that
help", "gaming chair all day, is that bad for the tendon": a sentence that opens with a
topic's word and no carrier phrase fell to Fallback, and no word of it reached the skill.
The words people use for each topic are already listed, in the lexicon's synonym groups
(content/en/faq_lexicon.yaml), so each phrase of a group becomes a literal carrier
"<phrase> {query}" in its topic's intent (interaction_models/topic_openers.yaml says which
group feeds which intent, and which words and phrases are left out, and why). The topic's
intent reads the rest as any question, red flags first (handlers/faq.py TopicIntentHandler).

A phrase whose first word starts a sample of any other intent is left out, so no sentence
another carrier takes can move. What this tool wrote last is kept in
interaction_models/topic_openers_written.yaml: it is taken out of the model before the
carriers are worked out again, so a run is idempotent and an edit to the lexicon or the
list moves only what it should (a unit test keeps the three in step).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tools.models import MODELS, SOURCE_LOCALE, render, source_model
from tools.world_openers import key

ROOT = Path(__file__).resolve().parent.parent
CONFIG = MODELS / "topic_openers.yaml"
# (YAML: the only JSON files there are the edited model sources.)
WRITTEN = MODELS / "topic_openers_written.yaml"
LEXICON = ROOT / "content" / "en" / "faq_lexicon.yaml"
# A carrier is a short phrase of plain words: what Alexa's samples allow, and long enough
# not to be a stray syllable ("aqua" yes, "ice" is hand-written already).
PLAIN = re.compile(r"[a-z][a-z' ]*")
MIN_CHARS = 4
MAX_WORDS = 3


def _config() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CONFIG.read_text("utf-8"))
    return data


def _groups() -> dict[str, list[str]]:
    items: dict[str, Any] = yaml.safe_load(LEXICON.read_text("utf-8"))["items"]
    groups: dict[str, list[str]] = items["synonyms"]["groups"]
    return groups


def written() -> dict[str, list[str]]:
    """What the tool wrote last, intent -> samples."""
    if not WRITTEN.exists():
        return {}
    data: dict[str, list[str]] = yaml.safe_load(WRITTEN.read_text("utf-8"))
    return data


def without_written(model: dict[str, Any], last: dict[str, list[str]]) -> dict[str, Any]:
    """The model with the carriers written last taken out of their intents."""
    for intent in model["interactionModel"]["languageModel"]["intents"]:
        gone = set(last.get(intent["name"], ()))
        if gone:
            intent["samples"] = [s for s in intent["samples"] if s not in gone]
    return model


def carriers(model: dict[str, Any]) -> dict[str, list[str]]:
    """Intent -> the topic-first carriers to add, in the lexicon's order, worked out from a
    model without them."""
    config = _config()
    groups = _groups()
    words = set(config["excluded_words"])
    phrases = set(config["excluded_phrases"])
    intents = model["interactionModel"]["languageModel"]["intents"]
    samples = {key(s) for i in intents for s in i["samples"]}
    starts: dict[str, set[str]] = {}
    for intent in intents:
        for sample in intent["samples"]:
            starts.setdefault(sample.lower().split()[0], set()).add(intent["name"])
    out: dict[str, list[str]] = {}
    for group, intent_name in config["groups"].items():
        for raw in [group, *groups[group]]:
            phrase = str(raw).lower().strip()
            said = phrase.split()
            if not PLAIN.fullmatch(phrase) or len(phrase) < MIN_CHARS or len(said) > MAX_WORDS:
                continue
            if phrase in phrases or words.intersection(said):
                continue
            if starts.get(said[0], set()) - {intent_name}:
                continue  # another intent's carrier starts so: a tie could move
            sample = f"{phrase} {{query}}"
            if key(sample) not in samples:
                samples.add(key(sample))  # once, even when two groups list the phrase
                out.setdefault(intent_name, []).append(sample)
    return out


def with_carriers(model: dict[str, Any], add: dict[str, list[str]]) -> dict[str, Any]:
    for intent in model["interactionModel"]["languageModel"]["intents"]:
        intent["samples"].extend(add.get(intent["name"], ()))
    return model


def main() -> None:
    model = without_written(source_model(), written())
    add = carriers(model)
    (MODELS / f"{SOURCE_LOCALE}.json").write_text(render(with_carriers(model, add)), "utf-8")
    header = "# Written by tools/topic_openers.py (do not edit): the carriers per intent.\n"
    WRITTEN.write_text(header + yaml.safe_dump(add, sort_keys=True, width=100), "utf-8")
    print(f"{sum(map(len, add.values()))} topic-first carriers in {len(add)} intents")


if __name__ == "__main__":
    main()
