"""Who may see a page: Wagtail's view restrictions, applied to every page view.

Wagtail checks view restrictions only when it serves a page itself. Silta's own
views (completing a lesson, starting, answering and reviewing a quiz) touch
pages by id, so they ask here too; `unmet_restriction` is the one decision and
the rest only turn it into a response.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from wagtail.models import Page, PageViewRestriction

from courses.page_cache import content_version


def unmet_restriction(request, page: Page) -> PageViewRestriction | None:
    """The first view restriction on `page` or its ancestors that `request` fails."""
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            return restriction
    return None


def page_access_response(request, page: Page) -> HttpResponse | None:
    """None when the request may use `page`; otherwise the response to give instead.

    A password-protected page sends the reader to the page itself, which asks
    for the password; a login-only or group page sends an anonymous reader to
    log in. A logged-in user outside the page's groups gets 404, as if the page
    did not exist: logging in again would not help, and the id tells nothing.
    """
    restriction = unmet_restriction(request, page)
    if restriction is None:
        return None
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        return redirect(page.get_url(request))
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(request))
    raise Http404


def _guarded_paths() -> tuple[str, ...]:
    """Tree paths of restricted pages and of aliases, per content version.

    Almost no page is restricted, so a page whose path starts with none of
    these needs no query at all. Aliases are included because Wagtail applies
    an alias's source restrictions, which a path prefix cannot see.
    """
    key = f"guarded-paths:{content_version()}"
    paths = cache.get(key)
    if paths is None:
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        aliases = Page.objects.filter(alias_of__isnull=False).values_list(
            "path", flat=True
        )
        paths = (*restricted, *aliases)
        cache.set(key, paths, 24 * 60 * 60)
    return paths


class RestrictionsReadOnce:
    """Page mixin: read the view restrictions once per page, and only if any apply.

    Wagtail's own check and `refuse_users_outside_groups` both ask for them
    while serving one page; without this each asks the database, twice.
    """

    def get_view_restrictions(self):
        if "_view_restrictions" not in self.__dict__:
            if self.alias_of_id or self.path.startswith(_guarded_paths()):
                self._view_restrictions = list(super().get_view_restrictions())
            else:
                self._view_restrictions = []
        return self._view_restrictions


def refuse_users_outside_groups(page, request, serve_args, serve_kwargs):
    """Wagtail's `before_serve_page` hook for group-only pages.

    Wagtail sends anyone who fails a group restriction to the login page, which
    sends an already logged-in user straight back: a redirect loop. Password and
    login restrictions are left to Wagtail, which shows its own forms.
    """
    if not request.user.is_authenticated:
        return
    restriction = unmet_restriction(request, page)
    if (
        restriction is not None
        and restriction.restriction_type == PageViewRestriction.GROUPS
    ):
        raise Http404
