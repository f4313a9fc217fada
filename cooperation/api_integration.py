"""REST API of integration work, International Info's contacts and recruitment events, under `cooperation/`
(registered by cooperation.api.register): a foreign-language person's integration plans and language training (read,
add), International Info's contacts (list, record) and recruitment events (list, read, record). Thin over selectors
and services; a person's data is read through the registry (logged), out of scope is a 404, bad input a 400 naming the
field."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import permissions_cooperation
from common.api import Allowed
from cooperation import serializers_integration as serializers
from cooperation.api_inputs import PersonViewSet, call, validated
from cooperation.models import InfoContact, IntegrationPlan, RecruitmentEvent
from cooperation.selectors import events, integration
from cooperation.selectors.area import area_of
from cooperation.services import events as event_services
from cooperation.services import integration as integration_services


@extend_schema(tags=["cooperation"])
class IntegrationViewSet(PersonViewSet):
    """A foreign-language job seeker's integration plans and language training (looked up by the job seeker's id)."""

    serializer_class = serializers.CooperationIntegrationPersonSerializer
    queryset = IntegrationPlan.objects.none()
    predicates = {
        "retrieve": permissions_cooperation.can_view_cooperation_clients,
        "plans": permissions_cooperation.can_work_with_cooperation_clients,
        "trainings": permissions_cooperation.can_work_with_cooperation_clients,
    }

    reader = staticmethod(integration.get_person)

    def respond(self, jobseeker, code=status.HTTP_200_OK):
        data = {
            "jobseeker": jobseeker.pk,
            "service_language": jobseeker.service_language,
            "plans": integration.plans_of(jobseeker),
            "trainings": integration.trainings_of(jobseeker),
        }
        return Response(self.get_serializer(data).data, status=code)

    def retrieve(self, request, pk=None):
        return self.respond(self.person("kotoutuminen (API)", write=False))

    @extend_schema(request=serializers.CooperationIntegrationPlanInputSerializer)
    @action(detail=True, methods=["post"])
    def plans(self, request, pk=None):
        return self.record(
            "kotoutumissuunnitelman kirjaus (API)",
            serializers.CooperationIntegrationPlanInputSerializer,
            integration_services.record_plan,
        )

    @extend_schema(request=serializers.CooperationLanguageTrainingInputSerializer)
    @action(detail=True, methods=["post"])
    def trainings(self, request, pk=None):
        return self.record(
            "kielikoulutuksen kirjaus (API)",
            serializers.CooperationLanguageTrainingInputSerializer,
            integration_services.record_training,
        )


@extend_schema(tags=["cooperation"])
class InfoContactViewSet(viewsets.GenericViewSet):
    """International Info's contacts of the user's area as counts (a named contact says so, not who)."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.CooperationInfoContactSerializer
    queryset = InfoContact.objects.none()
    predicates = {
        "list": permissions_cooperation.can_view_cooperation,
        "create": permissions_cooperation.can_work_with_cooperation_clients,
    }

    def list(self, request):
        page = self.paginate_queryset(integration.contacts(area_of(request.user)))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=serializers.CooperationInfoContactInputSerializer)
    def create(self, request):
        data = validated(serializers.CooperationInfoContactInputSerializer, request.data)
        user = request.user
        made = call(lambda: integration_services.record_contact(area=area_of(user), by=user, **data))
        return Response(self.get_serializer(made).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["cooperation"])
class RecruitmentEventViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.CooperationEventSerializer
    queryset = RecruitmentEvent.objects.none()
    lookup_value_regex = "[0-9]+"
    predicates = {
        "list": permissions_cooperation.can_view_cooperation,
        "retrieve": permissions_cooperation.can_view_cooperation,
        "create": permissions_cooperation.can_work_on_recruitment,
    }

    def list(self, request):
        page = self.paginate_queryset(events.events(request.user).prefetch_related("employers", "vacancies"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(events.get_event(request.user, pk)).data)

    @extend_schema(request=serializers.CooperationEventInputSerializer)
    def create(self, request):
        data = validated(serializers.CooperationEventInputSerializer, request.data)
        user = request.user
        made = call(lambda: event_services.create_event(area=area_of(user), by=user, **data))
        return Response(self.get_serializer(made).data, status=status.HTTP_201_CREATED)


def register(router):
    router.register("cooperation/integration", IntegrationViewSet, basename="cooperation-integration")
    router.register("cooperation/international-info", InfoContactViewSet, basename="cooperation-info-contact")
    router.register("cooperation/events", RecruitmentEventViewSet, basename="cooperation-event")
