"""Apps depend one way: accounts ← courses ← quizzes ← municipalities.

A lower app learns about a higher one only through a registry the higher one
fills in `AppConfig.ready()` (docs/architecture.md), never by importing it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ORDER = ["accounts", "courses", "quizzes", "municipalities"]


def imported_apps(app: str):
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                yield path.relative_to(ROOT), name.split(".")[0]


@pytest.mark.parametrize("app", ORDER)
def test_no_app_imports_a_higher_one(app):
    higher = set(ORDER[ORDER.index(app) + 1 :])
    wrong = [f"{path}: {name}" for path, name in imported_apps(app) if name in higher]
    assert wrong == []
