import pytest


@pytest.fixture
def staff(area, make_staff):
    """A Kajaani adults-team counsellor, a Kajaani supervisor, an area manager and employer services."""
    return {
        "counsellor": make_staff("counsellor", "205", team="kajaani-aikuiset"),
        "supervisor": make_staff("supervisor", "205"),
        "manager": make_staff("area_manager", "205"),
        "employer_services": make_staff("employer_services", "205"),
    }


@pytest.fixture
def client_of(staff):
    """A Kajaani job seeker of the counsellor."""
    from tests.jobseekers.factories import make_jobseeker

    return make_jobseeker(with_counsellor=staff["counsellor"], last_name="Yhteistyö")
