"""A trustee finishes a course, downloads the certificate, and anyone checks it."""

import pytest
from pypdf import PdfReader

from courses.certificate_codes import formatted
from courses.models import Certificate
from tests.factories import build_course, verified_user
from tests.factories.accounts import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user):
    page.goto("/tili/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/oma-opiskelu/")


def test_finish_download_and_check_in_finnish_and_swedish(page, axe_check, tmp_path):
    course = build_course(modules=1, lessons=1)
    lesson = course.get_children().first().get_children().first().specific
    trustee = verified_user(first_name="Kaisa", last_name="Kivelä")
    log_in(page, trustee)

    page.goto(lesson.url)
    page.get_by_role("button", name="Merkitse luetuksi").click()
    page.get_by_text("Olet lukenut tämän oppitunnin.").wait_for()
    page.goto("/oma-opiskelu/")
    axe_check(page)
    certificate = Certificate.objects.get(user=trustee)
    page.get_by_text(formatted(certificate.code)).wait_for()

    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa todistus (PDF)").click()
    saved = tmp_path / "todistus.pdf"
    download.value.save_as(saved)
    text = PdfReader(saved).pages[0].extract_text()
    assert "Kaisa Kivelä" in text and course.title in text

    page.get_by_role("link", name="Todistuksen julkinen tarkistussivu").click()
    page.get_by_role("heading", name="Todistus on voimassa").wait_for()
    axe_check(page)

    page.goto(f"/sv/intyg/{formatted(certificate.code)}/")
    page.get_by_role("heading", name="Intyget är giltigt").wait_for()
    axe_check(page)


def test_a_code_typed_wrong_is_explained_in_both_languages(page, axe_check):
    page.goto("/todistus/")
    axe_check(page)
    page.get_by_label("Tarkistuskoodi").fill("1234")
    page.get_by_role("button", name="Tarkista").click()
    page.get_by_text("Tämä ei ole tarkistuskoodi.").wait_for()
    assert page.get_by_label("Tarkistuskoodi").input_value() == "1234"
    axe_check(page)

    page.goto("/sv/intyg/")
    page.get_by_label("Kontrollkod").fill("ABCD-EFGH-JKMN-PQRS")
    page.get_by_role("button", name="Kontrollera").click()
    page.get_by_role(
        "heading", name="Det finns inget giltigt intyg med den här koden"
    ).wait_for()
    axe_check(page)
