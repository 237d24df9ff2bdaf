"""Timed speech: words and pauses laid out on an estimated clock, inside Alexa's limits.

Alexa cannot listen while someone exercises, so a set is one spoken, timed sequence. A
Timeline places each word at the second it should be heard and fills the gaps with
<break> tags, chained because one break may last at most 10 s. The clock is an estimate of
speaking time (characters per second); the same estimate checks a whole response against
the limits (`check`), so tests can verify every generated response, not a sample.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

MAX_BREAK_MS = 10_000  # one <break> may last at most 10 s
MAX_SPEECH_CHARS = 8_000  # outputSpeech limit
# Our own ceiling for one response's running time: the same as Alexa's cap on <audio> in a
# response, so a set plus its rest never becomes an unreasonably long monologue.
MAX_RESPONSE_SECONDS = 240.0
MAX_REPROMPT_SECONDS = 90.0

# Alexa's voice runs at roughly 150 words a minute; 13 characters a second is a little
# slower than that, so estimates err toward "longer" when checking limits.
CHARS_PER_SECOND = 13.0
MIN_WORD_SECONDS = 0.3  # even "two" takes about this long to say

_BREAK = re.compile(r"""<break\s+time=["'](\d+(?:\.\d+)?)(ms|s)["']\s*/>""")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def speaking_seconds(ssml: str) -> float:
    """Estimated time to say the words of an SSML fragment (breaks not included)."""
    text = _TAG.sub(" ", ssml)
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    text = _SPACES.sub(" ", text).strip()
    if not text:
        return 0.0
    return max(MIN_WORD_SECONDS, len(text) / CHARS_PER_SECOND)


def breaks_ms(ssml: str) -> list[int]:
    """Every break's length in milliseconds."""
    return [int(float(n) * (1000 if unit == "s" else 1)) for n, unit in _BREAK.findall(ssml)]


def estimate_seconds(ssml: str) -> float:
    return speaking_seconds(ssml) + sum(breaks_ms(ssml)) / 1000


# A workout's timelines say the same short fragments over and over ("2", "hold", a count
# line), and a turn that states the workout's length lays out every set of it: the estimate
# of a fragment is worked out once per container. Bounded: fragments are lines, not whole
# responses (those go through `check`, uncached).
_fragment_seconds = lru_cache(maxsize=1024)(estimate_seconds)


def break_tags(seconds: float) -> str:
    """A pause of any length as chained breaks of at most 10 s each."""
    total = round(seconds * 1000)
    tags = []
    while total > 0:
        step = min(total, MAX_BREAK_MS)
        tags.append(f'<break time="{step}ms"/>')
        total -= step
    return "".join(tags)


@dataclass
class Mark:
    """Something a screen can show at a moment of the speech (a rep number, a countdown)."""

    at: float  # seconds from the start of the response
    text: str


@dataclass
class Timeline:
    parts: list[str] = field(default_factory=list)
    seconds: float = 0.0
    marks: list[Mark] = field(default_factory=list)

    def say(self, ssml: str) -> None:
        if not ssml:
            return
        self.parts.append(ssml)
        self.seconds += _fragment_seconds(ssml)

    def pause(self, seconds: float) -> None:
        if seconds <= 0.05:
            return
        self.parts.append(break_tags(seconds))
        self.seconds += round(seconds * 1000) / 1000

    def pause_until(self, at: float) -> None:
        """Wait until `at` seconds from the start (no-op if the words ran past it)."""
        self.pause(at - self.seconds)

    def mark(self, text: str) -> None:
        self.marks.append(Mark(round(self.seconds, 2), text))

    def ssml(self) -> str:
        return " ".join(self.parts)


class Clock(Timeline):
    """A Timeline that keeps only its running time, by the same arithmetic: for estimating
    a whole workout's length, which lays out every set and never says the SSML or shows
    the marks (no <break> strings built, no marks kept)."""

    def say(self, ssml: str) -> None:
        if ssml:
            self.seconds += _fragment_seconds(ssml)

    def pause(self, seconds: float) -> None:
        if seconds > 0.05:
            self.seconds += round(seconds * 1000) / 1000

    def mark(self, text: str) -> None:
        pass


@dataclass(frozen=True)
class LimitReport:
    chars: int
    longest_break_ms: int
    seconds: float

    @property
    def ok(self) -> bool:
        return (
            self.chars <= MAX_SPEECH_CHARS
            and self.longest_break_ms <= MAX_BREAK_MS
            and self.seconds <= MAX_RESPONSE_SECONDS
        )


def check(ssml: str) -> LimitReport:
    """Measure a whole outputSpeech (with its <speak> wrapper) against Alexa's limits."""
    wrapped = ssml if ssml.startswith("<speak>") else f"<speak>{ssml}</speak>"
    return LimitReport(
        chars=len(wrapped),
        longest_break_ms=max(breaks_ms(wrapped), default=0),
        seconds=estimate_seconds(wrapped),
    )
