"""Labour-market statistics as published: monthly municipal figures and commuting, each row in its source table.

Figures are stored exactly as printed (value, status and the decimals they were printed with) and never corrected:
derived figures are computed from them (labour_market/figures.py) and disagreements listed (labour_market/consistency/).
A row without a municipality is the area's own published row, such as a table's "Yhteensä" line.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labour_market import enums


class Indicator(models.Model):
    code = models.CharField(_("koodi"), max_length=60, unique=True, help_text=_("StatFin-tietokannan Tiedot-koodi."))
    name_fi = models.CharField(_("nimi (suomi)"), max_length=200)
    name_sv = models.CharField(_("nimi (ruotsi)"), max_length=200, blank=True)
    name_en = models.CharField(_("nimi (englanti)"), max_length=200, blank=True)
    unit = models.CharField(_("yksikkö"), max_length=20, choices=enums.Unit.choices)
    decimals = models.PositiveSmallIntegerField(_("desimaalit"), default=0)
    sums_over_municipalities = models.BooleanField(
        _("summautuu kunnista"), help_text=_("Kuntien luvut laskemalla saadaan alueen luku.")
    )
    concept = models.CharField(
        _("rooli laskennassa"), max_length=40, choices=enums.Concept.choices, blank=True, default=""
    )
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    source = models.CharField(_("lähde"), max_length=300)

    class Meta:
        verbose_name = _("tilastotieto")
        verbose_name_plural = _("tilastotiedot")
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["concept"], condition=~Q(concept=""), name="indicator_concept_unique"),
        ]

    def __str__(self):
        return self.name_fi


class StatisticsTable(models.Model):
    """A published table: the plan's Table 1, its commuting table, a StatFin table, a file of local figures."""

    key = models.SlugField(_("tunniste"), max_length=80, unique=True)
    name = models.CharField(_("nimi"), max_length=200)
    title = models.TextField(_("otsikko"), blank=True)
    kind = models.CharField(_("laji"), max_length=20, choices=enums.TableKind.choices)
    origin = models.CharField(_("alkuperä"), max_length=20, choices=enums.TableOrigin.choices)
    document = models.CharField(
        _("julkaisu"),
        max_length=300,
        blank=True,
        help_text=_("Taulukot samasta julkaisusta verrataan toisiinsa myös ilman yhteistä kuukautta."),
    )
    source = models.CharField(_("lähde"), max_length=300)
    suppressed_min = models.PositiveIntegerField(_("salatun luvun alaraja"), default=1)
    suppressed_max = models.PositiveIntegerField(_("salatun luvun yläraja"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=100)

    class Meta:
        verbose_name = _("tilastotaulukko")
        verbose_name_plural = _("tilastotaulukot")
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(suppressed_max__isnull=True) | Q(suppressed_min__lte=models.F("suppressed_max")),
                name="statistics_table_suppressed_range",
            ),
        ]

    def __str__(self):
        return self.name


def _figure_constraints(prefix: str, value: str, status: str) -> list:
    known = Q(**{f"{status}__in": [enums.FigureStatus.PUBLISHED, enums.FigureStatus.ZERO]})
    return [
        models.CheckConstraint(
            condition=(known & Q(**{f"{value}__isnull": False})) | (~known & Q(**{f"{value}__isnull": True})),
            name=f"{prefix}_value_iff_known",
        ),
        models.CheckConstraint(
            condition=~Q(**{status: enums.FigureStatus.ZERO}) | Q(**{value: 0}),
            name=f"{prefix}_zero_is_zero",
        ),
    ]


class StatisticRow(models.Model):
    """A row of a published table: the table it came from, and the municipality it describes or none for the area's."""

    table = models.ForeignKey(StatisticsTable, verbose_name=_("taulukko"), on_delete=models.CASCADE, related_name="+")
    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("kunta"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Tyhjä: alueen oma julkaistu rivi (esim. Yhteensä)."),
    )

    class Meta:
        abstract = True


class MunicipalStatistic(StatisticRow):
    month = models.DateField(_("kuukausi"), help_text=_("Kuukauden ensimmäinen päivä."))
    indicator = models.ForeignKey(Indicator, verbose_name=_("tieto"), on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("arvo"), max_digits=14, decimal_places=4, null=True, blank=True)
    status = models.CharField(_("tila"), max_length=20, choices=enums.FigureStatus.choices)
    decimals = models.PositiveSmallIntegerField(_("painetut desimaalit"), default=0)

    class Meta:
        verbose_name = _("kuukausittainen kuntaluku")
        verbose_name_plural = _("kuukausittaiset kuntaluvut")
        ordering = ["table", "month", "indicator", "municipality__name_fi"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "municipality", "month", "indicator"],
                condition=Q(municipality__isnull=False),
                name="municipal_statistic_unique",
            ),
            models.UniqueConstraint(
                fields=["table", "area", "month", "indicator"],
                condition=Q(municipality__isnull=True),
                name="municipal_statistic_area_row_unique",
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="municipal_statistic_month_first_day"),
            *_figure_constraints("municipal_statistic", "value", "status"),
        ]
        indexes = [models.Index(fields=["area", "month"])]

    def __str__(self):
        return f"{self.table_id} {self.municipality or self.area} {self.month:%Y-%m} {self.indicator_id}"


class CommutingStatistic(StatisticRow):
    period = models.CharField(
        _("tilastokausi"), max_length=40, blank=True, help_text=_("Tyhjä, jos lähde ei kerro vuotta.")
    )
    labour_force = models.PositiveIntegerField(_("työvoima"), null=True, blank=True)
    commuting_in = models.PositiveIntegerField(_("pendelöinti kuntaan"), null=True, blank=True)
    commuting_out = models.PositiveIntegerField(_("pendelöinti kunnasta"), null=True, blank=True)
    working_in_own_municipality = models.PositiveIntegerField(_("työssäkäynti omassa kunnassa"), null=True, blank=True)
    job_self_sufficiency = models.DecimalField(
        _("työpaikkaomavaraisuus, % (julkaistu)"), max_digits=9, decimal_places=4, null=True, blank=True
    )
    job_self_sufficiency_decimals = models.PositiveSmallIntegerField(_("painetut desimaalit"), default=0)

    class Meta:
        verbose_name = _("pendelöintiluku")
        verbose_name_plural = _("pendelöintiluvut")
        ordering = ["table", "period", "municipality__name_fi"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "municipality", "period"],
                condition=Q(municipality__isnull=False),
                name="commuting_statistic_unique",
            ),
            models.UniqueConstraint(
                fields=["table", "area", "period"],
                condition=Q(municipality__isnull=True),
                name="commuting_statistic_area_row_unique",
            ),
        ]

    def __str__(self):
        return f"{self.table_id} {self.municipality or self.area} {self.period}"


class Occupation(models.Model):
    """An ISCO-08 group at any of its four levels, with its Finnish (Ammattiluokitus 2010) and English (ILO) name.

    Loaded from data/classifications/isco-08.csv by `load_occupations`; job seekers and vacancies keep bare codes, and
    this table only names them, so a code it lacks is shown as it is.
    """

    code = models.CharField(_("koodi"), max_length=4, unique=True)
    level = models.PositiveSmallIntegerField(_("taso"))
    parent = models.ForeignKey(
        "self", verbose_name=_("yläryhmä"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name_fi = models.CharField(_("nimi (suomi)"), max_length=200)
    name_en = models.CharField(_("nimi (englanti)"), max_length=200)
    # Code and both names folded (lower case, no diacritics) by labour_market.occupations.search_text, so that one
    # LIKE gives SQLite and PostgreSQL the same answers.
    search_text = models.CharField(max_length=500, editable=False)

    class Meta:
        verbose_name = _("ammattiryhmä")
        verbose_name_plural = _("ammattiryhmät")
        # Codes sort as the hierarchy reads: 2, 22, 222, 2221, 2222, 223, …
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="occupation_level_1_to_4"),
            models.CheckConstraint(
                condition=Q(level=1, parent__isnull=True) | Q(level__gt=1, parent__isnull=False),
                name="occupation_parent_below_major_group",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name_fi}"
