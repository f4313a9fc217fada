"""The reports' charts: the report rows (subsidies.reports) summed by one grouping – municipality, kind or month – as
the chart spec www/static/www/charts.js draws (passed through json_script), and the same figures as a table, the
chart's text alternative beside the full table."""

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from common.tables import Column, Table
from subsidies.enums import SubsidyKind

GROUPINGS = {
    "kuukausi": _("Kuukausi"),
    "kunta": _("Kunta"),
    "tuki": _("Tuki"),
}
DEFAULT_GROUPING = "kuukausi"


def _label(row: dict, grouping: str) -> tuple:
    """The sort key and the label of a row's group."""
    if grouping == "kunta":
        return (row["municipality"], row["municipality"])
    if grouping == "tuki":
        return (row["kind"], str(SubsidyKind(row["kind"]).label))
    month = row["month"]
    return (month, f"{month.month}/{month.year}")


def _number(value):
    return None if value is None else float(value)


def _summed(rows: list[dict], grouping: str, figures: list[tuple[str, str]], chart_type: str = "bar") -> dict:
    sums = defaultdict(lambda: defaultdict(Decimal))
    labels = {}
    for row in rows:
        key, label = _label(row, grouping)
        labels[key] = label
        for name, _title in figures:
            sums[key][name] += Decimal(row[name] or 0)
    keys = sorted(labels)
    return {
        "type": chart_type,
        "labels": [labels[key] for key in keys],
        "datasets": [
            {"label": str(title), "data": [_number(sums[key][name]) for key in keys]} for name, title in figures
        ],
    }


def decisions_chart(rows: list[dict], grouping: str) -> dict:
    return _summed(rows, grouping, [("granted", _("Myönteisiä")), ("rejected", _("Kielteisiä"))])


def payments_chart(rows: list[dict], grouping: str) -> dict:
    return _summed(rows, grouping, [("approved", _("Hyväksytty maksuun (€)")), ("paid", _("Maksettu (€)"))])


def processing_grouping(grouping: str) -> str:
    """Processing times have no month: a month's grouping shows them by municipality."""
    return "tuki" if grouping == "tuki" else "kunta"


def processing_chart(rows: list[dict], grouping: str) -> dict:
    """The mean and the longest processing time by municipality or kind (processing_grouping)."""
    labels, means, longest = [], [], []
    groups = defaultdict(list)
    for row in rows:
        key, label = _label(row, grouping)
        groups[(key, label)].append(row)
    for (_key, label), members in sorted(groups.items()):
        labels.append(label)
        decided = [m for m in members if m["decided"]]
        # A median of medians is not the median: the groups' means weighted by their decided count are.
        total = sum(m["decided"] for m in decided)
        means.append(
            round(float(sum(Decimal(m["mean_days"]) * m["decided"] for m in decided) / total), 1) if total else None
        )
        longest.append(max((m["max_days"] for m in decided), default=None))
    return {
        "type": "bar",
        "labels": labels,
        "datasets": [
            {"label": str(_("Keskimäärin (päivää)")), "data": means},
            {"label": str(_("Pisin (päivää)")), "data": longest},
        ],
    }


def chart_table(chart: dict, grouping: str, key: str, title: str) -> Table:
    """A chart's figures as a table: its text alternative."""
    first = GROUPINGS.get(grouping, GROUPINGS[DEFAULT_GROUPING])
    return Table(
        key=key,
        title=title,
        columns=[Column("label", first)]
        + [Column(f"d{i}", dataset["label"], numeric=True) for i, dataset in enumerate(chart["datasets"])],
        rows=[
            {"label": label, **{f"d{i}": dataset["data"][n] for i, dataset in enumerate(chart["datasets"])}}
            for n, label in enumerate(chart["labels"])
        ],
    )
