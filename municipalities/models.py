"""Municipalities, their decision-making bodies, who sits in them, and coordinators.

A coordinator follows the completion of the trustees of their own municipality;
who those trustees are comes from Membership (a person's seat in a body). The
municipality list is loaded from Statistics Finland's data
(`manage.py load_municipalities`) and corrected by administrators, never
hard-coded.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The council term that started after the 2025 municipal elections.
TERM_START = date(2025, 6, 1)
TERM_END = date(2029, 5, 31)


class Municipality(models.Model):
    """A Finnish municipality, identified by Statistics Finland's three-digit code."""

    class Area(models.TextChoices):
        MAINLAND = "mainland", _("Mainland Finland")
        ALAND = "aland", _("Åland")

    code = models.CharField(_("municipality code"), max_length=3, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    area = models.CharField(
        _("area"), max_length=10, choices=Area.choices, default=Area.MAINLAND
    )
    wellbeing_county = models.CharField(
        _("wellbeing services county"), max_length=100, blank=True
    )
    in_network = models.BooleanField(_("member of the network"), default=False)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name_fi"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{3}$"), name="municipality_code_digits"
            )
        ]

    def __str__(self):
        return self.name_fi

    @property
    def local_name(self) -> str:
        """The Swedish name on Swedish pages and mail where there is one."""
        if get_language() == "sv" and self.name_sv:
            return self.name_sv
        return self.name_fi


class Body(models.Model):
    """A decision-making body of one municipality: the council, a committee…"""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Council (valtuusto)")
        BOARD = "board", _("Municipal board (kunnanhallitus)")
        COMMITTEE = "committee", _("Committee (lautakunta)")
        AUDIT = "audit", _("Audit committee (tarkastuslautakunta)")
        ELECTION = "election", _("Central election committee (keskusvaalilautakunta)")
        OTHER = "other", _("Other body")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="bodies"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("name"), max_length=150, help_text=_("For example Sivistyslautakunta.")
    )

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["municipality__name_fi", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="unique_body_name"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.municipality})"


class Membership(models.Model):
    """A trustee's seat in a body for a term."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        DEPUTY = "deputy", _("Deputy member")
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    term_start = models.DateField(_("term starts"), default=TERM_START)
    term_end = models.DateField(_("term ends"), default=TERM_END)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "body"], name="unique_membership"),
            models.CheckConstraint(
                condition=Q(term_end__gte=F("term_start")),
                name="membership_term_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.body}"


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


class Invitation(models.Model):
    """A coordinator's invitation to one person to take a seat in a body.

    The secret token in the e-mailed link is the only way in; accepting it
    (by the owner of the invited address, once logged in) creates the
    Membership. Open means neither accepted nor revoked; an open invitation
    past `expires_at` can be resent, which extends it.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="invitations"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    email = models.EmailField(_("e-mail address"))
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="fi"
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_sent_at = models.DateTimeField(null=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(null=True)
    revoked_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            # One open invitation per person and body: a second is a resend.
            models.UniqueConstraint(
                fields=["body", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="unique_open_invitation",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="invitation_accepted_or_revoked",
            ),
        ]

    def __str__(self):
        return f"{self.email} – {self.body}"


class ReminderOptOut(models.Model):
    """A trustee's wish to get no reminder e-mails from coordinators.

    One row per user who turned reminders off on "My municipality"; no row
    means reminders are on, so the default needs no data.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_opt_out",
    )
    created_at = models.DateTimeField(_("turned off at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder opt-out")
        verbose_name_plural = _("reminder opt-outs")

    def __str__(self):
        return str(self.user)


class Reminder(models.Model):
    """One reminder e-mail sent to a trustee about an unfinished module.

    Both the log coordinators read and the memory of the rule "at most one
    reminder per trustee and module in 7 days" (`municipalities.reminders`).
    An event row: written once, when the mail goes out.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminders_received",
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="reminders"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reminders_sent",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        indexes = [
            models.Index(
                fields=["municipality", "sent_at"], name="reminder_municipality"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "sent_at"], name="unique_reminder"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.module_id} ({self.sent_at:%Y-%m-%d})"
