"""A question that cannot be answered right is refused, per type and in the admin."""

import json
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from accounts.roles import FACILITATORS_GROUP
from quizzes.interchange import ChoiceData
from quizzes.models import Question
from quizzes.question_types import question_type
from quizzes.question_types.numerical import is_number
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import QuestionCategoryFactory, QuestionFactory, verified_user
from tests.factories.quizzes import default_options


def choices(*specs) -> list[ChoiceData]:
    """(text, fraction) pairs, or (text, fraction, match_text) triples."""
    return [
        ChoiceData(
            text=s[0], fraction=Decimal(str(s[1])), match_text=(s[2:] or [""])[0]
        )
        for s in specs
    ]


def problems(kind, *specs) -> list[str]:
    with translation.override("en"):
        return question_type(kind).problems(choices(*specs))


@pytest.mark.parametrize("kind", [k for k, _ in Question.Type.choices])
def test_factory_defaults_are_valid(kind):
    """Every type's default options (what the other tests use) pass the rules."""
    specs = []
    for spec in default_options(kind):
        if isinstance(spec, dict):
            specs.append(
                ChoiceData(
                    text=spec["text"],
                    fraction=Decimal(str(spec.get("fraction", 0))),
                    match_text=spec.get("match_text", ""),
                )
            )
        else:
            specs.append(ChoiceData(text=spec[0], fraction=Decimal(str(spec[1]))))
    assert question_type(kind).problems(specs) == []


def test_single_choice():
    assert problems("single", ("Valtuusto", 1), ("Hallitus", 0)) == []
    assert problems("single", ("Valtuusto", 0.5), ("Hallitus", 0)) == [
        "A single-choice question needs one option worth all the points (fraction 1)."
    ]
    assert problems("single", ("Valtuusto", 1)) == [
        "A single-choice question needs at least two options."
    ]
    assert len(problems("single")) == 2


def test_multiple_choice():
    assert problems("multiple", ("A", 0.5), ("B", 0.5), ("C", -1)) == []
    assert problems("multiple", ("A", 0.33333), ("B", 0.33333), ("C", 0.33333)) == []
    assert problems("multiple", ("A", 0), ("B", -0.5)) == [
        "A multiple-choice question needs at least one right option with a "
        "positive fraction."
    ]
    assert problems("multiple", ("A", 0.5), ("B", 0)) == [
        "The positive fractions of a multiple-choice question must add up to 1 "
        "(all the points); now they add up to 0.5."
    ]
    assert problems("multiple", ("A", 1), ("B", 1)) == [
        "The positive fractions of a multiple-choice question must add up to 1 "
        "(all the points); now they add up to 2."
    ]
    assert "at least two options" in problems("multiple", ("A", 1))[0]


def test_true_false():
    assert problems("true_false", ("true", 1), ("false", 0)) == []
    assert problems("true_false", ("false", 1), ("true", 0)) == []
    wrong_texts = (
        "A true/false question needs exactly two options, with the texts "
        "“true” and “false”."
    )
    assert problems("true_false", ("Tosi", 1), ("Epätosi", 0)) == [wrong_texts]
    assert problems("true_false", ("true", 1)) == [wrong_texts]
    assert problems("true_false", ("true", 1), ("false", 0), ("true", 0)) == [
        wrong_texts
    ]
    one_right = (
        "In a true/false question exactly one of “true” and “false” must be worth "
        "all the points (fraction 1)."
    )
    assert problems("true_false", ("true", 0), ("false", 0)) == [one_right]
    assert problems("true_false", ("true", 1), ("false", 1)) == [one_right]


def test_short_answer():
    assert problems("short_answer", ("valtuusto", 1), ("lautakunta", 0.5)) == []
    message = (
        "A short-answer question needs an accepted answer worth all the points "
        "(fraction 1)."
    )
    assert problems("short_answer") == [message]
    assert problems("short_answer", ("lautakunta", 0.5)) == [message]
    assert problems("short_answer", ("   ", 1)) == [message]


def test_numerical():
    assert problems("numerical", ("3.5", 1), ("-2", 0.5)) == []
    # Grading reads a stored comma as learners' answers are read.
    assert problems("numerical", ("3,5", 1)) == []
    assert problems("numerical", ("kolme", 1)) == [
        "“kolme” is not a number. Write a numerical answer with a decimal point, "
        "for example 3.5.",
        "A numerical question needs a numeric answer worth all the points "
        "(fraction 1).",
    ]
    assert problems("numerical", ("1e999999999", 1)) == [
        "“1e999999999” is too large a number.",
        "A numerical question needs a numeric answer worth all the points "
        "(fraction 1).",
    ]
    assert problems("numerical", ("14", 0.5)) == [
        "A numerical question needs a numeric answer worth all the points (fraction 1)."
    ]
    assert len(problems("numerical")) == 1
    assert not is_number("Infinity") and not is_number("NaN") and not is_number("")
    assert is_number(" 1e3 ") and is_number("3,5")
    assert not is_number("1e999999999") and not is_number("1e-999999999")


def test_matching():
    pairs = [("Valtuusto", 0, "Päättää"), ("Hallitus", 0, "Valmistelee")]
    assert problems("matching", *pairs) == []
    assert problems("matching", *pairs, ("", 0, "Harhautus")) == []
    assert problems("matching", pairs[0], ("", 0, "Harhautus")) == [
        "A matching question needs at least two pairs of an item and its matching "
        "answer."
    ]
    assert problems("matching", *pairs, ("Lautakunta", 0, "")) == [
        "The item “Lautakunta” of a matching question has no matching answer."
    ]


def test_ordering():
    assert problems("ordering", ("Kokouskutsu", 0), ("Päätös", 0)) == []
    assert problems("ordering", ("Kokouskutsu", 0)) == [
        "An ordering question needs at least two items."
    ]


@pytest.mark.parametrize("kind", ["essay", "description", "unknown"])
def test_ungraded_types_need_no_options(kind):
    assert problems(kind) == []
    assert problems(kind, ("mitä tahansa", 0)) == []


def test_messages_are_translated():
    finnish = question_type("ordering").problems([])
    assert finnish == ["Järjestämiskysymyksessä on oltava vähintään kaksi kohtaa."]
    with translation.override("sv"):
        swedish = question_type("ordering").problems([])
    assert swedish == ["En ordningsfråga behöver minst två punkter."]


def draftail(text: str) -> str:
    """A rich-text field value as the Draftail editor posts it."""
    block = {
        "key": "a",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def question_post(category, options: list[tuple[str, str]], ids=()) -> dict:
    """The snippet editor's POST body for a single-choice question.

    `ids` are the primary keys of existing options, for the edit view.
    """
    data = {
        "name": "Talousarvio",
        "category": str(category.pk),
        "type": "single",
        "text": draftail("Kuka päättää talousarviosta?"),
        "points": "1",
        "choices-TOTAL_FORMS": str(len(options)),
        "choices-INITIAL_FORMS": str(len(ids)),
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index, (text, fraction) in enumerate(options):
        prefix = f"choices-{index}-"
        data |= {
            f"{prefix}text": text,
            f"{prefix}match_text": "",
            f"{prefix}fraction": fraction,
            f"{prefix}tolerance": "0",
            f"{prefix}ORDER": str(index + 1),
            f"{prefix}DELETE": "",
            f"{prefix}id": str(ids[index]) if index < len(ids) else "",
        }
    return data


SINGLE_WITHOUT_RIGHT = (
    "Yhden vastauksen monivalinnassa yhden vaihtoehdon on oltava kaikkien "
    "pisteiden arvoinen (osuus 1)."
)


@pytest.fixture
def facilitator_client(client, db):
    user = verified_user(email="fasilitaattori@example.fi", is_staff=True)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    login_with_mfa(client, user, activate_totp(user))
    return client


@pytest.mark.django_db
def test_admin_refuses_single_choice_without_right_option(facilitator_client):
    category = QuestionCategoryFactory()
    url = reverse("wagtailsnippets_quizzes_question:add")
    response = facilitator_client.post(
        url, question_post(category, [("Valtuusto", "0.5"), ("Hallitus", "0")])
    )
    assert response.status_code == 200
    assert SINGLE_WITHOUT_RIGHT in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_deleting_the_right_option(facilitator_client):
    """A deleted option does not count, even if it was the right one."""
    category = QuestionCategoryFactory()
    data = question_post(category, [("Valtuusto", "1"), ("Hallitus", "0")])
    data["choices-0-DELETE"] = "1"
    response = facilitator_client.post(
        reverse("wagtailsnippets_quizzes_question:add"), data
    )
    assert response.status_code == 200
    assert SINGLE_WITHOUT_RIGHT in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_admin_edit_keeps_the_saved_question(facilitator_client):
    """Editing a question into an unanswerable one changes nothing stored."""
    question = QuestionFactory(name="Talousarvio")
    saved = list(question.choices.values_list("pk", "text", "fraction"))
    options = [(text, str(fraction)) for _pk, text, fraction in saved]
    options[0] = (options[0][0], "0")
    response = facilitator_client.post(
        reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk]),
        question_post(question.category, options, ids=[pk for pk, *_ in saved]),
    )
    assert response.status_code == 200
    assert SINGLE_WITHOUT_RIGHT in response.content.decode()
    assert list(question.choices.values_list("pk", "text", "fraction")) == saved


@pytest.mark.django_db
def test_admin_saves_a_valid_question(facilitator_client):
    category = QuestionCategoryFactory()
    response = facilitator_client.post(
        reverse("wagtailsnippets_quizzes_question:add"),
        question_post(category, [("Valtuusto", "1"), ("Hallitus", "0")]),
    )
    assert response.status_code == 302
    question = Question.objects.get(name="Talousarvio")
    assert [(c.text, c.fraction) for c in question.choices.all()] == [
        ("Valtuusto", 1),
        ("Hallitus", 0),
    ]


@pytest.mark.django_db
def test_admin_stores_a_decimal_comma_as_a_point(facilitator_client):
    """Facilitators write 3,5 as Finns do; grading reads the stored 3.5."""
    category = QuestionCategoryFactory()
    data = question_post(category, [("3,5", "1")])
    data["type"] = "numerical"
    response = facilitator_client.post(
        reverse("wagtailsnippets_quizzes_question:add"), data
    )
    assert response.status_code == 302
    assert Question.objects.get().choices.get().text == "3.5"


def numerical_post(category, *, points="1", value="3.5", tolerance="0") -> dict:
    data = question_post(category, [(value, "1")])
    data |= {"type": "numerical", "points": points, "choices-0-tolerance": tolerance}
    return data


def editor_errors(response) -> list[str]:
    """Every error message of the question editor's form and its options."""
    form = response.context["form"]
    messages = [m for errors in form.errors.values() for m in errors]
    for option in form.formsets["choices"].forms:
        messages += [m for errors in option.errors.values() for m in errors]
    return messages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"points": "1e6"}, "Tässä luvussa voi olla yhteensä enintään 6 numeroa."),
        ({"points": "10000"}, "enintään 4 numeroa ennen desimaalipilkkua"),
        ({"points": "-1"}, "0"),
        ({"tolerance": "1e20"}, "enintään 12 numeroa"),
        ({"tolerance": "1e999999999"}, "enintään 12 numeroa"),
        ({"tolerance": "-1"}, "0"),
        ({"value": "1e999999999"}, "”1e999999999” on liian suuri luku."),
        ({"value": "0,0000000000001"}, "liikaa desimaaleja"),
    ],
)
def test_admin_shows_a_message_for_out_of_range_numbers(
    facilitator_client, fields, message
):
    category = QuestionCategoryFactory()
    response = facilitator_client.post(
        reverse("wagtailsnippets_quizzes_question:add"),
        numerical_post(category, **fields),
    )
    assert response.status_code == 200
    errors = editor_errors(response)
    assert any(message in error for error in errors), errors
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_a_nul_character(facilitator_client):
    category = QuestionCategoryFactory()
    data = question_post(category, [("Valtuusto\x00", "1"), ("Hallitus", "0")])
    data["name"] = "Talous\x00arvio"
    response = facilitator_client.post(
        reverse("wagtailsnippets_quizzes_question:add"), data
    )
    assert response.status_code == 200
    assert not Question.objects.exists()
