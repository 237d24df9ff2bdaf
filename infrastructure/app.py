"""The CDK app (`cdk.json` runs it): one stack, checked by cdk-nag's AWS Solutions rules.

Synthesizes without an AWS account: the stack is environment-agnostic and nothing is looked
up. The content source is read here and handed to the stack as JSON with its hash.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The app is run as a script by the CDK CLI: make the repo and the skill package importable.
for path in (ROOT / "lambda", ROOT):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from aws_cdk import App, Validations  # noqa: E402
from cdk_nag import AwsSolutionsChecks  # noqa: E402

from hamstring_coach.adapters.content_seed import source_version  # noqa: E402
from infrastructure.stack import HamstringCoachStack, StackConfig  # noqa: E402
from tools.content_source import load_source  # noqa: E402

STACK_NAME = "HamstringCoach"


def build_app(app: App | None = None) -> tuple[App, HamstringCoachStack]:
    app = app or App()
    source = load_source()
    stack = HamstringCoachStack(
        app,
        STACK_NAME,
        description="Hamstring Coach Alexa skill: function, tables, seeding, monitoring",
        config=StackConfig.from_context(app.node.try_get_context),
        content_source=source,
        content_version=source_version(source),
    )
    Validations.of(app).add_plugins(AwsSolutionsChecks(app))
    return app, stack


def main() -> None:
    app, _ = build_app()
    app.synth()


if __name__ == "__main__":
    main()
