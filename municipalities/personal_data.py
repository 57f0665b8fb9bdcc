"""What the municipalities app holds about a user: seats in bodies, coordinations,
invitations, reminders received and sent, and the reminder opt-out."""

from allauth.account.models import EmailAddress
from django.db.models import Q, QuerySet

from accounts.privacy import PersonalData
from municipalities.models import (
    Coordinator,
    Invitation,
    Membership,
    Reminder,
    ReminderOptOut,
)


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


def _erase(user, stand_in) -> None:
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


def _erase_invitations(user, stand_in) -> None:
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


def _export_reminders(user) -> dict:
    return {
        "received": list(
            Reminder.objects.filter(user=user).values(
                "municipality__code", "module__title", "sent_at"
            )
        ),
        # Whom they reminded is the trustees' data; what and when is theirs.
        "sent": list(
            Reminder.objects.filter(sent_by=user).values(
                "municipality__code", "module__title", "sent_at"
            )
        ),
        "reminders_off": ReminderOptOut.objects.filter(user=user).exists(),
    }


def _erase_reminders(user, stand_in) -> None:
    # The ones they got stay in the municipality's log, as a deleted user's:
    # the coordinator still sees that and when a reminder went out.
    received = Reminder.objects.filter(user=user)
    if received.exists():
        received.update(user=stand_in())
    # The ones they sent stay, without the sender: they keep the 7-day rule
    # for the trustees who got them.
    Reminder.objects.filter(sent_by=user).update(sent_by=None)
    ReminderOptOut.objects.filter(user=user).delete()


REMINDERS = PersonalData(
    name="reminders",
    models=("municipalities.Reminder", "municipalities.ReminderOptOut"),
    export=_export_reminders,
    erase=_erase_reminders,
)
