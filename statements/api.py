"""REST API of statements under `statements/`: list (with the page's filters), create, detail with the transition log,
and one POST per transition (`hearing`, `reply`, `propose`, `approve`, `return`). Thin over selectors and services;
every response showing a person logs the read, a statement out of scope is a 404 and bad input a 400 naming the
field."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed, django_errors
from statements import enums, selectors, serializers, services
from statements.models import Statement


@extend_schema(tags=["statements"])
class StatementViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = serializers.StatementSerializer
    queryset = Statement.objects.none()
    lookup_value_regex = "[0-9]+"
    predicates = {
        "list": permissions.can_view_statements,
        "retrieve": permissions.can_view_statements,
        "create": permissions.can_draft_statement,
        "hearing": permissions.can_draft_statement,
        "reply": permissions.can_draft_statement,
        "propose": permissions.can_draft_statement,
        "approve": permissions.can_approve_statements,
        "send_back": permissions.can_approve_statements,
    }

    def statement(self, purpose: str) -> Statement:
        user = self.request.user
        statement = selectors.get_statement(
            user, self.kwargs["pk"], view=f"api:statement-{self.action}", purpose=purpose
        )
        if self.action in ("approve", "send_back"):
            allowed = permissions.can_approve_statement(user, statement)
        else:
            allowed = self.action == "retrieve" or permissions.can_draft_statement(user, statement.jobseeker)
        if not allowed:
            raise PermissionDenied
        return statement

    def respond(self, statement, code=status.HTTP_200_OK):
        fresh = selectors.statements(self.request.user).get(pk=statement.pk)
        return Response(serializers.StatementDetailSerializer(fresh).data, status=code)

    def write(self, serializer_class, purpose, call):
        statement = self.statement(purpose)
        data = {}
        if serializer_class is not None:
            serializer = serializer_class(data=self.request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
        try:
            updated = call(statement, data)
        except DjangoValidationError as error:
            raise django_errors(error) from None
        return self.respond(updated)

    @extend_schema(
        parameters=[
            OpenApiParameter("state", str, enum=enums.StatementState.values, description="Tila."),
            OpenApiParameter("case_type", str, enum=enums.CaseType.values, description="Asia."),
            OpenApiParameter("jobseeker", int, description="Työnhakijan id."),
            OpenApiParameter("sort", str, enum=sorted(selectors.SORTS), description="Järjestys."),
        ],
        responses={200: serializers.StatementSerializer(many=True), 400: None},
    )
    def list(self, request):
        query = serializers.QuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        page = self.paginate_queryset(selectors.statement_list(request.user, query.filters()))
        selectors.log_listing(request.user, page, view="api:statement-list", purpose="lausuntolista (API)")
        return self.get_paginated_response(serializers.StatementSerializer(page, many=True).data)

    @extend_schema(responses={200: serializers.StatementDetailSerializer, 404: None})
    def retrieve(self, request, pk=None):
        return Response(serializers.StatementDetailSerializer(self.statement("lausunto (API)")).data)

    @extend_schema(
        request=serializers.CreateSerializer, responses={201: serializers.StatementDetailSerializer, 400: None}
    )
    def create(self, request):
        serializer = serializers.CreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        jobseeker = selectors.get_jobseeker(
            request.user, data.pop("jobseeker"), view="api:statement-create", purpose="lausunnon valmistelu (API)"
        )
        if not permissions.can_draft_statement(request.user, jobseeker):
            raise PermissionDenied
        try:
            statement = services.create_statement(jobseeker=jobseeker, by=request.user, **data)
        except DjangoValidationError as error:
            raise django_errors(error) from None
        return self.respond(statement, status.HTTP_201_CREATED)

    @extend_schema(request=serializers.HearingSerializer, responses={200: serializers.StatementDetailSerializer})
    @action(detail=True, methods=["post"])
    def hearing(self, request, pk=None):
        return self.write(
            serializers.HearingSerializer,
            "lausunnon kuuleminen (API)",
            lambda statement, data: services.send_hearing(
                statement, question=data["hearing_question"], reply_due_on=data["reply_due_on"], by=request.user
            ),
        )

    @extend_schema(request=serializers.ReplySerializer, responses={200: serializers.StatementDetailSerializer})
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        return self.write(
            serializers.ReplySerializer,
            "työnhakijan selvitys (API)",
            lambda statement, data: services.record_reply(
                statement, reply=data["reply"], received_on=data["reply_received_on"], by=request.user
            ),
        )

    @extend_schema(request=serializers.ProposalSerializer, responses={200: serializers.StatementDetailSerializer})
    @action(detail=True, methods=["post"])
    def propose(self, request, pk=None):
        return self.write(
            serializers.ProposalSerializer,
            "lausunnon esittäminen (API)",
            lambda statement, data: services.propose(
                statement, valid_reason=data["valid_reason"], judgement=data["judgement"], by=request.user
            ),
        )

    @extend_schema(request=None, responses={200: serializers.StatementDetailSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self.write(
            None, "lausunnon hyväksyntä (API)", lambda statement, data: services.approve(statement, by=request.user)
        )

    @extend_schema(request=serializers.ReturnSerializer, responses={200: serializers.StatementDetailSerializer})
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def send_back(self, request, pk=None):
        return self.write(
            serializers.ReturnSerializer,
            "lausunnon palautus (API)",
            lambda statement, data: services.return_statement(statement, reason=data["return_reason"], by=request.user),
        )


def register(router):
    router.register("statements", StatementViewSet, basename="statement")
