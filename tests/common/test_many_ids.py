"""`common.bulk.many_ids`: the same rows as a plain list of ids, on PostgreSQL as one array parameter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.bulk import many_ids
from organisation.models import Municipality

pytestmark = pytest.mark.django_db


def test_many_ids_filter_the_rows_a_list_of_ids_filters(area):
    ids = sorted(Municipality.objects.values_list("pk", flat=True))[::3] + [10**12]
    chosen = Municipality.objects.filter(pk__in=many_ids(ids)).order_by("pk")
    with CaptureQueriesContext(connection) as queries:
        found = list(chosen.values_list("pk", flat=True))
    assert found == ids[:-1] and len(found) == 4
    assert not Municipality.objects.filter(pk__in=many_ids([])).exists()
    if connection.vendor == "postgresql":
        assert "unnest" in queries.captured_queries[0]["sql"]
