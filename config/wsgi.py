"""WSGI entry point for gunicorn (and runserver)."""

import logging
import os
from urllib.parse import urlsplit, urlunsplit

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()


def cache_description(config: dict) -> str:
    """The cache backend and where it is, without any password in the location."""
    backend = config["BACKEND"].rsplit(".", 1)[-1]
    locations = config.get("LOCATION", "")
    if isinstance(locations, str):
        locations = [locations]
    shown = []
    for location in locations:
        parts = urlsplit(location)
        if parts.password is not None or parts.username:
            host = parts.hostname or ""
            if parts.port:
                host = f"{host}:{parts.port}"
            location = urlunsplit(parts._replace(netloc=f"***@{host}"))
        shown.append(location)
    return f"{backend} {', '.join(shown)}".strip()


def _log_cache():
    from django.conf import settings

    from courses.page_cache import release

    # Once per process: each gunicorn worker imports this module once.
    logging.getLogger("config.wsgi").info(
        "Cache: %s; page-cache release %s",
        cache_description(settings.CACHES["default"]),
        release(),
    )


_log_cache()
