"""A vacancy file (CSV or JSON, docs/employers.md) read into typed rows with their line numbers. Pure: no Django.

Only the file's own shape is checked here – known columns, dates, whole numbers, yes/no, code lists – and every
problem is kept with its line; what needs the database (employer, municipality, occupation) is checked by
employers/imports.py. `read` returns the rows that are well formed together with the problems of the others, so the
importer can report the database's problems of the good rows beside them and refuse the file once.
"""

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from common.data_files import DataFileError, Problem

REQUIRED = (
    "source",
    "external_id",
    "employer_business_id",
    "title",
    "occupation",
    "municipality",
    "working_time",
    "employment_type",
)
OPTIONAL = (
    "employer_name",
    "description",
    "workplace_outside_area",
    "workplace_address",
    "positions",
    "start_date",
    "application_deadline",
    "required_languages",
    "wished_languages",
    "required_driving_licences",
    "required_cards",
    "remote_possible",
    "international_recruitment",
    "status",
)
COLUMNS = REQUIRED + OPTIONAL
DATES = ("start_date", "application_deadline")
LISTS = ("required_languages", "wished_languages", "required_driving_licences", "required_cards")
FLAGS = ("remote_possible", "international_recruitment")
YES = {"true", "1", "kyllä", "kylla", "yes"}
NO = {"false", "0", "ei", "no", ""}
# A code list in a CSV cell: "fi;en" (the comma separates the cells).
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Row:
    line: int
    values: dict


def _typed(line: int, raw: dict, problems: list[Problem]) -> dict | None:
    """The row's values typed as the services take them, or None with its problems added."""
    before = len(problems)
    unknown = sorted(set(raw) - set(COLUMNS))
    if unknown:
        problems.append(Problem(line, f"tuntematon kenttä: {', '.join(unknown)}"))
    values = {}
    for name in COLUMNS:
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if name in REQUIRED:
                problems.append(Problem(line, f"{name}: pakollinen tieto puuttuu"))
            continue
        if name in DATES:
            try:
                values[name] = date.fromisoformat(str(value).strip())
            except ValueError:
                problems.append(Problem(line, f"{name}: päivämäärän muoto on VVVV-KK-PP, ei {value!r}"))
        elif name == "positions":
            text = str(value).strip()
            if isinstance(value, bool) or not text.isdigit():
                problems.append(Problem(line, f"positions: kokonaisluku odotettiin, ei {value!r}"))
            else:
                values[name] = int(text)
        elif name in FLAGS:
            flag = value if isinstance(value, bool) else str(value).strip().lower()
            if flag is True or flag in YES:
                values[name] = True
            elif flag is False or flag in NO:
                values[name] = False
            else:
                problems.append(Problem(line, f"{name}: true tai false, ei {value!r}"))
        elif name in LISTS:
            if isinstance(value, list) and all(isinstance(item, str) for item in value):
                values[name] = [item.strip() for item in value]
            elif isinstance(value, str):
                values[name] = [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
            else:
                problems.append(Problem(line, f"{name}: luettelo koodeja odotettiin"))
        elif isinstance(value, str | int) and not isinstance(value, bool):
            values[name] = str(value).strip()
        else:
            problems.append(Problem(line, f"{name}: teksti odotettiin"))
    return values if len(problems) == before else None


def _csv_rows(text: str, problems: list[Problem]) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        parts = ([f"sarake puuttuu: {', '.join(missing)}"] if missing else []) + (
            [f"tuntematon sarake: {', '.join(unknown)}"] if unknown else []
        )
        problems.append(Problem(1, "; ".join(parts)))
        return []
    rows = []
    for raw in reader:
        if None in raw:
            problems.append(Problem(reader.line_num, "enemmän kenttiä kuin otsakkeessa"))
            continue
        if not any((value or "").strip() for value in raw.values()):
            continue
        # line_num is the line where the record ended; a record with a quoted line break starts earlier.
        rows.append((reader.line_num - sum(value.count("\n") for value in raw.values() if value), raw))
    return rows


def _json_rows(text: str, problems: list[Problem]) -> list[tuple[int, dict]]:
    """The objects of a top-level array, each with the line it starts on (json.loads would lose the lines)."""
    decoder = json.JSONDecoder()
    position = len(text) - len(text.lstrip())
    if not text[position:].startswith("["):
        problems.append(Problem(1, "JSON-tiedoston on oltava taulukko [ {...}, {...} ]"))
        return []
    position += 1
    rows = []
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text):
            problems.append(Problem(text.count("\n") + 1, "taulukko ei pääty ]-merkkiin"))
            return rows
        if text[position] == "]":
            return rows
        line = text.count("\n", 0, position) + 1
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            problems.append(Problem(error.lineno, f"virheellinen JSON: {error.msg}"))
            return rows
        if not isinstance(value, dict):
            problems.append(Problem(line, "jokaisen alkion on oltava olio {...}"))
            continue
        rows.append((line, value))


def parse(text: str, format: str) -> tuple[list[Row], list[Problem]]:
    problems: list[Problem] = []
    raw_rows = _json_rows(text, problems) if format == "json" else _csv_rows(text, problems)
    rows = []
    for line, raw in raw_rows:
        values = _typed(line, raw, problems)
        if values is not None:
            rows.append(Row(line, values))
    return rows, problems


def read(path: Path) -> tuple[list[Row], list[Problem]]:
    """The rows of a .csv or .json file (UTF-8; a byte-order mark is allowed)."""
    path = Path(path)
    format = {".csv": "csv", ".json": "json"}.get(path.suffix.lower())
    if format is None:
        raise DataFileError(str(path), [Problem(0, "tiedostopäätteen on oltava .csv tai .json")], rows=True)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), [Problem(0, f"tiedostoa ei voi lukea: {error}")], rows=True) from None
    return parse(text, format)
