"""The skill's botocore session: clients for its own services, without botocore's scan of
every service it ships (a cold start's cost; docs/performance.md)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import botocore.session
import pytest
from botocore.exceptions import UnknownServiceError

from hamstring_coach.adapters import aws_session
from hamstring_coach.adapters.aws_session import SKILL_SERVICES, SkillServicesLoader


@pytest.fixture(autouse=True)
def _fresh_session() -> Iterator[None]:
    aws_session.shared_session.cache_clear()
    yield
    aws_session.shared_session.cache_clear()  # nothing of these tests' settings stays


def _session() -> botocore.session.Session:
    return aws_session.shared_session()


def _listed_while(monkeypatch: pytest.MonkeyPatch, session: botocore.session.Session) -> list[str]:
    listed: list[str] = []
    real = os.listdir

    def spy(path: str) -> list[str]:
        listed.append(str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", spy)
    session.create_client("dynamodb", region_name="us-east-1")
    monkeypatch.setattr(os, "listdir", real)
    return listed


def test_the_skills_clients_read_only_their_own_services_directories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = _session()
    loader = session.get_component("data_loader")
    assert isinstance(loader, SkillServicesLoader)
    assert loader.list_available_services("service-2") == list(SKILL_SERVICES)
    listed = _listed_while(monkeypatch, session)
    assert listed and all(Path(p).name in SKILL_SERVICES for p in listed), listed
    # botocore's own loader lists every service's directory for the same client.
    stock = _listed_while(monkeypatch, botocore.session.get_session())
    assert len(stock) > 100 * len(listed)


def test_the_secret_client_is_made_too_and_any_other_service_is_refused_plainly() -> None:
    session = _session()
    assert session.create_client("secretsmanager", region_name="eu-west-1").meta.service_model
    with pytest.raises(UnknownServiceError, match="dynamodb, secretsmanager"):
        session.create_client("s3", region_name="us-east-1")


def test_aws_data_path_still_extends_the_search_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AWS_DATA_PATH", str(tmp_path))
    loader = _session().get_component("data_loader")
    assert str(tmp_path) in loader.search_paths
