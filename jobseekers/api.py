"""REST API of the job-seeker registry: thin over selectors and services; every read of a person is logged.

The identity code is accepted (registration, exact search) but never returned: responses carry the birth date and sex
derived from it.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.debug import sensitive_variables
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed, django_errors
from jobseekers import hetu_store, languages, organisation_adapter, selectors, services, tables
from jobseekers.models import Jobseeker


def _language() -> str:
    language = (get_language() or "fi")[:2]
    return language if language in ("fi", "sv", "en") else "fi"


def _office(office) -> dict | None:
    if office is None:
        return None
    return {"id": office.pk, "key": office.key, "name": office.name, "address": office.full_address}


def _team(team) -> dict | None:
    if team is None:
        return None
    return {"id": team.pk, "key": team.key, "name": team.name, "target_group": team.target_group}


# --- Serializers ----------------------------------------------------------------------------------------------


class JobseekerSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    age = serializers.SerializerMethodField()
    youth = serializers.SerializerMethodField()
    long_term_unemployed = serializers.SerializerMethodField()
    foreign_language = serializers.BooleanField(source="is_foreign_language", read_only=True)
    foreigner = serializers.BooleanField(source="is_foreigner", read_only=True)
    route = serializers.SerializerMethodField()
    counsellor = serializers.SerializerMethodField()

    class Meta:
        model = Jobseeker
        fields = [
            "id",
            "first_name",
            "last_name",
            "birth_date",
            "sex",
            "age",
            "youth",
            "municipality",
            "citizenship",
            "foreigner",
            "preferred_language",
            "service_language",
            "foreign_language",
            "phone",
            "email",
            "street_address",
            "postal_code",
            "post_town",
            "preferred_channel",
            "job_search_started_on",
            "unemployed_since",
            "previous_job_search_ended_on",
            "status",
            "long_term_unemployed",
            "reduced_work_ability",
            "multisectoral",
            "occupations",
            "education_level",
            "driving_licences",
            "willing_to_relocate",
            "max_commute_km",
            "route",
            "counsellor",
        ]

    def get_age(self, obj) -> int:
        return obj.age()

    def get_youth(self, obj) -> bool:
        return obj.is_youth()

    def get_long_term_unemployed(self, obj) -> bool:
        return obj.is_long_term_unemployed()

    def get_route(self, obj) -> dict:
        return {
            "target_group": obj.target_group,
            "serving_municipality": obj.serving_municipality.code,
            "team": _team(obj.team),
            "office": _office(obj.meeting_office),
            "pool": obj.pool,
            "routed_on": obj.routed_on,
        }

    def get_counsellor(self, obj) -> dict | None:
        counsellor = obj.responsible_counsellor
        if counsellor is None:
            return None
        return {"id": counsellor.pk, "name": str(counsellor)}


class JobseekerDetailSerializer(JobseekerSerializer):
    counsellor_history = serializers.SerializerMethodField()

    class Meta(JobseekerSerializer.Meta):
        fields = [*JobseekerSerializer.Meta.fields, "counsellor_history"]

    def get_route(self, obj) -> dict:
        route = super().get_route(obj)
        organisation = self.context["organisation"]
        decision = organisation.route(
            municipality_code=obj.municipality.code,
            service_language=obj.service_language,
            birth_date=obj.birth_date,
            multisectoral=obj.multisectoral,
            on=timezone.localdate(),
        )
        route["explanation"] = getattr(decision.explanation, _language())
        route["current_pool"] = decision.pool.id
        return route

    def get_counsellor_history(self, obj) -> list[dict]:
        return [
            {
                "counsellor": {"id": a.counsellor_id, "name": str(a.counsellor)},
                "started_at": a.started_at,
                "ended_at": a.ended_at,
                "reason": a.reason,
                "note": a.note,
            }
            for a in selectors.counsellor_history(obj)
        ]


class JobseekerCreateSerializer(serializers.Serializer):
    """Types only; the rules (HETU, municipality, languages, dates, duplicates) are in services.clean_registration."""

    hetu = serializers.CharField(max_length=64, write_only=True, help_text="Henkilötunnus, 11 merkkiä.")
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    municipality = serializers.CharField(max_length=3, help_text="Kotikunnan kuntanumero, esim. 205.")
    service_language = serializers.CharField(max_length=3, help_text="ISO 639-1: fi, sv tai muu.")
    preferred_language = serializers.CharField(max_length=3, required=False, allow_blank=True)
    citizenship = serializers.CharField(max_length=2, required=False, allow_blank=True)
    job_search_started_on = serializers.DateField()
    unemployed_since = serializers.DateField(required=False, allow_null=True)
    previous_job_search_ended_on = serializers.DateField(
        required=False, allow_null=True, help_text="Edellisen työnhaun päättymispäivä (alle 6 kk: ei alkuhaastattelua)."
    )
    status = serializers.CharField(max_length=30, help_text="Esim. unemployed, employed, in_services.")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)
    street_address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    postal_code = serializers.CharField(max_length=5, required=False, allow_blank=True)
    post_town = serializers.CharField(max_length=100, required=False, allow_blank=True)
    preferred_channel = serializers.CharField(max_length=20, required=False, allow_blank=True)
    reduced_work_ability = serializers.BooleanField(required=False, default=False)
    multisectoral = serializers.BooleanField(required=False, default=False)
    occupations = serializers.ListField(child=serializers.CharField(max_length=10), required=False)
    education_level = serializers.CharField(max_length=20, required=False, allow_blank=True)
    driving_licences = serializers.ListField(child=serializers.CharField(max_length=5), required=False)
    willing_to_relocate = serializers.BooleanField(required=False, default=False)
    max_commute_km = serializers.IntegerField(required=False, allow_null=True)


class ListFilterSerializer(serializers.Serializer):
    municipality = serializers.CharField(max_length=3, required=False, allow_blank=True)
    status = serializers.CharField(max_length=30, required=False, allow_blank=True)
    counsellor = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)


class RoutePreviewSerializer(serializers.Serializer):
    municipality = serializers.CharField(max_length=3, help_text="Kotikunnan kuntanumero.")
    service_language = serializers.CharField(max_length=3, help_text="ISO 639-1: fi, sv tai muu.")
    birth_date = serializers.DateField()
    multisectoral = serializers.BooleanField(required=False, default=False)


class HetuSearchSerializer(serializers.Serializer):
    hetu = serializers.CharField(max_length=64, write_only=True)


class AssignSerializer(serializers.Serializer):
    municipality = serializers.CharField(
        max_length=3, required=False, help_text="Rajaa jaon palvelevaan kuntaan (kuntanumero)."
    )


ROUTE_RESPONSE = inline_serializer(
    "RoutePreviewResult",
    {
        "target_group": serializers.CharField(),
        "serving_municipality": serializers.CharField(),
        "serving_municipality_name": serializers.CharField(),
        "team": serializers.DictField(allow_null=True),
        "office": serializers.DictField(allow_null=True),
        "pool": serializers.CharField(),
        "arrangement": serializers.CharField(allow_null=True),
        "explanation": serializers.CharField(),
        "explanations": serializers.DictField(),
        "also_available": serializers.ListField(child=serializers.DictField()),
    },
)
ASSIGN_RESPONSE = inline_serializer(
    "AssignmentReport",
    {
        "assigned": serializers.IntegerField(),
        "unassigned": serializers.IntegerField(),
        "shortfalls": serializers.ListField(child=serializers.DictField()),
        "notes": serializers.ListField(child=serializers.CharField()),
    },
)


# --- Views ----------------------------------------------------------------------------------------------------


@extend_schema(tags=["jobseekers"])
class JobseekerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = JobseekerSerializer
    queryset = Jobseeker.objects.none()
    predicates = {
        "list": permissions.can_search_jobseekers,
        "retrieve": permissions.is_staff_member,  # out of scope is a 404 (and a denied row), not a 403
        "create": permissions.can_register_jobseeker,
        "route_preview": permissions.can_preview_route,
        "hetu_search": permissions.can_search_jobseekers,
        "assign": permissions.can_assign_batch,
    }

    def get_queryset(self):
        filters = ListFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        values = filters.validated_data
        return selectors.search(
            self.request.user,
            municipality=values.get("municipality", ""),
            status=values.get("status", ""),
            counsellor=values.get("counsellor"),
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["organisation"] = organisation_adapter.for_request(self.request)
        return context

    @extend_schema(
        parameters=[
            OpenApiParameter("municipality", str, description="Kotikunnan kuntanumero."),
            OpenApiParameter("status", str, description="Tila, esim. unemployed."),
            OpenApiParameter("counsellor", int, description="Vastuuohjaajan käyttäjätunniste (id)."),
        ],
        responses={200: JobseekerSerializer(many=True), 400: None},
    )
    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        selectors.log_listing(request.user, page, view="api:jobseeker-list", purpose="asiakasluettelo (API)")
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(responses=JobseekerDetailSerializer)
    def retrieve(self, request, pk=None):
        jobseeker = selectors.get_jobseeker(
            request.user, pk, view="api:jobseeker-detail", purpose="asiakastiedot (API)"
        )
        return Response(JobseekerDetailSerializer(jobseeker, context=self.get_serializer_context()).data)

    @extend_schema(request=JobseekerCreateSerializer, responses={201: JobseekerDetailSerializer})
    @sensitive_variables("serializer")
    def create(self, request):
        serializer = JobseekerCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            jobseeker = services.register_jobseeker(
                serializer.validated_data,
                registered_by=request.user,
                organisation=organisation_adapter.for_request(request),
            )
        except DjangoValidationError as error:
            raise django_errors(error) from None
        if not permissions.can_view_jobseeker(request.user, jobseeker):
            # Registered for another municipality's counsellors: the registrant gets the id, not the record.
            return Response({"id": jobseeker.pk}, status=status.HTTP_201_CREATED)
        jobseeker = selectors.get_jobseeker(
            request.user, jobseeker.pk, view="api:jobseeker-create", purpose="rekisteröinti (API)"
        )
        data = JobseekerDetailSerializer(jobseeker, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(request=RoutePreviewSerializer, responses=ROUTE_RESPONSE)
    @action(detail=False, methods=["post"], url_path="route-preview")
    def route_preview(self, request):
        serializer = RoutePreviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organisation = organisation_adapter.for_request(request)
        errors = {}
        code = data["municipality"].strip()
        if code not in organisation.municipality_ids:
            errors["municipality"] = [f"Kunta {code} ei kuulu työllisyysalueeseen."]
        language = languages.normalise_language(data["service_language"])
        if not languages.is_language(language):
            errors["service_language"] = ["Kielikoodi ei ole ISO 639-1 -koodi (esim. fi, sv, en, ru)."]
        today = timezone.localdate()
        if data["birth_date"] > today:
            errors["birth_date"] = ["Syntymäaika on tulevaisuudessa."]
        if errors:
            raise ValidationError(errors)
        decision = organisation.route(
            municipality_code=code,
            service_language=language,
            birth_date=data["birth_date"],
            multisectoral=data["multisectoral"],
            on=today,
        )
        return Response(route_payload(decision, organisation))

    @extend_schema(request=HetuSearchSerializer, responses=JobseekerDetailSerializer)
    @action(detail=False, methods=["post"], url_path="hetu-search")
    def hetu_search(self, request):
        serializer = HetuSearchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            parsed = hetu_store.validate(serializer.validated_data["hetu"], allow_temporary=True)
        except DjangoValidationError as error:
            raise ValidationError({"hetu": error.messages}) from None
        jobseeker = selectors.find_by_hetu(
            request.user, parsed.code, view="api:jobseeker-hetu-search", purpose="haku henkilötunnuksella (API)"
        )
        if jobseeker is None:
            return Response({"detail": "Ei löytynyt."}, status=status.HTTP_404_NOT_FOUND)
        return Response(JobseekerDetailSerializer(jobseeker, context=self.get_serializer_context()).data)

    @extend_schema(request=AssignSerializer, responses=ASSIGN_RESPONSE)
    @action(detail=False, methods=["post"], url_path="assign")
    def assign(self, request):
        serializer = AssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        scope = permissions.assignment_scope(request.user)
        code = serializer.validated_data.get("municipality")
        if code:
            from django.db.models import Q

            scope = scope & Q(serving_municipality__code=code)
        report = services.assign_unassigned(scope=scope, by=request.user)
        return Response(
            {
                "assigned": report.assigned,
                "unassigned": report.unassigned,
                "shortfalls": [
                    {
                        "pool": s.pool,
                        "name": s.name,
                        "clients": s.clients,
                        "capacity": s.capacity,
                        "missing_fte": s.missing_fte,
                        "message": s.message,
                    }
                    for s in report.shortfalls
                ],
                "notes": report.notes,
            }
        )


def route_payload(decision, organisation) -> dict:
    language = _language()
    team_id = organisation.team_ids.get(decision.team.key) if decision.team else None
    office = decision.meeting_office

    def office_payload(item):
        if item is None:
            return None
        return {
            "id": organisation.office_ids[item.key],
            "key": item.key,
            "name": item.name,
            "address": item.full_address,
        }

    return {
        "target_group": decision.target_group.value,
        "serving_municipality": decision.serving_municipality.code,
        "serving_municipality_name": decision.serving_municipality.name_fi,
        "team": (
            {
                "id": team_id,
                "key": decision.team.key,
                "name": decision.team.name,
                "target_group": decision.team.target_group.value,
            }
            if decision.team
            else None
        ),
        "office": office_payload(office),
        "pool": decision.pool.id,
        "arrangement": decision.arrangement.key if decision.arrangement else None,
        "explanation": getattr(decision.explanation, language),
        "explanations": {"fi": decision.explanation.fi, "sv": decision.explanation.sv, "en": decision.explanation.en},
        "also_available": [
            {
                "arrangement": s.arrangement.key,
                "municipality": s.provider.code,
                "office": office_payload(s.office),
                "explanation": getattr(s.explanation, language),
            }
            for s in decision.also_available
        ],
    }


class _OneObjectSchema(AutoSchema):
    """The caseload "list" answers one object of three tables, not an array."""

    def _is_list_view(self, serializer=None) -> bool:
        return False


@extend_schema(tags=["caseloads"])
class CaseloadViewSet(viewsets.ViewSet):
    """Clients per counsellor, team and municipality against the plan's targets: numbers only, for all staff."""

    schema = _OneObjectSchema()
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"list": permissions.can_view_caseloads}

    @extend_schema(
        parameters=[OpenApiParameter("municipality", str, description="Rajaa kuntaan (kuntanumero).")],
        responses=inline_serializer(
            "Caseloads",
            {
                "municipalities": serializers.ListField(child=serializers.DictField()),
                "teams": serializers.ListField(child=serializers.DictField()),
                "counsellors": serializers.ListField(child=serializers.DictField()),
            },
        ),
    )
    def list(self, request):
        data = tables.caseload_tables(request.user, municipality_code=request.query_params.get("municipality", ""))
        keys = ("name", "municipality", "team", "clients", "unassigned", "residents", "fte", "per_fte", "target",
                "wording", "status_code", "fte_needed", "note")  # fmt: skip

        def rows(table):
            return [{key: row.get(key) for key in keys} for row in table.rows]

        return Response(
            {
                "municipalities": rows(data["municipality_table"]),
                "teams": rows(data["team_table"]),
                "counsellors": rows(data["counsellor_table"]),
            }
        )


def register(router):
    router.register("jobseekers", JobseekerViewSet, basename="jobseeker")
    router.register("caseloads", CaseloadViewSet, basename="caseload")
