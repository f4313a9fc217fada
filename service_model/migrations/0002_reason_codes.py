"""Deadline.reason and JobSearchObligation.default_reason held the core's English prose; they now hold its reason code
and parameters, rendered in the reader's language at display time. Existing prose is read back into codes here."""

import re

from django.db import migrations, models

# The core's former sentences (service_model/rules.py before reason codes) → code and parameter names.
_PROSE = [
    (r"initial interview within (\d+) working days", "initial_interview", ["days"],
     "initial interview within {days} working days"),
    (r"previous job search ended less than (\d+) months ago", "returning_discussion", ["months"],
     "previous job search ended less than {months} months ago"),
    (r"job-search discussion (\d+) months after the previous one \((\S+)\)", "job_search_discussion",
     ["months", "previous"], "job-search discussion {months} months after the previous one ({previous})"),
    (r"intensive start: a discussion every (\d+) days during the first (\d+) months", "intensive_start",
     ["days", "months"], "intensive start: a discussion every {days} days during the first {months} months"),
    (r"long-term intensified period from (\S+): (\d+) discussions (\d+) days apart", "long_term_period",
     ["begins", "discussions", "days"],
     "long-term intensified period from {begins}: {discussions} discussions {days} days apart"),
    (r"general rule", "obligation_general", [], "general rule"),
    (r"part-time work", "obligation_part_time", [], "part-time work"),
    (r"self-motivated study", "obligation_student", [], "self-motivated study"),
    (r"employed: no unemployment benefit", "obligation_employed", [], "employed: no unemployment benefit"),
    (r"laid off for less than (\d+) months; obligation from (\S+)", "obligation_laid_off_grace",
     ["months", "begins"], "laid off for less than {months} months; obligation from {begins}"),
    (r"laid off for at least (\d+) months", "obligation_laid_off", ["months"], "laid off for at least {months} months"),
]  # fmt: skip


def _code(prose: str) -> tuple[str, dict]:
    for pattern, code, names, _template in _PROSE:
        found = re.match(pattern, prose)
        if found:
            values = [int(v) if v.isdigit() else v for v in found.groups()]
            return code, dict(zip(names, values, strict=True))
    return "", {}


def prose_to_codes(apps, schema_editor):
    Deadline = apps.get_model("service_model", "Deadline")
    Obligation = apps.get_model("service_model", "JobSearchObligation")
    for model, prose_field in ((Deadline, "reason"), (Obligation, "default_reason")):
        for prose in model.objects.exclude(**{prose_field: ""}).values_list(prose_field, flat=True).distinct():
            code, params = _code(prose)
            model.objects.filter(**{prose_field: prose}).update(
                **{f"{prose_field}_code": code, f"{prose_field}_params": params}
            )


def _prose(code: str, params: dict) -> str:
    """The sentence the core wrote for a code, so that going back leaves readable reasons (as far as the old
    sentence's opening, which is all the codes keep)."""
    for _pattern, known, _names, template in _PROSE:
        if known == code:
            return template.format(**params)
    return ""


def codes_to_prose(apps, schema_editor):
    Deadline = apps.get_model("service_model", "Deadline")
    Obligation = apps.get_model("service_model", "JobSearchObligation")
    for model, prose_field in ((Deadline, "reason"), (Obligation, "default_reason")):
        rows = model.objects.exclude(**{f"{prose_field}_code": ""}).only(
            "pk", f"{prose_field}_code", f"{prose_field}_params"
        )
        for row in rows.iterator():
            prose = _prose(getattr(row, f"{prose_field}_code"), getattr(row, f"{prose_field}_params"))
            model.objects.filter(pk=row.pk).update(**{prose_field: prose})


class Migration(migrations.Migration):
    dependencies = [("service_model", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="deadline",
            name="reason_code",
            field=models.CharField(blank=True, max_length=40, verbose_name="peruste"),
        ),
        migrations.AddField(
            model_name="deadline",
            name="reason_params",
            field=models.JSONField(blank=True, default=dict, verbose_name="perusteen tiedot"),
        ),
        migrations.AddField(
            model_name="jobsearchobligation",
            name="default_reason_code",
            field=models.CharField(blank=True, max_length=40, verbose_name="pääsäännön peruste"),
        ),
        migrations.AddField(
            model_name="jobsearchobligation",
            name="default_reason_params",
            field=models.JSONField(blank=True, default=dict, verbose_name="pääsäännön perusteen tiedot"),
        ),
        migrations.RunPython(prose_to_codes, codes_to_prose),
        migrations.RemoveField(model_name="deadline", name="reason"),
        migrations.RemoveField(model_name="jobsearchobligation", name="default_reason"),
    ]
