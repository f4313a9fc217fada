"""Writes of the plan document: the narrative loaded from the plan's text, a section's text edited in the UI, and a
generated version stored with its numbers. Each is one transaction; bad input is refused naming the field."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import Errors
from plan_document import render, report, sections, tables
from plan_document.enums import Format, Language
from plan_document.models import PlanGeneration, PlanText

HEADING_MAX = PlanText._meta.get_field("heading").max_length


@dataclass(frozen=True)
class Loaded:
    created: int
    updated: int
    kept: int  # edited in the UI: the plan's text does not overwrite a person's edit


def load_plan_texts(area, path: Path) -> Loaded:
    """The six sections of the plan's text as the area's narrative. Idempotent: loading the same file again changes
    nothing; a section someone has edited in the UI keeps their text. Raises sections.PlanTextError (naming the
    first missing section) before anything is written."""
    parsed = sections.parse(path.read_text(encoding="utf-8"))
    created = updated = kept = 0
    with transaction.atomic():
        existing = {text.section: text for text in PlanText.objects.select_for_update().filter(area=area)}
        for section in parsed:
            values = {"heading": section.heading, "text_fi": section.text, "source": section.source}
            found = existing.get(section.number)
            if found is None:
                PlanText.objects.create(area=area, section=section.number, **values)
                created += 1
            elif found.updated_by_id is not None:
                kept += 1
            elif any(getattr(found, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(found, name, value)
                found.save()
                updated += 1
    return Loaded(created, updated, kept)


def save_text(user, text: PlanText, *, heading: str, heading_sv: str, text_fi: str, text_sv: str) -> PlanText:
    """A section's heading and narrative as edited; the Finnish heading and text are required."""
    errors = Errors()
    values = {
        "heading": heading.strip(),
        "heading_sv": heading_sv.strip(),
        "text_fi": text_fi.strip().replace("\r\n", "\n"),
        "text_sv": text_sv.strip().replace("\r\n", "\n"),
    }
    if not values["heading"]:
        errors.add("heading", _("Otsikko on pakollinen."))
    if not values["text_fi"]:
        errors.add("text_fi", _("Teksti on pakollinen."))
    for name in ("heading", "heading_sv"):
        if len(values[name]) > HEADING_MAX:
            errors.add(name, _("Otsikko saa olla enintään %(max)s merkkiä.") % {"max": HEADING_MAX})
    errors.raise_if_any()
    with transaction.atomic():
        for name, value in values.items():
            setattr(text, name, value)
        text.updated_by = user
        text.save()
    return text


def parse_month(value: str) -> date | None:
    """YYYY-MM as the first day of the month; None if it is not one."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1) if len(value) == 7 else None
    except ValueError:
        return None


def month_for(reader, area, value: str | None) -> date:
    """The statistics month of the report: the one asked for (YYYY-MM), or the latest one with figures."""
    errors = Errors()
    months = tables.statistics_months(reader, area)
    if not months:
        errors.add("month", _("Alueelta ei ole kuntien tilastoja: lataa ne ensin."))
        errors.raise_if_any()
    if not value:
        return months[-1]
    month = parse_month(value)
    if month is None:
        errors.add("month", _("Kuukauden muoto on VVVV-KK, esimerkiksi 2023-08."))
    elif month not in months:
        available = ", ".join(f"{m:%Y-%m}" for m in months)
        errors.add(
            "month",
            _("Kuukaudelta %(month)s ei ole tilastoja. Kuukaudet, joilta on: %(available)s.")
            % {"month": value, "available": available},
        )
    errors.raise_if_any()
    return month


@dataclass(frozen=True)
class Generated:
    content: bytes
    generation: PlanGeneration
    report: report.Report


def _choice(errors: Errors, name: str, value: str, choices) -> None:
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        errors.add(name, _("Tuntematon arvo %(value)s; sallitut: %(allowed)s.") % {"value": value, "allowed": allowed})


def build(reader, area, *, month: str | None = None, language: str = Language.FI) -> report.Report:
    """The report as it would be generated now (for the preview), against the latest stored version."""
    errors = Errors()
    _choice(errors, "language", language, Language)
    errors.raise_if_any()
    chosen = month_for(reader, area, month)
    previous = PlanGeneration.objects.filter(area=area, language=language).first()
    try:
        return report.build(reader, area, chosen, language, previous.snapshot if previous else None)
    except report.MissingTexts as missing:
        numbers = ", ".join(str(n) for n in missing.sections)
        errors.add("texts", _("Suunnitelman tekstit puuttuvat luvuista %(sections)s: aja load_plan_texts.") % {
            "sections": numbers
        })  # fmt: skip
        errors.raise_if_any()
        raise


def generate(
    user,
    reader,
    area,
    *,
    file_format: str,
    month: str | None = None,
    language: str = Language.FI,
    write: Callable[[bytes], None] | None = None,
) -> Generated:
    """The plan as a file, stored as a new version (by `user`, None for the command without one) with its numbers,
    texts and hash. `write` runs inside the same transaction: if writing the file fails, no version is stored."""
    errors = Errors()
    _choice(errors, "format", file_format, Format)
    errors.raise_if_any()
    built = build(reader, area, month=month, language=language)
    content = render.render(built, file_format)
    with transaction.atomic():
        generation = PlanGeneration.objects.create(
            area=area,
            generated_by=user,
            month=built.month,
            file_format=file_format,
            language=language,
            snapshot=built.snapshot,
            file_hash=hashlib.sha256(content).hexdigest(),
        )
        if write is not None:
            write(content)
    return Generated(content, generation, built)
