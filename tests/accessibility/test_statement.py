"""The accessibility statement in each language, its known gaps and the footer link."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address, heading, status, gap",
    [
        (
            "/saavutettavuus/",
            "<h1>Saavutettavuusseloste</h1>",
            "Silta täyttää <strong>osittain</strong> WCAG 2.1 -ohjeiston AA-tason",
            "Todistusten PDF-tiedostot eivät ole saavutettavia",
        ),
        (
            "/sv/tillganglighet/",
            "<h1>Tillgänglighetsutlåtande</h1>",
            "Silta uppfyller <strong>delvis</strong> tillgänglighetskraven på nivå AA",
            "Intygens PDF-filer är inte tillgängliga",
        ),
        (
            "/en/accessibility/",
            "<h1>Accessibility statement</h1>",
            "Silta <strong>partially conforms</strong> to the level AA requirements",
            "The certificate PDF files are not tagged PDFs",
        ),
    ],
)
def test_the_statement_speaks_its_language(client, address, heading, status, gap):
    response = client.get(address)
    assert response.status_code == 200
    html = response.text
    assert heading in html
    assert status in html
    assert gap in html
    assert "http://testserver/" in html  # which service: its address
    assert 'datetime="2026-12-01"' in html
    assert "https://www.saavutettavuusvaatimukset.fi/" in html


def test_every_known_gap_is_shown_once_with_its_criteria(client):
    html = client.get("/saavutettavuus/").text
    for fragment in (
        "Todistusten PDF-tiedostot",
        "Wagtail-julkaisujärjestelmän hallintanäkymä",
        "Sisällöntuottajien lataamien kuvien",
    ):
        assert html.count(fragment) == 1
    assert "WCAG-onnistumiskriteerit: 1.3.1" in html
    assert "WCAG-onnistumiskriteerit: 1.1.1" in html


def test_the_statement_gives_the_reply_time_and_the_form(client):
    html = client.get("/saavutettavuus/").text
    assert "vastaavat 14 päivän kuluessa" in html
    assert '<form method="post" action="/saavutettavuus/#feedback"' in html
    assert '<label for="id_message">Palautteesi</label>' in html


@pytest.mark.parametrize(
    "address, link",
    [
        ("/", '<a href="/saavutettavuus/">Saavutettavuusseloste</a>'),
        ("/sanasto/", '<a href="/saavutettavuus/">Saavutettavuusseloste</a>'),
        ("/sv/ordlista/", '<a href="/sv/tillganglighet/">Tillgänglighetsutlåtande</a>'),
        ("/saavutettavuus/", '<a href="/saavutettavuus/">Saavutettavuusseloste</a>'),
    ],
)
def test_the_footer_links_to_the_statement(client, address, link):
    response = client.get(address)
    assert response.status_code == 200
    footer = response.text.split('<footer class="site-footer">')[1]
    assert link in footer
