"""Root URLconf: health check and admin outside the language prefix, the site inside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import (
    admin_login_redirect,
    frontend_login_redirect,
    switch_language,
)
from config.views import health

handler500 = "config.views.server_error"

urlpatterns = [
    path("health/", health, name="health"),
    # Wagtail's own login has no rate limits or MFA: send it to allauth.
    path("admin/login/", admin_login_redirect, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Not Django's set_language, which cannot translate a /sv/ address back.
    path("kieli/", switch_language, name="switch_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "account/"), include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("courses.urls")),
    path("", include("quizzes.urls")),
    path("", include("municipalities.urls")),
    path(
        pgettext_lazy("URL path", "coordinator/"),
        include("municipalities.coordinator_urls"),
    ),
    # Shadows Wagtail's password-only front-end login; see accounts.views.
    path("_util/login/", frontend_login_redirect, name="wagtailcore_login"),
    path("", include("accessibility.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
