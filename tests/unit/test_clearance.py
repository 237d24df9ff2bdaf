"""A professional's go-ahead said in the person's own words (domain/clearance.py), on the
content's own word lists: strict, since a hold that lapses is the worse mistake."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_coach.domain.clearance import ClearanceWords, says_cleared


@pytest.fixture(scope="module")
def known(content_source: dict[str, Any]) -> ClearanceWords:
    return ClearanceWords.from_content(content_source["en"]["faq_lexicon"]["clearance"])


@pytest.mark.parametrize(
    "said",
    [
        "the physio had a look and said I'm fine to carry on",
        "my GP checked it over, I've been given the all clear",
        "saw the consultant today, she said it's only the tendon and I can do the exercises",
        "the doctor said nothing serious, go ahead with the rehab",
    ],
)
def test_a_go_ahead_from_a_professional_lifts(said: str, known: ClearanceWords) -> None:
    assert says_cleared(said, known)


@pytest.mark.parametrize(
    "said",
    [
        # No professional named: "I've been checked" has its own samples.
        "I feel fine to carry on",
        # Denied, deferred, hoped for or conditional: the hold stays.
        "the physio hasn't cleared me yet",
        "the doctor said no, not until the scan",
        "I'm seeing the physio on Monday, hopefully she'll say I'm fine to carry on",
        "if the doctor says it's ok to carry on can I start again",
        "my GP will tell me if I can do the exercises",
        "the doctor said rest for a week and then carry on",
        "I've got a physio appointment tomorrow",
    ],
)
def test_no_go_ahead_keeps_the_hold(said: str, known: ClearanceWords) -> None:
    assert not says_cleared(said, known)


@pytest.mark.parametrize(
    "said",
    ["saw me on Friday and said I can train", "has seen me", "had a look, all good"],
)
def test_a_professional_the_carrier_took_is_still_named(said: str, known: ClearanceWords) -> None:
    # "my physio {query}" leaves the verb first: nobody says "I saw me", so the one who saw
    # them was the carrier's professional.
    assert known.took_subject(said) and says_cleared(said, known, seer_named=True)
    assert not says_cleared(said, known)


@pytest.mark.parametrize(
    "said", ["said it's fine", "I saw my mum, it's fine", "will see me tomorrow, all good"]
)
def test_a_verb_anyone_may_start_with_names_nobody(said: str, known: ClearanceWords) -> None:
    assert not (known.took_subject(said) and says_cleared(said, known, seer_named=True))


@pytest.mark.parametrize(
    "said",
    [
        "I went to A and E last night, all clear",
        "went to A&E and they said it's fine to carry on",
        "the E.R. checked me over, nothing serious",
        "urgent care had a look, I'm ok to do the exercises",
        "the walk-in centre saw me and said all good",
        "my physical therapist cleared me to start again",
    ],
)
def test_a_place_or_role_said_in_several_words_lifts(said: str, known: ClearanceWords) -> None:
    # (Round 21) "A and E" reads as three words no single-word list could hold.
    assert says_cleared(said, known)


@pytest.mark.parametrize(
    "said",
    [
        # "er" alone is a filler, not the emergency room.
        "er, I'm fine to carry on I think",
        "I'm going to A and E later, hopefully all clear",
        "a and e was too busy, I never got seen",
    ],
)
def test_a_filler_or_a_visit_not_made_keeps_the_hold(said: str, known: ClearanceWords) -> None:
    assert not says_cleared(said, known)
