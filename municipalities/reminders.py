"""Reminders: a coordinator nudges the trustees who have not finished a module.

Who gets one is decided here, twice with the same rule: on the preview page
the coordinator confirms, and again in the background task that sends
(`municipalities.tasks`), because time passes and a second coordinator may
send too. A trustee is left out when they finished the module, turned
reminders off, or got a reminder about the module in the last 7 days (from
anyone). The last check is repeated per trustee inside a transaction that
locks the trustee's row, so two sends at once mail each trustee once.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from courses.completion import State, completion_matrix
from courses.outline import CourseOutline, ModuleOutline
from municipalities.coordinator_access import visible_municipalities
from municipalities.dashboard import first_live_course
from municipalities.models import Municipality, Reminder, ReminderOptOut
from municipalities.trustees import trustees_of

QUIET_PERIOD = timedelta(days=7)


@dataclass
class ReminderPlan:
    """Who would get a reminder about `module` now, and who not and why."""

    municipality: Municipality
    module: ModuleOutline
    recipients: list = field(default_factory=list)
    finished: list = field(default_factory=list)
    opted_out: list = field(default_factory=list)
    recently_reminded: list = field(default_factory=list)


def reminded_recently(*, user_ids, module_id: int, now: datetime | None = None):
    """The ids among `user_ids` reminded about the module within the quiet period."""
    since = (now or timezone.now()) - QUIET_PERIOD
    return set(
        Reminder.objects.filter(
            user_id__in=user_ids, module_id=module_id, sent_at__gt=since
        ).values_list("user_id", flat=True)
    )


def reminder_plan(
    *,
    municipality: Municipality,
    course: CourseOutline,
    module: ModuleOutline,
    now: datetime | None = None,
) -> ReminderPlan:
    """Sort the municipality's current trustees by whether they get a reminder.

    Each trustee is in one list: finished first, then opted out, then
    recently reminded; the rest are the recipients. A fixed number of queries.
    """
    trustees = list(trustees_of(municipality))
    ids = [user.pk for user in trustees]
    standing = completion_matrix(users=ids, course=course)
    opted_out = set(
        ReminderOptOut.objects.filter(user_id__in=ids).values_list("user_id", flat=True)
    )
    recent = reminded_recently(user_ids=ids, module_id=module.pk, now=now)
    plan = ReminderPlan(municipality, module)
    for user in trustees:
        if standing[user.pk].modules[module.pk].state == State.DONE:
            plan.finished.append(user)
        elif user.pk in opted_out:
            plan.opted_out.append(user)
        elif user.pk in recent:
            plan.recently_reminded.append(user)
        else:
            plan.recipients.append(user)
    return plan


def reminder_course() -> CourseOutline | None:
    """The course reminders are about: the one the dashboard follows."""
    return first_live_course()


def may_remind(user, municipality_id: int) -> bool:
    """Whether `user` may send reminders for the municipality (coordinator pages)."""
    return visible_municipalities(user).filter(pk=municipality_id).exists()


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _write(user, *, municipality, module_id: int, sender):
    """Subject and body in the trustee's language, with links in it too."""
    with translation.override(user.preferred_language):
        course = reminder_course()  # its titles and URLs in this language
        module = course.module(module_id) if course else None
        if module is None:
            return None
        context = {
            "user": user,
            "name": user.display_name,
            "municipality": municipality.local_name,
            "module": module.title,
            "module_url": _absolute(module.url),
            "settings_url": _absolute(reverse("my_municipality")),
            "sender": sender.display_name,
        }
        subject = render_to_string(
            "municipalities/email/reminder_subject.txt", context
        ).strip()
        body = render_to_string("municipalities/email/reminder_message.txt", context)
    return subject, body


def send_reminders(
    *, municipality_id: int, module_id: int, user_ids, coordinator_id: int
) -> list[int]:
    """Mail each of `user_ids` who still qualifies; the ids actually mailed.

    Everything is looked up again from the ids: the sender must still be
    allowed to remind this municipality, and only its current trustees who
    have not finished the module, have not opted out and were not reminded
    in the quiet period get a mail. Each mail and its log row commit together.
    """
    User = get_user_model()
    sender = User.objects.filter(pk=coordinator_id, is_active=True).first()
    municipality = Municipality.objects.filter(pk=municipality_id).first()
    course = reminder_course()
    module = course.module(module_id) if course else None
    if sender is None or municipality is None or module is None:
        return []
    if not may_remind(sender, municipality_id):
        return []
    wanted = {int(pk) for pk in user_ids}
    plan = reminder_plan(municipality=municipality, course=course, module=module)
    sent = []
    for user in plan.recipients:
        if user.pk not in wanted:
            continue
        with transaction.atomic():
            # Lock the trustee: a concurrent send waits here, then sees our row.
            User.objects.select_for_update(no_key=True).filter(pk=user.pk).first()
            if reminded_recently(user_ids=[user.pk], module_id=module_id):
                continue
            mail = _write(
                user,
                municipality=municipality,
                module_id=module_id,
                sender=sender,
            )
            if mail is None:
                continue
            Reminder.objects.create(
                user=user,
                municipality=municipality,
                module_id=module_id,
                sent_by=sender,
            )
            send_mail(mail[0], mail[1], None, [user.email])
        sent.append(user.pk)
    return sent


def reminders_off(user) -> bool:
    """Whether `user` turned reminder e-mails off."""
    return ReminderOptOut.objects.filter(user=user).exists()


def set_reminders_off(user, *, off: bool) -> None:
    """Turn `user`'s reminder e-mails off (a row) or back on (no row)."""
    if off:
        ReminderOptOut.objects.get_or_create(user=user)
    else:
        ReminderOptOut.objects.filter(user=user).delete()
