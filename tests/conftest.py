import pytest

from tests.factories import build_course, verified_user


@pytest.fixture
def trustee(db):
    return verified_user(email="trustee@example.fi")


@pytest.fixture
def course(db):
    return build_course(modules=2, lessons=3)
