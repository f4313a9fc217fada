"""REST API of the job-seeker registry: thin over selectors and services; every read of a person is logged.

The identity code is accepted (registration, exact search) but never returned: responses carry the birth date and sex
derived from it.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed, django_errors
from jobseekers import (
    batch,
    change_texts,
    changes,
    hetu_store,
    languages,
    organisation_adapter,
    selectors,
    services,
    tables,
)
from jobseekers.enums import STATUS_CONCEPTS, JobseekerStatus
from jobseekers.forms import HETU_AMBIGUOUS
from jobseekers.models import Jobseeker
from jobseekers.serializers import (
    ASSIGN_RESPONSE,
    ROUTE_CHANGE,
    ROUTE_RESPONSE,
    AssignSerializer,
    EndJobSearchSerializer,
    HetuSearchSerializer,
    JobseekerCreateSerializer,
    JobseekerDetailSerializer,
    JobseekerSerializer,
    JobseekerUpdateSerializer,
    ListFilterSerializer,
    RoutePreviewSerializer,
    change_rows,
    route_change_payload,
    route_payload,
)


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
        "partial_update": permissions.can_edit_jobseeker,
        "end_job_search": permissions.can_edit_jobseeker,
    }

    def get_queryset(self):
        filters = ListFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        values = filters.validated_data
        return selectors.search(
            self.request.user,
            name=values.get("name", ""),
            birth_date=values.get("birth_date"),
            municipality=values.get("municipality", ""),
            status=values.get("status", ""),
            concept=values.get("concept", ""),
            counsellor=values.get("counsellor"),
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["organisation"] = organisation_adapter.for_request(self.request)
        return context

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "name",
                str,
                description="Nimi tai sen osa, etu- ja sukunimi missä järjestyksessä tahansa, pilkun kanssa tai ilman; "
                "kirjainkoko ja tarkkeet (ä, ö, å) eivät vaikuta.",
            ),
            OpenApiParameter("birth_date", OpenApiTypes.DATE, description="Syntymäaika (1990-11-28 tai 28.11.1990)."),
            OpenApiParameter("municipality", str, description="Kotikunnan kuntanumero."),
            OpenApiParameter(
                "status",
                str,
                enum=JobseekerStatus.values,
                description="Täsmälleen tämä tila. `unemployed` on vain tila työtön: kokoaikaisesti lomautetut "
                "(`fully_laid_off`) eivät sisälly siihen; Tilastokeskuksen työttömät saa parametrilla concept.",
            ),
            OpenApiParameter(
                "concept",
                str,
                enum=sorted(STATUS_CONCEPTS),
                description="Tilojen ryhmä tilaston käsitteen mukaan, kuten tilasto-API:n concept. `unemployed` = "
                "työttömät työnhakijat Tilastokeskuksen määritelmän mukaan: työttömät ja kokoaikaisesti lomautetut "
                "(`unemployed`, `fully_laid_off`); osa-aikaisesti lomautetut eivät ole työttömiä.",
            ),
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

    def _after_change(self, request, jobseeker, view: str, purpose: str, extra: dict) -> Response:
        """The record after a change, with what changed; only the id when the change took it out of the user's scope."""
        if not permissions.can_view_jobseeker(request.user, jobseeker):
            return Response({"id": jobseeker.pk, **extra})
        jobseeker = selectors.get_jobseeker(request.user, jobseeker.pk, view=view, purpose=purpose)
        data = JobseekerDetailSerializer(jobseeker, context=self.get_serializer_context()).data
        return Response({**data, **extra})

    @extend_schema(
        request=JobseekerUpdateSerializer,
        responses={
            200: inline_serializer(
                "JobseekerChanged",
                {
                    "changes": serializers.ListField(child=serializers.DictField()),
                    "route_change": inline_serializer("RouteChange", ROUTE_CHANGE, allow_null=True),
                },
            ),
            400: None,
            409: None,
        },
        description="Muuttaa annetut tiedot. Tilan muutos on voimassa status_effective_on-päivästä (oletus tänään). "
        "Jos muutos siirtää asiakkaan toiseen ohjaajaryhmään, vastuuohjaaja lasketaan uudelleen: route_change kertoo "
        "vanhan ja uuden ryhmän ja ohjaajan. Vastaus on asiakkaan tiedot ja lisäksi changes ja route_change.",
    )
    def partial_update(self, request, pk=None):
        jobseeker = selectors.get_jobseeker(
            request.user, pk, view="api:jobseeker-update", purpose="tietojen muutos (API)"
        )
        serializer = JobseekerUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        try:
            result = changes.update_jobseeker(
                jobseeker,
                dict(serializer.validated_data),
                by=request.user,
                organisation=organisation_adapter.for_request(request),
            )
        except DjangoValidationError as error:
            raise django_errors(error) from None
        extra = {
            "changes": change_rows(change_texts.describe(result.changes)),
            "route_change": route_change_payload(result.route_change),
        }
        return self._after_change(request, result.jobseeker, "api:jobseeker-update", "tietojen muutos (API)", extra)

    @extend_schema(
        request=EndJobSearchSerializer,
        responses={
            200: inline_serializer(
                "JobSearchEnded",
                {
                    "job_search_ended_on": serializers.DateField(),
                    "changes": serializers.ListField(child=serializers.DictField()),
                },
            ),
            400: None,
        },
        description="Päättää työnhaun: asiakas poistuu työjonoista ja asiakasmääristä, avoin määräaika sulkeutuu ja "
        "vastuuohjaajuus päättyy. Uusi rekisteröinti samalla henkilötunnuksella avaa tiedot uudelleen. "
        "Vastaus on asiakkaan tiedot ja lisäksi job_search_ended_on ja changes "
        "(vain id, jos asiakas ei enää näy käyttäjälle).",
    )
    @action(detail=True, methods=["post"], url_path="end-job-search")
    def end_job_search(self, request, pk=None):
        jobseeker = selectors.get_jobseeker(
            request.user, pk, view="api:jobseeker-end-job-search", purpose="työnhaun päättäminen (API)"
        )
        serializer = EndJobSearchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            change = changes.end_job_search(
                jobseeker,
                ended_on=data.get("ended_on"),
                reason=data.get("reason", ""),
                note=data.get("note", ""),
                by=request.user,
            )
        except DjangoValidationError as error:
            raise django_errors(error) from None
        extra = {"job_search_ended_on": change.effective_on, "changes": change_rows(change_texts.describe([change]))}
        return self._after_change(
            request, change.jobseeker, "api:jobseeker-end-job-search", "työnhaun päättäminen (API)", extra
        )

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
            readings = hetu_store.validate_readings(serializer.validated_data["hetu"], allow_temporary=True)
        except DjangoValidationError as error:
            raise ValidationError({"hetu": error.messages}) from None
        found = selectors.find_by_hetu(
            request.user,
            [reading.code for reading in readings],
            view="api:jobseeker-hetu-search",
            purpose="haku henkilötunnuksella (API)",
        )
        if len(found) > 1:
            raise ValidationError({"hetu": [HETU_AMBIGUOUS]})
        if not found:
            return Response({"detail": "Ei löytynyt."}, status=status.HTTP_404_NOT_FOUND)
        jobseeker = found[0]
        return Response(JobseekerDetailSerializer(jobseeker, context=self.get_serializer_context()).data)

    @extend_schema(request=AssignSerializer, responses=ASSIGN_RESPONSE)
    @action(detail=False, methods=["post"], url_path="assign")
    def assign(self, request):
        serializer = AssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        scope = permissions.assignment_scope(request.user)
        code = serializer.validated_data.get("municipality")
        if code:
            scope = scope & Q(serving_municipality__code=code)
        report = batch.assign_unassigned(scope=scope, by=request.user)
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
