"""Settings from the environment, the health check, and migrations kept complete."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError

from accounts.checks import privacy_contact_is_set

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _django(code: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _django("pass", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_development_has_a_default_key():
    assert _django("pass", DEBUG="1").returncode == 0


def test_database_and_redis_come_from_the_environment():
    result = _django(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])",
        DEBUG="1",
        DATABASE_URL="postgres://u:p@db.example:5432/silta",
        REDIS_URL="redis://cache.example:6379/0",
    )
    assert "postgresql" in result.stdout
    assert "RedisCache" in result.stdout


def test_deploy_check_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECRET_KEY": "x" * 64 + "production-like-secret-key-with-entropy-1234",
            "ALLOWED_HOSTS": "silta.example.fi",
            "PRIVACY_CONTACT_EMAIL": "tietosuoja@silta.example.fi",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_health_reports_database(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_health_reports_unreachable_database(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    from django.db import connection

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/health/")
    assert response.status_code == 503


@pytest.mark.django_db
def test_no_migrations_are_missing():
    output = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=output)
    assert "No changes detected" in output.getvalue()


def test_static_files_are_compressed_and_hashed_in_production():
    result = _django(
        "from django.conf import settings as s; "
        "print(s.STORAGES['staticfiles']['BACKEND'])",
        DEBUG="0",
        SECRET_KEY="k",
    )
    assert "CompressedManifestStaticFilesStorage" in result.stdout


@pytest.mark.django_db
def test_learner_pages_have_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_admin_is_not_given_the_strict_policy(client):
    assert "Content-Security-Policy" not in client.get("/admin/login/")


def test_deploy_check_warns_while_the_privacy_contact_is_the_placeholder(settings):
    settings.PRIVACY_CONTACT_EMAIL = "tietosuoja@example.invalid"
    assert [w.id for w in privacy_contact_is_set(None)] == ["silta.W001"]
    settings.PRIVACY_CONTACT_EMAIL = "tietosuoja@kuntaverkosto.fi"
    assert privacy_contact_is_set(None) == []
