"""The program content: schema, the clinical shape of the stages, and the interaction model."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from hamstring_coach.domain.program import Program, ProgramContentError
from hamstring_coach.domain.workout import SINCE_KEEP_DAYS
from tools.models import MODELS

SENTENCE = {"type": "string", "minLength": 3, "maxLength": 200}
LEVEL_SCHEMA = {
    "type": "object",
    "required": ["title", "how", "sets"],
    "properties": {
        "title": {"type": "string", "minLength": 3, "maxLength": 80},
        "how": SENTENCE,
        "sets": {"type": "integer", "minimum": 1, "maximum": 6},
        "reps": {"type": "integer", "minimum": 1, "maximum": 20},
        "tempo": {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 6}},
        "hold": {"type": "integer", "minimum": 10, "maximum": 60},
        "sides": {"enum": [1, 2]},
        "rest": {"type": "integer", "minimum": 0, "maximum": 180},
        "per_week": {"type": "integer", "minimum": 1, "maximum": 7},
        "plan": SENTENCE,
        "minutes": {"type": "integer", "minimum": 5, "maximum": 90},
    },
    "additionalProperties": False,
}
EXERCISE_SCHEMA = {
    "type": "object",
    "required": [
        "name",
        "names",
        "title",
        "type",
        "setup",
        "cue",
        "feel",
        "stop",
        "start_level",
        "levels",
    ],
    "properties": {
        "name": {"type": "string", "minLength": 3, "maxLength": 40},
        "names": {"type": "string", "minLength": 3, "maxLength": 40},
        "title": {"type": "string", "minLength": 3, "maxLength": 40},
        "type": {"enum": ["reps", "hold", "run"]},
        # Short spoken steps: a few, each one breath long.
        "setup": {"type": "array", "minItems": 3, "maxItems": 5, "items": SENTENCE},
        "cue": SENTENCE,
        "feel": SENTENCE,
        "stop": SENTENCE,
        "phases": {"type": "array", "minItems": 2, "items": {"type": "string"}},
        "start_level": {"type": "integer", "minimum": 0},
        "gap_days": {"type": "integer", "minimum": 0, "maximum": 3},
        "levels": {"type": "array", "minItems": 3, "items": LEVEL_SCHEMA},
        "heavy": {"type": "boolean"},
        "needs": {"type": "array", "minItems": 1, "items": {"enum": ["ball", "anchor"]}},
        "instead": {"type": "string"},
        "heard": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}},
        "also": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}},
    },
    "additionalProperties": False,
}
STAGE_SCHEMA = {
    "type": "object",
    "required": ["name", "summary", "exercises", "good_sessions"],
    "properties": {
        "name": {"type": "string", "minLength": 3, "maxLength": 60},
        "summary": {"type": "string", "minLength": 10, "maxLength": 300},
        "exercises": {"type": "array", "minItems": 2, "items": {"type": "string"}},
        "always": {"type": "array", "items": {"type": "string"}},
        "per_session": {"type": "integer", "minimum": 1},
        "good_sessions": {"type": "integer", "minimum": 1, "maximum": 4},
        "min_days": {"type": "integer", "minimum": 0, "maximum": 42},
        "level_days": {"type": "integer", "minimum": 0, "maximum": 14},
        "heavy_per_week": {"type": "integer", "minimum": 1, "maximum": 3},
        "between": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def program(content_source: dict[str, Any]) -> Program:
    en = content_source["en"]
    return Program.from_content(en["exercise"], en["stage"], en["pacing"])


def test_every_exercise_and_stage_matches_its_schema(content_source: dict[str, Any]) -> None:
    en = content_source["en"]
    for exercise_id, body in en["exercise"].items():
        try:
            jsonschema.validate(body, EXERCISE_SCHEMA)
        except jsonschema.ValidationError as err:
            pytest.fail(f"exercise {exercise_id}: {err.message}")
    for stage_id, body in en["stage"].items():
        jsonschema.validate(body, STAGE_SCHEMA)
        assert stage_id.isdigit()


def test_every_exercise_has_an_easier_and_a_harder_version(program: Program) -> None:
    for ex in program.exercises.values():
        assert 0 < ex.start_level < ex.top, ex.id


def test_stages_are_numbered_from_one_and_use_every_exercise(program: Program) -> None:
    assert sorted(program.stages) == list(range(1, len(program.stages) + 1))
    used = {e for s in program.stages.values() for e in s.exercises}
    # The exercises done without kit stand in for one of the stages' own.
    used |= {program.exercise(e).instead for e in used} - {None}  # type: ignore[arg-type]
    assert used == set(program.exercises)


def test_the_pace_follows_the_literature(program: Program) -> None:
    """Beyer 2015 / Kongsgaard 2009: heavy work 48 h apart, 2-3 a week, load about weekly;
    Goom 2016: about 12 weeks or more, no running before about week 8."""
    rules = program.pacing
    assert rules.heavy_gap_days == 2
    assert 0.5 < rules.most_done < 1
    assert (rules.break_level_days, rules.break_stage_days) == (7, 21)
    assert (rules.flare_score, rules.refer_score) == (6, 8)
    for number in (2, 3, 4):
        stage = program.stage(number)
        assert stage.level_days >= 7 and stage.heavy_per_week in (2, 3)
        assert all(program.exercise(e).type == "hold" for e in stage.between)
    # Level dates are kept only this long (the record stays small).
    assert all(s.level_days <= SINCE_KEEP_DAYS for s in program.stages.values())
    before_running = sum(program.stage(n).min_days for n in (1, 2, 3))
    assert before_running >= 7 * 8 - 1 == rules.steady_days["4"][0] - 1
    assert before_running + program.stage(4).min_days >= 12 * 7
    heavy = {e for e, ex in program.exercises.items() if ex.heavy}
    assert {"romanian_deadlift", "single_leg_rdl", "nordic_curl", "eccentric_bridge"} <= heavy
    assert not any(program.exercise(e).heavy for e in program.stage(1).exercises)
    for ex in program.exercises.values():
        if ex.instead:
            alt = program.exercise(ex.instead)
            assert alt.heavy == ex.heavy and not alt.needs, ex.id


def test_the_stages_follow_the_clinical_order(program: Program) -> None:
    # Isometric holds first (no compression), then low hip flexion, then deep hip flexion,
    # then running: the three key exercises of the guide are all in, placed by stage.
    assert all(program.exercise(e).type == "hold" for e in program.stage(1).exercises)
    assert program.introduced_in("eccentric_bridge") == 2
    assert program.introduced_in("assisted_nordic") == 2
    assert program.introduced_in("single_leg_rdl") == 3
    assert program.introduced_in("nordic_curl") == 3
    assert program.introduced_in("return_to_running") == program.last_stage
    for ex in program.exercises.values():
        if ex.type == "hold":
            assert all(30 <= lv.hold <= 45 for lv in ex.levels), ex.id


def test_eccentric_lowering_takes_three_to_five_seconds(program: Program) -> None:
    ex = program.exercise("eccentric_bridge")
    lower = ex.phases.index("and lower")
    assert [lv.tempo[lower] for lv in ex.levels[:3]] == [3, 4, 5]
    assert ex.levels[-1].sides == 2  # and it ends on one leg


def test_nordics_follow_the_common_build_up(program: Program) -> None:
    levels = program.exercise("nordic_curl").levels
    doses = [(lv.sets, lv.reps, lv.per_week) for lv in levels]
    # A short-range entry, then week 1: 1 x (2x5), week 2: 2 x (2x6), week 3: 3 x (3x6-8).
    assert doses[1:] == [(2, 5, 1), (2, 6, 2), (3, 6, 3)]
    assert program.exercise("nordic_curl").gap_days >= 2


def test_single_leg_deadlift_goes_from_body_weight_to_weighted(program: Program) -> None:
    titles = [lv.title for lv in program.exercise("single_leg_rdl").levels]
    assert "weight" not in titles[1] and "weight" in titles[2]


def test_running_carries_the_ten_percent_rule(program: Program) -> None:
    run = program.exercise("return_to_running")
    assert "ten percent" in run.cue
    assert "ten percent" in run.levels[-1].plan


def test_exercise_slot_values_are_the_exercise_ids(program: Program) -> None:
    model = json.loads((MODELS / "en-US.json").read_text("utf-8"))
    types = {t["name"]: t for t in model["interactionModel"]["languageModel"]["types"]}
    ids = {v["id"] for v in types["EXERCISE"]["values"]}
    assert ids == set(program.exercises)


def test_a_reps_level_without_a_tempo_for_every_phase_is_rejected() -> None:
    body = {
        "name": "x",
        "names": "xs",
        "title": "X",
        "type": "reps",
        "setup": ["a"],
        "cue": "c",
        "feel": "f",
        "stop": "s",
        "phases": ["up", "down"],
        "levels": [{"title": "t", "how": "h", "sets": 2, "reps": 5, "tempo": [1]}],
    }
    stage = {"1": {"name": "s", "summary": "s", "exercises": ["x"]}}
    with pytest.raises(ProgramContentError):
        Program.from_content({"x": body}, stage, {})
    with pytest.raises(ProgramContentError):
        Program.from_content({}, stage, {})
