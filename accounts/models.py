"""The Silta user: e-mail is the login, and the user chooses the interface language."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Stand-ins for erased people have addresses here (accounts.privacy); the
# domain is reserved, so no real address can end with it.
ERASED_DOMAIN = "erased.invalid"


class SiltaUserManager(UserManager):
    """Creates users keyed by e-mail, since there is no username."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using Silta: trustee, coordinator, facilitator or administrator.

    Roles are not fields here: facilitators are a Wagtail group, coordinators are
    `municipalities.Coordinator` rows, and everyone is a learner.
    """

    class Language(models.TextChoices):
        FINNISH = "fi", "Suomi"
        SWEDISH = "sv", "Svenska"
        ENGLISH = "en", "English"

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language.choices,
        default=Language.FINNISH,
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = SiltaUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return str(self.display_name)

    @property
    def is_stand_in(self) -> bool:
        """Whether this row only holds an erased person's anonymous data."""
        return self.email.endswith(f"@{ERASED_DOMAIN}")

    @property
    def display_name(self) -> str:
        """How coordinators and admins see the person: never a stand-in's address."""
        if self.is_stand_in:
            return _("deleted user")
        return self.get_full_name() or self.email


class AccountDeletion(models.Model):
    """That an account was erased, when, by whom and which parts: no one's data.

    Written in the erasure's transaction (accounts.privacy.erase_user), so
    the log and the erasure cannot disagree. Nothing here says whose account
    it was.
    """

    deleted_at = models.DateTimeField(_("deleted at"), default=timezone.now)
    by_self = models.BooleanField(
        _("deleted by the person"),
        help_text=_("False when an operator erased the account."),
    )
    parts = models.JSONField(_("erased parts"), default=list)

    class Meta:
        verbose_name = _("account deletion")
        verbose_name_plural = _("account deletions")
        ordering = ["-deleted_at"]

    def __str__(self):
        return f"{self.deleted_at:%Y-%m-%d %H:%M}"
