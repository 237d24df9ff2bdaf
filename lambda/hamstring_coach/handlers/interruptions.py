"""(conv18) "Hang on, that's the door", "stop, the wife's shouting me": a pause or a stop with
the reason said after it.

The carrier is the command ("hang on {statement}", "stop {statement}", HoldOnSayingIntent
and StopSayingIntent, LAST in the model so an older carrier keeps every tie) and the words
after it are a statement, so the red-flag reading comes first: "hang on, he's just said his
calf's gone hot and swollen" is that sign (the statement handlers answer it, someone
else's too), never a pause. With no sign in the words:
- a stop is a stop, anywhere ("stop reminding me, I'll remember" is the reminders', named
  by its first words: `stop_what` in the FAQ lexicon);
- a hold-on is a pause inside a workout, where the place is saved; anywhere else the words
  stay a statement (read as a question, or the open question asked again);
- (round 35) a hold-on with a question the matcher answers ("hang on, quick one, is it
  normal for my legs to shake") is that question inside a workout too: answered, the place
  kept, as any question asked mid-set. Paused, the question was lost.
Before, every such sentence fell to the fallback: mid-set, "sorry, I missed that".
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.intent_request import IntentRequest

from hamstring_coach.domain.faq import Outcome
from hamstring_coach.handlers import faq, symptoms
from hamstring_coach.handlers.routing import intent_of
from hamstring_coach.handlers.said import statement_of
from hamstring_coach.handlers.state import Mode, mode
from hamstring_coach.intents import Intent


class InterruptionInterceptor(AbstractRequestInterceptor):
    def process(self, handler_input: HandlerInput) -> None:
        request = handler_input.request_envelope.request
        if not isinstance(request, IntentRequest) or request.intent is None:
            return
        said = intent_of(handler_input)
        if said not in (Intent.HOLD_ON_SAYING, Intent.STOP_SAYING):
            return
        text = statement_of(handler_input)
        prepared = faq.view(handler_input)
        if text and prepared.flags.assess(text) is not None:
            return  # a sign in the reason: the statement handlers read it
        if said is Intent.STOP_SAYING:
            named = prepared.pleasantries.stopped(text)
            known = named is not None and named in Intent._value2member_map_
            target = Intent(named) if named is not None and known else Intent.STOP
        elif mode(handler_input) is Mode.WORKOUT:
            if text and prepared.index.match(text, learned=True).outcome is Outcome.ANSWER:
                faq.hand_on_as(handler_input, Intent.QUESTION, text)
                return
            target = Intent.PAUSE
        else:
            return
        faq.hand_on_as(handler_input, target)


# (conv18b) The carriers a remark about the set arrives on mid-workout.
REMARK_CARRIERS = frozenset(
    {
        *symptoms.STATEMENT_INTENTS,
        Intent.QUESTION,
        Intent.MORE_QUESTION,
        Intent.POLITE_QUESTION,
        *faq.ASIDE_OPENERS,  # (op23) the world openers too
    }
)


class TooEasyInterceptor(AbstractRequestInterceptor):
    """(conv18b) Mid-workout, "mate this is way too easy, chuck me straight onto the nordics"
    reached Alexa as a statement ("this is {statement}"), and a statement with no red flag
    mid-set gets the pain rule: the opposite of what was said. The set judged too easy
    (`too_easy` in the lexicon), with no pain word and no "not" in the same words, is
    "harder" (the coach decides what harder may be: none on a first session). A red flag in
    the words is heard first, and any pain word keeps the pain rule."""

    def process(self, handler_input: HandlerInput) -> None:
        request = handler_input.request_envelope.request
        if not isinstance(request, IntentRequest) or request.intent is None:
            return
        if mode(handler_input) is not Mode.WORKOUT:
            return
        if intent_of(handler_input) not in REMARK_CARRIERS:
            return
        text = statement_of(handler_input)
        prepared = faq.view(handler_input)
        if not text or not prepared.pleasantries.says_too_easy(text):
            return
        if prepared.flags.assess(text) is not None:
            return
        faq.hand_on_as(handler_input, Intent.HARDER)


def interceptors() -> list[AbstractRequestInterceptor]:
    return [InterruptionInterceptor(), TooEasyInterceptor()]
