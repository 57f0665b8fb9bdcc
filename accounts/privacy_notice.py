"""The privacy notice (tietosuojaseloste, dataskyddsbeskrivning) at /tietosuoja/.

One template per interface language, each written in that language rather
than through gettext, since a legal text reads better whole. What varies by
installation comes from the settings: the controller's name and address.
Each personal-data part registered in `accounts.privacy` has a section with
the id ``data-<name>`` in every template, and a test fails when one is missing
(tests/accounts/test_privacy_notice.py).
"""

from datetime import date

from django.conf import settings
from django.shortcuts import render
from django.utils import translation

from accounts.language import one_of

LANGUAGES = ("fi", "sv", "en")
# Change this date whenever the text says something new.
UPDATED = date(2026, 12, 1)


def template_for(language: str | None) -> str:
    """The notice's template in `language`, or the Finnish one."""
    return f"accounts/privacy_notice/{one_of(language, LANGUAGES)}.html"


def privacy_notice(request):
    """Public: what Silta keeps, why, how long, who sees it and your rights."""
    context = {
        "controller_name": settings.PRIVACY_CONTROLLER_NAME,
        "contact_email": settings.PRIVACY_CONTACT_EMAIL,
        "updated": UPDATED,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
    }
    return render(request, template_for(translation.get_language()), context)
