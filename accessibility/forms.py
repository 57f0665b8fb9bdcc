"""The accessibility feedback form: what a person writes, and the spam fields.

Errors are tied to their fields (`aria-describedby`, `aria-invalid`), so a
screen reader reads the message at the field it concerns.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from accessibility import spam
from accessibility.models import MESSAGE_MAX_LENGTH, PAGE_URL_MAX_LENGTH

VISIBLE = ("message", "page_url", "email")


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("Your feedback"),
        help_text=_("What did not work, and on which device or program, if known."),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your feedback before sending."),
            "max_length": ngettext_lazy(
                "The feedback can be at most %(limit_value)d character long; "
                "now it is %(show_value)d.",
                "The feedback can be at most %(limit_value)d characters long; "
                "now it is %(show_value)d.",
                "limit_value",
            ),
        },
    )
    page_url = forms.CharField(
        label=_("Address or name of the page concerned (optional)"),
        max_length=PAGE_URL_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": ngettext_lazy(
                "The page address can be at most %(limit_value)d character long.",
                "The page address can be at most %(limit_value)d characters long.",
                "limit_value",
            )
        },
    )
    email = forms.EmailField(
        label=_("Your e-mail address for a reply (optional)"),
        help_text=_("Without an address we cannot answer you."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Enter the e-mail address in the form name@example.fi.")
        },
    )
    # Never shown to people; see accessibility.spam.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A re-shown form keeps its first token: the person's time counts.
        self.fields[spam.TOKEN].initial = spam.issue_token()
        for name in VISIBLE:
            widget = self.fields[name].widget
            described = [f"{name}-help"] if self.fields[name].help_text else []
            if self.errors.get(name):
                described.append(f"{name}-error")
                widget.attrs["aria-invalid"] = "true"
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)

    def visible_fields(self):
        return [self[name] for name in VISIBLE]
