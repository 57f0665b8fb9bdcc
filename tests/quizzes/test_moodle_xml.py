"""Moodle XML parsing, writing, round trips and hostile files."""

from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.bank_sync import import_into_category, question_data
from quizzes.formats import parse_file
from quizzes.interchange import FatalImportError
from quizzes.models import Question, QuestionCategory
from quizzes.moodle_xml import parse_moodle_xml, write_moodle_xml
from tests.factories.quizzes import QuestionCategoryFactory, QuestionFactory

SAMPLE = (Path(__file__).parent / "data" / "sample.xml").read_bytes()


pytestmark = pytest.mark.usefixtures("messages_in_english")


def test_supported_types_import_and_unsupported_are_reported():
    result = parse_moodle_xml(SAMPLE)
    assert [q.name for q in result.questions] == ["Valtuusto", "Totuus"]
    assert [(p.position, p.name) for p in result.problems] == [
        ("question 2", "Laskettu"),
        ("question 4", "Cloze"),
        ("question 5", "Rikki"),
    ]
    assert "calculated" in result.problems[0].message
    question = result.questions[0]
    assert "<script" not in question.text
    assert "onmouseover" not in question.text
    assert "päättää" in question.text
    assert result.questions[1].text == "<p>Valtuusto on ylin.</p>"


@pytest.mark.parametrize(
    "payload",
    [
        b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><quiz>&b;</quiz>',
        b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<quiz><question type='essay'><name><text>&x;</text></name></question></quiz>",
    ],
)
def test_entities_and_dtds_are_refused(payload):
    with pytest.raises(FatalImportError, match="DTD"):
        parse_moodle_xml(payload)


def test_truncated_file_is_fatal():
    with pytest.raises(FatalImportError, match="well-formed"):
        parse_moodle_xml(SAMPLE[: len(SAMPLE) // 2])


def test_wrong_root_is_fatal():
    with pytest.raises(FatalImportError, match="not a Moodle XML"):
        parse_moodle_xml(b"<html><body/></html>")


def test_ten_megabyte_file_is_refused_before_parsing():
    big = b"<quiz>" + b" " * (10 * 1024 * 1024) + b"</quiz>"
    with pytest.raises(FatalImportError, match="too large"):
        parse_file("iso.xml", big)


def test_too_many_questions_is_fatal():
    question = (
        b'<question type="essay"><questiontext><text>x</text></questiontext></question>'
    )
    with pytest.raises(FatalImportError, match="more than"):
        parse_moodle_xml(b"<quiz>" + question * 2001 + b"</quiz>")


@pytest.mark.django_db
def test_export_then_import_gives_the_same_questions():
    category = QuestionCategoryFactory(name="Lähde")
    kinds = [kind.value for kind in Question.Type]
    data = [
        question_data(
            QuestionFactory(category=category, type=kind, name=f"{kind} <ä&ö>")
        )
        for kind in kinds
    ]
    result = parse_moodle_xml(write_moodle_xml(data, category="Lähde").encode())
    assert not result.problems
    assert [q.position for q in result.questions] == [
        f"question {number}" for number in range(1, len(kinds) + 1)
    ]
    for before, after in zip(data, result.questions, strict=True):
        expected = asdict(before) | {"position": after.position}
        if before.type == "ordering":
            # Moodle XML keeps an ordering's items, not fractions (all 100 %).
            for choice in expected["choices"]:
                choice["fraction"] = 0
        assert asdict(after) == expected, before.name


@pytest.mark.django_db
def test_fatal_error_imports_nothing(tmp_path):
    from django.core.management import CommandError, call_command

    bad = tmp_path / "bad.xml"
    bad.write_bytes(SAMPLE[:200])
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_questions", str(bad), category="Rikki")
    assert not QuestionCategory.objects.filter(name="Rikki").exists()


@pytest.mark.django_db
def test_import_and_export_commands(tmp_path, capsys):
    from django.core.management import call_command

    source = tmp_path / "kysymykset.xml"
    source.write_bytes(SAMPLE)
    call_command("import_questions", str(source), category="Kuntalaki")
    assert Question.objects.filter(category__name="Kuntalaki").count() == 2
    out = tmp_path / "out.gift"
    call_command("export_questions", category="Kuntalaki", format="gift", output=out)
    assert "::Valtuusto::" in out.read_text()
    report = import_into_category(
        parse_file("out.gift", out.read_bytes()), category_name="Kuntalaki"
    )
    assert len(report.unchanged) == 2


def numerical_xml(*, grade="1", tolerance="0.5", value="14.5", fraction="100"):
    return (
        '<?xml version="1.0" encoding="UTF-8"?><quiz>'
        '<question type="essay"><name><text>Hyvä</text></name>'
        "<questiontext><text>Pohdi.</text></questiontext></question>"
        '<question type="numerical"><name><text>Luku</text></name>'
        "<questiontext><text>Montako?</text></questiontext>"
        f"<defaultgrade>{grade}</defaultgrade>"
        f'<answer fraction="{fraction}"><text>{value}</text>'
        f"<tolerance>{tolerance}</tolerance></answer></question></quiz>"
    ).encode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"grade": "1e6"}, "The points “1000000” must be between 0 and 9999.99."),
        ({"grade": "abc"}, "“abc” is not a number"),
        ({"grade": "1e999999999"}, "“1e999999999” is too large a number."),
        ({"grade": "-2"}, "the points must not be negative"),
        ({"tolerance": "1e20"}, "“1e20” is too large a number."),
        (
            {"tolerance": "1000000"},
            "The tolerance “1000000” must be between 0 and 999999.999999.",
        ),
        ({"tolerance": "NaN"}, "“NaN” is not a number"),
        ({"value": "1e999999999"}, "“1e999999999” is too large a number."),
        ({"value": "*"}, "“*” is not a number"),
        ({"fraction": "1e999999999"}, "“1e999999999” is too large a number."),
        ({"fraction": "abc"}, "“abc” is not a number"),
        ({"fraction": "101"}, "a fraction must be between -100 and 100"),
    ],
)
def test_numbers_out_of_range_are_reported_by_question(fields, message):
    result = parse_moodle_xml(numerical_xml(**fields))
    assert [q.name for q in result.questions] == ["Hyvä"]
    [problem] = result.problems
    assert (problem.position, problem.name) == ("question 2", "Luku")
    assert problem.message == message


def test_moodle_precision_is_rounded_to_the_fields():
    [_essay, question] = parse_moodle_xml(
        numerical_xml(grade="1.0000000", fraction="33.33333", tolerance="0,5")
    ).questions
    assert question.points == 1
    [choice] = question.choices
    assert (choice.fraction, choice.tolerance, choice.text) == (
        Decimal("0.33333"),
        Decimal("0.5"),
        "14.5",
    )


@pytest.mark.parametrize(
    "payload", [b"<quiz>\x00</quiz>", b"<quiz><question>&#0;</question></quiz>"]
)
def test_a_nul_character_is_fatal(payload):
    with pytest.raises(FatalImportError):
        parse_moodle_xml(payload)
    with pytest.raises(FatalImportError):
        parse_moodle_xml(payload.decode())
