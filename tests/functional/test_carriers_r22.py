"""Round 22, after holdout22's one measurement: six of its missed red-flag statements fell to
Fallback (the words never reached the red-flag check), opened by an interjection ("ai",
"mmm", "ehh"), by "hate to say it but", by "asking for my husband", or said as a heavy or
tight chest with no carrier before it. The openers joined AsideQuestion4Intent, the chest
phrases ReportChestPainIntent. These tests use sentences written for them, through the
console's resolver into the real lambda_handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        ("asking for my wife, she can't feel anything between her legs since lunch", "emergency"),
        ("heaviness in my chest and my left calf is swollen", "emergency"),
        ("a tight pain in my chest and one calf is puffy", "emergency"),
        ("mmm, I felt a pop high in my hamstring when I sprinted", "doctor"),
        ("ai, I can't put any weight on my leg since I fell", "doctor"),
        ("hate to say it but both my legs have gone weak", "emergency"),
    ],
)
def test_a_red_flag_behind_these_openers_reaches_safety(
    fresh: Callable[[], TextSession], resolver: Resolver, statement: str, words: str
) -> None:
    assert resolver.resolve(statement).intent != FALLBACK
    reply = said(fresh(), statement).lower()
    assert words in reply or "nine one one" in reply, reply


@pytest.mark.parametrize("answer", ["mmm yes", "ehh no", "ai not sure"])
def test_an_interjection_before_a_short_answer_is_no_longer_lost(
    resolver: Resolver, answer: str
) -> None:
    # These fell to Fallback before; now the words reach the skill (the symptom check reads
    # yes, no and not sure inside a carried question).
    assert resolver.resolve(answer).intent != FALLBACK
