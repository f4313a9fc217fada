"""REST API of the client journal: `jobseekers/{id}/journal/` (the entries, with the page's search; a new entry) and
`jobseekers/{id}/journal/{entry_id}/correct/`. Thin over journal_selectors and journal; every response logs the read
of the person (journal_selectors.journal_jobseeker), a job seeker out of scope is a 404 and bad input a 400 naming
the field.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed, django_errors
from jobseekers import enums, journal, journal_selectors
from jobseekers.journal import MAX_TEXT_LENGTH
from jobseekers.models import JournalEntry

JOURNAL = r"jobseekers/(?P<jobseeker_pk>[0-9]+)/journal"
JOBSEEKER_PK = OpenApiParameter("jobseeker_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="Työnhakijan id.")
ENTRY_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Merkinnän id.")
PAGING = frozenset({"limit", "offset"})


class JournalRowSerializer(serializers.Serializer):
    """An entry as the reader may see it: `text` is the text in force unless the reader may see a corrected original."""

    id = serializers.IntegerField(source="entry.pk")
    kind = serializers.CharField(source="entry.kind")
    kind_display = serializers.CharField(source="entry.get_kind_display")
    entry_date = serializers.DateField(source="entry.entry_date")
    text = serializers.CharField()
    meeting = serializers.IntegerField(source="entry.meeting_id", allow_null=True)
    author = serializers.CharField(source="entry.author.username")
    created_at = serializers.DateTimeField(source="entry.created_at")
    corrects = serializers.IntegerField(source="entry.corrects_id", allow_null=True)
    corrected = serializers.BooleanField()
    current = serializers.IntegerField(source="current.pk", allow_null=True, default=None)
    original_shown = serializers.BooleanField()


class JournalQuerySerializer(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, max_length=200)
    kind = serializers.ChoiceField(choices=enums.JournalEntryKind.choices, required=False, allow_blank=True)
    since = serializers.DateField(required=False)
    until = serializers.DateField(required=False)

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields) - PAGING)
        if unknown:
            raise ValidationError({name: ["Tuntematon hakuehto."] for name in unknown})
        if attrs.get("since") and attrs.get("until") and attrs["since"] > attrs["until"]:
            raise ValidationError({"until": ["Päättymispäivä on ennen alkamispäivää."]})
        return attrs


class EntryWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=enums.JournalEntryKind.choices)
    text = serializers.CharField(max_length=MAX_TEXT_LENGTH)
    entry_date = serializers.DateField(required=False, help_text="Oletuksena tänään; ei tulevaisuudessa.")
    meeting = serializers.IntegerField(required=False, allow_null=True, help_text="Saman työnhakijan tapaamisen id.")


class CorrectionSerializer(EntryWriteSerializer):
    """Kind, date and meeting default to the corrected entry's; `meeting: null` removes the link."""

    kind = serializers.ChoiceField(choices=enums.JournalEntryKind.choices, required=False)


@extend_schema(tags=["jobseekers"], parameters=[JOBSEEKER_PK])
class JournalViewSet(viewsets.GenericViewSet):
    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    serializer_class = JournalRowSerializer
    queryset = JournalEntry.objects.none()
    lookup_value_regex = "[0-9]+"
    predicates = {
        "list": permissions.can_view_journal,
        "create": permissions.can_write_journal,
        "correct": permissions.can_write_journal,
    }
    purposes = {
        "list": "asiakaskertomus (API)",
        "create": "asiakaskertomuksen merkintä (API)",
        "correct": "asiakaskertomuksen korjaus (API)",
    }

    def jobseeker(self):
        jobseeker = journal_selectors.journal_jobseeker(
            self.request.user,
            self.kwargs["jobseeker_pk"],
            view=f"api:jobseeker-journal-{self.action}",
            purpose=self.purposes[self.action],
        )
        if self.action != "list" and not permissions.can_write_journal(self.request.user, jobseeker):
            raise PermissionDenied
        return jobseeker

    def respond(self, jobseeker, entry, code=status.HTTP_201_CREATED):
        [row] = journal_selectors.rows(self.request.user, jobseeker, [entry])
        return Response(JournalRowSerializer(row).data, status=code)

    @extend_schema(
        parameters=[
            OpenApiParameter("text", str, description="Teksti sisältää (sellaisena kuin lukija sen näkee)."),
            OpenApiParameter("kind", str, enum=enums.JournalEntryKind.values, description="Merkinnän laji."),
            OpenApiParameter("since", OpenApiTypes.DATE, description="Päivä alkaen."),
            OpenApiParameter("until", OpenApiTypes.DATE, description="Päivä päättyen."),
        ],
        responses={200: JournalRowSerializer(many=True), 400: None, 404: None},
    )
    def list(self, request, jobseeker_pk=None):
        jobseeker = self.jobseeker()
        query = JournalQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = journal_selectors.JournalFilters(**query.validated_data)
        page = self.paginate_queryset(journal_selectors.entries(request.user, jobseeker, filters))
        rows = journal_selectors.rows(request.user, jobseeker, page)
        return self.get_paginated_response(JournalRowSerializer(rows, many=True).data)

    @extend_schema(request=EntryWriteSerializer, responses={201: JournalRowSerializer, 400: None, 404: None})
    def create(self, request, jobseeker_pk=None):
        jobseeker = self.jobseeker()
        serializer = EntryWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            entry = journal.add_entry(
                jobseeker=jobseeker,
                kind=data["kind"],
                text=data["text"],
                entry_date=data.get("entry_date"),
                meeting_id=data.get("meeting"),
                by=request.user,
            )
        except DjangoValidationError as error:
            raise django_errors(error) from None
        return self.respond(jobseeker, entry)

    @extend_schema(
        request=CorrectionSerializer,
        responses={201: JournalRowSerializer, 400: None, 404: None},
        parameters=[ENTRY_ID],
    )
    @action(detail=True, methods=["post"])
    def correct(self, request, jobseeker_pk=None, pk=None):
        jobseeker = self.jobseeker()
        try:
            entry = journal_selectors.entry_of(request.user, jobseeker, pk)
        except Http404:
            raise NotFound from None
        serializer = CorrectionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            correction = journal.correct_entry(
                entry,
                kind=data.get("kind"),
                text=data["text"],
                entry_date=data.get("entry_date"),
                # Absent keeps the corrected entry's meeting; null removes the link.
                meeting_id=(data["meeting"] or "") if "meeting" in data else None,
                by=request.user,
            )
        except DjangoValidationError as error:
            raise django_errors(error) from None
        return self.respond(jobseeker, correction)


def register(router):
    router.register(JOURNAL, JournalViewSet, basename="jobseeker-journal")
