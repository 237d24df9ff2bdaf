"""One person on several devices at once, all on one store, in any interleaving.

Each device is its own `create_app` (as a Lambda container would be) with its own DynamoDB
client. A device's turn can be made to run other devices' turns *inside* it, between its
read and its conditional write (a botocore hook on its PutItem), so any interleaving of
read-decide-write across devices is reproducible, in one thread, without sleeps.

Every device acts like a person following the conversation: it opens the skill, says yes
to a start or resume offer, "next set" in a workout and answers the pain question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from hamstring_coach.adapters.dynamo import progress_of
from hamstring_coach.app import LambdaHandler
from hamstring_coach.domain.identity import user_key
from hamstring_coach.domain.progress import UserProgress
from tests.conversation import Conversation

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

Step = tuple[str, dict[str, Any]]
LAUNCH = "launch"


@contextmanager
def during_write(
    client: DynamoDBClient, action: Callable[[], None], times: int = 1
) -> Iterator[list[int]]:
    """Run `action` just before each of the next `times` write attempts on `client`."""
    fired = [0]

    def hook(**_: Any) -> None:
        if fired[0] < times:
            fired[0] += 1
            action()

    client.meta.events.register("before-call.dynamodb.PutItem", hook)
    try:
        yield fired
    finally:
        client.meta.events.unregister("before-call.dynamodb.PutItem", hook)


@dataclass
class Device:
    name: str
    convo: Conversation
    client: DynamoDBClient
    said: list[Step] = field(default_factory=list)

    def next_step(self) -> Step:
        """What a person would say next to what this device said last."""
        c = self.convo
        if not c.last or c.new:
            return LAUNCH, {}
        attrs = c.attributes
        mode, offer = attrs.get("mode"), attrs.get("offer")
        if attrs.get("_save_asked"):
            return "AMAZON.YesIntent", {}
        if mode == "workout":
            return "NextSetIntent", {}
        if mode in ("pain_check", "morning_check"):
            return "PainReportIntent", {"pain": "2"}
        if offer in ("start_workout", "resume_workout"):
            return "AMAZON.YesIntent", {}
        return "StartWorkoutIntent", {}

    def turn(self, step: Step | None = None) -> None:
        intent, slots = step or self.next_step()
        self.said.append((intent, slots))
        if intent == LAUNCH:
            self.convo.launch()
        else:
            self.convo.say(intent, **slots)


class Household:
    """Devices of one person on one store, and a watch on the stored record after every
    turn: what must never happen is checked as it happens, not only at the end."""

    def __init__(
        self,
        apps: list[tuple[LambdaHandler, DynamoDBClient]],
        user_id: str,
        secret: bytes,
        table: str,
        watch_client: DynamoDBClient,
        today: date,
    ) -> None:
        self.devices = [
            Device(f"device{n}", Conversation(app, user_id=user_id), client)
            for n, (app, client) in enumerate(apps)
        ]
        self._key = user_key(secret, user_id)
        self._table = table
        self._watch = watch_client
        self.today = today.isoformat()
        self.planned: int | None = None  # sets planned when today's workout first started
        self.turns = 0
        self.conflicts = 0
        self._last_done = 0
        self._last_place: tuple[int, int] = (0, 0)
        self._finished = False

    def stored(self) -> UserProgress | None:
        item = self._watch.get_item(
            TableName=self._table, Key={"pk": {"S": self._key}}, ConsistentRead=True
        ).get("Item")
        return progress_of(item) if item else None

    def turn(self, speaker: int, inside: int | None = None, times: int = 1) -> None:
        """`speaker` takes a turn; with `inside`, that device takes a turn between the
        speaker's read and each of its next `times` write attempts (each one a conflict)."""
        device = self.devices[speaker]
        if inside is None or inside == speaker:
            device.turn()
        else:
            other = self.devices[inside]

            def interleave() -> None:
                other.turn()
                self.turns += 1
                self.check()

            with during_write(device.client, interleave, times) as fired:
                device.turn()
            self.conflicts += fired[0]
        self.turns += 1
        self.check()

    def check(self) -> None:
        """The invariants, after every turn of every device."""
        progress = self.stored()
        if progress is None:
            return
        entry = next((s for s in progress.sessions if s.get("date") == self.today), None)
        assert progress.sessions_done <= 1, "a workout counted twice"
        if entry is None:
            assert self.planned is None, "today's workout vanished"
            return
        of, done = int(entry.get("sets_planned", 0)), int(entry.get("sets_done", 0))
        if self.planned is None:
            self.planned = of
        assert of == self.planned, f"planned sets changed from {self.planned} to {of}"
        assert 0 <= done <= of
        assert done >= self._last_done, "sets done went backwards (a restart)"
        self._last_done = done
        if self._finished:
            assert entry.get("finished") and progress.workout is None, "a finished workout reopened"
            assert progress.sessions_done == 1
        if entry.get("finished"):
            self._finished = True
            assert done == of and progress.workout is None and progress.sessions_done == 1
        elif progress.workout is not None:
            place = (int(progress.workout["i"]), int(progress.workout["set"]))
            assert place >= self._last_place, "the workout went back to an earlier set"
            self._last_place = place
            assert progress.sessions_done == 0

    def finish(self, limit: int = 60) -> None:
        """Carry on with the first device until today's workout is finished and its pain
        question answered (anything still waiting in a session is written on the way)."""
        for device in self.devices[1:]:
            if device.convo.attributes.get("_pending"):
                device.turn(("AMAZON.HelpIntent", {}))
                self.check()
        device = self.devices[0]
        for _ in range(limit):
            progress = self.stored()
            entry = next(
                (s for s in (progress.sessions if progress else []) if s.get("date") == self.today),
                None,
            )
            if entry and entry.get("finished") and "pain_during" in entry:
                return
            device.turn()
            self.turns += 1
            self.check()
        raise AssertionError("the workout never finished")

    def final_check(self) -> UserProgress:
        progress = self.stored()
        assert progress is not None
        entry = next(s for s in progress.sessions if s.get("date") == self.today)
        assert (
            entry["finished"] is True
            and entry["sets_done"] == entry["sets_planned"] == self.planned
        )
        assert progress.sessions_done == 1 and progress.workout is None
        # Answered once (score 2).
        assert "pain_during" in entry and entry.get("during_verdict") == "good"
        assert progress.visits == 1
        return progress
