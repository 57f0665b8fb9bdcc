"""Error pages speak the request's language and link to pages in it."""

import pytest
from django.test import Client, RequestFactory

from config.views import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "heading", "home"),
    [
        ("/ei-ole/", "Sivua ei löytynyt", 'href="/">Siirry etusivulle'),
        ("/sv/finns-inte/", "Sidan hittades inte", 'href="/sv/">Gå till startsidan'),
        ("/en/not-here/", "Page not found", 'href="/en/">Go to the front page'),
    ],
)
def test_not_found_page_is_in_the_requested_language(client, path, heading, home):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert heading in html
    assert home in html


@pytest.mark.parametrize(
    ("path", "lang", "text", "home"),
    [
        ("/oma-opiskelu/", "fi", "Palvelussa tapahtui virhe", 'href="/"'),
        ("/sv/mina-studier/", "sv", "Ett fel inträffade i tjänsten", 'href="/sv/"'),
        ("/en/my-studies/", "en", "An error occurred in the service", 'href="/en/"'),
    ],
)
def test_server_error_page_is_in_the_language_of_the_address(path, lang, text, home):
    response = server_error(RequestFactory().get(path))
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
    assert home in html


def test_server_error_page_falls_back_to_a_plain_sentence(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template engine down")

    monkeypatch.setattr("config.views.loader.render_to_string", broken)
    response = server_error(RequestFactory().get("/sv/mina-studier/"))
    assert response.status_code == 500
    assert response.content.decode() == "Ett fel inträffade i tjänsten"


def test_csrf_failure_page_is_translated():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sv/konto/login/", {"login": "a@example.fi"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formuläret har gått ut" in html
    assert 'href="/sv/">Gå till startsidan' in html
