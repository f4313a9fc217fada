"""The organisation's tables, built once for both the pages and their CSV/XLSX exports."""

from collections import defaultdict
from decimal import Decimal
from functools import partial

from django.utils.translation import gettext_lazy as _

from common.formatting import local_number
from common.tables import Column, Table
from organisation import enums, routing, routing_texts, selectors, snapshots


def municipalities(user) -> Table:
    rows = [
        {
            "code": m.code,
            "name_fi": m.name_fi,
            "name_sv": m.name_sv,
            "region": m.region,
            "wellbeing_services_county": m.wellbeing_services_county,
            "responsible": _("vastuukunta") if m.is_responsible else "",
            "object": m,
        }
        for m in selectors.municipalities(user)
    ]
    return Table(
        key="kunnat",
        title=_("Kunnat"),
        columns=[
            Column("code", _("Kuntanumero")),
            Column("name_fi", _("Nimi")),
            Column("name_sv", _("Nimi ruotsiksi")),
            Column("region", _("Maakunta")),
            Column("wellbeing_services_county", _("Hyvinvointialue")),
            Column("responsible", _("Asema")),
        ],
        rows=rows,
    )


def staffing(user, *, export: bool = False) -> Table:
    """FTE per municipality and origin; a range such as 7–8 htv is summed as its lower and upper bound. The page
    writes the range as text, an export as two numeric columns."""
    origins = list(enums.StaffOrigin)
    totals = defaultdict(lambda: defaultdict(lambda: [Decimal(0), Decimal(0)]))
    for position in selectors.staff_positions(user):
        bounds = totals[position.municipality][position.origin]
        bounds[0] += position.fte_min
        bounds[1] += position.fte_max
    rows = []
    for municipality in selectors.municipalities(user):
        row = {"municipality": municipality.name_fi, "object": municipality}
        low_total = high_total = Decimal(0)
        for origin in origins:
            low, high = totals[municipality][origin]
            _put_range(row, origin.value, low, high)
            low_total += low
            high_total += high
        _put_range(row, "total", low_total, high_total)
        rows.append(row)
    return Table(
        key="henkilosto",
        title=_("Henkilöstö kunnittain (htv)"),
        columns=[
            Column("municipality", _("Kunta")),
            *[column for origin in origins for column in _range_columns(origin.value, origin.label, export)],
            *_range_columns("total", _("Yhteensä"), export),
        ],
        rows=rows,
        caption=_("Vaihteluväli (esim. 7–8) tarkoittaa suunnitelman arviota, jolla on ala- ja yläraja."),
    )


def fte_range(low: Decimal, high: Decimal) -> str:
    if low == high:
        return local_number(low)
    return f"{local_number(low)}–{local_number(high)}"


def _put_range(row: dict, key: str, low: Decimal, high: Decimal) -> None:
    """The range as the page's text under `key`, its bounds as numbers for the export's two columns."""
    row[key] = fte_range(low, high)
    row[f"{key}_min"] = low
    row[f"{key}_max"] = high


def _range_columns(key: str, label, export: bool) -> list[Column]:
    """One text column on the page; in an export the lower and upper bound, so that a program can read them."""
    if not export:
        return [Column(key, label, numeric=True)]
    return [
        Column(f"{key}_min", _("%(column)s, alaraja") % {"column": label}, numeric=True),
        Column(f"{key}_max", _("%(column)s, yläraja") % {"column": label}, numeric=True),
    ]


def staff_positions(user, municipality=None, *, export: bool = False) -> Table:
    positions = selectors.staff_positions(user)
    if municipality is not None:
        positions = positions.filter(municipality=municipality)
    return Table(
        key="henkilostoresurssit",
        title=_("Henkilöstöresurssit"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("title", _("Nimike")),
            Column("role", _("Rooli")),
            *_range_columns("fte", _("Htv"), export),
            Column("origin", _("Alkuperä")),
            Column("customer_work", _("Henkilöasiakastyö")),
            Column("source", _("Lähde")),
        ],
        rows=[_position_row(p) for p in positions],
    )


def _position_row(position) -> dict:
    row = {
        "municipality": position.municipality.name_fi,
        "title": position.title,
        "role": position.get_role_display(),
        "origin": position.get_origin_display(),
        "customer_work": _("kyllä") if position.customer_work else _("ei"),
        "source": position.source,
    }
    _put_range(row, "fte", position.fte_min, position.fte_max)
    return row


def area_staff(user, *, export: bool = False) -> Table:
    """Staffing the plan gives for the whole area, not for a municipality (area_staff.yaml). The page writes an
    estimate "n. 80"; an export keeps the figures numbers and says in a column of its own which are estimates."""
    show = (lambda value, approximate: value) if export else _approximate
    estimate = [Column("approximate", _("Suunnitelman arvio"))] if export else []
    return Table(
        key="alueen-henkilosto",
        title=_("Koko alueen henkilöstö"),
        columns=[
            Column("title", _("Nimike")),
            Column("origin", _("Alkuperä")),
            Column("persons", _("Henkilöitä"), numeric=True),
            Column("fte", _("Htv"), numeric=True),
            Column("customer_work_fte", _("Josta henkilöasiakastyössä (htv)"), numeric=True),
            *estimate,
            Column("notes", _("Huomiot")),
            Column("source", _("Lähde")),
        ],
        rows=[
            {
                "title": f.title,
                "origin": f.get_origin_display(),
                "persons": f.persons,
                "fte": show(f.fte, f.approximate),
                "customer_work_fte": show(f.customer_work_fte, f.approximate),
                "approximate": _("kyllä") if f.approximate else _("ei"),
                "notes": f.notes,
                "source": f.source,
            }
            for f in selectors.area_staff(user)
        ],
        caption=_("Luvut, jotka suunnitelma antaa koko alueelle eikä kohdista kuntaan; ”n.” on suunnitelman arvio."),
    )


def _approximate(value, approximate: bool) -> str:
    if value is None:
        return ""
    # "n." is Finnish for "about": the other languages need their own word for the plan's estimates.
    return _("n. %(value)s") % {"value": local_number(value)} if approximate else local_number(value)


def target_reading(target) -> str:
    """How the wording is read (organisation/caseload_bounds.py): "alle" strict, "noin" with its tolerance."""
    if target.bound == enums.CaseloadBound.ABOUT:
        return _("noin, ±%(tolerance)s %%") % {"tolerance": local_number(target.tolerance_percent)}
    return str(target.get_bound_display())


def caseload_targets(user) -> Table:
    return Table(
        key="asiakasmaaratavoitteet",
        title=_("Asiakasmäärätavoitteet (asiakkaita per työllisyysohjaajan htv)"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("team", _("Tiimi")),
            Column("min_clients", _("Vähintään"), numeric=True),
            Column("max_clients", _("Enintään"), numeric=True),
            Column("wording", _("Suunnitelman sanamuoto")),
            Column("reading", _("Luenta")),
            Column("source", _("Lähde")),
        ],
        rows=[
            {
                "municipality": t.municipality.name_fi,
                "team": t.team.name if t.team else "",
                "min_clients": t.min_clients,
                "max_clients": t.max_clients,
                "wording": t.wording,
                "reading": target_reading(t),
                "source": t.source,
            }
            for t in selectors.caseload_targets(user)
        ],
    )


def offices_by_municipality(user):
    groups = defaultdict(list)
    for office in selectors.offices(user):
        groups[office.municipality].append(office)
    return sorted(groups.items(), key=lambda item: item[0].name_fi)


def offices(user) -> Table:
    return Table(
        key="toimipisteet",
        title=_("Toimipisteet"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("name", _("Toimipiste")),
            Column("street_address", _("Katuosoite")),
            Column("postal_code", _("Postinumero")),
            Column("post_town", _("Postitoimipaikka")),
            Column("serves", _("Palvelee")),
            Column("notes", _("Huomiot")),
        ],
        rows=[
            {
                "municipality": o.municipality.name_fi,
                "name": o.name,
                "street_address": o.street_address,
                "postal_code": o.postal_code,
                "post_town": o.post_town,
                "serves": o.services,
                "notes": o.notes,
            }
            for o in selectors.offices(user)
        ],
    )


def who_serves(user) -> list[dict]:
    """One plain-language entry per served municipality and arrangement, for the arrangements page.

    The meeting office is the routing core's answer (organisation.routing.meeting_office) for a customer of the
    served municipality in the arrangement's target group, so the page and the registry never disagree.
    """
    snapshots_by_area = {}
    entries = []
    for arrangement in selectors.service_arrangements(user):
        if arrangement.area_id not in snapshots_by_area:
            snapshots_by_area[arrangement.area_id] = snapshots.load(arrangement.area).snapshot
        snapshot = snapshots_by_area[arrangement.area_id]
        core = snapshot.arrangement(arrangement.key)
        for served in arrangement.served_municipalities.all():
            entries.append(
                {
                    "municipality": served,
                    "key": arrangement.key,
                    "target_group": arrangement.get_target_group_display(),
                    "target_group_code": arrangement.target_group,
                    "provider": arrangement.provider_municipality,
                    "team": arrangement.provider_team,
                    "role": arrangement.get_role_display(),
                    "is_primary": arrangement.role == enums.ArrangementRole.PRIMARY,
                    "office": routing.meeting_office(snapshot, core, served.code, core.target_group),
                    "meeting_not_stated": arrangement.meeting_place == enums.MeetingPlace.NOT_STATED,
                    "plan_example": arrangement.plan_example,
                    "fte": arrangement.fte,
                    "description": arrangement.description,
                    "source": arrangement.source,
                }
            )
    group_order = {value: index for index, value in enumerate(enums.TargetGroup.values)}
    entries.sort(key=lambda e: (e["municipality"].name_fi, group_order[e["target_group_code"]], not e["is_primary"]))
    return entries


def arrangements(user) -> Table:
    return Table(
        key="palvelujarjestelyt",
        title=_("Palvelujärjestelyt"),
        columns=[
            Column("municipality", _("Asiakkaan kunta")),
            Column("target_group", _("Kohderyhmä")),
            Column("provider", _("Palvelun tuottaa")),
            Column("team", _("Tiimi")),
            Column("role", _("Rooli")),
            Column("office", _("Tapaamispaikka")),
            Column("note", _("Huomio")),
            Column("source", _("Lähde")),
        ],
        rows=[
            {
                "municipality": e["municipality"].name_fi,
                "target_group": e["target_group"],
                "provider": e["provider"].name_fi,
                "team": e["team"].name if e["team"] else "",
                "role": e["role"],
                "office": _meeting(e),
                "note": routing_texts.example_note() if e["plan_example"] else "",
                "source": e["source"],
            }
            for e in who_serves(user)
        ],
    )


def _meeting(entry: dict) -> str:
    if entry["meeting_not_stated"]:
        return str(enums.MeetingPlace.NOT_STATED.label)
    office = entry["office"]
    return f"{office.name}, {office.full_address}" if office else ""


def delegations(user) -> Table:
    return Table(
        key="delegoinnit",
        title=_("Toimivallan delegoinnit"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("case_type", _("Asiaryhmä")),
            Column("prepares", _("Valmistelee")),
            Column("decides", _("Päättää")),
            Column("payment", _("Maksatus")),
            Column("status", _("Tila")),
            Column("source", _("Lähde")),
        ],
        rows=[
            {
                "municipality": d.municipality.name_fi,
                "case_type": d.get_case_type_display(),
                "prepares": _("kyllä") if d.prepares else _("ei"),
                "decides": _("kyllä") if d.decides else _("ei"),
                "payment": d.get_payment_display(),
                "status": d.get_status_display(),
                "source": d.source,
            }
            for d in selectors.delegations(user)
        ],
    )


EXPORTS = {
    "kunnat": municipalities,
    "henkilosto": partial(staffing, export=True),
    "henkilostoresurssit": partial(staff_positions, export=True),
    "alueen-henkilosto": partial(area_staff, export=True),
    "asiakasmaaratavoitteet": caseload_targets,
    "toimipisteet": offices,
    "palvelujarjestelyt": arrangements,
    "delegoinnit": delegations,
}
