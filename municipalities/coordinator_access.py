"""Who may open which municipality's coordinator pages.

A coordinator sees only the municipalities they coordinate; an administrator
(superuser) may see every one. Anyone else is answered as if the page did not
exist (404), so the pages reveal nothing about which municipalities have data.
Both roles must have used a second factor in the session (see `apps.py`).
"""

from django.db.models import QuerySet

from municipalities.models import Municipality
from municipalities.trustees import coordinated_by, is_coordinator


def may_coordinate(user) -> bool:
    """Whether `user` may use the coordinator pages at all (the guarded role)."""
    return bool(user.is_authenticated and user.is_active) and (
        user.is_superuser or is_coordinator(user)
    )


def visible_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities whose dashboards `user` may open, by name."""
    if not (user.is_authenticated and user.is_active):
        return Municipality.objects.none()
    if user.is_superuser:
        return Municipality.objects.all()
    return coordinated_by(user)


def municipality_for(user, code: str) -> Municipality | None:
    """The municipality `code` if `user` may see it, else None (one query)."""
    return visible_municipalities(user).filter(code=code).first()
