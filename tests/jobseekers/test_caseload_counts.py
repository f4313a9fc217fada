"""The caseload counts the database keeps (CaseloadCount, migration 0007) equal a full recount of the registry after
any sequence of registrations, assignments, transfers, endings, re-registrations and bulk writes."""

import contextlib
from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobseekers import batch, changes, organisation_adapter, selectors, services
from jobseekers.models import CaseloadCount, CounsellorAssignment, Jobseeker
from tests.jobseekers.factories import make_jobseeker, registration, synthetic_hetu

pytestmark = pytest.mark.django_db

MUNICIPALITIES = ["205", "290", "105", "578", "765"]


def kept() -> Counter:
    counts = Counter()
    for counsellor, pool, serving, municipality, clients in selectors.client_count_groups():
        counts[(counsellor, pool, serving, municipality)] += clients
    return counts


def recounted() -> Counter:
    return Counter(
        {
            (c, pool, serving, municipality): n
            for c, pool, serving, municipality, n in selectors.client_count_groups_recounted()
        }
    )


@pytest.fixture
def staff(area, make_staff, make_user):
    return {
        "supervisor": make_user(role="supervisor", municipality_code="205"),
        "counsellors": [
            make_staff(team="kajaani-aikuiset", fte=1),
            make_staff(team="kajaani-aikuiset", fte=1),
            make_staff(municipality_code="290", team="kuhmo", fte=1),
        ],
    }


def _person(index: int) -> Jobseeker | None:
    people = list(Jobseeker.objects.order_by("pk"))
    return people[index % len(people)] if people else None


def _apply(operation: str, index: int, staff: dict) -> None:
    today = timezone.localdate()
    supervisor, counsellors = staff["supervisor"], staff["counsellors"]
    person = _person(index)
    if operation == "register" or person is None:
        make_jobseeker(municipality=MUNICIPALITIES[index % len(MUNICIPALITIES)], today=today)
    elif operation == "assign":
        services.reassign(
            jobseeker=person, counsellor=counsellors[index % len(counsellors)], note="Tasaus tiimissä", by=supervisor
        )
    elif operation == "transfer":
        changes.update_jobseeker(person, {"municipality": MUNICIPALITIES[index % len(MUNICIPALITIES)]}, by=supervisor)
    elif operation == "end":
        changes.end_job_search(person, ended_on=today, reason="employed", by=supervisor)
    elif operation == "reopen":
        services.register_jobseeker(
            registration(hetu=person.reveal_hetu(), job_search_started_on=today),
            registered_by=None,
            organisation=organisation_adapter.build(),
            today=today,
            allow_temporary=True,
        )
    elif operation == "batch":
        batch.assign_unassigned()
    elif operation == "bulk_unassign":
        # A bulk write beside the services (as a data fix would do it), history kept consistent.
        people = Jobseeker.objects.filter(pk__lte=person.pk)
        CounsellorAssignment.objects.filter(jobseeker__in=people, ended_at__isnull=True).update(ended_at=timezone.now())
        people.update(responsible_counsellor=None)
    elif operation == "delete":
        person.delete()


OPERATIONS = ["register", "assign", "transfer", "end", "reopen", "batch", "bulk_unassign", "delete"]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 50)), min_size=1, max_size=8))
def test_kept_counts_equal_a_full_recount_after_any_sequence_of_writes(staff, steps):
    for operation, index in steps:
        # A refused write (already ended, the same counsellor, ...) writes nothing: the counts must still hold.
        with contextlib.suppress(ValidationError):
            _apply(operation, index, staff)
        assert kept() == recounted(), (operation, index)


def test_the_dashboard_reads_the_kept_counts(staff):
    kajaani_counsellor = staff["counsellors"][0]
    make_jobseeker(with_counsellor=kajaani_counsellor)
    make_jobseeker(with_counsellor=kajaani_counsellor)
    make_jobseeker()  # unassigned in Kajaani
    CaseloadCount.objects.filter(counsellor_id=kajaani_counsellor.pk).update(clients=7)
    data = selectors.caseloads(staff["supervisor"])
    row = next(c for c in data["counsellors"] if c.key == f"user:{kajaani_counsellor.pk}")
    kajaani = next(c for c in data["municipalities"] if c.name == "Kajaani")
    assert row.clients == 7 and (kajaani.clients, kajaani.unassigned) == (8, 1)


def test_a_refused_write_leaves_the_counts_as_they_were(staff):
    person = make_jobseeker(with_counsellor=staff["counsellors"][0])
    changes.end_job_search(person, ended_on=timezone.localdate(), reason="employed", by=staff["supervisor"])
    before = kept()
    with pytest.raises(ValidationError):
        changes.end_job_search(
            person, ended_on=timezone.localdate() + timedelta(days=1), reason="employed", by=staff["supervisor"]
        )
    assert kept() == before == recounted()


def test_a_new_registration_is_counted_for_its_counsellor_pool_and_municipalities(staff):
    counsellor = staff["counsellors"][0]
    person = make_jobseeker(with_counsellor=counsellor, hetu=synthetic_hetu())
    assert kept() == Counter({(counsellor.pk, person.pool, person.serving_municipality_id, person.municipality_id): 1})


def test_the_counsellor_table_is_shown_by_pages_and_exported_whole(client, staff, monkeypatch):
    from jobseekers import tables

    monkeypatch.setattr(tables, "COUNSELLOR_PAGE_SIZE", 2)
    client.force_login(staff["supervisor"])
    names = []
    for page in ("1", "2"):
        response = client.get("/asiakkaat/asiakasmaarat/", {"kunta": "kaikki", "page": page})
        assert response.context["page"].paginator.count == 3
        names += [row["name"] for row in response.context["counsellor_table"].rows]
        assert "page=" in response.content.decode()  # the pagination links keep the municipality filter
        assert "kunta=kaikki&amp;page=" in response.content.decode()
    assert sorted(names) == sorted(str(c) for c in staff["counsellors"])
    export = client.get("/asiakkaat/asiakasmaarat/vienti/asiakasmaarat-ohjaajat.csv", {"kunta": "kaikki"})
    assert export.content.decode().count("\n") == 1 + 3


@pytest.mark.django_db(transaction=True)
def test_the_migration_counts_the_rows_already_there_and_its_reverse_drops_the_triggers(staff):
    kept_person = make_jobseeker(with_counsellor=staff["counsellors"][0])
    make_jobseeker(municipality="290")
    ended = make_jobseeker(with_counsellor=staff["counsellors"][2], municipality="290")
    executor = MigrationExecutor(connection)
    executor.migrate([("jobseekers", "0006_languages_and_cards")])
    # Without the counts table a trigger left behind would fail these writes.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE jobseekers_jobseeker SET responsible_counsellor_id = NULL WHERE id = %s", [kept_person.pk]
        )
        cursor.execute("UPDATE jobseekers_jobseeker SET job_search_ended_on = routed_on WHERE id = %s", [ended.pk])
        cursor.execute("DELETE FROM jobseekers_jobseeker WHERE id = -1")
    executor.loader.build_graph()
    executor.migrate([("jobseekers", "0007_caseload_counts")])
    assert kept() == recounted() and sum(kept().values()) == 2
    make_jobseeker(with_counsellor=staff["counsellors"][0])  # the triggers are back
    assert kept() == recounted() and sum(kept().values()) == 3


def test_every_trigger_is_there_after_all_migrations():
    # On SQLite a later AlterField/RemoveField on these tables rebuilds them (copy, drop, rename) and drops their
    # triggers without a word: such a migration must install them again (see the migrations' SQLITE_TRIGGERS).
    names = {
        f"{prefix}_{event}"
        for prefix in ("jobseekers_caseload", "service_model_on_time")
        for event in ("insert", "update", "delete")
    }
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        assert names <= {name for (name,) in cursor.fetchall()}
