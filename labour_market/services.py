"""Writes: importing a statistics file. All or nothing, and importing the same file again changes nothing."""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from common.data_files import DataFileError, LoadSummary, Problem
from common.locks import serialize_on
from labour_market import enums, occupations
from labour_market.models import Indicator, MunicipalStatistic, Occupation, StatisticsTable
from labour_market.parsers import ParsedFile, ParseError, csv, jsonstat, municipality_code, px
from organisation.models import EmploymentArea, Municipality

READERS = {"px": px.parse, "json-stat": jsonstat.parse, "csv": csv.parse}
SUFFIXES = {".px": "px", ".json": "json-stat", ".csv": "csv"}
# The database column holds four decimals and ten integer digits; anything beyond would be silently rounded.
MAX_DECIMALS = 4
MAX_VALUE = Decimal(10) ** 10


class ImportRejected(Exception):
    """The file parsed but cannot be imported as it is; nothing was written."""


@dataclass
class ImportReport:
    file: str
    table: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    skipped_figures: int = 0


def read_file(path: Path, format: str | None = None) -> ParsedFile:
    path = Path(path)
    format = format or SUFFIXES.get(path.suffix.lower())
    if format not in READERS:
        raise ParseError(str(path), "-", "tuntematon tiedostomuoto: anna --format px, json-stat tai csv")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ParseError(str(path), "-", f"tiedostoa ei voi lukea: {error.strerror}") from None
    return READERS[format](raw, str(path))


def table_key_for(parsed: ParsedFile, given: str | None) -> str:
    key = given or re.sub(r"[^a-z0-9_-]+", "-", parsed.table.lower()).strip("-")
    if not key:
        raise ImportRejected("tiedosto ei kerro taulukon tunnusta: anna --table")
    if not re.fullmatch(r"[a-z0-9_-]{1,80}", key):
        raise ImportRejected(f"taulukon tunnus '{key}' ei kelpaa: pieniä kirjaimia, numeroita, - ja _")
    return key


def _default_area(area: EmploymentArea | None) -> EmploymentArea:
    if area is not None:
        return area
    areas = list(EmploymentArea.objects.all()[:2])
    if len(areas) != 1:
        raise ImportRejected("alueen rivi (tyhjä kunta) vaatii yhden alueen tietokannassa tai --area")
    return areas[0]


def import_figures(
    parsed: ParsedFile,
    *,
    table_key: str | None = None,
    table_name: str | None = None,
    strict: bool = False,
    area: EmploymentArea | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Upsert a parsed file's figures into one table; unknown codes are skipped, or with `strict` rejected."""
    key = table_key_for(parsed, table_key)
    report = ImportReport(file=parsed.file, table=key)
    existing_table = StatisticsTable.objects.filter(key=key).first()
    if existing_table is not None and existing_table.origin != enums.TableOrigin.IMPORT:
        raise ImportRejected(f"taulukko '{key}' tulee alueen tietokansiosta; tuo tiedosto toisella --table-tunnuksella")
    if existing_table is not None and existing_table.kind != enums.TableKind.MUNICIPAL:
        raise ImportRejected(f"taulukko '{key}' ei ole kuukausittaisten kuntalukujen taulukko")

    municipalities = {m.code: m for m in Municipality.objects.select_related("area")}
    indicators = {i.code: i for i in Indicator.objects.all()}
    unknown_areas, unknown_indicators = Counter(), Counter()
    rows, seen = [], set()
    for observation in parsed.observations:
        if observation.indicator not in indicators:
            unknown_indicators[observation.indicator] += 1
            continue
        if observation.area:
            municipality = municipalities.get(municipality_code(observation.area) or "")
            if municipality is None:
                unknown_areas[observation.area] += 1
                continue
            row_area = municipality.area
        else:
            municipality, row_area = None, _default_area(area)
        value = observation.value
        if value is not None and (-value.as_tuple().exponent > MAX_DECIMALS or abs(value) >= MAX_VALUE):
            raise ImportRejected(f"luku {value} on liian tarkka tai suuri tallennettavaksi")
        identity = (observation.area, observation.month, observation.indicator)
        if identity in seen:
            raise ImportRejected(
                f"sama luku on tiedostossa kahdesti: {observation.area or 'alue'} "
                f"{observation.month:%Y-%m} {observation.indicator}"
            )
        seen.add(identity)
        rows.append((observation, municipality, row_area, indicators[observation.indicator]))

    for code, count in sorted(unknown_areas.items()):
        name = parsed.area_names.get(code)
        report.skipped.append(f"tuntematon aluekoodi {code}{f' ({name})' if name else ''}: {count} lukua")
    for code, count in sorted(unknown_indicators.items()):
        label = parsed.indicators.get(code)
        name = next(iter(label.names.values()), "") if label else ""
        report.skipped.append(f"tuntematon tiedon koodi {code}{f' ({name})' if name else ''}: {count} lukua")
    report.skipped_figures = sum(unknown_areas.values()) + sum(unknown_indicators.values())
    if strict and report.skipped:
        raise ImportRejected("tuntemattomia koodeja (--strict): " + "; ".join(report.skipped))

    with transaction.atomic():
        # Two imports of the same table run one after the other: the second finds the first's rows unchanged.
        serialize_on(f"statistics-import:{key}")
        table, _ = StatisticsTable.objects.get_or_create(
            key=key,
            defaults={
                "name": table_name or parsed.title or key,
                "title": parsed.title,
                "kind": enums.TableKind.MUNICIPAL,
                "origin": enums.TableOrigin.IMPORT,
                "source": parsed.source or Path(parsed.file).name,
            },
        )
        if table_name and table.name != table_name:
            table.name = table_name
            table.save(update_fields=["name"])
        stored = {
            (s.municipality_id, s.area_id if s.municipality_id is None else None, s.month, s.indicator_id): s
            for s in MunicipalStatistic.objects.filter(table=table)
        }
        new, changed = [], []
        for observation, municipality, row_area, indicator in rows:
            identity = (
                municipality.pk if municipality else None,
                None if municipality else row_area.pk,
                observation.month,
                indicator.pk,
            )
            values = {
                "value": observation.value,
                "status": observation.status.value,
                "decimals": observation.decimals,
            }
            statistic = stored.get(identity)
            if statistic is None:
                new.append(
                    MunicipalStatistic(
                        table=table,
                        area=row_area,
                        municipality=municipality,
                        month=observation.month,
                        indicator=indicator,
                        **values,
                    )
                )
                report.added += 1
            elif any(getattr(statistic, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(statistic, name, value)
                changed.append(statistic)
                report.changed += 1
            else:
                report.unchanged += 1
            if progress:
                progress(1)
        MunicipalStatistic.objects.bulk_create(new)
        MunicipalStatistic.objects.bulk_update(changed, ["value", "status", "decimals"])
    return report


def load_occupations(path: Path) -> LoadSummary:
    """Make the occupation table equal the file: all or nothing, and loading the same file again changes nothing.

    A bad row refuses the whole file (`DataFileError`, each row with its line and reason) before anything is
    written. Groups the file no longer has are removed: the file is the whole classification.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "tiedosto ei ole UTF-8-tekstiä"
        raise DataFileError(str(path), [Problem(0, reason)], rows=True) from None
    rows = occupations.read(text, str(path))
    report = LoadSummary()
    with transaction.atomic():
        serialize_on("occupations-load")
        stored = {occupation.code: occupation for occupation in Occupation.objects.all()}
        changed = []
        for level in range(1, 5):
            # A level's new groups are written together, and before the next level whose rows point at them.
            new = []
            for row in (row for row in rows if row.level == level):
                values = {
                    "level": row.level,
                    "parent_id": stored[row.parent].pk if row.parent else None,
                    "name_fi": row.name_fi,
                    "name_en": row.name_en,
                    "search_text": occupations.search_text(row.code, row.name_fi, row.name_en),
                }
                occupation = stored.get(row.code)
                if occupation is None:
                    new.append(Occupation(code=row.code, **values))
                elif any(getattr(occupation, name) != value for name, value in values.items()):
                    for name, value in values.items():
                        setattr(occupation, name, value)
                    changed.append(occupation)
                else:
                    report.unchanged += 1
            for occupation in Occupation.objects.bulk_create(new):
                stored[occupation.code] = occupation
            report.added += len(new)
        Occupation.objects.bulk_update(changed, ["level", "parent", "name_fi", "name_en", "search_text"])
        report.changed = len(changed)
        gone = sorted(set(stored) - {row.code for row in rows}, key=len, reverse=True)
        for code in gone:  # children before their parents, which they protect
            stored[code].delete()
        report.removed = len(gone)
    return report
