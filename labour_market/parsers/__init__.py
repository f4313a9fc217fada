"""Readers for statistics files: PC-Axis (.px), JSON-stat 2.0 and the local CSV format. Pure: no Django.

Each reader returns a `ParsedFile` of `Observation`s in the file's own codes (area KU205, month 2023M08, indicator
TYOTTOMATLOPUSSA); deciding which codes are known is the importer's job. A malformed file raises `ParseError` naming
the file and the position in it.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from labour_market.figures import Status


class ParseError(Exception):
    def __init__(self, file: str, position: str, problem: str):
        self.file = file
        self.position = position
        self.problem = problem
        super().__init__(f"{file}: {position}: {problem}")


@dataclass(frozen=True)
class Observation:
    area: str
    month: date
    indicator: str
    status: Status
    value: Decimal | None
    decimals: int


@dataclass(frozen=True)
class IndicatorLabel:
    code: str
    names: dict[str, str] = field(default_factory=dict)
    unit: str = ""
    decimals: int | None = None


@dataclass
class ParsedFile:
    file: str
    format: str
    table: str = ""
    title: str = ""
    source: str = ""
    observations: list[Observation] = field(default_factory=list)
    indicators: dict[str, IndicatorLabel] = field(default_factory=dict)
    area_names: dict[str, str] = field(default_factory=dict)


MONTH_CODE = re.compile(r"^(\d{4})M(\d{2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MUNICIPALITY_CODE = re.compile(r"^(?:KU)?(\d{3})$")


def parse_month(code: str) -> date | None:
    """StatFin's 2023M08, or 2023-08 in local files."""
    match = MONTH_CODE.match(code) or ISO_MONTH.match(code)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)


def municipality_code(area: str) -> str | None:
    """The three-digit municipality code of StatFin's KU205 (or a plain 205); None for SSS, MK18 and the like."""
    match = MUNICIPALITY_CODE.match(area)
    return match.group(1) if match else None
