"""Symptom-check content: schema, safety fields that locales may not change, outcome wording."""

from __future__ import annotations

import re
from typing import Any

import jsonschema

from hamstring_coach.domain import triage

QUESTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["group", "order", "ask", "because"],
    "properties": {
        "group": {"enum": ["red_flag", "compare"]},
        "order": {"type": "integer", "minimum": 1},
        # One short question a turn, answerable with yes, no or not sure.
        "ask": {"type": "string", "minLength": 10, "maxLength": 170, "pattern": r"\?$"},
        "level": {"enum": ["emergency", "urgent", "soon"]},
        "why": {"type": "string", "minLength": 10, "maxLength": 120},
        # "Why do you ask?" / "is that normal?" mid-check: one line, then the same question.
        "because": {"type": "string", "minLength": 10, "maxLength": 110},
        "row": {"type": "string"},
        "if_yes": {"enum": ["tendinopathy", "strain", None]},
        "if_no": {"enum": ["tendinopathy", "strain", None]},
        # A comparison question's own story words (domain/answers.story_answer).
        "said_yes": {"type": "array", "items": {"type": "string", "minLength": 3}},
        "said_no": {"type": "array", "items": {"type": "string", "minLength": 3}},
    },
    "allOf": [
        {
            # A red-flag question is never answered by story words: a story is read for red
            # flags, or the question is asked again.
            "if": {"properties": {"group": {"const": "red_flag"}}},
            "then": {
                "required": ["level"],
                "not": {
                    "anyOf": [
                        {"required": ["row"]},
                        {"required": ["said_yes"]},
                        {"required": ["said_no"]},
                    ]
                },
            },
        },
        {
            "if": {"properties": {"group": {"const": "compare"}}},
            "then": {"required": ["row", "if_yes", "if_no"], "not": {"required": ["level"]}},
        },
    ],
    "additionalProperties": False,
}

# What each outcome must tell the person to do next (every variant).
NEXT_STEPS = {
    "emergency": ("{emergency_number}", "emergency care"),
    "urgent": ("doctor", "{reason}"),
    "soon": ("book", "doctor or physio", "{reason}"),
    "self_care": ("exercise program", "check again"),
}
SAFETY_FIELDS = ("group", "level", "order", "if_yes", "if_no", "row")


def test_every_symptom_question_matches_the_schema(content_source: dict[str, Any]) -> None:
    for partition, kinds in content_source.items():
        for qid, body in kinds.get("symptom_question", {}).items():
            jsonschema.validate(body, QUESTION_SCHEMA), f"{partition}/{qid}"
            assert "<" not in body["ask"] and "&" not in body["ask"], qid


def test_the_english_questions_load_and_every_level_has_questions(
    content_source: dict[str, Any],
) -> None:
    questions = triage.load_questions(content_source["en"]["symptom_question"])
    levels = {q.level for q in questions.red_flags}
    assert levels == {triage.Level.EMERGENCY, triage.Level.URGENT, triage.Level.SOON}
    for q in questions.red_flags:
        if q.level is not triage.Level.EMERGENCY:
            assert q.why and not q.why.endswith("."), q.id  # it is said inside a sentence


def test_locales_may_reword_questions_but_never_change_their_safety_fields(
    content_source: dict[str, Any],
) -> None:
    base = content_source["en"].get("symptom_question", {})
    for partition, kinds in content_source.items():
        for qid, body in kinds.get("symptom_question", {}).items():
            for name in SAFETY_FIELDS:
                assert body.get(name) == base[qid].get(name), f"{partition}/{qid}.{name}"


def test_every_outcome_says_not_a_diagnosis_and_what_to_do_next(
    content_source: dict[str, Any],
) -> None:
    for partition, kinds in content_source.items():
        lines = kinds.get("line", {})
        for level, steps in NEXT_STEPS.items():
            key = f"triage.outcome.{level}"
            if key not in lines:
                assert partition != "en", f"missing {key}"
                continue
            for text in lines[key]["variants"]:
                assert "not a diagnosis" in text, f"{partition}/{key}: {text}"
                for step in steps:
                    assert step in text, f"{partition}/{key} lacks {step!r}: {text}"


def test_outcomes_and_stop_carry_the_emergency_number_where_they_must(
    content_source: dict[str, Any],
) -> None:
    lines = content_source["en"]["line"]
    for key in ("triage.outcome.emergency", "triage.stopped"):
        assert all("{emergency_number}" in v for v in lines[key]["variants"]), key
    # No outcome may name a fixed number: the locale's emergency_number line decides.
    for key, body in lines.items():
        if key.startswith("triage."):
            for text in body["variants"]:
                assert not re.search(r"\b(9-?1-?1|nine one one|999|112|000)\b", text), key
