"""REST API of planning under /api/v1/planning/: store a scenario, run it beside the baseline; the phone service's
staffing by Erlang C. Numbers only."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, PolymorphicProxySerializer, extend_schema, inline_serializer
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from accounts import permissions_planning
from common.api import Allowed, django_errors
from planning import erlang, phone_services, selectors, services
from planning.models import Scenario
from planning.scenarios import Kind

_CHANGE = inline_serializer(
    "ScenarioChangeInput",
    {
        "kind": serializers.ChoiceField(choices=[k.value for k in Kind]),
        "municipality": serializers.CharField(help_text="kuntanumero, esim. 765"),
        "month": serializers.CharField(help_text="VVVV-KK"),
        "employer": serializers.CharField(required=False),
        "people": serializers.IntegerField(required=False),
        "share_registering": serializers.DecimalField(max_digits=4, decimal_places=3, required=False),
        "monthly_outflow": serializers.DecimalField(max_digits=4, decimal_places=3, required=False),
        "percent": serializers.DecimalField(max_digits=6, decimal_places=2, required=False),
        "fte": serializers.DecimalField(max_digits=6, decimal_places=2, required=False),
    },
)
_REQUEST = inline_serializer(
    "ScenarioInput",
    {
        "name": serializers.CharField(),
        "start_month": serializers.CharField(required=False, help_text="VVVV-KK; oletus kuluva kuukausi"),
        "changes": serializers.ListField(child=_CHANGE),
    },
)
_ROW_FIELDS = {
    "month": serializers.CharField(),
    "municipality": serializers.CharField(),
    "clients": serializers.IntegerField(),
    "fte": serializers.DecimalField(max_digits=8, decimal_places=2),
    "clients_per_fte": serializers.DecimalField(max_digits=10, decimal_places=1, allow_null=True),
    "meeting_hours": serializers.DecimalField(max_digits=12, decimal_places=1),
    "fte_gap": serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True),
}
# One row class for both lists, so the schema has one "ScenarioMonthRow" component.
_MONTH_ROW = inline_serializer("ScenarioMonthRow", _ROW_FIELDS)
_RUN = inline_serializer(
    "ScenarioRun",
    {
        "id": serializers.IntegerField(),
        "months": type(_MONTH_ROW)(many=True),
        "baseline": type(_MONTH_ROW)(many=True),
    },
)
_CREATED = inline_serializer("ScenarioCreated", {"id": serializers.IntegerField(), "name": serializers.CharField()})


def _row(row) -> dict:
    return {
        "month": f"{row.month:%Y-%m}",
        "municipality": row.code,
        "clients": row.clients,
        "fte": str(row.fte),
        "clients_per_fte": None if row.clients_per_fte is None else str(row.clients_per_fte),
        "meeting_hours": str(row.meeting_hours),
        "fte_gap": None if row.fte_gap is None else str(row.fte_gap),
    }


@extend_schema(tags=["planning"])
class ScenarioViewSet(viewsets.GenericViewSet):
    """Scenarios of the area: stored by the area's management, run by whoever may read planning figures."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"create": permissions_planning.can_manage_scenarios, "run": permissions_planning.can_view_planning}
    queryset = Scenario.objects.none()
    pagination_class = None
    lookup_value_regex = "[0-9]+"

    @extend_schema(request=_REQUEST, responses={201: _CREATED, 400: OpenApiResponse(description="kenttä → virheet")})
    def create(self, request):
        data = request.data if isinstance(request.data, dict) else None
        if data is None:
            return Response({"non_field_errors": [_("Odotettiin JSON-oliota.")]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            scenario = services.create_scenario(
                request.user, name=data.get("name"), changes=data.get("changes"), start_month=data.get("start_month")
            )
        except DjangoValidationError as error:
            raise django_errors(error) from error
        return Response({"id": scenario.pk, "name": scenario.name}, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: _RUN})
    @action(detail=True, methods=["post"])
    def run(self, request, pk=None):
        scenario = selectors.get_scenario(request.user, pk)
        if scenario is None:
            raise NotFound
        comparison = selectors.compare(request.user, scenario)
        return Response(
            {
                "id": scenario.pk,
                "months": [_row(r) for r in comparison.rows],
                "baseline": [_row(r) for r in comparison.baseline],
            }
        )


_PHONE_REQUEST = inline_serializer(
    "PhoneStaffingInput",
    {
        "calls_per_hour": serializers.JSONField(help_text="puheluita tunnissa: luku tai lista tuntien lukuja"),
        "average_handling_seconds": serializers.DecimalField(max_digits=8, decimal_places=2),
        "target_answer_seconds": serializers.DecimalField(max_digits=8, decimal_places=2),
        "target_service_level": serializers.DecimalField(max_digits=4, decimal_places=3, help_text="osuus 0–1"),
        "shrinkage": serializers.DecimalField(
            max_digits=4, decimal_places=3, required=False, help_text="osuus 0–0,95; oletus 0"
        ),
    },
)
_PHONE_RESULT_FIELDS = {
    "agents": serializers.IntegerField(allow_null=True, help_text="vuorossa tarvitaan (poissaolokertoimen jälkeen)"),
    "agents_on_phone": serializers.IntegerField(allow_null=True),
    "service_level": serializers.FloatField(allow_null=True),
    "average_wait_seconds": serializers.FloatField(allow_null=True),
    "occupancy": serializers.FloatField(allow_null=True),
    "traffic_erlangs": serializers.FloatField(),
    "feasible": serializers.BooleanField(),
    "reason": serializers.ChoiceField(choices=[(r.value, r.name) for r in erlang.Reason]),
}
_PHONE_RESULT = inline_serializer("PhoneStaffingResult", _PHONE_RESULT_FIELDS)
_PHONE_RESPONSE = PolymorphicProxySerializer(
    component_name="PhoneStaffingResponse",
    serializers=[_PHONE_RESULT, type(_PHONE_RESULT)(many=True)],
    resource_type_field_name=None,
    many=False,
)


def _staffing(result: erlang.Staffing) -> dict:
    def rounded(value, places):
        return None if value is None else round(value, places)

    return {
        "agents": result.agents,
        "agents_on_phone": result.agents_on_phone,
        "service_level": rounded(result.service_level, 4),
        "average_wait_seconds": rounded(result.average_wait_seconds, 1),
        "occupancy": rounded(result.occupancy, 4),
        "traffic_erlangs": round(result.traffic, 3),
        "feasible": result.feasible,
        "reason": result.reason.value,
    }


@extend_schema(tags=["planning"])
class PhoneStaffingViewSet(viewsets.GenericViewSet):
    """Agents the shared phone service needs for an hour's calls (or each of a list of hours), by Erlang C."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"create": permissions_planning.can_view_planning}
    queryset = Scenario.objects.none()
    pagination_class = None

    @extend_schema(
        request=_PHONE_REQUEST,
        responses={200: _PHONE_RESPONSE, 400: OpenApiResponse(description="kenttä → virheet")},
    )
    def create(self, request):
        try:
            answer = phone_services.staffing_request(request.data)
        except DjangoValidationError as error:
            raise django_errors(error) from error
        if isinstance(answer, list):
            return Response([_staffing(result) for result in answer])
        return Response(_staffing(answer))


def register(router):
    router.register("planning/scenarios", ScenarioViewSet, basename="planning-scenario")
    router.register("planning/phone-staffing", PhoneStaffingViewSet, basename="planning-phone-staffing")
