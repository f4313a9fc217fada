"""The list of stored versions writes when each was made as the page's language does, in Helsinki time (decision
0012); the plan's own figures stay Finnish (plan_document/tables.py)."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from plan_document.models import PlanGeneration

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "made"), [("fi", "1.12.2026 10.30"), ("sv", "1.12.2026 10.30"), ("en", "1 Dec 2026 10:30")]
)
def test_the_versions_list_in_the_language(client, plan, make_user, language, made):
    client.force_login(make_user(role="area_manager", municipality_code="205"))
    client.post(reverse("plan_document:generate"), {"format": "docx", "month": "2023-08", "language": "fi"})
    PlanGeneration.objects.update(generated_at=datetime(2026, 12, 1, 8, 30, tzinfo=UTC))
    client.cookies["django_language"] = language
    page = client.get(reverse("plan_document:index")).content.decode()
    assert made in page
