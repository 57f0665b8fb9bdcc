from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Municipalities")

    def ready(self):
        from django.urls import reverse

        from accounts.privacy import register_personal_data
        from accounts.roles import GuardedArea, register_guarded_area
        from municipalities.coordinator_access import may_coordinate
        from municipalities.personal_data import (
            COORDINATIONS,
            INVITATIONS,
            REMINDERS,
        )

        register_personal_data(COORDINATIONS)
        register_personal_data(INVITATIONS)
        register_personal_data(REMINDERS)
        # Trustees' completion is personal data: coordinators and administrators
        # reach it only with a second factor.
        register_guarded_area(
            GuardedArea(
                "coordinator",
                prefix=lambda: reverse("coordinator_index"),
                role=may_coordinate,
            )
        )
