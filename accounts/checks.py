"""Deployment checks (``manage.py check --deploy``) for what the operator must set.

The privacy notice tells people where to send data-protection requests; a
production site that still shows the placeholder address would send them
nowhere.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PLACEHOLDER_DOMAIN = "example.invalid"


@register(Tags.security, deploy=True)
def privacy_contact_is_set(app_configs, **kwargs):
    if settings.PRIVACY_CONTACT_EMAIL.lower().endswith("@" + PLACEHOLDER_DOMAIN):
        return [
            Warning(
                "PRIVACY_CONTACT_EMAIL is still the placeholder address.",
                hint="Set PRIVACY_CONTACT_EMAIL (and PRIVACY_CONTROLLER_NAME) to "
                "the organisation that runs Silta; the privacy notice shows them.",
                id="silta.W001",
            )
        ]
    return []
