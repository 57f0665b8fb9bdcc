import pytest
from django.core.cache import cache

from tests.factories import build_course, verified_user


@pytest.fixture
def trustee(db):
    return verified_user(email="trustee@example.fi")


@pytest.fixture
def course(db):
    return build_course(modules=2, lessons=3)


@pytest.fixture(autouse=True)
def fresh_visitor():
    """Each test starts as a new visitor: default language, no rate-limit history.

    A request under /sv/ leaves Swedish active in the thread, which would make
    `reverse()` and `page.url` in the next test produce /sv/ addresses.
    """
    from django.utils import translation

    translation.activate("fi")
    cache.clear()  # allauth's rate-limit counters live in the cache
    yield
    translation.deactivate()
