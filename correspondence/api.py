"""REST API of correspondence: `POST meetings/{id}/invitation/` sends the invitation to a booked meeting by e-mail or
records it as a letter to print. Thin over selectors and services: the read of the person is logged
(selectors.meeting_for_invitation), a meeting of someone out of scope is a 404, bad input a 400 naming the field, and
a mail server that fails a 503 with nothing recorded. The DOCX itself is fetched from the page URL named in the
response."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed, django_errors
from correspondence import selectors, services
from correspondence.enums import Delivery
from service_model.models import Meeting

INVITATION = r"meetings/(?P<meeting_pk>[0-9]+)/invitation"
MEETING_PK = OpenApiParameter("meeting_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="Tapaamisen id.")


class MailUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("Sähköpostin lähetys epäonnistui; mitään ei kirjattu. Yritä myöhemmin uudelleen.")
    default_code = "mail_unavailable"


class InvitationRequestSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(
        choices=Delivery.choices, help_text="email: sähköposti, kirje liitteenä; letter: kirje tulostettavaksi."
    )


class SentSerializer(serializers.Serializer):
    meeting = serializers.IntegerField()
    channel = serializers.ChoiceField(choices=Delivery.choices)
    recipient = serializers.CharField(help_text="Sähköpostiosoite, johon kutsu lähti; kirjeellä tyhjä.")
    journal_entry = serializers.IntegerField(help_text="Asiakaskertomuksen merkinnän id.")
    document = serializers.CharField(help_text="Kirjeen (DOCX) osoite.")


@extend_schema(tags=["correspondence"], parameters=[MEETING_PK])
class InvitationViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = InvitationRequestSerializer
    queryset = Meeting.objects.none()
    predicates = {"create": permissions.can_send_to_client}

    @extend_schema(
        request=InvitationRequestSerializer,
        responses={201: SentSerializer, 400: None, 403: None, 404: None, 503: None},
    )
    def create(self, request, meeting_pk=None):
        user = request.user
        meeting, jobseeker = selectors.meeting_for_invitation(
            user, meeting_pk, view="api:meeting-invitation-create", purpose="kutsu tapaamiseen (API)"
        )
        if not permissions.can_send_to_client(user, jobseeker):
            raise PermissionDenied
        serializer = InvitationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            sent = services.send_invitation(
                meeting, jobseeker=jobseeker, delivery=serializer.validated_data["channel"], by=user
            )
        except DjangoValidationError as error:
            raise django_errors(error) from None
        except services.DeliveryFailed as error:
            raise MailUnavailable(str(error)) from None
        body = {
            "meeting": meeting.pk,
            "channel": sent.delivery,
            "recipient": sent.address,
            "journal_entry": sent.entry.pk,
            "document": reverse("correspondence:invitation_document", kwargs={"pk": meeting.pk}),
        }
        return Response(SentSerializer(body).data, status=status.HTTP_201_CREATED)


def register(router):
    router.register(INVITATION, InvitationViewSet, basename="meeting-invitation")
