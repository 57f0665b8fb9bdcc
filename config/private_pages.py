"""Pages with personal data are never stored by a browser or a shared cache.

One rule, in one place: every response rendered for a logged-in user (quiz
attempts and reviews, "my studies", lessons with progress, the admin), and
every page of the account views (allauth, under /tili/: login, signup,
password, e-mail, two-step verification), whoever asks, gets Django's
never-cache headers (`Cache-Control: max-age=0, no-cache, no-store,
must-revalidate, private`). Anonymous course pages are left alone, so the
anonymous page cache and browsers may still keep them.
"""

from django.utils.cache import add_never_cache_headers

ACCOUNT_VIEW_MODULES = ("allauth.",)


def is_private(request) -> bool:
    """Whether the response to `request` may carry personal data."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.func.__module__.startswith(ACCOUNT_VIEW_MODULES)


class PrivatePagesMiddleware:
    """Adds never-cache headers to private responses; see the module docstring.

    It sits just inside SessionMiddleware, so that reading the session here
    still adds `Vary: Cookie`, and outside the page cache and authentication,
    so that it sees every response that was rendered for a user.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_private(request):
            add_never_cache_headers(response)
        return response
