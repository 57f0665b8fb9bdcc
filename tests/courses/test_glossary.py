"""Glossary terms: linked where a lesson first uses them, listed alphabetically."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import FACILITATORS_GROUP
from courses.glossary import entries, link_first_uses, load_glossary, sort_key
from courses.models import GlossaryTerm
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import verified_user
from tests.factories.courses import GlossaryTermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    return [
        GlossaryTermFactory(
            term="kunnanhallitus",
            slug="kunnanhallitus",
            term_sv="kommunstyrelse",
            definition="Johtaa kunnan toimintaa.",
            definition_sv="Leder kommunens verksamhet.",
            forms="kunnanhallit, kunnanhallituks",
        ),
        GlossaryTermFactory(
            term="tarkastuslautakunta",
            slug="tarkastuslautakunta",
            term_sv="revisionsnämnd",
            definition="Arvioi tavoitteiden toteutumista.",
            definition_sv="Utvärderar målen.",
            forms="tarkastuslautakun",
        ),
        GlossaryTermFactory(
            term="lautakunta",
            slug="lautakunta",
            term_sv="nämnd",
            definition="Toimialan toimielin.",
            definition_sv="Ett organ för en sektor.",
            forms="lautakun",
        ),
        GlossaryTermFactory(term="ääni", slug="aani", term_sv="part"),
    ]


def test_the_first_use_in_running_text_is_linked_inflected(terms):
    body = (
        "<h2>Kunnanhallitus</h2><p>Kunnanhallituksen jäsen ja kunnanhallitus.</p>"
        "<p>Tarkastuslautakunnan tehtävä.</p>"
    )
    html = link_first_uses(body, terms, "fi")
    url = reverse("glossary")
    assert "<h2>Kunnanhallitus</h2>" in html  # headings are left alone
    assert f'href="{url}#kunnanhallitus"' in html
    assert html.count('class="term"') == 2
    assert '">Kunnanhallituksen</a> jäsen ja kunnanhallitus.' in html
    # A compound is its own term: "lautakunta" is not found inside it.
    assert "#tarkastuslautakunta" in html and "#lautakunta" not in html


def test_text_inside_links_is_not_linked_and_definitions_are_escaped(terms):
    terms[2].definition = 'Elin "x" <b>'
    html = link_first_uses(
        '<p><a href="/x">lautakunta</a> lautakunnalle</p>', terms, "fi"
    )
    assert '<a href="/x">lautakunta</a> <a class="term"' in html
    assert 'data-definition="Elin &quot;x&quot; &lt;b&gt;"' in html


def test_swedish_text_matches_swedish_terms_as_whole_words(terms):
    html = link_first_uses("<p>Partiet och en part i ärendet.</p>", terms, "sv")
    assert "Partiet och en" in html and '">part</a> i' in html


def test_alphabetical_in_each_language(terms):
    assert [e.headword for e in entries("fi")] == [
        "kunnanhallitus",
        "lautakunta",
        "tarkastuslautakunta",
        "ääni",
    ]
    assert [e.headword for e in entries("sv")][:2] == ["kommunstyrelse", "nämnd"]
    assert sort_key("ö") > sort_key("ä") > sort_key("å") > sort_key("z")


def test_the_glossary_page_lists_terms_with_anchors(client, terms):
    response = client.get(reverse("glossary"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="kunnanhallitus"' in html and "Johtaa kunnan toimintaa." in html
    response = client.get("/sv/ordlista/")
    assert "Leder kommunens verksamhet." in response.content.decode()


def test_the_glossary_page_costs_the_same_queries_for_more_terms(
    client, terms, django_assert_num_queries
):
    client.get(reverse("glossary"))  # session, site and translations warmed up
    with django_assert_num_queries(1) as first:
        client.get(reverse("glossary"))
    GlossaryTermFactory.create_batch(30)
    with django_assert_num_queries(len(first)):
        html = client.get(reverse("glossary")).content.decode()
    assert html.count('class="glossary-entry"') == 34


def test_loading_adds_new_terms_and_keeps_edited_ones(tmp_path, terms):
    terms[0].definition = "Toimittajan määritelmä."
    terms[0].save()
    path = tmp_path / "glossary.yaml"
    path.write_text(
        "- {term: kunnanhallitus, slug: kunnanhallitus, sv: kommunstyrelse,"
        " definition: Uusi, definition_sv: Ny}\n"
        "- {term: valtuusto, slug: valtuusto, sv: fullmäktige,"
        " definition: Ylin elin., definition_sv: Högsta organet., forms: [valtuust]}\n",
        encoding="utf-8",
    )
    assert load_glossary(path) == (1, 1)
    assert GlossaryTerm.objects.get(slug="kunnanhallitus").definition == (
        "Toimittajan määritelmä."
    )
    assert GlossaryTerm.objects.get(slug="valtuusto").forms == "valtuust"


def test_a_facilitator_adds_a_glossary_term_in_the_admin(client):
    user = verified_user()
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    login_with_mfa(client, user, activate_totp(user))
    add = reverse(GlossaryTerm.snippet_viewset.get_url_name("add"))
    response = client.post(
        add,
        {
            "term": "valtuustoaloite",
            "term_sv": "fullmäktigemotion",
            "slug": "valtuustoaloite",
            "definition": "Valtuutetun aloite valtuustolle.",
            "definition_sv": "En fullmäktigeledamots motion.",
            "forms": "valtuustoaloit",
            "forms_sv": "",
        },
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.filter(term="valtuustoaloite").exists()
