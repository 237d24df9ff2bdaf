"""The domain stays pure: no Alexa SDK, no AWS client, no handler or adapter import.

CONTRIBUTING and the README promise it ("pure domain, adapters behind ports"); until now
only review kept it. Read from the source (ast), so an import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hamstring_coach.domain

DOMAIN = Path(hamstring_coach.domain.__file__).parent
FORBIDDEN = ("ask_sdk", "boto3", "botocore", "hamstring_coach.adapters", "hamstring_coach.handlers")
MODULES = sorted(DOMAIN.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_domain_has_modules_to_check() -> None:
    assert len(MODULES) >= 20


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(DOMAIN)))
def test_a_domain_module_imports_no_sdk_client_handler_or_adapter(path: Path) -> None:
    bad = {n for n in _imports(path) if n.startswith(FORBIDDEN)}
    assert not bad, f"{path.name} imports {sorted(bad)}"
