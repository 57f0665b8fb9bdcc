"""The Wagtail admin screens facilitators use most show no English in Finnish.

Wagtail's own Finnish catalogue is incomplete; Silta fills the gaps it shows
(courses.wagtail_admin_messages). A lookup that comes back unchanged is text
a Finnish facilitator would read in English.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from accounts.roles import FACILITATORS_GROUP
from courses.models import GlossaryTerm
from courses.wagtail_admin_messages import MESSAGES
from quizzes.analysis import analyse_quiz, analysis_csv
from quizzes.models import Question
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import build_course, verified_user
from tests.factories.courses import GlossaryTermFactory
from tests.factories.quizzes import build_quiz
from tests.gettext_lookups import gettext_lookups, untranslated

pytestmark = pytest.mark.django_db

# Text that reads the same in Finnish: a stream block's label and Django's
# file-size unit.
SAME_IN_FINNISH = frozenset({"Video", "%s MB"})


@pytest.fixture
def facilitator(client):
    user = verified_user(email="valmentaja@example.fi")
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    login_with_mfa(client, user, activate_totp(user))
    return user


def admin_screens():
    course = build_course(modules=1, lessons=1)
    module = course.get_children().specific().first()
    lesson = module.get_children().specific().first()
    quiz = build_quiz(parent=module)
    question = Question.objects.first()
    screens = [reverse("wagtailadmin_home")]
    for page in (course, module, lesson, quiz):
        screens.append(reverse("wagtailadmin_explore", args=[page.pk]))
        screens.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    for model, obj in ((Question, question), (GlossaryTerm, GlossaryTermFactory())):
        viewset = model.snippet_viewset
        screens.append(reverse(viewset.get_url_name("list")))
        screens.append(reverse(viewset.get_url_name("add")))
        if obj is not None:
            screens.append(reverse(viewset.get_url_name("edit"), args=[obj.pk]))
    screens += [
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("quizzes_import"),
        reverse("quizzes_analysis_index"),
        reverse("quizzes_analysis", args=[quiz.pk]),
        reverse("translation_status"),
        reverse("legal_index"),
    ]
    return screens


def test_admin_screens_have_no_english_in_finnish(client, facilitator):
    found = {}
    for url in admin_screens():
        with gettext_lookups() as lookups:
            response = client.get(url)
        assert response.status_code == 200, url
        for msgid in untranslated(lookups, SAME_IN_FINNISH):
            found.setdefault(msgid, url)
    assert found == {}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_wagtail_override_is_translated(language):
    with translation.override(language):
        missing = [msgid for msgid in MESSAGES if translation.gettext(msgid) == msgid]
    assert missing == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fi",
            "Kysymys,Tyyppi,Vastaukset,Helppousindeksi (%),Erotteluindeksi,"
            "Useimmin valittu väärä vastaus,Väärän vastauksen valintakerrat",
        ),
        (
            "sv",
            "Fråga,Typ,Svar,Lätthetsindex (%),Diskrimineringsindex,"
            "Vanligaste felaktiga svaret,Antal gånger det felaktiga svaret valdes",
        ),
    ],
)
def test_item_analysis_csv_headers_in_the_admin_language(language, expected):
    """The CSV opens in a spreadsheet, where English column names would stay."""
    with translation.override(language):
        header = analysis_csv(analyse_quiz(build_quiz())).splitlines()[0]
    assert header == expected
