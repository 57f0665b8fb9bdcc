from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        from accounts.privacy import register_personal_data
        from courses.legal_index import register_citation_source
        from courses.steps import register_step_kind
        from quizzes.legal_citations import question_citations
        from quizzes.personal_data import QUIZ_ATTEMPTS
        from quizzes.steps import QUIZZES

        register_step_kind(QUIZZES)
        register_citation_source(question_citations)
        register_personal_data(QUIZ_ATTEMPTS)
