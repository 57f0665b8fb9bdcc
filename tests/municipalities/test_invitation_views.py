"""Invitations end to end: the coordinator's pages, the e-mail, acceptance.

Decisions: coordinator pages follow the dashboard's rule (404 for anyone but
the municipality's coordinators and administrators; anonymous to login); the
acceptance page reads only its token, and only the verified owner of the
invited address can accept.
"""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import FACILITATORS_GROUP
from municipalities.invitations import (
    InvitationRefused,
    accept_invitation,
    invite,
    resend_invitation,
    revoke_invitation,
)
from municipalities.models import Invitation, Membership
from tests.accounts.helpers import code_from_mail
from tests.factories import verified_user
from tests.municipalities.coordinator_helpers import (
    body,
    coordinate,
    login_with_second_factor,
    municipality,
    seat,
)

pytestmark = pytest.mark.django_db

HEADER = "sähköposti;etunimi;sukunimi;toimielin;rooli"
PASSWORD = "Kuntatalous-2025!"


@pytest.fixture
def home():
    return municipality("091", "Helsinki")


@pytest.fixture
def council(home):
    return body(home, "Valtuusto")


@pytest.fixture
def coordinator(home, client):
    user = verified_user(email="koordinaattori@example.fi")
    coordinate(user, home)
    login_with_second_factor(client, user)
    return user


def invitation_for(council, email="aino@example.fi", **kwargs):
    return invite(
        municipality=council.municipality,
        body=council,
        role=kwargs.pop("role", "member"),
        email=email,
        first_name="Aino",
        last_name="Äijälä",
        language=kwargs.pop("language", "fi"),
        by=None,
        site_url="http://testserver",
    )


def upload(client, rows, code="091"):
    content = "\n".join([HEADER, *rows]).encode("cp1252")
    return client.post(
        reverse("coordinator_invitation_upload", args=[code]),
        {"file": SimpleUploadedFile("k.csv", content), "language": "fi"},
    )


def test_one_invite_form_creates_and_mails(client, coordinator, council):
    response = client.post(
        reverse("coordinator_invitation_new", args=["091"]),
        {
            "email": "Aino@Example.fi",
            "first_name": "Aino",
            "last_name": "Äijälä",
            "body": council.pk,
            "role": "chair",
            "language": "sv",
        },
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.created_by) == (
        "aino@example.fi",
        "chair",
        coordinator,
    )
    [message] = mail.outbox
    assert message.to == ["aino@example.fi"]
    assert f"/sv/inbjudan/{invitation.token}/" in message.body
    assert "Valtuusto" in message.body
    assert "Silta" in message.subject and "Helsinki" in message.subject


def test_one_invite_form_refuses_a_body_of_another_municipality(
    client, coordinator, council
):
    elsewhere = body(municipality("049", "Espoo"), "Valtuusto")
    response = client.post(
        reverse("coordinator_invitation_new", args=["091"]),
        {
            "email": "aino@example.fi",
            "first_name": "Aino",
            "last_name": "Ä",
            "body": elsewhere.pk,
            "role": "member",
            "language": "fi",
        },
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_existing_users_language_wins(council):
    verified_user(email="ruotsi@example.fi", preferred_language="sv")
    invitation = invitation_for(council, email="ruotsi@example.fi", language="fi")
    assert invitation.language == "sv"
    assert "/sv/inbjudan/" in mail.outbox[0].body


def test_preview_shows_problems_and_creates_nothing(client, coordinator, council):
    response = upload(
        client,
        ["aino@example.fi;Aino;Äijälä;Valtuusto;jäsen", "huono;B;B;Valtuusto;jäsen"],
    )
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Rivi 3" in page.content.decode() or "Row 3" in page.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_confirm_creates_exactly_the_valid_rows(client, coordinator, council):
    response = upload(
        client,
        [
            "aino@example.fi;Aino;Äijälä;Valtuusto;jäsen",
            "bertta@example.fi;Bertta;B;Valtuusto;puheenjohtaja",
            "bertta@example.fi;Bertta;B;Valtuusto;puheenjohtaja",
            "cecilia@example.fi;C;C;Ei ole;jäsen",
            "d@example.fi;D;D;Valtuusto;=1+1",
        ],
    )
    client.post(response.url)
    assert sorted(Invitation.objects.values_list("email", "role")) == [
        ("aino@example.fi", "member"),
        ("bertta@example.fi", "chair"),
    ]
    assert len(mail.outbox) == 2
    # The stored upload is used up: confirming again creates nothing more.
    client.post(response.url)
    assert Invitation.objects.count() == 2


def test_preview_key_is_bound_to_the_coordinators_session(client, coordinator, council):
    response = upload(client, ["aino@example.fi;Aino;Äijälä;Valtuusto;jäsen"])
    other = verified_user()
    coordinate(other, council.municipality)
    login_with_second_factor(client, other)
    client.post(response.url)
    assert not Invitation.objects.exists()


def test_bad_file_gets_its_message_and_creates_nothing(client, coordinator, council):
    response = client.post(
        reverse("coordinator_invitation_upload", args=["091"]),
        {"file": SimpleUploadedFile("k.csv", b"\x00" * 100), "language": "fi"},
    )
    assert response.status_code == 400
    assert "taulukko" in response.content.decode()
    response = client.post(
        reverse("coordinator_invitation_upload", args=["091"]),
        {"file": SimpleUploadedFile("k.csv", b"a" * (5 << 20)), "language": "fi"},
    )
    assert response.status_code == 400
    assert "2 Mt" in response.content.decode()
    assert not Invitation.objects.exists()


def test_right_user_accepts_and_gets_the_seat(client, council):
    invitation = invitation_for(council, role="deputy")
    user = verified_user(email="aino@example.fi", first_name="", last_name="")
    client.force_login(user)
    url = reverse("invitation", args=[invitation.token])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    membership = Membership.objects.get(user=user)
    assert (membership.body, membership.role) == (council, "deputy")
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Aino", "Äijälä")


def test_inviting_a_member_duplicates_nothing(council):
    user = verified_user(email="aino@example.fi")
    seat(user, council, role="chair")
    accept_invitation(invitation_for(council), user=user)
    assert Membership.objects.get(user=user).role == "chair"


def test_different_user_cannot_accept(client, council):
    invitation = invitation_for(council)
    client.force_login(verified_user(email="joku@example.fi"))
    response = client.post(reverse("invitation", args=[invitation.token]))
    assert response.status_code == 400
    assert "toiseen sähköpostiosoitteeseen" in response.content.decode()
    assert not Membership.objects.exists()


def test_unverified_address_cannot_accept(council):
    invitation = invitation_for(council)
    user = verified_user(email="aino@example.fi")
    EmailAddress.objects.filter(user=user).update(verified=False)
    with pytest.raises(InvitationRefused):
        accept_invitation(invitation, user=user)


@pytest.mark.parametrize("closed", ["expired", "revoked"])
def test_expired_or_revoked_cannot_be_accepted(client, council, closed):
    invitation = invitation_for(council)
    if closed == "expired":
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    else:
        revoke_invitation(invitation)
    client.force_login(verified_user(email="aino@example.fi"))
    response = client.post(reverse("invitation", args=[invitation.token]))
    assert response.status_code == 400
    text = response.content.decode()
    assert ("vanhentunut" if closed == "expired" else "peruttu") in text
    assert not Membership.objects.exists()


def test_resend_sends_a_new_mail_and_extends(client, coordinator, council):
    invitation = invitation_for(council)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    response = client.post(
        reverse("coordinator_invitation_resend", args=["091", invitation.pk])
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + timedelta(days=29)


def test_revoke_from_the_list(client, coordinator, council):
    invitation = invitation_for(council)
    client.post(reverse("coordinator_invitation_revoke", args=["091", invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at
    with pytest.raises(InvitationRefused):
        resend_invitation(invitation, site_url="")
    page = client.get(reverse("coordinator_invitations", args=["091"]))
    assert "Peruttu" in page.content.decode()


def test_another_municipalitys_coordinator_gets_404_everywhere(client, council):
    invitation = invitation_for(council)
    espoo = municipality("049", "Espoo")
    body(espoo, "Valtuusto")
    outsider = verified_user()
    coordinate(outsider, espoo)
    login_with_second_factor(client, outsider)
    for name in (
        "coordinator_invitations",
        "coordinator_invitation_new",
        "coordinator_invitation_upload",
    ):
        assert client.get(reverse(name, args=["091"])).status_code == 404
        assert client.post(reverse(name, args=["091"])).status_code == 404
    assert (
        client.get(
            reverse("coordinator_invitation_preview", args=["091", "x"])
        ).status_code
        == 404
    )
    for name in ("coordinator_invitation_resend", "coordinator_invitation_revoke"):
        # Neither through the home municipality nor through their own.
        for code in ("091", "049"):
            url = reverse(name, args=[code, invitation.pk])
            assert client.post(url).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("role", ["anonymous", "trustee", "facilitator"])
def test_others_are_refused_like_the_dashboard(client, council, role):
    invitation = invitation_for(council)
    if role != "anonymous":
        user = verified_user()
        if role == "trustee":
            seat(user, council)
        else:
            user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
        login_with_second_factor(client, user)
    urls = [
        reverse("coordinator_invitations", args=["091"]),
        reverse("coordinator_invitation_new", args=["091"]),
        reverse("coordinator_invitation_upload", args=["091"]),
        reverse("coordinator_invitation_resend", args=["091", invitation.pk]),
        reverse("coordinator_invitation_revoke", args=["091", invitation.pk]),
    ]
    for url in urls:
        response = client.post(url)
        if role == "anonymous":
            assert response.status_code == 302
            assert response.url.startswith(reverse("account_login"))
        else:
            assert response.status_code == 404


def test_acceptance_honours_nothing_but_the_token(client, council):
    invitation = invitation_for(council)
    elsewhere = body(municipality("049", "Espoo"), "Valtuusto")
    user = verified_user(email="aino@example.fi")
    client.force_login(user)
    client.post(
        reverse("invitation", args=[invitation.token]),
        {"body": elsewhere.pk, "role": "chair", "municipality": "049"},
    )
    assert list(Membership.objects.values_list("body", "role")) == [
        (council.pk, "member")
    ]
    assert client.get(reverse("invitation", args=["not-a-token"])).status_code == 404


def test_anonymous_visitor_is_offered_signup_and_login(client, council):
    invitation = invitation_for(council)
    url = reverse("invitation", args=[invitation.token])
    text = client.get(url).content.decode()
    assert f"{reverse('account_signup')}?next={url}" in text.replace("%2F", "/")
    assert client.post(url).status_code == 302
    assert not Membership.objects.exists()


def test_invited_person_signs_up_with_allauth_and_accepts(client, council):
    invitation = invitation_for(council)
    url = reverse("invitation", args=[invitation.token])
    response = client.post(
        f"{reverse('account_signup')}?next={url}",
        {"email": "aino@example.fi", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    response = client.post(response.url, {"code": code_from_mail(mail.outbox[-1])})
    assert response.status_code == 302
    assert response.url == url
    assert client.post(url).status_code == 302
    user = User.objects.get(email="aino@example.fi")
    assert Membership.objects.filter(user=user, body=council).exists()


def test_erasure_deletes_the_invitees_and_keeps_the_senders(council):
    from accounts.privacy import erase_user, export_user_data

    sender = verified_user(email="koordinaattori@example.fi")
    kept = invitation_for(council, email="bertta@example.fi")
    Invitation.objects.filter(pk=kept.pk).update(created_by=sender)
    invitee = verified_user(email="aino@example.fi")
    accept_invitation(invitation_for(council), user=invitee)

    assert export_user_data(invitee)["invitations"]["received"][0]["email"] == (
        "aino@example.fi"
    )
    assert export_user_data(sender)["invitations"]["sent"][0]["body__name"] == (
        "Valtuusto"
    )
    erase_user(invitee)
    erase_user(sender)

    assert list(Invitation.objects.values_list("email", "created_by")) == [
        ("bertta@example.fi", None)
    ]
