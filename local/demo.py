"""Talk to the skill in a console: `make demo` (or `python -m local.demo`).

Type what you would say to an Echo, one line at a time ("open hamstring coach", "help",
"how do I do a bridge", "stop"). Each line is resolved against the interaction model
(local.resolver), sent as a real request envelope through the real lambda_handler, and the
answer is printed as text with pauses shown ("[pause 3s]"), then the reprompt and card.
Works piped too: `printf 'open hamstring coach\\nhelp\\nstop\\n' | make demo`.

The store is dynalite with its files in .local/dynalite/, so progress survives between
runs (`--store-dir` elsewhere, or DYNAMODB_ENDPOINT / `--endpoint` for a running store).
`--health-data full` (and `--health-controls`) runs it as a HIPAA-eligible deployment would;
the default is the public skill's `minimal` (docs/health-data.md).
dynalite is stopped on exit, end of input or Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import TextIO

from local import envelopes
from local.dialog import Exchange, TextSession, consent_request
from local.resolver import Resolver
from local.runtime import DEMO_STORE_DIR, add_health_options, local_app
from local.store import DynaliteError
from local.transcript import render, session_ends

WIDTH = 96  # transcript lines wrap here (or at a narrower terminal's width)
BANNER = (
    'Hamstring Coach console: type what you would say to Alexa ("open hamstring coach").\n'
    "Ctrl-D or Ctrl-C leaves."
)


def _wrap(line: str, width: int) -> str:
    if width <= 0 or len(line) <= width:
        return line
    label = re.match(r"\s*[\w-]+[>:] ", line)  # "alexa> ", "  reprompt: ", "  card: "
    indent = " " * (len(label.group(0)) if label else 4)
    return textwrap.fill(
        line,
        width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def format_exchange(exchange: Exchange, show_intent: bool = True, width: int = 0) -> list[str]:
    """Transcript lines for one turn (without the user's own line), wrapped at `width`."""
    lines: list[str] = []
    if show_intent:
        new = " (new session)" if exchange.request and exchange.request["session"]["new"] else ""
        request = (exchange.request or {}).get("request") or {}
        if request.get("type") == "Connections.Response":
            answer = (request.get("payload") or {}).get("status")
            lines.append(f"  [Connections.Response {request.get('name')} {answer}{new}]")
        else:
            lines.append(f"  [{exchange.resolution.describe()}{new}]")
    if exchange.request is None:
        lines.append("  (no session is open)")
        return lines
    if exchange.response is None:
        return lines
    if exchange.request["request"]["type"] == "SessionEndedRequest":
        lines.append("  (session ended)")
        return lines
    speech, *rest = render(exchange.response)
    lines.append(_wrap(f"alexa> {speech}", width))
    lines.extend(_wrap(line, width) for line in rest)
    if consent_request(exchange.response):
        lines.append("  (Alexa asks: allow Hamstring Coach to set reminders? Say yes or no.)")
    elif session_ends(exchange.response):
        lines.append("  (session ended)")
    return lines


def _interactive_lines(prompt: str) -> Iterator[str]:
    while True:
        try:
            yield input(prompt)
        except EOFError:
            print()  # leave the shell prompt on a line of its own
            return


def converse(
    chat: TextSession,
    lines: Iterable[str],
    out: TextIO,
    echo: bool,
    show_intent: bool = True,
    width: int = 0,
) -> int:
    """Runs the loop; returns how many utterances were sent. Blank and # lines are skipped."""
    sent = 0
    for raw in lines:
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        if echo:
            print(f"you> {text}", file=out)
        exchange = chat.say(text)
        sent += 1
        for line in format_exchange(exchange, show_intent, width):
            print(line, file=out)
        out.flush()
    return sent


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--locale", default="en-US", help="interaction model and request locale")
    parser.add_argument(
        "--user",
        default=envelopes.DEFAULT_USER,
        help="Alexa userId to speak as (progress is kept per user)",
    )
    parser.add_argument("--endpoint", default=os.environ.get("DYNAMODB_ENDPOINT") or None)
    parser.add_argument("--store-dir", type=Path, default=DEMO_STORE_DIR)
    parser.add_argument("--quiet", action="store_true", help="do not show resolved intents")
    add_health_options(parser)
    args = parser.parse_args(argv)

    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    interactive = sys.stdin.isatty()
    try:
        resolver = Resolver.for_locale(args.locale)
        with local_app(
            args.endpoint,
            args.store_dir,
            health_data=args.health_data,
            health_controls=args.health_controls,
        ) as app:
            chat = TextSession(
                app.handler,
                resolver,
                user_id=args.user,
                application_id=app.settings.skill_id or envelopes.DEFAULT_APP,
                alexa_api=app.alexa_api,
            )
            print(BANNER)
            print(
                f"(store {app.endpoint}, content version {app.seeded['version']}, "
                f"health data {app.settings.health_data})",
                flush=True,
            )
            lines: Iterable[str] = _interactive_lines("you> ") if interactive else sys.stdin
            width = min(shutil.get_terminal_size((WIDTH, 24)).columns, WIDTH)
            converse(
                chat,
                lines,
                sys.stdout,
                echo=not interactive,
                show_intent=not args.quiet,
                width=width,
            )
    except KeyboardInterrupt:
        print()
    except DynaliteError as err:
        print(f"could not start the local store: {err}", file=sys.stderr)
        return 1
    except FileNotFoundError as err:
        print(f"no interaction model for {args.locale}: {err.filename}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
