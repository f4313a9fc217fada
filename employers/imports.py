"""Importing vacancies from a file: all or nothing, and idempotent by (source, external id).

Every row is first checked as the pages and the API check a vacancy (services.vacancy_to_save); any problem refuses
the whole file with the file, the line and the reason, and nothing is written. A row's employer is found by its
Y-tunnus in the area of the vacancy's municipality, or created from `employer_name`. A row whose (source, external id)
was imported before updates that vacancy (its status only by an allowed transition); a row that changes nothing is
counted as unchanged.
"""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from common.data_files import DataFileError, Problem
from common.errors import Errors
from common.locks import serialize_on
from employers import services, vacancy_file
from employers.models import Employer, Vacancy
from organisation.models import Municipality

# The fields an import compares to decide whether a known vacancy changed.
COMPARED = (*services.VACANCY_DEFAULTS, "status")


@dataclass
class ImportReport:
    file: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    employers_added: int = 0


def _problems(line: int, errors: Errors) -> list[Problem]:
    return [Problem(line, f"{name}: {message}") for name, messages in errors.items() for message in messages]


def _employer(values: dict, new_employers: dict, errors: Errors) -> Employer | None:
    """The row's employer: known in the area, or one this file creates (once, however many rows name it)."""
    business_id = services.normalised_business_id(values["employer_business_id"], errors, "employer_business_id")
    municipality = Municipality.objects.filter(code=values["municipality"]).select_related("area").first()
    if errors or municipality is None:
        return None  # the municipality's own error is reported with the vacancy's fields
    key = (municipality.area_id, business_id)
    known = Employer.objects.filter(area=municipality.area, business_id=business_id).first() or new_employers.get(key)
    if known is not None:
        return known
    if not values.get("employer_name"):
        errors.add("employer_name", "alueella ei ole työnantajaa tällä Y-tunnuksella; anna employer_name")
        return None
    employer_errors = Errors()
    employer = services.employer_to_create(
        {"name": values["employer_name"], "business_id": business_id, "municipality": municipality}, employer_errors
    )
    for name, messages in employer_errors.items():
        for message in messages:
            errors.add(f"employer_{name}", message)
    if not employer_errors:
        new_employers[key] = employer
    return employer


def _data(values: dict, employer) -> dict:
    data = {name: value for name, value in values.items() if not name.startswith("employer_")}
    data["employer"] = employer
    return data


def _differs(vacancy: Vacancy, before: dict) -> bool:
    return any(getattr(vacancy, name) != before[name] for name in COMPARED)


def import_vacancies(path: Path) -> ImportReport:
    path = Path(path)
    rows, problems = vacancy_file.read(path)
    report = ImportReport(file=str(path))
    with transaction.atomic():
        # Two imports at once would both find an external id missing and both add it.
        serialize_on("employers:import_vacancies")
        planned: list[tuple[Vacancy, bool]] = []
        new_employers: dict = {}
        seen: dict[tuple[str, str], int] = {}
        for row in rows:
            values = row.values
            identity = (values["source"], values["external_id"])
            if identity in seen:
                problems.append(
                    Problem(row.line, f"external_id: sama lähde ja tunniste on jo rivillä {seen[identity]}")
                )
                continue
            seen[identity] = row.line
            errors = Errors()
            employer = _employer(values, new_employers, errors)
            current = (
                Vacancy.objects.select_related("employer", "municipality")
                .filter(source=values["source"], external_id=values["external_id"])
                .first()
            )
            before = {name: getattr(current, name) for name in COMPARED} if current else None
            vacancy = services.vacancy_to_save(_data(values, employer), errors, current=current)
            problems += _problems(row.line, errors)
            if not errors:
                planned.append((vacancy, before is None or _differs(vacancy, before)))
                if before is not None and not planned[-1][1]:
                    report.unchanged += 1
        if problems:
            raise DataFileError(str(path), sorted(problems, key=lambda problem: problem.line), rows=True)
        for employer in new_employers.values():
            employer.save()
            report.employers_added += 1
        for vacancy, changed in planned:
            if vacancy.pk is None:
                vacancy.save()
                report.added += 1
            elif changed:
                vacancy.save()
                report.changed += 1
    return report
