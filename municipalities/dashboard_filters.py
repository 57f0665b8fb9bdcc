"""The dashboard's filters, read from GET parameters.

Unknown values (a body of another municipality, a made-up role) make the form
invalid; the dashboard then says so and shows every trustee by name,
rather than guessing what was meant.
"""

from dataclasses import dataclass

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from municipalities.models import Body, Membership

SORT_BY_NAME = "name"
SORT_BY_PROGRESS = "progress"


@dataclass(frozen=True)
class Filters:
    """Which trustees to show and in what order; the defaults show everyone."""

    body_id: int | None = None
    role: str | None = None
    sort: str = SORT_BY_NAME

    @property
    def query(self) -> str:
        """The GET parameters that select these filters (for export links)."""
        params = {"body": self.body_id, "role": self.role, "sort": self.sort}
        return urlencode({key: value for key, value in params.items() if value})


class DashboardFilterForm(forms.Form):
    body = forms.TypedChoiceField(
        label=_("Body"), required=False, coerce=int, empty_value=None
    )
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[("", _("All roles")), *Membership.Role.choices],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(SORT_BY_NAME, _("Name")), (SORT_BY_PROGRESS, _("Progress"))],
    )

    def __init__(self, data, *, bodies: list[Body]):
        super().__init__(data)
        self.fields["body"].choices = [
            ("", _("All bodies")),
            *((body.pk, body.name) for body in bodies),
        ]
        for name in self.errors:
            self.fields[name].widget.attrs["aria-describedby"] = f"{name}-error"

    def filters(self) -> Filters:
        """The chosen filters, or the defaults when any value is unknown."""
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(data["body"], data["role"] or None, data["sort"] or SORT_BY_NAME)
