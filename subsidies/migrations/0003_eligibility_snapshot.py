"""The eligibility inputs recorded on the application when it arrives (subsidies.assessment.eligibility_snapshot);
applications received before this are filled from their job seeker's record as it is now, on their own dates."""

from datetime import date

from django.db import migrations, models

# The registry's unemployed statuses (jobseekers.enums.UNEMPLOYED_STATUSES) and long-term limit
# (jobseekers.models.LONG_TERM_MONTHS) as they were when this migration was written: a migration does not follow later
# changes of the code.
UNEMPLOYED_STATUSES = {"unemployed", "fully_laid_off"}
LONG_TERM_MONTHS = 12


def _months_between(since: date, day: date) -> int:
    months = (day.year - since.year) * 12 + day.month - since.month
    return max(0, months - (day.day < since.day))


def _age(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def fill(apps, schema_editor):
    Application = apps.get_model("subsidies", "Application")
    for application in Application.objects.select_related("jobseeker").iterator():
        person = application.jobseeker
        unemployed = person.status in UNEMPLOYED_STATUSES and person.unemployed_since is not None
        months = _months_between(person.unemployed_since, application.received_on) if unemployed else None
        application.age_at_start = _age(person.birth_date, application.start_date)
        application.unemployed_since = person.unemployed_since if unemployed else None
        application.unemployment_months = months
        application.reduced_work_ability = person.reduced_work_ability
        application.long_term_unemployed = months is not None and months >= LONG_TERM_MONTHS
        application.save(
            update_fields=[
                "age_at_start",
                "unemployed_since",
                "unemployment_months",
                "reduced_work_ability",
                "long_term_unemployed",
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("jobseekers", "0005_changes"),
        ("subsidies", "0002_applications"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="age_at_start",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="ikä tuen alkaessa"),
        ),
        migrations.AddField(
            model_name="application",
            name="unemployed_since",
            field=models.DateField(blank=True, null=True, verbose_name="työttömänä alkaen"),
        ),
        migrations.AddField(
            model_name="application",
            name="unemployment_months",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="työttömyyden kesto hakemuksen saapuessa (kuukautta)"
            ),
        ),
        migrations.AddField(
            model_name="application",
            name="reduced_work_ability",
            field=models.BooleanField(blank=True, null=True, verbose_name="vajaakuntoinen"),
        ),
        migrations.AddField(
            model_name="application",
            name="long_term_unemployed",
            field=models.BooleanField(blank=True, null=True, verbose_name="pitkäaikaistyötön"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
