from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    name = "accessibility"
    verbose_name = _("Accessibility")

    def ready(self):
        from accessibility.personal_data import FEEDBACK
        from accounts.privacy import register_personal_data

        register_personal_data(FEEDBACK)
