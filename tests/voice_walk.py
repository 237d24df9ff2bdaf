"""The skill's frequent turns, rendered through the real lambda_handler and labelled, so the
voice rules (tests/functional/test_voice_rules.py) can be checked on what a person hears:
launch new and returning, today's plan, the workout's sets and rests, the pain and morning
questions, the symptom check, help and fallback in each mode, goodbye.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from hamstring_coach.adapters.dynamo import progress_of
from hamstring_coach.domain.identity import user_key
from hamstring_coach.lambda_type import LambdaHandler
from local import envelopes
from tests.conversation import Conversation


@dataclass(frozen=True)
class Turn:
    label: str
    speech: str  # the SSML inside <speak>
    reprompt: str | None
    ended: bool
    mode: str | None


class _Recorder(Conversation):
    def __init__(self, handler: LambdaHandler, turns: list[Turn], **kw: Any) -> None:
        super().__init__(handler, **kw)
        self.turns = turns
        self.label = ""

    def _send(self, env: dict[str, Any]) -> dict[str, Any]:
        out = super()._send(env)
        reprompt = envelopes.reprompt_of(out)
        self.turns.append(
            Turn(
                label=self.label or "?",
                speech=_inner(envelopes.speech_of(out)),
                reprompt=_inner(reprompt) if reprompt else None,
                ended=bool(out["response"].get("shouldEndSession")),
                mode=self.attributes.get("mode"),
            )
        )
        return out

    def do(self, label: str, intent: str, **slots: Any) -> None:
        self.label = label
        self.say(intent, **slots)

    def open(self, label: str) -> None:
        self.label = label
        self.launch()


def _inner(ssml: str) -> str:
    return ssml.removeprefix("<speak>").removesuffix("</speak>").strip()


def set_progress(ddb: Any, settings: Any, user: str, **changes: Any) -> None:
    """Put a person at another stage (a later part of the program) by editing their record."""
    key = user_key(settings.user_key_secret, user)
    item = ddb.get_item(TableName=settings.progress_table, Key={"pk": {"S": key}})["Item"]
    data = {**progress_of(item).to_dict(), **changes}
    item["data"] = {"S": json.dumps(data)}
    ddb.put_item(TableName=settings.progress_table, Item=item)


def _through_workout(w: _Recorder, what: str) -> None:
    for n in range(60):
        w.do(f"{what}: next set {n + 1}", "NextSetIntent")
        if w.attributes.get("mode") != "workout":
            return
    raise AssertionError("the workout did not finish")


def frequent_turns(skill: LambdaHandler, clock: Any, ddb: Any, settings: Any) -> list[Turn]:
    """One person's first days, then a later stage with counted reps; every turn kept."""
    turns: list[Turn] = []
    w = _Recorder(skill, turns)
    same = envelopes.resolved_slot("compare", "the same", "same")

    # Day one: the first launch, the frame's help and fallback, the safety screen.
    w.open("launch: new user")
    w.do("help: menu", "AMAZON.HelpIntent")
    w.do("fallback: menu", "AMAZON.FallbackIntent")
    w.do("today's plan", "TodaysExercisesIntent")
    w.do("help: plan offer", "AMAZON.HelpIntent")
    w.do("fallback: plan offer", "AMAZON.FallbackIntent")
    w.do("today's plan", "TodaysExercisesIntent")
    w.answer_screen = False
    w.do("start: yes to the plan", "AMAZON.YesIntent")
    w.do("help: safety screen", "AMAZON.HelpIntent")
    w.do("fallback: safety screen", "AMAZON.FallbackIntent")
    for n in range(12):
        state = w.attributes.get("symptom_check")
        if not (isinstance(state, dict) and state.get("screen")):
            break
        onset = state.get("asking") == "onset"
        w.do(f"safety screen: answer {n + 1}", "AMAZON.YesIntent" if onset else "AMAZON.NoIntent")
    w.answer_screen = True
    w.do("start: yes to the first session", "AMAZON.YesIntent")
    w.do("help: workout", "AMAZON.HelpIntent")
    w.do("fallback: workout", "AMAZON.FallbackIntent")
    w.do("workout: ready", "NextSetIntent")
    w.do("workout: repeat", "AMAZON.RepeatIntent")
    w.do("workout: no", "AMAZON.NoIntent")
    _through_workout(w, "stage one")
    w.do("help: pain question", "AMAZON.HelpIntent")
    w.do("fallback: pain question", "AMAZON.FallbackIntent")
    w.do("pain: answer", "PainReportIntent", pain="3")
    w.do("goodbye", "AMAZON.StopIntent")

    # Day two: the returning launch is the morning check.
    clock.now = clock.now + timedelta(days=1)
    w.open("launch: returning, morning check")
    w.do("help: morning check", "AMAZON.HelpIntent")
    w.do("fallback: morning check", "AMAZON.FallbackIntent")
    w.do("morning: same as usual", "MorningCompareIntent", compare=same)
    w.do("morning: no to the plan", "AMAZON.NoIntent")
    w.open("launch: returning")
    w.do("start workout", "StartWorkoutIntent")
    w.do("workout: ready", "NextSetIntent")
    w.do("workout: stop", "AMAZON.StopIntent")
    w.open("launch: returning, resume offer")
    w.do("help: resume offer", "AMAZON.HelpIntent")
    w.do("goodbye", "AMAZON.NoIntent")

    # The symptom check, answered no throughout, then yes to today's exercises.
    w.open("launch: returning")
    w.do("symptom check: start", "SymptomCheckIntent")
    w.do("help: symptom check", "AMAZON.HelpIntent")
    w.do("fallback: symptom check", "AMAZON.FallbackIntent")
    _answer_check(w, "symptom check", "AMAZON.NoIntent")
    w.do("goodbye", "AMAZON.StopIntent")

    # A walkthrough and a question: help and fallback in each.
    nordic = envelopes.resolved_slot("exercise", "nordic curl", "nordic_curl")
    w.open("launch: returning")
    w.do("walkthrough: start", "ExerciseHowToIntent", exercise=nordic)
    w.do("help: walkthrough", "AMAZON.HelpIntent")
    w.do("fallback: walkthrough", "AMAZON.FallbackIntent")
    w.do("walkthrough: next", "AMAZON.NextIntent")
    w.do("question: running", "RunningIntent")
    w.do("help: question", "AMAZON.HelpIntent")
    w.do("fallback: question", "AMAZON.FallbackIntent")
    w.do("goodbye", "AMAZON.StopIntent")

    # Weeks later, at stage two: counted reps, rests, set done, exercise done, workout done.
    clock.now = clock.now + timedelta(days=3)
    set_progress(ddb, settings, envelopes.DEFAULT_USER, stage=2)
    w.open("launch: returning, stage two")
    if w.attributes.get("mode") == "morning_check":
        w.do("morning: same as usual", "MorningCompareIntent", compare=same)
    w.do("today's plan: stage two", "TodaysExercisesIntent")
    w.do("start: yes to the plan", "AMAZON.YesIntent")
    if w.attributes.get("mode") == "kit_check":
        w.do("kit: yes", "AMAZON.YesIntent")
    _through_workout(w, "stage two")
    w.do("pain: high answer", "PainReportIntent", pain="6")

    # The other outcomes of the symptom check, each for someone new (an urgent or emergency
    # answer pauses the program): "not sure" to the last question, then to the first.
    for n, level in enumerate(("soon", "emergency")):
        other = _Recorder(skill, turns, user_id=f"amzn1.ask.account.VOICE{n}")
        other.do(f"symptom check: start ({level})", "SymptomCheckIntent")
        _answer_check(other, f"symptom check ({level})", "AMAZON.NoIntent", unsure_at=level)
    return turns


def _answer_check(w: _Recorder, what: str, answer: str, unsure_at: str | None = None) -> None:
    """Answer every question of an open symptom check; "not sure" to the first question
    (unsure_at="emergency") or to the last one asked before the outcome ("soon")."""
    for n in range(20):
        state = w.attributes.get("symptom_check")
        if not isinstance(state, dict) or w.ended:
            return
        first = unsure_at == "emergency" and n == 0
        last = unsure_at == "soon" and state.get("asking") == "new_over_50"
        w.do(f"{what}: answer {n + 1}", "UnsureIntent" if first or last else answer)


# --- measures of a turn (used by the rules test and its espeak-ng timing) ---------------

_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"""<break\s+time=["'](\d+(?:\.\d+)?)(ms|s)["']\s*/>""")
# The pause between spoken set-up steps (voice/coaching.STEP_PAUSE); any other pause in a
# turn is the clock of a counted set, a hold or a rest.
STEP_BREAK_MS = 600


def plain_text(ssml: str) -> str:
    text = _TAG.sub(" ", ssml).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return re.sub(r"\s+", " ", text).strip()


def words(ssml: str) -> int:
    return sum(1 for w in plain_text(ssml).split() if any(ch.isalnum() for ch in w))


def _break_ms(match: re.Match[str]) -> float:
    return float(match.group(1)) * (1000 if match.group(2) == "s" else 1)


def talk_part(ssml: str) -> str:
    """What is said after a counted or timed set: the text after its clock's last pause (the
    whole turn when it has none)."""
    last = None
    for match in _BREAK.finditer(ssml):
        if _break_ms(match) != STEP_BREAK_MS:
            last = match
    return ssml[last.end() :] if last else ssml


def is_timed(ssml: str) -> bool:
    return any(_break_ms(m) != STEP_BREAK_MS for m in _BREAK.finditer(ssml))


def is_instruction(ssml: str) -> bool:
    """An exercise's set-up, its steps read with a pause between them."""
    return any(_break_ms(m) == STEP_BREAK_MS for m in _BREAK.finditer(ssml))


def before_question(ssml: str, open_turn: bool = True) -> str:
    """What a person hears before the turn's ask: before the sentence holding its first
    question, or, for an open turn that asks with "say ..." instead of a question, before
    its last sentence. All of a turn that ends the session."""
    text = plain_text(ssml)
    if "?" in text:
        head = text.split("?", 1)[0]
    elif open_turn:
        head = text.rstrip(".!: ")
    else:
        return text
    ends = [head.rfind(mark) for mark in (". ", "! ", "; ")]
    return head[: max(ends) + 1] if max(ends) >= 0 else ""
