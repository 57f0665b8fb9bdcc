"""GIFT parsing, writing, round trips and malformed input."""

from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.gift import parse_gift, write_gift
from quizzes.interchange import (
    FatalImportError,
    import_into_category,
    question_data,
    same_question,
)
from quizzes.models import Question
from tests.factories.quizzes import QuestionCategoryFactory, QuestionFactory

EVERY_TYPE = (Path(__file__).parent / "data" / "every_type.gift").read_text()


pytestmark = pytest.mark.usefixtures("messages_in_english")


def test_every_type_parses():
    result = parse_gift(EVERY_TYPE)
    assert not result.problems
    kinds = [q.type for q in result.questions]
    assert kinds == [
        "single",
        "multiple",
        "true_false",
        "short_answer",
        "numerical",
        "numerical",
        "matching",
        "essay",
        "description",
        "single",
    ]
    single, multiple, truth, _short, number, span, pair, *_rest = result.questions
    assert [c.fraction for c in single.choices] == [1, 0, Decimal("0.5")]
    assert single.choices[0].feedback == "<p>Oikein.</p>"
    assert multiple.general_feedback == "<p>Yleinen palaute</p>"
    assert [c.fraction for c in multiple.choices] == [
        Decimal("0.5"),
        Decimal("0.5"),
        Decimal("-1"),
    ]
    assert truth.choices[0].text == "true"
    assert truth.choices[0].feedback == "<p>Oikein</p>"
    assert (number.choices[0].text, number.choices[0].tolerance) == ("14", 1)
    assert (span.choices[0].text, span.choices[0].tolerance) == ("15", 5)
    assert pair.choices[1].match_text == "Valmistelee"
    assert "{ aaltosulkeet }" in result.questions[-1].text


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("::Auki::Kysymys {=a ~b", "closing brace"),
        ("::Outo::Kysymys {?a ?b}", "must start with"),
        ("::Cloze::Pääkaupunki on {1:MULTICHOICE:=Helsinki~Turku}", "cloze"),
        ("::Paino::Kysymys {~%300%a ~b}", "between"),
        ("::Luku::Kysymys {#kaksi}", "not a number"),
        ("::Kaksi::Kysymys {=a} ja {=b}", "only one"),
    ],
)
def test_malformed_entries_are_reported_by_line_and_name(source, message):
    text = f"::Hyvä::Ok? {{T}}\n\n{source}\n\n::Toinen::Ok? {{F}}\n"
    result = parse_gift(text)
    assert [q.name for q in result.questions] == ["Hyvä", "Toinen"]
    [problem] = result.problems
    assert problem.position == "line 3"
    assert message in problem.message
    assert problem.name in source


def test_truncated_file_imports_the_complete_entries():
    text = EVERY_TYPE[: EVERY_TYPE.index("::Pari::") + 25]
    result = parse_gift(text)
    assert len(result.questions) == 6
    assert len(result.problems) == 1


def test_ten_megabyte_file_is_refused():
    big = "::Iso::Kysymys {T}\n\n" * (10 * 1024 * 1024 // 20)
    with pytest.raises(FatalImportError, match="too large"):
        parse_gift(big)


def test_imported_html_is_sanitised():
    source = (
        '::X::[html]<p onclick="x">Teksti<script>alert(1)</script>'
        '<a href="javascript:alert(1)">linkki</a><svg></svg></p>'
        "{=<b>oikein</b>#<img src\\=x onerror\\=alert(1)>palaute ~väärin}"
    )
    [question] = parse_gift(source).questions
    for bad in ("onclick", "<script", "javascript:", "<svg", "onerror", "<img"):
        assert bad not in question.text + question.choices[0].feedback
    assert question.choices[0].text == "oikein"


@pytest.mark.django_db
def test_export_then_import_gives_the_same_questions():
    category = QuestionCategoryFactory(name="Lähde")
    # GIFT has no ordering type; Moodle XML carries it.
    kinds = [kind for kind in Question.Type if kind != Question.Type.ORDERING]
    originals = [
        QuestionFactory(
            category=category,
            type=kind,
            name=f"{kind}: ä/ö/å {{#}}",
            text="<p>Mitä = tarkoittaa: ~ ja # ja {x}?</p>",
        )
        for kind in kinds
    ]
    data = [question_data(q) for q in originals]
    text, problems = write_gift(data, category="Lähde")
    assert not problems
    result = parse_gift(text)
    assert not result.problems
    assert len(result.questions) == len(data)
    for before, after in zip(data, result.questions, strict=True):
        if before.type == "description":
            before.general_feedback = ""
        assert same_question(before, after), before.name
    report = import_into_category(result, category_name="Kohde")
    assert len(report.created) == len(data)
    again = import_into_category(parse_gift(text), category_name="Kohde")
    assert len(again.unchanged) == len(data)
    assert Question.objects.filter(category__name="Kohde").count() == len(data)


def test_ordering_cannot_be_written_as_gift():
    from quizzes.interchange import ChoiceData, QuestionData

    question = QuestionData(
        "Järjestys", "ordering", "<p>x</p>", choices=[ChoiceData("a")]
    )
    text, problems = write_gift([question])
    assert len(problems) == 1
    assert "Järjestys" not in text
