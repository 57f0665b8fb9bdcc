"""allauth adapter: lower-case e-mail, remembered language, and Silta's name in mail."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation


@dataclass(frozen=True)
class SiteIdentity:
    """What allauth's e-mails call "the site"; without django.contrib.sites it
    would be the bare host name."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """Stores the interface language a person signed up in as their preference."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.email = user.email.lower()
        user.preferred_language = (translation.get_language() or "fi")[:2]
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        domain = self.request.get_host() if self.request else ""
        context = {
            "current_site": SiteIdentity(settings.WAGTAIL_SITE_NAME, domain),
            **context,
        }
        super().send_mail(template_prefix, email, context)
