"""Responses read as text: SSML tags gone, pauses shown and added up, reprompt and card."""

from __future__ import annotations

from typing import Any

import pytest

from local.transcript import render, session_ends, ssml_to_text


@pytest.mark.parametrize(
    ("ssml", "text"),
    [
        ("<speak>Hello there.</speak>", "Hello there."),
        ('<speak>Hold <break time="3s"/> and relax.</speak>', "Hold [pause 3s] and relax."),
        ('<speak>Hold<break time="500ms"/>now</speak>', "Hold [pause 0.5s] now"),
        ('<speak>A <break time="1.5s" /> B</speak>', "A [pause 1.5s] B"),
        (
            '<speak>Hold. <break time="10s"/><break time="10s"/> <break time="5s"/> Rest.</speak>',
            "Hold. [pause 25s] Rest.",
        ),
        ('<speak>One <break strength="strong"/> two</speak>', "One [pause 0.75s] two"),
        ('<speak>One <break strength="none"/> two</speak>', "One two"),
        ("<speak>One <break/> two</speak>", "One [pause 0.5s] two"),
        ("<speak><p>First.</p><p>Second.</p></speak>", "First. Second."),
        ("<speak><s>One</s><s>Two</s></speak>", "One Two"),
        (
            '<speak>Say <say-as interpret-as="cardinal">5</say-as> &amp; go</speak>',
            "Say 5 & go",
        ),
        ('<speak>Hi <audio src="https://x/a.mp3"/> there</speak>', "Hi [audio] there"),
        (
            '<speak>Rest <emphasis level="strong">now</emphasis> , please</speak>',
            "Rest now, please",
        ),
        ("plain text", "plain text"),
    ],
)
def test_ssml_to_text(ssml: str, text: str) -> None:
    assert ssml_to_text(ssml) == text


def _response(**body: Any) -> dict[str, Any]:
    return {"version": "1.0", "response": body}


def test_render_shows_speech_reprompt_and_card() -> None:
    out = render(
        _response(
            outputSpeech={"type": "SSML", "ssml": '<speak>Ready? <break time="2s"/> Go.</speak>'},
            reprompt={"outputSpeech": {"type": "SSML", "ssml": "<speak>Say go.</speak>"}},
            card={"type": "Simple", "title": "Bridge", "content": "Lift your hips."},
            shouldEndSession=False,
        )
    )
    assert out == [
        "Ready? [pause 2s] Go.",
        "  reprompt: Say go.",
        "  card: Bridge: Lift your hips.",
    ]


def test_render_plain_text_directives_and_silence() -> None:
    assert render(_response(outputSpeech={"type": "PlainText", "text": "Hi."})) == ["Hi."]
    assert render(_response(directives=[{"type": "Alexa.Presentation.APL.RenderDocument"}])) == [
        "(no speech)",
        "  directive: Alexa.Presentation.APL.RenderDocument",
    ]


def test_session_ends_like_on_a_voice_only_device() -> None:
    assert session_ends(_response(shouldEndSession=True))
    assert not session_ends(_response(shouldEndSession=False))
    assert not session_ends(_response(reprompt={"outputSpeech": {}}))
    assert session_ends(_response())
