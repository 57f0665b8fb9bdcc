"""A coordinator follows trustees in Chromium: second factor, dashboard, export."""

import csv
import io
import re
from urllib.parse import urlparse

import pytest
from django.core import mail

from courses.lessons import mark_lesson_complete
from municipalities.models import Body, Coordinator, Membership, Municipality
from tests.accounts.helpers import activate_totp, code_from_mail, current_code
from tests.factories import build_course, verified_user
from tests.factories.accounts import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_sees_a_finished_lesson_and_exports_it(page, axe_check):
    course = build_course(modules=1, lessons=1)
    lesson = course.get_children().first().get_children().first().specific
    town = Municipality.objects.create(code="091", name_fi="Helsinki", in_network=True)
    council = Body.objects.create(municipality=town, kind="council", name="Valtuusto")
    trustee = verified_user(email="tiina@example.fi", first_name="Tiina")
    Membership.objects.create(user=trustee, body=council)
    coordinator = verified_user(email="kalle@example.fi")
    Coordinator.objects.create(user=coordinator, municipality=town)
    secret = activate_totp(coordinator)

    page.goto("/koordinaattori/")
    page.wait_for_url("**/tili/login/**")
    page.locator("#id_login").fill(coordinator.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.locator("#id_code").fill(current_code(secret))
    page.locator("#id_code").press("Enter")
    page.wait_for_url("**/koordinaattori/091/")
    axe_check(page)
    row = page.locator("tbody tr", has_text="tiina@example.fi")
    assert "Ei aloitettu" in row.inner_text()

    mark_lesson_complete(user=trustee, lesson=lesson)
    page.reload()
    assert (
        "Valmis" in page.locator("tbody tr", has_text="tiina@example.fi").inner_text()
    )
    axe_check(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text("utf-8-sig"))))
    trustee_row = next(r for r in rows if "tiina@example.fi" in r)
    assert any(cell.startswith("Valmis") for cell in trustee_row)


def test_trustee_reads_what_the_coordinator_sees(page, axe_check):
    town = Municipality.objects.create(code="091", name_fi="Helsinki", in_network=True)
    board = Body.objects.create(municipality=town, kind="board", name="Hallitus")
    trustee = verified_user(email="tiina@example.fi")
    Membership.objects.create(user=trustee, body=board, role="chair")
    page.goto("/tili/login/?next=/oma-kunta/")
    page.locator("#id_login").fill(trustee.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.wait_for_url("**/oma-kunta/")
    assert "Hallitus" in page.locator("main").inner_text()
    axe_check(page)


def _log_in_with_code(page, user, secret, start):
    page.goto(start)
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.locator("#id_code").fill(current_code(secret))
    page.locator("#id_code").press("Enter")


def test_invited_trustee_accepts_studies_and_shows_on_the_dashboard(
    page, chromium, live_server, axe_check
):
    """The whole path: invite, e-mail, signup by code, accept, study, follow."""
    course = build_course(modules=1, lessons=1)
    lesson = course.get_children().first().get_children().first().specific
    town = Municipality.objects.create(code="091", name_fi="Helsinki", in_network=True)
    Body.objects.create(municipality=town, kind="council", name="Valtuusto")
    coordinator = verified_user(email="kalle@example.fi")
    Coordinator.objects.create(user=coordinator, municipality=town)
    secret = activate_totp(coordinator)

    _log_in_with_code(page, coordinator, secret, "/koordinaattori/091/kutsut/uusi/")
    page.wait_for_url("**/koordinaattori/091/kutsut/uusi/")
    axe_check(page)
    page.get_by_label("Sähköpostiosoite").fill("uusi.jasen@example.fi")
    page.get_by_label("Etunimi").fill("Ulla")
    page.get_by_label("Sukunimi").fill("Uusi")
    page.get_by_label("Toimielin").select_option(label="Valtuusto (Helsinki)")
    page.get_by_role("button", name=re.compile("Lähetä kutsu")).click()
    page.wait_for_url("**/koordinaattori/091/kutsut/")
    axe_check(page)
    invitation = mail.outbox[-1]
    assert invitation.to == ["uusi.jasen@example.fi"]
    link = re.search(r"https?://\S+/kutsu/\S+/", invitation.body).group(0)

    trustee_context = chromium.new_context(base_url=live_server.url, locale="fi-FI")
    trustee = trustee_context.new_page()
    trustee.goto(urlparse(link).path)
    axe_check(trustee)
    trustee.get_by_role("link", name="Rekisteröidy").last.click()
    trustee.locator("#id_email").fill("uusi.jasen@example.fi")
    trustee.locator("#id_password1").fill("Kuntatalous-2025!")
    trustee.locator("#id_password2").fill("Kuntatalous-2025!")
    trustee.get_by_role("button", name="Rekisteröidy").click()
    trustee.locator("#id_code").fill(code_from_mail(mail.outbox[-1]))
    trustee.get_by_role("button", name="Vahvista").click()
    trustee.get_by_role("button", name="Hyväksy kutsu").click()
    trustee.goto(lesson.url)
    trustee.get_by_role("button", name="Merkitse luetuksi").click()
    trustee.get_by_text("Olet lukenut tämän oppitunnin.").wait_for()
    trustee_context.close()

    page.goto("/koordinaattori/091/")
    row = page.locator("tbody tr", has_text="uusi.jasen@example.fi")
    assert "Valmis" in row.inner_text()
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
