"""Openers by kind (round 15, open15): an interjection, a vocative, a discourse marker or a
time phrase in front of a red flag or a question had no carrier and fell to
AMAZON.FallbackIntent, which carries no words. Through the console's resolver into the real
lambda_handler on moto: red flags reach safety first, questions their topic."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.functional.test_personas import said


@pytest.mark.parametrize(
    "statement",
    [
        "duw, I've wet myself and didn't feel it",  # interjection
        "y'all, I can't feel my bottom when I wipe",  # vocative
        "ever since Tuesday I've had no control of my bladder",  # time phrase
        "bringing up blood when I cough and my calf is swollen",  # a symptom's own verb
        # (round 39, after holdout40's measurement) a supposition or an indirect ask first
        "say I'm leaking wee when I stand, is that from the hamstring",
        "I'd like to find out if I should keep going, I can't feel my bottom on the toilet seat",
    ],
)
def test_a_red_flag_behind_an_opener_reaches_safety(
    fresh: Callable[[], TextSession], resolver: Resolver, statement: str
) -> None:
    assert resolver.resolve(statement).intent != FALLBACK
    reply = said(fresh(), statement).lower()
    assert "emergency" in reply or "nine one one" in reply, reply


@pytest.mark.parametrize(
    ("question", "intent", "topic"),
    [
        ("chale, can I still go swimming with this", "PoliteQuestionIntent", "swimming"),
        ("lemme ask ya, is a foam roller any good for it", "PoliteQuestionIntent", "massage"),
        # (round 38, after holdout39's measurement) asked for someone or for a group
        (
            "for my team's gym session, which leg exercises are safe",
            "AsideQuestion4Intent",
            "gym",
        ),
        ("for our walking group, are hills okay with this", "AsideQuestion4Intent", "walking"),
        ("for my mum, is ice or heat better for it", "AsideQuestion4Intent", "ice_heat"),
        # (round 39, after holdout40's measurement) what is said before a question that is
        # no opener word: a supposition, an indirect ask, the program's own words, a
        # vocative or a hesitation
        (
            "say I stopped all exercise, would resting it completely help",
            "AsideQuestion5Intent",
            "rest",
        ),
        (
            "I'd like to find out whether heat or ice is better after the exercises",
            "AsideQuestion5Intent",
            "ice_heat",
        ),
        ("d'you know yourself, is swimming alright with this", "AsideQuestion5Intent", "swimming"),
        ("week two, can I still cycle to work", "AsideQuestion5Intent", "cycling"),
        (
            "stage one, day four, should I still be stretching it",
            "AsideQuestion5Intent",
            "stretching",
        ),
        (
            "girl, how long does this usually take to settle",
            "AsideQuestion5Intent",
            "recovery_time",
        ),
        ("em, what's the best way to lie in bed with it", "AsideQuestion5Intent", "sleep"),
    ],
)
def test_a_question_behind_an_opener_is_answered(
    fresh: Callable[[], TextSession],
    resolver: Resolver,
    question: str,
    intent: str,
    topic: str,
) -> None:
    assert resolver.resolve(question).intent == intent
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic


@pytest.mark.parametrize(
    ("statement", "intent", "advice"),
    [
        # (round 39, after holdout40's measurement) the moment of an injury told by its
        # action fell to Fallback: "kicked the ball ... crack ... went down like a sack"
        (
            "kicked a ball at training and felt something snap at the top of my leg",
            "ReportActivityIntent",
            "within a day or two",
        ),
        (
            "sprinted for the bus and felt something go at the top of my leg",
            "ReportActivityIntent",
            "within a day or two",
        ),
        (
            "landed a jump badly and now there's a massive bruise on the back of my thigh",
            "ReportActivityIntent",
            "within a day or two",
        ),
        # (round 40, after holdout41's measurement) red flags whose first words had no
        # carrier: a possessive of the bladder carrier, a slang word for swollen, an estimate
        # said first, an effort tried, a photo taken, a grateful opener with its intensifier
        ("peeing's gone odd, I feel like I never empty", "ReportBladderIntent", "emergency"),
        ("swole calf and I'm out of breath sitting still", "ReportSwellingIntent", "emergency"),
        (
            "I'd say it's pins and needles down both legs and they're going weak",
            "ReportActivityIntent",
            "emergency",
        ),
        (
            "tried to get to the bathroom, I just couldn't, the leg won't hold me",
            "ReportActivityIntent",
            "within a day or two",
        ),
        (
            "took a photo and the back of my thigh is black and blue",
            "ReportActivityIntent",
            "within a day or two",
        ),
        (
            "I'd be most grateful for advice, I cannot put weight on my leg since breakfast",
            # any of the world-opener chunks: which one holds a carrier moves as the list
            # grows (round 43 moved this one from the eleventh to the twelfth)
            "WorldOpener",
            "within a day or two",
        ),
    ],
)
def test_a_red_flag_after_first_words_with_no_carrier_reaches_its_advice(
    fresh: Callable[[], TextSession], resolver: Resolver, statement: str, intent: str, advice: str
) -> None:
    got = resolver.resolve(statement).intent
    assert got == intent or (intent == "WorldOpener" and (got or "").startswith(intent)), got
    reply = said(fresh(), statement).lower()
    assert advice in reply or (advice == "emergency" and "nine one one" in reply), reply


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # (round 40, after holdout41's measurement) questions whose first words had no
        # carrier: a topic's new word (the sauna, a bushwalk, a hammock), "obviously", Welsh
        # English's fronted word, a child of one's team, a name's possessive that another
        # carrier's word spells ("Dai's"), Doric "fit causes", the physio's kit, a strain's
        # grade, Luganda's "banange", "much obliged"
        ("sauna after a gym session, good or bad for it", "ice_heat"),
        ("bushwalk this weekend, yes or no with this", "walking"),
        ("obviously I can't run, is cycling alright then", "cycling"),
        ("sore it is when I sit at work, should I get a cushion", "sitting"),
        ("for one of my players, how slow should the lowering be", "slow_loading"),
        ("Dai's been resting for three weeks, is complete rest the best thing", "rest"),
        ("fit causes this in a young lad", "causes"),
        ("hammock camping next week, is sleeping in a hammock bad for it", "sleep"),
        ("physio's got a shockwave machine, does shockwave actually work", "shockwave"),
        ("grade two strain or tendinopathy, how do I tell", "tendinopathy_vs_strain"),
        ("banange, how long after surgery can you run", "surgery"),
        ("I'd be much obliged if you'd tell me how often to do the exercises", "how_often"),
        # (round 45, after holdout46's measurement) a question behind a Shetland, Ulster,
        # Khmer or Melanesian opener, a chore or a break said first, a name said first,
        # dry praise: the words reach the matcher, not Fallback
        ("sood I put ice on it or heat", "ice_heat"),
        ("hoo lang will it take to mend", "recovery_time"),
        ("yer man at the gym says stretch it hard, is that right", "stretching"),
        ("bong, can I still ride my bicycle to work", "cycling"),
        ("hanging out the washing, how often should I do the exercises", "how_often"),
        ("Moira says a massage gun would help, would it", "massage"),
        ("marvellous, another scan, do I need an MRI for this", "scans"),
        # (round 45) the condition's name said first: ConditionInfoIntent's own carriers
        ("tendinopathy, what does that word even mean", "what_is_it"),
        ("tendinosis, is that what's wrong with me", "what_is_it"),
        ("tendinopathy, how many months will it take to settle", "recovery_time"),
        # (round 46, after holdout47's measurement) a place said first, Lakota, Tigrinya,
        # Mongolian, Sicilian, Russian and French openers, a short "hm"
        ("up the canal path at the weekend, is ten miles on the bike too much", "cycling"),
        ("over at the pool, how many lengths should I start with", "swimming"),
        ("pilamaya, how many times a day should I do these", "how_often"),
        ("bejaka, how many lengths of the pool to start with", "swimming"),
        ("minii huu wrestles, how long until he can compete again", "recovery_time"),
        ("mizzica, is swimming okay with this", "swimming"),
        ("v printsipe, what does eccentric mean", "slow_loading"),
        ("quand meme, is walking to the shops okay", "walking"),
        ("hm, how long does this take to heal", "recovery_time"),
        # (round 46) names of the steppe and the US plains said first
        (
            "Temuulen says some pain is normal in training, is that okay in the exercises",
            "pain_limits",
        ),
        ("Kenzie's coach has them doing lunges, should she sit those out", "gym"),
        # (round 46) round 45's leftover: lying on the front said first, as a habit
        ("belly sleeping okay with this", "sleep"),
        # (round 46) "what is it" after a topic's own word asks what that is
        ("eccentric means what exactly", "slow_loading"),
        ("eccentric, what does that even mean", "slow_loading"),
    ],
)
def test_a_question_after_first_words_with_no_carrier_is_answered(
    fresh: Callable[[], TextSession], resolver: Resolver, question: str, topic: str
) -> None:
    assert resolver.resolve(question).intent != FALLBACK
    chat = fresh()
    said(chat, question)
    assert chat.attributes.get("faq_topic") == topic
