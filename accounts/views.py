"""Account views that allauth does not provide: the other login URLs point to it,
and the language switcher."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from accounts.language import url_in_language
from accounts.roles import admin_prefix


def _to_allauth_login(request, default_next: str):
    next_url = request.GET.get("next") or default_next
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default_next
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


def admin_login_redirect(request):
    """Replace Wagtail's admin login so that every login passes allauth and MFA."""
    return _to_allauth_login(request, admin_prefix())


def frontend_login_redirect(request):
    """Replace Wagtail's front-end login (``/_util/login/``) in the same way.

    Wagtail's own view logs in with a password alone: no rate limit, no e-mail
    verification, no second factor. It must never be reachable.
    """
    return _to_allauth_login(request, reverse("my_studies"))


@require_POST
def switch_language(request):
    """Show the page in another language; a logged-in user's preference follows.

    Django's ``set_language`` resolves `next` in the default language, so it
    cannot translate a /sv/ or /en/ address back; this view resolves it in
    the language the address is in.
    """
    language = request.POST.get("language")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    user = request.user
    if user.is_authenticated and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return HttpResponseRedirect(url_in_language(next_url, language))
