"""Deleting your data as virtual-alexa hears it, over HTTP, on dynalite."""

from __future__ import annotations

import pytest

from local.transcript import ssml_to_text
from tests.e2e.harness import reprompt, speech
from tests.local_fixtures import Dialogue
from tools.content_source import load_source

pytestmark = pytest.mark.e2e


def _line(key: str) -> list[str]:
    return [ssml_to_text(v) for v in load_source()["en"]["line"][key]["variants"]]


def test_delete_my_data_asks_then_deletes_and_a_later_visit_starts_afresh(
    dialogue: Dialogue, e2e_user: str
) -> None:
    _, ask, no = dialogue(["open hamstring coach", "delete my data", "no"], e2e_user)
    assert speech(ask) in _line("delete.confirm") and reprompt(ask)
    assert any(speech(no).startswith(k) for k in _line("delete.kept"))

    again = dialogue(["open hamstring coach", "delete my data", "yes"], e2e_user)
    welcomes = tuple(_line("welcome.first"))
    assert not speech(again[0]).startswith(welcomes)  # still known
    done = again[2]
    assert speech(done).startswith("Done. I've deleted your program stage")
    assert done["response"]["shouldEndSession"] is True

    (fresh,) = dialogue(["open hamstring coach"], e2e_user)
    assert speech(fresh).startswith(welcomes)
