"""The plan's tables, regenerated from the database through each app's own selectors and tables.

Every cell is a string in the Finnish format (1 234,5), so the DOCX, the HTML and the stored snapshot show the same
text. A table whose data does not exist yet is None, and the section says so in words (plan_document/report.py).
Published totals are never copied: the area rows are the recomputed ones (labour_market.tables.MonthView and
commuting_table), so the plan's printed arithmetic errors do not come back.
"""

import re
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.apps import apps
from django.db.models import Count, F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.formatting import fi_number
from common.tables import Column, Table
from competence import selectors as competence_selectors
from competence import tables as competence_tables
from labour_market import enums as statistics_enums
from labour_market import figures
from labour_market import selectors as statistics_selectors
from labour_market import tables as statistics_tables
from organisation import selectors as organisation_selectors
from organisation import tables as organisation_tables
from plan_document import summaries
from planning import selectors as planning_selectors
from planning import tables as planning_tables
from planning.enums import Basis, Source
from subsidies import report_selectors
from subsidies.enums import SubsidyKind

DOT_DECIMAL = re.compile(r"\d+\.\d+")
DASH = "–"


def text(value) -> str:
    """A cell as the plan prints it: numbers the Finnish way, an empty cell as a dash."""
    if value is None or value == "":
        return DASH
    if isinstance(value, bool):
        return _("kyllä") if value else _("ei")
    if isinstance(value, int | Decimal | float):
        return fi_number(value)
    # Ranges built by other apps' tables ("7.00–8.00") carry dot decimals.
    return DOT_DECIMAL.sub(lambda m: fi_number(Decimal(m.group())), str(value))


def _finnish(table: Table, keys: list[str] | None = None) -> Table:
    """The table (only the columns `keys`, when given) with every cell as text."""
    columns = [c for c in table.columns if keys is None or c.key in keys]
    if keys is not None:
        columns.sort(key=lambda c: keys.index(c.key))
    rows = [{c.key: text(row.get(c.key)) for c in columns} for row in table.rows]
    return Table(key=table.key, title=str(table.title), columns=columns, rows=rows, caption=str(table.caption))


# --- §1: the labour market of the month (the plan's Table 1) ----------------------------------------------------------


def statistics_months(reader, area) -> list[date]:
    return sorted(
        set(statistics_selectors.municipal_statistics(reader).filter(area=area).values_list("month", flat=True))
    )


def _month_table(reader, area, month: date):
    """The municipal table with the most municipal figures of the month: the plan's Table 1 for its month."""
    counts = (
        statistics_selectors.municipal_statistics(reader)
        .filter(area=area, month=month, municipality__isnull=False)
        .values("table")
        .annotate(n=Count("id"))
        .order_by("-n", "table__position", "table__key")
    )
    first = counts.first()
    return statistics_selectors.tables(reader).get(pk=first["table"]) if first else None


def _indicator_name(view, indicator) -> str:
    stored = view.stored_indicators[indicator.code]
    return stored.name_sv if get_language() == "sv" and stored.name_sv else stored.name_fi


def _published(figure: figures.Figure) -> str:
    if figure.known:
        return fi_number(figure.value, figure.decimals)
    return statistics_tables.SUPPRESSED_TEXT if figure.status == figures.Status.SUPPRESSED else DASH


def _total(summed: figures.Total) -> str:
    if summed.exact:
        return fi_number(summed.value, 0)
    if summed.checkable and summed.high is not None:
        return f"{fi_number(summed.low)}{DASH}{fi_number(summed.high)}"
    return f"≥ {fi_number(summed.low)}" if summed.checkable else DASH


def _rate(view, code, month, indicator, fallback: str) -> str:
    rate = view.rate(code, month)
    decimals = view.decimals(indicator)
    return fallback if rate is None else fi_number(figures.round_half_up(rate, decimals), decimals)


def labour_market_table(reader, area, month: date) -> Table | None:
    stored = _month_table(reader, area, month)
    if stored is None:
        return None
    view = statistics_tables.MonthView(reader, area, stored)
    indicators = view.indicators_in(month)
    rows = []
    for municipality in view.municipalities:
        row = {"municipality": municipality.name_fi}
        for indicator in indicators:
            published = _published(view.figure(municipality.code, month, indicator.code))
            if indicator.concept == figures.Concept.UNEMPLOYMENT_RATE:
                published = _rate(view, municipality.code, month, indicator, published)
            row[indicator.code] = published
        rows.append(row)
    total = {"municipality": _("Yhteensä (laskettu)")}
    for indicator in indicators:
        if indicator.sums_over_municipalities:
            total[indicator.code] = _total(view.total(month, indicator.code))
        elif indicator.concept == figures.Concept.UNEMPLOYMENT_RATE:
            total[indicator.code] = _rate(view, None, month, indicator, DASH)
        else:
            total[indicator.code] = DASH
    rows.append(total)
    return Table(
        key="taulukko-1",
        title=_("Taulukko 1. Työllisyystilanne kunnittain %(month)s") % {"month": f"{month.month}/{month.year}"},
        columns=[
            Column("municipality", _("Kunta")),
            *[Column(i.code, _indicator_name(view, i), numeric=True) for i in indicators],
        ],
        rows=rows,
        caption=_(
            "Lähde: %(table)s. Kuntien luvut julkaistussa muodossa (... = salattu pieni luku). Työttömyysasteet ja "
            "yhteensä-rivi on laskettu kuntien luvuista; salattujen lukujen kohdalla summa on väli, jonka ne sallivat."
        )
        % {"table": stored.name},
    )


# --- §1: staffing, targets and capacity -------------------------------------------------------------------------------


def staffing_table(reader) -> Table:
    staffing = organisation_tables.staffing(reader)
    targets: dict[str, list[str]] = {}
    for target in organisation_selectors.caseload_targets(reader):
        wording = f"{target.team.name}: {target.wording}" if target.team else target.wording
        targets.setdefault(target.municipality.name_fi, []).append(wording)
    table = _finnish(staffing)
    table.key = "henkilosto"
    table.columns.append(Column("target", _("Asiakasmäärätavoite")))
    for row in table.rows:
        row["target"] = "; ".join(targets.get(row["municipality"], [])) or DASH
    # Summed anew from the positions, not from the rows' rounded texts, each origin with its own lower and upper bound.
    bounds: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for position in organisation_selectors.staff_positions(reader):
        for key in (position.origin, "total"):
            bounds[key][0] += position.fte_min
            bounds[key][1] += position.fte_max
    total = {"municipality": _("Yhteensä (laskettu)"), "target": DASH}
    for column in table.columns:
        if column.numeric:
            total[column.key] = organisation_tables.fte_range(*bounds[column.key])
    table.rows.append(total)
    return table


def capacity_table(reader) -> Table | None:
    data = planning_selectors.planning_data(reader, source=Source.REGISTRY)
    if data is None:
        return None
    table = _finnish(
        planning_tables.capacity_table(data, Basis.PLANNED_LOW),
        ["name", "clients", "fte", "per_fte", "target", "fte_needed", "gap"],
    )
    table.key = "kapasiteetti"
    table.caption = _(
        "Asiakkaat asiakasrekisteristä; htv on suunnitelman henkilöasiakas- ja työnvälitystyön resurssi "
        "(vaihteluvälin alaraja). Hyrynsalmen ja Ristijärven asiakkaat ovat Paltamon luvuissa."
    )
    return table


# --- §1: competence bottlenecks ---------------------------------------------------------------------------------------


def competence_table(reader) -> Table | None:
    rounds = competence_selectors.rounds(reader)
    if not rounds:
        return None
    data = competence_selectors.analysis(reader, rounds[0], named=False, published=True)
    table = _finnish(competence_tables.bottlenecks_table(data))
    table.key = "osaamisen-pullonkaulat"
    table.caption = _(
        "Kartoituskierros %(round)s. Pullonkaula: tehtävää ei hoida itsenäisesti kukaan tai vain yksi henkilö. "
        "Kunnat, joissa tehtävään on vastannut alle 3 henkilöä, eivät näy."
    ) % {"round": rounds[0].name}
    return table


# --- §2: subsidy decisions --------------------------------------------------------------------------------------------


def subsidy_table(reader) -> Table | None:
    rows = summaries.decisions_by_municipality_and_kind(report_selectors.decision_rows(reader))
    if not rows:
        return None
    return Table(
        key="tukipaatokset",
        title=_("Palkkatuki- ja starttirahapäätökset kunnittain ja tuittain"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("kind", _("Tuki")),
            Column("granted", _("Myönteisiä"), numeric=True),
            Column("rejected", _("Kielteisiä"), numeric=True),
            Column("granted_total", _("Myönnetty yhteensä (€)"), numeric=True),
            Column("rectifications", _("Oikaisuvaatimusten ratkaisuja"), numeric=True),
        ],
        rows=[
            {
                "municipality": row.municipality,
                "kind": str(SubsidyKind(row.kind).label) if row.kind in SubsidyKind.values else row.kind,
                "granted": text(row.granted),
                "rejected": text(row.rejected),
                "granted_total": fi_number(row.granted_total, 2),
                "rectifications": text(row.rectifications),
            }
            for row in rows
        ],
        caption=_("Kaikki järjestelmään kirjatut päätökset."),
    )


# --- §3: offices ------------------------------------------------------------------------------------------------------


def offices_table(reader) -> Table:
    table = _finnish(organisation_tables.offices(reader), ["municipality", "name", "street_address", "postal_code",
                                                             "post_town", "serves"])  # fmt: skip
    table.key = "toimipisteet"
    return table


# --- §5: commuting and matching ---------------------------------------------------------------------------------------


def commuting_tables(reader, area) -> list[Table]:
    """The commuting tables with the area row recomputed; the printed total row is left out."""
    printed = _("Yhteensä (julkaistu rivi)")
    result = []
    for stored in statistics_selectors.tables_with_data(reader, area, statistics_enums.TableKind.COMMUTING):
        source = statistics_tables.commuting_table(reader, area, stored)
        source.rows = [row for row in source.rows if row["municipality"] != printed]
        table = _finnish(
            source,
            ["municipality", "labour_force", "commuting_in", "commuting_out", "working_in_own_municipality",
             "recomputed"],
        )  # fmt: skip
        table.key = f"pendelointi-{stored.key}"
        for row, original in zip(table.rows, source.rows, strict=True):
            if original["recomputed"] is not None:  # rounded to two decimals: 88,10 rather than 88,1
                row["recomputed"] = fi_number(original["recomputed"], 2)
        result.append(table)
    return result


def job_offer_model():
    """The matching app's JobOffer when that app is installed: the report works with and without it."""
    if not apps.is_installed("matching"):
        return None
    try:
        return apps.get_model("matching", "JobOffer")
    except LookupError:
        return None


def matching_table(area) -> Table | None:
    """Job offers and referrals by the job seeker's home municipality: how many, how many crossed a municipal
    border, how many ended in hiring. Counts only."""
    model = job_offer_model()
    if model is None:
        return None
    rows = (
        model.objects.filter(home_municipality__area=area)
        .values("home_municipality__name_fi")
        .annotate(
            offers=Count("id", filter=Q(kind="job_offer")),
            referrals=Count("id", filter=Q(kind="referral")),
            crossing=Count("id", filter=~Q(home_municipality=F("workplace_municipality"))),
            hired=Count("id", filter=Q(outcome="hired")),
        )
        .order_by("home_municipality__name_fi")
    )
    return Table(
        key="tyotarjoukset",
        title=_("Työtarjoukset ja ohjaukset avoimiin työpaikkoihin kunnittain"),
        columns=[
            Column("municipality", _("Työnhakijan kotikunta")),
            Column("offers", _("Työtarjouksia"), numeric=True),
            Column("referrals", _("Ohjauksia"), numeric=True),
            Column("crossing", _("Toiseen kuntaan"), numeric=True),
            Column("hired", _("Palkattiin"), numeric=True),
        ],
        rows=[
            {
                "municipality": row["home_municipality__name_fi"],
                "offers": text(row["offers"]),
                "referrals": text(row["referrals"]),
                "crossing": text(row["crossing"]),
                "hired": text(row["hired"]),
            }
            for row in rows
        ],
    )
