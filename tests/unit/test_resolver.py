"""Typed text resolves against the interaction model the way the Alexa service would."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from hamstring_coach.handlers.said import CARRIER_MEANING, statement_text
from hamstring_coach.intents import Intent
from local import envelopes
from local.resolver import BUILTINS_FILE, FALLBACK, Resolution, Resolver, normalise, tokens
from tools.models import LOCALES, locale_model

BUILTINS: dict[str, Any] = json.loads(BUILTINS_FILE.read_text("utf-8"))


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.for_locale("en-US")


def _model(intents: list[dict[str, Any]], types: list[dict[str, Any]] | None = None) -> Any:
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": "hamstring coach",
                "intents": intents,
                "types": types or [],
            }
        }
    }


def _model_json(locale: str) -> dict[str, Any]:
    return locale_model(locale)


# --- text handling -------------------------------------------------------------------------


def test_tokens_ignore_case_and_punctuation_but_keep_inner_apostrophes() -> None:
    assert tokens("What's on the PLAN, today?!") == ["what's", "on", "the", "plan", "today"]
    assert tokens("single-leg R.D.L.") == ["single", "leg", "r", "d", "l"]
    assert tokens("I\u2019m at 7") == ["i'm", "at", "7"]
    assert normalise("What's up?") == normalise("whats up") == "whats up"


# --- launch phrases --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "open hamstring coach",
        "Open Hamstring Coach!",
        "launch hamstring coach",
        "start hamstring coach",
        "talk to hamstring coach",
        "open up hamstring coach",
        "Alexa, open hamstring coach",
        "ask hamstring coach",
        "tell hamstring coach",
    ],
)
def test_launch_phrases_start_a_new_session(resolver: Resolver, text: str) -> None:
    out = resolver.resolve(text)
    assert out.request_type == "LaunchRequest"
    assert out.new_session and out.intent is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ask hamstring coach what should I do today", "TodaysExercisesIntent"),
        ("ask hamstring coach for help", "AMAZON.HelpIntent"),
        ("tell hamstring coach to start my workout", "StartWorkoutIntent"),
        ("Alexa, tell hamstring coach to stop", "AMAZON.StopIntent"),
        ("ask hamstring coach to check my symptoms", "SymptomCheckIntent"),
        ("ask hamstring coach how am I doing", "ProgressIntent"),
        ("ask hamstring coach about tendinopathy or strain", "ConditionCompareIntent"),
    ],
)
def test_one_shot_invocations_open_a_session_with_the_intent(
    resolver: Resolver, text: str, intent: str
) -> None:
    out = resolver.resolve(text)
    assert (out.request_type, out.intent, out.new_session) == ("IntentRequest", intent, True)


def test_one_shot_keeps_slots(resolver: Resolver) -> None:
    out = resolver.resolve("ask hamstring coach how do I do a nordic curl")
    assert out.intent == "ExerciseHowToIntent"
    assert out.slot_id("exercise") == "nordic_curl"


def test_one_shot_connector_stays_when_the_sample_needs_it() -> None:
    model = _model([{"name": "KneesIntent", "samples": ["about my knees"]}])
    out = Resolver(model, BUILTINS).resolve("ask hamstring coach about my knees")
    assert (out.intent, out.new_session) == ("KneesIntent", True)
    out = Resolver(model, BUILTINS).resolve("ask hamstring coach about the weather")
    assert (out.intent, out.new_session) == (FALLBACK, True)


def test_launch_words_inside_a_sentence_are_not_a_launch(resolver: Resolver) -> None:
    # virtual-alexa launches on any "tell"/"ask" anywhere; Alexa and this resolver do not.
    out = resolver.resolve("tell me my progress")
    assert (out.request_type, out.intent, out.new_session) == (
        "IntentRequest",
        "ProgressIntent",
        False,
    )
    assert resolver.resolve("start my workout").intent == "StartWorkoutIntent"


def test_exit_ends_the_session(resolver: Resolver) -> None:
    assert resolver.resolve("exit").request_type == "SessionEndedRequest"
    assert resolver.resolve("Alexa, exit.").request_type == "SessionEndedRequest"


# --- samples and slots -------------------------------------------------------------------------


def test_case_and_punctuation_do_not_matter(resolver: Resolver) -> None:
    assert resolver.resolve("WHAT CAN I SAY?!").intent == "AMAZON.HelpIntent"
    assert resolver.resolve("whats on the plan today").intent == "TodaysExercisesIntent"
    assert resolver.resolve("What\u2019s my progress?").intent == "ProgressIntent"


def test_custom_slot_carries_spoken_value_and_entity_resolution(resolver: Resolver) -> None:
    out = resolver.resolve("How do I do a glute bridge?")
    assert out.intent == "ExerciseHowToIntent"
    slot = out.slots["exercise"]
    assert slot["value"] == "glute bridge"
    authority = slot["resolutions"]["resolutionsPerAuthority"][0]
    assert authority["status"]["code"] == "ER_SUCCESS_MATCH"
    assert authority["values"] == [{"value": {"name": "bridge", "id": "bridge"}}]
    assert authority["authority"].endswith(".EXERCISE")
    assert out.slot_id("exercise") == "bridge"


def test_unknown_custom_value_is_sent_with_no_match(resolver: Resolver) -> None:
    out = resolver.resolve("how do I do a handstand")
    assert out.intent == "ExerciseHowToIntent"
    assert out.slot_value("exercise") == "handstand"
    authority = out.slots["exercise"]["resolutions"]["resolutionsPerAuthority"][0]
    assert authority["status"]["code"] == "ER_SUCCESS_NO_MATCH"
    assert "values" not in authority
    assert out.slot_id("exercise") is None


def test_slots_deserialise_like_a_real_request(resolver: Resolver) -> None:
    out = resolver.resolve("walk me through the single leg RDL")
    env = envelopes.intent(str(out.intent), dict(out.slots))
    parsed = DefaultSerializer().deserialize(json.dumps(env), RequestEnvelope)
    slot = parsed.request.intent.slots["exercise"]
    assert slot.value == "single leg rdl"
    value = slot.resolutions.resolutions_per_authority[0].values[0].value
    assert (value.id, value.name) == ("single_leg_rdl", "single leg romanian deadlift")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("my pain is five", "5"),
        ("My pain is 5.", "5"),
        ("it's a seven", "7"),
        ("7", "7"),
        ("zero", "0"),
        ("ten out of ten", "10"),
        ("I'd say twenty five", "25"),
        ("about three", "3"),
    ],
)
def test_numbers_arrive_as_digits(resolver: Resolver, text: str, number: str) -> None:
    out = resolver.resolve(text)
    assert out.intent == "PainReportIntent"
    assert out.slot_value("pain") == number
    assert "resolutions" not in out.slots["pain"]


def test_a_slot_only_sample_needs_a_recognised_value(resolver: Resolver) -> None:
    # "{pain}" alone must not swallow every sentence; "my pain is lots" is not a number.
    assert resolver.resolve("banana").intent == FALLBACK
    # "pain was lots" is not a score: it is carried as a statement by its first word
    # (ReportPainIntent), as "my pain is lots" is by "my {query}".
    assert resolver.resolve("pain was lots").intent == "ReportPainIntent"


def test_search_query_takes_the_rest_of_the_sentence(resolver: Resolver) -> None:
    out = resolver.resolve("Question: can I still run with this?")
    assert out.intent == "QuestionIntent"
    assert out.slot_value("query") == "can i still run with this"
    assert "resolutions" not in out.slots["query"]
    out = resolver.resolve("tell me about sitting on hard chairs")
    assert out.slot_value("query") == "sitting on hard chairs"


def test_the_most_literal_sample_wins(resolver: Resolver) -> None:
    # "how do I do a {exercise}" (5 words) beats "how do I do {exercise}" with "a bridge".
    out = resolver.resolve("how do I do a bridge")
    assert out.matched == "how do I do a {exercise}"
    assert out.slot_value("exercise") == "bridge"
    model = _model(
        [
            {
                "name": "AskIntent",
                "samples": ["what {query}"],
                "slots": [{"name": "query", "type": "AMAZON.SearchQuery"}],
            },
            {"name": "TodayIntent", "samples": ["what are today's exercises"]},
            {
                "name": "WhatIsIntent",
                "samples": ["what is {thing}", "what is the {thing}"],
                "slots": [{"name": "thing", "type": "THING"}],
            },
        ],
        [{"name": "THING", "values": [{"id": "plan", "name": {"value": "plan"}}]}],
    )
    small = Resolver(model)
    assert small.resolve("what are today's exercises").intent == "TodayIntent"
    assert small.resolve("what are the stages").intent == "AskIntent"
    out = small.resolve("what is the plan")
    assert (out.intent, out.slot_id("thing"), out.matched) == (
        "WhatIsIntent",
        "plan",
        "what is the {thing}",
    )


def test_declared_slots_are_always_present(resolver: Resolver) -> None:
    model = _model(
        [
            {
                "name": "TeachIntent",
                "samples": ["teach me", "teach me the {exercise}"],
                "slots": [{"name": "exercise", "type": "AMAZON.SearchQuery"}],
            }
        ]
    )
    out = Resolver(model).resolve("teach me")
    assert out.slots == {"exercise": {"name": "exercise", "confirmationStatus": "NONE"}}
    assert resolver.resolve("help").slots == {}


def test_undeclared_slot_in_a_sample_is_an_error() -> None:
    with pytest.raises(ValueError, match="undeclared slot"):
        Resolver(_model([{"name": "BadIntent", "samples": ["do {thing}"]}]))


# --- built-in intents ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("help", "AMAZON.HelpIntent"),
        ("help me", "AMAZON.HelpIntent"),
        ("stop", "AMAZON.StopIntent"),
        ("Alexa, stop.", "AMAZON.StopIntent"),
        ("quit", "AMAZON.StopIntent"),
        ("cancel", "AMAZON.CancelIntent"),
        ("never mind", "AMAZON.CancelIntent"),
        ("yes", "AMAZON.YesIntent"),
        ("Yeah!", "AMAZON.YesIntent"),
        ("no", "AMAZON.NoIntent"),
        ("no thank you", "AMAZON.NoIntent"),
        ("pause", "AMAZON.PauseIntent"),
        ("hold on", "AMAZON.PauseIntent"),
        ("resume", "AMAZON.ResumeIntent"),
        ("keep going", "AMAZON.ResumeIntent"),
        ("repeat", "AMAZON.RepeatIntent"),
        ("say that again", "AMAZON.RepeatIntent"),
        ("next", "AMAZON.NextIntent"),
        ("go back", "AMAZON.PreviousIntent"),
        ("start over", "AMAZON.StartOverIntent"),
        ("go home", "AMAZON.NavigateHomeIntent"),
        ("main menu", "AMAZON.NavigateHomeIntent"),
    ],
)
def test_built_in_intents_answer_to_common_phrases(
    resolver: Resolver, text: str, intent: str
) -> None:
    out = resolver.resolve(text)
    assert (out.request_type, out.intent, out.new_session) == ("IntentRequest", intent, False)


def test_built_in_phrases_only_for_declared_intents() -> None:
    small = Resolver(_model([{"name": "AMAZON.HelpIntent", "samples": []}]), BUILTINS)
    assert small.resolve("help").intent == "AMAZON.HelpIntent"
    assert small.resolve("pause").intent == FALLBACK


def test_a_model_sample_beats_a_built_in_phrase_of_equal_length() -> None:
    model = _model(
        [{"name": "AMAZON.NextIntent", "samples": []}, {"name": "GoIntent", "samples": ["next"]}]
    )
    assert Resolver(model, BUILTINS).resolve("next").intent == "GoIntent"


def test_built_in_phrase_list_is_consistent() -> None:
    seen: dict[str, str] = {}
    for language, section in BUILTINS.items():
        if language.startswith("_"):
            continue
        for intent, phrases in section["intents"].items():
            assert intent.startswith("AMAZON.")
            for phrase in phrases:
                key = normalise(phrase)
                assert seen.setdefault(f"{language}:{key}", intent) == intent, phrase


# Samples that are also a built-in intent's phrase, reported and left to the intent's owner:
# "skip" is one of AMAZON.NextIntent's documented phrases (virtual-alexa routes it there;
# this resolver prefers the model's own sample). Remove an entry once it is resolved.
KNOWN_BUILT_IN_CLASHES = {("SkipExerciseIntent", "skip", "AMAZON.NextIntent")}


def test_model_samples_do_not_shadow_alexa_built_in_phrases(resolver: Resolver) -> None:
    # Alexa maps these phrases to its built-in intents; a sample of another intent with the
    # same words is ambiguous on a real device.
    assert resolver.built_in_clashes() <= KNOWN_BUILT_IN_CLASHES
    model = _model(
        [{"name": "AMAZON.NextIntent", "samples": []}, {"name": "GoIntent", "samples": ["Next!"]}]
    )
    assert Resolver(model, BUILTINS).built_in_clashes() == {
        ("GoIntent", "Next!", "AMAZON.NextIntent")
    }


# --- fallback ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "blah blah", "weather in Paris", "alexa"])
def test_anything_else_is_the_fallback_intent(resolver: Resolver, text: str) -> None:
    out = resolver.resolve(text)
    assert (out.request_type, out.intent) == ("IntentRequest", FALLBACK)
    assert out.is_fallback and out.slots == {}


# --- round trip over the whole model -------------------------------------------------------------


def _fill(
    sample: str, slot_types: dict[str, str], model: dict[str, Any]
) -> tuple[str, dict[str, str]]:
    """The sample with each slot replaced by a value of its type, and the expected values."""
    types = {t["name"]: t for t in model["interactionModel"]["languageModel"].get("types", [])}
    expected: dict[str, str] = {}

    def value(m: re.Match[str]) -> str:
        name = m.group(1)
        slot_type = slot_types[name]
        if slot_type == "AMAZON.NUMBER":
            expected[name] = "7"
            return "seven"
        if slot_type == "AMAZON.TIME":
            expected[name] = "19:00"  # as Alexa sends "seven pm"
            return "seven pm"
        if slot_type in types:
            spoken = types[slot_type]["values"][0]["name"]["value"]
            expected[name] = spoken
            return str(spoken)
        # Free text that starts and ends with no carrier word: "how long ..." ends a tie
        # between "how {query}" and a carrier said last ("{query} okay"), both right.
        expected[name] = "aches after an injury"
        return "aches after an injury"

    return re.sub(r"\{(\w+)\}", value, sample), expected


@pytest.mark.parametrize("locale", LOCALES)
def test_every_sample_resolves_to_its_own_intent(locale: str, negators: frozenset[str]) -> None:
    model = _model_json(locale)
    resolver = Resolver.for_locale(locale)
    failures = []
    count = 0
    for intent in model["interactionModel"]["languageModel"]["intents"]:
        slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for sample in intent["samples"]:
            text, expected = _fill(sample, slot_types, model)
            out: Resolution = resolver.resolve(text)
            got = {name: out.slot_value(name) for name in expected}
            count += 1
            if _same_statement(intent["name"], text, out, negators):
                continue
            if out.intent != intent["name"] or got != expected or out.new_session:
                failures.append((sample, text, out.describe()))
    assert count > 50
    assert not failures


_STATEMENTS = {i.value for i in (*CARRIER_MEANING, Intent.SYMPTOM_NAME)}


def _same_statement(wanted: str, text: str, out: Resolution, negators: frozenset[str]) -> bool:
    """Symptom statements share one handler, which reads the words with the carrier's
    meaning put back: "chest pain" said alone may come as the terse SymptomNameIntent or as
    "chest {statement}"; either is right when every word said reaches the red-flag check."""
    if wanted not in _STATEMENTS or out.intent not in _STATEMENTS or out.new_session:
        return False
    slot = out.slot_value("statement") or out.slot_value("query")
    said = statement_text(Intent(out.intent), slot, out.slot_value("sign"), negators=negators)
    return set(tokens(text)) <= set(tokens(said))


def test_every_value_and_synonym_of_a_custom_type_resolves_to_its_id(resolver: Resolver) -> None:
    model = _model_json("en-US")
    for slot_type in model["interactionModel"]["languageModel"]["types"]:
        if slot_type["name"] != "EXERCISE":
            continue  # other types have their own samples; the round trip above covers them
        for value in slot_type["values"]:
            for spoken in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                out = resolver.resolve(f"how do I do the {spoken}")
                assert out.slot_id("exercise") == value["id"], spoken


def test_describe_labels_the_turn(resolver: Resolver) -> None:
    assert resolver.resolve("open hamstring coach").describe() == "LaunchRequest"
    assert (
        resolver.resolve("how do I do a glute bridge").describe()
        == 'ExerciseHowToIntent exercise="glute bridge"->bridge'
    )
    assert (
        resolver.resolve("how do I do a handstand").describe()
        == 'ExerciseHowToIntent exercise="handstand"->no match'
    )


# Round 15 (open15): openers by kind reach a carrier that reads the rest (red flags first,
# then the question matcher), never Fallback, whose request carries no words. New wordings,
# not the sets' sentences.
@pytest.mark.parametrize(
    ("text", "intent", "rest"),
    [
        # interjections and discourse markers
        ("duw, can I still swim with it", "PoliteQuestionIntent", "can I still swim with it"),
        ("howzit, is cycling fine for me", "PoliteQuestionIntent", "is cycling fine for me"),
        ("real quick, is ice better than heat", "PoliteQuestionIntent", "is ice better"),
        ("lemme ask ya, do I need a scan", "PoliteQuestionIntent", "do I need a scan"),
        # vocatives first and last
        ("y'all, any idea what causes this", "PoliteQuestionIntent", "any idea what causes"),
        ("beta, why does it ache after a long day", "PoliteQuestionIntent", "why does it ache"),
        # time phrases: the rest is the statement
        ("ever since Sunday I can't feel my bum", "ReportSymptomIntent", "I can't feel my bum"),
        ("these days the pain wakes me up", "ReportSymptomIntent", "the pain wakes me up"),
        # a symptom's own verb, a dialect "nothing", a family's history
        ("bringing up blood with my phlegm", "ReportCoughIntent", "blood with my phlegm"),
        ("nowt's improved in two months", "ReportNothingIntent", "improved in two months"),
        ("family history of bowel cancer", "ReportRelativeIntent", "bowel cancer"),
        # dialect and text-speak question words, question tags said last
        ("fit's a tendon when it's at home", "WhatQuestionIntent", "a tendon when"),
        ("y does it ache when I drive", "WhyQuestionIntent", "does it ache when I drive"),
        ("shud i rest it completely", "MoreQuestionIntent", "rest it completely"),
        ("strain or tear which", "MoreQuestionIntent", "strain or tear"),
        # Round 35 (after holdout36's measurement): what fell to Fallback, by kind. The
        # world openers' chunk is named by its prefix only.
        # a vocative or a courtesy of the world's Englishes, a formal opener
        ("guy, is it okay to squat with this", "WorldOpener", "is it okay to squat"),
        ("mon gars, how long does this take", "WorldOpener", "how long does this take"),
        ("eeh, can I still walk to the market", "WorldOpener", "can I still walk"),
        ("permit me to ask whether heat helps", "WorldOpener", "whether heat helps"),
        ("for completeness, I had a scan last year", "WorldOpener", "I had a scan"),
        # an amount said first
        ("six hour drive tomorrow, stop every hour or push through", "WorldOpener", "drive"),
        ("two sets done, the left side burns more", "WorldOpener", "the left side burns"),
        # a workout command with a question behind it
        ("pause a sec, can I ice it after", "HoldOnSayingIntent", "can I ice it after"),
        ("hold up, do I stretch before this", "HoldOnSayingIntent", "do I stretch"),
        ("stop a sec, is snowshoeing bad for it", "HoldOnSayingIntent", "is snowshoeing bad"),
        # an exercise named bare before the question
        ("rdl, knees bent or straight", "ExerciseFirstDeadliftIntent", "knees bent or straight"),
        ("nordic, where do my arms go", "ExerciseFirstNordicIntent", "where do my arms go"),
        ("slow bridge, heels or toes", "ExerciseFirstEccentricBridgeIntent", "heels or toes"),
        # the saddle area said with "'s", a stool said first
        ("saddle area's gone numb", "ReportSaddleIntent", "gone numb"),
        ("stool or chair with a back", "ReportStoolIntent", "or chair"),
        # a hedge before a sign ("kind of" alone stays a yes to the check's question)
        ("kind of a big lump came up on my thigh", "ReportSymptomIntent", "big lump came up"),
        # Round 36 (after holdout37's measurement): where the person is or what they are
        # doing said first (the place stays in the words), days or hours said first, a
        # grandparent named the world's ways, an Irish "hold on"
        ("sat in the van between jobs, is heat better", "WorldOpener", "the van between"),
        ("parked up at the depot, how long till it settles", "WorldOpener", "at the depot"),
        ("long week, can I skip the holds tonight", "WorldOpener", "can I skip the holds"),
        ("halfway round my walk now, do I cut it short", "WorldOpener", "my walk now"),
        ("three days now my foot keeps catching", "ReportRecentIntent", "now my foot keeps"),
        ("an hour after the match and I can't take a step", "ReportRecentIntent", "the match"),
        ("three days a week, is that enough", "ExerciseFrequencyIntent", "is that enough"),
        ("mamaw's doing water walking, is swimming better", "TheirOpenerIntent", "water walking"),
        ("nonna can't feel her bottom", "TheirOpenerIntent", "can't feel her bottom"),
        ("houl on, is that the one with the hold", "HoldOnSayingIntent", "is that the one"),
        # a part said with "'s", the scales, a hedge before "an", crutches said first
        ("thigh's like a balloon", "ReportLegIntent", "like a balloon"),
        ("hamstring's been bad all week", "ReportHamstringIntent", "been bad"),
        ("scales say I'm down ten pounds", "ReportWeightIntent", "I'm down ten pounds"),
        ("kind of an electric buzzing down to my heel", "AsideQuestion4Intent", "electric"),
        ("borrowed crutches off my neighbour", "AsideQuestion4Intent", "off my neighbour"),
    ],
)
def test_openers_by_kind_reach_a_carrier(
    resolver: Resolver, text: str, intent: str, rest: str
) -> None:
    out = resolver.resolve(text)
    assert out.intent is not None and out.intent.startswith(intent), out.describe()
    slot = out.slot_value("query") or out.slot_value("statement") or ""
    assert normalise(rest) in normalise(slot), out.describe()


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # A generic carrier never takes a sentence a more literal sample places: these keep
        # the intent whose carrier's meaning the reader needs.
        ("not sure if it matters but I've lost weight", "ReportDenialIntent"),
        ("is swimming fine or should I stop", "QuestionIntent"),
        ("I can only manage a few steps", "QuestionIntent"),
        ("how do I do the glute bridge", "ExerciseHowToIntent"),
        ("she has chest pain is that normal", "NormalQuestionIntent"),
    ],
)
def test_generic_carriers_do_not_swallow_specific_ones(
    resolver: Resolver, text: str, intent: str
) -> None:
    assert resolver.resolve(text).intent == intent


@pytest.mark.parametrize(
    ("said", "exercise"),
    [
        ("how do I do the egocentric bridge", "eccentric_bridge"),
        ("talk me through the iso bridge", "isometric_bridge_hold"),
        ("show me the deadlift thing", "romanian_deadlift"),
        ("how do you do the nordic thing", "nordic_curl"),
    ],
)
def test_exercise_names_people_use_reach_the_walkthrough(
    resolver: Resolver, said: str, exercise: str
) -> None:
    out = resolver.resolve(said)
    assert (out.intent, out.slot_id("exercise")) == ("ExerciseHowToIntent", exercise)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # (who16) A sentence that opens with a first name has no carrier at its start (a name
        # slot may not sit beside a SearchQuery), so its third-person ending carries it.
        ("Derek walks to the allotment and back every day, should he stop", "TheirQuestionIntent"),
        ("Barry wants to take up swimming, is that ok with his hamstring", "TheirQuestionIntent"),
        ("Priya thinks it's her sciatica, is she right", "TheirQuestionIntent"),
        ("Derek's leg is swollen and he says his chest hurts", "TheirChestIntent"),
        ("Derek can't take a single step without me holding him up", "TheirWeightIntent"),
        ("Sue has shooting pains in her thigh", "TheirEndLegIntent"),
        ("Derek can't empty his bladder and his leg is bad", "TheirStatementIntent"),
        # ...and the calm twins: the person's own endings keep their older carriers. (rf18b)
        # A listed first name is a carrier of its own now, so "Derek says hello" brings its
        # words in (read as someone else's, no sign, no topic); an unlisted name with no
        # third-person ending still reaches nothing.
        ("can I keep walking to the allotment, should I stop", "QuestionIntent"),
        ("I've got shooting pains in my thigh", "ReportEndLegIntent"),
        ("Derek says hello", "TheirNameIntent"),
        ("Priyanka says hello", FALLBACK),
    ],
)
def test_round_16_someone_elses_endings(resolver: Resolver, text: str, intent: str) -> None:
    assert resolver.resolve(text).intent == intent, resolver.resolve(text).describe()


def test_round_16_their_endings_put_their_meaning_back(negators: frozenset[str]) -> None:
    # The ending's meaning goes back after the words, as theirs ("his" after the symptom).
    assert statement_text(
        Intent.THEIR_END_LEG, "Sue has shooting pains", None, negators=negators
    ) == ("Sue has shooting pains down his leg")
    assert CARRIER_MEANING[Intent.THEIR_CHEST] == ("chest pain", False)


# --- scoring (round 24) ---------------------------------------------------------------------


def _opener_and_ending() -> Any:
    query = [{"name": "query", "type": "AMAZON.SearchQuery"}]
    return _model(
        [
            {"name": "OpenerIntent", "slots": query, "samples": ["how {query}"]},
            {"name": "EndingIntent", "slots": query, "samples": ["{query} injury"]},
        ]
    )


def test_words_scoring_breaks_a_tie_of_literal_words_by_model_order() -> None:
    out = Resolver(_opener_and_ending()).resolve("how long does a tendon injury")
    assert (out.intent, out.slot_value("query")) == ("OpenerIntent", "long does a tendon injury")


def test_characters_scoring_ranks_as_virtual_alexa_does() -> None:
    # virtual-alexa counts the literal characters matched: "injury" (6) beats "how" (3).
    out = Resolver(_opener_and_ending(), scoring="characters").resolve(
        "how long does a tendon injury"
    )
    assert (out.intent, out.slot_value("query")) == ("EndingIntent", "how long does a tendon")


def test_characters_count_the_space_between_literal_words_said_together() -> None:
    resolver = Resolver(_model([]))
    slots = {"query": "AMAZON.SearchQuery"}
    assert resolver._compile("X", "how do {query}", slots, True, 0).literal_chars == 6
    assert resolver._compile("X", "can {query} run", slots, True, 0).literal_chars == 6
    assert resolver._compile("X", "first one", {}, True, 0).literal_chars == 9


@pytest.mark.parametrize(
    "text",
    ["pause a sec", "give me a second", "ten", "two sets", "kind of", "sort of", "stop a sec"],
)
def test_round_35_commands_and_answers_stay_what_they_were(resolver: Resolver, text: str) -> None:
    # the new carriers need words after them: said alone, these stay a pause or an answer
    out = resolver.resolve(text)
    new_carriers = ("WorldOpener", "HoldOnSaying", "ReportSymptom")
    assert out.intent is None or not out.intent.startswith(new_carriers), out.describe()
