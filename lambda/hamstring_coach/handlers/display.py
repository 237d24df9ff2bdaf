"""Responses with a card and, on devices with a screen, an APL view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_supported_interfaces
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from hamstring_coach.voice.screens import ProgressScreen, Screen, counter_commands
from hamstring_coach.voice.speech import plain
from hamstring_coach.voice.timing import Mark


def has_screen(handler_input: HandlerInput) -> bool:
    try:
        interfaces = get_supported_interfaces(handler_input)
    except (AttributeError, TypeError):
        return False
    return getattr(interfaces, "alexa_presentation_apl", None) is not None


def text_card(title: str, ssml: str) -> tuple[str, str]:
    """A card from spoken words: the SSML becomes plain, one-paragraph text."""
    return title, plain(ssml)


# A line said before this turn's answer, put in the request's attributes by an interceptor
# (handlers/answers.py: "this is useless" is answered as help, after a short apology).
APOLOGY = "apology"


def respond(
    handler_input: HandlerInput,
    speech: str,
    reprompt: str | None,
    *,
    card: tuple[str, str] | None = None,
    screen: Screen | ProgressScreen | None = None,
    marks: Sequence[Mark] = (),
) -> Response:
    """The one response helper. Speak; keep the session open with a reprompt (a question),
    or end it when there is none.

    The card is shown as given, line breaks kept (steps one per line); a card made from
    spoken words goes through `text_card` first.
    """
    apology = handler_input.attributes_manager.request_attributes.pop(APOLOGY, None)
    if apology:
        speech = f"{apology} {speech}"
    builder = handler_input.response_builder.speak(speech)
    if reprompt:
        builder.ask(reprompt)
    else:
        builder.set_should_end_session(True)
    if card:
        builder.set_card(SimpleCard(title=card[0], content=card[1]))
    if screen is not None and has_screen(handler_input):
        # Imported only for a screen: the APL models are about 12 ms of a cold start.
        from ask_sdk_model.interfaces.alexa.presentation.apl import (  # noqa: PLC0415
            ExecuteCommandsDirective,
            RenderDocumentDirective,
        )

        builder.add_directive(
            RenderDocumentDirective(
                token=screen.token,
                document=screen.apl_document(),
                datasources=screen.datasources(),
            )
        )
        commands = counter_commands(marks)
        if commands:
            # Plain dicts serialize as they are; the SDK's typed Command classes add nothing.
            directive = ExecuteCommandsDirective(commands=cast(Any, commands), token=screen.token)
            builder.add_directive(directive)
    return builder.response
