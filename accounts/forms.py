"""allauth form overrides."""

from allauth.account.forms import SignupForm
from django.contrib.auth.hashers import make_password


class EvenTimeSignupForm(SignupForm):
    """Signup that costs the same whether or not the address already has an account.

    With enumeration prevention allauth creates nobody for a known address and
    e-mails its owner instead, but it skips the password hash that a new
    account costs, so the answer came ~20 times faster and told who is
    registered. Hashing the given password here evens out the work.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
