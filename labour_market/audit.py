"""Consistency audit: recompute every total, rate and derived figure the stored tables allow and list what disagrees.

Pure: no Django. Input is the published tables as dataclasses, output a list of `Finding`s. A published figure is
compared at the precision it was printed with (a rate printed as 8,9 is compared at one decimal, one printed as 7 at
none). A total over suppressed cells cannot be checked exactly but is still bounded by what a hidden cell may hold.
The explanations are in Finnish, the language of the tables they describe.
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from labour_market.figures import (
    MISSING,
    CommutingFlows,
    Concept,
    Figure,
    Status,
    SuppressedRange,
    Total,
    agrees,
    area_job_self_sufficiency,
    job_self_sufficiency,
    round_half_up,
    total,
    unemployment_rate,
    unweighted_mean,
    within,
)

NBSP = "\u00a0"


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


NOTE_KINDS = frozenset({Kind.NOT_CHECKABLE, Kind.PRECISION})

# Whole and parts: the parts together make the whole.
SUMS_OF_PARTS = [(Concept.UNEMPLOYED, (Concept.UNEMPLOYED_MEN, Concept.UNEMPLOYED_WOMEN))]
# Part and whole: a group of the unemployed cannot be larger than the group it belongs to.
PARTS_OF_WHOLES = [
    (Concept.UNEMPLOYED_UNDER_20, Concept.UNEMPLOYED_UNDER_25),
    (Concept.UNEMPLOYED_UNDER_25, Concept.UNEMPLOYED),
    (Concept.UNEMPLOYED_MEN, Concept.UNEMPLOYED),
    (Concept.UNEMPLOYED_WOMEN, Concept.UNEMPLOYED),
    (Concept.LONG_TERM_UNEMPLOYED, Concept.UNEMPLOYED),
    (Concept.FOREIGN_UNEMPLOYED, Concept.UNEMPLOYED),
    (Concept.UNEMPLOYED, Concept.LABOUR_FORCE),
]

COMMUTING_COUNTS = {
    "labour_force": "Työvoima",
    "commuting_in": "Pendelöinti kuntaan",
    "commuting_out": "Pendelöinti kunnasta",
    "working_in_own_municipality": "Työssäkäynti omassa kunnassa",
}
JOB_SELF_SUFFICIENCY = "job_self_sufficiency"
JOB_SELF_SUFFICIENCY_NAME = "Työpaikkaomavaraisuus, %"


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


@dataclass(frozen=True)
class Finding:
    kind: Kind
    table: str
    municipality: str | None
    column: str
    quantity: str
    published: Decimal | None
    recomputed: Decimal | None
    explanation: str
    month: date | None = None
    decimals: int = 0
    low: Decimal | None = None
    high: Decimal | None = None
    other_table: str | None = None

    @property
    def severity(self) -> str:
        return "note" if self.kind in NOTE_KINDS else "inconsistency"

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

    def as_dict(self) -> dict:
        return {
            "table": self.table,
            "municipality": self.municipality,
            "quantity": self.quantity,
            "published": _number(self.published),
            "recomputed": _number(self.shown_recomputed),
            "explanation": self.explanation,
            "column": self.column,
            "month": self.month.strftime("%Y-%m") if self.month else None,
            "difference": _number(self.difference),
            "recomputed_min": _number(self.low),
            "recomputed_max": _number(self.high),
            "other_table": self.other_table,
            "kind": str(self.kind),
            "severity": self.severity,
        }


def _number(value: Decimal | None):
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def fi_compact(value: Decimal | None, decimals: int) -> str:
    """At most `decimals` decimals, without trailing zeros: 8,92 rather than 8,920."""
    if value is None:
        return fi(None)
    rounded = round_half_up(value, decimals)
    if rounded == rounded.to_integral_value():
        return fi(rounded.quantize(Decimal(1)))
    return fi(rounded.normalize())


def fi(value: Decimal | None, decimals: int | None = None) -> str:
    """A number the Finnish way (1 234,5), for the explanations."""
    if value is None:
        return "–"
    if decimals is not None:
        value = round_half_up(value, decimals)
    sign = "−" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + NBSP.join(groups) + ("," + fraction if fraction else "")


def month_label(month: date) -> str:
    return f"{month.month}/{month.year}"


# --- explanations -------------------------------------------------------------------------------------------------


def digit_slip(published: Decimal, expected: Decimal) -> str | None:
    """A typing slip between two whole numbers: a dropped, an extra, a changed or two swapped digits."""
    if published != published.to_integral_value() or expected != expected.to_integral_value():
        return None
    p, e = str(abs(int(published))), str(abs(int(expected)))
    if p == e:
        return None
    if len(p) == len(e) - 1 and any(e[:i] + e[i + 1 :] == p for i in range(len(e))):
        return f"numero on pudonnut pois ({e} → {p})"
    if len(e) == len(p) - 1 and any(p[:i] + p[i + 1 :] == e for i in range(len(p))):
        return f"luvussa on ylimääräinen numero ({e} → {p})"
    if len(p) == len(e):
        differing = [i for i in range(len(p)) if p[i] != e[i]]
        if len(differing) == 1:
            return f"yksi numero eri ({e} / {p}), todennäköisesti näppäilyvirhe"
        first, second = differing if len(differing) == 2 else (0, 0)
        if second == first + 1 and (p[first], p[second]) == (e[second], e[first]):
            return f"vierekkäiset numerot ovat vaihtaneet paikkaa ({e} → {p})"
    if published * 10 == expected or published == expected * 10:
        return "kymmenkertainen ero: desimaalipilkku tai numero väärässä kohdassa"
    return None


def rounding_slip(published: Decimal, decimals: int, recomputed: Decimal) -> str | None:
    twice = round_half_up(round_half_up(recomputed, decimals + 1), decimals)
    if twice == published:
        once = round_half_up(recomputed, decimals + 1)
        return (
            f"kaksinkertainen pyöristys: {fi(recomputed, decimals + 2)} → {fi(once)} → {fi(twice)}, "
            f"oikein pyöristettynä {fi(recomputed, decimals)}"
        )
    truncated = recomputed.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)
    if truncated == published:
        return f"luku on katkaistu eikä pyöristetty ({fi(recomputed, decimals + 2)} → {fi(truncated)})"
    return None


def matching_alternative(
    published: Decimal, decimals: int, recomputed: Decimal, alternatives: Iterable[tuple[str, Decimal]]
) -> str | None:
    """Which other calculation the published figure came from, when it plainly came from one."""
    near = None
    for label, value in alternatives:
        if value is None:
            continue
        if agrees(published, decimals, value):
            return f"julkaistu luku vastaa laskutapaa: {label} = {fi_compact(value, decimals + 2)}"
        off = abs(published - value)
        if near is None and off * 10 < abs(published - recomputed):
            near = (
                f"julkaistu luku on lähellä laskutapaa: {label} = {fi_compact(value, decimals + 2)} "
                f"(ero {fi_compact(off, decimals + 2)})"
            )
    return near


def explain(
    published: Decimal, decimals: int, recomputed: Decimal, alternatives: Iterable[tuple[str, Decimal]] = ()
) -> list[str]:
    reasons = [
        reason
        for reason in (
            digit_slip(published, recomputed) if decimals == 0 else None,
            matching_alternative(published, decimals, recomputed, alternatives),
            rounding_slip(published, decimals, recomputed),
        )
        if reason
    ]
    return reasons


# --- collecting findings ------------------------------------------------------------------------------------------


@dataclass
class _Collector:
    """Findings keyed by cell, so that two checks that flag the same printed figure give one finding."""

    findings: dict[tuple, Finding] = field(default_factory=dict)
    # What each printed figure was recomputed to, for the precision notes and for choosing the side in cross-checks.
    recomputed: dict[tuple, Decimal] = field(default_factory=dict)
    precision: dict[tuple, tuple[Figure, int, str]] = field(default_factory=dict)

    @staticmethod
    def key(table, municipality, month, column, other_table=None):
        return (table, municipality, month, column, other_table)

    def add(self, finding: Finding) -> None:
        key = self.key(finding.table, finding.municipality, finding.month, finding.column, finding.other_table)
        existing = self.findings.get(key)
        if existing is None:
            self.findings[key] = finding
        elif existing.severity == "note" and finding.severity != "note":
            self.findings[key] = replace(
                finding,
                explanation=_joined(finding.explanation, existing.explanation),
                low=finding.low if finding.low is not None else existing.low,
                high=finding.high if finding.high is not None else existing.high,
            )
        else:
            self.findings[key] = replace(existing, explanation=_joined(existing.explanation, finding.explanation))

    def remember(self, table, municipality, month, column, value: Decimal | None) -> None:
        if value is not None:
            self.recomputed[self.key(table, municipality, month, column)] = value

    def finish(self, area: Area) -> list[Finding]:
        for key, (figure, usual, quantity) in self.precision.items():
            table, municipality, month, column, _ = key
            text = (
                f"painettu {_decimals_phrase(figure.decimals)} ({fi(figure.value)}), "
                f"sarakkeen muut luvut {_decimals_phrase(usual)}"
            )
            existing = self.findings.get(key)
            if existing is not None and existing.severity != "note":
                self.findings[key] = replace(existing, explanation=f"{existing.explanation}; {text}")
                continue
            recomputed = self.recomputed.get(key)
            if recomputed is not None:
                text += (
                    f"; laskettu {fi(recomputed, figure.decimals + 2)}, {_decimals_phrase(figure.decimals)} "
                    f"pyöristettynä {fi(recomputed, figure.decimals)}: luku on oikein, vain tarkkuus poikkeaa"
                )
            self.add(
                Finding(
                    Kind.PRECISION,
                    table,
                    municipality,
                    column,
                    quantity,
                    figure.value,
                    recomputed,
                    text,
                    month=month,
                    decimals=figure.decimals,
                )
            )
        order = {code: index for index, code in enumerate(area.codes)}
        return sorted(
            self.findings.values(),
            key=lambda f: (
                f.table,
                f.month or date.min,
                f.column,
                len(order) if f.municipality is None else order.get(f.municipality, len(order)),
                f.other_table or "",
            ),
        )


def _joined(first: str, second: str) -> str:
    """Two explanations of one figure, each reason once."""
    reasons = first.split("; ")
    reasons += [reason for reason in second.split("; ") if reason not in reasons]
    return "; ".join(reasons)


def _decimals_phrase(decimals: int) -> str:
    if decimals == 0:
        return "ilman desimaaleja"
    if decimals == 1:
        return "yhdellä desimaalilla"
    return f"{decimals} desimaalilla"


def _note_precision(collector: _Collector, table_key: str, column: str, quantity: str, cells, month=None) -> None:
    """Printed figures in one column with fewer or more decimals than the rest of the column."""
    printed = [(code, figure) for code, figure in cells if figure.status == Status.PUBLISHED]
    if len(printed) < 3:
        return
    usual, count = Counter(figure.decimals for _, figure in printed).most_common(1)[0]
    if count * 2 <= len(printed):
        return
    for code, figure in printed:
        if figure.decimals != usual:
            key = collector.key(table_key, code, month, column)
            collector.precision[key] = (figure, usual, quantity)


# --- totals -------------------------------------------------------------------------------------------------------


def _check_total(
    collector: _Collector,
    *,
    table_key: str,
    column: str,
    quantity: str,
    published: Figure,
    summed: Total,
    month: date | None,
    basis_note: str = "",
) -> None:
    prefix = f"{basis_note}; " if basis_note else ""
    if summed.exact:
        collector.remember(table_key, None, month, column, summed.value)
        if agrees(published.value, published.decimals, summed.value):
            return
        reasons = explain(published.value, published.decimals, summed.value)
        collector.add(
            Finding(
                Kind.TOTAL,
                table_key,
                None,
                column,
                quantity,
                published.value,
                summed.value,
                prefix + "; ".join([f"kuntien lukujen summa on {fi(summed.value)}", *reasons]),
                month=month,
                decimals=published.decimals,
            )
        )
        return
    if not summed.checkable:
        collector.add(
            Finding(
                Kind.NOT_CHECKABLE,
                table_key,
                None,
                column,
                quantity,
                published.value,
                None,
                prefix + f"{summed.missing} kunnan luku puuttuu kokonaan, joten summaa ei voi tarkistaa",
                month=month,
                decimals=published.decimals,
            )
        )
        return
    bound = f"{fi(summed.low)}–{fi(summed.high)}" if summed.high is not None else f"vähintään {fi(summed.low)}"
    hidden = (
        f"{summed.suppressed} salattua solua, julkaistujen kuntalukujen summa {fi(summed.known_sum)}, "
        f"joten summa on {bound}"
    )
    if within(published.value, published.decimals, summed.low, summed.high):
        collector.add(
            Finding(
                Kind.NOT_CHECKABLE,
                table_key,
                None,
                column,
                quantity,
                published.value,
                None,
                prefix + f"ei tarkistettavissa tarkasti: {hidden}; julkaistu luku on tällä välillä",
                month=month,
                decimals=published.decimals,
                low=summed.low,
                high=summed.high,
            )
        )
        return
    reasons = [f"julkaistu luku on välin ulkopuolella: {hidden}"]
    if published.value == summed.known_sum:
        reasons.append(
            "julkaistu summa on sama kuin julkaistujen kuntalukujen summa: salatut solut on ilmeisesti laskettu nollina"
        )
    collector.add(
        Finding(
            Kind.OUTSIDE_BOUNDS,
            table_key,
            None,
            column,
            quantity,
            published.value,
            None,
            prefix + "; ".join(reasons),
            month=month,
            decimals=published.decimals,
            low=summed.low,
            high=summed.high,
        )
    )


# --- municipal tables ---------------------------------------------------------------------------------------------


def _basis(table: MunicipalTable, month: date, indicator: str, tables: Sequence[MunicipalTable]):
    """The municipal rows a table's area figure is checked against: its own, else those printed beside it."""
    if table.has_municipal_rows(month, indicator):
        return table
    for other in tables:
        same_document = other is not table and other.document and other.document == table.document
        if same_document and other.has_municipal_rows(month, indicator):
            return other
    return None


def _area_sum(basis: MunicipalTable, area: Area, month: date, indicator: str) -> Total:
    return total((basis.figure(code, month, indicator) for code in area.codes), basis.suppressed_range)


def _check_municipal(table: MunicipalTable, area: Area, tables: Sequence[MunicipalTable], collector: _Collector):
    for month in table.months:
        for indicator in table.indicators:
            quantity = f"{indicator.name}, {month_label(month)}"
            cells = [(code, table.figure(code, month, indicator.code)) for code in [*area.codes, None]]
            _note_precision(collector, table.key, indicator.code, quantity, cells, month)
            published = table.figure(None, month, indicator.code)
            if not (indicator.sums_over_municipalities and published.known):
                continue
            basis = _basis(table, month, indicator.code, tables)
            if basis is None:
                continue
            _check_total(
                collector,
                table_key=table.key,
                column=indicator.code,
                quantity=f"{indicator.name} yhteensä, {month_label(month)}",
                published=published,
                summed=_area_sum(basis, area, month, indicator.code),
                month=month,
                basis_note="" if basis is table else f"kuntien luvut taulukosta {basis.name}",
            )
        _check_rates(table, area, tables, month, collector)
        _check_parts(table, area, month, collector)


def _check_rates(table: MunicipalTable, area: Area, tables, month: date, collector: _Collector) -> None:
    rate = table.indicator_for(Concept.UNEMPLOYMENT_RATE)
    labour_force = table.indicator_for(Concept.LABOUR_FORCE)
    unemployed = table.indicator_for(Concept.UNEMPLOYED)
    if rate is None or labour_force is None or unemployed is None:
        return
    for code in area.codes:
        published = table.figure(code, month, rate.code)
        lf = table.figure(code, month, labour_force.code)
        un = table.figure(code, month, unemployed.code)
        if not (published.known and lf.known and un.known):
            continue
        recomputed = unemployment_rate(un.value, lf.value)
        collector.remember(table.key, code, month, rate.code, recomputed)
        if recomputed is None or agrees(published.value, published.decimals, recomputed):
            continue
        formula = f"työttömät / työvoima × 100 = {fi(un.value)} / {fi(lf.value)} × 100 = {fi(recomputed, 3)}"
        collector.add(
            Finding(
                Kind.RATE,
                table.key,
                code,
                rate.code,
                f"{rate.name}, {month_label(month)}",
                published.value,
                recomputed,
                "; ".join([formula, *explain(published.value, published.decimals, recomputed)]),
                month=month,
                decimals=published.decimals,
            )
        )
    published = table.figure(None, month, rate.code)
    if not published.known:
        return
    basis = _basis(table, month, unemployed.code, tables)
    lf_basis = _basis(table, month, labour_force.code, tables)
    if basis is None or lf_basis is None:
        return
    un_total = _area_sum(basis, area, month, unemployed.code)
    lf_total = _area_sum(lf_basis, area, month, labour_force.code)
    if not (un_total.exact and lf_total.exact):
        return
    recomputed = unemployment_rate(un_total.value, lf_total.value)
    collector.remember(table.key, None, month, rate.code, recomputed)
    if recomputed is None or agrees(published.value, published.decimals, recomputed):
        return
    alternatives = []
    rate_basis = _basis(table, month, rate.code, tables)
    if rate_basis is not None:
        rates = [rate_basis.figure(code, month, rate.code) for code in area.codes]
        if all(r.known for r in rates):
            alternatives.append(
                ("kuntien työttömyysasteiden painottamaton keskiarvo", unweighted_mean(r.value for r in rates))
            )
    own_un, own_lf = table.figure(None, month, unemployed.code), table.figure(None, month, labour_force.code)
    if own_un.known and own_lf.known and (own_un.value, own_lf.value) != (un_total.value, lf_total.value):
        alternatives.append(
            (
                f"taulukon yhteensä-riviltä {fi(own_un.value)} / {fi(own_lf.value)} × 100",
                unemployment_rate(own_un.value, own_lf.value),
            )
        )
    formula = (
        "alueen työttömyysaste on kuntien työttömien summa / kuntien työvoiman summa × 100 "
        f"= {fi(un_total.value)} / {fi(lf_total.value)} × 100 = {fi(recomputed, 3)} "
        "(työvoimalla painotettu keskiarvo kuntien asteista)"
    )
    collector.add(
        Finding(
            Kind.RATE,
            table.key,
            None,
            rate.code,
            f"{rate.name}, alue, {month_label(month)}",
            published.value,
            recomputed,
            "; ".join([formula, *explain(published.value, published.decimals, recomputed, alternatives)]),
            month=month,
            decimals=published.decimals,
        )
    )


def _check_parts(table: MunicipalTable, area: Area, month: date, collector: _Collector) -> None:
    for code in [*area.codes, None]:
        for whole_concept, part_concepts in SUMS_OF_PARTS:
            whole = table.indicator_for(whole_concept)
            parts = [table.indicator_for(c) for c in part_concepts]
            if whole is None or None in parts:
                continue
            whole_figure = table.figure(code, month, whole.code)
            part_figures = [table.figure(code, month, p.code) for p in parts]
            if not (whole_figure.known and all(p.known for p in part_figures)):
                continue
            summed = sum((p.value for p in part_figures), Decimal(0))
            if summed == whole_figure.value:
                continue
            terms = " + ".join(f"{p.name.lower()} {fi(f.value)}" for p, f in zip(parts, part_figures, strict=True))
            reasons = [f"{terms} = {fi(summed)}", *explain(whole_figure.value, 0, summed)]
            collector.add(
                Finding(
                    Kind.SUM_OF_PARTS,
                    table.key,
                    code,
                    whole.code,
                    f"{whole.name}, {month_label(month)}",
                    whole_figure.value,
                    summed,
                    "; ".join(reasons),
                    month=month,
                    decimals=whole_figure.decimals,
                )
            )
        _check_part_bounds(table, code, month, collector)


def _check_part_bounds(table: MunicipalTable, code: str | None, month: date, collector: _Collector) -> None:
    """A group of the unemployed larger than the whole it belongs to; the finding sits on the whole."""
    exceeding = {}
    for part_concept, whole_concept in PARTS_OF_WHOLES:
        part, whole = table.indicator_for(part_concept), table.indicator_for(whole_concept)
        if part is None or whole is None:
            continue
        part_figure, whole_figure = table.figure(code, month, part.code), table.figure(code, month, whole.code)
        smallest_part = _smallest(part_figure, table.suppressed_range)
        largest_whole = _largest(whole_figure, table.suppressed_range)
        if smallest_part is None or largest_whole is None or smallest_part <= largest_whole:
            continue
        exceeding.setdefault(whole, (whole_figure, largest_whole, []))[2].append((part, smallest_part))
    for whole, (whole_figure, largest_whole, parts) in exceeding.items():
        listed = ", ".join(f"{part.name.lower()} {fi(smallest)}" for part, smallest in parts)
        bound = fi(largest_whole) if whole_figure.known else f"enintään {fi(largest_whole)}"
        collector.add(
            Finding(
                Kind.PART_EXCEEDS_WHOLE,
                table.key,
                code,
                whole.code,
                f"{whole.name}, {month_label(month)}",
                whole_figure.value,
                None,
                f"osa on suurempi kuin kokonaisuus ({whole.name.lower()} {bound}): {listed}",
                month=month,
                decimals=whole_figure.decimals,
            )
        )


def _smallest(figure: Figure, hidden: SuppressedRange) -> Decimal | None:
    if figure.known:
        return figure.value
    return hidden.low if figure.status == Status.SUPPRESSED else None


def _largest(figure: Figure, hidden: SuppressedRange) -> Decimal | None:
    if figure.known:
        return figure.value
    return hidden.high if figure.status == Status.SUPPRESSED else None


# --- the same quantity in two tables ------------------------------------------------------------------------------


def _differs(a: Figure, b: Figure) -> bool:
    coarse, fine = (a, b) if a.decimals <= b.decimals else (b, a)
    return not agrees(coarse.value, coarse.decimals, fine.value)


def _explained_by_municipalities(area: Area, differences: Mapping[str, Decimal], total_difference: Decimal) -> str:
    if not differences or sum(differences.values(), Decimal(0)) != total_difference:
        return ""
    parts = ", ".join(f"{area.name_of(code)} {'+' if d > 0 else ''}{fi(d)}" for code, d in differences.items())
    return f"ero {fi(total_difference)} selittyy kuntien eroilla: {parts}"


def _cross_municipal(tables: Sequence[MunicipalTable], area: Area, collector: _Collector) -> None:
    for index, first in enumerate(tables):
        for second in tables[index + 1 :]:
            shared = first.figures.keys() & second.figures.keys()
            for month, indicator in sorted({(month, indicator) for _, month, indicator in shared}):
                name = next((i.name for i in first.indicators if i.code == indicator), indicator)
                quantity = f"{name}, {month_label(month)}"
                differences = {}
                for code in area.codes:
                    a, b = first.figure(code, month, indicator), second.figure(code, month, indicator)
                    if a.known and b.known and _differs(a, b):
                        differences[code] = a.value - b.value
                        _add_cross(collector, first, second, a, b, code, indicator, quantity, month)
                a, b = first.figure(None, month, indicator), second.figure(None, month, indicator)
                if a.known and b.known and _differs(a, b):
                    note = _explained_by_municipalities(area, differences, a.value - b.value)
                    _add_cross(collector, first, second, a, b, None, indicator, quantity, month, note)


def _add_cross(collector, first, second, a: Figure, b: Figure, code, column, quantity, month, note=""):
    """Flag the table whose figure disagrees with its own recomputation; if neither or both do, the later one."""
    first_ok = _agrees_with_recomputation(collector, collector.key(first.key, code, month, column), a)
    second_ok = _agrees_with_recomputation(collector, collector.key(second.key, code, month, column), b)
    flagged, other, mine, theirs = second, first, b, a
    if first_ok is False and second_ok is not False:
        flagged, other, mine, theirs = first, second, a, b
    reasons = [f"sama suure taulukossa {other.name}: {fi(theirs.value)}"]
    slip = digit_slip(mine.value, theirs.value)
    if slip:
        reasons.append(slip)
    if note:
        reasons.append(note)
    collector.add(
        Finding(
            Kind.CROSS_TABLE,
            flagged.key,
            code,
            column,
            quantity,
            mine.value,
            theirs.value,
            "; ".join(reasons),
            month=month,
            decimals=mine.decimals,
            other_table=other.key,
        )
    )


def _agrees_with_recomputation(collector: _Collector, key, figure: Figure) -> bool | None:
    recomputed = collector.recomputed.get(key)
    if recomputed is None:
        return None
    return agrees(figure.value, figure.decimals, recomputed)


# --- commuting ----------------------------------------------------------------------------------------------------


def _check_commuting(table: CommutingTable, area: Area, municipal: Sequence[MunicipalTable], collector: _Collector):
    rows = {code: table.rows.get(code, CommutingRow()) for code in area.codes}
    area_row = table.rows.get(None)
    for column, name in COMMUTING_COUNTS.items():
        cells = [(code, getattr(row, column)) for code, row in rows.items()]
        if area_row is not None and getattr(area_row, column).known:
            _check_total(
                collector,
                table_key=table.key,
                column=column,
                quantity=f"{name} yhteensä",
                published=getattr(area_row, column),
                summed=total((figure for _, figure in cells), table.suppressed_range),
                month=None,
            )
    ss_cells = [(code, row.job_self_sufficiency) for code, row in rows.items()]
    if area_row is not None:
        ss_cells.append((None, area_row.job_self_sufficiency))
    _note_precision(collector, table.key, JOB_SELF_SUFFICIENCY, JOB_SELF_SUFFICIENCY_NAME, ss_cells)

    for code, row in rows.items():
        flows = row.flows()
        if flows is None:
            continue
        recomputed = job_self_sufficiency(flows)
        collector.remember(table.key, code, None, JOB_SELF_SUFFICIENCY, recomputed)
        published = row.job_self_sufficiency
        if row.labour_force.known and flows.employed_residents > row.labour_force.value:
            collector.add(
                Finding(
                    Kind.PART_EXCEEDS_WHOLE,
                    table.key,
                    code,
                    "labour_force",
                    COMMUTING_COUNTS["labour_force"],
                    row.labour_force.value,
                    None,
                    f"työlliset asukkaat (oma kunta + pendelöinti kunnasta = {fi(flows.employed_residents)}) "
                    f"ovat enemmän kuin työvoima",
                    high=row.labour_force.value,
                )
            )
        if not published.known or recomputed is None or agrees(published.value, published.decimals, recomputed):
            continue
        formula = (
            f"(oma kunta + pendelöinti kuntaan) / (oma kunta + pendelöinti kunnasta) × 100 = "
            f"({fi(flows.working_in_own_municipality)} + {fi(flows.commuting_in)}) / "
            f"({fi(flows.working_in_own_municipality)} + {fi(flows.commuting_out)}) × 100 = {fi(recomputed, 3)}"
        )
        collector.add(
            Finding(
                Kind.JOB_SELF_SUFFICIENCY,
                table.key,
                code,
                JOB_SELF_SUFFICIENCY,
                JOB_SELF_SUFFICIENCY_NAME,
                published.value,
                recomputed,
                "; ".join([formula, *explain(published.value, published.decimals, recomputed)]),
                decimals=published.decimals,
            )
        )

    if area_row is not None and area_row.job_self_sufficiency.known:
        _check_area_self_sufficiency(table, rows, area_row.job_self_sufficiency, collector)
    _cross_commuting(table, area, municipal, collector)


def _check_area_self_sufficiency(table: CommutingTable, rows, published: Figure, collector: _Collector) -> None:
    flows = [row.flows() for row in rows.values()]
    if None in flows:
        return
    recomputed = area_job_self_sufficiency(flows)
    collector.remember(table.key, None, None, JOB_SELF_SUFFICIENCY, recomputed)
    if recomputed is None or agrees(published.value, published.decimals, recomputed):
        return
    jobs = sum((f.jobs for f in flows), Decimal(0))
    residents = sum((f.employed_residents for f in flows), Decimal(0))
    alternatives = []
    printed = [row.job_self_sufficiency for row in rows.values()]
    if all(p.known for p in printed):
        alternatives.append(
            ("kuntien julkaistujen lukujen painottamaton keskiarvo", unweighted_mean(p.value for p in printed))
        )
    alternatives.append(
        ("kuntien laskettujen lukujen painottamaton keskiarvo", unweighted_mean(job_self_sufficiency(f) for f in flows))
    )
    formula = (
        "alueen työpaikkaomavaraisuus on alueen työpaikat / alueen työlliset asukkaat × 100 = "
        f"Σ(oma + kuntaan) / Σ(oma + kunnasta) × 100 = {fi(jobs)} / {fi(residents)} × 100 = {fi(recomputed, 3)}; "
        "alueen sisäinen pendelöinti on työpaikka yhdessä ja asukas toisessa kunnassa, joten se kuuluu kumpaankin "
        "summaan, eikä kuntien prosenttien keskiarvo ole alueen luku"
    )
    collector.add(
        Finding(
            Kind.JOB_SELF_SUFFICIENCY,
            table.key,
            None,
            JOB_SELF_SUFFICIENCY,
            f"{JOB_SELF_SUFFICIENCY_NAME}, alue",
            published.value,
            recomputed,
            "; ".join([formula, *explain(published.value, published.decimals, recomputed, alternatives)]),
            decimals=published.decimals,
        )
    )


def _cross_commuting(table: CommutingTable, area: Area, municipal: Sequence[MunicipalTable], collector: _Collector):
    """The commuting table's labour force against the labour force printed in the same document's tables."""
    for other in municipal:
        if not table.document or other.document != table.document:
            continue
        labour_force = other.indicator_for(Concept.LABOUR_FORCE)
        if labour_force is None:
            continue
        months = [m for m in other.months if other.has_municipal_rows(m, labour_force.code)]
        if not months:
            continue
        month = months[-1]
        differences = {}
        for code in area.codes:
            mine = table.rows.get(code, CommutingRow()).labour_force
            theirs = other.figure(code, month, labour_force.code)
            if mine.known and theirs.known and _differs(mine, theirs):
                differences[code] = mine.value - theirs.value
                _add_cross_commuting(collector, table, other, code, mine, theirs, month)
        area_row = table.rows.get(None)
        theirs = other.figure(None, month, labour_force.code)
        if area_row is not None and area_row.labour_force.known and theirs.known:
            mine = area_row.labour_force
            if _differs(mine, theirs):
                note = _explained_by_municipalities(area, differences, mine.value - theirs.value)
                _add_cross_commuting(collector, table, other, None, mine, theirs, month, note)


def _add_cross_commuting(collector, table, other, code, mine: Figure, theirs: Figure, month, note=""):
    reasons = [f"sama suure taulukossa {other.name} ({month_label(month)}): {fi(theirs.value)}"]
    slip = digit_slip(mine.value, theirs.value)
    if slip:
        reasons.append(slip)
    if note:
        reasons.append(note)
    collector.add(
        Finding(
            Kind.CROSS_TABLE,
            table.key,
            code,
            "labour_force",
            COMMUTING_COUNTS["labour_force"] + ("" if code else " yhteensä"),
            mine.value,
            theirs.value,
            "; ".join(reasons),
            decimals=mine.decimals,
            other_table=other.key,
        )
    )


# --- entry point --------------------------------------------------------------------------------------------------


def audit(
    area: Area, municipal: Sequence[MunicipalTable] = (), commuting: Sequence[CommutingTable] = ()
) -> list[Finding]:
    collector = _Collector()
    for table in municipal:
        _check_municipal(table, area, municipal, collector)
    _cross_municipal(municipal, area, collector)
    for table in commuting:
        _check_commuting(table, area, municipal, collector)
    return collector.finish(area)
