"""The tail-carrier intents, written into the English model from a list of words.

    PYTHONPATH=lambda:. .venv/bin/python -m tools.tail_carriers

(q23) Each word of interaction_models/tail_words.yaml becomes a carrier said last,
"{query} it", LAST in the model, after the first-name openers, so a sentence any other
sample takes keeps its intent (the resolver breaks a tie of literal words by model order)
and only what fell to AMAZON.FallbackIntent changes.
- `words`: TailQuestionIntent (TailQuestionMoreIntent past 300 words). The words reach the
  checks as an aside opener's do: the slot alone, the carrier's word left off (the list
  holds only words whose loss changes nothing).
- `given_back`: one intent a family, Tail<Word>Intent ("{query} tingling" in TailNumbIntent);
  the skill puts the family's word back after the slot's words (`given_back`, read by the
  handlers from the intent's name), since a red flag needs it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from tools.models import MODELS, SOURCE_LOCALE, render

WORDS = MODELS / "tail_words.yaml"
# An intent holds at most 300 samples (test_questions_model_limits.py).
CAP = 300
INTENTS = ("TailQuestionIntent", "TailQuestionMoreIntent")
SLOT = {"name": "query", "type": "AMAZON.SearchQuery"}
# Tail<Word>Intent: the word a family gives back is in its intent's name.
GIVEN_BACK = re.compile(r"^Tail([A-Z][a-z]+)Intent$")


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(WORDS.read_text("utf-8"))
    return data


def words() -> list[str]:
    seen: dict[str, None] = {}
    for word in _data()["words"]:
        seen.setdefault(str(word).lower(), None)
    return list(seen)


def families() -> dict[str, list[str]]:
    """{word given back: the words said last that give it back}."""
    return {
        str(word).lower(): [str(w).lower() for w in said]
        for word, said in (_data().get("given_back") or {}).items()
    }


def intent_for(word: str) -> str:
    name = f"Tail{word.capitalize()}Intent"
    if not GIVEN_BACK.match(name) or name in INTENTS:
        raise ValueError(f"given-back word {word!r} makes no tail intent name")
    return name


# "{exercise} how": a slot and one word, whatever the slot's name.
_SLOT_THEN_WORD = re.compile(r"^\{\w+\} ([a-z']+)$")


def intents(taken: set[str]) -> list[dict[str, Any]]:
    """The tail intents. A word another intent already carries after a slot of its own
    ("{exercise} how") is left to it: the two samples would tie, and a slot and a word
    said last are that intent's."""
    made = []
    owned = {f"{{query}} {m.group(1)}" for s in taken if (m := _SLOT_THEN_WORD.match(s.lower()))}
    owned |= taken
    for word, said in families().items():
        samples = [s for s in (f"{{query}} {w}" for w in said) if s not in owned]
        owned.update(samples)
        if samples:
            made.append({"name": intent_for(word), "slots": [dict(SLOT)], "samples": samples})
    plain = [s for s in (f"{{query}} {w}" for w in words()) if s not in owned]
    if len(plain) > CAP * len(INTENTS):
        raise ValueError(f"{len(plain)} tail words: room for {CAP * len(INTENTS)}")
    for k, name in enumerate(INTENTS):
        chunk = plain[k * CAP : (k + 1) * CAP]
        if chunk:
            made.append({"name": name, "slots": [dict(SLOT)], "samples": chunk})
    return made


def is_tail(name: str) -> bool:
    return name in INTENTS or bool(GIVEN_BACK.match(name))


def with_tails(model: dict[str, Any]) -> dict[str, Any]:
    """The model with the tail intents (re)written last."""
    lm = model["interactionModel"]["languageModel"]
    lm["intents"] = [i for i in lm["intents"] if not is_tail(i["name"])]
    taken = {s for i in lm["intents"] for s in i.get("samples", [])}
    lm["intents"].extend(intents(taken))
    return model


def main() -> None:
    path = MODELS / f"{SOURCE_LOCALE}.json"
    path.write_text(render(with_tails(json.loads(path.read_text("utf-8")))), "utf-8")


if __name__ == "__main__":
    main()
