"""CDK's ILocalBundling over infrastructure.bundle: Lambda code assets built with pip, no Docker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsii
from aws_cdk import AssetHashType, BundlingOptions, DockerImage, ILocalBundling
from aws_cdk import aws_lambda as lambda_

from infrastructure.bundle import LAMBDA_SRC, BundleSpec, build


@jsii.implements(ILocalBundling)
class PipBundling:
    """Builds one function's bundle on this machine; never falls back to Docker."""

    def __init__(self, spec: BundleSpec) -> None:
        self._spec = spec

    def try_bundle(self, output_dir: str, *_options: Any, **_named: Any) -> bool:
        # jsii passes the BundlingOptions struct positionally; nothing in it is needed here.
        build(self._spec, Path(output_dir))
        return True


def code_asset(spec: BundleSpec) -> lambda_.Code:
    """A Lambda code asset whose hash is the hash of the built bundle (reproducible bytes)."""
    return lambda_.Code.from_asset(
        str(LAMBDA_SRC),
        asset_hash_type=AssetHashType.OUTPUT,
        bundling=BundlingOptions(
            # Required by the API; never pulled, because local bundling always succeeds or
            # raises (a silent Docker fallback would hide a broken bundle on a Docker host).
            image=DockerImage.from_registry("local-bundling-only"),
            local=PipBundling(spec),
            # CDK caches bundles by source path and options within one synth; two functions
            # bundled from lambda/ with different specs must not share a cache entry.
            environment={"BUNDLE_SPEC": spec.digest()},
        ),
    )
