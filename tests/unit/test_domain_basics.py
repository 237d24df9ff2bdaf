"""Identity keys, the progress model, content merging, speech and the content cache."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest

from hamstring_coach.adapters.content_cache import ContentCache, ContentMissingError
from hamstring_coach.adapters.dynamo import ContentVersion
from hamstring_coach.domain import progress as pm
from hamstring_coach.domain.content import ContentBundle, locale_chain, merge
from hamstring_coach.domain.identity import user_key
from hamstring_coach.voice.speech import MissingLineError, Speech, fill, plain


def test_user_key_is_stable_secret_dependent_and_prefers_the_person() -> None:
    a = user_key(b"s1", "user-1")
    assert a == user_key(b"s1", "user-1")
    assert a != user_key(b"s2", "user-1")
    assert user_key(b"s1", "user-1", "person-1") != a
    assert "user-1" not in a and len(a) == 64


def test_visit_counts_once_a_day() -> None:
    p = pm.apply(pm.UserProgress(), {"type": "visit", "date": "2026-11-24"})
    p = pm.apply(p, {"type": "visit", "date": "2026-11-24"})
    p = pm.apply(p, {"type": "visit", "date": "2026-11-25"})
    assert (p.visits, p.last_visit) == (2, "2026-11-25")


def test_unknown_event_is_a_programming_error() -> None:
    with pytest.raises(pm.UnknownEventError):
        pm.apply(pm.UserProgress(), {"type": "no-such-event"})


def test_from_dict_ignores_unknown_fields_and_round_trips() -> None:
    p = pm.UserProgress(visits=2, stage=2, levels={"bridge": 1})
    assert pm.UserProgress.from_dict({**p.to_dict(), "future_field": 1}) == p


def test_prune_drops_old_sessions_only() -> None:
    p = pm.UserProgress(sessions=[{"date": "2026-01-01"}, {"date": "2026-11-20"}])
    assert pm.prune(p, date(2026, 11, 25)).sessions == [{"date": "2026-11-20"}]


def test_locale_chain_and_merge_override_general_with_specific() -> None:
    assert locale_chain("en-GB") == ["en", "en-GB"]
    assert locale_chain("en") == ["en"]
    b = merge(
        "en-GB",
        "v1",
        [
            {"line": {"a": {"variants": ["A"]}, "n": {"variants": ["911"]}}},
            {"line": {"n": {"variants": ["999"]}}},
        ],
    )
    assert b.get("line", "n") == {"variants": ["999"]}
    assert b.get("line", "a") == {"variants": ["A"]}


def test_speech_escapes_filled_values_and_reports_missing_lines() -> None:
    bundle = ContentBundle("en-US", "v", {"line": {"hi": {"variants": ["Hi {name}."]}}})
    sp = Speech(bundle, random.Random(1))
    assert sp.line("hi", name="<Tom & Jo>") == "Hi &lt;Tom &amp; Jo&gt;."
    with pytest.raises(MissingLineError):
        sp.line("nope")
    with pytest.raises(KeyError):
        fill("Hi {name}", {})
    assert plain('Hold <break time="2s"/> and relax &amp; breathe') == "Hold and relax & breathe"


class FakeContentRepo:
    def __init__(self, partitions: frozenset[str] | None = None) -> None:
        self.version: str | None = "v1"
        self.partitions = partitions
        self.version_reads = 0
        self.partition_reads: list[str] = []

    def current_version(self) -> ContentVersion | None:
        self.version_reads += 1
        return None if self.version is None else ContentVersion(self.version, self.partitions)

    def load_partition(self, partition: str) -> dict[str, Any]:
        self.partition_reads.append(partition)
        return {"line": {"greeting": {"variants": [f"{partition}-{self.version}"]}}}


def test_content_cache_reads_once_then_only_after_the_refresh_interval() -> None:
    repo = FakeContentRepo()
    now = [0.0]
    cache = ContentCache(repo, clock=lambda: now[0], refresh_seconds=300)
    first = cache.get("en-US")
    cache.get("en-US")
    assert (repo.version_reads, repo.partition_reads) == (1, ["en", "en-US"])
    repo.version = "v2"
    now[0] = 100
    assert cache.get("en-US") is first  # still inside the interval
    now[0] = 301
    assert cache.get("en-US").version == "v2"  # re-seed picked up
    assert repo.version_reads == 2


def test_content_cache_queries_only_the_partitions_the_seed_listed() -> None:
    repo = FakeContentRepo(partitions=frozenset({"en", "en-GB"}))
    cache = ContentCache(repo, clock=lambda: 0.0, refresh_seconds=300)
    us, gb = cache.get("en-US"), cache.get("en-GB")
    assert repo.partition_reads == ["en", "en", "en-GB"]  # no query for the absent en-US
    assert us.get("line", "greeting") == {"variants": ["en-v1"]}
    assert gb.get("line", "greeting") == {"variants": ["en-GB-v1"]}  # the override wins


def test_content_cache_refuses_an_unseeded_table() -> None:
    repo = FakeContentRepo()
    repo.version = None
    with pytest.raises(ContentMissingError):
        ContentCache(repo, clock=lambda: 0.0, refresh_seconds=300).get("en-US")
