"""Schemathesis over the whole OpenAPI schema, as an administrator and as a counsellor.

The schema is generated in-process, so every operation added later is fuzzed without anyone listing it. Bounded and
deterministic: a fixed number of examples per operation and derandomised generation.
"""

import base64

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis import checks

from tests.conftest import TEST_PASSWORD

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = get_wsgi_application()

CHECKS = [
    checks.not_a_server_error,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
    checks.content_type_conformance,
]


def basic_auth(username):
    token = base64.b64encode(f"{username}:{TEST_PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.fixture
def fuzz_users(area, make_user):
    # Calling the WSGI handler directly (not through Django's test client) would close the test's connection at the
    # end of each request and lose its transaction on PostgreSQL; the test client keeps it open the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    make_user(role="administrator", municipality_code="205", username="fuzz-admin", is_superuser=True)
    make_user(role="counsellor", municipality_code="578", username="fuzz-counsellor")
    yield ["fuzz-admin", "fuzz-counsellor"]
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_never_fails_and_matches_its_schema(case, fuzz_users):
    for username in fuzz_users:
        case.call_and_validate(headers=basic_auth(username), checks=CHECKS)
