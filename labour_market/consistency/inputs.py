"""What the consistency checks read: an area's municipalities and its published tables, as plain dataclasses.

Pure: no Django. The selectors build these from the stored statistics; tests build them by hand.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from labour_market.figures import MISSING, CommutingFlows, Concept, Figure, SuppressedRange


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str


@dataclass(frozen=True)
class Area:
    name: str
    municipalities: tuple[Municipality, ...]

    @property
    def codes(self) -> list[str]:
        return [m.code for m in self.municipalities]

    def name_of(self, code: str | None) -> str:
        if code is None:
            return self.name
        return next((m.name for m in self.municipalities if m.code == code), code)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    concept: Concept | None = None
    sums_over_municipalities: bool = False


# A cell of a municipal table: (municipality code, or None for the area's own row; month; indicator code).
Cell = tuple[str | None, date, str]


@dataclass(frozen=True)
class MunicipalTable:
    key: str
    name: str
    indicators: tuple[Indicator, ...]
    figures: Mapping[Cell, Figure]
    document: str = ""
    suppressed_range: SuppressedRange = SuppressedRange()

    def figure(self, code: str | None, month: date, indicator: str) -> Figure:
        return self.figures.get((code, month, indicator), MISSING)

    @property
    def months(self) -> list[date]:
        return sorted({month for _, month, _ in self.figures})

    def has_municipal_rows(self, month: date, indicator: str) -> bool:
        return any(code is not None and m == month and i == indicator for code, m, i in self.figures)

    def indicator_for(self, concept: Concept) -> Indicator | None:
        return next((i for i in self.indicators if i.concept == concept), None)


@dataclass(frozen=True)
class CommutingRow:
    labour_force: Figure = MISSING
    commuting_in: Figure = MISSING
    commuting_out: Figure = MISSING
    working_in_own_municipality: Figure = MISSING
    job_self_sufficiency: Figure = MISSING

    def flows(self) -> CommutingFlows | None:
        parts = (self.working_in_own_municipality, self.commuting_in, self.commuting_out)
        if not all(part.known for part in parts):
            return None
        return CommutingFlows(*(part.value for part in parts))


@dataclass(frozen=True)
class CommutingTable:
    key: str
    name: str
    rows: Mapping[str | None, CommutingRow]
    document: str = ""
    period: str = ""
    suppressed_range: SuppressedRange = SuppressedRange()
