"""Inviting trustees: checking who to invite, sending, resending, revoking, accepting.

A coordinator invites people to seats in their own municipality's bodies; the
e-mail carries a secret link (`/kutsu/<token>/`). Only the owner of the
invited address, logged in with it verified, can accept, which creates the
Membership. Rows from a file are checked here (`check_rows`) both for the
preview and again when confirmed, so what is created reflects the database at
that moment, not what the preview once showed.
"""

import logging
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import TextChoices
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from municipalities.invitation_files import RawRow
from municipalities.models import Body, Invitation, Membership, Municipality

logger = logging.getLogger(__name__)

VALID_FOR = timedelta(days=30)
Role = Membership.Role
# Role words as coordinators type them, lower-cased: Finnish, Swedish, English.
ROLE_WORDS = {
    "jäsen": Role.MEMBER,
    "varajäsen": Role.DEPUTY,
    "puheenjohtaja": Role.CHAIR,
    "varapuheenjohtaja": Role.VICE_CHAIR,
    "ledamot": Role.MEMBER,
    "ersättare": Role.DEPUTY,
    "ordförande": Role.CHAIR,
    "vice ordförande": Role.VICE_CHAIR,
    "member": Role.MEMBER,
    "deputy": Role.DEPUTY,
    "deputy member": Role.DEPUTY,
    "chair": Role.CHAIR,
    "vice-chair": Role.VICE_CHAIR,
    "vice chair": Role.VICE_CHAIR,
    "vice_chair": Role.VICE_CHAIR,
}


class State(TextChoices):
    OPEN = "open", _("Waiting")
    EXPIRED = "expired", _("Expired")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


class InvitationRefused(Exception):
    """The invitation cannot be used as asked; `message` says why, translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Candidate:
    """A row to invite, checked: what it resolved to and what is wrong with it."""

    number: int
    email: str
    first_name: str
    last_name: str
    body: Body | None
    role: str | None
    problems: list[str] = field(default_factory=list)

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""


def state_of(invitation: Invitation, *, now=None) -> State:
    """Where the invitation stands now."""
    if invitation.accepted_at:
        return State.ACCEPTED
    if invitation.revoked_at:
        return State.REVOKED
    if invitation.expires_at <= (now or timezone.now()):
        return State.EXPIRED
    return State.OPEN


def role_from(word: str) -> str | None:
    """The Membership role a typed word names, or None."""
    return ROLE_WORDS.get(" ".join(word.lower().split()))


def check_rows(municipality: Municipality, rows: list[RawRow]) -> list[Candidate]:
    """Each row resolved against `municipality`'s bodies, with its problems."""
    bodies = {body.name.lower(): body for body in municipality.bodies.all()}
    open_invitations = set(
        Invitation.objects.filter(
            municipality=municipality, accepted_at=None, revoked_at=None
        ).values_list("email", "body_id")
    )
    seen: dict[tuple[str, int], int] = {}
    candidates = []
    for row in rows:
        values = row.values
        candidate = Candidate(
            number=row.number,
            email=values["email"].lower(),
            first_name=values["first_name"],
            last_name=values["last_name"],
            body=bodies.get(values["body"].lower()),
            role=role_from(values["role"]),
        )
        candidate.problems = _problems(candidate, row, values)
        if candidate.body and not candidate.problems:
            key = (candidate.email, candidate.body.pk)
            if key in seen:
                candidate.problems.append(
                    _("Row %(row)d repeats row %(first)d.")
                    % {"row": row.number, "first": seen[key]}
                )
            elif key in open_invitations:
                candidate.problems.append(
                    _(
                        "Row %(row)d: this person already has an open invitation "
                        "to this body; resend it from the list instead."
                    )
                    % {"row": row.number}
                )
            seen.setdefault(key, row.number)
        candidates.append(candidate)
    return candidates


def _problems(candidate: Candidate, row: RawRow, values: dict) -> list[str]:
    number = {"row": row.number}
    if row.formulas:
        return [
            _(
                "Row %(row)d has a formula; Silta does not run formulas. "
                "Type the values as plain text."
            )
            % number
        ]
    problems = []
    if not candidate.email:
        problems.append(_("Row %(row)d has no e-mail address.") % number)
    else:
        try:
            validate_email(candidate.email)
        except ValidationError:
            problems.append(
                _("Row %(row)d: “%(email)s” is not an e-mail address.")
                % {**number, "email": values["email"]}
            )
    if not (candidate.first_name and candidate.last_name):
        problems.append(_("Row %(row)d needs both a first and a last name.") % number)
    if candidate.body is None:
        problems.append(
            _("Row %(row)d: this municipality has no body called “%(body)s”.")
            % {**number, "body": values["body"]}
        )
    if candidate.role is None:
        problems.append(
            _(
                "Row %(row)d: “%(role)s” is not a role. Use jäsen, varajäsen, "
                "puheenjohtaja or varapuheenjohtaja."
            )
            % {**number, "role": values["role"]}
        )
    return problems


def _language_for(email: str, chosen: str) -> str:
    """An existing user's own language, else the one the coordinator chose."""
    user = get_user_model().objects.filter(email__iexact=email).first()
    return user.preferred_language if user else chosen


def _new(*, municipality, body, role, email, first_name, last_name, language, by):
    if body.municipality_id != municipality.pk:
        raise ValueError("the body belongs to another municipality")
    return Invitation.objects.create(
        municipality=municipality,
        body=body,
        role=role,
        email=email.lower(),
        first_name=first_name,
        last_name=last_name,
        language=_language_for(email, language),
        token=secrets.token_urlsafe(32),
        created_by=by,
        expires_at=timezone.now() + VALID_FOR,
    )


def invite(
    *,
    municipality: Municipality,
    body: Body,
    role: str,
    email: str,
    first_name: str,
    last_name: str,
    language: str,
    by,
    site_url: str,
) -> Invitation:
    """Create one invitation and e-mail it."""
    invitation = _new(
        municipality=municipality,
        body=body,
        role=role,
        email=email,
        first_name=first_name,
        last_name=last_name,
        language=language,
        by=by,
    )
    send_invitation(invitation, site_url=site_url)
    return invitation


def invite_rows(
    *,
    municipality: Municipality,
    rows: list[RawRow],
    language: str,
    by,
    site_url: str,
) -> list[Invitation]:
    """Create every valid row in one transaction, then e-mail each."""
    with transaction.atomic():
        created = [
            _new(
                municipality=municipality,
                body=candidate.body,
                role=candidate.role,
                email=candidate.email,
                first_name=candidate.first_name,
                last_name=candidate.last_name,
                language=language,
                by=by,
            )
            for candidate in check_rows(municipality, rows)
            if not candidate.problems
        ]
    for invitation in created:
        send_invitation(invitation, site_url=site_url)
    return created


def send_invitation(invitation: Invitation, *, site_url: str) -> bool:
    """E-mail the invitation in its language; False if the mail server failed.

    A failure leaves `last_sent_at` as it was, so the list shows the
    invitation as not sent and the coordinator can resend it.
    """
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "link": site_url + reverse("invitation", args=[invitation.token]),
            "role": invitation.get_role_display(),
        }
        subject = render_to_string(
            "municipalities/email/invitation_subject.txt", context
        )
        message = render_to_string(
            "municipalities/email/invitation_message.txt", context
        )
    try:
        send_mail(
            " ".join(subject.split()),
            message,
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )
    except OSError:
        logger.exception("Invitation %s could not be e-mailed", invitation.pk)
        return False
    invitation.last_sent_at = timezone.now()
    invitation.save(update_fields=["last_sent_at"])
    return True


def _refuse_unless_open(invitation: Invitation, *, expired_ok: bool) -> None:
    state = state_of(invitation)
    if state == State.ACCEPTED:
        raise InvitationRefused(_("This invitation has already been accepted."))
    if state == State.REVOKED:
        raise InvitationRefused(_("This invitation has been withdrawn."))
    if state == State.EXPIRED and not expired_ok:
        raise InvitationRefused(
            _("This invitation has expired. Ask your coordinator for a new one.")
        )


def resend_invitation(invitation: Invitation, *, site_url: str) -> bool:
    """Extend an open or expired invitation by the full period and e-mail it."""
    _refuse_unless_open(invitation, expired_ok=True)
    invitation.expires_at = timezone.now() + VALID_FOR
    invitation.save(update_fields=["expires_at"])
    return send_invitation(invitation, site_url=site_url)


def revoke_invitation(invitation: Invitation) -> None:
    """Withdraw an invitation that has not been accepted; its link stops working."""
    _refuse_unless_open(invitation, expired_ok=True)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


def may_accept(invitation: Invitation, user) -> bool:
    """Whether `user` owns the invited address, verified."""
    return EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()


@transaction.atomic
def accept_invitation(invitation: Invitation, *, user) -> Membership:
    """Give `user` the invited seat (once, however often accepted) and close it.

    A user who signed up with only an address gets the invited name.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _refuse_unless_open(invitation, expired_ok=False)
    if not may_accept(invitation, user):
        raise InvitationRefused(
            _(
                "This invitation was sent to another e-mail address. Log in with "
                "the address that received it."
            )
        )
    membership, _created = Membership.objects.get_or_create(
        user=user, body=invitation.body, defaults={"role": invitation.role}
    )
    if not (user.first_name or user.last_name):
        user.first_name, user.last_name = invitation.first_name, invitation.last_name
        user.save(update_fields=["first_name", "last_name"])
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])
    return membership
