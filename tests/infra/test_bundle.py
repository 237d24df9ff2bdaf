"""What the functions' code assets contain, how big they are, and that they rebuild identically."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from infrastructure.bundle import (
    CACHE_TAG,
    LAMBDA_SRC,
    NOT_IMPORTED,
    PROVIDED_BY_LAYER,
    PROVIDED_BY_RUNTIME,
    build,
    bytecode_interpreter,
    fingerprint,
    runtime_requirements,
    skill_spec,
    zip_dir,
)
from tests.infra.conftest import Synth, one
from tools.content_source import load_source

pytestmark = pytest.mark.infra

SKILL_HANDLER = "hamstring_coach.app.lambda_handler"
SEED_HANDLER = "hamstring_coach.seed_on_deploy.handler"
# Measured 4.6 MB zipped: 2.1 MB of sources (ask-sdk-model is most of it) and 2.5 MB of their
# bytecode, which spares every cold start compiling them (about 350 ms of a 700 ms cold start
# at 2 shared cores); 4.0 MB since round 14 left out what is never imported
# (bundle.NOT_IMPORTED). A jump past this means a new dependency.
SKILL_ZIP_LIMIT = 4_500_000


def _asset(synth: Synth, handler: str) -> Path:
    _, function = one(synth.template(), "AWS::Lambda::Function", Handler=handler)
    path = synth.asset_dir(function["Properties"]["Code"]["S3Key"])
    assert path.is_dir()
    return path


def _top_level(path: Path) -> set[str]:
    return {p.name for p in path.iterdir()}


def _dist(path: Path, name: str) -> list[str]:
    prefix = name.replace("-", "_").lower()
    return [p.name for p in path.glob("*.dist-info") if p.name.lower().startswith(prefix + "-")]


def test_runtime_requirements_leave_out_what_lambda_and_the_layer_provide() -> None:
    names = {r.split("==")[0] for r in runtime_requirements()}
    assert names == {"ask-sdk-core", "python-dateutil"}
    assert "python-dateutil==2.9.0.post0" in runtime_requirements()


def test_skill_bundle_has_the_sdk_and_our_code_but_nothing_provided(
    synth: Synth, tmp_path: Path
) -> None:
    asset = _asset(synth, SKILL_HANDLER)
    top = _top_level(asset)
    assert {"hamstring_coach", "ask_sdk_core", "ask_sdk_model", "dateutil"} <= top
    assert _dist(asset, "python-dateutil") == ["python_dateutil-2.9.0.post0.dist-info"]
    for provided in PROVIDED_BY_RUNTIME | PROVIDED_BY_LAYER | NOT_IMPORTED:
        assert not _dist(asset, provided), provided
    assert not {"requests", "charset_normalizer", "idna"} & top
    assert _dist(asset, "certifi")  # AlexaApiClient's last-resort trust store
    assert not {"boto3", "botocore", "aws_lambda_powertools", "bin", "content.json"} & top
    _assert_bytecode_for_every_module(asset)
    # Native code, if a dependency brings any, is built for the Lambda's arm64, not this
    # machine. (charset-normalizer's was the only one, and it is no longer shipped.)
    native = [p.name for p in asset.rglob("*.so")]
    assert all("aarch64" in n for n in native)
    size = zip_dir(asset, tmp_path / "skill.zip")
    print(f"\nskill bundle: {size} bytes zipped")
    assert size < SKILL_ZIP_LIMIT


def _assert_bytecode_for_every_module(asset: Path) -> None:
    """Each module has its runtime-version .pyc beside it, hash-based and never re-checked
    (Lambda's read-only code directory could not take a recompiled one), or, on a machine
    without a Python of the runtime's version, none at all."""
    sources = sorted(asset.rglob("*.py"))
    pycs = sorted(asset.rglob("*.pyc"))
    if bytecode_interpreter() is None:
        assert not pycs
        return
    # Our own package ships lean bytecode alone (bundle.compile_own): module.pyc in place.
    own = asset / "hamstring_coach"
    assert not list(own.rglob("*.py")) and not list(own.rglob("__pycache__"))
    own_pycs = sorted(own.rglob("*.pyc"))
    assert own / "app.pyc" in own_pycs
    # Lean (bundle.compile_own): the app module's docstring is not in its bytecode.
    doc = ast.get_docstring(ast.parse((LAMBDA_SRC / "hamstring_coach" / "app.py").read_bytes()))
    assert doc and doc.splitlines()[0].encode() not in (own / "app.pyc").read_bytes()
    assert len(pycs) == len(sources) + len(own_pycs)
    expected = [s.parent / "__pycache__" / f"{s.stem}.{CACHE_TAG}.pyc" for s in sources]
    for pyc in [*expected, *own_pycs]:
        header = pyc.read_bytes()[:16]
        if sys.implementation.cache_tag == CACHE_TAG:
            assert header[:4] == importlib.util.MAGIC_NUMBER, pyc
        # PEP 552 flags: bit 0 = hash-based, bit 1 = check the source; 0b01 = unchecked hash.
        assert int.from_bytes(header[4:8], "little") == 0b01, pyc


def test_seed_bundle_is_our_code_and_the_content_as_json(synth: Synth) -> None:
    asset = _asset(synth, SEED_HANDLER)
    assert _top_level(asset) == {"hamstring_coach", "content.json"}
    _assert_bytecode_for_every_module(asset)
    bundled: dict[str, Any] = json.loads((asset / "content.json").read_text("utf-8"))
    assert bundled == load_source()


def test_bundle_rebuilds_byte_for_byte(synth: Synth, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(skill_spec(), again)
    assert fingerprint(again) == fingerprint(_asset(synth, SKILL_HANDLER))


_COLD_START_WITH_NOTHING_REACHABLE = """
import importlib, json, pkgutil, sys
sys.path.insert(0, sys.argv[1])
NOT_SHIPPED = set(sys.argv[2].split(","))


class NotShipped:
    # What the bundle leaves out (bundle.NOT_IMPORTED) is installed here, not in Lambda:
    # refuse it, as Lambda would.
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in NOT_SHIPPED:
            raise ImportError(f"{name} is not in the bundle")
        return None


sys.meta_path.insert(0, NotShipped())
from hamstring_coach.app import lambda_handler  # the init: must not touch the network
from local import envelopes
out = lambda_handler(envelopes.launch(), None)
import hamstring_coach  # and every other module of ours imports without them
for module in pkgutil.walk_packages(hamstring_coach.__path__, "hamstring_coach."):
    importlib.import_module(module.name)
print(json.dumps(out))
"""


def test_bundled_function_alone_with_every_aws_service_unreachable_answers_with_speech(
    synth: Synth, tmp_path: Path
) -> None:
    """Issue 13, defect 3: the deployed code, its deployed environment, and every AWS
    endpoint (Secrets Manager, DynamoDB) refusing connections: the init succeeds and a
    LaunchRequest gets a short spoken apology with the session open."""
    _, function = one(synth.template(), "AWS::Lambda::Function", Handler=SKILL_HANDLER)
    variables = function["Properties"]["Environment"]["Variables"]
    env = {k: v for k, v in variables.items() if isinstance(v, str)}
    env.update(
        {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(Path.cwd()),  # `local.envelopes` only, to build the request
            "USER_KEY_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:k-Ab",
            "CONTENT_TABLE": "content",
            "PROGRESS_TABLE": "progress",
            "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "unreachable",
            "AWS_SECRET_ACCESS_KEY": "unreachable",
            # Port 9 (discard) on loopback: nothing listens, every call is refused at once.
            "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
            "METRICS_ENABLED": "",
        }
    )
    asset = _asset(synth, SKILL_HANDLER)
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            _COLD_START_WITH_NOTHING_REACHABLE,
            str(asset),
            ",".join(n.replace("-", "_") for n in NOT_IMPORTED),
        ],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    ssml = out["response"]["outputSpeech"]["ssml"]
    assert "can't reach your saved program" in ssml
    assert out["response"]["shouldEndSession"] is False and out["response"]["reprompt"]
