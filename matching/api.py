"""REST API of matching: `jobseekers/{id}/matches/`, `vacancies/{id}/matches/` and `job-offers/` (list, create,
retrieve, and `{id}/outcome/`). Thin over selectors and services; every response that shows a person logs the read,
a person out of scope is a 404 (or, named in a new offer, a 400 on `jobseeker`), bad input a 400 naming the field.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed, django_errors
from employers import selectors as employer_selectors
from matching import selectors, services
from matching.models import JobOffer
from matching.serializers import (
    JobOfferCreateSerializer,
    JobOfferOutcomeSerializer,
    JobOfferQuerySerializer,
    JobOfferSerializer,
    JobseekerMatchesSerializer,
    MatchQuerySerializer,
    VacancyMatchesSerializer,
)

JOBSEEKER_PK = OpenApiParameter("jobseeker_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="Työnhakijan id.")
VACANCY_PK = OpenApiParameter("vacancy_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="Työpaikan id.")


class OneObjectSchema(AutoSchema):
    """The matches endpoints answer one object (the results and counts), not the list DRF's `list` action implies."""

    def _is_list_view(self, serializer=None) -> bool:
        return False


def _limit(request) -> int:
    query = MatchQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data["limit"]


@extend_schema(tags=["matching"], parameters=[JOBSEEKER_PK])
class JobseekerMatchesViewSet(viewsets.GenericViewSet):
    """A person's best open vacancies, with each score's components and the distance."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"list": permissions.can_view_matches}
    serializer_class = JobseekerMatchesSerializer
    schema = OneObjectSchema()
    queryset = JobOffer.objects.none()
    pagination_class = None

    @extend_schema(parameters=[MatchQuerySerializer], responses={200: JobseekerMatchesSerializer, 400: None, 404: None})
    def list(self, request, jobseeker_pk=None):
        limit = _limit(request)
        person = selectors.jobseeker(
            request.user, jobseeker_pk, view="api:jobseeker-matches-list", purpose="sopivat työpaikat (API)"
        )
        matches = [] if person.job_search_ended else selectors.vacancy_matches(request.user, person, limit=limit)
        return Response(JobseekerMatchesSerializer({"jobseeker": person.pk, "results": matches}).data)


@extend_schema(tags=["matching"], parameters=[VACANCY_PK])
class VacancyMatchesViewSet(viewsets.GenericViewSet):
    """A vacancy's best job seekers: those the user may read in `results`, the rest counted in `hidden_count`."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"list": permissions.can_view_candidates}
    serializer_class = VacancyMatchesSerializer
    schema = OneObjectSchema()
    queryset = JobOffer.objects.none()
    pagination_class = None

    @extend_schema(parameters=[MatchQuerySerializer], responses={200: VacancyMatchesSerializer, 400: None, 404: None})
    def list(self, request, vacancy_pk=None):
        limit = _limit(request)
        vacancy = employer_selectors.get_vacancy(request.user, vacancy_pk)
        found = selectors.candidates(
            request.user, vacancy, limit=limit, view="api:vacancy-matches-list", purpose="työpaikan ehdokkaat (API)"
        )
        payload = {"vacancy": vacancy.pk, "results": found.shown, "hidden_count": found.hidden_count}
        return Response(VacancyMatchesSerializer(payload).data)


@extend_schema(tags=["matching"])
class JobOfferViewSet(viewsets.GenericViewSet):
    """Job offers and referrals of the people the user may read; customer-work roles make them and record outcomes."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {
        "list": permissions.can_view_matches,
        "retrieve": permissions.can_view_matches,
        "create": permissions.can_make_job_offer,
        "outcome": permissions.can_make_job_offer,
    }
    serializer_class = JobOfferSerializer
    queryset = JobOffer.objects.none()
    lookup_value_regex = "[0-9]+"

    def _offer(self, pk) -> JobOffer:
        try:
            return selectors.get_offer(
                self.request.user, pk, view=f"api:job-offer-{self.action}", purpose="työtarjous (API)"
            )
        except Http404:
            raise NotFound from None

    @extend_schema(
        parameters=[OpenApiParameter("jobseeker", OpenApiTypes.INT, description="Vain tämän työnhakijan tarjoukset.")]
    )
    def list(self, request):
        query = JobOfferQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = selectors.offers(request.user)
        if "jobseeker" in query.validated_data:
            found = found.filter(jobseeker_id=query.validated_data["jobseeker"])
        page = self.paginate_queryset(found)
        selectors.log_offers(request.user, page, view="api:job-offer-list", purpose="työtarjoukset (API)")
        return self.get_paginated_response(JobOfferSerializer(page, many=True).data)

    @extend_schema(responses={200: JobOfferSerializer, 404: None})
    def retrieve(self, request, pk=None):
        return Response(JobOfferSerializer(self._offer(pk)).data)

    @extend_schema(request=JobOfferCreateSerializer, responses={201: JobOfferSerializer, 400: None})
    def create(self, request):
        given = JobOfferCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        try:
            person = selectors.jobseeker(
                request.user, data["jobseeker"], view="api:job-offer-create", purpose="työtarjous (API)"
            )
        except Http404:
            raise ValidationError({"jobseeker": [_("Työnhakijaa ei löydy.")]}) from None
        if not permissions.can_make_job_offer(request.user, person):
            raise PermissionDenied
        vacancy = employer_selectors.vacancies(request.user).filter(pk=data["vacancy"]).first()
        if vacancy is None:
            raise ValidationError({"vacancy": [_("Työpaikkaa ei löydy.")]})
        try:
            offer = services.make_offer(
                jobseeker=person, vacancy=vacancy, kind=data["kind"], note=data.get("note", ""), by=request.user
            )
        except DjangoValidationError as error:
            raise django_errors(error) from None
        return Response(JobOfferSerializer(offer).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=JobOfferOutcomeSerializer, responses={200: JobOfferSerializer, 400: None, 404: None})
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        offer = self._offer(pk)
        if not permissions.can_make_job_offer(request.user, offer.jobseeker):
            raise PermissionDenied
        given = JobOfferOutcomeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            changed = services.record_outcome(offer, by=request.user, **given.validated_data)
        except DjangoValidationError as error:
            raise django_errors(error) from None
        return Response(JobOfferSerializer(changed).data)


def register(router):
    router.register(
        r"jobseekers/(?P<jobseeker_pk>[0-9]+)/matches", JobseekerMatchesViewSet, basename="jobseeker-matches"
    )
    router.register(r"vacancies/(?P<vacancy_pk>[0-9]+)/matches", VacancyMatchesViewSet, basename="vacancy-matches")
    router.register("job-offers", JobOfferViewSet, basename="job-offer")
