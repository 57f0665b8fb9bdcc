"""The curriculum in the repository: its shape, its law links, quizzes and glossary.

These read the content files themselves (no database), so a content change
that breaks the standard fails here before anything is loaded.
"""

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from courses.loader import CURRICULUM_DIR, plan_curriculum
from quizzes.gift import parse_gift

PLAN = plan_curriculum(CURRICULUM_DIR)
MODULES = PLAN.children
LESSONS = [lesson for module in MODULES for lesson in module.children]
MODULE_DIRS = sorted(p for p in CURRICULUM_DIR.iterdir() if p.is_dir())
FINLEX = re.compile(
    r"^https://www\.finlex\.fi/fi/laki/ajantasa/(\d{4})/(\d{4})(\d{4})(001)?"
    r"#L(\d+[a-z]?)P(\d+[a-z]?)$"
)
# Words that give a right or wrong option away.
CUE_WORDS = re.compile(r"\b(aina|kaikki|kaikkia|ei koskaan|pelkästään)\b", re.I)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _blocks(lesson, kind):
    return [block["value"] for block in lesson.fields["body"] if block["type"] == kind]


def _quiz(module_dir: Path, name: str = "quiz.gift"):
    return parse_gift((module_dir / name).read_text(encoding="utf-8"))


def test_six_modules_of_three_to_five_lessons():
    assert len(MODULES) == 6
    for module in MODULES:
        assert 3 <= len(module.children) <= 5, module.content.path


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.content.path)
def test_a_lesson_has_600_to_1200_words_a_case_key_points_and_a_reflection(lesson):
    assert 600 <= _words(lesson.content.body) <= 1200
    for kind in ("case_scenario", "key_points", "reflection_prompt", "legal_reference"):
        assert _blocks(lesson, kind), kind
    assert lesson.fields["content_checked"] is not None


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.content.path)
def test_no_block_is_empty(lesson):
    for block in lesson.fields["body"]:
        value = block["value"]
        texts = value.values() if isinstance(value, dict) else [value]
        flat = [t for v in texts for t in (v if isinstance(v, list) else [v])]
        assert any(str(t).strip() for t in flat), block["type"]
        if block["type"] == "legal_reference":
            assert value["summary"], lesson.content.path


def test_lessons_open_differently():
    openings = [" ".join(lesson.content.body.split()[:4]).lower() for lesson in LESSONS]
    assert len(set(openings)) == len(openings)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.content.path)
def test_every_finlex_link_is_well_formed_and_points_at_its_section(lesson):
    for value in _blocks(lesson, "legal_reference"):
        match = FINLEX.match(value["url"])
        assert match, value["url"]
        section = re.search(r"(\d+)\s*([a-z]?)\s*§", value["section"])
        assert match.group(6) == section.group(1) + section.group(2), value
        number, year = value["statute"].rsplit("(", 1)[1].rstrip(")").split("/")
        assert (match.group(1), match.group(2), int(match.group(3))) == (
            year,
            year,
            int(number),
        )
        chapter = re.match(r"\s*(\d+)\s*luku", value["section"])
        if chapter:
            assert match.group(5) == chapter.group(1)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.content.path)
def test_every_objective_is_taught_under_a_heading_or_key_point(module):
    taught = []
    for lesson in module.children:
        taught += [b["text"] for b in _blocks(lesson, "heading")]
        taught += [p for b in _blocks(lesson, "key_points") for p in b["points"]]
    stems = {
        word[:6] for text in taught for word in re.findall(r"\w{5,}", text.lower())
    }
    for objective in module.content.meta["objectives"]:
        words = {w[:6] for w in re.findall(r"\w{6,}", objective.lower())}
        words -= {"osaat ", "tiedät", "osaat", "ymmärr", "tunnis", "kertoa", "selitt"}
        assert len(words & stems) >= min(2, len(words)), objective


@pytest.mark.parametrize(
    "planned", [PLAN, *MODULES, *LESSONS], ids=lambda p: p.content.path
)
def test_every_page_has_a_swedish_title_and_summary(planned):
    assert (
        planned.swedish["title"] and planned.swedish["title"] != planned.fields["title"]
    )
    assert planned.swedish["summary"]
    if "objectives" in planned.fields:
        assert len(planned.swedish["objectives"]) == len(planned.fields["objectives"])


def test_module_two_is_in_full_swedish():
    module = next(
        m for m in MODULES if m.content.meta["slug"] == "luottamushenkilon-rooli"
    )
    assert all(lesson.swedish["body_language"] == "sv" for lesson in module.children)
    module_dir = (CURRICULUM_DIR / module.content.path).parent
    assert (module_dir / "sv" / "quiz.gift").exists()


@pytest.mark.parametrize("module_dir", MODULE_DIRS, ids=lambda p: p.name)
def test_a_quiz_of_ten_questions_of_three_types_per_module(module_dir):
    result = _quiz(module_dir)
    assert not result.problems
    assert len(result.questions) >= 10
    assert len({q.type for q in result.questions}) >= 3


def _quizzes():
    for module_dir in MODULE_DIRS:
        for name in ("quiz.gift", "sv/quiz.gift"):
            if (module_dir / name).exists():
                for question in _quiz(module_dir, name).questions:
                    yield pytest.param(
                        question, id=f"{module_dir.name}/{name}:{question.name}"
                    )


@pytest.mark.parametrize("question", list(_quizzes()))
def test_a_question_teaches_why(question):
    assert question.general_feedback, "general feedback"
    if question.type in ("single", "multiple", "short_answer"):
        for choice in question.choices:
            assert choice.feedback, choice.text
    if question.type == "true_false":
        assert all(choice.feedback for choice in question.choices)


@pytest.mark.parametrize("question", list(_quizzes()))
def test_a_question_has_no_cue_words_and_does_not_ask_for_a_section_number(question):
    for choice in question.choices:
        assert not CUE_WORDS.search(choice.text), choice.text
    assert not re.search(r"\b(mikä|minkä|monesko) pykälä", question.text, re.I)
    assert not re.search(r"\bvilken paragraf\b", question.text, re.I)


@pytest.mark.parametrize("question", list(_quizzes()))
def test_one_right_answer_or_fair_partial_credit(question):
    fractions = [choice.fraction for choice in question.choices]
    if question.type == "single":
        assert fractions.count(Decimal(1)) == 1
    if question.type == "multiple":
        right = [f for f in fractions if f > 0]
        wrong = [f for f in fractions if f < 0]
        assert sum(right) == Decimal(1)
        # One wrong tick must not cancel two right ones.
        if len(right) >= 2 and wrong:
            two_right = sum(sorted(right)[:2])
            assert two_right + min(wrong) > 0


def test_the_glossary_has_sixty_terms_each_used_in_a_lesson():
    from courses.glossary import TermFinder

    terms = yaml.safe_load(
        (CURRICULUM_DIR / "glossary.yaml").read_text(encoding="utf-8")
    )
    assert len(terms) >= 60
    assert len({t["slug"] for t in terms}) == len(terms)

    class Term:
        def __init__(self, item):
            self.slug, self.term, self.term_sv = item["slug"], item["term"], item["sv"]
            self.forms = ", ".join(item.get("forms") or [])
            self.forms_sv = ""

    finder = TermFinder([Term(item) for item in terms], "fi")
    used = {
        term.slug for lesson in LESSONS for _, term in finder.find(lesson.content.body)
    }
    unused = sorted({t["slug"] for t in terms} - used)
    assert not unused
    for item in terms:
        assert item["definition"].strip() and item["definition_sv"].strip()
