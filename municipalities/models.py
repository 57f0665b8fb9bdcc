"""Municipalities and the staff who follow their own trustees' completion."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A Finnish municipality, identified by Statistics Finland's three-digit code."""

    code = models.CharField(_("municipality code"), max_length=3, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    in_network = models.BooleanField(_("member of the network"), default=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name_fi"]

    def __str__(self):
        return self.name_fi


class Coordinator(models.Model):
    """A municipality's administrative lead who may follow its trustees' completion."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordinations"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="coordinators"
    )

    class Meta:
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"], name="unique_coordinator"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.municipality})"
