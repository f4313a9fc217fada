"""The consistency checks of a commuting table: its totals, job self-sufficiency per municipality and for the area,
and its labour force against the monthly tables of the same publication.

Pure: no Django.
"""

from collections.abc import Sequence
from decimal import Decimal

from labour_market.consistency.diagnoses import diagnose, digit_slip
from labour_market.consistency.findings import Code, Collector, Finding, Kind, Quantity, Reason, Scope
from labour_market.consistency.inputs import Area, CommutingRow, CommutingTable, MunicipalTable
from labour_market.consistency.totals import check_total, differs, explained_by_municipalities
from labour_market.figures import (
    Concept,
    Figure,
    agrees,
    area_job_self_sufficiency,
    job_self_sufficiency,
    total,
    unweighted_mean,
)

COUNTS = ("labour_force", "commuting_in", "commuting_out", "working_in_own_municipality")
JOB_SELF_SUFFICIENCY = "job_self_sufficiency"


def check_commuting(table: CommutingTable, area: Area, municipal: Sequence[MunicipalTable], collector: Collector):
    rows = {code: table.rows.get(code, CommutingRow()) for code in area.codes}
    area_row = table.rows.get(None)
    for column in COUNTS:
        cells = [(code, getattr(row, column)) for code, row in rows.items()]
        if area_row is not None and getattr(area_row, column).known:
            check_total(
                collector,
                table_key=table.key,
                column=column,
                quantity=Quantity(column, scope=Scope.TOTAL, commuting=True),
                published=getattr(area_row, column),
                summed=total((figure for _, figure in cells), table.suppressed_range),
                month=None,
            )
    ss_cells = [(code, row.job_self_sufficiency) for code, row in rows.items()]
    if area_row is not None:
        ss_cells.append((None, area_row.job_self_sufficiency))
    quantity = Quantity(JOB_SELF_SUFFICIENCY, commuting=True)
    collector.note_precision(table.key, JOB_SELF_SUFFICIENCY, quantity, ss_cells)

    for code, row in rows.items():
        _check_row(table, code, row, collector)

    if area_row is not None and area_row.job_self_sufficiency.known:
        _check_area_self_sufficiency(table, rows, area_row.job_self_sufficiency, collector)
    _cross_commuting(table, area, municipal, collector)


def _check_row(table: CommutingTable, code: str, row: CommutingRow, collector: Collector) -> None:
    flows = row.flows()
    if flows is None:
        return
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
                Quantity("labour_force", commuting=True),
                row.labour_force.value,
                None,
                (Reason.of(Code.EMPLOYED_RESIDENTS_EXCEED_LABOUR_FORCE, employed=flows.employed_residents),),
                high=row.labour_force.value,
            )
        )
    if not published.known or recomputed is None or agrees(published.value, published.decimals, recomputed):
        return
    formula = Reason.of(
        Code.SELF_SUFFICIENCY_FORMULA,
        own=flows.working_in_own_municipality,
        commuting_in=flows.commuting_in,
        commuting_out=flows.commuting_out,
        result=recomputed,
    )
    collector.add(
        Finding(
            Kind.JOB_SELF_SUFFICIENCY,
            table.key,
            code,
            JOB_SELF_SUFFICIENCY,
            Quantity(JOB_SELF_SUFFICIENCY, commuting=True),
            published.value,
            recomputed,
            (formula, *diagnose(published.value, published.decimals, recomputed)),
            decimals=published.decimals,
        )
    )


def _check_area_self_sufficiency(table: CommutingTable, rows, published: Figure, collector: Collector) -> None:
    flows = [row.flows() for row in rows.values()]
    if None in flows:
        return
    recomputed = area_job_self_sufficiency(flows)
    collector.remember(table.key, None, None, JOB_SELF_SUFFICIENCY, recomputed)
    if recomputed is None or agrees(published.value, published.decimals, recomputed):
        return
    jobs = sum((f.jobs for f in flows), Decimal(0))
    residents = sum((f.employed_residents for f in flows), Decimal(0))
    methods = []
    printed = [row.job_self_sufficiency for row in rows.values()]
    if all(p.known for p in printed):
        methods.append((Reason.of(Code.MEAN_OF_PUBLISHED_MUNICIPAL), unweighted_mean(p.value for p in printed)))
    methods.append(
        (Reason.of(Code.MEAN_OF_RECOMPUTED_MUNICIPAL), unweighted_mean(job_self_sufficiency(f) for f in flows))
    )
    formula = Reason.of(Code.AREA_SELF_SUFFICIENCY_FORMULA, jobs=jobs, residents=residents, result=recomputed)
    collector.add(
        Finding(
            Kind.JOB_SELF_SUFFICIENCY,
            table.key,
            None,
            JOB_SELF_SUFFICIENCY,
            Quantity(JOB_SELF_SUFFICIENCY, scope=Scope.AREA, commuting=True),
            published.value,
            recomputed,
            (formula, *diagnose(published.value, published.decimals, recomputed, methods)),
            decimals=published.decimals,
        )
    )


def _cross_commuting(table: CommutingTable, area: Area, municipal: Sequence[MunicipalTable], collector: Collector):
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
            if mine.known and theirs.known and differs(mine, theirs):
                differences[code] = mine.value - theirs.value
                _add_cross_commuting(collector, table, other, code, (mine, theirs), month)
        area_row = table.rows.get(None)
        theirs = other.figure(None, month, labour_force.code)
        if area_row is not None and area_row.labour_force.known and theirs.known:
            mine = area_row.labour_force
            if differs(mine, theirs):
                note = explained_by_municipalities(area, differences, mine.value - theirs.value)
                _add_cross_commuting(collector, table, other, None, (mine, theirs), month, note)


def _add_cross_commuting(collector, table, other, code, printed: tuple[Figure, Figure], month, note=None):
    mine, theirs = printed
    reasons = [Reason.of(Code.OTHER_TABLE_MONTH, table=other.name, month=month, value=theirs.value)]
    reasons += [reason for reason in (digit_slip(mine.value, theirs.value), note) if reason]
    collector.add(
        Finding(
            Kind.CROSS_TABLE,
            table.key,
            code,
            "labour_force",
            Quantity("labour_force", scope=Scope.ROW if code else Scope.TOTAL, commuting=True),
            mine.value,
            theirs.value,
            tuple(reasons),
            decimals=mine.decimals,
            other_table=other.key,
        )
    )
