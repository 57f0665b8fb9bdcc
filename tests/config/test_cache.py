"""The cache is shared by every process: Redis, or else the database, never memory."""

import json
import os
import subprocess
import sys

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.db import connection

from tests.config.test_settings import ROOT, _django

SETTINGS = (
    "from django.conf import settings as s; import json; "
    "print(json.dumps([s.CACHES['default'], s.SESSION_ENGINE, "
    "s.ACCOUNT_DEFAULT_HTTP_PROTOCOL]))"
)


def _settings(**env):
    result = _django(SETTINGS, **{"REDIS_URL": "", "SECRET_KEY": "k", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("debug", ["0", "1"])
def test_without_redis_the_cache_is_the_database(debug):
    cache, sessions, _ = _settings(DEBUG=debug)
    assert cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert cache["LOCATION"] == "silta_cache"
    assert sessions == "django.contrib.sessions.backends.cached_db"


def test_with_redis_the_cache_is_redis():
    cache, _, _ = _settings(DEBUG="0", REDIS_URL="redis://cache.example:6379/0")
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.example:6379/0"


def test_links_in_mail_are_https_in_production():
    assert _settings(DEBUG="0")[2] == "https"
    assert _settings(DEBUG="1")[2] == "http"
    assert _settings(DEBUG="0", ACCOUNT_DEFAULT_HTTP_PROTOCOL="http")[2] == "http"


@pytest.mark.django_db
def test_migrations_make_the_cache_table():
    # The test settings use local memory, so Django's test database creation
    # made no cache table: this one comes from the migration.
    assert "silta_cache" in connection.introspection.table_names()
    cache = DatabaseCache("silta_cache", {})
    cache.set("shared", "yes")
    assert cache.get("shared") == "yes"


def test_a_plain_migrate_gives_every_process_the_same_cache(tmp_path):
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DEBUG": "0",
        "SECRET_KEY": "k",
        "REDIS_URL": "",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'silta.sqlite3'}",
    }

    def run(*args):
        result = subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    run("manage.py", "migrate", "--no-input", "-v0")
    run(
        "manage.py",
        "shell",
        "-c",
        "from django.core.cache import cache; cache.set('logged-out', 'everywhere')",
    )
    assert "everywhere" in run(
        "manage.py",
        "shell",
        "-c",
        "from django.core.cache import cache; print(cache.get('logged-out'))",
    )


def test_the_process_logs_its_cache_without_the_password():
    result = _django(
        "import config.wsgi",
        DEBUG="0",
        SECRET_KEY="k",
        REDIS_URL="redis://:s3cret@cache.example:6379/5",
    )
    assert result.returncode == 0, result.stderr
    assert "Cache: RedisCache redis://***@cache.example:6379/5" in result.stderr
    assert "s3cret" not in result.stderr + result.stdout
    result = _django("import config.wsgi", DEBUG="0", SECRET_KEY="k", REDIS_URL="")
    assert "Cache: DatabaseCache silta_cache" in result.stderr
