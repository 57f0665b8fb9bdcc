"""Grading per question type, from snapshots, with edge cases."""

from decimal import Decimal

import pytest
from django.utils import translation

from quizzes.grading import grade, score_attempt, validate_answer
from quizzes.numbers import parse_number
from quizzes.question_types.short_answer import normalise_text


def options(*fractions):
    return [
        {"token": f"t{i}", "text": f"o{i}", "fraction": str(f), "feedback": ""}
        for i, f in enumerate(fractions)
    ]


def snap(kind, **extra):
    return {"type": kind, "points": "1", "text": "", **extra}


class TestSingle:
    def test_right_wrong_and_empty(self):
        question = snap("single", options=options(1, 0, 0))
        assert grade(question, "t0") == 1
        assert grade(question, "t1") == 0
        assert grade(question, None) == 0
        assert grade(question, "") == 0

    def test_forged_token_earns_nothing(self):
        assert grade(snap("single", options=options(1, 0)), "not-a-token") == 0

    def test_partial_option_and_negative_never_below_zero(self):
        question = snap("single", options=options(1, 0.5, -0.5))
        assert grade(question, "t1") == Decimal("0.5")
        assert grade(question, "t2") == 0

    def test_true_false(self):
        question = snap(
            "true_false",
            options=[
                {"token": "a", "text": "true", "fraction": "0", "feedback": ""},
                {"token": "b", "text": "false", "fraction": "1", "feedback": ""},
            ],
        )
        assert grade(question, "b") == 1
        assert grade(question, "a") == 0


class TestMultiple:
    question = snap("multiple", options=options(0.5, 0.5, 0, 0))

    def test_all_right_picks(self):
        assert grade(self.question, ["t0", "t1"]) == 1

    def test_partial_credit(self):
        assert grade(self.question, ["t0"]) == Decimal("0.5")

    def test_wrong_pick_subtracts(self):
        assert grade(self.question, ["t0", "t1", "t2"]) == Decimal("0.5")

    def test_every_option_ticked_is_zero(self):
        assert grade(self.question, ["t0", "t1", "t2", "t3"]) == 0

    def test_never_below_zero(self):
        assert grade(self.question, ["t2", "t3"]) == 0

    def test_empty_answer(self):
        assert grade(self.question, []) == 0
        assert grade(self.question, None) == 0

    def test_explicit_negative_fraction(self):
        question = snap("multiple", options=options(0.5, 0.5, -1))
        assert grade(question, ["t0", "t1", "t2"]) == 0

    def test_duplicate_token_counts_once(self):
        assert grade(self.question, ["t0", "t0"]) == Decimal("0.5")


class TestShortAnswer:
    question = snap(
        "short_answer",
        accepted=[
            {"text": "Kunnanhallitus", "fraction": "1", "feedback": ""},
            {"text": "hallitus", "fraction": "0.5", "feedback": ""},
        ],
    )

    def test_case_space_and_unicode_form_ignored(self):
        assert grade(self.question, "  KUNNANHALLITUS ") == 1
        assert grade(self.question, "kunnanhallitus") == 1

    def test_best_fraction(self):
        assert grade(self.question, "Hallitus") == Decimal("0.5")

    def test_empty_and_wrong(self):
        assert grade(self.question, "") == 0
        assert grade(self.question, None) == 0
        assert grade(self.question, "valtuusto") == 0

    def test_scandinavian_letters_composed_or_decomposed(self):
        question = snap(
            "short_answer",
            accepted=[{"text": "Päätösvaltaisuus", "fraction": "1", "feedback": ""}],
        )
        decomposed = "Pa\u0308a\u0308to\u0308svaltaisuus"
        assert grade(question, decomposed) == 1
        assert grade(question, "PÄÄTÖSVALTAISUUS") == 1
        assert grade(question, "paatosvaltaisuus") == 0
        assert normalise_text("Ålands  ö") == "ålands ö"

    @pytest.mark.parametrize(
        "typed",
        ["Tarkastuslautakunta.", "”tarkastuslautakunta”", " tarkastuslautakunta! "],
    )
    def test_punctuation_around_the_answer_does_not_matter(self, typed):
        question = snap(
            "short_answer",
            accepted=[{"text": "tarkastuslautakunta", "fraction": "1", "feedback": ""}],
        )
        assert grade(question, typed) == 1

    def test_punctuation_inside_the_answer_counts(self):
        question = snap(
            "short_answer",
            accepted=[{"text": "3,5", "fraction": "1", "feedback": ""}],
        )
        assert grade(question, "3,5.") == 1
        assert grade(question, "35") == 0
        assert normalise_text("...") == ""


class TestNumerical:
    question = snap(
        "numerical",
        accepted=[
            {"value": "3.5", "tolerance": "0.1", "fraction": "1", "feedback": ""},
            {"value": "3", "tolerance": "0", "fraction": "0.5", "feedback": ""},
        ],
    )

    @pytest.mark.parametrize("typed", ["3,5", "3.5", " 3,45 ", "3.6", "+3,5"])
    def test_decimal_comma_and_tolerance(self, typed):
        assert grade(self.question, typed) == 1

    def test_partial_and_outside_tolerance(self):
        assert grade(self.question, "3") == Decimal("0.5")
        assert grade(self.question, "3,7") == 0

    def test_empty_and_not_a_number(self):
        assert grade(self.question, "") == 0
        assert grade(self.question, "kolme") == 0

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("1 500", Decimal("1500")),
            ("−2", Decimal("-2")),
            ("1\u00a0000,5", Decimal("1000.5")),
            ("1.000,5", None),
            ("1,2,3", None),
            ("NaN", None),
            ("inf", None),
            ("", None),
        ],
    )
    def test_parse_number(self, typed, expected):
        assert parse_number(typed) == expected

    def test_validation_message_for_non_number(self):
        assert validate_answer(self.question, "kolme")
        assert validate_answer(self.question, "3,5") is None
        assert validate_answer(self.question, "") is None

    @pytest.mark.usefixtures("messages_in_english")
    @pytest.mark.parametrize(
        ("typed", "message"),
        [
            (
                "1e999999999",
                "That number is too large. Enter at most 15 digits before the "
                "decimal comma.",
            ),
            (
                "-1e999999999",
                "That number is too large. Enter at most 15 digits before the "
                "decimal comma.",
            ),
            (
                "1e-999999999",
                "That number has too many decimals. Enter at most 12 digits after "
                "the decimal comma.",
            ),
            ("Infinity", "Enter a number, for example 12 or 3,5."),
            ("NaN", "Enter a number, for example 12 or 3,5."),
        ],
    )
    def test_unusable_numbers_get_a_clear_message(self, typed, message):
        assert validate_answer(self.question, typed) == message
        assert grade(self.question, typed) == 0

    def test_messages_are_in_the_learners_language(self):
        assert validate_answer(self.question, "1e999999999") == (
            "Luku on liian suuri. Kirjoita enintään 15 numeroa ennen desimaalipilkkua."
        )
        with translation.override("sv"):
            assert validate_answer(self.question, "1e999999999") == (
                "Talet är för stort. Skriv högst 15 siffror före decimalkommat."
            )


class TestMatching:
    question = snap(
        "matching",
        prompts=[
            {"token": "p1", "text": "Valtuusto", "answer": "Päättää"},
            {"token": "p2", "text": "Hallitus", "answer": "Valmistelee"},
        ],
        answers=[
            {"token": "a1", "text": "Valmistelee"},
            {"token": "a2", "text": "Päättää"},
            {"token": "a3", "text": "Tarkastaa"},
        ],
    )

    def test_all_right(self):
        assert grade(self.question, {"p1": "a2", "p2": "a1"}) == 1

    def test_half_right_and_empty(self):
        assert grade(self.question, {"p1": "a2", "p2": "a3"}) == Decimal("0.5")
        assert grade(self.question, {}) == 0
        assert grade(self.question, None) == 0

    def test_same_answer_for_everything(self):
        assert grade(self.question, {"p1": "a2", "p2": "a2"}) == Decimal("0.5")


class TestOrdering:
    question = snap(
        "ordering",
        items=[
            {"token": "c", "text": "C", "position": 2},
            {"token": "a", "text": "A", "position": 0},
            {"token": "d", "text": "D", "position": 3},
            {"token": "b", "text": "B", "position": 1},
        ],
    )

    def test_right_order(self):
        assert grade(self.question, {"a": 1, "b": 2, "c": 3, "d": 4}) == 1

    def test_adjacent_pairs_partial_credit(self):
        # B A C D: pairs (A,C)? no; (C,D) yes; (B,A) no → 1 of 3.
        assert grade(self.question, {"b": 1, "a": 2, "c": 3, "d": 4}) == Decimal(1) / 3
        # A B D C: (A,B) yes, (B,D) no, (D,C) no → 1 of 3.
        assert grade(self.question, {"a": 1, "b": 2, "d": 3, "c": 4}) == Decimal(1) / 3
        # D A B C: (A,B), (B,C) → 2 of 3.
        assert grade(self.question, {"d": 1, "a": 2, "b": 3, "c": 4}) == Decimal(2) / 3

    def test_reversed_is_zero(self):
        assert grade(self.question, {"d": 1, "c": 2, "b": 3, "a": 4}) == 0

    def test_incomplete_or_repeated_positions(self):
        assert grade(self.question, {}) == 0
        assert grade(self.question, {"a": 1, "b": 1, "c": 3, "d": 4}) == 0
        assert validate_answer(self.question, {"a": 1, "b": 1, "c": 3, "d": 4})
        assert validate_answer(self.question, {}) is None


def test_essay_and_description_are_not_graded():
    graded = [
        (snap("single", options=options(1, 0)), Decimal(1)),
        (snap("essay"), Decimal(0)),
        (snap("description"), Decimal(0)),
        ({**snap("single", options=options(1, 0)), "points": "3"}, Decimal(0)),
    ]
    total = score_attempt(graded)
    assert total.points == 1
    assert total.max_points == 4
    assert total.percent == Decimal("25.00")


def test_attempt_with_nothing_graded_counts_as_full():
    assert score_attempt([(snap("essay"), Decimal(0))]).percent == 100


STORED_ANSWERS = [
    None,
    "",
    "1e999999999",
    "-1e999999999",
    "1e-999999999",
    "NaN",
    "sNaN",
    "Infinity",
    "9" * 5000,
    "1,2,3",
    "\x00",
    5,
    1.5,
    True,
    float("inf"),
    [],
    ["t0", ["t1"], {"x": 1}, None],
    {},
    {"p1": ["a1"], "p2": {"a": 1}, "a": "9" * 5000, "b": float("inf")},
    {"a": float("nan"), "b": None},
]

EVERY_SNAPSHOT = [
    snap("single", options=options(1, 0)),
    snap("true_false", options=options(1, 0)),
    snap("multiple", options=options("0.5", "0.5", 0)),
    snap("short_answer", accepted=[{"text": "x", "fraction": "1", "feedback": ""}]),
    TestNumerical.question,
    # A value stored before imports checked ranges must not break grading.
    snap(
        "numerical",
        accepted=[
            {"value": "1E+999999999", "tolerance": "0", "fraction": "1"},
            {"value": "3", "tolerance": "1E+999999999", "fraction": "1"},
            {"value": "kolme", "tolerance": "", "fraction": "1"},
        ],
    ),
    TestMatching.question,
    TestOrdering.question,
    snap("essay"),
    snap("description"),
]


@pytest.mark.parametrize("answer", STORED_ANSWERS, ids=repr)
def test_grading_never_raises_on_a_stored_answer(answer):
    for question in EVERY_SNAPSHOT:
        assert 0 <= grade(question, answer) <= 1
        message = validate_answer(question, answer)
        assert message is None or isinstance(message, str)


def test_unreadable_stored_values_never_match():
    question = EVERY_SNAPSHOT[5]
    assert grade(question, "3") == 0
    assert grade(question, "1e999999") == 0
