"""Migration 0006 runs backwards over existing data: a closed application returns to its payment phase, which the
earlier code knows, and forwards again."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from organisation.models import Team
from subsidies.models import Application
from tests.subsidies.factories import advance, make_application


@pytest.mark.django_db(transaction=True)
def test_the_migration_runs_backwards_and_forwards_with_a_closed_application(area, rates, make_user):
    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    decider = make_user(role="decision_maker", municipality_code="578")
    application = advance(make_application(preparer), preparer, to="notified", decider=decider)
    Application.objects.filter(pk=application.pk).update(state="closed")
    executor = MigrationExecutor(connection)
    executor.migrate([("subsidies", "0005_payments")])
    with connection.cursor() as cursor:
        cursor.execute("SELECT state FROM subsidies_application WHERE id = %s", [application.pk])
        assert cursor.fetchone() == ("notified",)
    executor.loader.build_graph()
    executor.migrate([("subsidies", "0006_attachments_and_payment_review")])
    call_command("migrate", verbosity=0)
    application.refresh_from_db()
    assert application.state == "notified"
