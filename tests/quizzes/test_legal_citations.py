"""Questions appear in the legal references index under the sections they cite."""

import pytest

from courses.legal_index import legal_index
from tests.factories import verified_user
from tests.factories.courses import LessonPageFactory
from tests.factories.quizzes import QuestionFactory

pytestmark = pytest.mark.django_db


def _legal(section):
    return {
        "type": "legal_reference",
        "value": {
            "statute": "Kuntalaki (410/2015)",
            "section": section,
            "summary": "x",
        },
    }


def test_lessons_and_questions_are_listed_under_the_sections_they_cite():
    lesson = LessonPageFactory(
        title="Esteellisyys", body=[_legal("97 § 4 mom."), _legal("69 §")]
    )
    QuestionFactory(name="Jäävi", general_feedback="<p>Ks. (HL 28 §, KL 97 §).</p>")
    QuestionFactory(name="Ei viitettä")
    index = legal_index(verified_user(is_superuser=True))
    assert [entry.citation.key for entry in index] == ["KL 69 §", "KL 97 §", "HL 28 §"]
    by_key = {entry.citation.key: entry for entry in index}
    assert [item.title for item in by_key["KL 97 §"].items] == ["Esteellisyys", "Jäävi"]
    assert by_key["KL 97 §"].items[0].checked == lesson.content_checked
    assert [item.title for item in by_key["HL 28 §"].items] == ["Jäävi"]
    assert all("Ei viitettä" not in i.title for e in index for i in e.items)
