import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("jobseekers", "0004_search_name"),
        ("organisation", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="JobseekerChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("field", "tiedon muutos"),
                            ("status", "tilan muutos"),
                            ("routing", "ohjaajaryhmän muutos"),
                            ("job_search_ended", "työnhaku päättyi"),
                            ("job_search_reopened", "työnhaku alkoi uudelleen"),
                        ],
                        max_length=30,
                        verbose_name="laji",
                    ),
                ),
                ("field", models.CharField(blank=True, max_length=50, verbose_name="tieto")),
                ("old_value", models.JSONField(blank=True, null=True, verbose_name="vanha arvo")),
                ("new_value", models.JSONField(blank=True, null=True, verbose_name="uusi arvo")),
                ("effective_on", models.DateField(verbose_name="voimassa alkaen")),
                ("reason", models.TextField(blank=True, verbose_name="peruste")),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="tallennettu")),
                (
                    "changed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="tekijä",
                    ),
                ),
                (
                    "jobseeker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="changes",
                        to="jobseekers.jobseeker",
                        verbose_name="työnhakija",
                    ),
                ),
            ],
            options={
                "verbose_name": "työnhakijan tietojen muutos",
                "verbose_name_plural": "työnhakijan tietojen muutokset",
                "ordering": ["-changed_at", "-pk"],
                "indexes": [models.Index(fields=["jobseeker", "-changed_at"], name="jobseeker_change_history")],
            },
        ),
        migrations.AddField(
            model_name="jobseeker",
            name="job_search_end_reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("employed", "työllistyi"),
                    ("education", "aloitti opinnot"),
                    ("own_request", "asiakkaan oma ilmoitus"),
                    ("no_contact", "asiakas ei ollut yhteydessä"),
                    ("moved_away", "muutti pois työllisyysalueelta"),
                    ("pension", "siirtyi eläkkeelle"),
                    ("other", "muu syy"),
                ],
                max_length=20,
                verbose_name="työnhaun päättymisen syy",
            ),
        ),
        migrations.AddField(
            model_name="jobseeker",
            name="job_search_ended_on",
            field=models.DateField(blank=True, null=True, verbose_name="työnhaku päättyi"),
        ),
        migrations.AddConstraint(
            model_name="jobseeker",
            constraint=models.CheckConstraint(
                condition=models.Q(("job_search_ended_on__isnull", True))
                | models.Q(("job_search_ended_on__gte", models.F("job_search_started_on"))),
                name="jobseeker_search_ends_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="jobseeker",
            constraint=models.CheckConstraint(
                condition=models.Q(("job_search_end_reason", "")) | models.Q(("job_search_ended_on__isnull", False)),
                name="jobseeker_end_reason_has_date",
            ),
        ),
    ]
