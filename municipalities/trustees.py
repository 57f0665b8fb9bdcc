"""Who a municipality's trustees are: the people with a current seat in its bodies."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from municipalities.models import Coordinator, Membership, Municipality


def current_memberships(*, on=None) -> QuerySet[Membership]:
    """Memberships whose term includes `on` (today by default)."""
    on = on or timezone.localdate()
    return Membership.objects.filter(term_start__lte=on, term_end__gte=on)


def trustees_of(municipality: Municipality, *, on=None) -> QuerySet:
    """The users with a current seat in any body of `municipality`, by name."""
    seats = current_memberships(on=on).filter(body__municipality=municipality)
    return (
        get_user_model()
        .objects.filter(pk__in=seats.values("user_id"), is_active=True)
        .order_by("last_name", "first_name", "email")
    )


def coordinated_by(user) -> QuerySet[Municipality]:
    """The municipalities `user` coordinates (none for anyone else)."""
    if not user.is_authenticated:
        return Municipality.objects.none()
    return Municipality.objects.filter(
        pk__in=Coordinator.objects.filter(user=user).values("municipality_id")
    )


def is_coordinator(user) -> bool:
    return coordinated_by(user).exists()
