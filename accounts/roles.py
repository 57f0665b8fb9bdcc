"""What each role is and how to tell whether a user holds it.

Everyone who logs in is a learner (trustee). The other roles are granted, not
stored as flags on the user:

- facilitator: a member of the Facilitators group, which carries Wagtail's
  ``wagtailadmin.access_admin`` permission and the content permissions;
- administrator: a superuser;
- coordinator: defined by the municipalities app, which registers its test here
  from ``AppConfig.ready()`` so that this app never imports it.

The second factor follows from what a user can do, not from a flag: anyone who
can open the Wagtail admin, and anyone holding a role that a higher app
registers as handling personal data, must have used an authenticator in the
current session before those pages open.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

FACILITATORS_GROUP = "Facilitators"
ADMIN_ACCESS_PERMISSION = "wagtailadmin.access_admin"


def can_access_admin(user) -> bool:
    """Whether Wagtail lets `user` into the admin (permission or superuser)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(ADMIN_ACCESS_PERMISSION))
    )


def admin_prefix() -> str:
    """The Wagtail admin's URL prefix, from the URLconf rather than a literal."""
    return reverse("wagtailadmin_home")


@dataclass(frozen=True)
class GuardedArea:
    """Pages that need a second factor from users who hold `role`.

    `prefix` returns the area's URL prefix (computed per request so that it
    follows the URLconf and the language prefix); `role` tells whether a user
    may use the area at all.
    """

    name: str
    prefix: Callable[[], str]
    role: Callable[[object], bool]


_AREAS: dict[str, GuardedArea] = {
    "admin": GuardedArea("admin", admin_prefix, can_access_admin),
}


def register_guarded_area(area: GuardedArea) -> None:
    """Called by a higher app's ``AppConfig.ready()`` (e.g. coordinator pages)."""
    _AREAS[area.name] = area


def area_requiring_second_factor(path: str, user) -> GuardedArea | None:
    """The guarded area that `path` lies in, if `user` may use it (else None).

    A user who holds no role for the area is left to the area's own permission
    checks (Wagtail sends them away); asking them for a code would only reveal
    that the area exists.
    """
    if not user.is_authenticated:
        return None
    for area in _AREAS.values():
        if path.startswith(area.prefix()) and area.role(user):
            return area
    return None
