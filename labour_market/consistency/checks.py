"""The consistency checks of monthly municipal tables, and `check`, which runs every check over an area's tables.

Pure: no Django. Input is the published tables as dataclasses (`inputs`), output a list of `Finding`s with reason
codes. A published figure is compared at the precision it was printed with (a rate printed as 8,9 is compared at
one decimal, one printed as 7 at none). A total over suppressed cells cannot be checked exactly but is still
bounded by what a hidden cell may hold.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from labour_market.consistency import commuting
from labour_market.consistency.diagnoses import diagnose, digit_slip
from labour_market.consistency.findings import Code, Collector, Finding, Kind, Quantity, Reason, Scope
from labour_market.consistency.inputs import Area, CommutingTable, MunicipalTable
from labour_market.consistency.totals import check_total, differs, explained_by_municipalities
from labour_market.figures import (
    Concept,
    Figure,
    Status,
    SuppressedRange,
    Total,
    agrees,
    total,
    unemployment_rate,
    unweighted_mean,
)

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


def check(
    area: Area, municipal: Sequence[MunicipalTable] = (), commuting_tables: Sequence[CommutingTable] = ()
) -> list[Finding]:
    collector = Collector()
    for table in municipal:
        _check_municipal(table, area, municipal, collector)
    _cross_municipal(municipal, area, collector)
    for table in commuting_tables:
        commuting.check_commuting(table, area, municipal, collector)
    return collector.finish(area.codes)


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


def _check_municipal(table: MunicipalTable, area: Area, tables: Sequence[MunicipalTable], collector: Collector):
    for month in table.months:
        for indicator in table.indicators:
            cells = [(code, table.figure(code, month, indicator.code)) for code in [*area.codes, None]]
            collector.note_precision(table.key, indicator.code, Quantity(indicator.name, month), cells, month)
            published = table.figure(None, month, indicator.code)
            if not (indicator.sums_over_municipalities and published.known):
                continue
            basis = _basis(table, month, indicator.code, tables)
            if basis is None:
                continue
            check_total(
                collector,
                table_key=table.key,
                column=indicator.code,
                quantity=Quantity(indicator.name, month, Scope.TOTAL),
                published=published,
                summed=_area_sum(basis, area, month, indicator.code),
                month=month,
                basis="" if basis is table else basis.name,
            )
        _check_rates(table, area, tables, month, collector)
        _check_parts(table, area, month, collector)


def _check_rates(table: MunicipalTable, area: Area, tables, month: date, collector: Collector) -> None:
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
        formula = Reason.of(Code.RATE_FORMULA, unemployed=un.value, labour_force=lf.value, rate=recomputed)
        collector.add(
            Finding(
                Kind.RATE,
                table.key,
                code,
                rate.code,
                Quantity(rate.name, month),
                published.value,
                recomputed,
                (formula, *diagnose(published.value, published.decimals, recomputed)),
                month=month,
                decimals=published.decimals,
            )
        )
    _check_area_rate(table, area, tables, month, collector, (rate, labour_force, unemployed))


def _check_area_rate(table: MunicipalTable, area: Area, tables, month: date, collector: Collector, indicators):
    rate, labour_force, unemployed = indicators
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
    methods = []
    rate_basis = _basis(table, month, rate.code, tables)
    if rate_basis is not None:
        rates = [rate_basis.figure(code, month, rate.code) for code in area.codes]
        if all(r.known for r in rates):
            methods.append((Reason.of(Code.MEAN_OF_MUNICIPAL_RATES), unweighted_mean(r.value for r in rates)))
    own_un, own_lf = table.figure(None, month, unemployed.code), table.figure(None, month, labour_force.code)
    if own_un.known and own_lf.known and (own_un.value, own_lf.value) != (un_total.value, lf_total.value):
        methods.append(
            (
                Reason.of(Code.RATE_FROM_TOTAL_ROW, unemployed=own_un.value, labour_force=own_lf.value),
                unemployment_rate(own_un.value, own_lf.value),
            )
        )
    formula = Reason.of(Code.AREA_RATE_FORMULA, unemployed=un_total.value, labour_force=lf_total.value, rate=recomputed)
    collector.add(
        Finding(
            Kind.RATE,
            table.key,
            None,
            rate.code,
            Quantity(rate.name, month, Scope.AREA),
            published.value,
            recomputed,
            (formula, *diagnose(published.value, published.decimals, recomputed, methods)),
            month=month,
            decimals=published.decimals,
        )
    )


def _check_parts(table: MunicipalTable, area: Area, month: date, collector: Collector) -> None:
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
            terms = tuple((p.name, f.value) for p, f in zip(parts, part_figures, strict=True))
            collector.add(
                Finding(
                    Kind.SUM_OF_PARTS,
                    table.key,
                    code,
                    whole.code,
                    Quantity(whole.name, month),
                    whole_figure.value,
                    summed,
                    (Reason.of(Code.PARTS_SUM, terms=terms, sum=summed), *diagnose(whole_figure.value, 0, summed)),
                    month=month,
                    decimals=whole_figure.decimals,
                )
            )
        _check_part_bounds(table, code, month, collector)


def _check_part_bounds(table: MunicipalTable, code: str | None, month: date, collector: Collector) -> None:
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
        exceeding.setdefault(whole, (whole_figure, largest_whole, []))[2].append((part.name, smallest_part))
    for whole, (whole_figure, largest_whole, parts) in exceeding.items():
        reason = Reason.of(
            Code.PART_EXCEEDS_WHOLE,
            whole=whole.name,
            largest=largest_whole,
            exact=whole_figure.known,
            parts=tuple(parts),
        )
        collector.add(
            Finding(
                Kind.PART_EXCEEDS_WHOLE,
                table.key,
                code,
                whole.code,
                Quantity(whole.name, month),
                whole_figure.value,
                None,
                (reason,),
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


def _cross_municipal(tables: Sequence[MunicipalTable], area: Area, collector: Collector) -> None:
    """The same quantity of the same month in two tables."""
    for index, first in enumerate(tables):
        for second in tables[index + 1 :]:
            shared = first.figures.keys() & second.figures.keys()
            for month, indicator in sorted({(month, indicator) for _, month, indicator in shared}):
                name = next((i.name for i in first.indicators if i.code == indicator), indicator)
                quantity = Quantity(name, month)
                differences = {}
                for code in area.codes:
                    a, b = first.figure(code, month, indicator), second.figure(code, month, indicator)
                    if a.known and b.known and differs(a, b):
                        differences[code] = a.value - b.value
                        _add_cross(collector, (first, second), (a, b), code, indicator, quantity, month)
                a, b = first.figure(None, month, indicator), second.figure(None, month, indicator)
                if a.known and b.known and differs(a, b):
                    note = explained_by_municipalities(area, differences, a.value - b.value)
                    _add_cross(collector, (first, second), (a, b), None, indicator, quantity, month, note)


def _add_cross(collector: Collector, tables, printed, code, column, quantity, month, note=None):
    """Flag the table whose figure disagrees with its own recomputation; if neither or both do, the later one."""
    (first, second), (a, b) = tables, printed
    first_ok = collector.agrees_with_recomputation(collector.key(first.key, code, month, column), a)
    second_ok = collector.agrees_with_recomputation(collector.key(second.key, code, month, column), b)
    flagged, other, mine, theirs = second, first, b, a
    if first_ok is False and second_ok is not False:
        flagged, other, mine, theirs = first, second, a, b
    reasons = [Reason.of(Code.OTHER_TABLE, table=other.name, value=theirs.value)]
    reasons += [reason for reason in (digit_slip(mine.value, theirs.value), note) if reason]
    collector.add(
        Finding(
            Kind.CROSS_TABLE,
            flagged.key,
            code,
            column,
            quantity,
            mine.value,
            theirs.value,
            tuple(reasons),
            month=month,
            decimals=mine.decimals,
            other_table=other.key,
        )
    )
