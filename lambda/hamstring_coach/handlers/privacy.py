"""Deleting a user's data: by voice ("delete my data", confirmed) and when the skill is
disabled (the AlexaSkillEvent.SkillDisabled event).

Who can delete what, in a household that shares one Alexa account:
- The speaker's own record, by voice. A recognised voice profile owns a record of its own;
  a voice Alexa does not recognise uses the account's record (that is whose program it
  hears, so that is what it may delete). Nobody deletes another person's record by voice:
  Alexa does not say whether the speaker owns the account, and a guest's voice is
  indistinguishable from the owner's when neither has a profile.
- Everything on the account, by disabling the skill in the Alexa app, which only a
  signed-in account holder can do. The SkillDisabled event then deletes the account's
  record and every voice-profile record linked to it (found through the sparse account
  index; the link is a derived key, never an Alexa id).
The confirmation is armed for exactly one turn, so a "yes" said later, to some other
question, can never delete anything.
"""

from __future__ import annotations

import logging
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler, AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from hamstring_coach.domain.progress import UserProgress
from hamstring_coach.handlers.base import clear_activity, ctx, raw_request, session
from hamstring_coach.handlers.core import main_menu
from hamstring_coach.handlers.display import respond
from hamstring_coach.handlers.reminders import remove_on_delete
from hamstring_coach.handlers.routing import Handler, Rule, request, when
from hamstring_coach.handlers.said import statement_of
from hamstring_coach.handlers.state import Key
from hamstring_coach.intents import Intent

log = logging.getLogger(__name__)

# Session key set when the confirmation question is asked; request attribute for this turn.
_ARMED = Key.DELETE_ARMED
SKILL_DISABLED = "AlexaSkillEvent.SkillDisabled"


class DeleteConfirmationInterceptor(AbstractRequestInterceptor):
    """Moves the one-turn arming out of the session, so it lives for the next turn only."""

    def process(self, handler_input: HandlerInput) -> None:
        armed = bool(session(handler_input).pop(_ARMED, False))
        handler_input.attributes_manager.request_attributes[_ARMED] = armed


def _armed(handler_input: HandlerInput) -> bool:
    return bool(handler_input.attributes_manager.request_attributes.get(_ARMED))


ARMED = Rule(_armed)


def _ask_to_confirm(handler_input: HandlerInput, lead_key: str) -> Response:
    session(handler_input)[_ARMED] = True
    sp = ctx(handler_input).speech
    speech = sp.line("delete.help") if lead_key == "help" else sp.line("delete.confirm")
    return respond(handler_input, speech, sp.line("delete.reprompt"))


class DeleteDataIntentHandler(Handler):
    rule = when(Intent.DELETE_DATA)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        clear_activity(handler_input)
        if c.turn.stored is None and not c.turn.unsaved():
            return main_menu(handler_input, c.speech.line("delete.nothing"))
        return _ask_to_confirm(handler_input, "confirm")


class ConfirmDeleteHandler(Handler):
    """Yes, right after the question: delete the speaker's record and say what went."""

    rule = ARMED & when(Intent.YES)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        held = c.turn.progress  # what is about to go, to say it back
        reminders_line = remove_on_delete(handler_input)  # Alexa's copies, while ids are known
        c.deps.progress.delete(c.turn.key)
        c.turn.forget()
        c.signal("data_deleted")
        clear_activity(handler_input)
        sp = c.speech
        speech = f"{sp.line('delete.done', what=_what(handler_input, held))} "
        if reminders_line:
            speech += f"{sp.line(reminders_line)} "
        speech += sp.line("delete.household")
        return respond(handler_input, speech, None)


def _what(handler_input: HandlerInput, held: UserProgress) -> str:
    sp = ctx(handler_input).speech
    parts = [sp.line("delete.part.program")]
    count = len(held.sessions)
    if count == 1:
        parts.append(sp.line("delete.part.session"))
    elif count > 1:
        parts.append(sp.line("delete.part.sessions", count=count))
    if held.paused:
        parts.append(sp.line("delete.part.paused"))
    if held.visits:
        parts.append(sp.line("delete.part.visits"))
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {sp.line('delete.and')} {parts[-1]}"


class KeepDataHandler(Handler):
    """No (or cancel) right after the question: nothing is deleted."""

    rule = ARMED & when(Intent.NO)

    def handle(self, handler_input: HandlerInput) -> Response:
        return main_menu(handler_input, ctx(handler_input).speech.line("delete.kept"))


class DeleteQuestionHelpHandler(Handler):
    """Help, or anything unclear, while the question is open: explain and ask again. "Maybe",
    "I don't know" and "what does that mean" too: they dropped the question before."""

    rule = ARMED & when(Intent.HELP, Intent.FALLBACK, Intent.REPEAT, Intent.UNSURE, Intent.WHY_ASK)

    def handle(self, handler_input: HandlerInput) -> Response:
        return _ask_to_confirm(handler_input, "help")


def _words_with_no_red_flag(handler_input: HandlerInput) -> bool:
    text = statement_of(handler_input)
    return bool(text) and ctx(handler_input).view.faq.flags.assess(text) is None


class DeleteQuestionWordsHandler(Handler):
    """A question or a remark while the delete question is open ("hmm, what will that
    do?"): explain and ask again. It was answered as a question about the hamstring, and
    the delete question dropped. A red flag in the words is left to the statements'
    handlers: safety first (nothing is deleted either way)."""

    rule = ARMED & Rule(_words_with_no_red_flag)

    def handle(self, handler_input: HandlerInput) -> Response:
        return _ask_to_confirm(handler_input, "help")


class PrivacyInfoHandler(Handler):
    """ "What do you keep about me?": what this deployment's profile stores, and how to
    delete it."""

    rule = when(Intent.PRIVACY_INFO)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        key = f"privacy.kept.{c.deps.settings.health_data.value}"
        return main_menu(handler_input, c.speech.line(key))


class SkillDisabledHandler(Handler):
    """The account disabled the skill: delete the account's record and its voice profiles'.

    The event comes without a session and expects no speech. Its body says whether Alexa
    will keep the same user id if the skill is enabled again (`PERSISTED`, which happens
    for skills with purchases) or issue a new one (`NOT_PERSISTED`). Either way the data
    goes: disabling is the clearest way a user has to say "stop keeping my data", this skill
    sells nothing that would need the old id, and keeping health-related records for
    someone who removed the skill would fail "store the least data needed". The status is
    logged (a platform value, not user content) so the decision can be audited.
    """

    rule = request(SKILL_DISABLED)

    def handle(self, handler_input: HandlerInput) -> Response:
        c = ctx(handler_input)
        # The event carries no speech back, so a failure to remove reminders is logged (by
        # status only); Alexa also drops a disabled skill's permission, so this can fail.
        reminders_line = remove_on_delete(handler_input)
        account = c.turn.account_key or c.turn.key
        repo = c.deps.progress
        keys = [account, *repo.people(account)]
        for key in keys:
            repo.delete(key)
        c.turn.forget()
        c.signal("data_deleted_skill_disabled")
        log.info(
            "skill disabled: account data deleted",
            extra={
                "records": len(keys),
                "persistence": _persistence_status(),
                "reminders": reminders_line or "none",
            },
        )
        return handler_input.response_builder.response


def _persistence_status() -> str:
    """userInformationPersistenceStatus from the raw event (the SDK model drops the body)."""
    request: Any = (raw_request() or {}).get("request")
    body = request.get("body") if isinstance(request, dict) else None
    status = body.get("userInformationPersistenceStatus") if isinstance(body, dict) else None
    return status if status in ("PERSISTED", "NOT_PERSISTED") else "UNKNOWN"


def handlers() -> list[AbstractRequestHandler]:
    return [
        ConfirmDeleteHandler(),
        KeepDataHandler(),
        DeleteQuestionHelpHandler(),
        DeleteQuestionWordsHandler(),
        DeleteDataIntentHandler(),
        PrivacyInfoHandler(),
        SkillDisabledHandler(),
    ]
