from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts import permissions
from labour_market import figures, selectors
from labour_market.consistency import explanations
from labour_market.parsers import parse_month


class CanViewStatistics(drf_permissions.BasePermission):
    def has_permission(self, request, view):
        return permissions.can_view_statistics(request.user)


def _as_printed(value: Decimal | None, decimals: int) -> str | None:
    """The figure with the decimals it was printed with, as a string so that "7" and "7.0" stay apart."""
    printed = selectors.as_printed(value, decimals)
    return None if printed is None else format(printed, "f")


class MunicipalStatisticSerializer(serializers.Serializer):
    table = serializers.CharField(source="table.key")
    municipality = serializers.CharField(
        source="municipality.code", allow_null=True, help_text="Kuntanumero; null on alueen oma julkaistu rivi."
    )
    month = serializers.SerializerMethodField()
    indicator = serializers.CharField(source="indicator.code")
    status = serializers.CharField(help_text="published, suppressed, missing tai zero.")
    value = serializers.SerializerMethodField(help_text="Luku painetulla tarkkuudella; null kun salattu tai puuttuu.")
    decimals = serializers.IntegerField()

    def get_month(self, statistic) -> str:
        return statistic.month.strftime("%Y-%m")

    def get_value(self, statistic) -> str | None:
        return _as_printed(statistic.value, statistic.decimals)

    def to_representation(self, statistic):
        data = super().to_representation(statistic)
        if statistic.municipality is None:
            data["municipality"] = None
        return data


class CommutingStatisticSerializer(serializers.Serializer):
    table = serializers.CharField(source="table.key")
    municipality = serializers.CharField(source="municipality.code", allow_null=True)
    period = serializers.CharField()
    labour_force = serializers.IntegerField(allow_null=True)
    commuting_in = serializers.IntegerField(allow_null=True)
    commuting_out = serializers.IntegerField(allow_null=True)
    working_in_own_municipality = serializers.IntegerField(allow_null=True)
    job_self_sufficiency = serializers.SerializerMethodField(help_text="Julkaistu luku painetulla tarkkuudella.")
    job_self_sufficiency_recomputed = serializers.SerializerMethodField(
        help_text="(oma kunta + pendelöinti kuntaan) / (oma kunta + pendelöinti kunnasta) × 100, kolmella desimaalilla."
    )

    def get_job_self_sufficiency(self, statistic) -> str | None:
        return _as_printed(statistic.job_self_sufficiency, statistic.job_self_sufficiency_decimals)

    def get_job_self_sufficiency_recomputed(self, statistic) -> str | None:
        flows = selectors.commuting_flows(statistic)
        value = figures.job_self_sufficiency(flows) if flows else None
        return None if value is None else format(figures.round_half_up(value, 3), "f")

    def to_representation(self, statistic):
        data = super().to_representation(statistic)
        if statistic.municipality is None:
            data["municipality"] = None
        return data


class FindingSerializer(serializers.Serializer):
    """One finding of the consistency check, with the same keys as `check_statistics --json`."""

    table = serializers.CharField()
    municipality = serializers.CharField(allow_null=True)
    quantity = serializers.CharField()
    published = serializers.FloatField(allow_null=True)
    recomputed = serializers.FloatField(allow_null=True)
    explanation = serializers.CharField()
    column = serializers.CharField()
    month = serializers.CharField(allow_null=True)
    difference = serializers.FloatField(allow_null=True)
    recomputed_min = serializers.FloatField(allow_null=True)
    recomputed_max = serializers.FloatField(allow_null=True)
    other_table = serializers.CharField(allow_null=True)
    kind = serializers.CharField()
    severity = serializers.CharField()
    area = serializers.CharField()


@extend_schema(
    parameters=[
        OpenApiParameter("month", OpenApiTypes.STR, description="Kuukausi muodossa VVVV-KK, esim. 2023-08."),
        OpenApiParameter("municipality", OpenApiTypes.STR, description="Kuntanumero, esim. 205."),
        OpenApiParameter("table", OpenApiTypes.STR, description="Taulukon tunniste."),
        OpenApiParameter("indicator", OpenApiTypes.STR, description="Tiedon koodi, esim. TYOTTOMATLOPUSSA."),
        OpenApiParameter(
            "concept",
            OpenApiTypes.STR,
            enum=[concept.value for concept in figures.Concept],
            description="Tiedon rooli. `unemployed` = työttömät työnhakijat Tilastokeskuksen määritelmän mukaan: "
            "työttömät ja kokoaikaisesti lomautetut (työnvälitystilaston TYOTTOMATLOPUSSA); osa-aikaisesti "
            "lomautetut eivät ole työttömiä.",
        ),
    ]
)
class MunicipalStatisticViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Monthly municipal figures as published: value, status (published/suppressed/missing/zero) and precision."""

    serializer_class = MunicipalStatisticSerializer
    permission_classes = [drf_permissions.IsAuthenticated, CanViewStatistics]

    def get_queryset(self):
        params = self.request.query_params
        month = None
        if params.get("month"):
            month = parse_month(params["month"])
            if month is None:
                raise ValidationError({"month": [_("Kuukauden muoto on VVVV-KK, esimerkiksi 2023-08.")]})
        concept = params.get("concept", "")
        if concept and concept not in set(figures.Concept):
            known = ", ".join(c.value for c in figures.Concept)
            raise ValidationError({"concept": [_("Tuntematon tiedon rooli. Sallitut: %(known)s.") % {"known": known}]})
        return selectors.municipal_statistics(
            self.request.user,
            month=month,
            municipality_code=params.get("municipality", ""),
            table_key=params.get("table", ""),
            indicator_code=params.get("indicator", ""),
            concept=concept,
        )


class CommutingStatisticViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Commuting figures as published, with job self-sufficiency recomputed beside the published one."""

    serializer_class = CommutingStatisticSerializer
    permission_classes = [drf_permissions.IsAuthenticated, CanViewStatistics]

    def get_queryset(self):
        return selectors.commuting_statistics(self.request.user)


class ConsistencyViewSet(viewsets.GenericViewSet):
    """The consistency check's findings: each published figure that differs from its recomputation."""

    serializer_class = FindingSerializer
    permission_classes = [drf_permissions.IsAuthenticated, CanViewStatistics]
    pagination_class = None

    @extend_schema(responses=FindingSerializer(many=True))
    def list(self, request):
        area = selectors.area(request.user)
        slug = area.slug if area else ""
        return Response(
            [{**explanations.as_dict(finding), "area": slug} for finding in selectors.findings(request.user)]
        )


class OccupationSerializer(serializers.Serializer):
    code = serializers.CharField()
    level = serializers.IntegerField(help_text="1 pääluokka, 2 luokka, 3 ryhmä, 4 ammattiryhmä (unit group).")
    parent = serializers.CharField(source="parent.code", allow_null=True, help_text="Yläryhmän koodi; null tasolla 1.")
    name_fi = serializers.CharField(help_text="Nimi Tilastokeskuksen Ammattiluokitus 2010:n mukaan.")
    name_en = serializers.CharField(help_text="ILO:n ISCO-08-nimi.")


class OccupationQuerySerializer(serializers.Serializer):
    """The list's query parameters; one it does not know is refused by name, not silently ignored."""

    # Read by the paginator (common.pagination) and by DRF's renderer choice.
    PASSED_ON = frozenset({"limit", "offset", "format"})

    q = serializers.CharField(max_length=100, required=False, allow_blank=True)
    level = serializers.IntegerField(min_value=1, max_value=4, required=False)

    def to_internal_value(self, data):
        unknown = sorted(set(data) - set(self.fields) - self.PASSED_ON)
        if unknown:
            known = ", ".join(sorted({*self.fields, "limit", "offset"}))
            message = _("Tuntematon parametri. Sallitut: %(known)s.") % {"known": known}
            raise ValidationError({name: [message] for name in unknown})
        return super().to_internal_value(data)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "q",
            OpenApiTypes.STR,
            description="Koodin alku (esim. 22) tai nimen osa suomeksi tai englanniksi (esim. sairaanhoit, nurse); "
            "kirjainkoko ja tarkkeet eivät vaikuta, useamman sanan on löydyttävä kaikkien.",
        ),
        OpenApiParameter("level", OpenApiTypes.INT, description="Taso 1–4; 4 on ammattiryhmä (unit group)."),
    ]
)
class OccupationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The ISCO-08 occupation classification with Finnish and English names, searched by code or name."""

    serializer_class = OccupationSerializer
    permission_classes = [drf_permissions.IsAuthenticated, CanViewStatistics]

    def get_queryset(self):
        query = OccupationQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        return selectors.occupations(self.request.user, query=values.get("q", ""), level=values.get("level"))


def register(router):
    router.register("statistics/municipal", MunicipalStatisticViewSet, basename="statistics-municipal")
    router.register("statistics/commuting", CommutingStatisticViewSet, basename="statistics-commuting")
    router.register("statistics/consistency", ConsistencyViewSet, basename="statistics-consistency")
    router.register("occupations", OccupationViewSet, basename="occupation")
