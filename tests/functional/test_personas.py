"""People, not intents: typed words through the console's resolver (what Alexa would send
for them) into the real lambda_handler on moto, as the outside testers drive the skill.

Each test is a failure a persona script found: the words a person really says to an open
question (the morning check, the pain score, the symptom check, the delete question), and
what they must get back: the question again or its answer, never the main menu.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from local.dialog import TextSession
from local.resolver import Resolver
from local.transcript import render
from tests.conftest import Clock
from tests.stored import all_stored, overwrite_progress

MENU = "Would you like today's exercises, a symptom check"


def said(chat: TextSession, text: str) -> str:
    out = chat.say(text).response
    return render(out)[0] if out else ""


def mode_of(chat: TextSession) -> Any:
    return chat.attributes.get("mode") if chat.open else None


def first_workout_started(chat: TextSession) -> None:
    """A first visit: the screen answered with no warning signs, the workout begun."""
    said(chat, "open hamstring coach")
    said(chat, "start my workout")
    for answer in ("no", "no", "no", "yes", "yes"):
        said(chat, answer)


def first_workout_done(chat: TextSession, pain: str = "two") -> str:
    """A first visit: the screen answered with no warning signs, every set done, the pain
    score given."""
    first_workout_started(chat)
    for _ in range(40):
        said(chat, "next set")
        if mode_of(chat) != "workout":
            break
    assert mode_of(chat) == "pain_check"
    return said(chat, pain)


@pytest.fixture
def next_morning(make_skill: Any, clock: Clock, resolver: Resolver) -> TextSession:
    """A person the morning after a first workout, the morning check just asked."""
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_done(chat)
    clock.now += timedelta(days=1)
    assert "morning check" in said(chat, "open hamstring coach")
    assert mode_of(chat) == "morning_check"
    return chat


@pytest.fixture
def kit_question(
    make_skill: Any, clock: Clock, resolver: Resolver, ddb: Any, settings: Any
) -> tuple[TextSession, str]:
    """A person two days after a first workout, moved on to stage three, whose workout asked
    about their kit (after the morning check, if that came first): the session, and what was
    said with the kit question."""
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_done(chat)
    overwrite_progress(ddb, settings, chat.user_id, stage=3)
    clock.now += timedelta(days=2)
    said(chat, "open hamstring coach")
    question = said(chat, "start my workout")
    if mode_of(chat) == "morning_check":
        question = said(chat, "about the same")
    assert mode_of(chat) == "kit_check", question
    return chat, question


# --- the morning check -----------------------------------------------------------------


@pytest.mark.parametrize("worse", ["worse", "it's worse", "it feels worse"])
def test_a_lot_worse_in_the_morning_makes_a_flare_up_day(
    next_morning: TextSession, worse: str
) -> None:
    chat = next_morning
    assert "a lot" in said(chat, worse)
    reply = said(chat, "a lot")
    if "yes or no" in reply.lower():  # a yes-ish word is asked once more, plainly
        reply = said(chat, "yes")
    assert "flare-up" in reply, reply
    assert mode_of(chat) != "morning_check"


@pytest.mark.parametrize("little", ["a little", "a bit", "no"])
def test_a_little_worse_in_the_morning_holds_the_load_without_a_flare(
    next_morning: TextSession, little: str
) -> None:
    chat = next_morning
    said(chat, "worse")
    reply = said(chat, little)
    if "yes or no" in reply.lower():
        reply = said(chat, "no")
    assert "flare-up" not in reply and MENU not in reply, reply
    assert "today's exercises" in reply
    assert mode_of(chat) != "morning_check"


@pytest.mark.parametrize("aside", ["done", "ready", "kind of", "okay", "yes"])
def test_words_that_are_not_a_comparison_get_the_morning_question_again(
    next_morning: TextSession, aside: str
) -> None:
    chat = next_morning
    reply = said(chat, aside)
    assert "better" in reply and "worse" in reply, reply
    assert MENU not in reply and "no workout going" not in reply
    assert mode_of(chat) == "morning_check"
    assert "keep" in said(chat, "about the same") or mode_of(chat) != "morning_check"


# The morning answer said in a sentence: it reached the questions ("did you mean sitting, or
# walking?" to "it hurts more today") or heard the morning question again; "no different"
# was read as "not improving" and got "worth booking a doctor soon".
SAME_LEAD = "That's settled nicely"


@pytest.mark.parametrize(
    ("answer", "heard"),
    [
        ("bit stiff but ok", SAME_LEAD),
        ("not bad", SAME_LEAD),
        ("no different", SAME_LEAD),
        ("no change really", SAME_LEAD),
        ("feels alright", SAME_LEAD),
        ("yeah fine", SAME_LEAD),
        ("bit better", SAME_LEAD),
        ("not as bad", SAME_LEAD),
        ("little bit better I think", SAME_LEAD),
        ("it hurts more today", "a lot worse"),
        ("it's a bit worse I think", "a lot worse"),
        ("not great", "a lot worse"),
        ("it's flared up again", "flare-up"),
    ],
)
def test_the_morning_answer_said_in_a_sentence_is_taken(
    next_morning: TextSession, answer: str, heard: str
) -> None:
    reply = said(next_morning, answer)
    assert heard in reply, reply
    assert "did you mean" not in reply.lower() and "soon" not in reply, reply


def test_a_red_flag_in_a_morning_sentence_still_comes_first(next_morning: TextSession) -> None:
    reply = said(next_morning, "about the same but I can't feel my foot this morning")
    assert "doctor" in reply and mode_of(next_morning) != "morning_check", reply


# --- the pain score after a workout ------------------------------------------------------


@pytest.mark.parametrize("vague", ["a lot", "kind of", "yes", "done", "better"])
def test_a_pain_score_said_in_words_gets_help_to_pick_a_number(
    make_skill: Any, clock: Clock, resolver: Resolver, vague: str
) -> None:
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_done(chat, pain=vague)
    assert mode_of(chat) == "pain_check"
    reply = render(chat.say("seven").response)[0]  # type: ignore[arg-type]
    assert "7" in reply or "seven" in reply, reply


# --- the symptom check ----------------------------------------------------------------------


@pytest.mark.parametrize("attempt", ["two", "five", "better", "the first one"])
def test_a_number_or_a_comparison_in_a_symptom_check_asks_for_yes_or_no(
    skill: Any, resolver: Resolver, attempt: str
) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    question = said(chat, "should I see a doctor").split("?")[0].split(". ")[-1]
    reply = said(chat, attempt)
    assert "yes, no, or not sure" in reply and question in reply, reply
    assert "finish" not in reply  # not "let's finish the check first": it was an answer
    assert mode_of(chat) == "symptom_check"


# --- deleting my data ---------------------------------------------------------------------


@pytest.mark.parametrize("unsure", ["what does that mean", "maybe", "I don't know", "help"])
def test_an_unsure_reply_to_the_delete_question_asks_it_again_and_deletes_nothing(
    skill: Any, resolver: Resolver, unsure: str
) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    said(chat, "what are today's exercises")
    said(chat, "delete my data")
    reply = said(chat, unsure)
    assert "Say yes to delete it" in reply, reply
    assert said(chat, "yes").startswith("Done. I've deleted")


# --- missing equipment ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("missing", "heard"),
    [
        ("I don't have a bench", "You won't need that"),
        ("I don't have a step", "You won't need that"),
        ("I don't have any weights", "No weights needed"),
        ("I haven't got any dumbbells", "No weights needed"),
        ("I don't have a sofa", "Thanks, noted"),
        ("I don't have a gym ball", "Thanks, noted"),
    ],
)
def test_missing_equipment_gets_a_straight_answer(
    skill: Any, resolver: Resolver, missing: str, heard: str
) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    reply = said(chat, missing)
    assert reply.startswith(heard), reply
    assert chat.open  # the menu's question follows, as before


# --- a question asked in the middle of something else --------------------------------------


def test_a_yes_after_a_question_answered_mid_check_never_fails(next_morning: TextSession) -> None:
    chat = next_morning
    # A close call ("did you mean ...?"); which words make one depends on the FAQ's tuning.
    for close in ("tell me about pain", "what about pain", "my pain", "is it bad"):
        chat.say(close)
        if chat.attributes.get("offer") == "faq_choice":
            break
    assert chat.attributes.get("offer") == "faq_choice"
    said(chat, "what should I do")  # answered: the close call before it is over
    reply = said(chat, "yes")
    assert "went wrong" not in reply, reply
    assert mode_of(chat) == "morning_check"


# --- pain said out of the blue --------------------------------------------------------------


@pytest.mark.parametrize("pain", ["eight", "my pain is nine", "ten"])
def test_severe_pain_said_unprompted_gets_advice_and_the_check(
    skill: Any, resolver: Resolver, pain: str
) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    reply = said(chat, pain)
    assert "a lot" in reply and "symptom check" in reply and "nine one one" in reply, reply
    assert "Is there any numbness" in said(chat, "yes")


def test_mild_pain_said_unprompted_is_only_explained(skill: Any, resolver: Resolver) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    assert "symptom check to be safe" not in said(chat, "three")


# --- where am I in the workout ----------------------------------------------------------------


def test_how_many_sets_are_left_says_where_the_workout_stands(
    skill: Any, resolver: Resolver
) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    said(chat, "start my workout")
    for answer in ("no", "no", "no", "yes", "yes", "ready"):
        said(chat, answer)
    reply = said(chat, "how many sets are left")
    assert "1 of 10 sets" in reply and "set 2 of 5" in reply, reply
    assert "bridge holds" in said(chat, "what exercise is this").lower()
    assert mode_of(chat) == "workout"
    said(chat, "stop")
    # After stopping, today's workout is still part done: it says how far, and offers it
    # (it said "no workout going", with one there to carry on).
    assert "partway through today's workout, 1 of 10" in said(chat, "how many sets are left")


# --- no pain at all --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "none", ["no pain", "it didn't hurt at all", "it doesn't hurt", "no pain today"]
)
def test_no_pain_after_a_workout_is_a_zero(
    make_skill: Any, clock: Clock, resolver: Resolver, none: str
) -> None:
    chat = TextSession(make_skill(), resolver, clock=clock)
    reply = first_workout_done(chat, pain=none)
    assert reply.startswith("0") and mode_of(chat) != "pain_check", reply
    clock.now += timedelta(days=1)
    assert "morning check" in said(chat, "open hamstring coach")
    reply = said(chat, "no pain")
    assert "today's exercises" in reply and "flare" not in reply, reply


def test_no_pain_said_out_of_the_blue_is_welcomed(skill: Any, resolver: Resolver) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    assert said(chat, "it doesn't hurt").startswith(("Glad", "Good"))
    said(chat, "should I see a doctor")
    assert "yes, no, or not sure" in said(chat, "no pain")


def test_a_red_flag_said_like_missing_equipment_is_still_a_red_flag(
    skill: Any, resolver: Resolver
) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    reply = said(chat, "I don't have any feeling down there")
    assert "nine one one" in reply and "won't need" not in reply, reply


def test_how_much_worse_is_asked_again_and_a_fresh_morning_question_starts_afresh(
    next_morning: TextSession,
) -> None:
    chat = next_morning
    said(chat, "worse")
    assert "a lot worse" in said(chat, "I don't know")  # the same question, not from the top
    assert "yes or no" in said(chat, "a little").lower()
    # "Start my workout" asks the morning question from the top: a yes is no answer to it.
    assert "about the same" in said(chat, "start my workout")
    reply = said(chat, "yes")
    assert "flare" not in reply and "better" in reply, reply
    assert "flare" not in said(chat, "about the same")


def test_a_workout_asked_for_in_the_morning_check_gets_the_reason_then_skips_it(
    next_morning: TextSession, clock: Clock
) -> None:
    # "Start my workout then" to the welcome's morning question: the question once more, with
    # why (it sets the load) and the way straight in; asked for again, the check is skipped
    # (the load held) and the workout starts; a later visit that day does not ask it again.
    chat = next_morning
    reply = said(chat, "start my workout then")
    assert "today's load" in reply and "skip" in reply and mode_of(chat) == "morning_check"
    reply = said(chat, "just start my workout")
    assert "skip the check" in reply and mode_of(chat) == "workout", reply
    said(chat, "stop")
    clock.now += timedelta(hours=2)
    assert "morning check" not in said(chat, "open hamstring coach")


def test_a_workout_asked_for_then_the_morning_answer_counts_toward_stepping_up(
    next_morning: TextSession,
) -> None:
    # The reason for asking once more: the answer given then is recorded like any morning's.
    chat = next_morning
    said(chat, "start my workout")
    reply = said(chat, "about the same")
    assert mode_of(chat) == "workout" and "skip the check" not in reply, reply


# --- thanks, goodbyes and "what's next" -----------------------------------------------------


def test_thanks_and_goodbyes_fit_the_moment(skill: Any, resolver: Resolver) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    reply = said(chat, "thank you")
    assert reply.startswith(("You're welcome", "Any time", "My pleasure")) and chat.open
    said(chat, "start my workout")
    for answer in ("no", "no", "no", "yes", "yes", "ready"):
        said(chat, answer)
    reply = said(chat, "thanks")
    assert "next set" in reply and mode_of(chat) == "workout", reply
    assert "set 2 of 5" in said(chat, "what's next")
    said(chat, "see you tomorrow")
    assert not chat.open


def test_whats_next_in_the_steps_is_the_next_step(skill: Any, resolver: Resolver) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    assert "Step 1" in said(chat, "how do I do a bridge")
    assert said(chat, "what's next").startswith("Step 2")


def test_thanks_to_a_pain_question_asks_it_again(
    make_skill: Any, clock: Clock, resolver: Resolver
) -> None:
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_done(chat, pain="thanks")
    assert mode_of(chat) == "pain_check"


# --- two weeks of a struggling person, in their own words -----------------------------------

# Each morning's words (None: the person does not come that day), then the pain score.
STRUGGLING = [
    (["worse", "a lot", "yes"], "four"),
    (["kind of", "about the same"], "it didn't hurt at all"),
    (["it's worse", "a little", "no"], "a lot"),
    None,
    (["I don't know", "better"], "three"),
    (["done", "worse", "help", "a bit", "no"], "five"),
    (["eight"], "two"),
    None,
    None,
    (["about the same"], "no pain"),
    (["it feels worse", "a lot", "yes"], "two"),
    (["better"], "two"),
]


def test_a_struggling_fortnight_in_everyday_words_never_drops_a_question(
    make_skill: Any, clock: Clock, resolver: Resolver
) -> None:
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_done(chat)
    flare_days = checks_offered = 0
    for day in STRUGGLING:
        clock.now += timedelta(days=1)
        if day is None:
            continue
        words, pain = day
        reply = said(chat, "open hamstring coach")
        if "new week" in reply:
            reply = said(chat, "no")
        if mode_of(chat) == "morning_check":
            for text in words:
                reply = said(chat, text)
                assert MENU not in reply and "no workout going" not in reply, (text, reply)
                assert chat.open, (text, reply)
                if mode_of(chat) != "morning_check":
                    break
            assert mode_of(chat) != "morning_check", (words, reply)
            flare_days += "flare-up" in reply
            if "symptom check to be safe" in reply:
                checks_offered += 1
                said(chat, "no")  # not now
        said(chat, "start my workout")
        for _ in range(40):
            if mode_of(chat) != "workout":
                break
            said(chat, "next set")
        if mode_of(chat) == "pain_check":
            reply = said(chat, pain)
            if mode_of(chat) == "pain_check":  # words, not a number: helped to one
                assert "rough guess" in reply, reply
                reply = said(chat, "four")
            assert mode_of(chat) != "pain_check", reply
        said(chat, "stop")
    # "A lot" worse twice: flare-up days, said as such; an 8 in the morning: the check offered.
    assert flare_days == 2 and checks_offered == 1


# --- two devices of one person ----------------------------------------------------------------


def test_a_device_left_behind_hears_which_exercise_the_workout_moved_on_to(
    make_skill: Any, clock: Clock, resolver: Resolver
) -> None:
    kitchen = TextSession(make_skill(), resolver, clock=clock)
    bedroom = TextSession(make_skill(), resolver, clock=clock)
    said(kitchen, "open hamstring coach")
    said(kitchen, "start my workout")
    for answer in ("no", "no", "no", "yes", "yes", "ready"):
        said(kitchen, answer)
    said(bedroom, "open hamstring coach")
    said(bedroom, "yes")  # carry on, here
    for _ in range(4):
        said(bedroom, "next set")  # bridge holds done; heel digs introduced here
    reply = said(kitchen, "next set")
    assert "another device" in reply and "heel digs" in reply.lower(), reply
    assert said(kitchen, "next set").startswith("Set 1 of 5")
    # On one device, skipping moves on without that notice.
    assert "another device" not in said(kitchen, "skip this one")


def test_other_equipment_said_to_the_kit_question_is_not_a_no_to_it(
    kit_question: tuple[TextSession, str], ddb: Any, settings: Any
) -> None:
    chat, question = kit_question
    asked = question.split(". ")[-1]
    reply = said(chat, "I don't have a bench")
    assert reply.startswith("You won't need that") and reply.endswith(asked), reply
    assert mode_of(chat) == "kit_check"
    reply = said(chat, "I don't have any feeling down there")
    assert "nine one one" in reply and not chat.open, reply
    kit = all_stored(ddb, settings)[0].get("kit") or {}
    assert kit.get("ball") is not False, kit  # nothing said about the ball was taken as a no


# --- reminders ------------------------------------------------------------------------------


@pytest.mark.parametrize("unsure", ["I don't know", "yes", "help"])
def test_an_unsure_reply_to_the_reminder_time_asks_for_it_again(
    skill: Any, resolver: Resolver, unsure: str
) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    assert "What time" in said(chat, "set a reminder")
    reply = said(chat, unsure)
    assert MENU not in reply and "time" in reply, reply
    assert mode_of(chat) == "reminder_time"


# --- an offer answered "maybe" -------------------------------------------------------------


def test_maybe_to_an_offer_says_what_yes_and_no_would_do(skill: Any, resolver: Resolver) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    said(chat, "what are today's exercises")
    assert chat.attributes.get("offer") == "start_workout"
    for unsure in ("maybe", "I don't know"):
        reply = said(chat, unsure)
        assert "Say yes" in reply and MENU not in reply, (unsure, reply)


@pytest.mark.parametrize(
    ("words", "score", "spelled"),
    [
        ("my pain is a three", 3, "three"),
        ("about an eight", 8, "eight"),
        ("I'd say a four", 4, "four"),
        ("the pain was a seven", 7, "seven"),
    ],
)
def test_a_pain_score_said_with_everyday_words_is_taken_as_the_score(
    make_skill: Any, clock: Clock, resolver: Resolver, words: str, score: int, spelled: str
) -> None:
    # "My pain is a three" used to reach the FAQ as a question and get a choice of topics.
    chat = TextSession(make_skill(), resolver, clock=clock)
    reply = first_workout_done(chat, pain=words)
    assert str(score) in reply or spelled in reply.lower(), reply
    assert mode_of(chat) != "pain_check"


@pytest.mark.parametrize("words", ["that hurts", "I can't do this one", "my leg is sore"])
def test_pain_said_mid_workout_gets_the_pain_rule_and_the_ways_out(
    make_skill: Any, clock: Clock, resolver: Resolver, words: str
) -> None:
    # These used to get a topic read out ("did you mean sitting?") or "no good answer".
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    assert mode_of(chat) == "workout"
    reply = said(chat, words)
    assert "five out of ten" in reply and "easier" in reply and "skip" in reply, reply
    assert mode_of(chat) == "workout"


def test_a_close_call_answered_unclearly_twice_is_let_go_not_looped(
    skill: Any, resolver: Resolver
) -> None:
    # "yes" to "did you mean A, or B?" used to get "which one did you want" forever.
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    first = said(chat, "my hamstring hurts")
    assert "or" in first and chat.attributes.get("faq_choices"), first
    again = said(chat, "yes")
    assert "which one" in again.lower(), again
    let_go = said(chat, "yes")
    assert "which one" not in let_go.lower() and "today's exercises" in let_go.lower(), let_go
    assert "faq_choices" not in chat.attributes and "offer" not in chat.attributes


def test_what_should_i_do_is_not_heard_as_what_is_it(skill: Any, resolver: Resolver) -> None:
    # "what should I do" reached the matcher as "what is should i do" and got the
    # what-it-is answer; "what is it" still gets it.
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    assert "sit bone" not in said(chat, "what should I do")
    assert "tendinopathy is" in said(chat, "what is it")


# --- a pain score of nothing at all -----------------------------------------------------------


@pytest.mark.parametrize("none", ["none", "no pain", "not at all", "nothing", "zero"])
def test_nothing_at_all_to_the_pain_question_is_a_zero(
    make_skill: Any, clock: Clock, resolver: Resolver, none: str
) -> None:
    # "None" and "not at all" reach the skill as AMAZON.NoIntent, like "no thanks": they
    # used to skip the score. Now a no-word is asked once ("a zero?"); words only a zero
    # can mean are the zero at once.
    chat = TextSession(make_skill(), resolver, clock=clock)
    reply = first_workout_done(chat, pain=none)
    if mode_of(chat) == "pain_check":
        assert "zero?" in reply and chat.open, reply
        reply = said(chat, "yes")
    assert reply.startswith("0") and "leave it" not in reply, reply
    assert mode_of(chat) != "pain_check"


@pytest.mark.parametrize("no", ["no", "no thanks"])
def test_no_to_the_pain_question_asks_about_a_zero_and_a_second_no_skips_it(
    make_skill: Any, clock: Clock, resolver: Resolver, no: str
) -> None:
    chat = TextSession(make_skill(), resolver, clock=clock)
    assert "zero?" in first_workout_done(chat, pain=no)
    said(chat, "help")  # a rough guess is fine: the question stays open
    assert mode_of(chat) == "pain_check"
    assert said(chat, "no").startswith("Okay, we'll leave it")


# --- "wait", "I'm done", "it's too much" mid-workout -----------------------------------------


@pytest.mark.parametrize(
    "wait",
    [
        "wait",
        "hang on",
        "one sec",
        "just a sec",
        "give me a sec",
        # Life at home interrupts a workout: these fell to the question matcher ("did you
        # mean resting?"), a symptom report or the fallback.
        "someone's at the door",
        "the phone's ringing",
        "let me catch my breath",
        "I need a drink of water",
        "be right back",
    ],
)
def test_wait_mid_workout_pauses_and_says_how_to_resume(
    make_skill: Any, clock: Clock, resolver: Resolver, wait: str
) -> None:
    # "One sec" got the pain rule, "give me a sec" "sorry, I didn't catch that".
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    said(chat, "ready")
    reply = said(chat, wait)
    assert reply.startswith("Paused") and "resume" in reply, reply
    assert "carry on" in said(chat, "open hamstring coach")
    assert "set 2 of 5" in said(chat, "yes")  # the set done before the pause is kept


@pytest.mark.parametrize(
    ("words", "heard"),
    [
        # A score in a sentence mid-workout: the in-workout pain answer ("didn't get that"
        # or "did you mean running?" before).
        ("that's about a seven", "7 is more than we want"),
        ("it hurts about a six when I lift", "6 is more than we want"),
        # Fewer, harder, done in a person's words (the questions answered them: "can I make
        # it harder" got the stretching answer, "can I do fewer" the running one).
        ("can I do fewer", "Okay, easier"),
        ("can I make it harder", "Not on a first session"),
        ("that was easy", "Not on a first session"),
        ("I did it", "Set 2 of 5"),
        ("finished that set", "Set 2 of 5"),
    ],
)
def test_workout_talk_in_a_persons_words(
    make_skill: Any, clock: Clock, resolver: Resolver, words: str, heard: str
) -> None:
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    said(chat, "ready")
    reply = said(chat, words)
    assert reply.startswith(heard) and mode_of(chat) == "workout", reply


@pytest.mark.parametrize("asked", ["are you a doctor", "who made you", "is this medical advice"])
def test_what_the_skill_is_is_said_with_the_disclaimer_and_a_workout_carries_on(
    make_skill: Any, clock: Clock, resolver: Resolver, asked: str
) -> None:
    # "Are you a doctor?" got the see-a-doctor answer, "who made you?" a choice of topics.
    chat = TextSession(make_skill(), resolver, clock=clock)
    said(chat, "open hamstring coach")
    reply = said(chat, asked)
    assert "not a doctor" in reply and "nine one one" in reply and chat.open, reply
    first_workout_started(chat)
    said(chat, "ready")
    reply = said(chat, asked)
    assert "not a doctor" in reply and mode_of(chat) == "workout", reply
    assert said(chat, "next set").startswith("Set 2 of 5")


@pytest.mark.parametrize(
    "leave", ["I have to go", "gotta go", "let's stop there", "stop for now", "I'll do it later"]
)
def test_leaving_mid_workout_keeps_the_sets_done_for_later(
    make_skill: Any, clock: Clock, resolver: Resolver, leave: str
) -> None:
    # "I have to go" was a question ("to go"), "stop for now" the fallback: the workout
    # carried on asking for the next set.
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    said(chat, "ready")
    said(chat, leave)
    assert not chat.open
    assert "1 of 10 sets" in said(chat, "open hamstring coach")
    assert "set 2 of 5" in said(chat, "yes")


@pytest.mark.parametrize("wait", ["wait", "hang on"])
def test_wait_to_a_pain_question_keeps_the_question(
    make_skill: Any, clock: Clock, resolver: Resolver, wait: str
) -> None:
    # After the workout, a pause with no workout going dropped the question for the menu.
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_done(chat, pain=wait)
    assert mode_of(chat) == "pain_check" and chat.open
    assert said(chat, "three").startswith("3")


def test_im_done_mid_workout_asks_stop_or_carry_on_and_credits_nothing(
    make_skill: Any, clock: Clock, resolver: Resolver
) -> None:
    # "I'm done" was a sample of "next set": it coached and credited another set.
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    said(chat, "ready")
    asked = chat.say("I'm done")
    reply = render(asked.response)[0]  # type: ignore[arg-type]
    assert "stop" in reply and "next set" in reply and "set 2 of 5" in reply, reply
    assert asked.response is not None and asked.response["response"].get("reprompt")
    assert "which one" in said(chat, "yes").lower()  # a yes says neither: asked plainly
    assert "1 of 10 sets" in said(chat, "how many sets are left")  # nothing credited
    assert said(chat, "next set").startswith("Set 2 of 5")
    said(chat, "I'm done")
    reply = said(chat, "I'm done")  # said again to "stop, or carry on?": stop
    assert "2 of 10 sets" in reply and not chat.open, reply


def test_im_done_after_a_run_is_the_run_done(
    make_skill: Any, clock: Clock, resolver: Resolver, ddb: Any, settings: Any
) -> None:
    # The run's briefing says "when you're back, say done": there it means the run is done.
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_done(chat)
    overwrite_progress(ddb, settings, chat.user_id, stage=5)
    clock.now += timedelta(days=2)
    said(chat, "open hamstring coach")
    reply = said(chat, "start my workout")
    if mode_of(chat) == "morning_check":
        reply = said(chat, "about the same")
    for _ in range(40):
        if mode_of(chat) != "workout" or "say done" in reply:
            break
        reply = said(chat, "skip this one")
    if "say done" not in reply:
        pytest.skip("no run in this stage's plan today")
    reply = said(chat, "I'm done")
    assert "run logged" in reply and "stopping for today" not in reply.lower(), reply


@pytest.mark.parametrize(
    "words", ["it's too much", "this is too hard", "that's too much", "I'm struggling"]
)
def test_too_much_mid_workout_gets_the_ways_out_not_a_topic(
    make_skill: Any, clock: Clock, resolver: Resolver, words: str
) -> None:
    # "It's too much" got the causes of tendinopathy read out.
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    reply = said(chat, words)
    assert "easier" in reply and "skip" in reply and "five out of ten" in reply, reply
    assert "load too soon" not in reply and mode_of(chat) == "workout"


def test_too_much_with_no_workout_going_gives_the_pain_rule_with_the_disclaimer(
    skill: Any, resolver: Resolver
) -> None:
    # The pain rule is health advice: like every other help path it carries the disclaimer.
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    reply = said(chat, "it's too much")
    assert "five out of ten" in reply and "not" in reply and "nine one one" in reply, reply
    assert "exercises, a symptom check" in reply and chat.open, reply  # then the menu


# --- "it's worse today" -----------------------------------------------------------------------


@pytest.mark.parametrize("worse", ["it's worse today", "it feels worse today"])
def test_worse_today_answers_the_morning_check(next_morning: TextSession, worse: str) -> None:
    # "It's worse today" was a flare-up question's sample: the morning check read out the
    # flare-up answer and stayed open, its question unanswered.
    chat = next_morning
    reply = said(chat, worse)
    assert "a lot" in reply and mode_of(chat) == "morning_check", reply
    reply = said(chat, "a little")
    if "yes or no" in reply.lower():  # a yes-ish word is asked once more, plainly
        reply = said(chat, "no")
    assert "today's exercises" in reply and "flare-up" not in reply, reply


def test_worse_today_with_no_morning_check_gets_flare_up_advice(
    skill: Any, resolver: Resolver
) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    reply = said(chat, "it's worse today")
    assert chat.attributes.get("faq_topic") == "flare_up" and chat.open, reply


# --- found in persona sessions ------------------------------------------------------------


def test_easier_or_a_vague_more_to_the_morning_check_keeps_the_question(
    next_morning: TextSession,
) -> None:
    # "Easier" got "I can make it easier once we're in a workout", the question dropped.
    chat = next_morning
    said(chat, "easier")
    assert mode_of(chat) == "morning_check"
    assert "a lot" in said(chat, "it's worse today")
    # Words that are no comparison, to "a little, or a lot?": that question, not the first.
    assert "a lot worse" in said(chat, "I mean it hurts more than usual")
    assert "flare-up" in said(chat, "quite a lot")


def test_a_question_with_no_answer_mid_check_says_how_to_carry_on(
    next_morning: TextSession,
) -> None:
    # A miss read out three topics and "what would you like?": the morning question unsaid.
    chat = next_morning
    reply = said(chat, "what should I do")
    assert "better" in reply and "What would you like" not in reply, reply
    assert mode_of(chat) == "morning_check"


@pytest.mark.parametrize("lost", ["um what do I do", "what do I do now"])
def test_a_first_timer_asking_what_to_do_gets_help_not_a_topic(
    skill: Any, resolver: Resolver, lost: str
) -> None:
    # "What do I do now" got the flare-up answer; "um what do I do" a miss.
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    reply = said(chat, lost)
    assert "today's exercises" in reply and "Calm it" not in reply, reply


@pytest.mark.parametrize("where", ["how long is left", "what was I doing"])
def test_where_am_i_in_other_words_mid_workout(
    make_skill: Any, clock: Clock, resolver: Resolver, where: str
) -> None:
    # "How long is left" got "did you mean recovery time?"; "what was I doing" what it is.
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    said(chat, "ready")
    reply = said(chat, where)
    assert "1 of 10 sets" in reply and "set 2 of 5" in reply, reply


def test_tell_me_more_after_the_pain_rule_is_not_an_older_topic(
    make_skill: Any, clock: Clock, resolver: Resolver
) -> None:
    # After "what if it hurts tomorrow" (the pain rule), "tell me more" expanded the topic
    # answered before it (how often to exercise).
    chat = TextSession(make_skill(), resolver, clock=clock)
    first_workout_started(chat)
    said(chat, "can I do this every day")
    assert chat.attributes.get("faq_topic")
    assert "five out of ten" in said(chat, "it's too much")
    assert "faq_topic" not in chat.attributes


def test_wait_to_the_kit_question_asks_it_again(kit_question: tuple[TextSession, str]) -> None:
    # "Hang on" (to go and look for a gym ball) got "there's nothing to pause right now".
    chat, question = kit_question
    reply = said(chat, "hang on")
    assert reply.endswith(question.split(". ")[-1]) and "nothing to pause" not in reply, reply
    assert mode_of(chat) == "kit_check"


# --- answers with a hesitation in front ("hmm yes", "um no") -----------------------------
# Speech recognition keeps the "um" or "hmm" a person says before an answer; those used to
# arrive as a statement carrier ("hmm {statement}", "um {query}") and the check asked
# "yes, no, or not sure?" again. They are answers (the model's yes / no / unsure samples).


@pytest.mark.parametrize("no", ["hmm no", "um no", "uh no", "well no", "um I don't think so"])
def test_a_hesitant_no_answers_the_symptom_check(skill: Any, resolver: Resolver, no: str) -> None:
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    said(chat, "should I see a doctor")
    reply = ""
    for _ in range(30):
        reply = said(chat, no)
        assert "yes, no, or not sure" not in reply, reply
        if mode_of(chat) != "symptom_check":
            break
    assert mode_of(chat) != "symptom_check"
    assert "None of the warning signs came up" in reply, reply
    assert "not a diagnosis" in reply


@pytest.mark.parametrize("answer", ["hmm yes", "um yeah", "um I think so", "hmm not sure"])
def test_a_hesitant_yes_or_not_sure_to_the_first_question_is_taken_as_yes(
    skill: Any, resolver: Resolver, answer: str
) -> None:
    # The first question is the most urgent (numbness in the saddle area, bladder or bowel):
    # a yes to it, and "not sure" counts as yes, ends the check with emergency advice.
    chat = TextSession(skill, resolver)
    said(chat, "open hamstring coach")
    said(chat, "should I see a doctor")
    reply = said(chat, answer)
    assert "yes, no, or not sure" not in reply, reply
    assert "emergency" in reply and "not a diagnosis" in reply, reply
