from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import checks, signals  # noqa: F401
        from accounts.personal_data import ACCOUNTS
        from accounts.privacy import register_personal_data

        register_personal_data(ACCOUNTS)
