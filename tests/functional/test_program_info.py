"""Questions about the program itself (round 21, handlers/program_info.py): found by playing
a new user, who got two FAQ topics for "what exercises will I do later on", "I don't have a
good answer" for "what equipment do I need" and "I only know about the upper hamstring" for
"can I do this if I'm pregnant"."""

from __future__ import annotations

from typing import Any

from hamstring_coach.app import LambdaHandler
from hamstring_coach.settings import Settings
from local import envelopes
from tests.conversation import Conversation


def test_the_overview_names_every_stage_in_order_and_where_the_person_is(
    skill: LambdaHandler, content_source: dict[str, Any]
) -> None:
    stages = content_source["en"]["stage"]
    names = [stages[k]["name"] for k in sorted(stages, key=int)]
    convo = Conversation(skill)
    convo.launch()
    convo.say("ProgramOverviewIntent")
    spoken = convo.speech.lower()
    places = [spoken.index(n.lower()) for n in names]
    assert places == sorted(places), convo.speech
    assert f"you're on {names[0].lower()}" in spoken
    assert "three to six months" in convo.speech
    # Today's exercises offered, and a yes reads them.
    assert convo.attributes.get("offer") == "todays_plan" and convo.reprompt
    convo.say("AMAZON.YesIntent")
    assert "minutes" in convo.speech


def test_equipment_and_suitability_are_answered(skill: LambdaHandler) -> None:
    convo = Conversation(skill)
    convo.launch()
    convo.say("EquipmentIntent")
    assert "backpack" in convo.speech and "sofa" in convo.speech
    assert convo.reprompt and not convo.ended
    convo.say("SuitabilityIntent")
    assert "pregnant" in convo.speech and "doctor or physio" in convo.speech
    # A help path: the short disclaimer, and no offer of exercises after "ask first".
    assert "nine one one" in convo.speech
    assert convo.attributes.get("offer") is None and convo.reprompt and not convo.ended


def test_mid_workout_the_set_waits(skill: LambdaHandler, settings: Settings) -> None:
    convo = Conversation(skill)
    convo.restore({"mode": "workout", "offer": "next_set"}, settings.user_key_secret)
    for intent in ("ProgramOverviewIntent", "EquipmentIntent", "SuitabilityIntent"):
        convo.say(intent)
        assert "next set" in convo.speech.lower(), (intent, convo.speech)
        assert convo.attributes["mode"] == "workout" and convo.attributes["offer"] == "next_set"


def test_kit_noted_outside_a_workout_asks_the_next_question(skill: LambdaHandler) -> None:
    """Round 22: "I don't have a gym ball" on the main menu used to end with "Thanks,
    noted." and the microphone open, the only question in the reprompt. Now each kit answer
    outside a workout offers today's exercises; yes reads them."""
    for value, kit_id in (("gym ball", "ball"), ("bench", None), ("dumbbells", "weights")):
        convo = Conversation(skill)
        convo.launch()
        convo.say("NoKitIntent", kit=envelopes.resolved_slot("kit", value, kit_id))
        assert convo.speech.removesuffix("</speak>").endswith("?"), (value, convo.speech)
        assert convo.attributes.get("offer") == "todays_plan" and convo.reprompt, value
        assert not convo.ended
        convo.say("AMAZON.YesIntent")
        assert "minutes" in convo.speech, (value, convo.speech)
