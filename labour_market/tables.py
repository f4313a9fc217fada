"""The statistics pages' tables, built once for both the pages and their CSV/XLSX exports.

Published figures are shown as printed (suppressed as "...", missing as empty); every derived figure beside them is
computed here from the published ones through labour_market/figures.py.
"""

from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.languages import in_language
from common.tables import Column, Table
from labour_market import enums, figures, selectors
from labour_market.consistency import explanations, inputs
from labour_market.consistency.findings import Finding
from labour_market.figures import Concept

SUPPRESSED_TEXT = "..."
# Table 1's columns whose headings were lost when the plan was extracted (data/.../statistics/indicators.yaml): they
# keep their "name missing" label in every language and a footnote says why, so no one takes them for a guess.
HEADING_LOST = frozenset({"PLAN_T1_C8", "PLAN_T1_C10"})


def month_label(month: date) -> str:
    return date_format(month, "F Y").capitalize()


def shown(figure: figures.Figure):
    """A published cell for a table: the number as printed, '...' when suppressed, None (shown as –) when missing."""
    if figure.known:
        return figure.value
    return SUPPRESSED_TEXT if figure.status == figures.Status.SUPPRESSED else None


def rounded(value: Decimal | None, decimals: int = 1) -> Decimal | None:
    return None if value is None else figures.round_half_up(value, decimals)


def shown_total(summed: figures.Total):
    """An area total: exact, or the range that suppressed cells allow (e.g. '255–261'), or None when data is missing."""
    if summed.exact:
        return summed.value
    if summed.checkable and summed.high is not None:
        return f"{explanations.fi(summed.low)}–{explanations.fi(summed.high)}"
    if summed.checkable:
        return f"≥ {explanations.fi(summed.low)}"
    return None


class MonthView:
    """One table's figures for one area, with the derived figures of a month computed on demand."""

    def __init__(self, user, area, table):
        self.area = area
        self.table = table
        self.municipalities = list(area.municipalities.order_by("name_fi"))
        found = selectors.municipal_tables(user, area, table)
        self.data = found[0] if found else None
        self.indicators = list(self.data.indicators) if self.data else []
        self.stored_indicators = {i.code: i for i in selectors.indicators(user)}

    @property
    def months(self) -> list[date]:
        return self.data.months if self.data else []

    def indicator(self, concept: Concept) -> inputs.Indicator | None:
        return next((i for i in self.indicators if i.concept == concept), None)

    def indicators_in(self, month: date) -> list[inputs.Indicator]:
        present = {code for _, m, code in self.data.figures if m == month} if self.data else set()
        return [i for i in self.indicators if i.code in present]

    def figure(self, code: str | None, month: date, indicator: str) -> figures.Figure:
        return self.data.figure(code, month, indicator) if self.data else figures.MISSING

    def total(self, month: date, indicator: str) -> figures.Total:
        return figures.total(
            (self.figure(m.code, month, indicator) for m in self.municipalities), self.data.suppressed_range
        )

    def value(self, code: str | None, month: date, concept: Concept) -> Decimal | None:
        """A known count of a municipality, or for the area (code None) the exact sum of its municipalities."""
        indicator = self.indicator(concept)
        if indicator is None:
            return None
        if code is None:
            return self.total(month, indicator.code).value if indicator.sums_over_municipalities else None
        figure = self.figure(code, month, indicator.code)
        return figure.value if figure.known else None

    def rate(self, code: str | None, month: date) -> Decimal | None:
        return figures.unemployment_rate(
            self.value(code, month, Concept.UNEMPLOYED), self.value(code, month, Concept.LABOUR_FORCE)
        )

    def share(self, code: str | None, month: date, concept: Concept) -> Decimal | None:
        return figures.share(self.value(code, month, concept), self.value(code, month, Concept.UNEMPLOYED))

    def decimals(self, indicator: inputs.Indicator) -> int:
        stored = self.stored_indicators.get(indicator.code)
        return stored.decimals if stored else 0

    def name(self, indicator: inputs.Indicator) -> str:
        """The indicator's name in the active language, as stored with the indicator."""
        return in_language(self.stored_indicators[indicator.code])

    def rows(self):
        """(code, name) of every municipality, then the area, in the active language."""
        return [(m.code, in_language(m)) for m in self.municipalities] + [(None, in_language(self.area))]


def definition(indicator: inputs.Indicator | None) -> str:
    """What the figure counts, where a reader comparing it with the registry could count it otherwise."""
    if indicator is not None and indicator.concept == Concept.UNEMPLOYED:
        return gettext(
            "Työttömät työnhakijat Tilastokeskuksen määritelmän mukaan: työttömät ja kokoaikaisesti lomautetut; "
            "lyhennetyllä työviikolla lomautetut eivät ole työttömiä."
        )
    return ""


def heading_lost_note(indicators) -> str:
    """The footnote of a table showing a column whose heading the plan lost, or nothing."""
    lost = sorted(i.code for i in indicators if i.code in HEADING_LOST)
    if not lost:
        return ""
    return gettext(
        "Suunnitelman taulukon 1 sarakkeiden 8 ja 10 otsikot katosivat suunnitelman tekstistä; sarakkeita ei nimetä "
        "arvaamalla."
    )


def municipal_table(view: MonthView, month: date) -> Table:
    indicators = view.indicators_in(month)
    rows = []
    for municipality in view.municipalities:
        row = {"municipality": in_language(municipality)}
        for indicator in indicators:
            row[indicator.code] = shown(view.figure(municipality.code, month, indicator.code))
        rows.append(row)
    computed = {"municipality": gettext("Alue yhteensä (laskettu)")}
    for indicator in indicators:
        if indicator.sums_over_municipalities:
            computed[indicator.code] = shown_total(view.total(month, indicator.code))
        elif indicator.concept == Concept.UNEMPLOYMENT_RATE:
            computed[indicator.code] = rounded(view.rate(None, month), view.decimals(indicator))
    rows.append(computed)
    if any(view.figure(None, month, i.code).status != figures.Status.MISSING for i in indicators):
        published = {"municipality": gettext("Yhteensä (julkaistu rivi)")}
        for indicator in indicators:
            published[indicator.code] = shown(view.figure(None, month, indicator.code))
        rows.append(published)
    return Table(
        key=f"kuntaluvut-{view.table.key}-{month:%Y-%m}",
        title=_("%(table)s: %(month)s") % {"table": view.table.name, "month": month_label(month)},
        columns=[
            Column("municipality", _("Kunta")),
            *[Column(i.code, view.name(i), numeric=True) for i in indicators],
        ],
        rows=rows,
        caption=" ".join(
            part
            for part in (
                gettext(
                    "Luvut julkaistussa muodossa. ... = salattu pieni luku, – = tieto puuttuu. Alueen laskettu summa "
                    "on kuntien lukujen summa; salattujen solujen kohdalla se on väli, jonka salatut luvut sallivat. "
                    "Julkaistu yhteensä-rivi näytetään sellaisenaan, ja tarkistus vertaa sitä laskettuun."
                ),
                heading_lost_note(indicators),
            )
            if part
        ),
    )


def derived_table(view: MonthView, month: date) -> Table:
    rate_indicator = view.indicator(Concept.UNEMPLOYMENT_RATE)
    previous, year_ago = figures.month_before(month), figures.year_before(month)
    has_previous = previous in view.months
    has_year_ago = year_ago in view.months
    columns = [
        Column("municipality", _("Kunta")),
        Column("rate_published", _("Työttömyysaste, % (julkaistu)"), numeric=True),
        Column("rate", _("Työttömyysaste, % (laskettu)"), numeric=True),
        Column("long_term_share", _("Pitkäaikaistyöttömien osuus työttömistä, %"), numeric=True),
        Column("foreign_share", _("Ulkomaalaisten osuus työttömistä, %"), numeric=True),
        Column("youth_share", _("Alle 25-vuotiaiden osuus työttömistä, %"), numeric=True),
    ]
    if has_previous:
        columns += [
            Column("unemployed_mom", _("Työttömät, muutos edellisestä kuukaudesta"), numeric=True),
            Column("unemployed_mom_percent", _("Työttömät, muutos edellisestä kuukaudesta, %"), numeric=True),
        ]
    if has_year_ago:
        columns += [
            Column("unemployed_yoy", _("Työttömät, muutos vuodentakaisesta"), numeric=True),
            Column("unemployed_yoy_percent", _("Työttömät, muutos vuodentakaisesta, %"), numeric=True),
            Column("rate_yoy", _("Työttömyysaste, muutos vuodentakaisesta, %-yksikköä"), numeric=True),
        ]
    rows = []
    for code, name in view.rows():
        published = view.figure(code, month, rate_indicator.code) if rate_indicator else figures.MISSING
        unemployed = view.value(code, month, Concept.UNEMPLOYED)
        row = {
            "municipality": name if code else gettext("%(area)s (laskettu)") % {"area": name},
            "rate_published": shown(published),
            "rate": rounded(view.rate(code, month)),
            "long_term_share": rounded(view.share(code, month, Concept.LONG_TERM_UNEMPLOYED)),
            "foreign_share": rounded(view.share(code, month, Concept.FOREIGN_UNEMPLOYED)),
            "youth_share": rounded(view.share(code, month, Concept.UNEMPLOYED_UNDER_25)),
        }
        if has_previous:
            change = figures.change(unemployed, view.value(code, previous, Concept.UNEMPLOYED))
            row["unemployed_mom"] = change.absolute if change else None
            row["unemployed_mom_percent"] = rounded(change.percent) if change else None
        if has_year_ago:
            change = figures.change(unemployed, view.value(code, year_ago, Concept.UNEMPLOYED))
            row["unemployed_yoy"] = change.absolute if change else None
            row["unemployed_yoy_percent"] = rounded(change.percent) if change else None
            rate_change = figures.change(view.rate(code, month), view.rate(code, year_ago))
            row["rate_yoy"] = rounded(rate_change.absolute) if rate_change else None
        rows.append(row)
    return Table(
        key=f"johdetut-{view.table.key}-{month:%Y-%m}",
        title=_("Johdetut luvut: %(month)s") % {"month": month_label(month)},
        columns=columns,
        rows=rows,
        caption=_(
            "Lasketut luvut: työttömyysaste = työttömät / työvoima × 100; osuudet työttömistä; muutokset "
            "kuukausista, jotka taulukossa on. Alueen työttömyysaste lasketaan kuntien summista, joten se on kuntien "
            "asteiden työvoimalla painotettu keskiarvo. – = ei laskettavissa (luku salattu tai puuttuu)."
        ),
    )


def rate_chart(view: MonthView, month: date) -> dict:
    labels, values = [], []
    for code, name in view.rows():
        labels.append(name)
        rate = view.rate(code, month)
        values.append(None if rate is None else float(rounded(rate)))
    return {"type": "bar", "labels": labels, "datasets": [{"label": str(_("Työttömyysaste, %")), "data": values}]}


def time_series_table(view: MonthView, indicator: inputs.Indicator) -> Table:
    months = [m for m in view.months if indicator in view.indicators_in(m)]
    rows = []
    for month in months:
        row = {"month": month_label(month)}
        for municipality in view.municipalities:
            row[municipality.code] = shown(view.figure(municipality.code, month, indicator.code))
        if indicator.sums_over_municipalities:
            row["area"] = shown_total(view.total(month, indicator.code))
        elif indicator.concept == Concept.UNEMPLOYMENT_RATE:
            row["area"] = rounded(view.rate(None, month), view.decimals(indicator))
        else:
            row["area"] = None
        rows.append(row)
    return Table(
        key=f"aikasarja-{view.table.key}-{indicator.code.lower()}",
        title=_("%(indicator)s kuukausittain") % {"indicator": view.name(indicator)},
        columns=[
            Column("month", _("Kuukausi")),
            *[Column(m.code, in_language(m), numeric=True) for m in view.municipalities],
            Column("area", _("Alue (laskettu)"), numeric=True),
        ],
        rows=rows,
        caption=_("... = salattu pieni luku, – = tieto puuttuu. Alueen luku on laskettu kuntien luvuista."),
    )


def time_series_chart(view: MonthView, indicator: inputs.Indicator) -> dict:
    table = time_series_table(view, indicator)
    datasets = []
    for column in table.columns[1:]:
        data = [row.get(column.key) for row in table.rows]
        datasets.append(
            {"label": str(column.label), "data": [float(v) if isinstance(v, Decimal) else None for v in data]}
        )
    return {"type": "line", "labels": [row["month"] for row in table.rows], "datasets": datasets}


def commuting_table(user, area, table) -> Table:
    by_code = {
        s.municipality.code if s.municipality else None: s
        for s in selectors.commuting_statistics(user).filter(area=area, table=table)
    }
    rows, flows = [], []
    for municipality in area.municipalities.order_by("name_fi"):
        if municipality.code in by_code:
            row, flow = _commuting_row(in_language(municipality), by_code[municipality.code])
            rows.append(row)
            flows.append(flow)
    complete = bool(flows) and None not in flows
    area_figure = figures.area_job_self_sufficiency(flows) if complete else None
    if complete:
        rows.append(
            {
                "municipality": gettext("Alue yhteensä (laskettu)"),
                "labour_force": _sum_or_none(r["labour_force"] for r in rows),
                "commuting_in": sum(f.commuting_in for f in flows),
                "commuting_out": sum(f.commuting_out for f in flows),
                "working_in_own_municipality": sum(f.working_in_own_municipality for f in flows),
                "jobs": sum(f.jobs for f in flows),
                "employed_residents": sum(f.employed_residents for f in flows),
                "recomputed": rounded(area_figure, 2),
            }
        )
    if None in by_code:
        row, _flow = _commuting_row(gettext("Yhteensä (julkaistu rivi)"), by_code[None])
        row["recomputed"] = rounded(area_figure, 2)
        row["agrees"] = _agreement(by_code[None], area_figure)
        rows.append(row)
    return Table(
        key=f"pendelointi-{table.key}",
        title=table.name,
        columns=[
            Column("municipality", _("Kunta")),
            Column("labour_force", _("Työvoima"), numeric=True),
            Column("commuting_in", _("Pendelöinti kuntaan"), numeric=True),
            Column("commuting_out", _("Pendelöinti kunnasta"), numeric=True),
            Column("working_in_own_municipality", _("Työssäkäynti omassa kunnassa"), numeric=True),
            Column("published", _("Työpaikkaomavaraisuus, % (julkaistu)"), numeric=True),
            Column("recomputed", _("Työpaikkaomavaraisuus, % (laskettu)"), numeric=True),
            Column("agrees", _("Täsmääkö julkaistulla tarkkuudella")),
            Column("jobs", _("Työpaikat (oma + kuntaan)"), numeric=True),
            Column("employed_residents", _("Työlliset asukkaat (oma + kunnasta)"), numeric=True),
        ],
        rows=rows,
        caption=_(
            "Työpaikkaomavaraisuus = (oma kunta + pendelöinti kuntaan) / (oma kunta + pendelöinti kunnasta) × 100. "
            "Alueen luku on alueen työpaikat jaettuna alueen työllisillä asukkailla, ei kuntien prosenttien "
            "keskiarvo."
        ),
    )


def _sum_or_none(values):
    values = list(values)
    return None if any(v is None for v in values) else sum(values)


def _commuting_row(name: str, statistic):
    flows = selectors.commuting_flows(statistic)
    recomputed = figures.job_self_sufficiency(flows) if flows else None
    published = selectors.as_printed(statistic.job_self_sufficiency, statistic.job_self_sufficiency_decimals)
    row = {
        "municipality": name,
        "labour_force": statistic.labour_force,
        "commuting_in": statistic.commuting_in,
        "commuting_out": statistic.commuting_out,
        "working_in_own_municipality": statistic.working_in_own_municipality,
        "jobs": flows.jobs if flows else None,
        "employed_residents": flows.employed_residents if flows else None,
        "published": published,
        "recomputed": rounded(recomputed, 2),
        "agrees": _agreement(statistic, recomputed),
    }
    return row, flows


def _agreement(statistic, recomputed: Decimal | None):
    if statistic.job_self_sufficiency is None or recomputed is None:
        return None
    consistent = figures.agrees(statistic.job_self_sufficiency, statistic.job_self_sufficiency_decimals, recomputed)
    return gettext("täsmää") if consistent else gettext("ei täsmää")


def _place_names(area, area_row: str) -> dict[str | None, str]:
    """Municipality names by code, and `area_row` for the area's own row."""
    names: dict[str | None, str] = {m.code: in_language(m) for m in area.municipalities.all()} if area else {}
    names[None] = area_row
    return names


def findings_table(user, findings: list[Finding]) -> Table:
    names = _place_names(selectors.area(user), gettext("alue"))
    table_names = dict(selectors.tables(user).values_list("key", "name"))
    return Table(
        key="tarkistus",
        title=_("Tarkistuksen havainnot"),
        columns=[
            Column("table", _("Taulukko")),
            Column("municipality", _("Kunta")),
            Column("quantity", _("Suure")),
            Column("published", _("Julkaistu"), numeric=True),
            Column("recomputed", _("Laskettu tai toisen taulukon luku"), numeric=True),
            Column("difference", _("Ero"), numeric=True),
            Column("explanation", _("Selitys")),
            Column("severity", _("Laji")),
        ],
        rows=[
            {
                "table": table_names.get(f.table, f.table),
                "municipality": names.get(f.municipality, f.municipality),
                "quantity": explanations.quantity(f.quantity),
                "published": f.published,
                "recomputed": f.shown_recomputed if f.recomputed is not None else _range(f),
                "difference": f.difference,
                "explanation": explanations.explanation(f),
                "severity": enums.Severity(f.severity).label,
            }
            for f in findings
        ],
    )


def findings_of_table(user, area, table) -> list[dict]:
    """One table's findings as the table's page lists them: where, what, how serious and why."""
    names = _place_names(area, in_language(area))
    return [
        {
            "severity": enums.Severity(f.severity),
            "place": names.get(f.municipality, in_language(area)),
            "quantity": explanations.quantity(f.quantity),
            "explanation": explanations.explanation(f),
        }
        for f in selectors.findings(user, table)
    ]


def _range(finding: Finding):
    if finding.low is None:
        return None
    if finding.high is None:
        return f"≥ {explanations.fi(finding.low)}"
    return f"{explanations.fi(finding.low)}–{explanations.fi(finding.high)}"
