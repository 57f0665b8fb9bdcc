"""Accessibility feedback, kept so that every message gets its answer.

The law (306/2019, 16 §) gives the provider 14 days to reply; storing the
feedback, not only mailing it, means a lost e-mail never loses a message.
"""

from django.conf import settings
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000
PAGE_URL_MAX_LENGTH = 500


class Feedback(models.Model):
    message = models.TextField(_("feedback"), max_length=MESSAGE_MAX_LENGTH)
    page_url = models.CharField(
        _("page concerned"), max_length=PAGE_URL_MAX_LENGTH, blank=True
    )
    email = models.EmailField(_("e-mail address for a reply"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accessibility_feedback",
    )
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self):
        return Truncator(self.message).chars(60)
