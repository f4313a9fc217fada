"""Road distances between municipality centres: the file read and checked, and the distance between two centres.
Pure: no Django.

A centre is named by its municipality code (Statistics Finland's three digits), so that centres outside the area
(Oulu 564, Iisalmi 140, …) need no municipality row. The distance is symmetric and zero from a centre to itself; a
pair the table lacks is None, never a guess.
"""

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from common.data_files import DataFileError, Problem

HEADER = ["from_code", "from_name", "to_code", "to_name", "km", "approximate", "route", "source"]
CODE = re.compile(r"[0-9]{3}", re.ASCII)
# A road distance between two Finnish municipality centres is well under this; more is a typing error.
MAX_KM = 1500
TRUE_FALSE = {"true": True, "false": False}


@dataclass(frozen=True)
class Distance:
    """One pair, codes in ascending order."""

    from_code: str
    from_name: str
    to_code: str
    to_name: str
    km: int
    approximate: bool
    route: str
    source: str


class RoadDistances:
    """The distances of a table, looked up in either direction."""

    def __init__(self, distances: Iterable[Distance]):
        self._km: dict[frozenset[str], int] = {}
        self.names: dict[str, str] = {}
        for distance in distances:
            self._km[frozenset((distance.from_code, distance.to_code))] = distance.km
            self.names[distance.from_code] = distance.from_name
            self.names[distance.to_code] = distance.to_name

    def between(self, a: str, b: str) -> int | None:
        if a == b:
            return 0
        return self._km.get(frozenset((a, b)))


def distance(table: RoadDistances, a: str, b: str) -> int | None:
    """Kilometres by road between the centres of municipalities `a` and `b`; None when the table lacks the pair."""
    return table.between(a, b)


def _row(line: int, row: list[str], problems: list[Problem]) -> Distance | None:
    if len(row) != len(HEADER):
        problems.append(Problem(line, f"{len(HEADER)} kenttää odotettiin, rivillä on {len(row)}"))
        return None
    values = dict(zip(HEADER, (part.strip() for part in row), strict=True))
    before = len(problems)
    for name in ("from_code", "to_code"):
        if not CODE.fullmatch(values[name]):
            problems.append(Problem(line, f"{name}: kuntanumero on kolme numeroa, ei {values[name]!r}"))
    for name in ("from_name", "to_name", "source"):
        if not values[name]:
            problems.append(Problem(line, f"{name}: tyhjä"))
    if not values["km"].isdigit() or not 0 < int(values["km"]) <= MAX_KM:
        problems.append(Problem(line, f"km: kokonaisluku 1–{MAX_KM}, ei {values['km']!r}"))
    if values["approximate"] not in TRUE_FALSE:
        problems.append(Problem(line, f"approximate: true tai false, ei {values['approximate']!r}"))
    if len(problems) > before:
        return None
    if values["from_code"] == values["to_code"]:
        problems.append(Problem(line, "sama kunta molemmissa päissä: etäisyys itseensä on aina 0"))
        return None
    ends = sorted([(values["from_code"], values["from_name"]), (values["to_code"], values["to_name"])])
    return Distance(
        ends[0][0],
        ends[0][1],
        ends[1][0],
        ends[1][1],
        int(values["km"]),
        TRUE_FALSE[values["approximate"]],
        values["route"],
        values["source"],
    )


def read(path: Path) -> list[Distance]:
    """Every row of the file, or DataFileError listing each bad row: a pair given twice, a code under two names."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), [Problem(0, f"tiedostoa ei voi lukea: {error}")], rows=True) from None
    if not rows or rows[0] != HEADER:
        raise DataFileError(str(path), [Problem(1, f"otsakkeen on oltava {','.join(HEADER)}")], rows=True)
    problems: list[Problem] = []
    found: list[Distance] = []
    pairs: dict[tuple[str, str], int] = {}
    names: dict[str, str] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(part.strip() for part in row):
            continue
        distance_row = _row(line, row, problems)
        if distance_row is None:
            continue
        pair = (distance_row.from_code, distance_row.to_code)
        if pair in pairs:
            problems.append(Problem(line, f"pari {pair[0]}–{pair[1]} on jo rivillä {pairs[pair]}"))
            continue
        pairs[pair] = line
        for code, name in (
            (distance_row.from_code, distance_row.from_name),
            (distance_row.to_code, distance_row.to_name),
        ):
            if names.setdefault(code, name) != name:
                problems.append(Problem(line, f"kunta {code} on toisaalla nimellä {names[code]!r}, tässä {name!r}"))
        found.append(distance_row)
    if problems:
        raise DataFileError(str(path), problems, rows=True)
    return found
