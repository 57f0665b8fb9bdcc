"""Reminder pages: the log and module choice, a preview to confirm, the opt-out.

The coordinator pages answer 404 to anyone who may not see the municipality
(`coordinator_access`), like the dashboard. Sending only enqueues the task;
the task decides again who is mailed (`municipalities.reminders`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from municipalities.coordinator_access import municipality_for
from municipalities.models import Reminder
from municipalities.reminders import reminder_course, reminder_plan, set_reminders_off
from municipalities.tasks import send_reminders

LOG_LENGTH = 200


def _municipality(request, code: str):
    municipality = municipality_for(request.user, code)
    if municipality is None:
        raise Http404
    return municipality


@login_required
def reminder_log(request, code: str):
    """The modules to remind about, and who was reminded when (newest first)."""
    municipality = _municipality(request, code)
    course = reminder_course()
    log = (
        Reminder.objects.filter(municipality=municipality)
        .select_related("user", "sent_by", "module")
        .order_by("-sent_at", "-pk")[:LOG_LENGTH]
    )
    context = {
        "municipality": municipality,
        "course": course,
        "log": log,
        "log_length": LOG_LENGTH,
    }
    return render(request, "municipalities/reminder_log.html", context)


def _selected_ids(values) -> set[int]:
    """The user ids posted back from the preview; anything else is ignored."""
    return {int(value) for value in values if value.isascii() and value.isdigit()}


@login_required
def reminder_preview(request, code: str, module_id: int):
    """GET: who would get a reminder and who not, why. POST: send to them."""
    municipality = _municipality(request, code)
    course = reminder_course()
    module = course.module(module_id) if course else None
    if module is None:
        raise Http404
    plan = reminder_plan(municipality=municipality, course=course, module=module)
    if request.method == "POST":
        # Only those the coordinator saw and who still qualify.
        chosen = _selected_ids(request.POST.getlist("user"))
        ids = [user.pk for user in plan.recipients if user.pk in chosen]
        if ids:
            transaction.on_commit(
                lambda: send_reminders.enqueue(
                    municipality_id=municipality.pk,
                    module_id=module.pk,
                    user_ids=ids,
                    coordinator_id=request.user.pk,
                )
            )
            text = ngettext(
                "A reminder is being sent to %(count)d elected official.",
                "Reminders are being sent to %(count)d elected officials.",
                len(ids),
            )
            messages.success(request, text % {"count": len(ids)})
        else:
            messages.info(request, _("No one needed a reminder, so none was sent."))
        return redirect("coordinator_reminders", code=municipality.code)
    context = {"municipality": municipality, "course": course, "plan": plan}
    return render(request, "municipalities/reminder_preview.html", context)


@require_POST
@login_required
def reminder_preference(request):
    """A trustee turns reminder e-mails off or on ("My municipality")."""
    off = request.POST.get("reminders") != "on"
    set_reminders_off(request.user, off=off)
    if off:
        messages.success(request, _("You will get no reminder e-mails."))
    else:
        messages.success(request, _("Reminder e-mails are on."))
    return redirect("my_municipality")
