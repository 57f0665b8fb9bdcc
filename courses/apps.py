from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from accounts.privacy import register_personal_data
        from courses.certificates import issue_due_certificates
        from courses.lessons import LESSONS
        from courses.page_cache import connect_signals
        from courses.personal_data import CERTIFICATES, LESSON_COMPLETIONS
        from courses.steps import after_records_change, register_step_kind

        connect_signals()
        register_personal_data(LESSON_COMPLETIONS)
        register_personal_data(CERTIFICATES)
        register_step_kind(LESSONS)
        after_records_change(issue_due_certificates)
