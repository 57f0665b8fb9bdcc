"""allauth adapter: lower-case e-mail, remembered language, and Silta's name in mail."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from accounts.language import url_in_language
from accounts.models import User


@dataclass(frozen=True)
class SiteIdentity:
    """What allauth's e-mails call "the site"; without django.contrib.sites it
    would be the bare host name."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """Stores the interface language a person signed up in as their preference,
    and writes to a known person in that language."""

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
        recipient = User.objects.filter(email__iexact=email).first()
        if recipient is None:
            # Not (yet) a user, e.g. a signup: the language they are using.
            super().send_mail(template_prefix, email, context)
            return
        language = recipient.preferred_language
        # Links in the mail (e.g. a password reset) lead to pages in it too.
        context = {
            key: url_in_language(value, language)
            if key.endswith("_url") and isinstance(value, str)
            else value
            for key, value in context.items()
        }
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
