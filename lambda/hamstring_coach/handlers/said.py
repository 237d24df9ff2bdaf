"""The words of a symptom statement, as the person said them.

Alexa sends only the words after a carrier phrase (AMAZON.SearchQuery), so carriers that
mean something have an intent of their own and their meaning is put back here before the
red-flag check reads the whole statement: "I can't {statement}" -> "I cannot ...".
"""

from __future__ import annotations

from collections.abc import Collection

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.intent_request import IntentRequest

from hamstring_coach.domain.progression import Compare
from hamstring_coach.handlers.base import slot_value
from hamstring_coach.handlers.routing import intent_of
from hamstring_coach.intents import Intent
from hamstring_coach.turn_context import ctx

STATEMENT_SLOT = "statement"
QUERY_SLOT = "query"  # the FAQ's carrier intents: a statement can arrive through them too
SIGN_SLOT = "sign"  # SymptomNameIntent: a terse "foot drop", "chest pain"
# SymptomCheckIntent's "I felt a {symptom}" ("I heard a ...", "my hamstring went ..."): when
# the words name no known symptom they are read as a statement, "felt a" put back in front.
FELT_SLOT = "symptom"
FELT_MEANING = "I felt a"
# Who a carrier that names someone else stands for, to the red-flag reading (a person among
# its `others.people`, so the sign is theirs).
THEIR_OWNER = "someone"
# (rf18b) A first name said first ("Anita says ...", "Tom's calf ..."): each listed name is a
# literal carrier (interaction_models/first_names.yaml, tools/name_openers.py), LAST in the
# model; read as TheirOpenerIntent is.
# (rf20) As many intents as the list fills (TheirName3Intent ...): every generated one.
NAME_OPENERS = tuple(i for i in Intent if i.value.startswith("TheirName"))
# The carriers that name someone else first, whose owner goes back for the red-flag reading.
THEIR_OPENERS = frozenset({Intent.THEIR_OPENER, *NAME_OPENERS})
# Intent -> (the words its carriers mean, whether they come before the slot's words).
CARRIER_MEANING: dict[Intent, tuple[str, bool]] = {
    Intent.REPORT_SYMPTOM: ("", True),  # "I've got ...", "my ...", "um so ..."
    Intent.REPORT_INABILITY: ("I cannot", True),  # "I can't ...", "I'm unable to ..."
    Intent.REPORT_ABSENCE: ("no", True),  # "there's no ...", "nothing ..."
    Intent.REPORT_DENIAL: ("not", True),  # "I don't ...", "it's not ..."
    # (rf15) In front, as most of its carriers say it ("both legs ...", "both my ..."): put
    # last, a negator in the words' own last clause reached it and denied the sides
    # ("... keep buckling, never had that before both legs"), so the one-leg flag won.
    Intent.REPORT_BOTH_SIDES: ("both legs", True),  # "both my ...", "... in both legs"
    Intent.CANNOT_QUESTION: ("I cannot", True),  # the FAQ's "I can't {query}"
    Intent.QUESTION: ("", True),  # the FAQ's "my {query}", "I have {query}", "how {query}"
    Intent.MORE_QUESTION: ("", True),  # the FAQ's "{query} tips", "she {query}"
    # The FAQ's "{query} is ok" ("my bladder is ok") and "{query} should I keep going":
    # (round 34, after holdout35's measurement) put back as the question "is it ok", not the
    # statement "is ok", which said a sign just named was fine ("I got this crushing feeling
    # in my chest, should I keep going" read as "... in my chest is ok"). A part said alone
    # still raises nothing: "my bladder is it ok" names no sign.
    Intent.OK_QUESTION: ("is it ok", False),
    Intent.NORMAL_QUESTION: ("is normal", False),  # "{query} is that normal"
    # Statements with no carrier phrase of their own start with a symptom or a body part
    # ("tingling down the back of both legs", "calf all red and hot"): that first word is
    # the carrier, and each intent gathers the carriers that mean the same to the red-flag
    # matcher, so its word goes back in front (a few words stand for their group: "calf"
    # and "knee" come back as "leg", "groin" as "bottom").
    Intent.REPORT_NUMB: ("numb", True),  # "tingling ...", "pins and needles ..."
    Intent.REPORT_WEAK: ("weak", True),  # "weakness ...", "giving way ..."
    Intent.REPORT_NERVE_PAIN: ("shooting pain", True),  # "burning pain ...", "electric shocks ..."
    Intent.REPORT_PAIN: ("pain", True),  # "pain ...", "sharp pain ...", "agony ..."
    Intent.REPORT_CHEST_PAIN: ("chest pain", True),  # "tight chest ...", "pain in my chest ..."
    Intent.REPORT_CHEST: ("chest", True),
    Intent.REPORT_SWELLING: ("swelling", True),  # "swollen ...", "puffy ..."
    Intent.REPORT_BRUISE: ("bruise", True),  # "bruising ...", "black and blue ..."
    Intent.REPORT_LUMP: ("lump", True),  # "a dent ...", "a gap ...", "bulge ..."
    Intent.REPORT_BREATH: ("out of breath", True),  # "breathless ...", "puffing ..."
    Intent.REPORT_COUGH: ("coughing", True),  # "coughed up ..."
    Intent.REPORT_BLADDER: ("bladder", True),  # "waterworks ...", "bowels ...", "peeing ..."
    # (round 35, after holdout36's measurement) "stool" is a seat as often as a bowel motion:
    # put back as said, not as "bladder", which raised the emergency on "stool or chair with
    # back?". The bowel row reads "stool ... blood" and the rest itself.
    Intent.REPORT_STOOL: ("stool", True),
    Intent.REPORT_SADDLE: ("bottom", True),  # "groin ...", "down there ...", "bum ..."
    Intent.REPORT_SIT_BONE: ("sit bone", True),
    Intent.REPORT_LEG: ("leg", True),  # "left leg ...", "calf ...", "back of my knee ..."
    Intent.REPORT_FOOT: ("foot", True),  # "toes ...", "heel ..."
    Intent.REPORT_HAMSTRING: ("hamstring", True),  # "hammy ...", "top of my hamstring ..."
    Intent.REPORT_FEVER: ("fever", True),  # "shivery ...", "chills ..."
    # (round 29) Sweating said first ("sweating at night, feverish, and the pain is worse"):
    # put back as said. Not the fever carrier's meaning: "sweating loads at the gym" is no
    # fever, and the fever row reads night sweats itself.
    Intent.REPORT_SWEATING: ("sweating", True),
    # (round 30, after holdout31's measurement) A reading said first ("thermometer says
    # thirty eight point nine and my hamstring's aching"): put back as "temperature". Not
    # the fever carrier's meaning: the fever row excepts a normal reading said with it
    # ("my temp's thirty seven", "my temperature is normal"). Only a person's own reading
    # opens it: "temperature's below freezing, can I run" is the weather.
    Intent.REPORT_TEMPERATURE: ("temperature", True),
    # (round 30) Blood in what is coughed up, said first ("bloody phlegm since yesterday",
    # "blood in my phlegm since the flight"): the blood carrier's "blood" alone loses the
    # cough the coughing-blood row needs.
    Intent.REPORT_COUGH_BLOOD: ("coughing up blood", True),
    # (round 30) "sat on the toilet just now and it felt like sitting on nothing": put back
    # as said, so "sat on the loo ... my leg went to sleep" stays the toilet's calm reading
    # (the sitting carrier's "sitting" would drop the "on").
    Intent.REPORT_SAT_ON: ("sat on", True),
    # (round 30) Tripping said first ("tripped three times today because my toes drag"):
    # put back as "tripped over", which the foot-drop row reads with the person's own feet
    # or toes ("tripped over my toes all week"; not "tripped over a root"). Not the
    # dragging carrier's meaning: "dragging" alone is the sign.
    Intent.REPORT_TRIPPED: ("tripped over", True),
    Intent.REPORT_STRANGE: ("strange", True),  # "weird ...", "funny ..."
    Intent.REPORT_SUDDEN: ("sudden", True),  # "suddenly ...", "all of a sudden ..."
    Intent.REPORT_LOST: ("lost", True),  # "losing ...", "dropped ..."
    Intent.REPORT_FELT: ("felt", True),
    Intent.REPORT_HEARD: ("heard", True),
    Intent.REPORT_FEELING: ("feeling", True),  # "sensation ...", "feels ..."
    Intent.REPORT_EVERY_NIGHT: ("every night", True),  # "in the night ...", "most nights ..."
    Intent.REPORT_AT_NIGHT: ("at night", True),  # "night time ...", "in bed ..."
    Intent.REPORT_NO_BETTER: ("no better", False),  # "... getting worse", "... still the same"
    Intent.REPORT_NEW: ("new", True),  # "new pain and I'm in my sixties"
    # (rf18) A sign said first with no carrier before it: a pop ("pop in the hammy during
    # the sprint", "snapped my hamstring ...": put back as "a pop") and an age ("age
    # seventy, brand new pain ...": the number stays in the words, "aged" in front).
    Intent.REPORT_POP: ("a pop", True),
    Intent.REPORT_AGE: ("aged", True),
    # (rf18) A history said first ("cancer survivor here, ...", "cancer twice, and now ...").
    Intent.REPORT_CANCER: ("cancer", True),
    # (rf18) A pain's quality said first ("sharp stabbing chest pain since this morning",
    # "throbbing swollen thigh, warm"): the sign follows in the words, the quality adds
    # nothing the matcher needs (ReportSymptomIntent's meaning; its own intent keeps that
    # one under the per-intent sample cap).
    Intent.REPORT_QUALITY: ("", True),
    # (rf23) A story said from its start ("first it was one leg, now the other leg has gone
    # weak as well", "at first it was just my right leg, now ..."), which fell to Fallback
    # and lost every word: what follows holds both sides and the sign, so the opener adds
    # nothing the matcher needs. (round 37) So do "think I've got ..." and "reckon I've got
    # ...", said without their "I" ("think I've got foot drop").
    Intent.REPORT_STORY: ("", True),
    # (rf18b) A pressing quality said first ("crushing feeling in my chest since the flight",
    # "squeezing in my chest and down my arm"): unlike sharp or throbbing, the word is what the
    # chest row reads beside "chest", so it goes back.
    Intent.REPORT_CRUSHING: ("crushing", True),
    # (rf18b) "redness spreading up the calf and it's warm": the sign's own word goes back.
    Intent.REPORT_REDNESS: ("redness", True),
    # (rf21) Two of hot, warm, red, swollen said first with no carrier before them ("hot
    # swollen red calf", "red and puffy thigh since the flight"), which fell to Fallback and
    # lost every word: the leg row reads "hot" beside the leg that follows, so it goes back.
    Intent.REPORT_HOT: ("hot", True),
    # (rf19) A hedge said first ("probably nothing but my calf is red and swollen", "maybe
    # it's stress but I've lost eight pounds"): doubt never denies a sign, so the hedge goes
    # back as "probably" (the matcher reads "probably nothing but ..." whole; dropped, a
    # bare "nothing but ..." would be a negator in front of the sign).
    Intent.REPORT_HEDGE: ("probably", True),
    # (rf19) "electric feelings going all the way down to the toes": the word goes back as
    # said (the nerve row reads "electric feel*"), not as ReportNervePainIntent's "shooting
    # pain", which would have raised "electric bike or normal bike, which is better?".
    Intent.REPORT_ELECTRIC: ("electric", True),
    # (rf19) The care tried said first ("self-care hasn't worked, it just keeps creeping
    # up", "rehab isn't helping at all"): what follows is what the not-improving row reads,
    # so the carrier adds nothing (ReportSymptomIntent's meaning; its own intent keeps that
    # one under the per-intent sample cap).
    Intent.REPORT_CARE: ("", True),
    # (rf18) "down six kilos in two months without trying", "down my leg there's a burning":
    # put back as said (the matcher reads "down ... kilos" as weight lost, and "down my leg").
    Intent.REPORT_DOWN: ("down", True),
    # A recent time the carrier takes away ("last week", "on Saturday", "a few days ago"):
    # put back as "recently", so "...I felt a pop but it's fine now" is still read as recent
    # (domain/red_flags.py: a recent symptom is never history).
    Intent.REPORT_RECENT: ("recently", True),
    # A red flag said last, after words no carrier starts with ("doing deadlifts I felt a
    # pop", "sitting on the loo I went numb", "at the park I fell and now I can't walk"):
    # the ending is the carrier, and its meaning goes back after the words.
    Intent.REPORT_END_POP: ("pop", False),  # "... a snap", "... something go"
    Intent.REPORT_END_NUMB: ("numb", False),  # "... went numb", "... pins and needles"
    Intent.REPORT_END_WEAK: ("weak", False),  # "... gave way", "... like jelly"
    Intent.REPORT_END_CANNOT_WALK: ("cannot walk", False),  # "... can't stand", "... can only hop"
    Intent.REPORT_END_WEIGHT: ("bear weight", False),  # "... put weight on it"
    # (rf9) The leg said last ("... down the back of my leg", "... nothing in my leg") goes
    # back last: put in front, "nothing in my leg" became "leg ... nothing" and denied
    # nothing.
    Intent.REPORT_END_LEG: ("down my leg", False),
    # Round 4: openers whose first word the matcher needs, put back as said.
    # "Neither of my legs feels right": the matcher reads "neither of my legs" as "both legs
    # not" (content rewrites), so the negation lands on what follows, not on the legs.
    Intent.REPORT_NEITHER: ("neither of my legs", True),  # "neither leg ...", "neither foot ..."
    # (round 34) Also a step said first ("every step my foot flops and smacks the ground"),
    # and weight put through the leg ("putting my foot down nearly makes me pass out"),
    # which fell to Fallback: walking and standing are what the rows read them as.
    Intent.REPORT_WALKING: ("walking", True),  # "walking is impossible", "even walking ..."
    Intent.REPORT_STANDING: ("standing", True),  # "standing up is agony"
    # (rf20) lying said first ("lying on the sofa it still aches away", "lying still it
    # throbs"): the night and rest row reads "lying" beside the pain, so it goes back.
    Intent.REPORT_LYING: ("lying", True),
    Intent.REPORT_MY: ("my", True),  # "me thigh's red hot": "me" for "my" (UK, AU, IE)
    Intent.REPORT_BLOOD: ("blood", True),  # "blood is coming when I cough"
    # "at my age, fifty nine, ...", "at fifty five I've suddenly got ...": the age stays in
    # the words; "at" itself means nothing to the matcher but keeps the sentence whole.
    Intent.REPORT_AT: ("at", True),
    # Round 5: openers that held the very word the matcher needs.
    Intent.REPORT_BREATHING: ("breathing", True),  # "breathing is very hard since morning"
    Intent.REPORT_SCIATICA: ("sciatica", True),  # "sciatica down both legs since Monday"
    Intent.REPORT_NOTHING: ("nothing", True),  # "nothing's changed since I started"
    # An opener that says the rest is long past ("two years back the surgeon took out a
    # tumour", "years ago I tore it"): put back after the words, where the matcher reads an
    # old, healed injury as history and a history of cancer still as a flag.
    Intent.REPORT_LONG_AGO: ("years ago", False),
    # "my daughter had {statement}": the illness is the relative's, which the matcher's
    # exceptions read as no history of the person's own ("my daughter had breast cancer").
    Intent.REPORT_RELATIVE: ("a relative had", True),
    # (round 29, after holdout30's measurement) A spouse's illness ("my husband had kidney
    # cancer and they took the kidney out") is no family history: said to this skill it is
    # most likely the patient's own story, told for them, so the spouse goes back in and
    # the red-flag reading raises it as theirs ("my wife had breast cancer, I'm just asking
    # for me" is excepted there). A spouse who died of it stays a relative's history.
    Intent.REPORT_SPOUSE: ("my partner had", True),
    # Round 5: a yes wrapped in a story ("yes go on, I've got time before lunch", "yeah it
    # built up over the season"): the words after the yes are the statement, as they were
    # when "yeah {statement}" was a symptom statement's carrier; handlers/answers.py puts
    # the yes back to read the answer, after the red-flag read.
    Intent.ANSWER_YES: ("", True),
    # Round 6: openers that are the symptom's own weight, put back as said ("barely able to
    # walk", "struggling to breathe", "constant pain even at rest", "dragging my foot",
    # "weight keeps dropping off me", "sitting still it throbs").
    Intent.REPORT_BARELY: ("barely", True),
    Intent.REPORT_STRUGGLING: ("struggling", True),
    Intent.REPORT_CONSTANT: ("constant", True),
    Intent.REPORT_DRAGGING: ("dragging", True),
    Intent.REPORT_WEIGHT: ("weight", True),
    Intent.REPORT_SITTING: ("sitting", True),
    # "for two weeks now it's worse", "for months it hurts": how long is what the matcher
    # reads for "not improving", so it goes back (as "for weeks" or "for months").
    Intent.REPORT_FOR_WEEKS: ("for weeks", True),
    Intent.REPORT_FOR_MONTHS: ("for months", True),
    Intent.REPORT_AREA: ("area", True),  # "area I sit on is numb"
    # "at fifty six this is new for me": the decade is the carrier; an age over fifty.
    Intent.REPORT_AT_AGE: ("over fifty", True),
    # (rf10) A red flag in the middle of a story opened by what they were doing ("chasing
    # the bus I felt ...", "stepping off the kerb there was a pop ..."). The activity's
    # word is lost, so this intent is LAST in the model: a question the FAQ's carriers
    # also match ("mowing the lawn ok?") keeps its question intent on a tie, and only what
    # would have fallen to Fallback arrives here.
    Intent.REPORT_ACTIVITY: ("", True),
    # (who16) Said for someone else, a sentence often opens with their first name ("Derek's
    # leg is swollen and he says his chest hurts"), which no carrier can start with (a name
    # slot may not sit beside a SearchQuery): the carrier is the third-person ending. These
    # intents are LAST in the model, so an older carrier keeps every tie.
    Intent.THEIR_QUESTION: ("", True),  # "... should he stop", "... for her hamstring"
    # (conv17) Carriers that name someone else first ("my son {query}", "she's {query}",
    # "his {query}", "dad {query}") lost who it was: "my son felt a pop" reached the
    # red-flag check as "felt a pop", the person's own, and "she's coughing up blood" paused
    # the person's program. Their intent puts an owner back for the red-flag reading; the
    # FAQ's matcher reads the words alone, as it did when these were QuestionIntent's.
    Intent.THEIR_OPENER: (THEIR_OWNER, True),
    **dict.fromkeys(NAME_OPENERS, (THEIR_OWNER, True)),
    # (conv17) A comparison said first and a clause after it ("a bit worse today, quite
    # stiff", "better than yesterday, not as tight", "a bit worse first thing but it settles
    # after ten minutes"): the comparison is the carrier (one intent per direction, LAST in
    # the model so an older carrier keeps every tie), and goes back in front: the morning
    # check reads it (domain/morning_words.py), anywhere else it is a statement (red flags
    # first, then read as a question).
    Intent.REPORT_WORSE: ("worse", True),
    Intent.REPORT_MUCH_WORSE: ("a lot worse", True),
    Intent.REPORT_BETTER: ("better", True),
    Intent.REPORT_SAME: ("about the same", True),
    # "... his leg is bad", "... her calf aches": (rf18) their part goes back after the words.
    # Thrown away, a sign that is theirs only when said with their own leg ("grandad's lost
    # weight for no reason and his leg hurts", weight_loss `anyone_if`) was read as said of
    # no one's leg, and raised nothing.
    Intent.THEIR_STATEMENT: ("his leg", False),
    Intent.THEIR_END_LEG: ("down his leg", False),  # "... in her thigh": "his" keeps it theirs
    Intent.THEIR_WEIGHT: ("bear weight", False),  # "... holding him up", "... take her weight"
    Intent.THEIR_CHEST: ("chest pain", False),  # "... his chest hurts", "... in her chest"
    # (conv18) A pause or a stop with its reason after it ("hang on, that's the door",
    # "stop, the wife's shouting me"): the reason is the statement, read for red flags
    # first; handlers/interruptions.py makes the rest the pause or the stop.
    # (round 41) The hold-on goes back in front: a question picked up after the break
    # ("hang on, shift change ... okay, which side should I lie on") is read without the
    # break (domain/faq.py `_resumed`), which needs the words that broke off.
    Intent.HOLD_ON_SAYING: ("hang on", True),
    Intent.STOP_SAYING: ("", True),
}


# (conv17) The comparison openers ("worse {statement}", "a bit better {statement}") and the
# comparison each says: their own words are a whole answer when nothing follows them, and
# the morning check's handlers read them (handlers/workout/pacing.py).
COMPARISON_OPENERS: dict[Intent, Compare] = {
    Intent.REPORT_WORSE: "worse",
    Intent.REPORT_MUCH_WORSE: "much_worse",
    Intent.REPORT_BETTER: "better",
    Intent.REPORT_SAME: "same",
}


def statement_text(
    intent: Intent | None,
    statement: str | None,
    sign: str | None,
    *,
    negators: Collection[str],
) -> str:
    """The statement with its carrier's meaning put back. Pure. `negators` are the red-flag
    reading's (content/en/red_flags.yaml `words.negators`): the one list, so a word added
    there moves the sides here too."""
    if intent is Intent.SYMPTOM_NAME:
        return (sign or "").strip()
    if intent is Intent.SYMPTOM_CHECK:
        words = (statement or "").strip()
        return f"{FELT_MEANING} {words}" if words else ""
    words = (statement or "").strip()
    meaning, before = CARRIER_MEANING.get(intent, ("", True)) if intent else ("", True)
    if not words and intent in COMPARISON_OPENERS:
        # "about the same" said alone to the morning check: an emulator (and Alexa may too)
        # picks "about the same {statement}" with the slot empty; the words are the answer.
        return meaning
    if not words or not meaning:
        return words
    if intent is Intent.REPORT_BOTH_SIDES and words.split()[-1].lower() in negators:
        # "weak at maths, not in my legs": a negator ending the words denies the sides said
        # after them, so they go back where they were said (read "... not both legs").
        # (round 40, holdout41's calm line) "tingly in my fingers, nothing in my legs" too.
        before = False
    return f"{meaning} {words}" if before else f"{words} {meaning}"


def statement_of(handler_input: HandlerInput) -> str:
    # Only an intent has slots: a SessionEndedRequest mid-workout (the person walked off)
    # is asked by the routing rules too, and had raised in ask-sdk's get_slot.
    if not isinstance(handler_input.request_envelope.request, IntentRequest):
        return ""
    return statement_text(
        intent_of(handler_input),
        slot_value(handler_input, STATEMENT_SLOT)
        or slot_value(handler_input, QUERY_SLOT)
        or slot_value(handler_input, FELT_SLOT),
        slot_value(handler_input, SIGN_SLOT),
        negators=ctx(handler_input).view.faq.flags.reading.negators,
    )


def whose_words(handler_input: HandlerInput, words: str) -> str:
    """The words a question carrier brought in, with the owner its carrier named put back
    for the red-flag reading ("my son {query}": "someone felt a pop"); other carriers' words
    as they are."""
    if words and intent_of(handler_input) in THEIR_OPENERS:
        return f"{THEIR_OWNER} {words}"
    return words
