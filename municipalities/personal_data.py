"""What the municipalities app holds about a user: seats in bodies, coordinations,
invitations received and sent."""

from allauth.account.models import EmailAddress
from django.db.models import Q, QuerySet

from accounts.privacy import PersonalData
from municipalities.models import Coordinator, Invitation, Membership


def _export(user) -> dict:
    return {
        "memberships": list(
            Membership.objects.filter(user=user).values(
                "body__municipality__code",
                "body__municipality__name_fi",
                "body__name",
                "role",
                "term_start",
                "term_end",
            )
        ),
        "coordinations": list(
            Coordinator.objects.filter(user=user).values(
                "municipality__code", "municipality__name_fi"
            )
        ),
    }


def _erase(user) -> None:
    Membership.objects.filter(user=user).delete()
    Coordinator.objects.filter(user=user).delete()


COORDINATIONS = PersonalData(
    name="municipalities",
    models=("municipalities.Coordinator", "municipalities.Membership"),
    export=_export,
    erase=_erase,
)


def _addressed_to(user) -> QuerySet:
    """Invitations the person accepted or that were sent to one of their addresses."""
    addresses = {user.email.lower()} | {
        address.lower()
        for address in EmailAddress.objects.filter(user=user).values_list(
            "email", flat=True
        )
    }
    return Invitation.objects.filter(Q(accepted_by=user) | Q(email__in=addresses))


def _export_invitations(user) -> dict:
    return {
        "received": list(
            _addressed_to(user).values(
                "municipality__code",
                "body__name",
                "role",
                "email",
                "first_name",
                "last_name",
                "created_at",
                "expires_at",
                "accepted_at",
                "revoked_at",
            )
        ),
        # Whom they invited is the invitees' data; where, as what and when is theirs.
        "sent": list(
            Invitation.objects.filter(created_by=user).values(
                "municipality__code", "body__name", "role", "created_at"
            )
        ),
    }


def _erase_invitations(user) -> None:
    # An invitation names and addresses its invitee: it goes with them. The
    # ones a coordinator sent stay, as the municipality's, without the sender.
    _addressed_to(user).delete()
    Invitation.objects.filter(created_by=user).update(created_by=None)


INVITATIONS = PersonalData(
    name="invitations",
    models=("municipalities.Invitation",),
    export=_export_invitations,
    erase=_erase_invitations,
)
