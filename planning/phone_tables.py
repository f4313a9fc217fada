"""The phone staffing page's tables and chart, reused by the CSV/XLSX exports."""

from decimal import Decimal

from django.utils.translation import gettext as _

from common.tables import Column, Table
from planning import texts
from planning.phone_selectors import HourStaffing


def _percent(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value * 100, 1)))


def _round(value: float | None, places: int = 1) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, places)))


def _unless_met(needed) -> str | None:
    """Without a rota an hour needs a word only when its target cannot be met at all."""
    return None if needed.feasible else texts.phone_reason(needed)


def hour_table(rows: list[HourStaffing]) -> Table:
    table_rows = []
    for row in rows:
        needed, rota = row.needed, row.with_rota
        table_rows.append(
            {
                "when": f"{texts.weekday_name(row.weekday)} {row.hour}–{row.hour + 1}",
                "calls": row.calls,
                "traffic": _round(needed.traffic, 2),
                "agents": needed.agents,
                "on_phone": needed.agents_on_phone,
                "level": _percent(needed.service_level),
                "wait": _round(needed.average_wait_seconds),
                "occupancy": _percent(needed.occupancy),
                "rostered": row.rostered if rota else None,
                "municipalities": ", ".join(row.municipalities),
                "rota_level": _percent(rota.service_level) if rota else None,
                "explanation": texts.phone_reason(rota) if rota else _unless_met(needed),
                "short": bool(rota) and (not rota.feasible or rota.reason.value == "below_target"),
            }
        )
    return Table(
        key="suunnittelu-puhelinpalvelu-tunnit",
        title=_("Puhelinpalvelun vastaajatarve tunneittain"),
        columns=[
            Column("when", _("Tunti")),
            Column("calls", _("Puheluita"), numeric=True),
            Column("traffic", _("Kuorma, erlangia"), numeric=True),
            Column("agents", _("Vastaajia tarvitaan (vuorossa)"), numeric=True),
            Column("on_phone", _("Puhelimessa"), numeric=True),
            Column("level", _("Palvelutaso, %"), numeric=True),
            Column("wait", _("Keskim. odotus, s"), numeric=True),
            Column("occupancy", _("Käyttöaste, %"), numeric=True),
            Column("rostered", _("Vuorolistalla"), numeric=True),
            Column("municipalities", _("Vuorossa kunnista")),
            Column("rota_level", _("Palvelutaso vuorolistalla, %"), numeric=True),
            Column("explanation", _("Vuorolistan arvio")),
        ],
        rows=table_rows,
    )


def curve(rows: list[HourStaffing]) -> tuple[dict, Table]:
    """Agents needed by hour of the day, one line per weekday with calls, and the same numbers as a table."""
    days = sorted({row.weekday for row in rows if row.calls})
    hours = sorted({row.hour for row in rows if row.calls})
    needed = {(row.weekday, row.hour): row.needed.agents for row in rows}
    chart = {
        "type": "line",
        "labels": [f"{hour}–{hour + 1}" for hour in hours],
        "datasets": [
            {"label": texts.weekday_name(day), "data": [needed.get((day, hour), 0) for hour in hours]} for day in days
        ],
    }
    table = Table(
        key="suunnittelu-puhelinpalvelu-kayra",
        title=_("Vastaajia tarvitaan viikonpäivittäin ja tunneittain"),
        caption=_("Vuorossa tarvittavat vastaajat poissaolokertoimen jälkeen."),
        columns=[Column("hour", _("Tunti"))]
        + [Column(f"d{day}", texts.weekday_name(day), numeric=True) for day in days],
        rows=[
            {"hour": f"{hour}–{hour + 1}", **{f"d{day}": needed.get((day, hour), 0) for day in days}} for hour in hours
        ],
    )
    return chart, table


def rota_table(entries) -> Table:
    return Table(
        key="suunnittelu-puhelinpalvelu-vuorolista",
        title=_("Vuorolista"),
        columns=[
            Column("weekday", _("Viikonpäivä")),
            Column("hours", _("Kello")),
            Column("municipality", _("Kunta")),
            Column("agents", _("Vastaajia"), numeric=True),
        ],
        rows=[
            {
                "pk": entry.pk,
                "weekday": texts.weekday_name(entry.weekday),
                "hours": f"{entry.start_hour}–{entry.end_hour}",
                "municipality": entry.municipality.name_fi,
                "agents": entry.agents,
            }
            for entry in entries
        ],
    )
