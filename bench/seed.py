"""Bench data: trustee accounts with some progress, and the URLs to load.

Run by `bench/run.py` with the bench database in DATABASE_URL, after the
curriculum, quizzes and demo users are loaded. Writes one JSON object to stdout
so the runner learns the page URLs without hard-coding the curriculum's slugs.
"""

import argparse
import json
import sys

from script import setup_django

BENCH_EMAIL = "bench-{:03d}@silta.example"
DASHBOARD_EMAIL = "bench-seat-{:03d}@silta.example"
COORDINATOR_EMAIL = "bench-coordinator@silta.example"
DASHBOARD_CODE = "998"  # not a real municipality's code


def create_trustees(count: int, lessons: list) -> list[str]:
    """Users with verified e-mail, each having done a different share of lessons.

    One password hash serves every account: hashing 50 times would cost more
    time than the whole setup, and the login cost per request is the same.
    """
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from accounts.demo import DEMO_PASSWORD
    from accounts.models import User
    from courses.models import LessonCompletion

    emails = [BENCH_EMAIL.format(i) for i in range(count)]
    User.objects.filter(email__in=emails).delete()
    password = make_password(DEMO_PASSWORD)
    users = User.objects.bulk_create(
        User(email=email, first_name="Bench", last_name=f"{i}", password=password)
        for i, email in enumerate(emails)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in users
    )
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=user, lesson=lesson)
        for i, user in enumerate(users)
        for lesson in lessons[: i % (len(lessons) + 1)]
    )
    return emails


def create_dashboard(count: int, lessons: list) -> dict[str, str]:
    """A municipality of `count` seated trustees and its coordinator, with TOTP.

    The trustees' completions are spread over 20 weeks, so the dashboard's
    timeline has as many points. Returns the coordinator's login and secret.
    """
    from datetime import timedelta

    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.hashers import make_password
    from django.urls import reverse
    from django.utils import timezone

    from accounts.demo import DEMO_PASSWORD
    from accounts.models import User
    from courses.models import LessonCompletion
    from municipalities.models import Body, Coordinator, Membership, Municipality

    emails = [DASHBOARD_EMAIL.format(i) for i in range(count)]
    User.objects.filter(email__in=[*emails, COORDINATOR_EMAIL]).delete()
    Municipality.objects.filter(code=DASHBOARD_CODE).delete()
    town = Municipality.objects.create(code=DASHBOARD_CODE, name_fi="Penkkilä")
    council = Body.objects.create(municipality=town, kind="council", name="Valtuusto")
    users = User.objects.bulk_create(
        User(email=email, first_name="Penkki", last_name=f"{i:03d}")
        for i, email in enumerate(emails)
    )
    Membership.objects.bulk_create(Membership(user=u, body=council) for u in users)
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=user, lesson=lesson)
        for i, user in enumerate(users)
        for lesson in lessons[: i % (len(lessons) + 1)]
    )
    for week in range(20):
        LessonCompletion.objects.filter(user__in=users[week::20]).update(
            completed_at=timezone.now() - timedelta(weeks=week)
        )
    coordinator = User.objects.create(
        email=COORDINATOR_EMAIL,
        first_name="Bench",
        password=make_password(DEMO_PASSWORD),
    )
    EmailAddress.objects.create(
        user=coordinator, email=COORDINATOR_EMAIL, verified=True, primary=True
    )
    Coordinator.objects.create(user=coordinator, municipality=town)
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)
    return {
        "email": COORDINATOR_EMAIL,
        "secret": secret,
        "path": reverse("coordinator_dashboard", args=[DASHBOARD_CODE]),
    }


def pick_pages() -> dict[str, str]:
    """The course, its largest module and that module's first lesson."""
    from courses.models import CoursePage, LessonPage, ModulePage

    course = CoursePage.objects.live().order_by("path").first()
    modules = ModulePage.objects.live().descendant_of(course).order_by("path")
    module = max(modules, key=lambda m: LessonPage.objects.live().child_of(m).count())
    lesson = LessonPage.objects.live().child_of(module).order_by("path").first()
    return {"course": course.url, "module": module.url, "lesson": lesson.url}


def clear_login_rate_limits():
    """Forget earlier runs' logins, which allauth limits to 30 a minute per IP."""
    from django.core.cache import cache

    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("allauth:rl:*")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seats", type=int, default=500)
    args = parser.parse_args()
    setup_django()

    from courses.models import LessonPage

    lessons = list(LessonPage.objects.live().order_by("path"))
    emails = create_trustees(args.users, lessons)
    dashboard = create_dashboard(args.seats, lessons)
    clear_login_rate_limits()
    seeded = {"users": emails, "pages": pick_pages(), "coordinator": dashboard}
    sys.stdout.write(json.dumps(seeded) + "\n")


if __name__ == "__main__":
    main()
