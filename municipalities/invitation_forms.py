"""Forms of the invitation pages: one person, or a file of many."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from municipalities.models import Body, Invitation, Membership


class LanguageField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Language of the e-mail"),
            choices=settings.LANGUAGES,
            help_text=_("People who already have an account get their own language."),
            **kwargs,
        )


class InvitationForm(forms.Form):
    """One person to one seat in a body of the coordinator's municipality."""

    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
    language = LanguageField()

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = municipality.bodies.order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("email") and data.get("body"):
            data["email"] = data["email"].lower()
            if Invitation.objects.filter(
                email=data["email"],
                body=data["body"],
                accepted_at=None,
                revoked_at=None,
            ).exists():
                raise forms.ValidationError(
                    _(
                        "This person already has an open invitation to this body; "
                        "resend it from the list instead."
                    )
                )
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "The first row names the columns: sähköposti, etunimi, sukunimi, "
            "toimielin, rooli (or e-mail, first name, last name, body, role). "
            "At most 500 people and 2 MB."
        ),
    )
    language = LanguageField()
