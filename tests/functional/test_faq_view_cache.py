"""The FAQ's prepared topics are built once per content, not on every question."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hamstring_coach.domain.faq import FaqIndex
from hamstring_coach.lambda_type import LambdaHandler
from tests.conversation import Conversation


def test_questions_reuse_the_prepared_topics_until_the_content_changes(
    make_skill: Callable[..., LambdaHandler], monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[FaqIndex] = []
    real_build = FaqIndex.build

    def counting_build(*args: object, **kwargs: object) -> FaqIndex:
        index = real_build(*args, **kwargs)  # type: ignore[arg-type]
        built.append(index)
        return index

    monkeypatch.setattr(FaqIndex, "build", counting_build)
    talk = Conversation(make_skill())
    talk.launch()
    talk.say("QuestionIntent", query="can i still run")
    talk.say("QuestionIntent", query="how long will it take to heal")
    assert len(built) == 1
    assert talk.speech
    # Another container's skill (another content cache, so another view) prepares anew.
    other = Conversation(make_skill())
    other.launch()
    other.say("QuestionIntent", query="can i still run")
    assert len(built) == 2
    assert built[1] is not built[0]
