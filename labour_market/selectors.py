"""Reads of the statistics, always through the user, and their translation into the pure cores' dataclasses."""

from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import get_language

from accounts import permissions
from labour_market import enums, figures
from labour_market import occupations as occupation_text
from labour_market.consistency import checks, inputs
from labour_market.consistency.findings import Finding
from labour_market.models import CommutingStatistic, Indicator, MunicipalStatistic, Occupation, StatisticsTable
from organisation import selectors as organisation_selectors


def _visible(user, queryset: QuerySet) -> QuerySet:
    if not permissions.can_view_statistics(user):
        return queryset.none()
    return queryset


def area(user):
    if not permissions.can_view_statistics(user):
        return None
    return organisation_selectors.area(user)


def indicators(user) -> QuerySet:
    return _visible(user, Indicator.objects.all())


def tables(user, kind: str | None = None) -> QuerySet:
    queryset = StatisticsTable.objects.all()
    if kind:
        queryset = queryset.filter(kind=kind)
    return _visible(user, queryset)


def tables_with_data(user, area_object, kind: str) -> list[StatisticsTable]:
    """The tables of one kind that hold figures of the area, in their order."""
    statistics = municipal_statistics if kind == enums.TableKind.MUNICIPAL else commuting_statistics
    return list(tables(user, kind).filter(pk__in=statistics(user).filter(area=area_object).values("table")))


def _municipal_statistics() -> QuerySet:
    return MunicipalStatistic.objects.select_related("table", "municipality", "indicator", "area").order_by(
        "table__position", "table__key", "month", "indicator__position", "municipality__name_fi"
    )


def _commuting_statistics() -> QuerySet:
    return CommutingStatistic.objects.select_related("table", "municipality", "area").order_by(
        "table__position", "table__key", "period", "municipality__name_fi"
    )


def municipal_statistics(
    user,
    *,
    month: date | None = None,
    municipality_code: str = "",
    table_key: str = "",
    indicator_code: str = "",
    concept: str = "",
) -> QuerySet:
    """The figures the user may read, narrowed by whichever of month, municipality, table, indicator and concept (the
    indicator's role, e.g. `unemployed`: Statistics Finland's unemployed job seekers) is given."""
    queryset = _visible(user, _municipal_statistics())
    if month is not None:
        queryset = queryset.filter(month=month)
    if municipality_code:
        queryset = queryset.filter(municipality__code=municipality_code)
    if table_key:
        queryset = queryset.filter(table__key=table_key)
    if indicator_code:
        queryset = queryset.filter(indicator__code=indicator_code)
    if concept:
        queryset = queryset.filter(indicator__concept=concept)
    return queryset


def commuting_statistics(user) -> QuerySet:
    return _visible(user, _commuting_statistics())


def months(user, table: StatisticsTable | None = None) -> list[date]:
    queryset = municipal_statistics(user)
    if table is not None:
        queryset = queryset.filter(table=table)
    return sorted(set(queryset.values_list("month", flat=True)))


def as_printed(value, decimals: int) -> Decimal | None:
    """A stored value with the decimals it was printed with, so that 7 and 7,0 stay apart."""
    return None if value is None else Decimal(value).quantize(Decimal(1).scaleb(-decimals))


def figure_of(statistic) -> figures.Figure:
    """A stored figure as the pure core sees it, with the precision it was printed with."""
    if statistic.value is None:
        return figures.Figure(figures.Status(statistic.status))
    return figures.Figure(
        figures.Status(statistic.status), as_printed(statistic.value, statistic.decimals), statistic.decimals
    )


def _commuting_figure(value, decimals: int = 0) -> figures.Figure:
    if value is None:
        return figures.MISSING
    return figures.Figure.of(as_printed(value, decimals), decimals)


def commuting_flows(statistic) -> figures.CommutingFlows | None:
    """A stored commuting row's flows, when all three are published."""
    parts = (statistic.working_in_own_municipality, statistic.commuting_in, statistic.commuting_out)
    if None in parts:
        return None
    return figures.CommutingFlows(*(Decimal(part) for part in parts))


def _suppressed_range(table: StatisticsTable) -> figures.SuppressedRange:
    high = None if table.suppressed_max is None else Decimal(table.suppressed_max)
    return figures.SuppressedRange(Decimal(table.suppressed_min), high)


def consistency_area(area_object) -> inputs.Area:
    return inputs.Area(
        name=area_object.name_fi,
        municipalities=tuple(
            inputs.Municipality(m.code, m.name_fi) for m in area_object.municipalities.order_by("name_fi")
        ),
    )


def consistency_indicator(indicator: Indicator) -> inputs.Indicator:
    return inputs.Indicator(
        code=indicator.code,
        name=indicator.name_fi,
        concept=figures.Concept(indicator.concept) if indicator.concept else None,
        sums_over_municipalities=indicator.sums_over_municipalities,
    )


def municipal_tables(user, area_object, table: StatisticsTable | None = None) -> list[inputs.MunicipalTable]:
    """Each municipal table's figures of one area, in the tables' order."""
    statistics = municipal_statistics(user).filter(area=area_object)
    if table is not None:
        statistics = statistics.filter(table=table)
    return _as_municipal_tables(statistics)


def _as_municipal_tables(statistics) -> list[inputs.MunicipalTable]:
    grouped: dict[int, dict] = {}
    for statistic in statistics:
        entry = grouped.setdefault(statistic.table_id, {"table": statistic.table, "figures": {}, "indicators": {}})
        code = statistic.municipality.code if statistic.municipality else None
        entry["figures"][(code, statistic.month, statistic.indicator.code)] = figure_of(statistic)
        entry["indicators"][statistic.indicator.code] = statistic.indicator
    result = []
    for entry in sorted(grouped.values(), key=lambda e: (e["table"].position, e["table"].key)):
        stored = entry["table"]
        ordered = sorted(entry["indicators"].values(), key=lambda i: (i.position, i.code))
        result.append(
            inputs.MunicipalTable(
                key=stored.key,
                name=stored.name,
                indicators=tuple(consistency_indicator(i) for i in ordered),
                figures=entry["figures"],
                document=stored.document,
                suppressed_range=_suppressed_range(stored),
            )
        )
    return result


def commuting_tables(user, area_object) -> list[inputs.CommutingTable]:
    return _as_commuting_tables(commuting_statistics(user).filter(area=area_object))


def _as_commuting_tables(statistics) -> list[inputs.CommutingTable]:
    grouped: dict[tuple, dict] = {}
    for statistic in statistics:
        entry = grouped.setdefault((statistic.table_id, statistic.period), {"table": statistic.table, "rows": {}})
        code = statistic.municipality.code if statistic.municipality else None
        entry["rows"][code] = inputs.CommutingRow(
            labour_force=_commuting_figure(statistic.labour_force),
            commuting_in=_commuting_figure(statistic.commuting_in),
            commuting_out=_commuting_figure(statistic.commuting_out),
            working_in_own_municipality=_commuting_figure(statistic.working_in_own_municipality),
            job_self_sufficiency=_commuting_figure(
                statistic.job_self_sufficiency, statistic.job_self_sufficiency_decimals
            ),
        )
    return [
        inputs.CommutingTable(
            key=entry["table"].key,
            name=entry["table"].name,
            rows=entry["rows"],
            document=entry["table"].document,
            period=period,
            suppressed_range=_suppressed_range(entry["table"]),
        )
        for (_, period), entry in sorted(grouped.items(), key=lambda item: (item[1]["table"].position, item[0][1]))
    ]


def findings(user, table: StatisticsTable | None = None) -> list[Finding]:
    """The consistency check over every table of the user's area; only those about `table` when given."""
    area_object = area(user)
    if area_object is None:
        return []
    found = checks.check(
        consistency_area(area_object), municipal_tables(user, area_object), commuting_tables(user, area_object)
    )
    return found if table is None else [f for f in found if f.table == table.key]


def all_findings() -> list[tuple[object, Finding]]:
    """Every area's findings, for check_statistics, which the installation's operator runs without a user."""
    from organisation.models import EmploymentArea

    result = []
    for area_object in EmploymentArea.objects.prefetch_related("municipalities").order_by("slug"):
        municipal = _as_municipal_tables(_municipal_statistics().filter(area=area_object))
        commuting = _as_commuting_tables(_commuting_statistics().filter(area=area_object))
        result += [(area_object, f) for f in checks.check(consistency_area(area_object), municipal, commuting)]
    return result


def occupations(user, *, query: str = "", level: int | None = None) -> QuerySet:
    """ISCO-08 groups matching every word of the query: a word of digits is a code prefix ("22" finds 22, 221, 2211,
    …), any other word is looked for in the Finnish and English names as `occupations.query_words` folds it
    ("sairaanhoit", "nurse", "lahihoit")."""
    queryset = Occupation.objects.select_related("parent")
    for word in occupation_text.query_words(query):
        if word.isdigit():
            queryset = queryset.filter(code__startswith=word)
        else:
            queryset = queryset.filter(search_text__contains=word)
    if level is not None:
        queryset = queryset.filter(level=level)
    return _visible(user, queryset)


def occupation_tree(user) -> list[dict]:
    """The hierarchy as nested {"occupation", "children"} nodes, major groups first, each level in code order."""
    roots: list[dict] = []
    nodes: dict[str, dict] = {}
    for occupation in occupations(user):  # code order puts every parent before its children
        node = nodes[occupation.code] = {"occupation": occupation, "children": []}
        parent = nodes.get(occupation.code[:-1])
        (parent["children"] if parent else roots).append(node)
    return roots


def occupation_name(occupation: Occupation, language: str | None = None) -> str:
    """The English name in English, otherwise the Finnish one: the classification has no Swedish names."""
    return occupation.name_en if (language or get_language() or "fi").startswith("en") else occupation.name_fi


def occupation_labels(codes, language: str | None = None) -> dict[str, str]:
    """Code → "2221 Ylihoitajat ja osastonhoitajat" for every code; a code the classification lacks stays bare.

    Not scoped by a user: the classification is public reference data, shown wherever a code is."""
    codes = [str(code) for code in codes]
    known = {occupation.code: occupation for occupation in Occupation.objects.filter(code__in=codes)}
    return {code: labelled(known[code], language) if code in known else code for code in codes}


def labelled(occupation: Occupation, language: str | None = None) -> str:
    return f"{occupation.code} {occupation_name(occupation, language)}"


def occupation_label(code, language: str | None = None) -> str:
    return occupation_labels([code], language)[str(code)]
