"""Local figures as CSV, for numbers a municipality keeps itself.

The first line is the header, exactly these four columns in this order:

    municipality;month;indicator;value

- delimiter `;` or `,` (the one the header uses); UTF-8, a byte-order mark is allowed
- municipality: the three-digit code (`205`) or StatFin's `KU205`; empty for the area's own published row (a total)
- month: `2023-09` or StatFin's `2023M09`
- indicator: an indicator code, e.g. `TYOTTOMATLOPUSSA`
- value as printed: `1 350`, `8,1` or `8.1`; `...` or `..` suppressed, `-` or `0` zero, empty missing
"""

import csv
import io
from pathlib import PurePath

from labour_market.figures import parse_printed
from labour_market.parsers import Observation, ParsedFile, ParseError, parse_month

HEADER = ["municipality", "month", "indicator", "value"]


def parse(raw: bytes, file: str) -> ParsedFile:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ParseError(file, f"rivi {line}", "tiedosto ei ole UTF-8-merkistöä") from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ParseError(file, "rivi 1", "tiedosto on tyhjä") from None
    if [column.strip().lower() for column in header] != HEADER:
        raise ParseError(file, "rivi 1", f"otsikkorivin pitää olla {delimiter.join(HEADER)}")
    observations = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(HEADER):
                raise ParseError(file, f"rivi {line}", f"rivillä pitää olla {len(HEADER)} saraketta, nyt {len(row)}")
            area, month_text, indicator, value = (cell.strip() for cell in row)
            month = parse_month(month_text)
            if month is None:
                raise ParseError(file, f"rivi {line}, sarake month", f"'{month_text}' ei ole kuukausi (VVVV-KK)")
            if not indicator:
                raise ParseError(file, f"rivi {line}, sarake indicator", "tiedon koodi puuttuu")
            try:
                figure = parse_printed(value)
            except ValueError:
                raise ParseError(
                    file, f"rivi {line}, sarake value", f"'{value}' ei ole luku eikä tunnettu merkintä"
                ) from None
            observations.append(Observation(area, month, indicator, figure.status, figure.value, figure.decimals))
    except csv.Error as error:
        raise ParseError(file, f"rivi {reader.line_num}", f"virheellinen CSV: {error}") from None
    # The file has no table identifier of its own; its name is the natural one ("paikalliset-luvut.csv").
    return ParsedFile(file=file, format="csv", table=PurePath(file).stem, observations=observations)
