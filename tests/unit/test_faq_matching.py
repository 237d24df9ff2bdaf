"""FAQ matching and red-flag detection on the real content, measured on phrasings that are
not in the content. The run prints the accuracy it measured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from hamstring_coach.domain import faq
from hamstring_coach.domain.faq import FaqIndex, Lexicon, Outcome

PHRASINGS = yaml.safe_load((Path(__file__).parent / "faq_phrasings.yaml").read_text("utf-8"))
EVAL = Path(__file__).parents[1] / "eval"
# Share of these questions answered with the right topic, confidently. The matcher asks
# rather than guesses when unsure, so "did you mean" cases count apart (see the test).
TARGET = 0.72


@pytest.fixture(scope="module")
def en(content_source: dict[str, Any]) -> dict[str, Any]:
    return dict(content_source["en"])


@pytest.fixture(scope="module")
def lexicon(en: dict[str, Any]) -> Lexicon:
    return faq.lexicon_from(en["faq_lexicon"])


@pytest.fixture(scope="module")
def index(en: dict[str, Any], lexicon: Lexicon) -> FaqIndex:
    return FaqIndex.build(faq.topics_from(en["faq"]), lexicon)


def _questions(section: str) -> list[tuple[str, str]]:
    return [(topic, q) for topic, qs in PHRASINGS[section].items() for q in qs]


def _score(index: FaqIndex, section: str) -> tuple[int, int, int, int, list[str]]:
    """(right, wrong, offered with the right topic among them, total, failures)."""
    right = wrong = offered = 0
    failures: list[str] = []
    questions = _questions(section)
    for topic, question in questions:
        found = index.match(question)
        if found.outcome is Outcome.ANSWER and found.topics == (topic,):
            right += 1
            continue
        if found.outcome is Outcome.ANSWER:
            wrong += 1
        elif found.outcome is Outcome.CHOICE and topic in found.topics:
            offered += 1
        failures.append(f"{topic}: {question!r} -> {found.outcome.value} {found.topics}")
    return right, wrong, offered, len(questions), failures


# --- the phrasing set itself ------------------------------------------------------------


def _dev_questions(lexicon: Lexicon) -> dict[str, list[str]]:
    """The development set of tests/eval (questions in people's own words), by topic id."""
    labels = yaml.safe_load((EVAL / "questions_topics.yaml").read_text("utf-8"))["labels"]
    dev = yaml.safe_load((EVAL / "questions_dev.yaml").read_text("utf-8"))["questions"]
    out: dict[str, list[str]] = {}
    for q in dev:
        for topic in labels.get(q["topic"], {}).get("topics", ()):
            out.setdefault(topic, []).append(q["q"])
    return out


def test_phrasing_set_covers_every_topic_with_at_least_eight_unseen_questions(
    en: dict[str, Any], lexicon: Lexicon
) -> None:
    # Compared as words (case, punctuation and contractions tidied); the matcher's filler
    # list is too broad for this ("can I go running" and "go running" are different asks).
    content = {
        faq.words(p, lexicon)
        for body in en["faq"].values()
        for p in (body["name"], *body["phrasings"])
    }
    dev = _dev_questions(lexicon)
    assert set(PHRASINGS["tuning"]) == set(en["faq"]), "every topic has tuning questions"
    assert set(PHRASINGS["held_out"]) <= set(en["faq"])
    for topic in en["faq"]:
        asked = PHRASINGS["tuning"].get(topic, []) + PHRASINGS["held_out"].get(topic, [])
        # Not present in the content, even after tidying (case, contractions, filler).
        copied = [q for q in asked if faq.words(q, lexicon) in content]
        assert not copied, f"{topic}: phrasings copied from the content: {copied}"
        assert len(asked) + len(dev.get(topic, [])) >= 8, topic


# --- accuracy ---------------------------------------------------------------------------


def test_topic_accuracy_meets_the_target(
    index: FaqIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    # Whole sentences, matched directly (the eval tier measures them through the
    # interaction model as Alexa would send them).
    results = {section: _score(index, section) for section in ("tuning", "held_out")}
    right = sum(r[0] for r in results.values())
    wrong = sum(r[1] for r in results.values())
    offered = sum(r[2] for r in results.values())
    total = sum(r[3] for r in results.values())
    with capsys.disabled():
        print()
        for section, (r, w, o, n, failures) in results.items():
            print(
                f"FAQ accuracy [{section}]: {r}/{n} = {r / n:.1%} answered right; "
                f"{w} answered wrong; {o} offered a choice that included the right topic"
            )
            for line in failures:
                print(f"    {line}")
        print(f"FAQ accuracy [all]: {right}/{total} = {right / total:.1%} (target {TARGET:.0%})")
    assert right / total >= TARGET
    # A wrong confident answer is worse than asking: keep them rare; and most of what is
    # not answered outright is a choice that names the right topic.
    assert wrong / total <= 0.02
    assert (right + offered) / total >= 0.9


def test_questions_about_something_else_are_not_answered(
    index: FaqIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    outcomes = {q: index.match(q).outcome for q in PHRASINGS["off_topic"]}
    answered = [q for q, o in outcomes.items() if o is Outcome.ANSWER]
    honest = sum(o in (Outcome.MISS, Outcome.OFF_TOPIC) for o in outcomes.values())
    with capsys.disabled():
        print(
            f"\nFAQ off-topic: {honest}/{len(outcomes)} honest misses, "
            f"{len(answered)} answered anyway {answered}"
        )
    assert not answered
    assert honest >= len(outcomes) * 0.8


def test_other_body_parts_are_off_topic_unless_the_hamstring_is_named_too(
    index: FaqIndex,
) -> None:
    assert index.match("how long does a sprained ankle take to heal").outcome is Outcome.OFF_TOPIC
    assert index.match("should I stretch my calves").outcome is Outcome.OFF_TOPIC
    assert index.match("what's good for a bad back").outcome is Outcome.OFF_TOPIC
    assert index.match("what's the weather tomorrow").outcome is Outcome.OFF_TOPIC
    # The hamstring named, or a knee only as a sleeping position: still ours.
    assert index.match("is it my back or my hamstring").outcome is not Outcome.OFF_TOPIC
    sleep = index.match("should I sleep with a pillow between my knees")
    assert sleep.outcome is Outcome.ANSWER and sleep.topics == ("sleep",)


def test_another_part_said_to_be_fine_or_ruled_out_leaves_the_question_ours(
    index: FaqIndex,
) -> None:
    # Round 6: a part said to be fine ("my knee's fine", "my calves are fine") or ruled out
    # ("not my knee") is not what the question is about.
    for question in (
        "my knee's fine but it hurts when I sit",
        "my calves are fine, should I stretch it",
        "not my knee, how long does it take to heal",
    ):
        assert not index.read(question).other_part, question
    # Said not to be fine, or named with no word that clears it, the part is the subject.
    for question in (
        "my knee is not fine, what should I do",
        "how long does a sprained ankle take to heal",
        "my knee feels normal but my ankle hurts",
    ):
        assert index.read(question).other_part, question
    assert index.match("my knee is not fine, what should I do").outcome is Outcome.OFF_TOPIC


def test_another_part_taken_back_at_once_leaves_the_question_ours(index: FaqIndex) -> None:
    # Round 43 (holdout44's questions): a part said and corrected at once, the hamstring
    # named after it, was read as the knee's question with the hamstring ruled out by the
    # correcting "no", and missed.
    for question in (
        "my knee, no, my hamstring, can I still do lunges",
        "my calf, wait no, the hamstring up top, when can I run again",
        "my shoulder, sorry, my hamstring, is swimming alright",
    ):
        read = index.read(question)
        assert not read.other_part and read.own_part, question
        assert index.match(question).outcome in (Outcome.ANSWER, Outcome.CHOICE), question
    # With no correction, or no hamstring after it, the other part stays the subject; the
    # hamstring ruled out in so many words stays ruled out.
    for question in (
        "my knee hurts when I run, what should I do",
        "my knee, no idea why, aches after football",
        "my knee is sore, no hamstring pain at all, can I run",
    ):
        assert index.read(question).other_part, question
    assert not index.read("my knee is sore, no hamstring pain at all").own_part


def test_a_condition_lived_with_is_context_when_something_of_ours_is_named(
    index: FaqIndex,
) -> None:
    # Round 44 (holdout45's questions): another condition said as the context of a
    # question of ours was read as the subject, and the question declined as off topic.
    for question, topic in (
        ("with my asthma is there any risk in having shockwave", "shockwave"),
        ("can I use a heat pack on it while I'm pregnant", "ice_heat"),
        ("with diabetes, how long will the tendon take to heal", "recovery_time"),
        ("could I get an MRI for this while I'm pregnant", "scans"),
    ):
        read = index.read(question)
        assert not read.off_topic and not read.other_part, question
        assert index.match(question).topics[:1] == (topic,), question
    # Alone, the condition is the subject; a bad back is the back's question.
    for question in (
        "is it safe to fly while pregnant",
        "how do I manage my blood pressure",
        "what's good for my arthritis",
        "what's a good exercise for a bad back, just the lower back",
    ):
        read = index.read(question)
        assert read.off_topic or read.other_part, question


def test_the_hamstring_ruled_out_leaves_the_other_part_the_subject(index: FaqIndex) -> None:
    # (round 39) "it's the knee, not the hamstring": the hamstring named only to be ruled
    # out does not make the question ours.
    for question in (
        "can I do step class with my sore ankle, it's the ankle, not the hamstring",
        "my shoulder clicks when I swim, not my hamstring, what do I do",
    ):
        assert not index.read(question).own_part, question
        assert index.match(question).outcome is Outcome.OFF_TOPIC, question
    # Named without "not" before it, the hamstring is still the subject.
    assert index.read("is it my knee or my hamstring that hurts when I sit").own_part


def test_a_gadget_beside_the_hamstring_is_a_source_not_the_subject(index: FaqIndex) -> None:
    # (round 40) A watch or tracker named beside the hamstring, its tendon or the sit bone
    # is where the person heard something: the question is still ours.
    for question in (
        "my Garmin says three days recovery, how long for the tendon to heal",
        "my Apple Watch tells me to stand every hour, is that enough for the sit bone",
    ):
        assert not index.read(question).off_topic, question
    # Asked about the gadget itself, with nothing of ours named, it stays off topic.
    for question in ("which Garmin should I buy", "how do I charge my Fitbit"):
        assert index.read(question).off_topic, question
        assert index.match(question).outcome is Outcome.OFF_TOPIC, question


def test_a_meal_said_as_the_time_of_day_is_no_question_about_food(index: FaqIndex) -> None:
    # (round 40) "gone by dinner", "aches by lunch": the time of day, not the meal.
    for question in (
        "it's sore after the exercises but gone by dinner, is that okay",
        "my sit bone aches by lunchtime at the desk, what can I change",
        "I'm right as rain in the morning, is sitting all day the problem",
    ):
        assert not index.read(question).off_topic, question
    for question in ("what should I have for dinner", "what should I pack for lunch"):
        assert index.match(question).outcome is Outcome.OFF_TOPIC, question


def test_someone_elses_part_after_the_persons_own_it_is_the_story(index: FaqIndex) -> None:
    # (conv18b) A question about the person's own "it", then a friend's part as the story.
    assert not index.read("can I get a jab in it, my pal got one in her shoulder").other_part
    assert not index.read("would this help, my dad rolls his calves every night").other_part
    # Another's part with no "it" or "this" of the person's before it stays the subject.
    for question in ("her knee hurts, what should she do", "my son hurt his ankle, ice it?"):
        assert index.read(question).other_part, question


def test_another_persons_treatment_of_another_part_leaves_the_question_ours(
    index: FaqIndex,
) -> None:
    # Round 18 (q18b): where someone else had a treatment is backstory; the question is
    # about the treatment.
    for question in (
        "my friend got a shot in her hip, should I ask for one",
        "is a cortisone jab a good idea, a lad at work had one in his shoulder",
        "my buddy got prp in his elbow, would that work for this",
    ):
        assert not index.read(question).other_part, question
    assert index.match("my friend got a shot in her hip, should I ask for one").topics == (
        "injections",
    )
    # The person's own part, a part that is not a treatment's site, or a treatment the
    # topics do not answer for any part: the part is still the subject.
    for question in (
        "I had one in my knee, will it work",
        "my buddy's got gout in his big toe",
        "she had surgery on her knee, how long is recovery",
        "he got a sore shoulder at the gym",
    ):
        assert index.read(question).other_part, question


def test_another_part_this_problem_is_compared_with_is_the_story(index: FaqIndex) -> None:
    # Round 33: a part said first, then a phrase that points back at this problem.
    for question in (
        "when my shoulder was bad I used heat on it, can I use it here",
        "my calf got better with stretching, is stretching good for this one",
        "for my knee I did slow lowering, is it the same here",
        "I had shockwave on my heel years ago, would it work for this",
    ):
        assert not index.read(question).other_part, question
    assert index.match(
        "my calf got better with stretching, is stretching good for this one"
    ).topics == ("stretching",)
    # No phrase of this problem after the part, or the phrase before it: the part's own.
    for question in (
        "I sprained my ankle, should I ice it",
        "can I do this one if my knee hurts",
        "is stretching good for a sore shoulder",
    ):
        assert index.read(question).other_part, question


def test_a_treatment_named_with_how_long_asks_about_the_treatment(index: FaqIndex) -> None:
    # Round 34: the time-like topic gives way to the one treatment named.
    for question, topic in (
        ("if I have the cortisone jab how many weeks till I can run", "injections"),
        ("how long after the operation will I be walking normally", "surgery"),
        ("how long until the shockwave starts working", "shockwave"),
    ):
        assert index.match(question).topics[:1] == (topic,), question
    # No treatment, or two of them: as before.
    assert index.match("how long does this take to heal").topics[:1] == ("recovery_time",)
    assert index.match("surgery or injections, how long to recover").topics[:1] != ("injections",)


def test_the_hamstring_named_inside_a_phrase_still_makes_the_question_ours(
    index: FaqIndex,
) -> None:
    # "upper hamstring" folds into the condition's name; it is still the hamstring, so a
    # knee said beside it does not turn the question away.
    assert index.read("my upper hamstring aches").own_part
    found = index.match("my knee aches a bit but mainly the upper hamstring, is it sciatica")
    assert found.outcome is not Outcome.OFF_TOPIC


def test_other_conditions_and_subjects_that_borrow_our_words_are_off_topic(
    index: FaqIndex,
) -> None:
    # Each shares one word with a topic ("run", "cold", "drive", "time"); none is ours.
    for question in (
        "does arthritis run in families",
        "how do I get rid of a chesty cold",
        "where is the nearest truck stop",
        "what time it is",
        "how much is a rowing machine",
        "how far is a marathon",
    ):
        assert index.match(question).outcome is Outcome.OFF_TOPIC, question
    # Named beside the hamstring, another condition leaves the question ours.
    assert index.match("I have arthritis, will it slow my hamstring recovery").outcome in (
        Outcome.ANSWER,
        Outcome.CHOICE,
    )


def test_stems_and_synonyms_make_different_words_the_same_question(index: FaqIndex) -> None:
    assert faq.stem("stretches") == faq.stem("stretching") == faq.stem("stretch")
    assert faq.stem("running") == faq.stem("runs") == faq.stem("run")
    assert faq.stem("swimming") == "swim" and faq.stem("rolling") == "roll"
    for question in ("can I ride my bicycle", "is biking alright", "is spin class okay"):
        found = index.match(question)
        assert found.outcome is Outcome.ANSWER and found.topics == ("cycling",), question


def test_the_stemmer_keeps_a_word_with_no_vowel_before_its_ending_and_drops_ly() -> None:
    # "string" was "str" and "thing" "th": an ending only goes when a vowel is left.
    assert [faq.stem(w) for w in ("string", "thing", "bring")] == ["string", "thing", "bring"]
    assert faq.stem("stringing") == "string"
    assert faq.stem("slowly") == faq.stem("slow") and faq.stem("completely") == faq.stem("complete")
    assert [faq.stem(w) for w in ("only", "early", "daily")] == ["only", "early", "daily"]


def test_letters_said_one_by_one_are_the_word_they_spell(index: FaqIndex) -> None:
    for spelled, word in (
        ("should I see my g p", "should I see my GP"),
        ("is p r p any good", "is PRP any good"),
        ("do I need an m r i", "do I need an MRI"),
    ):
        assert index.read(spelled).terms == index.read(word).terms, spelled
    # "a" and "i" are words, not the start of a spelling.
    lexicon = Lexicon(contractions={}, filler=frozenset())
    terms = faq.FaqIndex.build((), lexicon).read("can i see a g p").terms
    assert terms == ("can", "i", "see", "a", "gp")


def test_a_filler_adverb_is_dropped_but_its_adjective_is_not() -> None:
    lexicon = Lexicon(contractions={}, filler=frozenset({"generally", "thinking"}))
    index = faq.FaqIndex.build((), lexicon)
    assert index.read("generally thinking").terms == ()
    assert index.read("in general I think").terms == ("in", "general", "i")


def test_backstory_around_two_telling_words_does_not_stop_an_answer(index: FaqIndex) -> None:
    # A third of the question's words is enough when they are the ones that say what is
    # asked: the rest is the person's own story, which no topic knows.
    found = index.match("should I be stretching the back of my leg to loosen it off")
    assert found.outcome is Outcome.ANSWER and found.topics == ("stretching",)


def test_a_leader_far_ahead_is_answered_though_it_explains_little(index: FaqIndex) -> None:
    question = "it's been about eight weeks already, how much longer till it heals"
    (best, top), (_, second) = index.scores(question)[:2]
    assert best == "recovery_time" and second <= faq.DOMINANT * top
    found = index.match(question)
    assert found.outcome is Outcome.ANSWER and found.topics == ("recovery_time",)


def test_a_word_the_runner_up_uses_in_passing_is_not_a_second_subject(
    index: FaqIndex,
) -> None:
    # "out" is a word of the see-a-doctor topic, once: no reason to ask "running or doctor?"
    found = index.match("can I still go out running")
    assert found.outcome is Outcome.ANSWER and found.topics == ("running",)


def test_a_single_word_does_not_decide_a_longer_question(index: FaqIndex) -> None:
    # A spelling-alike ("nothing" / "anything") never counts as the same word.
    assert "anything" not in index.read("is it better to just do nothing").terms
    # One known word among several the topic does not explain: ask, do not answer.
    lone = index.match("my granddad's old ice skates in the loft")
    assert lone.outcome is not Outcome.ANSWER


def test_a_close_call_offers_two_topics_and_nothing_found_is_a_miss(index: FaqIndex) -> None:
    # Two topics' words in one question: neither can win outright.
    both = index.match("sitting and stretching")
    assert both.outcome is Outcome.CHOICE
    assert set(both.topics) == {"stretching", "sitting"}
    # One word several topics share: a choice, never a guess.
    assert index.match("pain").outcome is Outcome.CHOICE
    # No topic's words at all (baking is on the off-topic list since round 7).
    assert index.match("how do I tune a guitar").outcome is Outcome.MISS
    assert index.match("").outcome is Outcome.MISS


def test_a_clear_lead_is_answered_even_when_the_question_has_words_no_topic_knows(
    index: FaqIndex,
) -> None:
    # Unknown words ("summer", "deal") lower every score alike; the order still holds, so
    # a topic far ahead of the runner-up is answered, not offered.
    question = "how long until it heals enough for my wedding dance"
    ranked = index.scores(question)
    (best, top), (_, second) = ranked[0], ranked[1]
    assert best == "recovery_time" and second <= faq.RATIO * top
    found = index.match(question)
    assert found.outcome is Outcome.ANSWER and found.topics == ("recovery_time",)


def test_one_shared_word_and_a_subject_no_topic_knows_is_not_answered(
    index: FaqIndex,
) -> None:
    # The leader shares a single telling word with a question about something else.
    for question in ("my cat has a limp what should I do", "what colour bike should I buy"):
        assert index.match(question).outcome is not Outcome.ANSWER, question
    # Days and seasons are not a subject: the question is still answered.
    found = index.match("am I ok to do parkrun on saturday")
    assert found.outcome is Outcome.ANSWER and found.topics == ("running",)


def test_a_word_inside_a_synonym_phrase_is_not_another_body_part(index: FaqIndex) -> None:
    # "touch my toes" is a stretch and "put my feet up" is rest: not the toes or the feet.
    toes = index.match("is it alright to touch my toes")
    assert toes.outcome is Outcome.ANSWER and toes.topics == ("stretching",)
    assert not index.read("should I just put my feet up").other_part
    # The toes on their own are still another body part.
    assert index.match("my toes hurt when I run").outcome is Outcome.OFF_TOPIC


def test_a_long_time_is_not_age_and_sort_of_is_not_recovery(index: FaqIndex) -> None:
    assert "older" not in index.read("sitting for ages").terms
    assert "older" in index.read("is it because I'm getting older").terms
    assert "recover" not in index.read("it's sort of sore").terms


def test_pick_understands_a_spoken_topic_name_among_the_offered(index: FaqIndex) -> None:
    assert index.pick(["running", "stretching"], "the stretching one") == "stretching"
    assert index.pick(["running", "stretching"], "running please") == "running"
    assert index.pick(["running", "stretching"], "the weather") is None


def test_suggestions_name_three_topics_and_skip_the_one_just_answered(index: FaqIndex) -> None:
    first = index.suggestions(3)
    assert len(first) == 3
    again = index.suggestions(3, exclude=[first[0].id])
    assert first[0] not in again and len(again) == 3


def _asked() -> list[str]:
    """Every question of the phrasing set, on topic or not, and some edge cases."""
    asked = [q for _, q in _questions("tuning") + _questions("held_out")]
    asked += PHRASINGS["off_topic"]
    return [*asked, "", "pain", "the", "sitting and stretching", "running running running"]


def test_scores_rank_every_topic_and_pick_agrees_with_them(index: FaqIndex) -> None:
    topic_ids = [t.id for t in index.topics]
    for n, question in enumerate(_asked()):
        ranked = index.scores(question)
        assert sorted(t for t, _ in ranked) == sorted(topic_ids)
        assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
        assert all(0.0 <= s <= 1.0 for _, s in ranked)
        # Two offered topics, varied over the set: the reply names whichever scores higher.
        choices = [topic_ids[n % len(topic_ids)], topic_ids[(n * 7 + 3) % len(topic_ids)]]
        best = next((t, s) for t, s in ranked if t in choices)
        expected = best[0] if best[1] >= faq.MISS_BELOW else None
        if index.read(question).off_topic:
            expected = None
        assert index.pick(choices, question) == expected, question


def test_saying_a_word_twice_is_not_twice_the_evidence(index: FaqIndex) -> None:
    once = dict(index.scores("running"))
    thrice = dict(index.scores("running running running"))
    assert once == thrice


# Red flags: tests/unit/test_red_flags.py (domain/red_flags.py).


def test_words_spells_out_contractions_and_drops_punctuation() -> None:
    lexicon = Lexicon(
        contractions={"what's": "what is", "can not": "cannot"}, filler=frozenset({"the"})
    )
    assert faq.words("What's the Nordic-curl?", lexicon) == ("what", "is", "the", "nordic", "curl")
    assert faq.words("I can not sit", lexicon) == ("i", "cannot", "sit")
    assert faq.key_words("What's the point", lexicon) == ("what", "is", "point")


def test_one_telling_word_that_carries_the_question_is_answered_beside_an_unknown_one(
    index: FaqIndex,
) -> None:
    # "helpful" and "useful" are known to no topic, but the treatment's name explains more
    # than STRANGER_FLOOR of the question: it is answered, not asked back.
    for question, topic in (
        ("is a cortisone injection helpful", "injections"),
        ("is extracorporeal shockwave useful", "shockwave"),
    ):
        found = index.match(question)
        assert found.score >= faq.STRANGER_FLOOR, question
        assert found.outcome is Outcome.ANSWER and found.topics == (topic,), question
    # One word explaining little of a question about something else still decides nothing.
    assert index.match("my dog has a limp").outcome is not Outcome.ANSWER


def test_a_leader_ahead_of_a_runner_up_with_nothing_of_its_own_is_answered(
    index: FaqIndex,
) -> None:
    # The runner-up scores on "aggravated" too, but on nothing the leader lacks: a lead
    # under MARGIN is enough then. (Round 8: "what is this thing I've got", the example
    # until then, now has a question frame and leads by far.)
    question = "i've aggravated it"
    reading = index.read(question)
    best, runner = index._rank(reading.terms, index._tf)[:2]
    assert runner.hits <= best.hits and best.score - runner.score < faq.MARGIN
    found = index.match(question)
    assert found.outcome is Outcome.ANSWER and found.topics == ("flare_up",)
    # A runner-up with a subject of its own is still offered beside the leader.
    both = index.match("can I do sitting and stretching")
    assert both.outcome is Outcome.CHOICE and set(both.topics) == {"sitting", "stretching"}


def test_a_confident_leader_may_answer_on_a_fifth_of_a_long_question(index: FaqIndex) -> None:
    found = index.match("is surgery ever needed for hamstring tendinopathy")
    assert found.score >= faq.CONFIDENT
    assert found.outcome is Outcome.ANSWER and found.topics == ("surgery",)


def test_subjects_that_borrow_a_topic_word_are_off_topic(index: FaqIndex) -> None:
    # Listed in the lexicon since the decision answers one telling word beside an
    # unknown one: a squeaky seat, someone else's sleep, a purchase, a cold.
    for question in (
        "how do I stop my car seat squeaking",
        "how do I get my kid to sleep",
        "what colour bike should I buy",
        "how long does a cold last",
        # (round 45, holdout46's off-topic questions, reworded) a story to send a child to
        # sleep, a paddle's length, a sleep tracker, the device asked to talk slower
        "tell me a story for my son before he goes to sleep",
        "what paddle length suits an outrigger canoe",
        "is a sleep tracker worth buying",
        "can you speak more slowly please",
        # (round 46, holdout47's off-topic questions, reworded) the cold outside, ice on the
        # bay, a cheese aged, a word in Italian
        "how cold is it in Oslo today",
        "how thick is the bay ice this week",
        "how long should I age pecorino",
        "what does stretch mean in Italian",
    ):
        assert index.match(question).outcome is Outcome.OFF_TOPIC, question
    # ...while questions of ours that ride a train or count steps are still answered
    for question in (
        "the train from here to the coast is six hours, how do I sit that long with this",
        "how many steps a day should I walk with this hamstring",
        # (round 46) a boxer's roadwork is running, and poles help a walk
        "can I still do my roadwork for boxing with this",
        "do trekking poles help with this on a walk",
    ):
        assert index.match(question).outcome is not Outcome.OFF_TOPIC, question


def test_a_question_about_the_pregnancy_is_off_topic_but_one_about_the_hamstring_is_not(
    index: FaqIndex,
) -> None:
    assert index.match("can I take ibuprofen while pregnant").outcome is Outcome.OFF_TOPIC
    found = index.match("did being pregnant cause this")
    assert found.outcome is Outcome.ANSWER and found.topics == ("causes",)


def test_a_leader_the_runner_up_trails_by_a_fifth_is_answered_not_asked_back(
    index: FaqIndex,
) -> None:
    # Round 7: under FLOOR, and the runner-up more than RATIO of it, but still at most
    # CLOSE_RATIO: the leader was right 19 times in 22 such questions over every set.
    # (Round 8: "what sets this kind of thing off in the first place", the example until
    # then, now has a question frame and leads by far.)
    question = "what is sciatica got to do with hamstrings then"
    reading = index.read(question)
    best, runner = index._rank(reading.terms, index._tf)[:2]
    assert best.score >= faq.CLOSE_FLOOR
    assert faq.RATIO * best.score < runner.score <= faq.CLOSE_RATIO * best.score
    found = index.match(question)
    assert found.outcome is Outcome.ANSWER and found.topics == ("sciatica",)
    assert index.why_not(reading) == ""
    # Closer than that, a "did you mean" stays, and why_not says which rule held it.
    close = index.read("should I warm up before my yoga class with this")
    assert index.match("should I warm up before my yoga class with this").outcome is (
        Outcome.CHOICE
    )
    assert "close" in index.why_not(close).split("+")


def test_the_close_rule_needs_both_its_floor_and_its_ratio() -> None:
    assert faq._sure(faq.CLOSE_FLOOR, faq.CLOSE_RATIO * faq.CLOSE_FLOOR)
    assert not faq._sure(faq.CLOSE_FLOOR - 0.01, faq.CLOSE_RATIO * (faq.CLOSE_FLOOR - 0.01))
    assert not faq._sure(faq.CLOSE_FLOOR, (faq.CLOSE_RATIO + 0.05) * faq.CLOSE_FLOOR)


def test_an_acknowledgement_said_first_asks_nothing(index: FaqIndex, lexicon: Lexicon) -> None:
    assert faq.said_words("oh I see, I'd like to do the exercises", lexicon)[:3] == (
        "i",
        "would",
        "like",
    )
    assert faq.said_words("ok got it thanks, how long will it take", lexicon)[:2] == (
        "how",
        "long",
    )
    # Only from the very start, and never the whole question.
    assert "see" in faq.said_words("should I see about my hamstring", lexicon)
    assert faq.said_words("thanks", lexicon) == ("thanks",)
    assert "see_doctor" not in index.match("oh I see, I'd like to do the exercises").topics
    found = index.match("should I see about my hamstring")
    assert found.outcome is Outcome.ANSWER and found.topics == ("see_doctor",)
    # A topic's own text keeps every word (a phrasing may start "got it").
    assert faq.words("got it from running", lexicon)[:2] == ("got", "it")


def test_last_night_says_when_not_that_the_question_is_about_sleep(index: FaqIndex) -> None:
    assert index.match("it flared up last night, what now").topics == ("flare_up",)
    assert index.match("I couldn't sleep last night with the pain").topics == ("sleep",)


@pytest.mark.parametrize(
    "question",
    [
        "how long do I roast a chicken for",
        "how do I make jollof rice",
        "how many weeks until christmas",
        "what's the best bike lock",
        "my toddler has a cold, what can I give her",
        "how long does a concussion take to clear up",
        "what causes shin splints",
    ],
)
def test_the_kitchen_holidays_kit_and_other_conditions_are_off_topic(
    index: FaqIndex, question: str
) -> None:
    assert index.match(question).outcome is Outcome.OFF_TOPIC


def test_a_question_frame_outweighs_a_word_of_backstory(index: FaqIndex) -> None:
    # Round 8: "how long ... take" and "why ... get" say what is asked; "surgeon", "bike"
    # and "physio" only tell the story.
    for question, topic in [
        ("i'm a tree surgeon, how long does this hamstring thing usually take to settle",
         "recovery_time"),
        ("why does someone get high hamstring tendinopathy", "causes"),
        ("why i get this problem", "causes"),
        ("partner hardly does anything, how did he get a tendon problem", "causes"),
        ("the physio at the club said high hamstring tendinopathy, what is that exactly",
         "what_is_it"),
    ]:  # fmt: skip
        found = index.match(question)
        assert found.outcome is Outcome.ANSWER and found.topics == (topic,), question
    assert "=cause" in index.read("why do people get it").terms
    # "..." stands for at most FRAME_GAP words.
    gap = " ".join(["word"] * (faq.FRAME_GAP + 1))
    assert "=cause" not in index.read(f"why {gap} get it").terms


def test_a_frame_alone_does_not_answer_a_question_about_something_else(
    index: FaqIndex,
) -> None:
    # A frame, words no topic knows and nothing that points at the person's own problem.
    for question in ["why do kids get nits", "how long does paint take to dry"]:
        assert index.match(question).outcome is not Outcome.ANSWER, question
    # With "it" or "this" it is theirs.
    found = index.match("how long does it take to settle down")
    assert found.outcome is Outcome.ANSWER and found.topics == ("recovery_time",)


def test_backstory_weighs_a_speaker_and_an_identity_less(index: FaqIndex, lexicon: Lexicon) -> None:
    told = index.read("the physio at the club said high hamstring tendinopathy what is that")
    assert "doctor" in told.backstory
    # The nearest speaker before "says" is the wife: the doctor is the question.
    asked = index.read("should i see a doctor my wife says i should")
    assert "doctor" not in asked.backstory
    found = index.match("should i see a doctor my wife says i should")
    assert found.outcome is Outcome.ANSWER and found.topics == ("see_doctor",)
    # A word also said in the question keeps its weight.
    assert "rest" not in index.read("my doctor said rest, is rest good").backstory
    assert "surgery" in index.read("as a tree surgeon what causes this").backstory
    # A word no topic knows keeps its full weight, backstory or not.
    assert index.match("how do i look after my voice as a teacher").outcome is not (Outcome.ANSWER)
    assert faq.reported("said take rest", lexicon)
    assert not faq.reported("rest is good", lexicon)


def test_the_condition_named_beside_a_subject_does_not_decide_the_topic(
    index: FaqIndex,
) -> None:
    # Round 9: "hamstring", "tendon" and "tendinopathy" say which problem, the other words
    # which topic. Causes, prevention and stretching say "hamstring" most, and won these.
    for question, topic in [
        ("is a gentle jog ok with my hamstring tendon", "running"),
        ("am i fine to do the park run with this hamstring tendinopathy", "running"),
        ("do i need to see a physio about my hamstring tendon or not", "see_doctor"),
    ]:  # fmt: skip
        found = index.match(question)
        assert found.outcome is Outcome.ANSWER and found.topics == (topic,), question
    # Alone they are the subject: what the condition is.
    for question in [
        "what is proximal hamstring tendinopathy",
        "my gp wrote high hamstring tendinopathy on my notes, what is that",
    ]:
        found = index.match(question)
        assert found.outcome is Outcome.ANSWER and found.topics == ("what_is_it",), question


def test_a_dropped_final_g_is_read_as_the_word(index: FaqIndex) -> None:
    # Round 9: speech writes "sleepin", "stretchin", "heatin" as heard; a word the matcher
    # knows as said ("sittin", a sitting phrase's) is left alone.
    assert "sleep" in index.read("any advice for sleepin with it").terms
    assert "stretch" in index.read("is stretchin it a good idea").terms
    found = index.match("best position for sleepin with a sore hamstring")
    assert found.outcome is Outcome.ANSWER and found.topics == ("sleep",)
    # A word that is not a dropped ending stays unknown ("protein" is no "protei-ing").
    assert "protein" in index.read("protein shakes").terms or index.read("protein").off_topic


def test_asking_for_tips_names_no_topic(index: FaqIndex) -> None:
    # Round 9: the desk and driving answer says "tips", and won whatever the tips were for.
    found = index.match("tips for sitting on hard benches at the football")
    assert found.outcome is Outcome.ANSWER and found.topics == ("sitting",)


def test_me_said_for_my_reads_as_my_in_a_phrase(index: FaqIndex) -> None:
    # Round 9: "put me feet up" is "put my feet up" (resting), as "me hamstring" is the
    # hamstring; the feet are no other body part there.
    found = index.match("should i put me feet up for a while and wait")
    assert found.outcome is Outcome.ANSWER and found.topics == ("rest",)
    assert not index.read("can i put me feet up").other_part


def test_a_long_distance_is_a_drive_only_when_driven(index: FaqIndex) -> None:
    # Round 9: "long distance" was a driving phrase, so every long walk was asked back.
    found = index.match("am i ok to walk long distances with this")
    assert found.outcome is Outcome.ANSWER and found.topics == ("walking",)
    found = index.match("any advice for driving long distances with this")
    assert found.outcome is Outcome.ANSWER and found.topics == ("desk_driving",)


def test_round_nine_frames_and_phrases(index: FaqIndex) -> None:
    for question, topic in [
        # how it started, and the cause asked last
        ("why did my tendon start hurting, was it the hill sprints", "causes"),
        ("this hamstring problem, it came from what", "causes"),
        # when it will be over
        ("when will this sit bone pain go away", "recovery_time"),
        # the evidence behind a treatment is no cause
        ("what is the science behind shockwave", "shockwave"),
    ]:  # fmt: skip
        found = index.match(question)
        assert found.outcome is Outcome.ANSWER and found.topics == (topic,), question
    # "as long as it settles" is a condition, not the "long ... settle" frame.
    assert "=how_long" not in index.read("is it ok as long as it settles").terms
    # A night out is no sleep question.
    assert "sleep" not in index.read("a warm up before a night out dancing").terms


def test_round_ten_frames_and_places(index: FaqIndex) -> None:
    for question, topic in [
        # the cause guessed at, or said as what the person did
        ("could all the gardening have caused this", "causes"),
        ("i added speed work last month is that why", "causes"),
        # what it is, with the condition's name a few words on
        ("what on earth is this tendinopathy the physio keeps mentioning", "what_is_it"),
        # better by a date
        ("will the ache be gone by my brothers wedding", "recovery_time"),
        # the sore place named by sitting words is the condition, not the sitting topic
        ("can I keep jogging with this sore bum bone", "running"),
        ("is a long walk ok with this pain where i sit", "walking"),
        # "or not" ends a yes/no question
        ("swim or not with this tendon", "swimming"),
    ]:  # fmt: skip
        found = index.match(question)
        assert found.outcome is Outcome.ANSWER and found.topics == (topic,), question
    assert index.read("stretch or not").terms == ("stretch",)


def test_speed_closing_and_shops_said_about_the_hamstring_stay_ours(index: FaqIndex) -> None:
    # Round 11 (q11): "quicker", "close" and "shopping" alone were off-topic words; they
    # turned away a treatment asked as a way back, the nerve's distance and a trip to the
    # shops. Going faster and closing times are listed by their phrases now.
    assert index.match("would a cortisone jab get me back climbing quicker").topics[:1] == (
        "injections",
    )
    assert index.match("is the sciatic nerve close to my sore tendon").outcome is not (
        Outcome.OFF_TOPIC
    )
    assert index.match("can i walk to the shops with this").outcome is not Outcome.OFF_TOPIC
    for other in (
        "how can i swim faster",
        "what time does the pool close",
        "what is the treatment for typhoid",
        "how long do i cook gammon for",
        "how do i restring a tennis racket",
    ):
        assert index.match(other).outcome is Outcome.OFF_TOPIC, other


def test_round_nineteen_tired_time_frames_and_a_misheard_wave(index: FaqIndex) -> None:
    # Round 19 (q19): "tire" alone was an off-topic word and is read as "tir", as "tired"
    # is; "time it is" was one too, and a learner says "how long time it is hurting".
    for ours in (
        "my leg feels so tired after the bridges, is that the tendon",
        "what is wrong inside, is the tendon torn or only tired",
    ):
        assert index.match(ours).outcome is not Outcome.OFF_TOPIC, ours
    for question, topic in [
        # how long one is kept out, "how long more", fixed or finished
        ("how long will I be out of cricket with this sit bone thing", "recovery_time"),
        ("four months already, how long more for this tendon", "recovery_time"),
        ("how long time it is aching before it heals", "recovery_time"),
        ("when will the tendon be fixed, I have a trek in spring", "recovery_time"),
        # "that's done it": the cause guessed at
        ("is it the gardening that's done it to my hamstring", "causes"),
        # "wave" heard as "weigh" or "rave"
        ("is shock weigh therapy any good for the tendon", "shockwave"),
        ("would shock rave help this tendon at all", "shockwave"),
    ]:  # fmt: skip
        found = index.match(question)
        assert found.outcome is Outcome.ANSWER and found.topics == (topic,), question
    for other in ("how do I fix a flat tire on my bike", "can you tell me what time it is"):
        assert index.match(other).outcome is Outcome.OFF_TOPIC, other


def test_a_horses_bowed_tendon_and_a_teeth_bridge_are_off_topic(index: FaqIndex) -> None:
    # Round 19 (q19): a horse's tendon strain has its own name, and a tooth's bridge
    # borrows the exercise's word; the horse itself and a dentist's stool stay ours.
    for other in (
        "the gelding has a bowed tendon, when can he go back in the field",
        "how much does a dental bridge cost",
    ):
        assert index.match(other).outcome is Outcome.OFF_TOPIC, other
    for ours in ("can I still ride my mare with this hamstring", "is a dentist's stool bad for it"):
        assert index.match(ours).outcome is not Outcome.OFF_TOPIC, ours


def test_a_rambles_turn_to_its_question_makes_the_story_backstory(
    index: FaqIndex, lexicon: Lexicon
) -> None:
    # Round 20 (q20): every word before "anyway what I wanted to ask was", "my question is"
    # is backstory when a question follows; a bare "anyway" is no turn.
    ramble = (
        "so I've got a longcase clock on the bench, and I sit on my old stool to work on it "
        "and I think that's how the ache started, anyway what I wanted to ask was how long "
        "does this sort of thing take to settle"
    )
    found = index.match(ramble)
    assert found.outcome is Outcome.ANSWER and found.topics == ("recovery_time",)
    assert "sit" in index.read(ramble).backstory
    for plain in (
        "what is tendinopathy anyway, is that the same as tendonitis",
        "i was wondering whether squats are ok, anyway",
    ):
        assert index.read(plain).backstory == frozenset(), plain


def test_a_timetables_question_is_off_topic(index: FaqIndex) -> None:
    # Round 20 (q20): what time an event or a boat is; the time of day to exercise is ours.
    for other in (
        "what time's the kick off at Mansfield Park on Saturday",
        "what time does the chemist close",
        "what time's the boat to Sark",
    ):
        assert index.match(other).outcome is Outcome.OFF_TOPIC, other
    for ours in (
        "what time of day should I do my exercises",
        "what time is the best time to do my exercises",
    ):
        assert index.match(ours).outcome is not Outcome.OFF_TOPIC, ours


def test_a_topic_word_borrowed_by_another_subject_is_off_topic(index: FaqIndex) -> None:
    # Round 21 (q21): classes of subject said as the subject ("stretch my money", "a dog
    # sitter", "in a horse", "time is sunset"); the same words as a persona's backstory
    # stay ours (a pastry chef's dough, a conductor's tickets, a walk at sunrise).
    for other in (
        "how can I stretch my money till the end of the month",
        "how do I find a good dog sitter for the weekend",
        "what does a bowed tendon in a horse look like",
        "my horse has a cut on his foreleg",
        "what time is sunset on saturday",
        "who invented the bicycle",
        "how do I get rid of an earache",
        "where do I buy tickets for the cup final",
    ):
        assert index.match(other).outcome is Outcome.OFF_TOPIC, other
    for ours in (
        "I knead dough standing all night, is that why my hamstring aches",
        "I check tickets on the train all day standing, can that cause it",
        "I walk at sunrise every day, is that too much for the tendon",
    ):
        assert index.match(ours).outcome is not Outcome.OFF_TOPIC, ours


def test_workout_chatter_on_the_way_to_a_question_is_backstory(index: FaqIndex) -> None:
    # Round 35 (after holdout36's measurement): "before the bridges", "before the next set"
    # said on the way to a question was read as warming up or how often. Said last, it is
    # the question.
    for said, topic in (
        ("hold on, before the bridges, what is this thing I've actually got", "what_is_it"),
        ("before the next set, how many weeks until this settles", "recovery_time"),
    ):
        found = index.match(said)
        assert found.outcome is Outcome.ANSWER and found.topics == (topic,), (said, found)
    assert index.match("what should I do before the exercises").topics == ("warm_up",)
    assert index.read("before we start, can I foam roll it").backstory
    assert not index.read("can I foam roll it before we start").backstory


def test_a_question_picked_up_after_an_interruption_is_read_without_it(index: FaqIndex) -> None:
    # Round 41 (after holdout42's measurement): the words of what interrupted ("the dog's
    # barking", "tannoy", "the mixer") were weighed as the question's, and a word no topic
    # knows pulled every topic down: the question was missed.
    for said, topic in (
        ("hang on, the kettle's whistling... okay, should I stretch it or not", "stretching"),
        ("sorry, lost my thread, how long until I can run a 10k again", "recovery_time"),
        ("one sec, the parrot's squawking, alright, is a heat pack any good", "ice_heat"),
    ):
        found = index.match(said)
        assert found.outcome is Outcome.ANSWER and found.topics == (topic,), (said, found)
        assert not {"kettl", "parrot", "thread"} & set(index.read(said).terms), said
    # Nothing is dropped when the break asks the question, or when too little follows it.
    assert "swim" in index.read("hang on, what about swimming, okay for this").terms
    assert "run" in index.read("wait, is it okay to run with this, or should I walk").terms
    assert "dog" in index.read("hold on, the dog, okay").terms
    # A phrase that picks up alone is the question's own verb once a question has begun.
    for begun in (
        "should I start again from stage one after a break",
        "how do I start again after two weeks off",
    ):
        assert "start" in index.read(begun).terms, begun
    assert index.read("sorry, where was I, start again with the bridges").terms == (
        index.read("start again with the bridges").terms
    )
