"""One botocore session per container, shared by every AWS client the skill makes.

botocore's session rather than boto3's: boto3 would also import s3transfer (and through it
multiprocessing) on every cold start, for nothing these clients use. One shared session, as
boto3's default session is, so service models are loaded and cached once.

Its data loader knows only the services the skill calls. botocore's own loader checks a
client's service name against every service it ships: it lists each of about 450 model
directories and their versions, once for the service model and once for the endpoint rules
(about 15 ms of a cold start, before the client reads a single model file). Ours looks in
the named services' directories only, through the same search path; the models, their
versions and everything else are botocore's.
"""

from __future__ import annotations

import functools
import os

import botocore.session
from botocore.exceptions import DataNotFoundError
from botocore.loaders import Loader

# Every AWS service the skill's Lambda makes a client for (adapters/dynamo.py, secrets.py).
SKILL_SERVICES = ("dynamodb", "secretsmanager")


class SkillServicesLoader(Loader):
    """botocore's loader, answering "which services are there" for the skill's alone."""

    def list_available_services(self, type_name: str) -> list[str]:
        found = []
        for name in SKILL_SERVICES:
            try:
                self.list_api_versions(name, type_name)
            except DataNotFoundError:
                continue
            found.append(name)
        return found


def _loader(session: botocore.session.Session) -> SkillServicesLoader:
    # As botocore.loaders.create_loader, from the session's data_path (AWS_DATA_PATH).
    data_path = session.get_config_variable("data_path")
    extra = None
    if data_path:
        extra = [os.path.expanduser(os.path.expandvars(p)) for p in data_path.split(os.pathsep)]
    return SkillServicesLoader(extra_search_paths=extra)


@functools.cache
def shared_session() -> botocore.session.Session:
    session = botocore.session.get_session()
    session.register_component("data_loader", _loader(session))
    return session
