"""REST API of employers and vacancies under /api/v1/employers/ and /api/v1/vacancies/: list, create, retrieve and
partial update. Thin: serializers type the input, the services decide; neither shows a job seeker, so nothing is
access-logged (docs/decisions/0009-employers-app.md)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed, django_errors
from employers import selectors, services
from employers.models import Employer, Vacancy
from employers.serializers import (
    EmployerQuerySerializer,
    EmployerSerializer,
    VacancyQuerySerializer,
    VacancySerializer,
)

READS = permissions.can_view_employers


def _written(write):
    try:
        return write()
    except DjangoValidationError as error:
        raise django_errors(error) from None


@extend_schema(tags=["employers"])
class EmployerViewSet(viewsets.GenericViewSet):
    """The employers of the user's area; employer services and administrators create and change them."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {
        "list": READS,
        "retrieve": READS,
        "create": permissions.can_manage_employers,
        "partial_update": permissions.can_manage_employers,
    }
    serializer_class = EmployerSerializer
    queryset = Employer.objects.none()
    lookup_value_regex = "[0-9]+"

    @extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Nimen osa tai Y-tunnuksen alku."),
            OpenApiParameter("municipality", OpenApiTypes.STR, description="Kuntanumero."),
        ]
    )
    def list(self, request):
        query = EmployerQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        found = selectors.employer_list(
            request.user, query=values.get("q", ""), municipality=values.get("municipality", "")
        ).prefetch_related("contacts")
        page = self.paginate_queryset(found)
        return self.get_paginated_response(EmployerSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(EmployerSerializer(selectors.get_employer(request.user, pk)).data)

    def create(self, request):
        given = EmployerSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        employer = _written(lambda: services.create_employer(by=request.user, **given.validated_data))
        return Response(EmployerSerializer(employer).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        employer = selectors.get_employer(request.user, pk)
        given = EmployerSerializer(data=request.data, partial=True)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        contacts = data.pop("contacts", None)
        _written(lambda: services.update_employer(employer, data, by=request.user, contacts=contacts))
        return Response(EmployerSerializer(selectors.get_employer(request.user, pk)).data)


@extend_schema(tags=["employers"])
class VacancyViewSet(viewsets.GenericViewSet):
    """The vacancies of the user's area; employer services and administrators create, change, fill and close them."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {
        "list": READS,
        "retrieve": READS,
        "create": permissions.can_manage_vacancies,
        "partial_update": permissions.can_manage_vacancies,
    }
    serializer_class = VacancySerializer
    queryset = Vacancy.objects.none()
    lookup_value_regex = "[0-9]+"

    @extend_schema(
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, description="Tila: draft, open, filled, closed, cancelled."),
            OpenApiParameter("municipality", OpenApiTypes.STR, description="Työpaikan kuntanumero."),
            OpenApiParameter("occupation", OpenApiTypes.STR, description="ISCO-08-koodi tai sen alku, esim. 32."),
            OpenApiParameter("employer", OpenApiTypes.INT, description="Työnantajan tunniste."),
            OpenApiParameter("sort", OpenApiTypes.STR, description="Järjestys, esim. -deadline."),
        ]
    )
    def list(self, request):
        query = VacancyQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = selectors.VacancyFilters(**query.validated_data)
        page = self.paginate_queryset(selectors.vacancy_list(request.user, filters))
        return self.get_paginated_response(VacancySerializer(page, many=True, context={"request": request}).data)

    def retrieve(self, request, pk=None):
        return Response(VacancySerializer(selectors.get_vacancy(request.user, pk), context={"request": request}).data)

    def create(self, request):
        given = VacancySerializer(data=request.data, context={"request": request})
        given.is_valid(raise_exception=True)
        vacancy = _written(lambda: services.create_vacancy(dict(given.validated_data), by=request.user))
        return Response(VacancySerializer(vacancy, context={"request": request}).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        vacancy = selectors.get_vacancy(request.user, pk)
        given = VacancySerializer(data=request.data, partial=True, context={"request": request})
        given.is_valid(raise_exception=True)
        changed = _written(lambda: services.update_vacancy(vacancy, dict(given.validated_data), by=request.user))
        return Response(VacancySerializer(changed, context={"request": request}).data)


def register(router):
    router.register("employers", EmployerViewSet, basename="employer")
    router.register("vacancies", VacancyViewSet, basename="vacancy")
