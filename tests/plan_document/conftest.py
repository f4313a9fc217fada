import pytest

from tests.conftest import AREA_DIR


@pytest.fixture
def plan(area, settings):
    """The area with the plan's narrative loaded from its text, on a pinned day."""
    from plan_document import services

    settings.SERVICE_MODEL_TODAY = "2026-03-02"
    services.load_plan_texts(area, AREA_DIR / "plan.txt")
    return area
