"""allauth adapter: keeps e-mail addresses lower-case and the language remembered."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Stores the interface language a person signed up in as their preference."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.email = user.email.lower()
        language = translation.get_language() or "fi"
        user.preferred_language = language[:2]
        if commit:
            user.save()
        return user
