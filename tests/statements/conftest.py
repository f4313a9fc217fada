import pytest

from tests.jobseekers.factories import make_jobseeker


@pytest.fixture
def people(area, make_staff):
    """A Hyrynsalmi resident served by Paltamo (578), Paltamo's counsellor and decision makers, and a decision maker
    of Kajaani (205) who must not see or approve Paltamo's statements."""
    return {
        "jobseeker": make_jobseeker(municipality="105", first_name="Hilkka", last_name="Hyrynen"),
        "counsellor": make_staff("counsellor", "578", team="paltamo-pienet-kunnat", username="ohjaaja"),
        "decision_maker": make_staff("decision_maker", "578", username="paattaja"),
        "other_decision_maker": make_staff("decision_maker", "578", username="paattaja2"),
        "outsider": make_staff("decision_maker", "205", username="kajaanin-paattaja"),
    }
