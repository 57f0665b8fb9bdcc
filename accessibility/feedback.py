"""Storing accessibility feedback and telling the administrators about it.

The row is the record; the e-mail is a notice. The mail goes after the
transaction commits, and a failure to send it is logged, so neither a mail
server that is down nor one that is slow can lose feedback or break the page.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accessibility.models import Feedback
from accounts.models import User

logger = logging.getLogger(__name__)
# The feedback snippet's admin views (wagtail_hooks.py).
ADMIN_NAMESPACE = "wagtailsnippets_accessibility_feedback"


def submit_feedback(
    *, message: str, page_url: str, email: str, language: str, user=None
) -> Feedback:
    """Store the feedback, then mail the administrators once it is committed."""
    with transaction.atomic():
        feedback = Feedback.objects.create(
            message=message,
            page_url=page_url,
            email=email,
            language=language,
            user=user if user is not None and user.is_authenticated else None,
        )
        transaction.on_commit(lambda: notify_administrators(feedback))
    return feedback


def recipients() -> list[str]:
    """ACCESSIBILITY_FEEDBACK_RECIPIENTS, or else every active superuser."""
    configured = settings.ACCESSIBILITY_FEEDBACK_RECIPIENTS
    if configured:
        return list(configured)
    return list(
        User.objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )


def notify_administrators(feedback: Feedback) -> None:
    """Mail the feedback to `recipients()`, in the site's default language."""
    to = recipients()
    if not to:
        logger.warning("Accessibility feedback %s: no one to mail it to.", feedback.pk)
        return
    admin_path = reverse(f"{ADMIN_NAMESPACE}:edit", args=[feedback.pk])
    context = {
        "feedback": feedback,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_path,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("accessibility/feedback_email_subject.txt", context)
        body = render_to_string("accessibility/feedback_email.txt", context)
    mail = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=to,
        reply_to=[feedback.email] if feedback.email else None,
    )
    try:
        mail.send()
    except Exception:  # any mail failure: the row is kept, the page answers
        logger.exception("Accessibility feedback %s: mailing failed.", feedback.pk)
