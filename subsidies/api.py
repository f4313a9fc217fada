"""REST API of subsidies under /api/v1/subsidies/: the calculator, applications and their workflow steps. Thin: forms
and serializers type the input, the rate core and the services decide."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from accounts import permissions_subsidies
from common.api import Allowed, django_errors
from jobseekers import selectors as jobseeker_selectors
from subsidies import attachment_services, calculator, selectors, services
from subsidies.forms import CalculatorForm
from subsidies.models import Application, PaySubsidyRate
from subsidies.serializers import (
    CALCULATION,
    REFUSAL,
    CalculateRequestSerializer,
    StepSerializer,
    SubsidyApplicationCreateSerializer,
    SubsidyApplicationDetailSerializer,
    SubsidyApplicationSerializer,
    SubsidyAttachmentSerializer,
    SubsidyAttachmentUploadSerializer,
)

PURPOSE = "tukihakemukset (API)"


@extend_schema(tags=["subsidies"])
class CalculatorViewSet(viewsets.GenericViewSet):
    """Pay subsidy and start-up grant amounts under the rules in force on the start date."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"calculate": permissions_subsidies.can_use_subsidy_calculator}
    pagination_class = None
    queryset = PaySubsidyRate.objects.none()

    @extend_schema(request=CalculateRequestSerializer, responses={200: CALCULATION, 400: REFUSAL})
    @action(detail=False, methods=["post"])
    def calculate(self, request):
        if not isinstance(request.data, dict):
            return Response({"non_field_errors": [_("Odotettiin JSON-oliota.")]}, status=status.HTTP_400_BAD_REQUEST)
        form = CalculatorForm(data=request.data)
        if not form.is_valid():
            return Response(_messages(form), status=status.HTTP_400_BAD_REQUEST)
        result = calculator.calculate(form.cleaned_data)
        if not result.eligible:
            return Response(calculator.refusal(result), status=status.HTTP_400_BAD_REQUEST)
        return Response(calculator.answer(result))


def _messages(form) -> dict:
    """The form's errors in DRF's shape: field → messages, form-wide ones under non_field_errors."""
    return {
        "non_field_errors" if name == "__all__" else name: [str(message) for message in messages]
        for name, messages in form.errors.items()
    }


@extend_schema(tags=["subsidies"])
class ApplicationViewSet(viewsets.GenericViewSet):
    """Applications within the user's scope; every response that shows a person logs the read, and an application
    outside the scope is a 404 (and a denied row)."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {
        "list": permissions_subsidies.can_view_subsidy_applications,
        "retrieve": permissions_subsidies.can_view_subsidy_applications,
        "create": permissions_subsidies.can_prepare_subsidy,
        "step": permissions_subsidies.can_view_subsidy_applications,
        "attachments": permissions_subsidies.can_view_subsidy_applications,
    }
    queryset = Application.objects.none()
    serializer_class = SubsidyApplicationSerializer
    lookup_value_regex = "[0-9]+"

    def _application(self):
        return selectors.get_application(
            self.request.user, self.kwargs["pk"], view=f"api:subsidy-application-{self.action}", purpose=PURPOSE
        )

    def list(self, request):
        page = self.paginate_queryset(selectors.queue(request.user))
        selectors.log_listing(request.user, page, view="api:subsidy-application-list", purpose=PURPOSE)
        return self.get_paginated_response(SubsidyApplicationSerializer(page, many=True).data)

    @extend_schema(responses=SubsidyApplicationDetailSerializer)
    def retrieve(self, request, pk=None):
        return Response(SubsidyApplicationDetailSerializer(self._application()).data)

    @extend_schema(request=SubsidyApplicationCreateSerializer, responses={201: SubsidyApplicationSerializer})
    def create(self, request):
        given = SubsidyApplicationCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        jobseeker = jobseeker_selectors.get_jobseeker(
            request.user, data.pop("jobseeker"), view="api:subsidy-application-create", purpose=PURPOSE
        )
        data["business_id_value"] = data.pop("business_id")
        try:
            application = services.receive_application(jobseeker=jobseeker, by=request.user, **data)
        except DjangoValidationError as error:
            raise errors_of(error) from None
        return Response(SubsidyApplicationSerializer(application).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=StepSerializer, responses={200: SubsidyApplicationDetailSerializer})
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None):
        application = self._application()
        given = StepSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        # Readers who take part in neither preparing nor deciding are refused outright; for the others the service
        # refuses a step with its reason (wrong state, no delegation, the preparer deciding).
        if not (
            permissions_subsidies.can_prepare_subsidy(request.user, application)
            or permissions_subsidies.can_decide_subsidy(request.user, application)
        ):
            raise PermissionDenied
        try:
            services.take_step(application.pk, data.pop("action"), by=request.user, data=data)
        except DjangoValidationError as error:
            raise errors_of(error) from None
        application.refresh_from_db()
        return Response(SubsidyApplicationDetailSerializer(application).data)

    @extend_schema(methods=["get"], request=None, responses={200: SubsidyAttachmentSerializer(many=True)})
    @extend_schema(
        methods=["post"],
        request={"multipart/form-data": SubsidyAttachmentUploadSerializer},
        responses={201: SubsidyAttachmentSerializer},
    )
    @action(detail=True, methods=["get", "post"], parser_classes=[MultiPartParser, FormParser], pagination_class=None)
    def attachments(self, request, pk=None):
        """The application's files; a preparer adds one (PDF, DOCX, XLSX, JPEG or PNG, checked by its content)."""
        application = self._application()
        if request.method == "GET":
            rows = selectors.attachments(application)
            return Response(SubsidyAttachmentSerializer(rows, many=True).data)
        if not permissions_subsidies.can_prepare_subsidy(request.user, application):
            raise PermissionDenied
        given = SubsidyAttachmentUploadSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        uploaded = given.validated_data.get("file")
        try:
            attachment = attachment_services.add_attachment(
                application.pk,
                by=request.user,
                name=uploaded.name if uploaded else "",
                content=uploaded.read(attachment_services.max_bytes() + 1) if uploaded else None,
            )
        except DjangoValidationError as error:
            raise errors_of(error) from None
        return Response(SubsidyAttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)


def errors_of(error: DjangoValidationError):
    """A service's refusal as DRF's 400, with the form-wide messages under non_field_errors."""
    translated = django_errors(error)
    detail = translated.detail
    if isinstance(detail, dict) and NON_FIELD_ERRORS in detail:
        detail["non_field_errors"] = detail.pop(NON_FIELD_ERRORS)
    return translated


def register(router):
    # A local import: payment_api builds on this module's errors_of.
    from subsidies.payment_api import PaymentExportViewSet, PaymentViewSet

    router.register("subsidies/applications", ApplicationViewSet, basename="subsidy-application")
    router.register("subsidies/payments", PaymentViewSet, basename="subsidy-payment")
    router.register("subsidies/payment-exports", PaymentExportViewSet, basename="subsidy-payment-export")
    router.register("subsidies", CalculatorViewSet, basename="subsidies")
