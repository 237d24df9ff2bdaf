"""The health-data gate: every field classified, decisions kept, scores and outcomes not."""

from __future__ import annotations

from dataclasses import fields
from itertools import product
from typing import Any, cast

import pytest

from hamstring_coach.adapters.progress_codec import decode, encode
from hamstring_coach.domain.health_data import (
    ASKED_ONLY_SESSION_KEYS,
    FIELD_CLASSES,
    PROGRAM_SESSION_KEYS,
    HealthData,
    may_speak_health,
    program_state,
)
from hamstring_coach.domain.program import Program
from hamstring_coach.domain.progress import UserProgress, day_number
from hamstring_coach.domain.progression import (
    ACCEPTABLE_MAX,
    COMPARES,
    PAIN_MAX,
    PAIN_MIN,
    MorningAnswer,
    during_decision,
    during_score,
    judge,
)
from hamstring_coach.domain.session_entry import FIELDS as SESSION_FIELDS
from hamstring_coach.domain.session_entry import SessionEntry
from hamstring_coach.domain.stats import Summary, pain_note
from hamstring_coach.settings import Settings, SettingsError


def test_every_field_of_the_record_is_classified_as_program_or_health() -> None:
    # A new field must be declared one or the other: unclassified, minimal would drop it.
    assert {f.name for f in fields(UserProgress)} == set(FIELD_CLASSES)


def test_every_field_of_a_session_entry_is_classified_once() -> None:
    # A new SessionEntry field must be declared program state or "asked only": unclassified,
    # minimal would drop it.
    assert PROGRAM_SESSION_KEYS | ASKED_ONLY_SESSION_KEYS == SESSION_FIELDS
    assert not PROGRAM_SESSION_KEYS & ASKED_ONLY_SESSION_KEYS


def test_a_record_saved_under_full_loses_its_health_fields_on_its_next_minimal_save() -> None:
    full = UserProgress(
        visits=3,
        stage=2,
        levels={"bridge": 2},
        streaks={"bridge": 1},
        sessions=[
            {
                "date": "2026-11-01",
                "exercises": ["bridge"],
                "sets_planned": 6,
                "sets_done": 6,
                "finished": True,
                "pain_during": 2,
            },
            {
                "date": "2026-11-02",
                "exercises": ["bridge"],
                "sets_done": 6,
                "pain_during": 3,
                "morning_check": 1,
                "verdict": "good",
            },
            # An undeclared key, as a feature that forgot to declare it would store it.
            cast(
                SessionEntry,
                {
                    "date": "2026-11-03",
                    "exercises": ["bridge"],
                    "sets_done": 2,
                    "pain_during": None,
                    "note": "x",
                },
            ),
        ],
        sessions_done=3,
        paused=True,
        screened=True,
    )
    assert decode(encode(full, HealthData.FULL)) == full  # a full deployment keeps it all
    then = decode(encode(decode(encode(full, HealthData.FULL))))  # the deployment switched
    assert [s.get("pain_during") for s in then.sessions] == [None, None, None]
    assert then.sessions[1]["morning_check"] is None and then.sessions[1]["verdict"] == "good"
    assert "note" not in then.sessions[2]  # undeclared: not kept
    assert then.paused and then.screened  # program decisions, no outcome behind them
    assert (then.stage, then.levels, then.streaks, then.sessions_done, then.visits) == (
        2,
        {"bridge": 2},
        {"bridge": 1},
        3,
        3,
    )


@pytest.mark.parametrize(
    "triage",
    [
        {"level": "emergency", "date": "2026-11-03"},
        {"level": "urgent", "date": "2026-11-03"},
        {"level": "paused", "date": "2026-11-03"},
    ],
)
def test_an_older_record_s_pausing_check_is_kept_as_a_pause_without_its_reason(
    triage: dict[str, str],
) -> None:
    old = UserProgress.from_dict({"visits": 2, "triage": triage})
    assert old.paused and "triage" not in old.to_dict()
    assert program_state(old, HealthData.MINIMAL).paused
    for calm in ("soon", "self_care"):
        assert not UserProgress.from_dict({"triage": {"level": calm, "date": "x"}}).paused


def test_the_decision_alone_judges_every_morning_as_the_score_did(
    content_source: dict[str, Any],
) -> None:
    # The minimal profile keeps what the pain during decided (`during_verdict`), not the
    # score; the next morning's verdict must be the same for every score, morning answer and
    # completeness.
    en = content_source["en"]
    rules = Program.from_content(en["exercise"], en["stage"], en["pacing"]).pacing
    scores = range(PAIN_MIN, PAIN_MAX + 1)
    answers = [MorningAnswer(c, n) for c in (None, *COMPARES) for n in (None, *scores)]
    for during, answer, complete in product(scores, answers, (True, False)):
        kept: SessionEntry = {"pain_during": None, "during_verdict": during_decision(during)}
        assert judge(during_score(kept), answer, complete, rules) == judge(
            during, answer, complete, rules
        ), (during, answer, complete)
    assert during_score({"pain_during": None}) is None  # declined: nothing to judge by
    assert during_decision(ACCEPTABLE_MAX + 1) == "reduce"


def test_pacing_state_is_program_state_and_kept_under_minimal() -> None:
    """Kit, level and stage dates, the step-back day and the heavy and light days are what
    the pace runs on: the minimal profile keeps them (the answers it does not)."""
    entry: SessionEntry = {
        "date": "2026-11-03",
        "exercises": ["romanian_deadlift"],
        "morning_check": "good",
    }
    progress = UserProgress(
        kit={"ball": False},
        since={"romanian_deadlift": day_number("2026-11-01")},
        stage_since="2026-10-20",
        resumed="2026-10-30",
        flare="2026-11-02",
        heavy=[day_number("2026-11-03")],
        light="2026-11-02",
        sessions=[entry],
    )
    kept = program_state(progress, HealthData.MINIMAL)
    assert kept.sessions[0] == {**entry, "morning_check": None}  # asked, the decision not kept
    assert (kept.kit, kept.since, kept.stage_since) == (progress.kit, progress.since, "2026-10-20")
    assert (kept.resumed, kept.flare) == ("2026-10-30", "2026-11-02")
    assert (kept.heavy, kept.light) == ([day_number("2026-11-03")], "2026-11-02")


def test_the_profile_comes_from_the_environment_and_a_typo_refuses_to_start() -> None:
    assert Settings.from_env({}).health_data is HealthData.MINIMAL
    full = Settings.from_env({"HEALTH_DATA": "full"})
    assert full.health_data is HealthData.FULL and not full.may_speak_health
    linked = Settings.from_env({"HEALTH_DATA": "FULL", "HEALTH_CONTROLS_IN_PLACE": "true"})
    assert linked.may_speak_health
    minimal = Settings.from_env({"HEALTH_DATA": "minimal", "HEALTH_CONTROLS_IN_PLACE": "1"})
    assert not minimal.may_speak_health  # nothing is stored to speak
    with pytest.raises(SettingsError):
        Settings.from_env({"HEALTH_DATA": "ful"})


def test_only_full_with_its_controls_in_place_speaks_stored_health_information() -> None:
    assert may_speak_health(HealthData.FULL, controls_in_place=True)
    assert not may_speak_health(HealthData.FULL, controls_in_place=False)
    assert not may_speak_health(HealthData.MINIMAL, controls_in_place=True)


def test_the_progress_report_says_plainly_what_it_cannot_tell() -> None:
    steady = Summary(4, 2, 1, 1, "steady", 2)
    unknown = Summary(1, 1, 1, 1, None, None)
    assert pain_note(steady, keeps_scores=False, speak_health=False)[0] == "progress.pain_not_kept"
    assert pain_note(unknown, keeps_scores=False, speak_health=False)[0] == (
        "progress.pain_not_kept"
    )
    assert pain_note(steady, keeps_scores=True, speak_health=False)[0] == (
        "progress.pain_not_spoken"
    )
    assert pain_note(steady, keeps_scores=True, speak_health=True) == ("progress.trend_steady", 2)
    assert pain_note(unknown, keeps_scores=True, speak_health=True) == ("", None)
