"""Round 24, after holdout24's one measurement: two of its missed red-flag statements fell
to Fallback and lost every word. A terse sign with no opener ("floppy foot since Tuesday")
now has its carrier: "floppy" and "flopping" join ReportWeakIntent ("weak" goes back in
front). Ghana's and Nigeria's "ei" (with "eii", "chai", "chei", "haba", "kai") join the world
openers. Round 26, after holdout26's measurement: "calf's", "shaking with chills", "tried
to stand" and "stuck at" lead their report intents (not "leg's", "thigh's" or "knee's":
the resolver reads them as the plurals, and both legs would be lost). Round 27, after
holdout27's measurement: "lunged for", "reached for" and "month three" lead theirs. Round
28, after holdout28's measurement: a first name's short form ("Doug says ..."), "a hard
swelling", "flu like" and "week by week" lead theirs. Round 34, after holdout35's
measurement: "every step", "putting my foot down" and "between the legs" lead theirs, and
the OK carriers go back as the question "is it ok".
Sentences written
for these tests,
through the console's resolver into the real lambda_handler."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from local.dialog import TextSession
from local.resolver import FALLBACK, Resolver
from tests.eval.harness import Classifier
from tests.functional.test_personas import first_workout_started, said


@pytest.mark.parametrize(
    ("statement", "level"),
    [
        ("floppy foot since Monday", "urgent"),
        ("flopping foot when I walk, since the weekend", "urgent"),
        ("ei, I can't get my breath and my calf is fat and hard", "emergency"),
        ("haba, I no fit hold my wee since yesterday", "emergency"),
        # (round 25, after holdout25's measurement) when or where the sign was noticed
        ("mid sprint something went bang high in my hamstring", "urgent"),
        ("comparing both legs, the sore one has a dent under the buttock", "urgent"),
        ("belt's on a new notch and I eat like a horse", "soon"),
        # (after holdout26's measurement) signs said with no carrier the model had: "calf's",
        # "shaking with chills", "tried to stand", "stuck at" now lead their report intents
        ("calf's gone fat and tight and I'm gasping going up the stairs", "emergency"),
        ("shaking with chills all night and the back of my leg throbs", "urgent"),
        ("tried to stand up this morning and went straight down", "urgent"),
        ("stuck at the same pain for two months despite the exercises", "soon"),
        # (after holdout27's measurement) a sign after what they reached for, and a month
        # of the rehab said first: "lunged for", "reached for", "month three" now lead
        # their report intents
        ("lunged for the ball and there was a loud pop high in my hamstring", "urgent"),
        ("reached for a wide one and felt something rip at the top of my leg", "urgent"),
        ("month three and it's got worse, not better", "soon"),
        # (after holdout28's measurement) a short form of a name, a hard swelling, a flu
        # said first, and weeks said one by one
        ("Doug's calf is red and hot and twice the size of the other", "urgent"),
        ("Alfie says he can't feel anything when he wipes", "emergency"),
        ("a hard swelling under my bum cheek that wasn't there last week", "urgent"),
        ("flu like with sweats and the top of my leg is killing me", "urgent"),
        ("week by week the pain is getting worse despite the plan", "soon"),
        # (after holdout29's measurement) "Jack" said first; a story started on one side
        ("Jack's calf is hot and swollen and he's gasping on the stairs", "emergency"),
        ("started on the left and now the right leg is numb as well", "emergency"),
        ("run down and feverish and the top of my leg aches more", "urgent"),
        # (after holdout30's measurement) sweating said first, a spouse's illness, a
        # possessive said of the body part, a fall said first, a possessive-only name
        ("sweating buckets at night with a temperature, and my leg aches", "urgent"),
        ("my husband was diagnosed with bowel cancer last spring", "soon"),
        ("bum's gone numb round the back passage since this morning", "emergency"),
        ("fell down the stairs and now I can't put any weight on that leg", "urgent"),
        ("Dale's calf is red and hot and swollen since the weekend", "urgent"),
        # (after holdout31's measurement) a thermometer, a cough, a seat, a trip and a
        # hedge said first
        ("thermometer says thirty nine and my hamstring is throbbing", "urgent"),
        ("bloody phlegm when I cough, since this morning", "emergency"),
        ("sat on the toilet and I can't feel my bum at all", "emergency"),
        ("tripped over my own feet twice today, my foot won't lift", "urgent"),
        ("pretty sure it's nothing but both my legs feel weak", "emergency"),
        # (after holdout35's measurement) a step or weight on the foot said first, a sign
        # asked about with "should I keep going" (the OK carriers go back as "is it ok",
        # not "is ok", which said the chest was fine), the saddle said without "my", and
        # Mandarin's "tian a" said first
        ("every step my toes scuff and my foot slaps down", "urgent"),
        ("putting my foot down is agony, I can't take one step", "urgent"),
        ("I got a crushing feeling in my chest, should I keep going", "emergency"),
        ("between the legs gone numb since breakfast", "emergency"),
        ("tian a, both my legs feel weak since yesterday", "emergency"),
        # (round 37, after holdout38's measurement) a form of address said first, "think
        # I've got", "hopping", "temperature's", a giant bruise, "back of my legs" (said
        # "leg's" it is heard as the plural, so both legs are kept), "left calf's"
        ("caserito, since this morning I can't hold my wee at all", "emergency"),
        ("posta, after the tackle there's a dent under my butt cheek", "urgent"),
        ("think I've got foot drop, it slaps when I walk", "urgent"),
        ("hopping everywhere since the match, that leg just won't go down", "urgent"),
        ("temperature's thirty nine and the back of my thigh throbs", "urgent"),
        ("giant bruise down the back of my thigh since the fall", "urgent"),
        ("back of my legs are numb and weak since yesterday", "emergency"),
        ("left calf's bigger than the right and it's hot", "urgent"),
        # (round 38, after holdout39's measurement) "foot's ...", "never seen a bruise
        # like ...", and a sign asked about for a relative
        ("foot's floppy, can't lift it", "urgent"),
        ("never seen a bruise like it, it runs from my bum to my knee", "urgent"),
        ("for my dad, he's eighty and just started getting pain in the back of his thigh", "soon"),
        # (round 45, after holdout46's measurement) a heavy feeling across the chest, a cough
        # "hawked up", shaking chills, hobbling, a patch gone numb, clots, how it looks from
        # behind; and openers from Melanesia, Georgia, Cambodia and Shetland, and dry praise
        ("heavy feeling across my chest and I'm clammy", "emergency"),
        ("hawked up some blood this morning", "emergency"),
        ("shaking chills since last night and the leg is throbbing", "urgent"),
        ("hobbling about because I can't put my weight on that leg", "urgent"),
        ("patch on the back of my thigh has gone numb since Tuesday", "urgent"),
        ("little clots of blood when I cough", "emergency"),
        ("from behind you can see a dent under my bum cheek", "urgent"),
        ("orait, my calf is red and hot and swollen", "urgent"),
        ("pikinini blong mi, he has a big bruise all down the back of his thigh", "urgent"),
        ("dzma, since yesterday I can't control my bladder", "emergency"),
        ("bong, my foot slaps down when I walk", "urgent"),
        ("sood I worry, I've a lump under my bum that wasn't there", "urgent"),
        ("fantastic, now both my legs are numb", "emergency"),
        ("Moira can't feel anything when she sits on the toilet", "emergency"),
        ("kind of half numb round my bottom since this morning", "emergency"),
        # both legs that won't hold the person up, said plainly: the end carrier's "bear
        # weight" must still read as both legs
        ("my legs just won't hold me up", "emergency"),
        ("my leg won't hold me up", "urgent"),
        ("a patch at the top of my thigh has lost all feeling", "urgent"),
        # (round 46, after holdout47's measurement) a worry, how long, Spanish "after", a
        # story of coming down, sleep said first, a Sicilian opener
        ("worried because my foot slaps down when I walk", "urgent"),
        ("a bit worried, I feel feverish and the leg is hot", "urgent"),
        ("for about a fortnight I've had pain at rest, all the time", "soon"),
        ("despues de ocho semanas, no change at all", "soon"),
        ("came off my bike and now I can't stand on the leg", "urgent"),
        ("sleep's okay apart from the pain waking me every night", "soon"),
        ("amuni, my leg has gone numb down the outside since yesterday", "urgent"),
        # (round 47, after holdout48's measurement) how long or what time said first
        # ("going on three days now", "three weeks in", "late at night", "three in the
        # morning"), "toilet's ...", "half my foot's ...", a small matter said first, an
        # Albanian opener, and a group said first
        ("going on four days now my backside feels numb where I sit", "emergency"),
        ("two weeks in and it's worse than day one", "soon"),
        ("late at night it aches and aches, I end up pacing the landing", "soon"),
        ("four in the morning every night the ache wakes me", "soon"),
        ("toilet's fine, well, I've wet myself twice since Friday", "emergency"),
        ("half my foot's gone numb and it won't come back", "urgent"),
        ("small thing only, my foot slaps down when I walk", "urgent"),
        ("o burre, my calf is hot and red and swollen", "urgent"),
        ("a few of us at the club think my legs are both going weak", "emergency"),
    ],
)
def test_a_sign_said_with_no_english_opener_reaches_the_advice(
    fresh: Callable[[], TextSession],
    resolver: Resolver,
    classify: Classifier,
    statement: str,
    level: str,
) -> None:
    assert resolver.resolve(statement).intent != FALLBACK
    reply = said(fresh(), statement)
    assert classify.level(reply) == level, reply


@pytest.mark.parametrize(
    "statement",
    ["my bladder is ok", "the bridges with a sore hamstring, is that ok", "tiktok said stretch it"],
)
def test_an_ok_said_of_no_sign_stays_calm(
    fresh: Callable[[], TextSession], classify: Classifier, statement: str
) -> None:
    reply = said(fresh(), statement)
    assert classify.level(reply) is None, reply


def test_ei_before_a_question_still_gets_the_answer(
    fresh: Callable[[], TextSession], resolver: Resolver, classify: Classifier
) -> None:
    reply = said(fresh(), "ei, can I still go running with this")
    assert classify.level(reply) is None, reply
    assert "run" in reply.lower(), reply


def test_a_group_said_first_mid_workout_is_about_the_set(chat_in_workout: TextSession) -> None:
    """(round 47) "a few of the reps hurt" is a statement carrier (ReportActivityIntent),
    not a world opener: mid-workout it gets the pain rule, not a topic's answer."""
    reply = said(chat_in_workout, "a few of the reps hurt a bit")
    assert "five out of ten" in reply.lower() and "easier" in reply.lower(), reply


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "a few of us at the club have this, how much pain is okay during the exercises",
            "pain_limits",
        ),
        pytest.param(
            "some of the lads at work have it too, is running okay",
            "running",
            marks=pytest.mark.xfail(
                strict=True,
                reason="(round 47, found in make demo) 'lads at work have it too' is read as "
                "the cause: the matcher answers causes, not running",
            ),
        ),
    ],
)
def test_a_group_said_first_is_still_a_question(
    fresh: Callable[[], TextSession], classify: Classifier, question: str, topic: str
) -> None:
    chat = fresh()
    reply = said(chat, question)
    assert classify.level(reply) is None, reply
    assert chat.attributes.get("faq_topic") == topic, reply


@pytest.fixture
def chat_in_workout(fresh: Callable[[], TextSession]) -> TextSession:
    chat = fresh()
    first_workout_started(chat)
    return chat
