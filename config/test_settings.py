"""Settings for the test suite: production settings with test-only shortcuts."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from config.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# A code computed just before a 30-second boundary must still pass when the
# test posts it just after; production keeps allauth's strict default of 0.
MFA_TOTP_TOLERANCE = 1
# One pytest process is one process, so a per-process cache shares nothing that
# production would share. It is kept here on purpose: query-count tests measure
# the application's own database work, and the database cache of the production
# settings would add a cache-table query to every count. The production rule
# (Redis or the database, never local memory) is tested in tests/config.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tasks run inside the request or call that enqueues them, so a test sees their
# effects (rows, mail.outbox) at once; production queues them in the database.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
