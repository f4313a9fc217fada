"""REST API of the cooperation services under `cooperation/`: service needs (list, raise, read), procurements with
their places, a person's TYP record with consents (give, withdraw) and referrals, international recruitment cases,
and the report's figures per municipality. Thin over selectors and services; every response showing a person logs
the read, an object out of scope is a 404 and bad input a 400 naming the field."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from accounts import permissions_cooperation
from common.api import Allowed
from common.today import service_today
from cooperation import api_integration, serializers
from cooperation.api_inputs import PersonViewSet, call, validated
from cooperation.models import Procurement, RecruitmentCase, ServiceNeed, TypClient
from cooperation.selectors import international, procurement, report, typ, youth
from cooperation.selectors.area import area_of
from cooperation.services import international as international_services
from cooperation.services import procurement as procurement_services
from cooperation.services import typ as typ_services


@extend_schema(tags=["cooperation"])
class ServiceNeedViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.CooperationNeedSerializer
    queryset = ServiceNeed.objects.none()
    lookup_value_regex = "[0-9]+"
    predicates = {
        "list": permissions_cooperation.can_view_cooperation,
        "retrieve": permissions_cooperation.can_view_cooperation,
        "create": permissions_cooperation.can_raise_service_need,
    }

    def list(self, request):
        page = self.paginate_queryset(procurement.needs(request.user))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(procurement.get_need(request.user, pk)).data)

    @extend_schema(
        request=serializers.CooperationNeedInputSerializer, responses={201: serializers.CooperationNeedSerializer}
    )
    def create(self, request):
        data = validated(serializers.CooperationNeedInputSerializer, request.data)
        user = request.user
        need = call(lambda: procurement_services.raise_need(area=area_of(user), by=user, today=service_today(), **data))
        return Response(self.get_serializer(need).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["cooperation"])
class ProcurementViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.CooperationProcurementSerializer
    queryset = Procurement.objects.none()
    lookup_value_regex = "[0-9]+"
    predicates = {
        "list": permissions_cooperation.can_view_cooperation,
        "retrieve": permissions_cooperation.can_view_cooperation,
    }

    def list(self, request):
        page = self.paginate_queryset(procurement.procurements(request.user))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(responses={200: serializers.CooperationProcurementDetailSerializer})
    def retrieve(self, request, pk=None):
        found = procurement.get_procurement(request.user, pk)
        return Response(
            serializers.CooperationProcurementDetailSerializer(
                found, context={"places": procurement.places(found)}
            ).data
        )


@extend_schema(tags=["cooperation"])
class TypPersonViewSet(PersonViewSet):
    """A job seeker's TYP record (looked up by the job seeker's id)."""

    serializer_class = serializers.CooperationTypPersonSerializer
    queryset = TypClient.objects.none()
    predicates = {
        "retrieve": permissions_cooperation.can_view_cooperation_clients,
        "consents": permissions_cooperation.can_work_with_cooperation_clients,
        "referrals": permissions_cooperation.can_work_with_cooperation_clients,
    }

    reader = staticmethod(typ.get_jobseeker)

    def respond(self, jobseeker, code=status.HTTP_200_OK):
        latest = typ.latest_assessment(jobseeker)
        client = typ.open_client(jobseeker)
        county = typ_services.wellbeing_county_for(jobseeker.municipality)
        data = {
            "jobseeker": jobseeker.pk,
            "wellbeing_services_county": county.name if county else None,
            "eligible": latest.eligible if latest else None,
            "assessed_on": latest.assessed_on if latest else None,
            "rule_source": latest.rule_source if latest else None,
            "client_since": client.started_on if client else None,
            "consents": typ.consents_of(jobseeker),
            "referrals": typ.referrals_of(jobseeker),
        }
        return Response(self.get_serializer(data).data, status=code)

    def retrieve(self, request, pk=None):
        return self.respond(self.person("monialainen palvelu (API)", write=False))

    @extend_schema(request=serializers.CooperationConsentInputSerializer)
    @action(detail=True, methods=["post"])
    def consents(self, request, pk=None):
        return self.record(
            "suostumuksen kirjaus (API)", serializers.CooperationConsentInputSerializer, typ_services.give_consent
        )

    @extend_schema(request=serializers.CooperationReferralInputSerializer)
    @action(detail=True, methods=["post"])
    def referrals(self, request, pk=None):
        return self.record(
            "ohjaus yhteistyökumppanille (API)", serializers.CooperationReferralInputSerializer, typ_services.refer
        )


@extend_schema(tags=["cooperation"])
class ConsentViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.CooperationConsentSerializer
    queryset = TypClient.objects.none()
    lookup_value_regex = "[0-9]+"
    predicates = {"withdraw": permissions_cooperation.can_work_with_cooperation_clients}

    @extend_schema(request=serializers.CooperationWithdrawalSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        user = request.user
        consent = typ.get_consent(
            user, pk, view="api:cooperation-consent-withdraw", purpose="suostumuksen peruminen (API)"
        )
        if not permissions_cooperation.can_work_with_cooperation_clients(user, consent.jobseeker):
            raise PermissionDenied
        data = validated(serializers.CooperationWithdrawalSerializer, request.data)
        done = call(
            lambda: typ_services.withdraw_consent(
                consent, withdrawn_on=data["withdrawn_on"], note=data["withdrawal_note"], by=user
            )
        )
        return Response(self.get_serializer(done).data)


@extend_schema(tags=["cooperation"])
class RecruitmentViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.CooperationRecruitmentSerializer
    queryset = RecruitmentCase.objects.none()
    lookup_value_regex = "[0-9]+"
    predicates = {
        "list": permissions_cooperation.can_work_on_recruitment,
        "retrieve": permissions_cooperation.can_work_on_recruitment,
        "create": permissions_cooperation.can_work_on_recruitment,
    }

    def list(self, request):
        page = self.paginate_queryset(international.cases(request.user))
        international.log_cases(
            request.user, page, view="api:cooperation-recruitment-list", purpose="rekrytoinnit (API)"
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        case, _spouse = international.get_case(
            request.user, pk, view="api:cooperation-recruitment-detail", purpose="rekrytointi (API)"
        )
        return Response(self.get_serializer(case).data)

    @extend_schema(request=serializers.CooperationRecruitmentInputSerializer)
    def create(self, request):
        data = validated(serializers.CooperationRecruitmentInputSerializer, request.data)
        user = request.user
        case = call(lambda: international_services.create_case(area=area_of(user), by=user, **data))
        return Response(self.get_serializer(case).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["cooperation"])
class PartnerReferralViewSet(viewsets.GenericViewSet):
    """Referrals to Työkanava Oy and education providers of the job seekers the user may read."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.CooperationPartnerReferralSerializer
    queryset = ServiceNeed.objects.none()
    predicates = {"list": permissions_cooperation.can_view_cooperation_clients}

    def list(self, request):
        page = self.paginate_queryset(youth.referrals(request.user).order_by("-referred_on", "-pk"))
        youth.log_listing(
            request.user, page, view="api:cooperation-partner-referral-list", purpose="ohjaukset kumppaneille (API)"
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["cooperation"])
class CooperationReportViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.CooperationReportRowSerializer
    queryset = ServiceNeed.objects.none()
    pagination_class = None
    predicates = {"list": permissions_cooperation.can_view_cooperation}

    def list(self, request):
        return Response(self.get_serializer(report.rows(area_of(request.user)), many=True).data)


def register(router):
    router.register("cooperation/needs", ServiceNeedViewSet, basename="cooperation-need")
    router.register("cooperation/procurements", ProcurementViewSet, basename="cooperation-procurement")
    router.register("cooperation/typ", TypPersonViewSet, basename="cooperation-typ")
    router.register("cooperation/consents", ConsentViewSet, basename="cooperation-consent")
    router.register("cooperation/recruitment", RecruitmentViewSet, basename="cooperation-recruitment")
    router.register("cooperation/partner-referrals", PartnerReferralViewSet, basename="cooperation-partner-referral")
    router.register("cooperation/report", CooperationReportViewSet, basename="cooperation-report")
    api_integration.register(router)
