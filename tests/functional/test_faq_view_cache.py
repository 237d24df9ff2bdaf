"""The FAQ's prepared topics are built once per content, not on every question."""

from __future__ import annotations

from collections.abc import Callable

from hamstring_coach.app import LambdaHandler
from hamstring_coach.handlers import faq
from tests.conversation import Conversation


def test_questions_reuse_the_prepared_topics_until_the_content_changes(
    make_skill: Callable[..., LambdaHandler],
) -> None:
    faq._VIEWS.clear()
    talk = Conversation(make_skill())
    talk.launch()
    talk.say("QuestionIntent", query="can i still run")
    first = faq._VIEWS["en-US"]
    talk.say("QuestionIntent", query="how long will it take to heal")
    assert faq._VIEWS["en-US"][1] is first[1]
    assert talk.speech
    # Another container's skill (another content cache, so another bundle) prepares anew.
    other = Conversation(make_skill())
    other.launch()
    other.say("QuestionIntent", query="can i still run")
    assert faq._VIEWS["en-US"][1] is not first[1]
    assert faq._VIEWS["en-US"][0] is not first[0]
