"""Serializers of the service-model API: what a meeting, a plan and a worklist row look like, and the input each
write accepts (types only: the rules are in services/, whose field errors the views pass on)."""

from datetime import date

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from service_model import adapter, enums, selectors
from service_model.models import EmploymentPlan, JobApplication, JobSearchObligation, Meeting, PlanTask
from service_model.today import EARLIEST, LATEST, service_today

MAX_HORIZON_DAYS = 366


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": str(user)}


class MeetingSerializer(serializers.ModelSerializer):
    counsellor = serializers.SerializerMethodField()
    office = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    jobseeker = serializers.IntegerField(source="jobseeker_id", read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id", "jobseeker", "meeting_type", "channel", "state", "planned_at", "duration_minutes", "held_at",
            "held_on", "office", "counsellor", "outcome", "plan_review", "cancel_reason", "due_on", "on_time",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(PersonSerializer)
    def get_counsellor(self, obj) -> dict:
        return _person(obj.counsellor)


def plan_goal_field() -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Työllistymissuunnitelman tavoite: pakollinen, kun alkuhaastattelu kirjataan pidetyksi eikä "
        "suunnitelmaa vielä ole (suunnitelma laaditaan samalla).",
    )


class MeetingCreateSerializer(serializers.Serializer):
    meeting_type = serializers.ChoiceField(choices=enums.MeetingType.choices)
    channel = serializers.ChoiceField(choices=enums.Channel.choices)
    planned_at = serializers.DateTimeField(help_text="Sovittu aika (ISO 8601).")
    duration_minutes = serializers.IntegerField(min_value=5, max_value=480, default=45)
    office = serializers.IntegerField(required=False, allow_null=True, min_value=1, help_text="Toimipisteen id.")
    counsellor = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Ohjaajan käyttäjä-id (oletus: pyytäjä)."
    )
    held = serializers.BooleanField(
        default=False, help_text="Tosi: tapaaminen on jo pidetty ajassa planned_at (kirjataan suoraan pidetyksi)."
    )
    outcome = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    plan_review = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    plan_goal = plan_goal_field()


class MeetingUpdateSerializer(serializers.Serializer):
    meeting_type = serializers.ChoiceField(choices=enums.MeetingType.choices, required=False)
    channel = serializers.ChoiceField(choices=enums.Channel.choices, required=False)
    planned_at = serializers.DateTimeField(required=False)
    duration_minutes = serializers.IntegerField(min_value=5, max_value=480, required=False)
    office = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class HeldSerializer(serializers.Serializer):
    held_at = serializers.DateTimeField(required=False, help_text="Oletus: sovittu aika.")
    channel = serializers.ChoiceField(choices=enums.Channel.choices, required=False)
    outcome = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    plan_review = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    plan_goal = plan_goal_field()


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000, help_text="Peruutuksen syy.")


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanTask
        fields = ["id", "title", "description", "due_on", "status", "completed_on", "created_at"]
        read_only_fields = fields


class TaskCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    due_on = serializers.DateField(required=False, allow_null=True)


class TaskUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=enums.TaskStatus.choices)


class ObligationSerializer(serializers.ModelSerializer):
    lowered = serializers.BooleanField(read_only=True)

    class Meta:
        model = JobSearchObligation
        fields = [
            "id", "starts_on", "ends_on", "applications", "period_months", "default_applications",
            "default_period_months", "default_reason", "rule_set_id", "lowered", "lowered_reason", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class ObligationCreateSerializer(serializers.Serializer):
    applications = serializers.IntegerField(min_value=0, max_value=50)
    period_months = serializers.IntegerField(min_value=1, max_value=12)
    starts_on = serializers.DateField(required=False)
    lowered_reason = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class ApplicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = JobApplication
        fields = ["id", "applied_on", "employer", "job_title", "vacancy_reference", "source", "created_at"]
        read_only_fields = fields


class ApplicationCreateSerializer(serializers.Serializer):
    applied_on = serializers.DateField()
    employer = serializers.CharField(max_length=200)
    job_title = serializers.CharField(max_length=200)
    vacancy_reference = serializers.CharField(required=False, allow_blank=True, max_length=300)
    source = serializers.ChoiceField(
        choices=enums.ApplicationSource.choices, default=enums.ApplicationSource.COUNSELLOR
    )


class ObligationStatusSerializer(serializers.Serializer):
    period_starts = serializers.DateField()
    period_ends = serializers.DateField()
    required = serializers.IntegerField()
    reported = serializers.IntegerField()
    met = serializers.BooleanField()


class PlanSerializer(serializers.ModelSerializer):
    jobseeker = serializers.IntegerField(source="jobseeker_id", read_only=True)
    drawn_up_in = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    tasks = TaskSerializer(many=True, read_only=True)
    obligations = ObligationSerializer(many=True, read_only=True)
    obligation_status = serializers.SerializerMethodField()

    class Meta:
        model = EmploymentPlan
        fields = ["jobseeker", "goal", "drawn_up_on", "drawn_up_in", "tasks", "obligations", "obligation_status",
                  "updated_at"]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(ObligationStatusSerializer(allow_null=True))
    def get_obligation_status(self, obj) -> dict | None:
        found = selectors.obligation_status(obj, self.context.get("today") or service_today())
        return None if found is None else ObligationStatusSerializer(found).data


class PlanWriteSerializer(serializers.Serializer):
    goal = serializers.CharField(max_length=5000)


class BookedSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    planned_at = serializers.DateTimeField()
    meeting_type = serializers.ChoiceField(choices=enums.MeetingType.choices)
    channel = serializers.ChoiceField(choices=enums.Channel.choices)


class WorklistJobseekerSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    municipality = serializers.CharField(source="municipality_code", help_text="Kotikunnan kuntanumero.")


class WorklistRowSerializer(serializers.Serializer):
    """A selectors.WorklistRow as it is."""

    jobseeker = WorklistJobseekerSerializer()
    next_meeting_type = serializers.ChoiceField(source="meeting_type", choices=enums.MeetingType.choices)
    due_on = serializers.DateField()
    bucket = serializers.ChoiceField(choices=enums.Bucket.choices)
    days_overdue = serializers.IntegerField()
    days_until = serializers.IntegerField()
    rule_set_id = serializers.CharField()
    booked = BookedSerializer(allow_null=True)


_ROW_FIELDS = WorklistRowSerializer().fields
_PLANNED_AT = _ROW_FIELDS["booked"].fields["planned_at"]
_DUE_ON = _ROW_FIELDS["due_on"]


def worklist_rows_data(rows) -> list[dict]:
    """Exactly WorklistRowSerializer(rows, many=True).data, built directly: the serializer's dispatch per field was a
    fifth of the endpoint's time. The moments and dates go through the serializer's own fields, so their format
    follows it; the schema is still the serializer's, and tests/service_model/test_worklist_api.py compares the two."""
    data = []
    for row in rows:
        person, booked = row.jobseeker, row.booked
        data.append(
            {
                "jobseeker": {
                    "id": person.pk,
                    "first_name": person.first_name,
                    "last_name": person.last_name,
                    "municipality": person.municipality_code,
                },
                "next_meeting_type": row.meeting_type,
                "due_on": _DUE_ON.to_representation(row.due_on),
                "bucket": str(row.bucket),
                "days_overdue": row.days_overdue,
                "days_until": row.days_until,
                "rule_set_id": row.rule_set_id,
                "booked": None
                if booked is None
                else {
                    "id": booked.pk,
                    "planned_at": _PLANNED_AT.to_representation(booked.planned_at),
                    "meeting_type": booked.meeting_type,
                    "channel": booked.channel,
                },
            }
        )
    return data


class WorklistQuerySerializer(serializers.Serializer):
    paiva = serializers.DateField(required=False, help_text="Viitepäivä (oletus: tänään).")
    horizon = serializers.IntegerField(required=False, min_value=0, max_value=MAX_HORIZON_DAYS, default=28)

    def validate_paiva(self, value):
        if not EARLIEST <= value <= LATEST:
            raise ValidationError(_("Päivän on oltava väliltä 2.5.2022–31.12.2100."))
        return value


CALCULATOR_STATUSES = sorted(adapter.STATUSES)


class CalculatorQuerySerializer(serializers.Serializer):
    job_search_started_on = serializers.DateField(help_text="Työnhaun alkupäivä VVVV-KK-PP.")
    status = serializers.ChoiceField(choices=CALCULATOR_STATUSES, default="unemployed")
    previous_job_search_ended_on = serializers.DateField(
        required=False, help_text="Edellisen työnhaun päättymispäivä (alle 6 kk ennen: ei uutta alkuhaastattelua)."
    )

    def validate_job_search_started_on(self, value: date) -> date:
        if value < adapter.MODEL_START:
            raise ValidationError(
                "Pohjoismaisen palvelumallin säännöt ovat voimassa 2.5.2022 alkaen; "
                "aiemmalle päivälle ei ole määräaikoja."
            )
        if value > LATEST:
            raise ValidationError(_("Päivän on oltava viimeistään 31.12.2100."))
        return value

    def validate(self, data):
        previous_end = data.get("previous_job_search_ended_on")
        if previous_end is not None and previous_end > data["job_search_started_on"]:
            raise ValidationError(
                {"previous_job_search_ended_on": "Edellinen työnhaku ei voi päättyä uuden työnhaun alkamisen jälkeen."}
            )
        return data


CALCULATOR_RESPONSE = inline_serializer(
    "DeadlineCalculation",
    {
        "job_search_started_on": serializers.DateField(),
        "status": serializers.CharField(),
        "rule_set": inline_serializer(
            "RuleSetSummary",
            {
                "id": serializers.CharField(),
                "effective_from": serializers.DateField(),
                "source": serializers.CharField(),
            },
        ),
        "initial_interview_due": serializers.DateField(
            allow_null=True, help_text="Tyhjä, kun avaava tapaaminen on työnhakukeskustelu (edellinen haku alle 6 kk)."
        ),
        "next_discussions": serializers.ListField(child=serializers.DateField()),
        "schedule": serializers.ListField(
            child=inline_serializer(
                "ScheduledMeeting",
                {
                    "meeting_type": serializers.ChoiceField(choices=enums.MeetingType.choices),
                    "due_on": serializers.DateField(),
                    "rule_set_id": serializers.CharField(),
                },
            )
        ),
    },
)
