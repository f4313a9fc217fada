"""Tables of the service-model pages; the same rows are shown and exported (www.tables)."""

from django.utils.translation import gettext as _

from common.formatting import local_date
from common.tables import Column, Table
from service_model import on_time_selectors, selectors


def month_label(month) -> str:
    return f"{month.month}/{month.year}"


def worklist_table(rows: list[selectors.WorklistRow], today) -> Table:
    return Table(
        key="oma-viikko",
        title=_("Oma viikko"),
        caption=_("Määräajat %(day)s") % {"day": local_date(today)},
        columns=[
            Column("name", _("Asiakas")),
            Column("municipality", _("Kotikunta")),
            Column("bucket", _("Tilanne")),
            Column("meeting_type", _("Seuraava lakisääteinen tapaaminen")),
            Column("due_on", _("Määräpäivä")),
            Column("days_overdue", _("Myöhässä (pv)"), numeric=True),
            Column("booked", _("Sovittu aika")),
        ],
        rows=[
            {
                "name": f"{row.jobseeker.last_name}, {row.jobseeker.first_name}",
                "municipality": row.jobseeker.municipality_name,
                "bucket": str(row.bucket_label),
                "meeting_type": str(row.meeting_type_label),
                "due_on": row.due_on,
                "days_overdue": row.days_overdue,
                # The moment itself: a page writes it in its language (table_cell), the CSV as ISO 8601 with the offset.
                "booked": row.booked.planned_at if row.booked else None,
            }
            for row in rows
        ],
    )


def _overview_columns(first: str, first_label: str, with_home: bool) -> list[Column]:
    columns = [Column(first, first_label)]
    if with_home:
        columns.append(Column("home", _("Tiimi tai kunta")))
    return columns + [
        Column("overdue", _("Myöhässä nyt"), numeric=True),
        Column("due_this_week", _("Erääntyy 7 päivässä"), numeric=True),
        Column("due_in_window", _("Erääntyneet 90 päivässä"), numeric=True),
        Column("on_time", _("Pidetty ajallaan"), numeric=True),
        Column("late", _("Pidetty myöhässä"), numeric=True),
        Column("missed", _("Pitämättä"), numeric=True),
        Column("on_time_share", _("Ajallaan, %"), numeric=True),
    ]


def _overview_row(row: selectors.OverviewRow, first: str) -> dict:
    return {
        first: row.name,
        "home": row.municipality,
        "overdue": row.overdue,
        "due_this_week": row.due_this_week,
        "due_in_window": row.due_in_window,
        "on_time": row.on_time,
        "late": row.met - row.on_time,
        "missed": row.missed,
        "on_time_share": row.on_time_share,
    }


def overview_tables(overview: selectors.Overview) -> dict[str, Table]:
    counsellors = Table(
        key="palvelumalli-ohjaajat",
        title=_("Ohjaajittain"),
        columns=_overview_columns("name", _("Ohjaaja"), with_home=True),
        rows=[_overview_row(row, "name") for row in overview.counsellors],
    )
    municipalities = Table(
        key="palvelumalli-kunnat",
        title=_("Palvelevan kunnan mukaan"),
        columns=_overview_columns("name", _("Kunta"), with_home=False),
        rows=[_overview_row(row, "name") for row in overview.municipalities]
        + (
            [_overview_row(overview.total, "name") | {"name": _("Yhteensä")}]
            if overview.total and overview.municipalities
            else []
        ),
    )
    return {counsellors.key: counsellors, municipalities.key: municipalities}


def on_time_table(rows: list[on_time_selectors.MonthRow]) -> Table:
    return Table(
        key="ajallaan-kuukausittain",
        title=_("Määräajassa pidetyt kuukausittain"),
        columns=[
            Column("month", _("Kuukausi")),
            Column("due", _("Erääntyneitä"), numeric=True),
            Column("on_time", _("Pidetty ajallaan"), numeric=True),
            Column("late", _("Pidetty myöhässä"), numeric=True),
            Column("missed", _("Pitämättä"), numeric=True),
            Column("rate", _("Ajallaan, %"), numeric=True),
        ],
        rows=[
            {
                "month": month_label(row.month),
                "due": row.due,
                "on_time": row.on_time,
                "late": row.late,
                "missed": row.missed,
                "rate": row.rate,
            }
            for row in rows
        ],
    )


def on_time_chart(rows: list[on_time_selectors.MonthRow]) -> dict:
    return {
        "type": "line",
        "percent": True,
        "labels": [month_label(row.month) for row in rows],
        "datasets": [
            {"label": _("Ajallaan, %"), "data": [float(row.rate) if row.rate is not None else None for row in rows]}
        ],
    }
