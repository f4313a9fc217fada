"""REST API of subsidy payments under /api/v1/subsidies/payments/ and /payment-exports/: for the payment handler of
the paying municipality. Thin: serializers type the input, payment_services decide and write."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import permissions_subsidies
from common.api import Allowed
from subsidies import payment_selectors, payment_services
from subsidies.api import errors_of
from subsidies.models import PaymentExport, PaymentRequest
from subsidies.serializers import (
    PaymentCreateSerializer,
    PaymentExportSerializer,
    PaymentSerializer,
    PaymentStepSerializer,
)

PURPOSE = "tukien maksatus (API)"


@extend_schema(tags=["subsidies"])
class PaymentViewSet(viewsets.GenericViewSet):
    """Payment requests paid by the user's municipality; every response that names a person logs the read."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {
        name: permissions_subsidies.can_handle_subsidy_payments for name in ("list", "retrieve", "create", "step")
    }
    queryset = PaymentRequest.objects.none()
    serializer_class = PaymentSerializer
    lookup_value_regex = "[0-9]+"

    def list(self, request):
        page = self.paginate_queryset(payment_selectors.requests(request.user))
        payment_selectors.log_people(
            request.user, [row.application for row in page], view="api:subsidy-payment-list", purpose=PURPOSE
        )
        return self.get_paginated_response(PaymentSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        row = payment_selectors.get_request(request.user, pk, view="api:subsidy-payment-retrieve", purpose=PURPOSE)
        return Response(PaymentSerializer(row).data)

    @extend_schema(request=PaymentCreateSerializer, responses={201: PaymentSerializer})
    def create(self, request):
        given = PaymentCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        try:
            row = payment_services.record_payment(data.pop("decision"), by=request.user, **data)
        except DjangoValidationError as error:
            raise errors_of(error) from None
        payment_selectors.log_people(
            request.user, [row.application], view="api:subsidy-payment-create", purpose=PURPOSE
        )
        return Response(PaymentSerializer(row).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PaymentStepSerializer, responses={200: PaymentSerializer})
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None):
        row = payment_selectors.get_request(request.user, pk, view="api:subsidy-payment-step", purpose=PURPOSE)
        given = PaymentStepSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            if given.validated_data["action"] == "approve":
                row = payment_services.approve_payment(row.pk, by=request.user)
            else:
                row = payment_services.reject_payment(row.pk, by=request.user, reasons=given.validated_data["reasons"])
        except DjangoValidationError as error:
            raise errors_of(error) from None
        return Response(PaymentSerializer(row).data)


@extend_schema(tags=["subsidies"])
class PaymentExportViewSet(viewsets.GenericViewSet):
    """Payment files of the user's municipality; creating one exports every approved payment once."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {
        "list": permissions_subsidies.can_handle_subsidy_payments,
        "create": permissions_subsidies.can_handle_subsidy_payments,
    }
    queryset = PaymentExport.objects.none()
    serializer_class = PaymentExportSerializer

    def list(self, request):
        page = self.paginate_queryset(payment_selectors.exports(request.user))
        return self.get_paginated_response(PaymentExportSerializer(page, many=True).data)

    @extend_schema(request=None, responses={201: PaymentExportSerializer})
    def create(self, request):
        try:
            export = payment_services.export_payments(by=request.user)
        except DjangoValidationError as error:
            raise errors_of(error) from None
        return Response(PaymentExportSerializer(export).data, status=status.HTTP_201_CREATED)
