from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        from accounts.privacy import register_personal_data
        from quizzes.personal_data import QUIZ_ATTEMPTS

        register_personal_data(QUIZ_ATTEMPTS)
