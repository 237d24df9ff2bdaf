"""FAQ content: schema, one-breath answers, and agreement with the interaction model."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hamstring_coach.domain.content import KINDS
from hamstring_coach.handlers.faq import CONDITION_COMPARE, SYMPTOM_CHECK
from tools.models import MODELS

FAQ_SCHEMA = {
    "type": "object",
    "required": ["name", "short", "long", "phrasings", "advice", "source"],
    "properties": {
        "name": {"type": "string", "minLength": 3, "maxLength": 40},
        "intent": {"type": "string", "pattern": "^[A-Z][A-Za-z]+Intent$"},
        "offer": {"enum": [SYMPTOM_CHECK, CONDITION_COMPARE]},
        # The words the intent's carriers stand for, when not the name (round 37).
        "carried_as": {"type": "string", "minLength": 3, "maxLength": 40},
        "about_the_condition": {"type": "boolean"},
        "advice": {"type": "boolean"},
        # Where the answer's facts come from (a section of the domain brief, a paper).
        "source": {"type": "string", "minLength": 10},
        "short": {"type": "string", "minLength": 40, "maxLength": 260},
        "long": {"type": "string", "minLength": 200, "maxLength": 900},
        "phrasings": {
            "type": "array",
            "minItems": 8,
            "uniqueItems": True,
            "items": {"type": "string", "minLength": 3, "maxLength": 120},
        },
    },
    "additionalProperties": False,
}
PHRASE_LIST = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 2}}
LEXICON_SCHEMA = {
    "type": "object",
    "properties": {
        "map": {"type": "object", "additionalProperties": {"type": "string"}},
        "words": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+( [a-z']+)*$"}},
        # workout_requests: the glue of a request, single words (domain/asks.py).
        "glue": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        "told": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        "then": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        "asking": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        # (round 36) asking: the words before a question word that make it a statement's.
        "not_after": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        "judged": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        # workout_requests (round 20): who else the workout may be asked for, and time said
        # to be short.
        "others": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+( [a-z']+)*$"}}
            # (round 40) off_topic's devices: off topic only when nothing else is ours.
            for key in ("short_of_time", "only_have", "doing", "surfaces", "devices", "sides")
        },
        "time_units": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        # (round 21) where the exercises are done: the links before a surface.
        "surface_links": {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}},
        # (round 21) "what should I do" about nothing named: its words, one of them needed.
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+$"}}
            for key in ("what_now", "what_now_needs")
        },
        # cleared_parts: single words said after or before another body part; and
        # treated_elsewhere: the had-words, treatments and links of another person's
        # treatment of another part (domain/faq.py).
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}}
            for key in ("after", "before", "owner", "own", "had", "treatment", "links")
        },
        # cleared_parts (round 33): phrases that point back at this problem after another
        # part it is compared with.
        "compared": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+( [a-z]+)*$"}},
        # cleared_parts (round 43): words that take back another part said just before.
        "corrected": {
            "type": "array",
            "items": {"type": "string", "pattern": "^[a-z]+( [a-z]+)*$"},
        },
        # treatment_time (round 34): a treatment's synonym group -> its topic, and the
        # topics a treatment named outranks.
        "topics": {"type": "object", "additionalProperties": {"type": "string"}},
        "over": {"type": "array", "items": {"type": "string", "pattern": "^[a-z_]+$"}},
        # answer_words: phrases of a yes, a no, "not sure", a correction, filler, pain, the
        # lead-ins said before an answer, and negations (domain/answers.py).
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+( [a-z]+)*$"}}
            for key in (
                "yes",
                "no",
                "unsure",
                "corrections",
                "filler",
                "pain",
                "leads",
                "partly",
                "partly_filler",
            )
        },
        "negations": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}},
        # howto_requests: phrases of a request for an exercise's steps, and the words that
        # ask something else (domain/program/naming.py asked_how); "filler" is above;
        # "through", the verbs of "take someone through" (round 18); "details" and
        # "detail_words", a detail of the steps asked after the request (round 22).
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+( [a-z]+)*$"}}
            for key in (
                "cues",
                "openers",
                "blockers",
                "clauses",
                "this_cues",
                "this_one",
                "through",
                "details",
                "detail_words",
                # (round 25) an exercise said first, then a detail of its steps
                "name_first_stops",
                "name_first_asks",
                "name_first_not",
                "name_first_links",
                "weak_heads",
                # (round 27) what the walkthrough's learned opinion leaves to the rules
                "dose_first",
                "how_often",
                "pain_said",
                "pain_free",
            )
        },
        "name_first": {"type": "integer", "minimum": 0},
        # clearance: who can let a person carry on, and what the go-ahead sounds like
        # (domain/clearance.py; its "blockers" are above), and the verbs that show a carrier
        # took the professional (round 20).
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+( [a-z]+)*$"}}
            for key in ("seers", "go_ahead", "subject_taken")
        },
        # pleasantries: courtesies said first or last, and commands said with them
        # (domain/pleasantries.py); "you're" keeps its apostrophe.
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z']+( [a-z']+)*$"}}
            for key in (
                "said_first",
                "said_last",
                "farewells",
                "expletives",
                "softeners",
                "wellbeing",
                "heard_again",
                # (conv18b) a stop said last and the words that bind it into the sentence;
                # the set judged too easy mid-workout and the words that keep the pain rule.
                "stop_last",
                "stop_bound",
                "too_easy",
                "easy_but",
            )
        },
        # stop_what (conv18): what a stop with words after it stops, like commands.
        "stop_what": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {"type": "string", "pattern": "^[a-z']+( [a-z']+)*$"},
            },
        },
        "commands": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {"type": "string", "pattern": "^[a-z']+( [a-z']+)*$"},
            },
        },
        "groups": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {"type": "string", "pattern": "^[a-z0-9']+( [a-z0-9']+)*$"},
            },
        },
        # frames: question frames by name, "..." for a few words of anything, and the words
        # that point at the person's own problem (domain/faq.py).
        "patterns": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "string",
                    "pattern": r"^([a-z']+|\.\.\.)( ([a-z']+|\.\.\.))*$",
                },
            },
        },
        # backstory: single speaker and reporting words, identity phrases (domain/faq.py).
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}}
            for key in ("references", "speakers", "reporting")
        },
        # identities, (round 20) pivots, where a ramble turns to its question, and (round
        # 35) the workout chatter said on the way to it: phrases.
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+( [a-z]+)*$"}}
            # (round 41) interruptions: the openers that break off, the words that pick up
            # again, and the phrases that pick up alone.
            for key in ("identities", "pivots", "chatter", "openers", "resumes", "alone")
        },
        # (round 44) lived_with: conditions said as context, and what of ours ties a
        # question to the hamstring when one is said.
        **{
            key: {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+( [a-z]+)*$"}}
            for key in ("conditions", "ours")
        },
    },
    "additionalProperties": False,
}
ONE_BREATH_WORDS = 36  # about twelve seconds read aloud
ONE_BREATH_SECONDS = 12.0
# Capitalised words allowed mid-sentence: the exercise's name and the acronyms said as
# letters (first aid, a scan, an injection).
PROPER_WORDS = {"Nordic", "Nordics", "R.I.C.E.", "R.I.C.E", "MRI", "PRP"}


@pytest.fixture(scope="module")
def en(content_source: dict[str, Any]) -> dict[str, Any]:
    return dict(content_source["en"])


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    text = (MODELS / "en-US.json").read_text("utf-8")
    return dict(json.loads(text)["interactionModel"]["languageModel"])


def test_faq_and_lexicon_items_match_their_schemas(en: dict[str, Any]) -> None:
    # The red-flag content has its own tests (tests/unit/test_red_flags.py).
    assert {"faq", "faq_lexicon"} <= set(KINDS)
    assert len(en["faq"]) >= 14
    for topic_id, body in en["faq"].items():
        jsonschema.validate(body, FAQ_SCHEMA), topic_id
    for item_id, body in en["faq_lexicon"].items():
        jsonschema.validate(body, LEXICON_SCHEMA), item_id
    assert {"contractions", "filler"} <= set(en["faq_lexicon"])


def test_treatment_time_names_synonym_groups_and_topics(en: dict[str, Any]) -> None:
    # (round 34) a treatment's group word and the topic it answers must both exist, or a
    # renamed group or topic would quietly switch the rule off.
    lexicon = en["faq_lexicon"]
    treatment = lexicon["treatment_time"]
    assert set(treatment["topics"]) <= set(lexicon["synonyms"]["groups"])
    assert {*treatment["topics"].values(), *treatment["over"]} <= set(en["faq"])


def test_topic_names_and_ids_are_unique(en: dict[str, Any]) -> None:
    names = [b["name"].lower() for b in en["faq"].values()]
    intents = [b["intent"] for b in en["faq"].values() if "intent" in b]
    assert len(set(names)) == len(names)
    assert len(set(intents)) == len(intents)


def test_one_topic_says_what_the_condition_is(en: dict[str, Any]) -> None:
    # (round 46) "what is it" after another topic's word is answered by that topic, so
    # exactly one topic may be the condition's own definition.
    assert [t for t, body in en["faq"].items() if body.get("about_the_condition")] == ["what_is_it"]


def test_advice_topics_and_offers_are_where_safety_needs_them(en: dict[str, Any]) -> None:
    topics = en["faq"]
    assert topics["see_doctor"]["offer"] == SYMPTOM_CHECK
    assert topics["tendinopathy_vs_strain"]["offer"] == CONDITION_COMPARE
    for topic_id in ("running", "stretching", "flare_up", "pain_relief", "pain_limits", "rest"):
        assert topics[topic_id]["advice"], topic_id


def test_flare_up_gives_both_the_first_aid_view_and_the_loading_view(en: dict[str, Any]) -> None:
    long = en["faq"]["flare_up"]["long"]
    assert "R.I.C.E." in long and "fifteen to twenty minutes" in long
    assert "rest by itself doesn't fix" in long  # the clinical reference's point
    assert "ten percent" in en["faq"]["prevention"]["short"]


def test_answers_carry_no_brand_names(en: dict[str, Any]) -> None:
    for topic_id, body in en["faq"].items():
        for text in (body["short"], body["long"]):
            for sentence in re.split(r"(?<=[.?!:])\s+", text):
                for raw in sentence.split()[1:]:
                    word = raw.rstrip(",;:?!")
                    if word[:1].isupper() and word not in PROPER_WORDS:
                        pytest.fail(f"{topic_id}: capitalised word {word!r} (a brand?)")


def test_short_answers_pass_the_one_breath_test(
    en: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for topic_id, body in en["faq"].items():
        assert len(body["short"].split()) <= ONE_BREATH_WORDS, topic_id
    espeak, soxi = shutil.which("espeak-ng"), shutil.which("soxi")
    if not espeak or not soxi:
        pytest.skip("espeak-ng and sox are not installed: word counts checked only")
    durations: dict[str, float] = {}
    for topic_id, body in en["faq"].items():
        wav = tmp_path / f"{topic_id}.wav"
        subprocess.run([espeak, "-w", str(wav), body["short"]], check=True)
        out = subprocess.run([soxi, "-D", str(wav)], check=True, capture_output=True, text=True)
        durations[topic_id] = float(out.stdout)
    with capsys.disabled():
        print("\nFAQ short answers read aloud (espeak-ng):")
        for topic_id, seconds in durations.items():
            print(f"    {topic_id:24} {seconds:4.1f} s")
    assert max(durations.values()) <= ONE_BREATH_SECONDS


def test_every_topic_intent_is_in_the_model_and_every_topic_has_a_spoken_name(
    en: dict[str, Any], model: dict[str, Any]
) -> None:
    intents = {i["name"]: i for i in model["intents"]}
    for topic_id, body in en["faq"].items():
        if "intent" in body:
            assert body["intent"] in intents, topic_id
            assert len(intents[body["intent"]]["samples"]) >= 6, topic_id
    types = {t["name"]: t for t in model["types"]}
    values = {v["id"]: v["name"]["value"].lower() for v in types["FAQ_TOPIC"]["values"]}
    assert values == {topic_id: body["name"].lower() for topic_id, body in en["faq"].items()}
    ordinals = {v["id"] for v in types["ORDINAL"]["values"]}
    assert ordinals == {"1", "2"}
    for name in ("TellMeMoreIntent", "QuestionIntent", "FaqTopicIntent", "OrdinalChoiceIntent"):
        assert intents[name]["samples"], name


def test_question_carrier_phrases_never_repeat_another_intents_sample(
    model: dict[str, Any],
) -> None:
    carriers = next(i for i in model["intents"] if i["name"] == "QuestionIntent")["samples"]
    literal = {
        s.lower() for i in model["intents"] if i["name"] != "QuestionIntent" for s in i["samples"]
    }
    for carrier in carriers:
        assert "{query}" in carrier and carrier.strip() != "{query}"
        assert carrier.lower() not in literal
