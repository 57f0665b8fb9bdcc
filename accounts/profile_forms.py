"""Forms of the account page and the deletion page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User


def _model_field(name: str) -> forms.Field:
    """The user model's own form field: its label, choices and max length."""
    return User._meta.get_field(name).formfield()


class ProfileForm(forms.Form):
    """Name and preferred language. Names may be blank; whitespace is stripped.

    A plain form rather than a ModelForm: a ModelForm writes invalid input
    into its instance, and the page would then show it as the saved name.
    """

    first_name = _model_field("first_name")
    last_name = _model_field("last_name")
    preferred_language = _model_field("preferred_language")

    def __init__(self, *args, user: User, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "first_name": user.first_name,
                "last_name": user.last_name,
                "preferred_language": user.preferred_language,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def save(self, user: User) -> None:
        for name, value in self.cleaned_data.items():
            setattr(user, name, value)
        user.save(update_fields=list(self.cleaned_data))


class DeleteAccountForm(forms.Form):
    """Typing one's own address: deleting cannot be undone, so not one click."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Type the address you log in with to confirm."),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if email.casefold() != self.user.email.casefold():
            raise forms.ValidationError(
                _("This is not your e-mail address. Nothing was deleted.")
            )
        return email
