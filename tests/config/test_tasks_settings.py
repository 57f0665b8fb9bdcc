"""Background tasks: the database queue in production, at once in the tests."""

from django.conf import settings

from tests.config.test_settings import _django


def test_production_queues_tasks_in_the_database():
    result = _django(
        "from django.conf import settings as s; print(s.TASKS['default']['BACKEND'])",
        DEBUG="0",
        SECRET_KEY="x" * 50,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend"
    assert (
        "django_tasks_db"
        in _django(
            "from django.conf import settings as s; print(s.INSTALLED_APPS)",
            DEBUG="0",
            SECRET_KEY="x" * 50,
        ).stdout
    )


def test_the_tests_run_tasks_at_once():
    assert settings.TASKS["default"]["BACKEND"] == (
        "django_tasks.backends.immediate.ImmediateBackend"
    )
