"""Project-level views that belong to no app."""

from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def health(request):
    """Report whether the app can reach its database, for load balancers and Docker."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request):
    """The 500 page in the request's language (`handler500`).

    Django's own handler renders it in whatever language is active, which is
    Finnish when the error came before the locale middleware. The page uses no
    context processors, so it needs no database; should rendering fail
    anyway, a plain sentence in the same language is the answer.
    """
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language or translation.get_language()):
        try:
            return HttpResponseServerError(loader.render_to_string("500.html"))
        except Exception:  # noqa: BLE001 - the error page itself must not fail
            return HttpResponseServerError(
                translation.gettext("An error occurred in the service"),
                content_type="text/plain; charset=utf-8",
            )
