"""One workout day's entry in `UserProgress.sessions`: every field named and typed here.

An entry is a plain dict (a `TypedDict`), not a dataclass, because whether a field is there
says something: `pain_during: None` is "asked, and declined or not kept", while no
`pain_during` is "never asked"; a dataclass would need a sentinel for "absent" in every
field. As a dict an entry also stays what the reducers copy and merge (`{**entry, **change}`)
and what the codec and the health-data gate filter key by key, and mypy still checks every
name. The workout reducers (domain/workout.py) write entries; the store keeps them by
position, under the short names they once had (adapters/progress_codec.py); the health-data
gate (domain/health_data.py) says which fields the `minimal` profile keeps.
"""

from __future__ import annotations

from typing import TypedDict


class SessionEntry(TypedDict, total=False):
    """Every field is optional as a type: absent and None differ (see above). The reducers
    write `date`, `exercises`, `sets_planned` and `sets_done` when a workout starts."""

    # The workout day, ISO (YYYY-MM-DD): one entry a day.
    date: str
    # Ids of the exercises done that day: most of their sets, not merely planned.
    exercises: list[str]
    # Sets planned that day (a skipped set stays planned, so the share done tells the truth).
    sets_planned: int
    # Sets really done (a skipped set is not).
    sets_done: int
    # Every exercise done or skipped: the workout counted (`sessions_done`).
    finished: bool
    # The 0-10 pain score after the workout. None: declined, or not kept (the `minimal`
    # health-data profile keeps none); absent: never asked.
    pain_during: int | None
    # The next morning's check: the score when a number was said, else its decision
    # ("good" | "hold" | "reduce" | "flare"). None: declined, or not kept; absent: not asked.
    morning_check: int | str | None
    # The program's verdict on the session: "good" | "hold" | "reduce" (the morning check's,
    # or "reduce" at once when the pain during eased the load).
    verdict: str
    # What the pain during decided on its own ("good" | "hold" | "reduce"): kept where the
    # score is not, so the morning check can still compare.
    during_verdict: str


# Every field an entry may have (the health-data gate classifies each one).
FIELDS = SessionEntry.__required_keys__ | SessionEntry.__optional_keys__
