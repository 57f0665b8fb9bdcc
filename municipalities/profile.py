"""What a trustee is told about their own seats and who follows their studies."""

from dataclasses import dataclass, field

from django.utils import timezone

from municipalities.models import Coordinator, Membership, Municipality


@dataclass
class MunicipalitySeats:
    """One municipality's seats of a trustee, and who coordinates it.

    `followed` is whether a seat is current today: only then do the
    municipality's coordinators see the trustee (see `trustees_of`).
    """

    municipality: Municipality
    name: str
    memberships: list[Membership] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    followed: bool = False


def seats_of(user, *, on=None) -> list[MunicipalitySeats]:
    """`user`'s own seats grouped by municipality, with the coordinators' names.

    Two queries, whatever the number of seats.
    """
    on = on or timezone.localdate()
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("body__municipality")
        .order_by("body__municipality__name_fi", "body__kind", "body__name")
    )
    by_municipality: dict[int, MunicipalitySeats] = {}
    for membership in memberships:
        municipality = membership.body.municipality
        seats = by_municipality.setdefault(
            municipality.pk, MunicipalitySeats(municipality, municipality.local_name)
        )
        seats.memberships.append(membership)
        seats.followed |= membership.term_start <= on <= membership.term_end
    coordinators = (
        Coordinator.objects.filter(municipality_id__in=by_municipality)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    for coordinator in coordinators:
        name = coordinator.user.display_name
        by_municipality[coordinator.municipality_id].coordinators.append(name)
    return list(by_municipality.values())
