"""Alexa responses as readable text: SSML without tags, pauses shown, reprompt and card too.

`ssml_to_text('<speak>Hold <break time="3s"/> and relax.</speak>')` -> "Hold [pause 3s] and relax."
Adjacent breaks are added up ("[pause 20s]" for two chained 10 s breaks), so a timed hold
reads as one pause. Used by the console demo; tests may use it to assert on spoken text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

_BREAK = re.compile(r"<break\b([^>]*)/?>", re.IGNORECASE)
_AUDIO = re.compile(r"<audio\b[^>]*/?>(?:.*?</audio>)?", re.IGNORECASE | re.DOTALL)
_SENTENCE = re.compile(r"</?(?:p|s)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_TIME = re.compile(r"""time\s*=\s*["']\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*["']""", re.IGNORECASE)
_STRENGTH = re.compile(r"""strength\s*=\s*["']([\w-]+)["']""", re.IGNORECASE)
# Alexa's documented defaults for break strengths, in seconds.
_STRENGTH_SECONDS = {
    "none": 0.0,
    "x-weak": 0.0,
    "weak": 0.25,
    "medium": 0.5,
    "strong": 0.75,
    "x-strong": 1.0,
}
_PAUSE = "\x00pause:{}\x00"
_PAUSE_RUN = re.compile(r"(?:\x00pause:([\d.]+)\x00\s*)+")
_PAUSE_ONE = re.compile(r"\x00pause:([\d.]+)\x00")


def _break_seconds(attrs: str) -> float:
    time = _TIME.search(attrs)
    if time:
        value = float(time.group(1))
        return value / 1000 if time.group(2).lower() == "ms" else value
    strength = _STRENGTH.search(attrs)
    return _STRENGTH_SECONDS.get(strength.group(1).lower() if strength else "medium", 0.5)


def _format_seconds(seconds: float) -> str:
    return f"{round(seconds, 2):g}s"


def ssml_to_text(ssml: str) -> str:
    """Readable text for an SSML string; pauses as "[pause Ns]", audio as "[audio]"."""
    text = _AUDIO.sub(" [audio] ", ssml)
    text = _BREAK.sub(lambda m: " " + _PAUSE.format(_break_seconds(m.group(1))) + " ", text)
    text = _SENTENCE.sub(" ", text)
    text = _TAG.sub("", text)

    def run(m: re.Match[str]) -> str:
        total = sum(float(s) for s in _PAUSE_ONE.findall(m.group(0)))
        return f" [pause {_format_seconds(total)}] " if total > 0 else " "

    text = _PAUSE_RUN.sub(run, text)
    text = html.unescape(text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


def _speech(block: Mapping[str, Any] | None) -> str | None:
    if not block:
        return None
    if block.get("type") == "PlainText" or "text" in block:
        return str(block.get("text", ""))
    return ssml_to_text(str(block.get("ssml", "")))


def session_ends(response: Mapping[str, Any]) -> bool:
    """Whether Alexa would close the session after this response (voice-only device).

    True when shouldEndSession is true, or when it is absent and there is no reprompt.
    """
    body = response.get("response") or {}
    ended = body.get("shouldEndSession")
    return bool(ended) or (ended is None and "reprompt" not in body)


def render(response: Mapping[str, Any]) -> list[str]:
    """The response as transcript lines: speech, then reprompt, card and directives if any."""
    body = response.get("response") or {}
    lines: list[str] = []
    speech = _speech(body.get("outputSpeech"))
    lines.append(speech if speech else "(no speech)")
    reprompt = _speech((body.get("reprompt") or {}).get("outputSpeech"))
    if reprompt:
        lines.append(f"  reprompt: {reprompt}")
    card = body.get("card")
    if card and card.get("type") == "AskForPermissionsConsent":
        lines.append(f"  card: asks for permissions: {', '.join(card.get('permissions', []))}")
    elif card:
        title = card.get("title", "")
        content = card.get("content") or card.get("text") or ""
        lines.append(f"  card: {title}: {content}".rstrip(": "))
    for directive in body.get("directives") or []:
        name = directive.get("name")
        lines.append(f"  directive: {directive.get('type', '?')}{f' {name}' if name else ''}")
    return lines
