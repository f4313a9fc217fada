"""The planning pages' tables and charts, reused by the CSV/XLSX exports so a page and its export never disagree."""

from datetime import date
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from common.tables import Column, Table
from planning import capacity, texts, workload
from planning.selectors import Comparison, PlanningData, fte_of
from service_model.rule_sets import MeetingType


def _fte(value: Decimal) -> str:
    return number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)


def month_label(month: date) -> str:
    return f"{month.month}/{month.year}"


def _capacity_row(d, basis: str) -> dict:
    unit = d.unit
    result = capacity.capacity(unit)
    chosen = {"filled": result.filled, "planned_high": result.planned_high}.get(basis, result.planned_low)
    staffing = unit.staffing
    planned = (
        staffing.planned_low
        if staffing.planned_low == staffing.planned_high
        # A range is text, so each end is put in the active language's format here (7,00–8,00, not 7.00–8.00).
        else f"{_fte(staffing.planned_low)}–{_fte(staffing.planned_high)}"
    )
    reasons = [texts.capacity_reason(chosen.reason)]
    reasons += [texts.capacity_reason(r) for r in result.reasons if r.code == capacity.ReasonCode.RANGE_DECIDES]
    return {
        "name": unit.name,
        "clients": unit.clients,
        "filled": staffing.filled,
        "planned": planned,
        "fte": chosen.fte,
        "per_fte": chosen.per_fte,
        "target": unit.target.wording if unit.target else None,
        "fte_needed": chosen.fte_needed,
        "gap": chosen.gap,
        "status": chosen.status.value,
        "short": chosen.out_of_reach,
        "explanation": " ".join(reasons),
    }


def _capacity_columns(first: str) -> list[Column]:
    return [
        Column("name", first),
        Column("clients", _("Asiakkaita"), numeric=True),
        Column("filled", _("Htv täytetty"), numeric=True),
        Column("planned", _("Htv suunnitelmassa"), numeric=True),
        Column("fte", _("Htv laskennassa"), numeric=True),
        Column("per_fte", _("Asiakkaita per htv"), numeric=True),
        Column("target", _("Tavoite (suunnitelman sanamuoto)")),
        Column("fte_needed", _("Htv tarvitaan"), numeric=True),
        Column("gap", _("Htv puuttuu"), numeric=True),
        Column("explanation", _("Selitys")),
    ]


def capacity_table(data: PlanningData, basis: str) -> Table:
    return Table(
        key="suunnittelu-kapasiteetti-kunnat",
        title=_("Kapasiteetti kunnittain"),
        columns=_capacity_columns(_("Palveleva kunta")),
        rows=[_capacity_row(d, basis) for d in data.municipalities],
    )


def team_table(data: PlanningData, basis: str) -> Table:
    return Table(
        key="suunnittelu-kapasiteetti-tiimit",
        title=_("Kapasiteetti tiimeittäin"),
        columns=_capacity_columns(_("Tiimi")),
        rows=[_capacity_row(d, basis) for d in data.teams],
    )


def capacity_chart(table: Table) -> dict:
    return {
        "type": "bar",
        "labels": [row["name"] for row in table.rows],
        "datasets": [
            {"label": _("Asiakkaita per htv"), "data": [_float(row["per_fte"]) for row in table.rows]},
        ],
    }


def _float(value):
    return None if value is None else float(value)


def workload_table(data: PlanningData, month: date, basis: str, parameters: workload.Parameters) -> Table:
    rows = []
    for d in data.municipalities:
        result = workload.workload(month, d.mix, fte_of(d.unit.staffing, basis), parameters)
        rows.append(
            {
                "name": d.unit.name,
                "clients": d.mix.clients,
                "initial": result.meetings[MeetingType.INITIAL_INTERVIEW],
                "discussions": result.meetings[MeetingType.JOB_SEARCH_DISCUSSION],
                "supplementary": result.meetings[MeetingType.SUPPLEMENTARY_DISCUSSION],
                "hours": result.meeting_hours,
                "fte": result.fte,
                "available": result.available_hours,
                "load": None if result.load is None else (result.load * 100).quantize(Decimal(1)),
                "fte_for_meetings": result.fte_for_meetings,
                "rule_set": result.rule_set_id,
                "short": result.out_of_reach,
                "explanation": texts.workload_reason(result.reason),
            }
        )
    return Table(
        key="suunnittelu-tyomaara",
        title=_("Lakisääteisten tapaamisten työmäärä %(month)s") % {"month": month_label(month)},
        columns=[
            Column("name", _("Palveleva kunta")),
            Column("clients", _("Asiakkaita"), numeric=True),
            Column("initial", _("Alkuhaastatteluja"), numeric=True),
            Column("discussions", _("Työnhakukeskusteluja"), numeric=True),
            Column("supplementary", _("Täydentäviä keskusteluja"), numeric=True),
            Column("hours", _("Tapaamistunnit"), numeric=True),
            Column("fte", _("Htv"), numeric=True),
            Column("available", _("Asiakastyön tunnit"), numeric=True),
            Column("load", _("Kuormitus, %"), numeric=True),
            Column("fte_for_meetings", _("Htv tapaamisiin"), numeric=True),
            Column("rule_set", _("Sääntöjoukko")),
            Column("explanation", _("Selitys")),
        ],
        rows=rows,
    )


def comparison_table(comparison: Comparison) -> Table:
    rows = []
    for row, base in zip(comparison.rows, comparison.baseline, strict=True):
        rows.append(
            {
                "month": month_label(row.month),
                "name": row.name,
                "base_clients": base.clients,
                "clients": row.clients,
                "base_per_fte": base.clients_per_fte,
                "per_fte": row.clients_per_fte,
                "fte": row.fte,
                "base_hours": base.meeting_hours,
                "hours": row.meeting_hours,
                "base_gap": base.fte_gap,
                "gap": row.fte_gap,
                "short": bool(row.fte_gap),
            }
        )
    return Table(
        key="suunnittelu-skenaario",
        title=_("Skenaario ja perusura kuukausittain"),
        columns=[
            Column("month", _("Kuukausi")),
            Column("name", _("Palveleva kunta")),
            Column("base_clients", _("Asiakkaita, perusura"), numeric=True),
            Column("clients", _("Asiakkaita, skenaario"), numeric=True),
            Column("base_per_fte", _("Per htv, perusura"), numeric=True),
            Column("per_fte", _("Per htv, skenaario"), numeric=True),
            Column("fte", _("Htv, skenaario"), numeric=True),
            Column("base_hours", _("Tapaamistunnit, perusura"), numeric=True),
            Column("hours", _("Tapaamistunnit, skenaario"), numeric=True),
            Column("base_gap", _("Htv puuttuu, perusura"), numeric=True),
            Column("gap", _("Htv puuttuu, skenaario"), numeric=True),
        ],
        rows=rows,
    )


def comparison_chart(comparison: Comparison) -> dict:
    """Clients of the scope summed per month, scenario beside baseline."""
    months: dict[date, list[int]] = {}
    for row, base in zip(comparison.rows, comparison.baseline, strict=True):
        totals = months.setdefault(row.month, [0, 0])
        totals[0] += base.clients
        totals[1] += row.clients
    return {
        "type": "line",
        "labels": [month_label(m) for m in months],
        "datasets": [
            {"label": _("Asiakkaita, perusura"), "data": [v[0] for v in months.values()]},
            {"label": _("Asiakkaita, skenaario"), "data": [v[1] for v in months.values()]},
        ],
    }


def chart_table(chart: dict, first: str, key: str) -> Table:
    """A chart's numbers as a table: its text alternative."""
    return Table(
        key=key,
        title=first,
        columns=[Column("label", first)]
        + [Column(f"d{i}", dataset["label"], numeric=True) for i, dataset in enumerate(chart["datasets"])],
        rows=[
            {"label": label, **{f"d{i}": dataset["data"][n] for i, dataset in enumerate(chart["datasets"])}}
            for n, label in enumerate(chart["labels"])
        ],
    )
