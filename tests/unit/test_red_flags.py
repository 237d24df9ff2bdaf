"""The red-flag matcher (domain/red_flags.py) on the real content and on small rule sets."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from hamstring_coach.domain import red_flags
from hamstring_coach.domain.faq_classifier import Classifier
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


# --- inability, denial and normality (the review round of issue 12) ----------------------


def _reading_rules() -> RedFlags:
    return red_flags.load(
        {
            "words": {
                "contractions": {"haven't": "have not", "couldn't": "could not"},
                "negators": ["no", "not"],
                "boundaries": ["but", "i"],
                "uncertain": ["not sure"],
                "rewrites": {
                    "cannot": ["not been able to", "could not"],
                    "not": ["could not see"],
                },
                "fine": {
                    "subjects": ["bladder"],
                    "linking": ["is", "all"],
                    "predicates": ["fine", "the same"],
                },
            },
            "walk": {"level": "urgent", "any": ["cannot ... walk"]},
            "bladder": {"level": "emergency", "any": ["bladder", "pee"]},
            "bruise": {"level": "urgent", "any": ["bruis*"]},
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I haven't been able to walk", "walk"),  # inability, not a denial
        ("I haven't been able to pee", "bladder"),  # the rewrite lifts the negator too
        ("I haven't had a pee", None),  # a plain denial stays one
        ("I couldn't walk", "walk"),
        ("I couldn't see any bruising", None),  # "couldn't" + noticing is a denial
        ("my bladder is fine", None),
        ("bladder all the same", None),
        ("my bladder is not fine", "bladder"),  # a negated predicate is not one
        ("fine but my bladder is odd", "bladder"),  # the predicate must follow the subject
        ("not sure my bladder is fine", "bladder"),  # doubt cancels the normal reading
        ("I could not pee but my bladder is fine", "bladder"),  # the inability still stands
    ],
)
def test_rules_inability_is_not_denial_and_a_normal_function_raises_nothing(
    text: str, expected: str | None
) -> None:
    found = _reading_rules().assess(text)
    assert (found.id if found else None) == expected


def test_a_rewrite_must_be_plain_words() -> None:
    with pytest.raises(RedFlagContentError):
        red_flags.load(
            {
                "words": {"rewrites": {"cannot": ["not ... able"]}},
                "x": {"level": "urgent", "any": ["a"]},
            }
        )


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # First person, a negated auxiliary, then inability: the symptom is present.
        ("I haven't been able to pass water all day", Level.EMERGENCY),
        ("I've not been able to feel my backside", Level.EMERGENCY),
        ("haven't managed to have a wee since lunch", Level.EMERGENCY),
        ("I couldn't lift my foot off the floor", Level.URGENT),
        ("I can't seem to stand on that leg", Level.URGENT),
        ("I've been unable to walk since Sunday", Level.URGENT),
        ("I wasn't able to put weight on it", Level.URGENT),
        ("I didn't manage to get up off the sofa", Level.URGENT),
        ("I'm no longer able to walk to the shops", Level.URGENT),
        ("I haven't been able to sleep for the pain", Level.SOON),
        # Both legs, said with any symptom word.
        ("pins and needles in both feet", Level.EMERGENCY),
        ("both legs feel heavy and weird", Level.EMERGENCY),
        # A loss said as "no control" or "no strength", also as a denial carrier leaves it.
        ("I don't have bladder control", Level.EMERGENCY),
        ("no control over my bowels", Level.EMERGENCY),
        ("not bladder control any more", Level.EMERGENCY),
        ("there's no power in my leg", Level.URGENT),
        ("not any strength in my leg", Level.URGENT),
        # Round 4: tuned on the retired held-out sets and the rf4_ blind statements.
        # "Neither of my legs ..." denies what follows, not the legs: both legs are not right.
        ("neither of my legs feel right", Level.EMERGENCY),
        ("neither leg feels normal today", Level.EMERGENCY),
        ("neither of my legs will hold me up", Level.EMERGENCY),
        ("neither of my legs feels like it'll bear weight", Level.EMERGENCY),
        ("I couldn't get up the stairs, both my legs just went", Level.EMERGENCY),
        # "can't not" and "no longer able to" are inability, not a denial.
        ("I can't not limp when I walk", Level.URGENT),
        ("I'm no longer able to put weight on it", Level.URGENT),
        ("I can no longer feel my foot", Level.URGENT),
        # Breathlessness after a run, with a swollen leg or said to be new, is the flag.
        ("I was out of breath after my run and my calf is swollen", Level.EMERGENCY),
        ("I keep getting out of breath after my run", Level.EMERGENCY),
        ("out of breath after a short walk", Level.EMERGENCY),
        # The person's own cancer, beside a relative's.
        ("I had breast cancer and my mum had cancer too", Level.SOON),
        # Lay words and speech-recognition slips.
        ("I've got a chess pain", Level.EMERGENCY),
        ("there's a huge brews on my thigh", Level.URGENT),
        ("my breathing's gone funny", Level.EMERGENCY),
        ("my foot is hanging down", Level.URGENT),
        ("the weight is just falling off me", Level.SOON),
        ("it's going from bad to worse", Level.SOON),
        ("I can't get comfortable at night no matter what I do", Level.SOON),
        ("I felt a pap at the top of my hamstring", Level.URGENT),
        ("my foot is not lifting, it hits the floor when I walk", Level.URGENT),
    ],
)
def test_content_reads_inability_after_a_negated_auxiliary_as_the_symptom(
    flags: RedFlags, text: str, level: Level
) -> None:
    found = flags.assess(text)
    assert found is not None and found.level >= level, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        # Real denials.
        "I haven't had any numbness",
        "I've not noticed any weakness",
        "no problems peeing",
        "I haven't wet myself",
        "I couldn't see any bruising",
        "I didn't feel anything snap",
        # A body function said to be normal.
        "my bladder's fine",
        "waterworks are normal",
        "bowels are ok",
        "bladder and bowels are working normally",
        "going to the toilet is the same as always",
        "my temperature is normal",
        "it's fine at rest",
        "feeling is normal down there",
        "both legs feel normal",
        "my bladder control is normal",
        "no loss of bladder control",
        "I haven't lost any strength",
        "I don't have bladder problems",
        # Round 4: tuned on the retired held-out sets and the rf4_ blind statements.
        "neither leg is numb or weak",  # "neither" still denies a symptom named after it
        "neither of my legs hurts",
        "I can't say I've noticed any numbness",  # a polite denial
        "I don't have any problems going to the toilet",  # the denial reaches past "problems"
        "I haven't had any trouble with my waterworks",
        "I can't not think about my leg",
        "I was out of breath after my run but that's normal for me",
        "my mum had cancer but I never have",
        "the swelling from my ankle sprain went down months ago",
        "the ache wakes me sometimes if I lie on that side but I go straight back to sleep",
        "my ears popped on the plane",
        "I did dead bugs today",
        "my heart rate went up with the pain",
        "I can bear weight on both legs",
        "I dropped a weight on my foot",
        "my foot hits the floor first when I land from a jump",
        "I'm not lifting my foot high enough in the bridge",
    ],
)
def test_content_denial_and_normality_raise_nothing(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "my bladder isn't right",
        "my bladder is not normal",
        "I'm not sure my waterworks are fine",
        "I can't go to the toilet properly",
        "bladder's fine but I wet myself last night",
    ],
)
def test_content_a_function_not_said_to_be_normal_still_raises_its_flag(
    flags: RedFlags, text: str
) -> None:
    found = flags.assess(text)
    assert found is not None and found.level is Level.EMERGENCY, text


# --- tense: an old, healed injury is history (round 3 of issue 12) ------------------------


def _past_rules() -> RedFlags:
    return red_flags.load(
        {
            "words": {
                "contractions": {"hasn't": "has not", "it's": "it is"},
                "negators": ["no", "not"],
                "boundaries": ["but", "i"],
                "uncertain": ["not sure"],
                "past": {
                    "over": ["fine now", "healed", "it is gone <end>", "years ago"],
                    "recent": ["yesterday", "weeks ago"],
                    "returned": ["came back", "again"],
                },
            },
            "tear": {"level": "urgent", "can_be_past": True, "any": ["tore", "torn"]},
            "numb": {"level": "urgent", "can_be_past": True, "any": ["numb*"]},
            "saddle": {"level": "emergency", "any": ["numb down there"]},
            "cancer": {"level": "soon", "any": ["cancer"]},
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I tore it years ago, it's fine now", None),  # over, and long ago
        ("I tore it but it healed", None),
        ("the numbness, it's gone", None),  # `<end>`: the statement ends there
        ("it's gone numb", "numb"),  # ...and "gone" before a symptom is not over
        ("I tore it yesterday but it's fine now", "tear"),  # a recent time keeps it current
        ("I tore it three weeks ago, fine now", "tear"),
        ("I tore it years ago and it came back", "tear"),  # a return after the over phrase
        ("it hasn't healed since I tore it", "tear"),  # the symptom comes after the phrase
        ("I tore it and it hasn't healed", "tear"),  # a denied over phrase says nothing
        ("I'm not sure it healed after I tore it", "tear"),  # doubt keeps it
        ("it healed years ago but now I've torn it", "tear"),  # said again after: current
        ("numb down there years ago, fine now", "saddle"),  # never for an emergency flag
        ("I had cancer years ago, fine now", "cancer"),  # a history flag stays one
    ],
)
def test_rules_a_symptom_said_to_be_over_or_long_past_is_not_current(
    text: str, expected: str | None
) -> None:
    found = _past_rules().assess(text)
    assert (found.id if found else None) == expected


def test_an_emergency_flag_cannot_be_past_and_end_comes_last() -> None:
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "emergency", "can_be_past": True, "any": ["a"]}})
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "urgent", "any": ["a <end> b"]}})
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "urgent", "any": ["<end>"]}})


@pytest.mark.parametrize(
    "text",
    [
        # Old, healed injuries and symptoms said to be over.
        "I tore my hamstring years ago and it's fine now",
        "I pulled it badly as a teenager but it healed",
        "the tingling cleared up ages ago",
        "the bruise has faded",
        "I had a temperature last month but I'm better now",
        "I heard something snap when I was a kid, it's been fine ever since",
        # Said to be usual for them, or taken back at the end.
        "my knee popped when I stood up, it does that all the time",
        "I was worried I'd feel a pop but I didn't",
        # Ordinary soreness, and one leg's word "other" with no symptom.
        "my other leg is fine",
        "my calf felt warm after my run",
        "both hamstrings feel tight after yoga",
        "hamstrings went tight after running both legs",  # "went" is no symptom
        "I went to the other side of the room",
        "I snapped at my husband, this injury is getting to me",  # temper, not a tendon
        "it pops a little when I rotate my hip but doesn't hurt",
    ],
)
def test_content_past_and_ordinary_statements_raise_nothing(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is None, text


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # Recent, returned or denied-over symptoms stay current.
        ("I felt a pop yesterday but it's fine now", Level.URGENT),
        ("I tore it years ago and now it's snapped again", Level.URGENT),
        ("the bruise hasn't faded", Level.URGENT),
        ("I tore it two years ago and it's never been right since", Level.URGENT),
        ("my leg has gone numb, I wonder if that's normal", Level.URGENT),  # a question
        ("my hamstring pops when I sprint and it really hurts", Level.URGENT),
        ("a sudden pull and heard a snap at my sit bone", Level.URGENT),
        # An emergency sign said to be over still needs seeing to.
        ("I wet myself last week but it's fine now", Level.EMERGENCY),
        # Spreading to the other leg is both legs.
        ("the sciatica has spread to the other leg", Level.EMERGENCY),
        ("it started in my right leg and now my left is numb too", Level.EMERGENCY),
        ("my other leg has gone weak as well", Level.EMERGENCY),
        ("both legs keep giving out", Level.EMERGENCY),
        # Inability said in the present perfect, and lay words.
        ("I haven't been able to raise the front of my foot", Level.URGENT),
        ("my leg just won't take my weight", Level.URGENT),
        ("my husband had to carry me in", Level.URGENT),
        ("it's been six weeks and it's worse", Level.SOON),
        ("hacking up phlegm with blood in it", Level.EMERGENCY),
        # A plain "I haven't had a wee" is a denial; with "since" it is retention.
        ("I haven't had a wee since yesterday morning", Level.EMERGENCY),
        ("since last night the area I sit on feels numb", Level.EMERGENCY),
    ],
)
def test_content_current_both_legs_and_inability_statements_raise_their_level(
    flags: RedFlags, text: str, level: Level
) -> None:
    found = flags.assess(text)
    assert found is not None and found.level >= level, (text, found)


# --- round 4 of issue 12: negation edges, exertion, someone else's history -----------------


def _unless_rules() -> RedFlags:
    return red_flags.load(
        {
            "words": {"negators": ["no"], "boundaries": ["and"]},
            "breath": {
                "level": "emergency",
                "any": ["out of breath"],
                "except": ["out of breath after ... run*"],
                "unless": ["swollen"],
            },
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("out of breath", "breath"),
        ("out of breath after my run", None),  # an exception
        ("out of breath after my run and my calf is swollen", "breath"),  # `unless` wins
        ("swollen calf and out of breath after running", "breath"),  # anywhere in the statement
    ],
)
def test_rules_unless_sets_the_exceptions_aside(text: str, expected: str | None) -> None:
    found = _unless_rules().assess(text)
    assert (found.id if found else None) == expected


def _gap_rules() -> RedFlags:
    return red_flags.load(
        {
            "words": {"negators": ["no"], "boundaries": ["and"]},
            "hot_leg": {
                "level": "urgent",
                "any": ["calf ... swollen", "hot to the touch"],
                "except": ["weather ... hot"],
            },
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the weather is hot", None),  # the exception's own words
        ("in the weather it gets hot to the touch", None),  # "hot" is the exception's
        # (rf46) The words inside an exception's gap are not the exception's: a calf
        # swollen there is read, not set aside with the weather.
        ("weather my calf is swollen hot", "hot_leg"),
        ("the weather, calf so swollen, hot", "hot_leg"),
    ],
)
def test_rules_an_exception_sets_aside_only_the_words_it_names(
    text: str, expected: str | None
) -> None:
    found = _gap_rules().assess(text)
    assert (found.id if found else None) == expected


def test_unless_without_exceptions_is_refused() -> None:
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "urgent", "any": ["a"], "unless": ["b"]}})


@pytest.mark.parametrize(
    "text",
    [
        "it wakes me and I can't get back to sleep",  # not "I go back to sleep"
        "it wakes me and I can't go back to sleep",
        "I've been having problems going to the toilet",
    ],
)
def test_content_round_4_near_calm_wordings_still_raise(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is not None, text


# --- round 5 of issue 12: double negatives, purpose clauses, errands, small knocks ----------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A double negative leans to yes, and doubt counts as yes.
        ("I can't say it isn't numb down below", Level.EMERGENCY),
        ("I wouldn't say it isn't tingly down my leg", Level.URGENT),
        # Scots negation: "dinnae have any feeling" is a loss, "cannae" is inability.
        ("I dinnae have any feeling in my backside", Level.EMERGENCY),
        ("I cannae stand on it", Level.URGENT),
        # A negation that says the symptom: a purpose clause, a leg not one's own.
        ("I lift my knee up high so my foot doesn't catch", Level.URGENT),
        ("my leg doesn't feel like it belongs to me", Level.URGENT),
        # An exception set aside: a big bruise, weight lost with no reason, a change.
        ("a small bruise at first but now it's huge and down my thigh", Level.URGENT),
        ("I lost weight and I'm not dieting", Level.SOON),
        ("I've lost weight without trying, I'm not on a diet", Level.SOON),
        ("I'm always out of breath now, even going up hills", Level.EMERGENCY),
        # The person's own cancer beside a relative's named one.
        ("I had skin cancer and my sister had breast cancer", Level.SOON),
        ("I heard a crack in the back of my thigh", Level.URGENT),
    ],
)
def test_content_round_5_edges_still_raise(flags: RedFlags, text: str, level: Level) -> None:
    found = flags.assess(text)
    assert found is not None and found.level >= level, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "I didnae have any numbness",  # Scots denial stays a denial
        "I popped round to my sister's after the session",  # an errand, not a tendon
        "the champagne cork went pop",
        "my knuckles crack and pop when I stretch",
        "I'll give the new exercise a crack tomorrow",
        "there's a tiny bruise on my arm from the car door",
        "I've got a bruise on my shin from bumping the bed",
        "I lost weight because I've been dieting",
        "my uncle had prostate cancer",
        "I get short of breath going up hills",
        "I was puffed after the netball but I'm just unfit",
        "I checked and there's no bump or dent",
    ],
)
def test_content_round_5_calm_wordings_raise_nothing(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is None, (text, flags.assess(text))


# Round 6 (rf6): negation and doubt read where they sit, new wordings (not the sets' own).
@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A double negative says the symptom: "can't not" is "have to", "wouldn't say it
        # didn't" is doubt, and doubt counts as yes.
        ("I can't not hobble to the kitchen", Level.URGENT),
        ("I wouldn't say it didn't snap, there was a noise", Level.URGENT),
        ("I couldn't say it didn't pop", Level.URGENT),
        # "no way I can" is inability, not a denial.
        ("there's no way I can put my heel down", Level.URGENT),
        ("no way I can stand on that leg", Level.URGENT),
        # "barely able to" is what "barely" says.
        ("I'm barely able to walk to the door", Level.URGENT),
        ("hardly able to stand this morning", Level.URGENT),
        # "I can't honestly say it's any better": the adverb adds nothing.
        ("I can't honestly say it's any better", Level.SOON),
        # "I can't say I've got any feeling left down there" is a loss.
        ("I can't say I've got any feeling left between my legs", Level.EMERGENCY),
        # A negator before the phrase's gap, in an earlier clause, does not reach.
        ("my foot, no, it drags now", Level.URGENT),
        # Scots and dropped g's.
        ("I've nae feelin round my backside", Level.EMERGENCY),
        ("tinglin doon both legs", Level.EMERGENCY),
        # A month inside the past still counts when it came back.
        ("I had the flu but I'm over it now and now the fever's back", Level.URGENT),
    ],
)
def test_content_round_6_edges_raise(flags: RedFlags, text: str, level: Level) -> None:
    found = flags.assess(text)
    assert found is not None and found.level >= level, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        # A negator inside the phrase's own gap denies it ("foot ... drag*").
        "my foot doesn't drag at all",
        "my weight isn't going down",
        "my foot never drags, it just aches",
        # ...and doubt stays doubt elsewhere: denials said plainly.
        "I can't say I've got any numbness",
        # An illness got over, warmth from a heat pack, numbness from an ice pack.
        "I had a bit of a temperature but I'm over it now",
        "my calf is warm after the heat pack",
        "the ice pack made my thigh go numb for a bit",
        # A face gone red from coughing, a pet's cancer, a diet in stones.
        "I go red in the face when I cough",
        "our dog has bone cancer",
        "I've lost a stone on my diet",
        # Errands and thoughts that pop, a cold snap.
        "I popped my exercises in at lunch",
        "it popped into my head to ask you",
        "there's a cold snap this week",
        # Getting the breath back, a lump on the head, a normal wee.
        "I was puffed after the bridges but got my breath back quickly",
        "I've got a lump on my head from the cupboard door",
        "I peed perfectly normally",
    ],
)
def test_content_round_6_calm_wordings_raise_nothing(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is None, (text, flags.assess(text))


def test_a_negator_in_a_gap_denies_only_phrases_without_their_own_negation() -> None:
    flags = red_flags.load(
        {
            "words": {"negators": ["not", "no"], "boundaries": ["it"]},
            "drop": {"level": "urgent", "any": ["foot ... drag*", "foot ... not lift*"]},
        }
    )
    assert flags.assess("my foot does not drag") is None
    assert flags.assess("my foot drags") is not None
    # The phrase's own "not" is read as written.
    assert flags.assess("my foot will not lift") is not None
    # A boundary between the negator and the phrase's end: the negator is another clause's.
    assert flags.assess("my foot no it drags") is not None


# --- round 7 of issue 12: an `unless` denied or said normal, exceptions with their own
# `unless`, a sleep question, a night broken by someone else ----------------------------


def _scoped_rules() -> RedFlags:
    return red_flags.load(
        {
            "words": {
                "negators": ["no", "not"],
                "boundaries": ["and", "but"],
                "uncertain": ["not sure"],
                "fine": {"linking": ["is", "are", "look"], "predicates": ["normal", "fine"]},
            },
            "breath": {
                "level": "emergency",
                "any": ["puffed"],
                "except": ["puffed ... ... ... unfit"],
                "unless": ["swelling", "legs"],
            },
            "nerve": {
                "level": "urgent",
                "any": ["numb*", "pins and needles"],
                "except": [
                    "ice ... numb*",
                    {"phrases": ["pins and needles in my hand"], "unless": ["leg", "foot"]},
                ],
            },
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("puffed on the stairs but that is me being unfit", None),
        # A denied `unless` sets nothing aside: "no swelling" is not a swelling.
        ("puffed on the stairs but that is me being unfit no swelling", None),
        # ...nor one said to be normal: "my legs look normal".
        ("puffed on the stairs being unfit and my legs look normal", None),
        ("puffed on the stairs being unfit and my legs are swelling", "breath"),
        # Doubt never denies: "not sure" before it leaves the swelling said.
        ("puffed on the stairs being unfit but not sure swelling", "breath"),
        ("puffed on the stairs being unfit and my legs", "breath"),
        # An exception group with its own `unless`...
        ("pins and needles in my hand", None),
        ("pins and needles in my hand and my leg", "nerve"),
        ("pins and needles in my hand and no leg problem", None),
        # ...leaves the flag's plain exceptions as they were: the ice still explains it.
        ("ice made it numb", None),
        ("my leg is numb", "nerve"),
    ],
)
def test_rules_unless_denied_or_normal_and_scoped_exceptions(
    text: str, expected: str | None
) -> None:
    found = _scoped_rules().assess(text)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(
    "group",
    [
        {"phrases": ["a"]},  # no unless: a plain exception belongs in the plain list
        {"unless": ["b"]},
        {"phrases": ["a"], "unless": ["b"], "also": ["c"]},
    ],
)
def test_an_exception_group_needs_phrases_and_unless_only(group: dict[str, Any]) -> None:
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "urgent", "any": ["a b"], "except": [group]}})


def test_unless_with_only_scoped_exceptions_is_refused() -> None:
    with pytest.raises(RedFlagContentError):
        red_flags.load(
            {
                "x": {
                    "level": "urgent",
                    "any": ["a"],
                    "except": [{"phrases": ["a b"], "unless": ["c"]}],
                    "unless": ["d"],
                }
            }
        )


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("it wakes me every night when I roll over", Level.SOON),
        ("it wakes me up when I roll over and I can't get back to sleep for hours", Level.SOON),
        ("it wakes me up every night, what position should I sleep in", Level.SOON),
        ("it wakes me up at night", Level.SOON),
        ("pins and needles in my hand and all down my leg", Level.URGENT),
        ("my hands and feet have gone numb", Level.EMERGENCY),  # (rf10) "feet": both
        ("I'm not sure, but my right leg is going weak too, the same as my left", Level.EMERGENCY),
        ("my left leg's gone numb as well now", Level.EMERGENCY),
        ("I can't catch my breadth and my leg is swollen", Level.EMERGENCY),
        ("I'm puffed after the stairs, I'm unfit, but my calf is swollen", Level.EMERGENCY),
        ("a funny deadness between my legs", Level.EMERGENCY),
        ("I can't tell when I need to go number two any more", Level.EMERGENCY),
        ("I've lost the urge to pee", Level.EMERGENCY),
        ("the baby kept me up, and the leg throbs all night anyway", Level.SOON),
        ("I'm up all night with the pain", Level.SOON),
        ("a wee pain when I pee", Level.EMERGENCY),
        ("six weeks on it's exactly the same", Level.SOON),
        ("it's steadily worse than three weeks ago", Level.SOON),
        ("I lost loads and I'm eating normally", Level.SOON),
        ("I had to tighten my belt two notches", Level.SOON),
        ("a big knot that wasn't there before", Level.URGENT),
        ("I hurt my arm and my thigh is all bruised", Level.URGENT),
        ("I'm sixty and it only started last month", Level.SOON),
        ("it popped and I fell on it", Level.URGENT),
    ],
)
def test_content_round_7_edges_raise(flags: RedFlags, text: str, level: Level) -> None:
    found = flags.assess(text)
    assert found is not None and found.level is level, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "would a wee massage help",
        "is a wee stretch alright before bed",
        "it sometimes wakes me when I roll onto that side, which side should I sleep on",
        "it wakes me up at night, what position should I sleep in",
        "it hurts at night, what's the best sleeping position",
        "the baby kept me up",
        "the twins had me up all night",
        "I work nights so I do the exercises after lunch",
        "I've got pins and needles in my hand from sleeping on my arm",
        "my fingers are tingling from the cold",
        "I banged my arm on the cupboard door and it's bruised, the leg's fine",
        "I bruised my hand catching a ball",
        "I popped a bag of frozen peas on it",
        "the pop up reminder said it was time",
        "I'm sweaty and red in the face after spin class",
        "I go to the loo normally, nothing's changed",
        "I'm puffed after the stairs but that's me being unfit, no swelling",
        "it's been slowly getting better week by week",
        "sixty percent better than last month",
        "my leg went dead sitting on the loo too long and woke up straight away when I stood",
    ],
)
def test_content_round_7_calm_wordings_raise_nothing(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is None, (text, flags.assess(text))


# --- round 8: whose symptom it is, both sides, "me" for "my", doubt about an ability ------


def _round8_rules() -> RedFlags:
    return red_flags.load(
        {
            "words": {
                "contractions": {"can't": "cannot", "i've": "i have"},
                "negators": ["no", "not"],
                "boundaries": ["but", "and", "i", "so"],
                "rewrites": {"cannot": ["not sure i can"]},
                "others": {
                    "people": ["son", "friend", "she"],
                    "things": ["dog", "toaster"],
                    "body": ["leg"],
                    "after": ["her"],
                    "reporters": ["noticed"],
                    "mine": ["so do i", "i have ... too"],
                },
            },
            "both": {
                "level": "emergency",
                "all": [["both", "each leg"], ["gave way"]],
                "sides_with": ["weak"],
            },
            "weak": {
                "level": "urgent",
                "any": ["weak*", "cannot ... walk", "move my leg"],
                "anyone": True,
            },
            "fever": {"level": "urgent", "any": ["temperature", "fever"]},
            "lump": {"level": "urgent", "any": ["lump"]},
            "pop": {"level": "urgent", "any": ["popped", "tore"]},
            "carry": {"level": "urgent", "any": ["had to carry"]},
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my son has a temperature but I'm fine", None),  # someone else's
        ("my son has a temperature and so do i", "fever"),  # ...and the person's too
        ("my son had a fever and now I've got one too", "fever"),
        ("the dog's leg is weak", None),  # "dog's" is read as "dog"
        ("my son's leg is weak", "weak"),  # an `anyone` sign: raised, as the son's (rf10)
        ("the toaster popped", None),
        ("she tore her hamstring", None),  # an owner that also starts a clause
        ("my friend tore her hamstring", None),
        ("tore her hamstring", None),  # "her" just after the symptom, no owner said
        ("my dog noticed nothing but I tore it", "pop"),  # "I" starts the person's clause
        ("my son noticed a lump", "lump"),  # a reporting verb: about the person
        ("my son says my leg is weak", "weak"),  # "my" between: the person's leg
        ("my son had to carry me", "carry"),  # the person named just after
        ("my son has a fever", None),
        ("each leg feels weak", "both"),  # the sides with a one-leg flag
        ("both legs gave way", "both"),
        ("my leg feels weak", "weak"),  # one leg stays the one-leg flag
        ("both feel fine", None),  # sides alone raise nothing
        ("I can't move me leg", "weak"),  # "my" in a phrase is heard as "me" too
        ("I'm not sure I can walk", "weak"),  # doubt about an ability counts as yes
    ],
)
def test_rules_whose_symptom_both_sides_me_for_my_and_doubtful_ability(
    text: str, expected: str | None
) -> None:
    found = _round8_rules().assess(text)
    assert (found.id if found else None) == expected


def test_sides_with_needs_sides_and_known_flags() -> None:
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "urgent", "any": ["a"], "sides_with": ["x"]}})
    with pytest.raises(RedFlagContentError):
        red_flags.load({"x": {"level": "urgent", "all": [["a"], ["b"]], "sides_with": ["nope"]}})
    with pytest.raises(RedFlagContentError):
        red_flags.load(
            {"words": {"others": {"people": "son"}}, "x": {"level": "urgent", "any": ["a"]}}
        )


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # someone else's symptom, and the person's too: the dangerous side stays a flag
        ("my son has a temperature and so do I", Level.URGENT),
        ("my husband's leg is swollen and hot to touch", Level.URGENT),
        ("the kids had a fever and now I've got one too", Level.URGENT),
        ("my wife noticed a lump at the back of my thigh", Level.URGENT),
        ("my husband had to carry me to the car", Level.URGENT),
        ("my daughter says my calf is swollen and hot", Level.URGENT),
        # normal function said, but with a problem
        ("I can wee but only a dribble", Level.EMERGENCY),
        ("I'm not peeing much even though I'm drinking loads of water", Level.EMERGENCY),
        # both, each, either with a one-leg nerve flag
        ("each leg feels weak now, not just the sore one", Level.EMERGENCY),
        ("both my feet feel like they're dragging", Level.EMERGENCY),
        ("I can't go up on tiptoe on either side", Level.EMERGENCY),
        ("my left leg is weaker on the bridges and both feet tingle", Level.EMERGENCY),
        # chest soreness after training the chest, with a warning sign
        ("my chest is sore and tight after bench press", Level.EMERGENCY),
        ("my chest hurts after push ups and I'm short of breath", Level.EMERGENCY),
        # breathless after a game and not settling, or with a swollen calf
        ("breathless after the match and my calf is swollen", Level.EMERGENCY),
        # doubt about an ability counts as yes
        ("I'm not sure I can walk on it", Level.URGENT),
        ("I don't think I could lift my foot", Level.URGENT),
        # a muscle balled up, a foot that won't pull up, a crack, the splits by accident
        ("the muscle balls up halfway down my thigh", Level.URGENT),
        ("the foot on my sore side won't pull up when I step", Level.URGENT),
        ("it went crack when I slipped", Level.URGENT),
        ("I slipped on ice and my legs went opposite ways", Level.URGENT),
        ("no urge to pee at all", Level.EMERGENCY),
        ("the tingling has gone down to my foot", Level.URGENT),  # spreading, not over
        ("I'm a cancer survivor and did race for life", Level.SOON),
        ("I was treated for prostate cancer in 2019", Level.SOON),
        ("me leg's gone dead from the knee down", Level.URGENT),
    ],
)
def test_content_round_8_edges_raise(flags: RedFlags, text: str, level: Level) -> None:
    found = flags.assess(text)
    assert found is not None and found.level is level, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "my son has a temperature but I'm fine",
        "my daughter has a fever so I'll do my exercises later",
        "the dog's leg is swollen, not mine",
        "my mate tore her hamstring, I've just got the ache",
        "my father is not able to walk much but my leg is okay",
        "the toaster popped and made me jump",
        "the bubble wrap went pop",
        "the app made a popping sound when I finished",
        "the cushion had a lump in it",
        "I did a fun run for the cancer charity, no pain at all",
        "I'm doing race for life for cancer research",
        "I trained chest yesterday and my pecs are sore",
        "my chest is sore from bench press",
        "my glutes feel weak, that's why I'm doing bridges",
        "is it because my glutes are weak",
        "I'm a bit weaker on the deadlift on my left",
        "sitting on the toilet seat makes my sit bone ache",
        "bladder seat makes my sit bone ache a bit",  # what the bladder carrier leaves
        "I need the loo more often since I'm drinking more water",
        "I can wee and poo completely normally",
        "bladder and bowels all working normal",
        "breathless after the match but fine a minute later",
        "the swelling on my knee from the knock has gone down",
        "I bruised me shin on the coffee table",
    ],
)
def test_content_round_8_calm_wordings_raise_nothing(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is None, (text, flags.assess(text))


# --- round 9: joints and pills that pop, usual breathlessness, bruises near the thigh ---------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a joint's pop with pain, swelling or the back of the knee is still a flag
        ("my knee popped and swelled up straight away", Level.URGENT),
        ("I felt a pop behind my knee", Level.URGENT),
        ("the band snapped and I felt my hamstring pop", Level.URGENT),
        ("I felt a pop, took a painkiller and it still hurts", Level.URGENT),
        ("heard a proper clunk in my hamstring going for the try line", Level.URGENT),
        ("I felt like somebody kicked me in the back of the leg", Level.URGENT),
        # the thigh near the bruise, or a big one said as "not a little mark"
        ("I have a bruise on my shin and one on my thigh", Level.URGENT),
        ("it's not a little mark, the bruise covers most of the back of my thigh", Level.URGENT),
        # breathlessness that is not normal for them, or with a swollen calf
        ("I get out of breath on the stairs, that's not normal for me", Level.EMERGENCY),
        ("out of puff after the 5k and my calf is swollen", Level.EMERGENCY),
        # weight lost not on purpose, or a diet denied
        ("I have lost about six kilos since summer, not on purpose", Level.SOON),
        ("I'm not trying to lose weight and I've dropped five pounds", Level.SOON),
        ("I am becoming thin without reason", Level.SOON),
        # no position helps; "at night" first; an adjective after "no"
        ("it hurts whatever position I'm in", Level.SOON),
        ("at night the pain is terrible and it doesn't go", Level.SOON),
        ("after eight weeks of self care there's no real progress", Level.SOON),
        ("six weeks of the exercises and it's only got worse", Level.SOON),
        # an old injury's swelling that is now hot and red in the calf
        ("my knee's swollen from an old injury but now my calf is hot and red too", Level.URGENT),
        ("my calf is swole and it ain't from the gym", Level.URGENT),
        ("I think I possibly have some retention, I keep trying and can't go", Level.EMERGENCY),
        ("I peed myself before the workout", Level.EMERGENCY),
        ("I have hardly any control of my bladder", Level.EMERGENCY),
        ("bladder seat feels weird, like I can't feel where I'm sitting", Level.EMERGENCY),
    ],
)
def test_content_round_9_edges_raise(flags: RedFlags, text: str, level: Level) -> None:
    found = flags.assess(text)
    assert found is not None and found.level is level, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "i heard my knee pop on the stairs but my hamstring just aches like usual",
        "my back cracked when I twisted, no pain",
        "my hips pop and click in yoga all the time with no pain",
        "i popped a painkiller and it eased off",
        "I popped two paracetamol and went to bed",
        "I snapped my shoelace doing up my trainers",
        "i went pop-up camping and sitting on the ground made it ache",
        "i bruised my shin on the coffee table, the hamstring's just achy",
        "the bruise is on my other leg from a fall off my bike, my sore side has no bruising",
        "i got a bit breathless on the stairs carrying shopping, normal for me",
        "i was out of puff after the five k but that's normal",
        "i get a bit short of breath in the pool, that's just front crawl",
        "my knee's a bit swollen from an old football injury, the hamstring's the usual ache",
        "the hot water bottle made my thigh red for a bit",
        "my calves are swole from leg day",
        "I'm trying to lose weight and I've dropped five pounds",
        "I'm numb with boredom doing these bridges",
        "I peed before the workout so I'm good to go",
        "no real numbness, just an ache",
    ],
)
def test_content_round_9_calm_wordings_raise_nothing(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is None, (text, flags.assess(text))


# --- round 10: someone else's sign, by row; a story's owner carried over "and" ----------------


@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        ("my mum can't feel her bottom on the commode", "saddle_numbness", True),
        ("my mum's lost control of her bladder all of a sudden today", "bladder_bowel", True),
        ("my mum's complaining of a pain in her chest", "chest_pain", True),
        ("my husband's leg is swollen and hot to touch", "hot_swollen_limb", True),
        ("my wife's calf is red and swollen and hot since her flight", "hot_swollen_limb", True),
        # the person's own sign with it: the whole answer is the person's
        ("my mum has chest pain and I can't feel my bum either", "saddle_numbness", False),
        ("my son has a temperature and so do i", "fever_unwell", False),
        # injury-context rows said of someone else stay calm
        ("my son has a temperature but I'm fine", None, False),
        ("my mate tore her hamstring, I've just got the ache", None, False),
        ("my son fell off his bike and has a big bruise on his arm", None, False),
        # seen to or explained: nothing for them either
        ("my neighbour coughed up blood and went to hospital, I'm fine though", None, False),
        ("my wife's pregnant and her ankles are swollen", None, False),
        ("my mum's ankles swell in the heat, the doctor knows about it", None, False),
        # a thing is never an owner of a sign, and is never "theirs"
        ("the dog's leg is swollen after a bee sting", None, False),
        # "and" with no new subject: the same owner; a new subject ("I") ends it
        ("my son fell over and has a big bruise", None, False),
        ("my son kicked me and I've got a huge bruise on my thigh", "large_bruise", False),
    ],
)
def test_content_round_10_whose_sign_it_is(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found = flags.assess(text)
    assert (found.id if found else None) == expected, (text, found)
    assert red_flags.theirs(text, flags) is theirs, text


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my feet are numb", Level.EMERGENCY),  # both feet, said without "both"
        ("walking the round I noticed pins and needles in my feet", Level.EMERGENCY),
        ("I have not passed urine the whole day and my belly feels full", Level.EMERGENCY),
        ("i've been havin' trouble passin' water since this started", Level.EMERGENCY),
        ("the leg won't take me, I use the walls to get around", Level.URGENT),
        ("I can feel a groove across the back of my thigh", Level.URGENT),
        ("the front of my foot just hangs", Level.URGENT),
        ("my foot drags on the pavement", Level.URGENT),
        ("nothing's shifting, it's as bad as it was in the summer", Level.SOON),
        ("eight weeks of exercises and I'm in the same place", Level.SOON),
        ("two notches further in on my belt and I haven't been trying to lose weight", Level.SOON),
        ("my chest is tight from this cold and my arm aches", Level.EMERGENCY),
        ("I bit my lip but I'm coughing up blood too", Level.EMERGENCY),
        ("the cream makes it tingle and my foot's gone numb", Level.URGENT),
        ("I had a cancer scare and it turned out to be lymphoma", Level.SOON),
    ],
)
def test_content_round_10_edges_raise(flags: RedFlags, text: str, level: Level) -> None:
    found = flags.assess(text)
    assert found is not None and found.level is level, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "my cough is just hay fever",
        "my chest is tight from this cold, I've got a bit of a sniffle",
        "I bit my lip and there was blood when I spat",
        "I lost my weight belt at the gym",
        "I've lost a few pounds since I started running more, which was the plan",
        "there's a gap in the garden fence I need to fix",
        "I'm weak at maths",
        "the deep heat cream makes my skin tingle",
        "my legs are like jelly after leg day, ha",
        "I had a cancer scare but all the tests came back clear",
        "my bowel screening came back clear",
        "nothing's changed with my toilet habits",
        "I had a fever last month but it went",
        "the car exhaust popped and banged on the way home",
        "how long is this gonna drag on",
        "how long does a crook hamstring take to come good",
        "my sister has numbness in her hands from carpal tunnel",
    ],
)
def test_content_round_10_calm_wordings_raise_nothing(flags: RedFlags, text: str) -> None:
    assert flags.assess(text) is None, (text, flags.assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my mum can't feel her bottom",
        "my chest hurts",
        "my dad's chest hurts and I've wet myself",
        "my son has a temperature",
        "the back of my leg aches a bit",
    ],
)
def test_assess_whose_is_assess_and_theirs_from_one_reading(flags: RedFlags, text: str) -> None:
    # (rf11) handlers read a flagged statement once: the pair must equal the two calls
    flag, theirs = flags.assess_whose(text)
    assert flag == flags.assess(text)
    assert theirs == (flag is not None and red_flags.theirs(text, flags))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # (rf11) kinds from holdout10 and the rf11_ batch, each with its dangerous side
        ("the tingling went away with physio and never came back", False),
        ("the tingling went away with physio but it came back", True),
        ("I've got a wee bruise on my shin from the coffee table", False),
        ("I need the loo, hang on a minute", False),
        ("I need the loo all the time and can't hold it", True),
        ("my chest is fine, it's only my bum that hurts", False),
        ("it catches in my chest when I take a deep breath", True),
        ("the balloon popped at my son's party", False),
        ("it's my dad who had cancer, not me", False),
        ("my partner's calf was swollen but the doctor said it was fine", False),
        ("my partner's calf is swollen and hot", True),
        ("I get breathless when I'm nervous", False),
        ("I get breathless when I'm nervous and my calf is swollen", True),
    ],
)
def test_round_11_kinds(flags: RedFlags, text: str, flagged: bool) -> None:
    assert (flags.assess(text) is not None) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # (rf12) kinds from holdout11, in new words, each with its dangerous side
        ("mi foot cyaan lift up", True),
        ("I keep having small accidents since the leg went bad", True),
        ("I had a car accident years ago", False),
        ("feels like ants crawling down my calf", True),
        ("it's still five out of ten after a month of physio", True),
        ("a month on and it's only worse", True),
        ("I wake at four every night with it throbbing", True),
        ("nothing eases it, not even resting", True),
        ("I've had to put two extra holes in my belt", True),
        ("my foot can't lift properly, it keeps catching the ground", True),
        ("I can't feel my glutes working in the bridges, is my form off", False),
        ("I can't feel my glutes working and my foot's gone numb", True),
        ("I'm weak at single leg deadlifts on the bad side", False),
        ("I'm weak at single leg deadlifts and my leg keeps giving way", True),
        ("I bruised my knee kneeling on the patio", False),
        ("my feet swell in the heat, both the same", False),
        ("my feet swell in the heat since my flight home", True),
        ("my sister's leg is swollen and hot, she's seeing her doctor today", False),
        ("my sister's leg is swollen and hot", True),
        ("my mum had bladder problems but I don't", False),
        ("my mum can't control her bladder", True),
    ],
)
def test_round_12_kinds(flags: RedFlags, text: str, flagged: bool) -> None:
    assert (flags.assess(text) is not None) is flagged


@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        # (rf12) someone else's injury sign, when their thigh or hamstring is named (a
        # parent may be asking for a child); not an arm, nor a bruise said of no part
        ("my lad has a massive bruise down the back of his thigh from rugby", "large_bruise", True),
        (
            "my daughter's got a lump at the top of her hamstring since netball",
            "lump_gap_deformity",
            True,
        ),
        ("my son fell off his bike and has a big bruise on his arm", None, False),
        ("my son fell over and has a big bruise", None, False),
        ("my wife's thigh is bruised, the doctor saw it yesterday", None, False),
    ],
)
def test_round_12_someone_elses_leg(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found, whose = flags.assess_whose(text)
    assert (found.id if found else None) == expected, (text, found)
    assert whose is theirs, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # (rf12) questions holdout11 sent to safety by the other meaning of a word
        ("can I go for my wee jog with this", False),
        ("my wee jog was fine but I can't hold my wee", True),
        ("why does my sick bone ache on the bus", False),
        ("I feel sick and shivery and my sit bone aches", True),
        ("is a massage gun worth a crack", False),
        ("I heard a crack in my hamstring", True),
    ],
)
def test_round_12_question_words(flags: RedFlags, text: str, flagged: bool) -> None:
    assert (flags.assess(text) is not None) is flagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (rf13) each calm-making rule, then its dangerous twin said the same way
        # a bruise "is on my arm" (a linking verb before where it is)
        ("the bruise is on my arm from giving blood", None),
        ("the bruise is on my thigh and it's huge", Level.URGENT),
        ("the bruise is on my arm and my thigh is black and blue", Level.URGENT),
        # sitting lopsided is a posture, not a shape
        ("I sit lopsided to keep off the sore side", None),
        ("my thigh looks lopsided", Level.URGENT),
        ("I sit lopsided because there's a dent in my hamstring", Level.URGENT),
        # a tumour scare that came to nothing
        ("I had a tumour scare but it turned out to be a harmless cyst, not cancer", None),
        ("I had a tumour scare and it turned out to be cancer", Level.SOON),
        ("I had a tumour scare and they removed it", Level.SOON),
        ("they took a tumour out of my leg last year", Level.SOON),
        # pins and needles gone within a minute is over; back again, or numb below, is not
        ("pins and needles in my foot from sitting cross legged, it went after a minute", None),
        ("pins and needles in my foot, it went after a minute but came back", Level.URGENT),
        ("my bum went numb on the bike and it went after a minute", Level.EMERGENCY),
        ("my foot went numb yesterday, it went after a minute", Level.URGENT),
    ],
)
def test_round_13_calm_and_its_twin(flags: RedFlags, text: str, expected: Level | None) -> None:
    found = flags.assess(text)
    assert (found.level if found else None) is expected, (text, found)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # (rf13) word families holdout12 missed, said other ways
        ("the foot on my bad side is dropping when I walk", Level.URGENT),
        ("my left foot, the one with the sciatica, drops when I walk", Level.URGENT),
        ("my calf's gone fat and hot since the flight", Level.URGENT),
        ("twelve weeks in and the pain is still where it started", Level.SOON),
        ("it aches even when I lie down in the evening", Level.SOON),
        ("it hurts just as much in bed as on my feet", Level.SOON),
    ],
)
def test_round_13_word_families(flags: RedFlags, text: str, level: Level) -> None:
    found = flags.assess(text)
    assert found is not None and found.level is level, (text, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (rf14) word families holdout13 missed, each beside a calm twin said the same way.
        # Read by the rules alone: the learned second opinion may raise some of them too.
        ("I can't put the leg down at all, I'm hopping", Level.URGENT),
        ("I can't put my bad leg down without it hurting", Level.URGENT),
        ("I can't sit with my leg down for long", None),
        ("the scales say I'm eight kilos lighter and I've been eating normally", Level.SOON),
        ("I'm a stone lighter and I haven't been trying", Level.SOON),
        ("I'm trying to lose weight and I'm five pounds lighter", None),
        ("I've been on a diet and I'm three kilos lighter", None),
    ],
)
def test_round_14_word_families(flags: RedFlags, text: str, expected: Level | None) -> None:
    rules = dataclasses.replace(flags, learned=Classifier.from_counts({}))
    found = rules.assess(text)
    assert (found.level if found else None) is expected, (text, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (rf15) under-triage: the higher sign said in words the rules lacked, beside a lower
        # sign they knew (holdout14: "mi cyan feel mi batty properly, it numb" was the
        # one-leg numbness, "mi breath short an mi foot swell up big" the swollen limb).
        # Each beside a calm or lower twin said the same way. Rules alone.
        ("mi cyan feel mi batty, it gone numb", Level.EMERGENCY),
        ("my batty is sore from the bike saddle", None),
        ("my breath short and my calf swell up", Level.EMERGENCY),
        ("my breath is getting short and my leg is swollen", Level.EMERGENCY),
        ("my breath short after the run, no swelling", None),
        ("my foot swell up a bit after the long walk", Level.URGENT),
        # (rf15) word families holdout14 missed, each beside a calm twin
        ("loss of sensation round my back passage", Level.EMERGENCY),
        ("loss of sensation down the back of my thigh", Level.URGENT),
        ("no loss of sensation anywhere", None),
        ("I can't put no weight on it at all", Level.URGENT),
        ("I can't put no more ice on it, the bag's empty", None),
        ("e be like say my two legs no get power again", Level.EMERGENCY),
        ("my two legs get power again after the rest", None),
        ("eight weeks in and I'm still where I started", Level.SOON),
        ("twelve weeks in and I'm well past where I started", None),
        ("do I go back to where I started after a flare-up", None),
        ("been icing it for a month and it's worse", Level.SOON),
        ("been icing it for a month and it's much better", None),
        ("a month ago it was worse, now it's easing off", None),
        ("ten pounds gone in a month and I'm not trying", Level.SOON),
        ("ten pounds gone since I started the diet", None),
        ("mi a lose weight an mi nuh know why", Level.SOON),
        ("I want to lose weight for my knees", None),
        ("mi 55 an dis pain just start, nevah had it before", Level.SOON),
        ("I'm 61 and the pain's only been there since spring", Level.SOON),
        ("I'm 61 and I've only been doing the exercises since spring", None),
        # (rf15) a walking aid borrowed is the person's own (holdout13: the classifier's
        # catch until now); someone else on crutches stays theirs
        (
            "maybe it's nothing but I've had to use my grandad's crutches to get around",
            Level.URGENT,
        ),
        ("I'm getting about on my brother's crutches", Level.URGENT),
        ("my grandad's on crutches after his hip operation", None),
        ("my dad uses a wheelchair", None),
        # (rf15) false alarms calmed where a dangerous twin stays raised: a limb asleep for
        # a minute (a return or a recent time keeps it current, a numb bottom is never
        # history), weight lost to more exercise "as expected"
        ("my leg went dead from sitting on the loo too long, came right after a minute", None),
        ("this morning my leg went dead and came right after a minute", Level.URGENT),
        ("my leg went to sleep in the car, pins and needles for a minute, then fine", None),
        (
            "my leg went to sleep in the car, pins and needles for a minute, then fine,"
            " but now it's numb again",
            Level.URGENT,
        ),
        ("my bum went numb for a minute on the bike, then fine", Level.EMERGENCY),
        ("I've lost a few pounds since I started cycling more, that's expected", None),
        (
            "I've lost a stone since I started cycling and I'm eating loads, I don't know why",
            Level.SOON,
        ),
    ],
)
def test_round_15_word_families(flags: RedFlags, text: str, expected: Level | None) -> None:
    rules = dataclasses.replace(flags, learned=Classifier.from_counts({}))
    found = rules.assess(text)
    assert (found.level if found else None) is expected, (text, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (rfq16) "wee" before the word it describes is small; a stool or the loo sat on is
        # a seat. Red twins: passing water or a motion said too, or "wee" the bladder's
        ("would a wee bike ride be okay instead of running", None),
        ("what's the wee ache in my sit bone a sign of", None),
        ("should I be taking big strides or wee ones when I walk", None),
        ("my wee comes out slow and I can barely go", Level.EMERGENCY),
        ("I keep needing a wee and can't hold it", Level.EMERGENCY),
        ("I haven't had a wee since this morning", Level.EMERGENCY),
        ("there's a wee leak when I cough now", Level.EMERGENCY),
        ("i don't feel when i need a wee anymore, it's new", Level.EMERGENCY),
        ("I can't tell when I need a number two anymore", Level.EMERGENCY),
        ("I can tell when I need a number two, that's all fine", None),
        ("I need a wee all the time and it dribbles", Level.EMERGENCY),
        ("me ischy bone hurts when I sit on the bar stools, why's that", None),
        ("I sit on stools doing the books, what's the best way to sit", None),
        ("I sit on the loo and nothing comes out", Level.EMERGENCY),
        ("my stools are loose and I can't control them", Level.EMERGENCY),
        ("even sitting on the loo hurts, why's that", None),
        ("sitting on the loo I can't feel the paper when I wipe", Level.EMERGENCY),
        # a tear or a pull asked about, not reported; red twins: a sign of a tear said too
        ("how do I know if I've pulled my hamstring or if it's the tendon thing", None),
        ("how can I tell if I've torn it", None),
        ("have I torn it or is it the other thing, the tendon one", None),
        ("my mate reckons I've just pulled it, is he right", None),
        ("I heard a pop, how do I know if I've torn it or if it's the tendon", Level.URGENT),
        ("have I torn it? it went suddenly and there's a big bruise", Level.URGENT),
        ("how can I tell if I've torn it, I slipped and felt something go", Level.URGENT),
        ("I think I've torn it", Level.URGENT),
        ("I slipped into the splits and felt a pull", Level.URGENT),
        ("should I still be stretching into the splits", None),
        # heat and cold as a treatment, "inflamed" said of a tendon; red twins: the leg
        # seen hot, swollen or red
        ("please should I use hot compress or ice for this hamstring pain", None),
        ("would a hot bottle or a cold pack be better for the ache at the top of the leg", None),
        ("before I go out in the cold, should I warm the leg up", None),
        ("should I get a scan for the inflamed bursa in my hamstring", None),
        ("my calf is hot or warm, should I use ice", Level.URGENT),
        ("my leg is hot and swollen, should I use a hot compress or ice", Level.URGENT),
        ("the tendon is inflamed and my thigh is red and puffy", Level.URGENT),
        # a treatment said to weaken the tendon, "numb" the verb; red twins: a leg or the
        # saddle area weak or numb
        ("will a steroid jab make the tendon weaker", None),
        ("is a cortisone injection safe for the tendon or does it weaken it", None),
        ("does ice actually heal the tendon or just numb it", None),
        ("does shockwave heal the tendon or just numb the pain", None),
        ("my leg is getting weaker, will a steroid jab make the tendon weaker", Level.URGENT),
        ("ice used to just numb it but now my foot is numb all day", Level.URGENT),
        ("the tendon feels weak and my leg keeps giving way", Level.URGENT),
        ("my bum has gone numb, does ice just numb it", Level.EMERGENCY),
        # "every night" a habit, "nights" the calendar, comfy in bed with a request for
        # tips, "mind at rest"; red twins: pain, waking or lost sleep said too
        ("Derek's been rolling on a foam roller every night, is that a good idea", None),
        ("someone on the forum uses a heat pad every night, is heat ok for this", None),
        ("can I keep running on my nights off", None),
        ("can't get comfy in bed with this sit bone, any tips", None),
        ("Derek wants a scan to put his mind at rest, is it needed", None),
        ("I use a heat pad every night but it still wakes me", Level.SOON),
        ("I've been icing every night and the pain keeps me awake", Level.SOON),
        ("most nights it throbs", Level.SOON),
        ("I can't get comfy in bed at all, it just aches, any tips", Level.SOON),
        ("it hurts at rest", Level.SOON),
        ("it wakes me up every night, what can I do", Level.SOON),
        # bruising named among a strain's signs; a cushion with a gap; figures of speech
        ("tell me the differences between a strain and a tendon problem, onset, bruising", None),
        ("it came on suddenly and there's a huge bruise, onset was the sprint", Level.URGENT),
        ("should I sit on a cushion with a gap so my sit bone doesn't press", None),
        ("there's a gap in the muscle at the back of my thigh", Level.URGENT),
        ("it's fever pitch at work this week", None),
        ("I've got a fever and feel rotten", Level.URGENT),
        # a conditional asks about a sign; red twins: how long, or that it is so now
        ("if nothing works, is surgery an option", None),
        ("I read you should see a physio if it's not getting better, how long should I wait", None),
        ("nothing works, what if I need surgery", Level.SOON),
        ("if nothing works by now, after three months, is surgery an option", Level.SOON),
        ("is ESWT worth trying if the exercises still aren't working after six weeks", Level.SOON),
        # both opinions heard; red twin: both legs weak
        ("is resting a tendon good or does it make it weaker, I've heard both", None),
        ("does resting make it weaker? both my legs feel weak", Level.EMERGENCY),
        ("I can't push up out of a chair because neither leg has any strength", Level.EMERGENCY),
        # a thing slapped on, a wheelchair pushed; red twins: the foot slaps, their own chair
        ("should I slap an ice pack on my hamstring tendon", None),
        ("my foot slaps on the floor when I walk", Level.URGENT),
        ("I walk a lot pushing the wheelchair, is that hurting it", None),
        ("I'm using a wheelchair to get about", Level.URGENT),
        # up to the toilet once a night as always; red twins: something about it wrong
        ("I wake up for the toilet once a night like always", None),
        ("I wake up for the toilet once a night and I can't go when I get there", Level.EMERGENCY),
        ("I wake up once a night for the loo and it leaks", Level.EMERGENCY),
        # breath lost laughing or sprinting; red twins: a swollen leg too
        ("I was short of breath from laughing so much at the pub quiz", None),
        ("I get breathless when I sprint, but that's just sprinting", None),
        ("I get breathless when I sprint and my calf is swollen", Level.EMERGENCY),
        ("I'm short of breath and my leg is swollen", Level.EMERGENCY),
        # someone else's snoring, the weather hot, bruised fruit; red twins
        ("my partner snores and keeps me awake, not the leg", None),
        ("my partner snores but it's the leg pain that keeps me awake", Level.SOON),
        ("the weather's hot and I'm sweaty, the leg feels normal", None),
        ("the weather's hot and my calf is hot and swollen", Level.URGENT),
        ("the apples in the bag are all bruised", None),
        ("my thigh is all bruised after the fall", Level.URGENT),
        # comfy in bed and "all the time" said of a habit; red twins: pain said
        ("I can't get comfy in bed", None),
        ("the tightness makes me want to stretch it all the time, is that ok", None),
        ("it hurts all the time, even when I sit still", Level.SOON),
        ("I want to stretch it all the time because the pain never eases", Level.SOON),
        # misses on holdout15 that reached the matcher
        ("the whole back of my leg looks like a plum", Level.URGENT),
        ("my shoe keeps scraping along the ground on the sore side", Level.URGENT),
        ("the pain doesn't settle when I rest, it just grinds on", Level.SOON),
        # under-triage on holdout15: the seat a bike touches, breathing said hard
        ("the area that touches the bike seat has gone completely numb", Level.EMERGENCY),
        ("my leg swell up and breathing also very hard", Level.EMERGENCY),
    ],
)
def test_round_16_senses(flags: RedFlags, text: str, expected: Level | None) -> None:
    rules = dataclasses.replace(flags, learned=Classifier.from_counts({}))
    found = rules.assess(text)
    assert (found.level if found else None) is expected, (text, found)


@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        # (who16) a relative's own history, or their weight or new pain over fifty, said with
        # THEIR pain now: they should book a doctor (their flag, at soon)
        ("my dad had bowel cancer and now his upper thigh aches", "their_history", True),
        (
            "please my daughter had cancer before, now this leg pain, should she worry",
            "their_history",
            True,
        ),
        (
            "my dad's been losing weight and now he's got this pain at the top of his leg",
            "weight_loss",
            True,
        ),
        (
            "my dad is seventy four and this pain at the top of his leg is brand new",
            "new_pain_over_50",
            True,
        ),
        # ...calm twins: a family history with the person's own ache, a cancer that is over,
        # weight lost on a diet, an old relative's sore knee
        ("my mum had cancer years ago and my leg aches", None, False),
        ("my brother had cancer but he's clear now, I never had it", None, False),
        ("my sister had a cancer scare but now her leg is fine", None, False),
        ("my husband lost weight on his diet, I haven't", None, False),
        ("my grandad is seventy and has a sore knee, not me", None, False),
        # the person's own history is still the person's
        ("I had cancer and now my leg hurts", "cancer_history", False),
    ],
)
def test_round_16_a_relatives_own_history(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found, whose = flags.assess_whose(text)
    assert (found.id if found else None) == expected, (text, found)
    assert whose is theirs, text


@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        # (conv17) a pop someone else FELT is their urgent sign: they should be seen (their
        # flag, nothing paused for the person)
        ("my son felt a pop in the back of his thigh playing rugby", "pop", True),
        ("my son felt a pop in his upper hamstring and went down", "pop", True),
        ("my mate felt a pop playing five a side, I'm fine", "pop", True),
        ("my dad felt something go in his hamstring at bowls", "pop", True),
        ("a guy at my gym felt his hamstring snap doing deadlifts", "pop", True),
        # (merge) a pop heard is the person's own, over-triage kept: a witness hears the
        # person's pop ("my wife heard a pop when I was sprinting")
        ("my mate heard a pop at the gym", "pop", False),
        ("someone at the gym heard a pop", "pop", False),
        ("my wife heard a pop when I was sprinting", "pop", False),
        ("my husband heard a snap as I went down", "pop", False),
        # ...calm twins: a tear of theirs told, a finger or a knee, a song, a cork, a pop
        # already seen to
        ("my mate tore her hamstring, I've just got the ache", None, False),
        ("my son felt a pop in his finger playing basketball", None, False),
        ("my mate heard a pop in his knee playing football", None, False),
        ("my daughter loves pop songs", None, False),
        ("my husband heard a pop when he opened the champagne", None, False),
        ("my son felt a pop, he went to hospital", None, False),
        # the person's own pop is still the person's, whoever else is in the sentence
        ("I felt a pop in the back of my thigh", "pop", False),
        ("my son was there when I felt a pop", "pop", False),
        ("my son jumped on me and I felt a pop", "pop", False),
        ("my wife felt a lump on the back of my leg", "lump_gap_deformity", False),
        # Someone else who cannot bear weight is theirs to have seen promptly (round 17,
        # the sixteenth blind set's misses): their advice, not the person's pause...
        ("my husband can't walk, he's crawling to the bathroom", "cannot_bear_weight", True),
        ("my son can't stand on his leg after the match", "cannot_bear_weight", True),
        ("my mum can't put any weight on her leg since the fall", "cannot_bear_weight", True),
        # ...an animal's leg is not a person's ("his" after the sign is the dog's)...
        ("my dog can't put weight on his back leg", None, False),
        ("the horse can't walk on her back leg, the vet's coming", None, False),
        # ...the Nordic's partner holding the feet is not help to walk...
        ("how does he do Nordics properly without someone holding his feet", None, False),
        # ...and the person's own stays the person's.
        ("I can't put weight on my leg", "cannot_bear_weight", False),
        ("my son has to help me, I can't walk", "cannot_bear_weight", False),
        # "someone" asked about in general is the asker, whose sign it is...
        ("what should someone do if they feel a pop in the hamstring", "pop", False),
        ("should somebody with numbness down there go to hospital", "saddle_numbness", False),
        # ...someone in particular is not
        ("someone at work felt a pop in his thigh", "pop", True),
    ],
)
def test_round_17_someone_elses_pop_or_weight_bearing(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found, whose = flags.assess_whose(text)
    assert (found.id if found else None) == expected, (text, found)
    assert whose is theirs, text


# Round 18 (rf18): lexicon and owner gaps found in the seventeenth blind set's misses, each
# fixed as a kind and tested with new sentences (none from an evaluation set).
@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        # the dialect reflexive: "meself" is "myself"
        ("I've started wetting meself when I cough", "bladder_bowel", False),
        # a hollow said as sunk or caved in
        ("there's a sunken bit at the top of my hamstring", "lump_gap_deformity", False),
        ("the muscle looks caved in under my bum", "lump_gap_deformity", False),
        # the front of the foot that flaps
        ("my foot flaps down on the pavement when I walk", "foot_drop", False),
        # a leg that feels asleep is a numb leg
        ("my left leg feels like it's asleep most of the day", "leg_numb_tingle_weak", False),
        ("my foot feels asleep all the time lately", "leg_numb_tingle_weak", False),
        # ...but not a leg asleep from sitting on it
        ("my foot feels asleep from kneeling in the garden", None, False),
        # "zero" said for "no"
        ("zero improvement in three months of exercises", "not_improving", False),
        # terse: "no weight on" holds its own "no"
        ("no weight on the right leg since the fall", "cannot_bear_weight", False),
        # someone else's fever, said with their own leg pain, is theirs to have seen
        ("my boy is burning up with a fever and his thigh is agony", "fever_unwell", True),
        # ...calm twins: sleep, the flu alone, dragging someone somewhere
        ("I fell asleep on the sofa watching telly", None, False),
        ("my husband has the flu, I'm looking after him", None, False),
        ("I had to drag him to the doctor about his cough", None, False),
        ("my pain is zero today after the session", None, False),
    ],
)
def test_round_18_word_families(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found, whose = flags.assess_whose(text)
    assert (found.id if found else None) == expected, (text, found)
    assert whose is theirs, text


# Round 18 (rf18b): lay wordings of the brief's rows, written for this test (none from an
# evaluation set), each with a calm twin that shares its words.
@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        # their part said with "the" and whose it is after it (a fever is theirs with it)
        ("my brother's got a temperature and the thigh is killing him", "fever_unwell", True),
        ("she's shivery with a temp and the hamstring is hurting her", "fever_unwell", True),
        # formication: "full of ants", "ants under the skin"
        ("my calf feels full of ants since yesterday", "leg_numb_tingle_weak", False),
        ("like there's ants under the skin of my thigh", "leg_numb_tingle_weak", False),
        # the stool not held, a wee or a poo not felt coming
        ("I couldn't hold my stool on the way home", "bladder_bowel", False),
        ("I didn't feel myself peeing until my jeans were wet", "bladder_bowel", False),
        # lying down said first, the pain after it
        ("lying down it still hurts, nothing eases it", "night_rest_pain", False),
        ("lying down it aches worse than walking", "night_rest_pain", False),
        # weighing less for no reason
        ("I weigh less now for no reason at all", "weight_loss", False),
        # worse said first, weeks or months of rehab after it
        ("it has only got worse after three months of physio", "not_improving", False),
        # the good leg joining in, "too" or "as well" further on; the place one sits
        ("my good leg has begun to feel numb as well", "both_legs", False),
        ("the good one is getting pins and needles too", "both_legs", False),
        ("the spot I sit on has gone numb since last night", "saddle_numbness", False),
        # ...calm twins
        ("my son has a temperature, and the leg is fine", None, False),
        ("I've got ants in my pants before the race", None, False),
        ("I sat on a bar stool for hours", None, False),
        ("I don't feel myself today, just tired", None, False),
        ("is lying down on my front ok after the bridges", None, False),
        ("I weigh less than my sister", None, False),
        ("my good leg is fine too", None, False),
        ("it felt worse after my first week of the exercises, is that normal", None, False),
        ("it's worse after a month off work", None, False),
        ("I do the stretches on my good leg as well", None, False),
    ],
)
def test_round_18_lay_wordings(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found, whose = flags.assess_whose(text)
    assert (found.id if found else None) == expected, (text, found)
    assert whose is theirs, text


# Round 19 (rf19): lay wordings of the brief's rows, written for this test (none from an
# evaluation set), each with a calm twin that shares its words. "someone ..." is what an
# opener naming them first leaves ("he ...", "my son ...": handlers/said.py).
@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        # the care itself said to do nothing, or to make no difference
        ("the physio has done nothing for the pain", "not_improving", False),
        ("the stretches aren't making any real difference", "not_improving", False),
        ("I've done nothing today, can I still do the bridges tonight", None, False),
        ("the bridges are making a big difference already", None, False),
        # the dentist's numbness, in the saddle
        ("my bum feels like after a dental injection, all rubbery", "saddle_numbness", False),
        # control of the back passage
        ("I've got no control of my back passage since Tuesday", "bladder_bowel", False),
        # someone else who cannot walk on "that" leg
        ("someone cannot put any weight on that leg since Saturday", "cannot_bear_weight", True),
        # "not well" holds its own "not"
        ("I'm not feeling well at all and my hamstring throbs", "fever_unwell", False),
        # the pain going up like a score; no difference seen
        ("I do every session but the pain keeps going up", "not_improving", False),
        ("six weeks of the bridges and I haven't noticed any difference", "not_improving", False),
        # weighing less, the reason unknown, with words between
        ("I weigh a lot less than at Christmas and I'm not sure why", "weight_loss", False),
        # someone else's loss said unexplained; their history said of them first
        ("someone dropped two stone this year and nobody knows why", "weight_loss", True),
        ("someone had lymphoma as a teenager", "cancer_history", True),
        ("a relative had chemo for breast cancer and now has this ache", "their_history", True),
        # their age, then "the" or "this" pain
        ("my uncle is 68 and the hip pain is brand new", "new_pain_over_50", True),
        # an age in two words; "has this pain" (third person) is theirs
        ("someone sixty three and it just started last week", "new_pain_over_50", True),
        ("my nan has been losing weight and has this ache in her side", "weight_loss", True),
        # breathing said fast or rapid (holdout19's one under-triaged statement, read after
        # its one measurement; these sentences are written for the test)
        (
            "after the coach trip my calf puffed up and my breathing's gone rapid",
            "breathless_swollen_leg",
            False,
        ),
        (
            "I'm breathing really quickly and one leg is fat and sore",
            "breathless_swollen_leg",
            False,
        ),
        # ...calm twins
        ("my breathing was fast after the run but it settled in a minute", None, False),
        ("I'm a fast learner, the bridges are easy now", None, False),
        ("my bum went sore in the dentist's chair, it was a long appointment", None, False),
        ("I've lost control of my spending since I got injured", None, False),
        ("someone can't walk to the shops on their own, she's only four", None, False),
        ("the bridges are not going well, they're hard", None, False),
        ("the pain goes up into my buttock when I sit", None, False),
        ("the pain is going up the stairs, coming down is fine", None, False),
        ("I can't see any difference between the two bridges", None, False),
        ("I weigh a lot less than my brother", None, False),
        ("someone lost weight on a diet and feels great", None, False),
        ("my mum had cancer years ago and my leg aches", None, False),
        ("my uncle is 68 and the fittest man I know", None, False),
        ("someone had a cancer scare but it was a cyst", None, False),
        ("someone sixty three and still swims every morning", None, False),
        ("my nan has been losing weight on her diet and has this new hobby", None, False),
    ],
)
def test_round_19_lay_wordings(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found, whose = flags.assess_whose(text)
    assert (found.id if found else None) == expected, (text, found)
    assert whose is theirs, text


def test_round_19_an_age_in_two_words_is_one_number(flags: RedFlags) -> None:
    assert red_flags.read("grandad's seventy-nine and it's new", flags.reading)[:2] == (
        "grandad",
        "79",
    )
    assert red_flags.read("fifty fifty chance", flags.reading)[:2] == ("fifty", "fifty")


# Round 20 (rf20): general readings for the "soon" rows, whoever says them and however.
# Sentences written for these tests, none from an evaluation set.
@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        # a relative's own cancer history with their own pain: the treatment said with any
        # verb, the sit bone or backside said as theirs, or their part said to hurt after "now"
        (
            "my wife completed radiotherapy two years ago and now her backside is sore",
            "their_history",
            True,
        ),
        ("a relative was treated for lymphoma and now his sit bone throbs", "their_history", True),
        ("my brother had bowel cancer and now his knee aches", "their_history", True),
        # someone else's pain at night, their own pain or sleep said
        ("my dad's pain keeps him awake most nights", "night_rest_pain", True),
        ("the wife's pain is bad at night and wakes her", "night_rest_pain", True),
        # night and rest pain in other words
        ("it's worst at night, I can hardly sleep for it", "night_rest_pain", False),
        ("the hamstring aches even when I'm just sitting doing nothing", "night_rest_pain", False),
        ("this ache has wrecked my sleep for a fortnight", "night_rest_pain", False),
        # a loss going on, said unexplained
        ("I lose weight every month and I don't know why", "weight_loss", False),
        # an age after "at", "years old", a bus pass; a first time in other words
        ("at 71 I've never had pain like this before", "new_pain_over_50", False),
        ("sixty two years old and this came out of the blue", "new_pain_over_50", False),
        ("I've had my bus pass a while and this pain is new", "new_pain_over_50", False),
        ("I'm 64 and I've never experienced anything like it", "new_pain_over_50", False),
        ("someone is 77 and only really started getting it in May", "new_pain_over_50", True),
        ("I'm sixty eight and the ache only showed up after Easter", "new_pain_over_50", False),
        # the treatments and kinds people name instead of the disease
        ("I'm on letrozole since my op", "cancer_history", False),
        ("I had a bone marrow transplant in my twenties", "cancer_history", False),
        ("five years cancer free now", "cancer_history", False),
        # ...calm twins
        ("my wife completed the couch to 5k and now her backside is sore", None, False),
        ("my son keeps waking at night with his teething", None, False),
        ("my son keeps me up at night with his coughing", None, False),
        ("the dog keeps me up at night and the leg aches all night too", "night_rest_pain", False),
        ("I want to lose weight, will the exercises help", None, False),
        ("I lose weight easily when I cycle more", None, False),
        ("I bought a bus pass for the winter", None, False),
        ("I'm 34 and this came out of the blue", None, False),
        ("I lift at 60 percent and it's new to me", None, False),
        ("my 60 kilo bar arrived today", None, False),
        ("I'm 70 and my parcel arrived this morning", None, False),
        ("my aunt is on tamoxifen and doing well", None, False),
        ("I've done nothing about the garden all week", None, False),
        ("it's the worst advice at night to stretch, isn't it", None, False),
        # rest that eases it, a cancer check that found nothing
        ("the ache settles down once I'm resting on the bed", None, False),
        ("it goes away when I rest, then comes back on the stairs", None, False),
        ("I had a bowel cancer screening and it came back fine", None, False),
        # ...and their twins, still raised
        ("it hurts at rest and nothing settles it", "night_rest_pain", False),
        ("it eases a bit when I rest but it wakes me every night", "night_rest_pain", False),
        ("my cancer screening was positive and I had radiotherapy", "cancer_history", False),
    ],
)
def test_round_20_lay_wordings(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found, whose = flags.assess_whose(text)
    assert (found.id if found else None) == expected, (text, found)
    assert whose is theirs, text


# Round 20 (merge): no improvement said with the weeks after it, or as "back to square one"
# after weeks of care. Sentences written for these tests, none from an evaluation set.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the same after eight weeks", "not_improving"),
        ("is going nowhere still sore after two months of rehab", "not_improving"),
        ("for weeks of this and it's only got worse", "not_improving"),
        ("for weeks of physio and I am back to square one", "not_improving"),
        ("she says it still hurts after six weeks of the exercises", "not_improving"),
        # ...calm twins
        ("do I go back to square one after a flare up", None),
        ("it's the same after a run as before it, a dull ache", None),
        ("I'm sore after a week of gardening but it goes by the morning", None),
        ("we're going nowhere on holiday this year", None),
        ("it's still sore after months, is that normal", None),
    ],
)
def test_round_20_no_improvement_with_the_weeks_said(
    flags: RedFlags, text: str, expected: str | None
) -> None:
    found = flags.assess(text)
    assert (found.id if found else None) == expected, (text, found)


# Round 21 (rf21): the soon rows and the foot in new wordings, someone else's soon sign with
# their leg or care named, an animal's sign that is no one's, and calm lines that only sound
# like a sign. Sentences written for these tests, none from an evaluation set.
@pytest.mark.parametrize(
    ("text", "expected", "theirs"),
    [
        # a foot that droops or sags
        ("my left foot droops when I walk to the shops", "foot_drop", False),
        ("the toes on that side are drooping", "foot_drop", False),
        # an amount said first, then "down"
        ("the bathroom scale has me two stone down, I'm eating the same", "weight_loss", False),
        # someone else's loss said unexplained, with their pain a word away
        ("my mum has lost two stone without trying and has this hip pain", "weight_loss", True),
        # the pain itself the same, or not going, after weeks; everything tried
        ("it's been ten weeks of exercises and the pain is still the same", "not_improving", False),
        ("six weeks on and the ache is the same", "not_improving", False),
        ("I'm doing everything right and the pain is not going", "not_improving", False),
        ("I've tried everything and nothing shifts it", "not_improving", False),
        (
            "my daughter's hamstring has stayed the same for months despite physio",
            "not_improving",
            True,
        ),
        # rest said with "even", a pain that never stops, their night whatever they do
        ("even resting on the sofa it throbs away", "night_rest_pain", False),
        ("the ache never stops, day in day out", "night_rest_pain", False),
        (
            "my wife can't sleep, the pain is there whatever she does at night",
            "night_rest_pain",
            True,
        ),
        # "I" after someone named is a new subject: the person's own fever
        ("my child, I have a fever and feel awful", "fever_unwell", False),
        # ...calm twins
        ("my houseplants are drooping in this heat", None, False),
        ("my eyelids droop when I'm tired", None, False),
        ("I'd love to be five kilos down by the wedding", None, False),
        ("my weight bobs up and down by a kilo or two", None, False),
        ("my husband lost weight without much effort", None, False),
        ("the pain is the same as last Tuesday, a dull ache", None, False),
        ("is the pain the same as a pulled muscle", None, False),
        ("my weight has stayed the same all year", None, False),
        ("despite the rain I did my exercises", None, False),
        ("I tried everything on the menu", None, False),
        ("the pain doesn't stop me from cycling", None, False),
        ("my son can't sleep because of the heat", None, False),
        ("whatever I do at night I get a cramp", None, False),
        # an animal's sign is no one's, whoever's "her" or "his" leg it is
        ("my dog can't put weight on her back leg", None, False),
        ("my puppy can't put any weight on her front paw", None, False),
        ("the dog has been limping and can't put weight on his leg", None, False),
        # knuckles, sweets, the dentist, the usual breath
        ("I heard a crack when I cracked my knuckles this morning", None, False),
        ("the popping candy fizzed in my mouth", None, False),
        ("I had a numbing injection at the dentist and my lip is still numb", None, False),
        ("I get a bit breathless on the hill, same as always", None, False),
        # something said to tear inside; someone carried off
        ("lifting the sofa something rip in the back of my thigh", "pop", False),
        (
            "my teammate couldn't walk off the court, she had to be carried",
            "cannot_bear_weight",
            True,
        ),
        # an illness over, a noise there since childhood
        ("I had a temperature at Christmas with the flu but I'm well now", None, False),
        ("my hip has clicked since I was a kid and it never hurts", None, False),
        # a bruise or a swelling said to be over is that sign's history, not every sign's
        ("the bruise on the back of my leg has faded", None, False),
        ("the swelling on my calf has gone down", None, False),
        # ...and their twins, still raised
        ("I felt a pop in my hamstring and the bruise is fading", "pop", False),
        ("my leg went numb and the swelling has gone down", "leg_numb_tingle_weak", False),
        ("I had a fever yesterday but I'm well now", "fever_unwell", False),
        ("I'm not well now, I have a fever", "fever_unwell", False),
        (
            "I tripped over the dog and now I can't put weight on my leg",
            "cannot_bear_weight",
            False,
        ),
        ("there was a pop in my hamstring when I cracked my knuckles", "pop", False),
        ("my leg went numb at the dentist this morning", "leg_numb_tingle_weak", False),
        ("the pain is the same as when it started six weeks ago", "not_improving", False),
    ],
)
def test_round_21_lay_wordings(
    flags: RedFlags, text: str, expected: str | None, theirs: bool
) -> None:
    found, whose = flags.assess_whose(text)
    assert (found.id if found else None) == expected, (text, found)
    assert whose is theirs, text


# Round 21, after holdout21's one measurement (its missed statements were read, and these
# are written for the tests in other words): control lost said without naming what, pain
# said to run down both legs, no improvement said as "not really" or "still at square one".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since Tuesday I just can't hold it in when I need the loo", "bladder_bowel"),
        ("my bowels were blocked and now I couldn't hold it in at all", "bladder_bowel"),
        ("both my legs ache down the back right to my feet", "both_legs"),
        ("it's in both legs now, pain down into the feet", "both_legs"),
        ("I'm not really improving even with the exercises", "not_improving"),
        ("two months of rehab and I'm still at square one", "not_improving"),
        # ...calm twins
        ("I held the bridge for thirty seconds, I can hold it longer now", None),
        ("my legs ache after the long walk but it settles by evening", None),
        ("is it normal to feel it improving slowly", None),
        ("do I go back to square one after a flare up", None),
    ],
)
def test_round_21_lost_control_both_legs_and_no_improvement_in_other_words(
    flags: RedFlags, text: str, expected: str | None
) -> None:
    found = flags.assess(text)
    assert (found.id if found else None) == expected, (text, found)
