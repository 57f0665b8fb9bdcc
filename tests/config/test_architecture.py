"""Apps depend one way: accounts ← courses ← quizzes ← municipalities.

accessibility stands beside them, on accounts alone.

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


def test_accessibility_sits_beside_accounts_and_imports_only_it():
    """The statement app may use accounts; nothing of the course domain."""
    wrong = [
        f"{path}: {name}"
        for path, name in imported_apps("accessibility")
        if name in ORDER[1:]
    ]
    assert wrong == []
    assert [
        f"{path}: {name}"
        for path, name in imported_apps("accounts")
        if name == "accessibility"
    ] == []


@pytest.mark.parametrize("app", ORDER)
def test_no_template_names_a_higher_apps_template(app):
    higher = ORDER[ORDER.index(app) + 1 :]
    wrong = [
        f"{path.relative_to(ROOT)}: {other}"
        for path in (ROOT / app / "templates").rglob("*.html")
        for other in higher
        if f'"{other}/' in path.read_text() or f"'{other}/" in path.read_text()
    ]
    assert wrong == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph(app: str) -> dict[str, set[str]]:
    """Module → modules of the same app it imports, at any level of the code.

    A package importing its own submodules (to re-export them) is not an edge:
    that is how a package is put together, not a dependency between concerns.
    """
    modules = {
        _module_name(path): path
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }
    graph = {}
    for name, path in modules.items():
        edges = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module] + [
                    f"{node.module}.{a.name}" for a in node.names
                ]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            edges |= {t for t in targets if t in modules and t != name}
        if path.name == "__init__.py":
            edges = {e for e in edges if not e.startswith(name + ".")}
        graph[name] = edges
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


@pytest.mark.parametrize("app", [*ORDER, "accessibility"])
def test_no_import_cycle_inside_an_app(app):
    assert _cycle(_import_graph(app)) is None


def test_the_cycle_finder_finds_cycles():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
