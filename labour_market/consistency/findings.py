"""What the consistency checks report: findings about printed figures, each with the reasons as codes and parameters.

Pure: no Django. A reason is a code with the numbers and names it needs; `explanations` renders it as text. Two
checks that flag the same printed figure give one finding with every reason once (`Collector`).
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from labour_market.figures import Figure, Status, agrees, round_half_up


class Severity(StrEnum):
    INCONSISTENCY = "inconsistency"
    NOTE = "note"


class Kind(StrEnum):
    TOTAL = "total"
    RATE = "rate"
    SUM_OF_PARTS = "sum_of_parts"
    PART_EXCEEDS_WHOLE = "part_exceeds_whole"
    JOB_SELF_SUFFICIENCY = "job_self_sufficiency"
    OUTSIDE_BOUNDS = "outside_bounds"
    CROSS_TABLE = "cross_table"
    NOT_CHECKABLE = "not_checkable"
    PRECISION = "precision"

    @property
    def severity(self) -> Severity:
        """A figure that cannot be checked exactly, or is printed at another precision, is not wrong."""
        if self in (Kind.NOT_CHECKABLE, Kind.PRECISION):
            return Severity.NOTE
        return Severity.INCONSISTENCY


class Code(StrEnum):
    """Why a figure is flagged, or how it was recomputed; each has one text in `explanations`."""

    # typing and rounding slips (diagnoses)
    DROPPED_DIGIT = "dropped_digit"
    EXTRA_DIGIT = "extra_digit"
    ONE_DIGIT_DIFFERS = "one_digit_differs"
    SWAPPED_DIGITS = "swapped_digits"
    DOUBLE_ROUNDING = "double_rounding"
    TRUNCATED = "truncated"
    MATCHES_METHOD = "matches_method"
    NEAR_METHOD = "near_method"
    # other calculations a published figure may have come from (the `method` of MATCHES_METHOD and NEAR_METHOD)
    MEAN_OF_MUNICIPAL_RATES = "mean_of_municipal_rates"
    RATE_FROM_TOTAL_ROW = "rate_from_total_row"
    MEAN_OF_PUBLISHED_MUNICIPAL = "mean_of_published_municipal"
    MEAN_OF_RECOMPUTED_MUNICIPAL = "mean_of_recomputed_municipal"
    # totals
    BASIS_TABLE = "basis_table"
    MUNICIPAL_SUM = "municipal_sum"
    MISSING_MUNICIPALITIES = "missing_municipalities"
    NOT_EXACT = "not_exact"
    SUPPRESSED_BOUNDS = "suppressed_bounds"
    OUTSIDE_BOUNDS = "outside_bounds"
    SUPPRESSED_AS_ZERO = "suppressed_as_zero"
    # rates, parts and precision
    RATE_FORMULA = "rate_formula"
    AREA_RATE_FORMULA = "area_rate_formula"
    PARTS_SUM = "parts_sum"
    PART_EXCEEDS_WHOLE = "part_exceeds_whole"
    PRINTED_PRECISION = "printed_precision"
    ONLY_PRECISION_DIFFERS = "only_precision_differs"
    # the same quantity in two tables
    OTHER_TABLE = "other_table"
    OTHER_TABLE_MONTH = "other_table_month"
    EXPLAINED_BY_MUNICIPALITIES = "explained_by_municipalities"
    # commuting
    EMPLOYED_RESIDENTS_EXCEED_LABOUR_FORCE = "employed_residents_exceed_labour_force"
    SELF_SUFFICIENCY_FORMULA = "self_sufficiency_formula"
    AREA_SELF_SUFFICIENCY_FORMULA = "area_self_sufficiency_formula"


@dataclass(frozen=True)
class Reason:
    code: Code
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: Code, **params) -> "Reason":
        return cls(code, tuple(params.items()))

    def __getitem__(self, name: str):
        return dict(self.params)[name]


class Scope(StrEnum):
    """Which row of a table a quantity is read from."""

    ROW = "row"
    TOTAL = "total"
    AREA = "area"


@dataclass(frozen=True)
class Quantity:
    """What a finding is about: an indicator by its published name, or a commuting column by its code."""

    name: str
    month: date | None = None
    scope: Scope = Scope.ROW
    commuting: bool = False


@dataclass(frozen=True)
class Finding:
    kind: Kind
    table: str
    municipality: str | None
    column: str
    quantity: Quantity
    published: Decimal | None
    recomputed: Decimal | None
    reasons: tuple[Reason, ...]
    month: date | None = None
    decimals: int = 0
    low: Decimal | None = None
    high: Decimal | None = None
    other_table: str | None = None

    @property
    def severity(self) -> Severity:
        return self.kind.severity

    @property
    def codes(self) -> list[Code]:
        return [reason.code for reason in self.reasons]

    @property
    def shown_recomputed(self) -> Decimal | None:
        """The recomputation with two digits more than was printed: enough to see how far off, not more."""
        if self.recomputed is None:
            return None
        if self.recomputed == self.recomputed.to_integral_value():
            return self.recomputed.quantize(Decimal(1))
        return round_half_up(self.recomputed, self.decimals + 2)

    @property
    def difference(self) -> Decimal | None:
        if self.published is None or self.shown_recomputed is None:
            return None
        return self.published - self.shown_recomputed


def _joined(first: tuple[Reason, ...], second: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """Two findings' reasons about one figure, each reason once."""
    return first + tuple(reason for reason in second if reason not in first)


@dataclass
class Collector:
    """Findings keyed by cell, so that two checks that flag the same printed figure give one finding."""

    findings: dict[tuple, Finding] = field(default_factory=dict)
    # What each printed figure was recomputed to, for the precision notes and for choosing the side in cross-checks.
    recomputed: dict[tuple, Decimal] = field(default_factory=dict)
    precision: dict[tuple, tuple[Figure, int, Quantity]] = field(default_factory=dict)

    @staticmethod
    def key(table, municipality, month, column, other_table=None):
        return (table, municipality, month, column, other_table)

    def add(self, finding: Finding) -> None:
        key = self.key(finding.table, finding.municipality, finding.month, finding.column, finding.other_table)
        existing = self.findings.get(key)
        if existing is None:
            self.findings[key] = finding
        elif existing.severity == Severity.NOTE and finding.severity != Severity.NOTE:
            self.findings[key] = replace(
                finding,
                reasons=_joined(finding.reasons, existing.reasons),
                low=finding.low if finding.low is not None else existing.low,
                high=finding.high if finding.high is not None else existing.high,
            )
        else:
            self.findings[key] = replace(existing, reasons=_joined(existing.reasons, finding.reasons))

    def remember(self, table, municipality, month, column, value: Decimal | None) -> None:
        if value is not None:
            self.recomputed[self.key(table, municipality, month, column)] = value

    def agrees_with_recomputation(self, key, figure: Figure) -> bool | None:
        recomputed = self.recomputed.get(key)
        if recomputed is None:
            return None
        return agrees(figure.value, figure.decimals, recomputed)

    def note_precision(self, table_key: str, column: str, quantity: Quantity, cells, month=None) -> None:
        """Printed figures in one column with fewer or more decimals than the rest of the column."""
        printed = [(code, figure) for code, figure in cells if figure.status == Status.PUBLISHED]
        if len(printed) < 3:
            return
        usual, count = Counter(figure.decimals for _, figure in printed).most_common(1)[0]
        if count * 2 <= len(printed):
            return
        for code, figure in printed:
            if figure.decimals != usual:
                self.precision[self.key(table_key, code, month, column)] = (figure, usual, quantity)

    def finish(self, order: list[str]) -> list[Finding]:
        """Every finding, the precision notes added, in table, month, column and municipality order."""
        for key, (figure, usual, quantity) in self.precision.items():
            table, municipality, month, column, _ = key
            printed = Reason.of(Code.PRINTED_PRECISION, value=figure.value, decimals=figure.decimals, usual=usual)
            existing = self.findings.get(key)
            if existing is not None and existing.severity != Severity.NOTE:
                self.findings[key] = replace(existing, reasons=(*existing.reasons, printed))
                continue
            reasons = [printed]
            recomputed = self.recomputed.get(key)
            if recomputed is not None:
                reasons.append(Reason.of(Code.ONLY_PRECISION_DIFFERS, recomputed=recomputed, decimals=figure.decimals))
            self.add(
                Finding(
                    Kind.PRECISION,
                    table,
                    municipality,
                    column,
                    quantity,
                    figure.value,
                    recomputed,
                    tuple(reasons),
                    month=month,
                    decimals=figure.decimals,
                )
            )
        position = {code: index for index, code in enumerate(order)}
        return sorted(
            self.findings.values(),
            key=lambda f: (
                f.table,
                f.month or date.min,
                f.column,
                len(position) if f.municipality is None else position.get(f.municipality, len(position)),
                f.other_table or "",
            ),
        )
