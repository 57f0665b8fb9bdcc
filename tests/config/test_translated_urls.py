"""The site's own paths are in the page's language; old Finnish ones redirect."""

import shutil
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from accounts.language import url_in_language
from courses.loader import CURRICULUM_DIR, load_curriculum, swedish_home
from courses.models import CoursePage, LessonPage, ModulePage
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    home_page,
)

pytestmark = pytest.mark.django_db

ROUTES = [
    # (name, args, Finnish, Swedish, English)
    ("my_studies", [], "/oma-opiskelu/", "/sv/mina-studier/", "/en/my-studies/"),
    ("glossary", [], "/sanasto/", "/sv/ordlista/", "/en/glossary/"),
    (
        "download_certificate",
        [7],
        "/oma-opiskelu/todistukset/7/",
        "/sv/mina-studier/intyg/7/",
        "/en/my-studies/certificates/7/",
    ),
    ("check_certificate", [], "/todistus/", "/sv/intyg/", "/en/certificate/"),
    (
        "verify_certificate",
        ["ABCD"],
        "/todistus/ABCD/",
        "/sv/intyg/ABCD/",
        "/en/certificate/ABCD/",
    ),
    (
        "complete_lesson",
        [3],
        "/oppitunnit/3/suorita/",
        "/sv/lektioner/3/slutfor/",
        "/en/lessons/3/complete/",
    ),
    (
        "quiz_start",
        [4],
        "/tentit/4/aloita/",
        "/sv/prov/4/borja/",
        "/en/quizzes/4/start/",
    ),
    ("quiz_attempt", [5], "/suoritukset/5/", "/sv/provforsok/5/", "/en/attempts/5/"),
    (
        "quiz_review",
        [5],
        "/suoritukset/5/tulos/",
        "/sv/provforsok/5/resultat/",
        "/en/attempts/5/result/",
    ),
    (
        "quiz_share_essay",
        [5, 2],
        "/suoritukset/5/vastaukset/2/jako/",
        "/sv/provforsok/5/svar/2/dela/",
        "/en/attempts/5/answers/2/share/",
    ),
    ("account_login", [], "/tili/login/", "/sv/konto/login/", "/en/account/login/"),
    ("account_profile", [], "/omat-tiedot/", "/sv/mina-uppgifter/", "/en/my-details/"),
    (
        "account_data",
        [],
        "/omat-tiedot/lataa/",
        "/sv/mina-uppgifter/ladda-ner/",
        "/en/my-details/download/",
    ),
    (
        "account_data_summary",
        [],
        "/omat-tiedot/yhteenveto/",
        "/sv/mina-uppgifter/sammandrag/",
        "/en/my-details/summary/",
    ),
    (
        "account_delete",
        [],
        "/omat-tiedot/poista/",
        "/sv/mina-uppgifter/radera/",
        "/en/my-details/delete/",
    ),
    ("privacy_notice", [], "/tietosuoja/", "/sv/dataskydd/", "/en/privacy/"),
    (
        "accessibility_statement",
        [],
        "/saavutettavuus/",
        "/sv/tillganglighet/",
        "/en/accessibility/",
    ),
    ("my_municipality", [], "/oma-kunta/", "/sv/min-kommun/", "/en/my-municipality/"),
    (
        "reminder_preference",
        [],
        "/oma-kunta/muistutukset/",
        "/sv/min-kommun/paminnelser/",
        "/en/my-municipality/reminders/",
    ),
    ("invitation", ["t0k"], "/kutsu/t0k/", "/sv/inbjudan/t0k/", "/en/invitation/t0k/"),
    (
        "coordinator_index",
        [],
        "/koordinaattori/",
        "/sv/kontaktperson/",
        "/en/coordinator/",
    ),
    (
        "coordinator_invitation_new",
        ["091"],
        "/koordinaattori/091/kutsut/uusi/",
        "/sv/kontaktperson/091/inbjudningar/ny/",
        "/en/coordinator/091/invitations/new/",
    ),
    (
        "coordinator_export_csv",
        ["091"],
        "/koordinaattori/091/vienti.csv",
        "/sv/kontaktperson/091/export.csv",
        "/en/coordinator/091/export.csv",
    ),
]


def reverse_in(language, name, args=()):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize(("name", "args", "fi", "sv", "en"), ROUTES)
def test_each_route_has_a_path_in_each_language(name, args, fi, sv, en):
    assert [reverse_in(lang, name, args) for lang in ("fi", "sv", "en")] == [fi, sv, en]


@pytest.mark.parametrize(
    "path",
    [
        "/sv/ordlista/",
        "/en/glossary/",
        "/sv/dataskydd/",
        "/en/privacy/",
        "/sv/tillganglighet/",
        "/en/accessibility/",
        "/sv/intyg/",
        "/en/certificate/",
        "/sv/konto/login/",
        "/en/account/login/",
    ],
)
def test_public_pages_open_at_their_translated_path(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == path[1:3]


@pytest.mark.parametrize(
    ("path", "login"),
    [
        ("/sv/mina-studier/", "/sv/konto/login/?next=/sv/mina-studier/"),
        ("/en/my-studies/", "/en/account/login/?next=/en/my-studies/"),
        ("/sv/mina-uppgifter/", "/sv/konto/login/?next=/sv/mina-uppgifter/"),
        ("/en/my-municipality/", "/en/account/login/?next=/en/my-municipality/"),
    ],
)
def test_personal_pages_send_to_the_login_in_the_same_language(client, path, login):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == login


def test_personal_pages_open_at_their_translated_path(client, trustee):
    client.force_login(trustee)
    assert client.get("/sv/mina-studier/").status_code == 200
    assert client.get("/en/my-details/").status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/sv/oma-opiskelu/", "/sv/mina-studier/"),
        ("/en/oma-opiskelu/", "/en/my-studies/"),
        (
            "/sv/tili/login/?next=/sv/mina-studier/",
            "/sv/konto/login/?next=/sv/mina-studier/",
        ),
        ("/en/tili/password/reset/", "/en/account/password/reset/"),
        ("/sv/sanasto/?q=jav", "/sv/ordlista/?q=jav"),
        ("/sv/todistus/ABCD-EFGH/", "/sv/intyg/ABCD-EFGH/"),
        ("/en/tietosuoja/", "/en/privacy/"),
        ("/sv/saavutettavuus/", "/sv/tillganglighet/"),
        ("/sv/kutsu/t0k/", "/sv/inbjudan/t0k/"),
        ("/sv/koordinaattori/091/kutsut/", "/sv/kontaktperson/091/inbjudningar/"),
    ],
)
def test_old_finnish_paths_under_a_prefix_redirect_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response.url == new


def test_a_posted_old_path_is_not_redirected(client):
    assert client.post("/sv/oppitunnit/1/suorita/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/sv/finns-inte/", "/en/nowhere/", "/sv/intyg/NOPE/", "/oma-opiskelu/x/"]
)
def test_unknown_paths_still_find_nothing(client, path):
    assert client.get(path).status_code == 404


def test_an_old_path_to_nothing_ends_in_one_redirect_and_a_404(client):
    response = client.get("/sv/todistus/NOPE/", follow=True)
    assert response.redirect_chain == [("/sv/intyg/NOPE/", 301)]
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/oma-opiskelu/", "sv", "/sv/mina-studier/"),
        ("/sv/mina-studier/", "fi", "/oma-opiskelu/"),
        ("/sv/mina-studier/", "en", "/en/my-studies/"),
        (
            "/en/account/login/?next=/en/my-studies/",
            "sv",
            "/sv/konto/login/?next=/en/my-studies/",
        ),
        ("/sv/intyg/ABCD/", "fi", "/todistus/ABCD/"),
    ],
)
def test_the_language_switcher_maps_paths_both_ways(url, language, expected):
    assert url_in_language(url, language) == expected


def test_the_switcher_links_on_a_swedish_page_lead_to_its_other_languages(client):
    html = client.get("/sv/ordlista/").content.decode()
    assert 'href="/sanasto/"' in html
    assert 'href="/en/glossary/"' in html


# --- Pages: Swedish slugs, and the way from a Finnish one ---------------------


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(CURRICULUM_DIR, root)
    return root


def test_swedish_pages_get_swedish_slugs_from_the_loader(content):
    course_file = content / "course.md"
    course_file.write_text(
        course_file.read_text().replace("sv:\n", "sv:\n  slug: sparrning\n", 1)
    )
    load_curriculum(root=content)

    sv_course = CoursePage.objects.get(locale__language_code="sv")
    assert sv_course.slug == "sparrning"  # given in front matter
    modules = ModulePage.objects.child_of(sv_course).order_by("path")
    assert modules[1].slug == "den-fortroendevaldas-roll-rattigheter-och-ansvar"
    assert modules[1].url == (
        "/sv/sparrning/den-fortroendevaldas-roll-rattigheter-och-ansvar/"
    )
    finnish = ModulePage.objects.get(
        translation_key=modules[1].translation_key, locale__language_code="fi"
    )
    assert finnish.slug == "luottamushenkilon-rooli"


def test_sibling_titles_that_slugify_alike_get_numbers(content):
    for name in ("01-*.md", "02-*.md"):
        lesson_file = next(content.glob(f"02-*/{name}"))
        text = lesson_file.read_text()
        title = text.split("sv:\n  title: ", 1)[1].split("\n", 1)[0]
        lesson_file.write_text(
            text.replace(f"  title: {title}", "  title: Rätt och fel", 1)
        )
    load_curriculum(root=content)

    slugs = sorted(
        LessonPage.objects.filter(
            locale__language_code="sv", title="Rätt och fel"
        ).values_list("slug", flat=True)
    )
    assert slugs == ["ratt-och-fel", "ratt-och-fel-2"]


@pytest.fixture
def pages():
    """A Finnish course and module, with Swedish translations under Swedish slugs."""
    course = CoursePageFactory(title="Kurssi", slug="kurssi")
    module = ModulePageFactory(parent=course, title="Moduuli", slug="moduuli")
    untranslated = LessonPageFactory(parent=module, title="Uusi", slug="uusi")
    swedish = Locale.objects.get(language_code="sv")
    sv_course = CoursePageFactory(
        parent=swedish_home(home_page()),
        title="Kurs",
        slug="kurs",
        locale=swedish,
        translation_key=course.translation_key,
    )
    ModulePageFactory(
        parent=sv_course,
        title="Modul",
        slug="modul",
        locale=swedish,
        translation_key=module.translation_key,
    )
    return untranslated


def test_a_finnish_slug_under_sv_redirects_to_the_swedish_page(client, pages):
    response = client.get("/sv/kurssi/moduuli/?a=1")
    assert response.status_code == 301
    assert response.url == "/sv/kurs/modul/?a=1"
    assert "<h1>Modul</h1>" in client.get(response.url).content.decode()


def test_an_untranslated_page_under_sv_is_still_shown_in_finnish(client, pages):
    response = client.get("/sv/kurssi/moduuli/uusi/")
    assert response.status_code == 200
    assert "<h1>Uusi</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "target"),
    [("/kurs/modul/", "/kurssi/moduuli/"), ("/en/kurs/modul/", "/en/kurssi/moduuli/")],
)
def test_a_swedish_slug_in_another_language_leads_to_its_finnish_page(
    client, pages, path, target
):
    response = client.get(path)
    assert response.status_code == 301
    assert response.url == target


def test_the_switcher_on_a_swedish_page_reaches_the_finnish_page(
    client, trustee, pages
):
    client.force_login(trustee)
    response = client.post(
        reverse("switch_language"),
        {"language": "fi", "next": "/sv/kurs/modul/"},
        follow=True,
    )
    assert response.redirect_chain[-1] == ("/kurssi/moduuli/", 301)
    assert "<h1>Moduuli</h1>" in response.content.decode()
