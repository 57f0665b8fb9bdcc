"""Sending accessibility feedback: stored once, mailed to the administrators,
spam thanked and dropped, errors explained at their fields, rate limited."""

import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils.html import escape

from accessibility.models import Feedback
from accounts.roles import FACILITATORS_GROUP
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

ADDRESS = "/saavutettavuus/"
THANKS_FI = (
    "Kiitos palautteestasi. Jos annoit sähköpostiosoitteen, vastaamme 14 päivän "
    "kuluessa."
)
MESSAGE = "Lomakkeen virheilmoitus ei näy ruudunlukijalla."
ADMIN_INDEX = "/admin/snippets/accessibility/feedback/"


@pytest.fixture(autouse=True)
def no_waiting(settings):
    """People in these tests are quick; the minimum time has tests of its own."""
    settings.ACCESSIBILITY_FEEDBACK_MIN_SECONDS = 0
    settings.ACCESSIBILITY_FEEDBACK_RECIPIENTS = ["saavutettavuus@example.fi"]


def token_from(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def form_data(client, address=ADDRESS, **fields):
    """What a person's browser sends: the fields plus the rendered token."""
    data = {
        "message": MESSAGE,
        "page_url": "/sanasto/",
        "email": "Tiina@Example.fi",
        "website": "",
        "token": token_from(client.get(address).text),
    }
    data.update(fields)
    return data


def send(client, address=ADDRESS, **fields):
    return client.post(address, form_data(client, address, **fields), follow=True)


def test_valid_feedback_is_stored_once_and_mailed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client)
    assert response.redirect_chain == [(ADDRESS + "#main", 302)]
    assert THANKS_FI in response.text
    feedback = Feedback.objects.get()
    assert feedback.message == MESSAGE
    assert feedback.page_url == "/sanasto/"
    assert feedback.email == "Tiina@Example.fi"
    assert feedback.language == "fi"
    assert feedback.user is None
    assert feedback.handled is False
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["saavutettavuus@example.fi"]
    assert sent.reply_to == ["Tiina@Example.fi"]
    assert sent.subject == "[Silta] Saavutettavuuspalaute"
    assert MESSAGE in sent.body
    assert f"http://testserver{ADMIN_INDEX}edit/{feedback.pk}/" in sent.body


def test_without_configured_recipients_the_active_superusers_get_it(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ACCESSIBILITY_FEEDBACK_RECIPIENTS = []
    verified_user(email="paakayttaja@example.fi", is_superuser=True)
    verified_user(email="entinen@example.fi", is_superuser=True, is_active=False)
    verified_user(email="tiina@example.fi")
    with django_capture_on_commit_callbacks(execute=True):
        send(client)
    assert [m.to for m in mail.outbox] == [["paakayttaja@example.fi"]]


def test_swedish_feedback_is_stored_as_swedish(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "/sv/tillganglighet/")
    assert response.redirect_chain == [("/sv/tillganglighet/#main", 302)]
    assert "Tack för din respons." in response.text
    assert Feedback.objects.get().language == "sv"


def test_a_logged_in_users_feedback_names_them(client, trustee):
    client.force_login(trustee)
    send(client)
    assert Feedback.objects.get().user == trustee


@pytest.mark.parametrize(
    "fields, field, error",
    [
        ({"message": ""}, "message", "Kirjoita palautteesi ennen lähettämistä."),
        ({"message": "   "}, "message", "Kirjoita palautteesi ennen lähettämistä."),
        (
            {"message": "a" * 5001},
            "message",
            "Palautteessa voi olla enintään 5000 merkkiä; nyt siinä on 5001.",
        ),
        (
            {"email": "tiina(at)example.fi"},
            "email",
            "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.",
        ),
        (
            {"page_url": "x" * 501},
            "page_url",
            "Sivun osoitteessa voi olla enintään 500 merkkiä.",
        ),
    ],
)
def test_bad_input_is_explained_at_the_field_and_nothing_is_lost(
    client, fields, field, error
):
    data = form_data(client, **fields)
    response = client.post(ADDRESS, data)
    assert response.status_code == 200
    html = response.text
    assert f'<p class="field-errors" id="{field}-error">{error}</p>' in html
    assert re.search(
        rf'id="id_{field}"[^>]*aria-describedby="[^"]*{field}-error', html
    ) or re.search(rf'aria-describedby="[^"]*{field}-error"[^>]*id="id_{field}"', html)
    assert 'aria-invalid="true"' in html
    assert f'<a href="#id_{field}">' in html  # the error summary
    # What the person typed is still there.
    for name in ("message", "page_url", "email"):
        assert escape(data[name].strip()) in html
    assert Feedback.objects.count() == 0
    assert mail.outbox == []


def test_errors_are_in_swedish_under_sv(client):
    response = client.post(
        "/sv/tillganglighet/", form_data(client, "/sv/tillganglighet/", message="")
    )
    assert "Skriv din respons innan du skickar den." in response.text
    assert Feedback.objects.count() == 0


def test_a_long_message_is_kept_when_another_field_is_wrong(client):
    typed = "Ensimmäinen rivi.\nToinen rivi, jossa on <merkkejä> & muuta."
    response = client.post(ADDRESS, form_data(client, message=typed, email="huono"))
    assert (
        "Ensimmäinen rivi.\nToinen rivi, jossa on &lt;merkkejä&gt; &amp; muuta."
        in response.text
    )


def assert_thanked_and_dropped(client, response):
    assert response.redirect_chain == [(ADDRESS + "#main", 302)]
    assert THANKS_FI in response.text
    assert Feedback.objects.count() == 0
    assert mail.outbox == []


def test_a_filled_honeypot_is_thanked_and_dropped(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, website="https://spam.example/")
    assert_thanked_and_dropped(client, response)


def test_the_honeypot_is_hidden_from_people(client):
    html = client.get(ADDRESS).text
    trap = re.search(
        r'<div class="visually-hidden" aria-hidden="true">(.*?)</div>', html, re.S
    )
    assert trap, html
    assert '<label for="id_website">Jätä tämä kenttä tyhjäksi</label>' in trap.group(1)
    assert 'tabindex="-1"' in trap.group(1)
    assert 'autocomplete="off"' in trap.group(1)


def test_a_form_sent_too_fast_is_thanked_and_dropped(client, settings):
    settings.ACCESSIBILITY_FEEDBACK_MIN_SECONDS = 3
    assert_thanked_and_dropped(client, send(client))


def test_a_form_sent_after_the_minimum_time_is_accepted(client, settings, monkeypatch):
    settings.ACCESSIBILITY_FEEDBACK_MIN_SECONDS = 3
    data = form_data(client)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 4)
    client.post(ADDRESS, data)
    assert Feedback.objects.count() == 1


@pytest.mark.parametrize("token", ["", "1700000000.0:forged", "garbage"])
def test_a_missing_or_forged_token_is_thanked_and_dropped(client, token):
    assert_thanked_and_dropped(client, send(client, token=token))


def test_a_tampered_token_is_thanked_and_dropped(client):
    data = form_data(client)
    value, signature = data["token"].split(":")
    data["token"] = f"{float(value) - 60}:{signature}"
    assert_thanked_and_dropped(client, client.post(ADDRESS, data, follow=True))


def test_a_token_older_than_a_day_is_thanked_and_dropped(client, monkeypatch):
    data = form_data(client)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 24 * 3600 + 60)
    response = client.post(ADDRESS, data)
    monkeypatch.undo()
    assert response.status_code == 302
    assert Feedback.objects.count() == 0


def test_the_sixth_post_in_an_hour_is_refused(client):
    for _ in range(5):
        assert send(client).status_code == 200
    response = client.post(ADDRESS, form_data(client))
    assert response.status_code == 429
    assert Feedback.objects.count() == 5


def test_reading_the_statement_does_not_count_against_the_limit(client):
    for _ in range(10):
        client.get(ADDRESS)
    assert client.post(ADDRESS, form_data(client)).status_code == 302


class BrokenBackend(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def test_a_mail_failure_keeps_the_feedback_and_the_redirect(
    client, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADDRESS, form_data(client))
    assert response.status_code == 302
    assert Feedback.objects.count() == 1
    assert "mailing failed" in caplog.text


def logged_in(client, user):
    login_with_mfa(client, user, activate_totp(user))
    return client


def test_a_facilitator_cannot_see_the_feedback_in_the_admin(client):
    Feedback.objects.create(message=MESSAGE, language="fi")
    user = verified_user(is_staff=True)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    logged_in(client, user)
    response = client.get(ADMIN_INDEX)
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or not response.url.startswith(ADMIN_INDEX)
    home = client.get("/admin/")
    assert home.status_code == 200
    assert ADMIN_INDEX not in home.text
    assert "Saavutettavuuspalaute" not in home.text


def test_an_administrator_reads_and_marks_feedback_handled(client):
    feedback = Feedback.objects.create(message=MESSAGE, language="fi")
    logged_in(client, verified_user(is_superuser=True))
    assert ADMIN_INDEX in client.get("/admin/").text
    assert MESSAGE[:40] in client.get(ADMIN_INDEX).text
    assert MESSAGE in client.get(f"{ADMIN_INDEX}inspect/{feedback.pk}/").text
    response = client.post(f"{ADMIN_INDEX}edit/{feedback.pk}/", {"handled": "on"})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.handled is True
    assert feedback.message == MESSAGE
    assert client.get(f"{ADMIN_INDEX}add/").status_code in (302, 403)
