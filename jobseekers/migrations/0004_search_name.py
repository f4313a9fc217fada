"""The folded search name (jobseekers.names.search_key) for every job seeker, and on PostgreSQL a trigram index on it.

A search word may be any part of a name ("lehti" or "maki" finds Lehtimäki), so the query is LIKE '%word%', which a
B-tree cannot serve; pg_trgm's GIN index can, which keeps a name search fast at national scale (700 000 rows).
SQLite has no such index and scans the scoped rows – the embedded database holds one area's data.
"""

from django.db import migrations, models

from jobseekers.names import search_key

BATCH = 5000
INDEX = "jobseeker_search_name_trgm"


def fill(apps, schema_editor):
    Jobseeker = apps.get_model("jobseekers", "Jobseeker")
    changed = []
    for pk, first, last in Jobseeker.objects.order_by("pk").values_list("pk", "first_name", "last_name").iterator():
        changed.append(Jobseeker(pk=pk, search_name=search_key(first, last)))
        if len(changed) >= BATCH:
            Jobseeker.objects.bulk_update(changed, ["search_name"])
            changed = []
    Jobseeker.objects.bulk_update(changed, ["search_name"])


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON jobseekers_jobseeker USING gin (search_name gin_trgm_ops)"  # noqa: S608
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("jobseekers", "0003_journal")]

    operations = [
        migrations.AddField(
            model_name="jobseeker",
            name="search_name",
            field=models.TextField(default="", editable=False, verbose_name="nimi haussa"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
