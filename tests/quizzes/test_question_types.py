"""The registry knows every question type, and nothing else names one."""

import ast
from collections import Counter
from pathlib import Path

from quizzes.models import Question
from quizzes.question_types import QUESTION_TYPES, is_graded, question_type


def test_every_question_type_has_exactly_one_class():
    assert set(QUESTION_TYPES) == set(Question.Type.values)
    assert all(name == kind.name for name, kind in QUESTION_TYPES.items())


def test_unknown_type_is_shown_as_text_and_not_graded():
    kind = question_type("calculated")
    assert not kind.graded and not kind.answered
    assert not is_graded({"type": "calculated"})


ROOT = Path(__file__).resolve().parents[2]
# A type's name belongs to its class, its model choice and the frozen migrations.
OWNERS = ("quizzes/question_types", "quizzes/models", "quizzes/migrations")
# The only type names elsewhere in the app's Python, once each, with the reason.
ALLOWED = {
    ("quizzes/attempts.py", "essay"): (
        "set_essay_shared: only an essay is a reflection its writer may share"
    ),
    ("quizzes/personal_data.py", "essay"): (
        "erasure blanks essay answers, the learner's own words"
    ),
    ("quizzes/reflections.py", "essay"): (
        "facilitators read shared reflections, which are essay answers"
    ),
    ("quizzes/wagtail_hooks.py", "description"): (
        "the category's description column, not the type"
    ),
}


def _docstrings(tree: ast.AST) -> set[int]:
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _type_names(tree: ast.AST):
    """Type values as string constants (docstrings aside) and `Type.X` accesses."""
    values = set(Question.Type.values)
    by_member = {member.name: member.value for member in Question.Type}
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in values:
            if id(node) not in docstrings:
                yield node.value
        elif isinstance(node, ast.Attribute) and node.attr in by_member:
            holder = node.value
            name = holder.attr if isinstance(holder, ast.Attribute) else None
            if name == "Type" or (isinstance(holder, ast.Name) and holder.id == "Type"):
                yield by_member[node.attr]


def type_names_outside_the_types() -> Counter:
    found = Counter()
    for path in (ROOT / "quizzes").rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if not relative.startswith(OWNERS):
            tree = ast.parse(path.read_text(), filename=relative)
            found.update((relative, name) for name in _type_names(tree))
    return found


def test_no_type_name_outside_the_question_types_but_the_listed_ones():
    assert type_names_outside_the_types() == Counter(ALLOWED.keys())


def test_the_scan_finds_literals_and_type_members():
    tree = ast.parse(
        '"""essay"""\nif kind == "matching" or t == Question.Type.ORDERING: pass'
    )
    assert sorted(_type_names(tree)) == ["matching", "ordering"]
