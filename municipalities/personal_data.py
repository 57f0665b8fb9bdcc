"""What the municipalities app holds about a user: seats in bodies, coordinations."""

from accounts.privacy import PersonalData
from municipalities.models import Coordinator, Membership


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
