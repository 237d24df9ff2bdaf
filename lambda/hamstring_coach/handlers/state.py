"""What a conversation keeps between turns: the session attribute names, and the modes and
offers every feature declares. One place, so no feature compares another's literals.

The enum values are the strings kept in session attributes (StrEnum), so a session
started before a deploy reads the same after it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from ask_sdk_core.handler_input import HandlerInput


class Key(StrEnum):
    """Session attribute names."""

    MODE = "mode"  # what the user is in the middle of (a Mode)
    OFFER = "offer"  # what a "yes" means right now (an Offer)
    PENDING = "_pending"  # progress events whose write failed, replayed next turn
    SAVE_WARNED = "_save_warned"  # the session stayed open once to offer another save
    SAVE_ASKED = "_save_asked"  # the last answer asked "shall I try saving again?"
    DELETE_ARMED = "_delete_armed"  # the delete question was just asked (one turn only)
    WORKOUT_THEN = "wo_then"  # after the morning check: "plan", "start" or "menu"
    KIT_ASKING = "kit"  # the kit the open question is about ("ball", "anchor")
    MORNING_WORSE = "am_worse"  # "worse" was heard: "a little, or a lot?" was asked
    WALKTHROUGH = "walk"  # {"ex": exercise id, "step": index}
    SYMPTOM_CHECK = "symptom_check"  # {"compare": bool, "answers": {...}, "asking": id}
    FAQ_TOPIC = "faq_topic"  # the last topic answered: what "tell me more" expands
    FAQ_CHOICES = "faq_choices"  # topic ids offered in a close call, in the order named
    FAQ_REASKED = "faq_reasked"  # the close call was asked a second time: a third never is
    FAQ_DISCLAIMED = "faq_disclaimed"  # the disclaimer went with an answer this session
    REMINDER_ASK = "reminder_ask"  # {"days", "start"} said while the time is asked again
    SAID = "said"  # {line key: wording last used} for the frequent lines (voice/speech.py)
    WORKOUT_AT = "wo_at"  # the exercise (index) this session last coached or introduced
    MISHEARD = "_misheard"  # the last answer was the frame's "sorry" (one turn only)


class Mode(StrEnum):
    WORKOUT = "workout"  # coaching sets
    PAIN_CHECK = "pain_check"  # after a workout: pain during it, 0-10
    MORNING_CHECK = "morning_check"  # first turn of a later day: this morning against usual
    KIT_CHECK = "kit_check"  # before a workout: does the person have the kit it needs
    WALKTHROUGH = "walkthrough"  # an exercise's steps one at a time
    SYMPTOM_CHECK = "symptom_check"  # the red-flag questions
    FAQ = "faq"  # questions and answers
    REMINDER_TIME = "reminder_time"  # the time for a reminder is being asked again


class Offer(StrEnum):
    START_WORKOUT = "start_workout"
    RESUME_WORKOUT = "resume_workout"
    TODAYS_PLAN = "todays_plan"
    FAQ_MORE = "faq_more"
    FAQ_CHOICE = "faq_choice"
    FAQ_ANOTHER = "faq_another"
    SYMPTOM_CHECK = "symptom_check"
    CONDITION_COMPARE = "condition_compare"
    WEEKLY_REVIEW = "weekly_review"
    PAIN_ZERO = "pain_zero"  # "none" / "no" to the pain score: "no pain at all, a zero?"
    STOP_OR_CARRY_ON = "stop_or_carry_on"  # "I'm done" mid-workout: stop, or carry on?


def session(handler_input: HandlerInput) -> dict[str, Any]:
    manager = handler_input.attributes_manager
    if handler_input.request_envelope.session is None:
        # A request without a session (skill events): the SDK refuses to get or set session
        # attributes, so a throwaway dict that lives for this request only.
        scratch = manager.request_attributes.setdefault("_no_session", {})
        assert isinstance(scratch, dict)
        return scratch
    attrs = manager.session_attributes
    if attrs is None:
        attrs = manager.session_attributes = {}
    return attrs


def mode(handler_input: HandlerInput) -> Mode | None:
    """The current mode; an unknown value (an older or hand-made session) counts as none."""
    value = session(handler_input).get(Key.MODE)
    return Mode(value) if isinstance(value, str) and value in Mode._value2member_map_ else None


def offer(handler_input: HandlerInput) -> Offer | None:
    value = session(handler_input).get(Key.OFFER)
    return Offer(value) if isinstance(value, str) and value in Offer._value2member_map_ else None


def set_mode(
    handler_input: HandlerInput, new_mode: Mode | None, new_offer: Offer | None = None
) -> None:
    """Set (or clear, with None) the mode and the offer together."""
    attrs = session(handler_input)
    for key, value in ((Key.MODE, new_mode), (Key.OFFER, new_offer)):
        if value is None:
            attrs.pop(key, None)
        else:
            attrs[key] = value.value


def clear_activity(handler_input: HandlerInput) -> None:
    set_mode(handler_input, None)
