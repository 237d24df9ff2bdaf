"""One botocore session per container, shared by every AWS client the skill makes.

botocore's session rather than boto3's: boto3 would also import s3transfer (and through it
multiprocessing) on every cold start, for nothing these clients use. One shared session, as
boto3's default session is, so service models are loaded and cached once.
"""

from __future__ import annotations

import functools

import botocore.session


@functools.cache
def shared_session() -> botocore.session.Session:
    return botocore.session.get_session()
