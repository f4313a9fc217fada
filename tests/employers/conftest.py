import pytest

from tests.employers.factories import COOK, NURSE, make_occupations


@pytest.fixture
def occupations(db):
    make_occupations(NURSE, COOK)


@pytest.fixture
def employer_services(area, make_user):
    return make_user(role="employer_services", municipality_code="205")


@pytest.fixture
def counsellor(area, make_user):
    return make_user(role="counsellor", municipality_code="205")
