"""Shared set-up for the coordinator pages' tests: seats, dated completions, MFA."""

from datetime import datetime

from django.utils import timezone

from accounts.mfa import TOTP_ACTIVATED_SESSION_KEY
from courses.models import LessonCompletion, LessonPage
from municipalities.models import Body, Coordinator, Membership, Municipality


def municipality(code="091", name="Helsinki") -> Municipality:
    return Municipality.objects.create(code=code, name_fi=name)


def body(of: Municipality, name="Valtuusto", kind="council") -> Body:
    return Body.objects.create(municipality=of, kind=kind, name=name)


def seat(user, body: Body, role=Membership.Role.MEMBER) -> Membership:
    return Membership.objects.create(user=user, body=body, role=role)


def coordinate(user, of: Municipality) -> None:
    Coordinator.objects.create(user=user, municipality=of)


def complete(user, lessons: list[LessonPage], on: datetime) -> None:
    """`user` finished `lessons` at `on` (auto_now_add is overwritten after)."""
    made = LessonCompletion.objects.bulk_create(
        LessonCompletion(user=user, lesson=lesson) for lesson in lessons
    )
    LessonCompletion.objects.filter(pk__in=[c.pk for c in made]).update(completed_at=on)


def at(year: int, month: int, day: int) -> datetime:
    return timezone.make_aware(datetime(year, month, day, 12))


def login_with_second_factor(client, user) -> None:
    """Log in as `user` in a session that counts as having used TOTP.

    The same mark that activating an authenticator sets (`accounts.mfa`); the
    real password-and-code flow is tested in test_coordinator_access.py.
    """
    client.force_login(user)
    session = client.session
    session[TOTP_ACTIVATED_SESSION_KEY] = str(user.pk)
    session.save()
