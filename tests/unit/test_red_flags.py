"""The red-flag matcher (domain/red_flags.py) on the real content and on small rule sets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.red_flags import RedFlagContentError, RedFlags
from hamstring_coach.domain.triage import Level

PHRASINGS = yaml.safe_load((Path(__file__).parent / "faq_phrasings.yaml").read_text("utf-8"))
DEV = yaml.safe_load((Path(__file__).parents[1] / "eval" / "red_flags_dev.yaml").read_text("utf-8"))
BRIEF_ROWS = {
    # domain brief section 3, every row, and the check question each answers
    "saddle_numbness": "saddle_or_bladder",
    "bladder_bowel": "saddle_or_bladder",
    "both_legs": "both_legs",
    "breathless_swollen_leg": "chest",
    "chest_pain": "chest",
    "coughing_blood": "chest",
    "pop": "pop",
    "cannot_bear_weight": "weight_bearing",
    "large_bruise": "bruise_or_lump",
    "lump_gap_deformity": "bruise_or_lump",
    "leg_numb_tingle_weak": "nerve",
    "foot_drop": "nerve",
    "hot_swollen_limb": "hot_swollen_leg",
    "fever_unwell": "fever",
    "not_improving": "not_improving",
    "night_rest_pain": "night_pain",
    "weight_loss": "weight_or_cancer",
    "cancer_history": "weight_or_cancer",
    "new_pain_over_50": "new_over_50",
}


@pytest.fixture(scope="module")
def flags(content_source: dict[str, Any]) -> RedFlags:
    return red_flags.load(content_source["en"]["red_flag"])


def test_every_row_of_the_brief_is_a_flag_that_answers_a_check_question(
    flags: RedFlags, content_source: dict[str, Any]
) -> None:
    by_id = {f.id: f for f in flags.flags}
    questions = content_source["en"]["symptom_question"]
    for row, question in BRIEF_ROWS.items():
        assert row in by_id, row
        assert by_id[row].question == question, row
    for flag in flags.flags:
        assert flag.question in questions, flag.id
        assert questions[flag.question]["level"] == flag.level.key, flag.id


def test_dev_set_every_red_flag_at_its_level_and_no_false_alarm(flags: RedFlags) -> None:
    missed, mild = [], []
    for item in DEV["red_flags"]:
        found = flags.assess(item["text"])
        if found is None:
            missed.append(item["text"])
        elif found.level < Level.parse(item["level"]):
            mild.append(f"{item['text']}: {found.level.key}")
    alarms = [i["text"] for i in DEV["non_red_flags"] if flags.assess(i["text"])]
    assert not missed
    assert not mild
    assert not alarms


def test_faq_red_flag_questions_are_caught_at_their_level(flags: RedFlags) -> None:
    for level, questions in PHRASINGS["red_flags"].items():
        for question in questions:
            found = flags.assess(question)
            assert found is not None, question
            assert found.level >= Level.parse(level), question


def test_no_faq_phrasing_or_ordinary_question_raises_a_red_flag(
    flags: RedFlags, content_source: dict[str, Any]
) -> None:
    ordinary = [
        q for section in ("tuning", "held_out") for qs in PHRASINGS[section].values() for q in qs
    ]
    ordinary += [p for body in content_source["en"]["faq"].values() for p in body["phrasings"]]
    flagged = [q for q in ordinary if flags.assess(q) is not None]
    assert not flagged


def _rules() -> RedFlags:
    return red_flags.load(
        {
            "words": {
                "contractions": {"can't": "cannot", "isn't": "is not", "haven't": "have not"},
                "negators": ["no", "not", "never"],
                "boundaries": ["but", "and", "i"],
                "uncertain": ["not sure"],
            },
            "nerve": {"level": "urgent", "question": "nerve", "any": ["tingl*", "numb"]},
            "calf": {"level": "urgent", "all": [["swollen", "hot"], ["calf"]]},
            "walk": {"level": "urgent", "any": ["cannot ... walk"]},
            "bladder": {
                "level": "emergency",
                "any": ["bladder", "wet myself"],
                "except": ["bladder fine"],
            },
            "age": {"level": "soon", "all": [["am <50+>"], ["new"]]},
            "saddle": {"level": "emergency", "all": [["no feeling"], ["groin"]]},
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("there's tingling in my foot", "nerve"),
        ("my leg isn't numb", None),  # negation read
        ("no numbness", None),
        ("numb", "nerve"),
        ("I haven't wet myself", None),
        ("no swelling but my bladder is odd", "bladder"),  # a clause boundary stops "no"
        ("no I wet myself", "bladder"),  # "no, I ..." is an interjection, not a denial
        ("I'm not sure if I wet myself", "bladder"),  # doubt counts as yes
        ("my calf is swollen", "calf"),
        ("my ankle is swollen", None),  # needs both groups
        ("I can't walk", "walk"),  # a phrase carries its own negation
        ("I can’t really walk", "walk"),  # typographic apostrophe, a gap word
        ("numb, and my bladder is playing up", "bladder"),  # most urgent wins
        ("numbers", None),  # whole words only
        ("my bladder fine", None),  # an exception
        ("I am sixty two and it is new", "age"),
        ("I am 62 and it is new", "age"),
        ("I am 30 and it is new", None),
        ("there's no feeling in my groin", "saddle"),  # the flag's own "no" denies nothing
    ],
)
def test_rules_wildcards_gaps_negation_doubt_and_most_urgent_first(
    text: str, expected: str | None
) -> None:
    found = _rules().assess(text)
    assert (found.id if found else None) == expected


def test_content_that_cannot_be_read_safely_is_refused() -> None:
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "self_care", "any": ["a"]}})
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "urgent"}})
    with pytest.raises(RedFlagContentError):
        red_flags.load({"words": {"negators": [False]}, "x": {"level": "urgent", "any": ["a"]}})
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "urgent", "any": ["... a"]}})


@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text: str) -> None:
    found = _rules().assess(text)
    assert found is None or found.level >= Level.SOON


@given(
    st.lists(st.sampled_from(["no", "not", "but", "numb", "my", "leg", "i", "sure"]), max_size=12)
)
def test_adding_a_red_flag_clause_never_lowers_the_level(words: list[str]) -> None:
    # Over-triage beats under-triage: whatever came before, a new clause stating a red flag
    # is heard.
    rules = _rules()
    text = " ".join(words)
    assert rules.assess(f"{text} but I wet myself") is not None
