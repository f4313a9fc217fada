"""Writes of the competence survey: one's own answers, the supervisor's assessment, the XLSX import.

Each write is one transaction; every problem of the input is collected (common.errors.Errors) and the input refused
with all of them, naming the field (or the file's row), before anything is written.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from common.errors import Errors
from competence.models import Assessment, CompetenceArea, Respondent, SurveyRound
from organisation.models import Municipality

LEVELS = range(5)
IMPORT_COLUMNS = ("nimi", "kunta", "htv", "osaamisalue", "oma arvio", "esihenkilön arvio", "koulutustoive")
YES = {"kyllä", "k", "x", "1"}
NO = {"", "ei", "e", "0"}


def _level(value, errors: Errors, name: str, *, optional: bool = False) -> int | None:
    if value in (None, "") and optional:
        return None
    try:
        level = int(value)
    except (TypeError, ValueError):
        level = None
    if level not in LEVELS:
        errors.add(name, _("Valitse taso 0–4."))
    return level


def save_own_answers(user, survey_round: SurveyRound, *, levels: dict, training: set, wishes: str, today) -> Respondent:
    """A staff member's self-assessment for every area of the round (levels: area key → 0–4) and training wishes."""
    errors = Errors()
    areas = list(CompetenceArea.objects.all())
    if not survey_round.is_open(today):
        errors.add("survey_round", _("Kartoituskierros ei ole auki."))
    if user.home_municipality_id is None:
        errors.add("survey_round", _("Käyttäjällä ei ole kotikuntaa."))
    checked = {area.key: _level(levels.get(area.key), errors, f"level-{area.key}") for area in areas}
    for key in sorted(set(training) - set(checked)):
        errors.add("training", _("Tuntematon osaamisalue %(key)s.") % {"key": key})
    errors.raise_if_any()
    with transaction.atomic():
        respondent, _created = Respondent.objects.update_or_create(
            survey_round=survey_round,
            user=user,
            defaults={
                "name": user.get_full_name() or user.username,
                "municipality_id": user.home_municipality_id,
                "fte": min(user.fte, Decimal(1)),
                "training_wishes": wishes.strip(),
            },
        )
        for area in areas:
            Assessment.objects.update_or_create(
                respondent=respondent,
                competence_area=area,
                defaults={"self_level": checked[area.key], "wants_training": area.key in training},
            )
    return respondent


def save_supervisor_assessment(respondent: Respondent, levels: dict) -> None:
    """The supervisor's levels (area key → 0–4, empty for none) on the person's answered areas."""
    errors = Errors()
    assessments = list(respondent.assessments.select_related("competence_area"))
    checked = {
        a.pk: _level(levels.get(a.competence_area.key), errors, f"supervisor-{a.competence_area.key}", optional=True)
        for a in assessments
    }
    errors.raise_if_any()
    with transaction.atomic():
        for assessment in assessments:
            assessment.supervisor_level = checked[assessment.pk]
            assessment.save(update_fields=["supervisor_level"])


def _row_problem(errors: Errors, row: int, reason: str) -> None:
    errors.add("file", _("Rivi %(row)s: %(reason)s") % {"row": row, "reason": reason})


def import_answers(survey_round: SurveyRound, upload) -> int:
    """Answers of staff without accounts from an XLSX sheet, one row per person and area (IMPORT_COLUMNS).

    All or nothing: a bad row refuses the whole file with its row number and reason. A person is known by their
    municipality and name within the round; importing the same file again replaces their answers with the same ones.
    Returns the number of people imported.
    """
    errors = Errors()
    try:
        sheet = load_workbook(upload, read_only=True, data_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        errors.add("file", _("Tiedosto ei ole XLSX-työkirja."))
        errors.raise_if_any()
    header = tuple(str(c or "").strip().lower() for c in (rows[0] if rows else ()))
    if header[: len(IMPORT_COLUMNS)] != IMPORT_COLUMNS:
        errors.add(
            "file", _("Ensimmäisen rivin sarakkeiden on oltava: %(columns)s.") % {"columns": ", ".join(IMPORT_COLUMNS)}
        )
        errors.raise_if_any()
    areas = {a.key: a for a in CompetenceArea.objects.all()}
    municipalities = {m.code: m for m in Municipality.objects.filter(area_id=survey_round.area_id)}
    people: dict[tuple[str, str], dict] = {}
    for number, values in enumerate(rows[1:], start=2):
        values = [("" if v is None else str(v).strip()) for v in (*values, *[None] * len(IMPORT_COLUMNS))]
        name, code, fte_text, key, own, supervisor, wish = values[: len(IMPORT_COLUMNS)]
        if not any(values):
            continue
        row_errors = Errors()
        if not name:
            _row_problem(row_errors, number, _("nimi puuttuu"))
        if code not in municipalities:
            _row_problem(row_errors, number, _("tuntematon kuntanumero %(code)s") % {"code": code})
        try:
            fte = Decimal(fte_text.replace(",", "."))
        except InvalidOperation:
            fte = None
        if fte is None or not Decimal(0) <= fte <= Decimal(1):
            _row_problem(row_errors, number, _("htv:n on oltava luku 0–1"))
        if key not in areas:
            _row_problem(row_errors, number, _("tuntematon osaamisalue %(key)s") % {"key": key})
        level_errors = Errors()
        own_level = _level(own.split(".")[0], level_errors, "own")
        supervisor_level = _level(supervisor.split(".")[0], level_errors, "supervisor", optional=True)
        for field in level_errors:
            label = _("oma arvio") if field == "own" else _("esihenkilön arvio")
            _row_problem(row_errors, number, _("%(field)s: valitse taso 0–4") % {"field": label})
        if wish.lower() not in YES | NO:
            _row_problem(row_errors, number, _("koulutustoive: kyllä tai ei"))
        if row_errors:
            errors.update({k: errors.get(k, []) + v for k, v in row_errors.items()})
            continue
        person = people.setdefault((code, name), {"fte": fte, "answers": {}})
        if person["fte"] != fte:
            _row_problem(errors, number, _("htv eroaa saman henkilön aiemmasta rivistä"))
        elif key in person["answers"]:
            _row_problem(errors, number, _("osaamisalue %(key)s on annettu kahdesti") % {"key": key})
        else:
            person["answers"][key] = (own_level, supervisor_level, wish.lower() in YES)
    if not people and not errors:
        errors.add("file", _("Tiedostossa ei ole vastauksia."))
    errors.raise_if_any()
    with transaction.atomic():
        for (code, name), person in people.items():
            respondent, _created = Respondent.objects.update_or_create(
                survey_round=survey_round,
                user=None,
                municipality=municipalities[code],
                name=name,
                defaults={"fte": person["fte"]},
            )
            respondent.assessments.all().delete()
            Assessment.objects.bulk_create(
                Assessment(
                    respondent=respondent,
                    competence_area=areas[key],
                    self_level=own_level,
                    supervisor_level=supervisor_level,
                    wants_training=wants,
                )
                for key, (own_level, supervisor_level, wants) in person["answers"].items()
            )
    return len(people)
