"""The certificate PDF carries its facts as text, in the certificate's language."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from courses.certificate_pdf import render_pdf, store_pdf, verification_url
from courses.models import Certificate
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

CODE = "ABCDEFGHJKMNPQRS"


def certificate(language="fi", **fields) -> Certificate:
    return Certificate.objects.create(
        user=verified_user(),
        code=CODE,
        language=language,
        name=fields.get("name", "Äijä Östman-Åberg"),
        course_title="Luottamushenkilön perusteet",
        module_titles=["Rooli ja tehtävät", "Päätöksenteko ja esteellisyys"],
    )


def text_of(pdf: bytes) -> str:
    reader = PdfReader(BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_finnish_pdf_names_the_person_course_modules_date_and_code(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    made = certificate()
    pdf = render_pdf(made)
    text = text_of(pdf)
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(BytesIO(pdf)).pages) == 1
    for expected in (
        "Todistus",
        "Äijä Östman-Åberg",
        "on suorittanut kurssin",
        "Luottamushenkilön perusteet",
        "Rooli ja tehtävät",
        "Päätöksenteko ja esteellisyys",
        "ABCD-EFGH-JKMN-PQRS",
        "http://127.0.0.1:8000/todistus/ABCD-EFGH-JKMN-PQRS/",
        made.issued_at.strftime("%-d.%-m.%Y"),
    ):
        assert expected in text
    assert PdfReader(BytesIO(pdf)).metadata.title.startswith("Todistus")


def test_the_swedish_pdf_speaks_swedish_and_links_the_swedish_check():
    text = text_of(render_pdf(certificate(language="sv")))
    assert "Intyg" in text
    assert "har genomgått kursen" in text
    assert "/sv/intyg/ABCD-EFGH-JKMN-PQRS/" in text
    assert "Todistus" not in text


def test_the_verification_url_is_absolute_and_in_the_certificates_language(
    settings,
):
    settings.WAGTAILADMIN_BASE_URL = "https://silta.example.fi/"
    made = certificate(language="sv")
    assert (
        verification_url(made)
        == "https://silta.example.fi/sv/intyg/ABCD-EFGH-JKMN-PQRS/"
    )


def test_a_long_course_title_wraps_instead_of_running_off_the_page():
    made = certificate()
    made.course_title = "Kunnan talous, " * 12
    text = text_of(render_pdf(made))
    assert text.count("Kunnan talous") == 12


def test_the_pdf_is_rendered_once_and_kept():
    made = certificate()
    first = store_pdf(made)
    Certificate.objects.filter(pk=made.pk).update(name="Toinen Nimi")
    again = Certificate.objects.get(pk=made.pk)
    assert store_pdf(again) == first
    assert "Äijä Östman-Åberg" in text_of(bytes(again.pdf))
