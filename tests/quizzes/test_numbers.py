"""The one number reader: learners' answers, imports and the editor agree."""

from decimal import Decimal

import pytest
from django.db import DataError, IntegrityError, transaction

from quizzes.models import Choice, Question
from quizzes.numbers import (
    FRACTION,
    POINTS,
    TOLERANCE,
    NumberError,
    canonical,
    fit,
    parse_decimal,
    parse_number,
)
from tests.factories.quizzes import QuestionFactory

pytestmark = pytest.mark.usefixtures("messages_in_english")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,5", Decimal("1.5")),
        (" 1,5 ", Decimal("1.5")),
        ("-0,25", Decimal("-0.25")),
        ("+4", Decimal("4")),
        ("\u22122", Decimal("-2")),
        ("1 500", Decimal("1500")),
        ("1\u202f000,5", Decimal("1000.5")),
        (" 1e3 ", Decimal("1000")),
        (".5", Decimal("0.5")),
        ("\uff13", Decimal("3")),  # a full-width digit
        ("999999999999999", Decimal("999999999999999")),
        ("0.000000000001", Decimal("0.000000000001")),
        ("0E-1000000000", Decimal("0")),
        (7, Decimal("7")),
    ],
)
def test_reads_numbers_as_people_write_them(text, expected):
    assert parse_decimal(text) == expected
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("NaN", "invalid"),
        ("sNaN", "invalid"),
        ("Infinity", "invalid"),
        ("-inf", "invalid"),
        ("1.000,5", "invalid"),
        ("1,2,3", "invalid"),
        ("kolme", "invalid"),
        ("", "invalid"),
        ("\u0661\u0662", "invalid"),  # Arabic-Indic digits: not what Decimal reads
        (None, "invalid"),
        (True, "invalid"),
        (["1"], "invalid"),
        ("1e999999999", "too_large"),
        ("-1e999999999", "too_large"),
        ("1e15", "too_large"),
        ("1" * 16, "too_large"),
        ("1e-999999999", "too_precise"),
        ("0.0000000000001", "too_precise"),
    ],
)
def test_refuses_what_is_not_a_usable_number(text, reason):
    with pytest.raises(NumberError) as caught:
        parse_decimal(text)
    assert caught.value.reason == reason
    assert parse_number(text) is None


def test_messages_name_the_text_and_stay_short():
    with pytest.raises(NumberError, match="“1e999999999” is too large a number."):
        parse_decimal("1e999999999")
    with pytest.raises(NumberError) as caught:
        parse_decimal("x" * 10_000)
    assert len(str(caught.value)) < 80


def test_arithmetic_on_parsed_numbers_never_overflows():
    # The largest and the smallest accepted magnitudes differ exactly.
    big = parse_decimal("-999999999999999")
    small = parse_decimal("0.000000000001")
    assert abs(big - small) == Decimal("999999999999999.000000000001")


def test_fit_rounds_to_the_field_places_and_refuses_out_of_range():
    assert fit(Decimal("0.3333333"), FRACTION) == Decimal("0.33333")
    assert fit(Decimal("1.0000000"), POINTS) == Decimal("1")
    assert fit(Decimal("9999.994"), POINTS) == Decimal("9999.99")
    for value, bounds in [
        ("9999.996", POINTS),
        ("-0.01", POINTS),
        ("1000000", POINTS),
        ("1000000", TOLERANCE),
        ("1.00001", FRACTION),
    ]:
        with pytest.raises(NumberError) as caught:
            parse_decimal(value, bounds=bounds)
        assert caught.value.reason == "out_of_range"
    with pytest.raises(NumberError, match="The points “1e6” must be between 0 and"):
        parse_decimal("1e6", bounds=POINTS)
    with pytest.raises(NumberError, match="too large"):
        fit(Decimal("1e999999999"), TOLERANCE)


def test_canonical_writes_a_decimal_point():
    assert canonical("3,50") == "3.50"
    assert canonical(" 1e3 ") == "1000"
    assert canonical("kolme") is None


@pytest.mark.parametrize(
    ("model", "field", "bounds"),
    [(Question, "points", POINTS), (Choice, "tolerance", TOLERANCE)],
)
def test_bounds_match_the_model_fields(model, field, bounds):
    column = model._meta.get_field(field)
    integer_digits = column.max_digits - column.decimal_places
    largest = "9" * integer_digits + "." + "9" * column.decimal_places
    assert bounds.maximum == Decimal(largest)
    assert bounds.places == column.decimal_places


def test_fraction_bounds_match_the_model_field():
    column = Choice._meta.get_field("fraction")
    assert (FRACTION.minimum, FRACTION.maximum) == (-1, 1)
    assert FRACTION.places == column.decimal_places


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Question, {"points": Decimal("-1")}),
        (Question, {"points": Decimal("10000")}),
        (Choice, {"tolerance": Decimal("-0.5")}),
        (Choice, {"tolerance": Decimal("1000000")}),
        (Choice, {"fraction": Decimal("2")}),
    ],
)
def test_database_refuses_out_of_range_values(model, values):
    question = QuestionFactory(type="numerical")
    rows = (
        Question.objects.filter(pk=question.pk)
        if model is Question
        else Choice.objects.filter(question=question)
    )
    # SQLite reports the check constraint; PostgreSQL may first find the value
    # too wide for its numeric column.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        rows.update(**values)
