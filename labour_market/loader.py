"""The statistics section of an area data folder: `statistics/indicators.yaml` and one YAML file per published table.

A table file keeps every figure as the string that was printed ("16 615", "8,3", "7", "..."), so that the value, its
printed precision and suppression all survive; see data/areas/kainuu-koillismaa/statistics/ for the format. The
tables in the folder are mirrored: a row no longer in its file is removed on the next load. Imported tables
(import_statistics) are never touched here.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from labour_market import enums, figures
from labour_market.models import CommutingStatistic, Indicator, MunicipalStatistic, StatisticsTable
from organisation.area_data import AreaDataError, LoadSummary, read_data_file

FOLDER = "statistics"
INDICATORS_FILE = "indicators.yaml"
COMMUTING_COLUMNS = (
    "labour_force",
    "commuting_in",
    "commuting_out",
    "working_in_own_municipality",
    "job_self_sufficiency",
)
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
KEY = re.compile(r"^[a-z0-9_-]+$")


@dataclass
class ParsedRow:
    municipality: str | None
    name: str
    figures: dict[str, figures.Figure]


@dataclass
class ParsedTable:
    file: str
    key: str
    name: str
    title: str
    kind: str
    document: str
    source: str
    position: int
    suppressed_min: int
    suppressed_max: int | None
    month: date | None
    period: str
    rows: list[ParsedRow]


@dataclass
class ParsedStatistics:
    indicators: list[dict] = field(default_factory=list)
    tables: list[ParsedTable] = field(default_factory=list)


def _at_line(entry, where: str) -> str:
    """An entry's name in messages with the file line it starts on, so that a long file is easy to fix."""
    line = getattr(entry, "line", None)
    return _("%(entry)s, tiedoston rivi %(line)s") % {"entry": where, "line": line} if line else where


def _require(mapping: dict, key: str, kind, file: str, entry: str):
    value = mapping.get(key)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise AreaDataError(file, entry, _("kenttä '%(field)s' puuttuu tai on väärää tyyppiä") % {"field": key})
    return value


def _read_indicators(path: Path) -> list[dict]:
    file = str(path)
    if not path.exists():
        return []
    entries = read_data_file(path) or []
    if not isinstance(entries, list):
        raise AreaDataError(file, "-", _("tiedoston pitää olla luettelo tietoja"))
    seen, concepts = set(), set()
    for index, entry in enumerate(entries):
        where = _("kohta %(number)s") % {"number": index + 1}
        if not isinstance(entry, dict):
            raise AreaDataError(file, where, "kohta ei ole avain–arvo-rakenne")
        code = _require(entry, "code", str, file, where)
        where = _at_line(entry, f"{where} ({code})")
        if code in seen:
            raise AreaDataError(file, where, _("koodi on jo käytössä"))
        seen.add(code)
        for key in ("name_fi", "source"):
            _require(entry, key, str, file, where)
        if entry.get("unit") not in enums.Unit.values:
            raise AreaDataError(
                file,
                where,
                _("yksikön pitää olla yksi näistä: %(allowed)s") % {"allowed": ", ".join(enums.Unit.values)},
            )
        if not isinstance(entry.get("decimals", 0), int) or entry.get("decimals", 0) < 0:
            raise AreaDataError(file, where, _("desimaalien pitää olla ei-negatiivinen kokonaisluku"))
        if not isinstance(entry.get("sums_over_municipalities"), bool):
            raise AreaDataError(file, where, _("sums_over_municipalities puuttuu (true tai false)"))
        concept = entry.get("concept") or ""
        if concept and concept not in enums.Concept.values:
            raise AreaDataError(file, where, _("tuntematon rooli '%(concept)s'") % {"concept": concept})
        if concept and concept in concepts:
            raise AreaDataError(file, where, _("rooli '%(concept)s' on jo toisella tiedolla") % {"concept": concept})
        concepts.add(concept)
    return entries


def _read_table(path: Path, indicator_codes: set[str], municipality_codes: set[str]) -> ParsedTable:
    file = str(path)
    data = read_data_file(path)
    if not isinstance(data, dict):
        raise AreaDataError(file, "-", _("tiedoston pitää olla avain–arvo-rakenne"))
    key = _require(data, "key", str, file, "key")
    if not KEY.match(key):
        raise AreaDataError(file, "key", _("tunnisteessa saa olla vain pieniä kirjaimia, numeroita, - ja _"))
    kind = data.get("kind")
    if kind not in enums.TableKind.values:
        raise AreaDataError(
            file,
            "kind",
            _("lajin pitää olla yksi näistä: %(allowed)s") % {"allowed": ", ".join(enums.TableKind.values)},
        )
    columns = _require(data, "columns", list, file, "columns")
    allowed = indicator_codes if kind == enums.TableKind.MUNICIPAL else set(COMMUTING_COLUMNS)
    for column in columns:
        if column not in allowed:
            raise AreaDataError(file, "columns", _("tuntematon sarake '%(column)s'") % {"column": column})
    if len(set(columns)) != len(columns):
        raise AreaDataError(file, "columns", _("sama sarake on kahdesti"))
    month = None
    if kind == enums.TableKind.MUNICIPAL:
        match = MONTH.match(str(data.get("month", "")))
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise AreaDataError(file, "month", _("kuukausi puuttuu tai ei ole muotoa VVVV-KK (lainausmerkeissä)"))
        month = date(int(match.group(1)), int(match.group(2)), 1)
    suppressed = data.get("suppressed") or {}
    low, high = suppressed.get("min", 1), suppressed.get("max")
    if not isinstance(low, int) or (high is not None and (not isinstance(high, int) or high < low)):
        raise AreaDataError(file, "suppressed", _("salatun luvun rajojen pitää olla kokonaislukuja, min ≤ max"))
    rows, seen = [], set()
    for index, row in enumerate(_require(data, "rows", list, file, "rows")):
        where = _("taulukon rivi %(number)s") % {"number": index + 1}
        if not isinstance(row, dict) or "municipality" not in row:
            raise AreaDataError(file, where, _("rivillä pitää olla municipality (kuntanumero tai null)"))
        code = row["municipality"]
        name = row.get("name") or ""
        where = _at_line(row, _("taulukon rivi %(number)s (%(name)s)") % {"number": index + 1, "name": name or code})
        if code is not None and code not in municipality_codes:
            raise AreaDataError(file, where, _("kuntanumero '%(code)s' ei ole alueen kunta") % {"code": code})
        if code in seen:
            raise AreaDataError(file, where, _("kunnalla on jo rivi"))
        seen.add(code)
        values = row.get("values")
        if not isinstance(values, list) or len(values) != len(columns):
            raise AreaDataError(
                file,
                where,
                _("rivillä pitää olla %(count)s lukua, yksi kutakin saraketta kohti") % {"count": len(columns)},
            )
        parsed = {}
        for column, text in zip(columns, values, strict=True):
            if not isinstance(text, str):
                raise AreaDataError(
                    file, f"{where}, {column}", _("kirjoita luku lainausmerkkeihin, jotta painoasu säilyy")
                )
            try:
                figure = figures.parse_printed(text)
            except ValueError:
                raise AreaDataError(
                    file, f"{where}, {column}", _("'%(text)s' ei ole luku eikä tunnettu merkintä") % {"text": text}
                ) from None
            if kind == enums.TableKind.COMMUTING and figure.status == figures.Status.SUPPRESSED:
                raise AreaDataError(file, f"{where}, {column}", _("pendelöintitaulukossa ei voi olla salattua lukua"))
            count = kind == enums.TableKind.COMMUTING and column != "job_self_sufficiency" and figure.known
            if count and (figure.value < 0 or figure.value != figure.value.to_integral_value()):
                raise AreaDataError(file, f"{where}, {column}", _("henkilömäärän pitää olla kokonaisluku ≥ 0"))
            parsed[column] = figure
        rows.append(ParsedRow(code, name, parsed))
    return ParsedTable(
        file=file,
        key=key,
        name=_require(data, "name", str, file, "name"),
        title=str(data.get("title") or ""),
        kind=kind,
        document=str(data.get("document") or ""),
        source=_require(data, "source", str, file, "source"),
        position=int(data.get("position", 100)),
        suppressed_min=low,
        suppressed_max=high,
        month=month,
        period=str(data.get("period") or ""),
        rows=rows,
    )


def _upsert(model, lookup: dict, values: dict, summary: LoadSummary):
    instance, created = model.objects.get_or_create(**lookup, defaults=values)
    changed = False
    if not created:
        for name, value in values.items():
            if getattr(instance, name) != value:
                setattr(instance, name, value)
                changed = True
        if changed:
            instance.save(update_fields=list(values))
    summary.count(created, changed)
    return instance


class StatisticsSection:
    name = "statistics"

    def validate(self, context) -> ParsedStatistics:
        folder = Path(context.directory) / FOLDER
        if not folder.is_dir():
            return ParsedStatistics()
        indicators = _read_indicators(folder / INDICATORS_FILE)
        codes = {entry["code"] for entry in indicators}
        tables = [
            _read_table(path, codes, set(context.municipality_codes))
            for path in sorted(folder.glob("*.yaml"))
            if path.name != INDICATORS_FILE
        ]
        keys = [table.key for table in tables]
        for table in tables:
            if keys.count(table.key) > 1:
                raise AreaDataError(
                    table.file, "key", _("tunniste '%(key)s' on kahdessa tiedostossa") % {"key": table.key}
                )
        return ParsedStatistics(indicators, tables)

    def write(self, context, parsed: ParsedStatistics) -> LoadSummary:
        summary = LoadSummary()
        if not parsed.indicators and not parsed.tables:
            return summary
        area = context.area
        if area is None:
            raise AreaDataError(str(context.directory), FOLDER, _("alue puuttuu: organisaatio on ladattava ensin"))
        indicators = {}
        for position, entry in enumerate(parsed.indicators):
            indicators[entry["code"]] = _upsert(
                Indicator,
                {"code": entry["code"]},
                {
                    "name_fi": entry["name_fi"],
                    "name_sv": entry.get("name_sv", ""),
                    "name_en": entry.get("name_en", ""),
                    "unit": entry["unit"],
                    "decimals": entry.get("decimals", 0),
                    "sums_over_municipalities": entry["sums_over_municipalities"],
                    "concept": entry.get("concept") or "",
                    "position": position,
                    "source": entry["source"],
                },
                summary,
            )
        municipalities = {m.code: m for m in area.municipalities.all()}
        kept_tables = []
        for table in parsed.tables:
            for row in table.rows:
                if row.municipality and row.name and municipalities[row.municipality].name_fi != row.name:
                    raise AreaDataError(
                        table.file,
                        row.name,
                        _("kuntanumero %(code)s on %(name)s, ei %(given)s")
                        % {
                            "code": row.municipality,
                            "name": municipalities[row.municipality].name_fi,
                            "given": row.name,
                        },
                    )
            stored = _upsert(
                StatisticsTable,
                {"key": table.key},
                {
                    "name": table.name,
                    "title": table.title,
                    "kind": table.kind,
                    "origin": enums.TableOrigin.AREA_DATA,
                    "document": table.document,
                    "source": table.source,
                    "suppressed_min": table.suppressed_min,
                    "suppressed_max": table.suppressed_max,
                    "position": table.position,
                },
                summary,
            )
            kept_tables.append(stored.pk)
            if table.kind == enums.TableKind.MUNICIPAL:
                self._write_municipal(stored, table, area, municipalities, indicators, summary)
            else:
                self._write_commuting(stored, table, area, municipalities, summary)
        for model in (MunicipalStatistic, CommutingStatistic):
            gone = model.objects.filter(area=area, table__origin=enums.TableOrigin.AREA_DATA)
            summary.removed += gone.exclude(table__in=kept_tables).delete()[0]
        has_rows = Exists(MunicipalStatistic.objects.filter(table=OuterRef("pk"))) | Exists(
            CommutingStatistic.objects.filter(table=OuterRef("pk"))
        )
        gone = StatisticsTable.objects.filter(origin=enums.TableOrigin.AREA_DATA).exclude(pk__in=kept_tables)
        summary.removed += gone.exclude(has_rows).delete()[0]
        return summary

    def _write_municipal(self, stored, table: ParsedTable, area, municipalities, indicators, summary):
        existing = {
            (s.municipality_id, s.month, s.indicator_id): s
            for s in MunicipalStatistic.objects.filter(table=stored, area=area)
        }
        kept, new, changed = set(), [], []
        for row in table.rows:
            municipality = municipalities.get(row.municipality)
            for code, figure in row.figures.items():
                indicator = indicators[code]
                key = (municipality.pk if municipality else None, table.month, indicator.pk)
                kept.add(key)
                values = {"value": figure.value, "status": figure.status.value, "decimals": figure.decimals}
                statistic = existing.get(key)
                if statistic is None:
                    new.append(
                        MunicipalStatistic(
                            table=stored,
                            area=area,
                            municipality=municipality,
                            month=table.month,
                            indicator=indicator,
                            **values,
                        )
                    )
                    summary.count(True, False)
                    continue
                differs = any(getattr(statistic, name) != value for name, value in values.items())
                if differs:
                    for name, value in values.items():
                        setattr(statistic, name, value)
                    changed.append(statistic)
                summary.count(False, differs)
        MunicipalStatistic.objects.bulk_create(new)
        MunicipalStatistic.objects.bulk_update(changed, ["value", "status", "decimals"])
        stale = [s.pk for key, s in existing.items() if key not in kept]
        summary.removed += MunicipalStatistic.objects.filter(pk__in=stale).delete()[0]

    def _write_commuting(self, stored, table: ParsedTable, area, municipalities, summary):
        kept = []
        for row in table.rows:
            values = {}
            for column in COMMUTING_COLUMNS:
                figure = row.figures.get(column, figures.MISSING)
                value = figure.value if figure.known else None
                if column == "job_self_sufficiency":
                    values[column] = value
                    values["job_self_sufficiency_decimals"] = figure.decimals
                else:
                    values[column] = None if value is None else int(value)
            statistic = _upsert(
                CommutingStatistic,
                {
                    "table": stored,
                    "area": area,
                    "municipality": municipalities.get(row.municipality),
                    "period": table.period,
                },
                values,
                summary,
            )
            kept.append(statistic.pk)
        stale = CommutingStatistic.objects.filter(table=stored, area=area).exclude(pk__in=kept)
        summary.removed += stale.delete()[0]
