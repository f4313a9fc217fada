"""REST API of the service model: a job seeker's meetings and employment plan, the counsellor's worklist and the
deadline calculator. Thin over selectors and services; every response that shows a person logs the read
(selectors.get_jobseeker / log_worklist), and a job seeker outside the user's scope is a 404 (and a denied row).
"""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, inline_serializer
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed, django_errors
from organisation.models import Office
from service_model import adapter, enums, rules, selectors, services
from service_model.models import EmploymentPlan, JobApplication, JobSearchObligation, Meeting, PlanTask
from service_model.today import EARLIEST, LATEST, service_today

MAX_HORIZON_DAYS = 366


# --- Serializers ----------------------------------------------------------------------------------------------


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
        found = services.obligation_status(obj, self.context.get("today") or service_today())
        if found is None:
            return None
        return {
            "period_starts": found.period_starts,
            "period_ends": found.period_ends,
            "required": found.required,
            "reported": found.reported,
            "met": found.met,
        }


class PlanWriteSerializer(serializers.Serializer):
    goal = serializers.CharField(max_length=5000)


class BookedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    planned_at = serializers.DateTimeField()
    meeting_type = serializers.ChoiceField(choices=enums.MeetingType.choices)
    channel = serializers.ChoiceField(choices=enums.Channel.choices)


class WorklistJobseekerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    municipality = serializers.CharField(help_text="Kotikunnan kuntanumero.")


class WorklistRowSerializer(serializers.Serializer):
    jobseeker = WorklistJobseekerSerializer()
    next_meeting_type = serializers.ChoiceField(choices=enums.MeetingType.choices)
    due_on = serializers.DateField()
    bucket = serializers.ChoiceField(choices=enums.Bucket.choices)
    days_overdue = serializers.IntegerField()
    days_until = serializers.IntegerField()
    rule_set_id = serializers.CharField()
    booked = BookedSerializer(allow_null=True)


def _worklist_row(row: selectors.WorklistRow) -> dict:
    jobseeker, booked = row.jobseeker, row.booked
    return {
        "jobseeker": {
            "id": jobseeker.pk,
            "first_name": jobseeker.first_name,
            "last_name": jobseeker.last_name,
            "municipality": jobseeker.municipality_code,
        },
        "next_meeting_type": row.meeting_type,
        "due_on": row.due_on,
        "bucket": row.bucket,
        "days_overdue": row.days_overdue,
        "days_until": row.days_until,
        "rule_set_id": row.rule_set_id,
        "booked": (
            {
                "id": booked.pk,
                "planned_at": booked.planned_at,
                "meeting_type": booked.meeting_type,
                "channel": booked.channel,
            }  # fmt: skip
            if booked
            else None
        ),
    }


class WorklistQuerySerializer(serializers.Serializer):
    paiva = serializers.DateField(required=False, help_text="Viitepäivä (oletus: tänään).")
    horizon = serializers.IntegerField(required=False, min_value=0, max_value=MAX_HORIZON_DAYS, default=28)

    def validate_paiva(self, value):
        if not EARLIEST <= value <= LATEST:
            raise ValidationError("Päivän on oltava väliltä 2.5.2022–31.12.2100.")
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
            raise ValidationError("Päivän on oltava viimeistään 31.12.2100.")
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


# --- Views ----------------------------------------------------------------------------------------------------


class JobseekerScoped(viewsets.GenericViewSet):
    """Finds the job seeker of the URL within the user's scope (logged; 404 when out of scope)."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    purpose = ""
    log_name = ""

    def jobseeker(self):
        if not hasattr(self, "_jobseeker"):
            self._jobseeker = selectors.get_jobseeker(
                self.request.user,
                self.kwargs["jobseeker_pk"],
                view=f"api:{self.log_name}-{self.action}",
                purpose=self.purpose,
            )
        return self._jobseeker

    def require_manage(self, jobseeker) -> None:
        if not permissions.can_manage_meetings(self.request.user, jobseeker):
            raise PermissionDenied

    @staticmethod
    def call(function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except DjangoValidationError as error:
            raise django_errors(error) from None


def _office(pk) -> Office | None:
    if pk is None:
        return None
    office = Office.objects.filter(pk=pk).first()
    if office is None:
        raise ValidationError({"office": ["Toimipistettä ei ole."]})
    return office


def _counsellor(request, pk):
    from accounts.models import User

    if pk is None:
        return request.user
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None:
        raise ValidationError({"counsellor": ["Ohjaajaa ei ole."]})
    return user


@extend_schema(tags=["service-model"])
class MeetingViewSet(JobseekerScoped):
    serializer_class = MeetingSerializer
    queryset = Meeting.objects.none()
    purpose = "tapaamiset (API)"
    log_name = "jobseeker-meeting"
    predicates = {
        "list": permissions.can_view_meetings,
        "retrieve": permissions.can_view_meetings,
        "create": permissions.can_manage_meetings,
        "partial_update": permissions.can_manage_meetings,
        "held": permissions.can_manage_meetings,
        "did_not_attend": permissions.can_manage_meetings,
        "cancel": permissions.can_manage_meetings,
    }

    def meeting(self) -> Meeting:
        jobseeker = self.jobseeker()
        meeting = Meeting.objects.filter(jobseeker=jobseeker, pk=self.kwargs["pk"]).select_related("counsellor").first()
        if meeting is None:
            raise NotFound
        return meeting

    def list(self, request, jobseeker_pk=None):
        page = self.paginate_queryset(selectors.meetings_of(self.jobseeker()))
        return self.get_paginated_response(MeetingSerializer(page, many=True).data)

    def retrieve(self, request, jobseeker_pk=None, pk=None):
        return Response(MeetingSerializer(self.meeting()).data)

    @extend_schema(request=MeetingCreateSerializer, responses={201: MeetingSerializer})
    def create(self, request, jobseeker_pk=None):
        jobseeker = self.jobseeker()
        self.require_manage(jobseeker)
        serializer = MeetingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        common = {
            "jobseeker": jobseeker,
            "meeting_type": data["meeting_type"],
            "channel": data["channel"],
            "counsellor": _counsellor(request, data.get("counsellor")),
            "by": request.user,
            "duration_minutes": data["duration_minutes"],
            "office": _office(data.get("office")),
        }
        if data["held"]:
            meeting = self.call(
                services.record_meeting,
                held_at=data["planned_at"],
                outcome=data.get("outcome", ""),
                plan_review=data.get("plan_review", ""),
                plan_goal=data.get("plan_goal", ""),
                **common,
            )
        else:
            meeting = self.call(services.book_meeting, planned_at=data["planned_at"], **common)
        return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MeetingUpdateSerializer, responses=MeetingSerializer)
    def partial_update(self, request, jobseeker_pk=None, pk=None):
        meeting = self.meeting()
        self.require_manage(meeting.jobseeker)
        serializer = MeetingUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        changes = {
            key: data[key] for key in ("meeting_type", "channel", "planned_at", "duration_minutes") if key in data
        }
        if "office" in data:
            changes["office"] = _office(data["office"])
        meeting = self.call(services.reschedule, meeting, by=request.user, **changes)
        return Response(MeetingSerializer(meeting).data)

    @extend_schema(request=HeldSerializer, responses=MeetingSerializer)
    def held(self, request, jobseeker_pk=None, pk=None):
        meeting = self.meeting()
        self.require_manage(meeting.jobseeker)
        serializer = HeldSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        meeting = self.call(
            services.record_held,
            meeting,
            by=request.user,
            held_at=data.get("held_at"),
            channel=data.get("channel"),
            outcome=data.get("outcome", ""),
            plan_review=data.get("plan_review", ""),
            plan_goal=data.get("plan_goal", ""),
        )
        return Response(MeetingSerializer(meeting).data)

    @extend_schema(request=NoteSerializer, responses=MeetingSerializer)
    def did_not_attend(self, request, jobseeker_pk=None, pk=None):
        meeting = self.meeting()
        self.require_manage(meeting.jobseeker)
        serializer = NoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = self.call(
            services.record_did_not_attend, meeting, by=request.user, note=serializer.validated_data.get("note", "")
        )
        return Response(MeetingSerializer(meeting).data)

    @extend_schema(request=CancelSerializer, responses=MeetingSerializer)
    def cancel(self, request, jobseeker_pk=None, pk=None):
        meeting = self.meeting()
        self.require_manage(meeting.jobseeker)
        serializer = CancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = self.call(
            services.cancel_meeting, meeting, by=request.user, reason=serializer.validated_data["reason"]
        )
        return Response(MeetingSerializer(meeting).data)


@extend_schema(tags=["service-model"])
class PlanViewSet(JobseekerScoped):
    serializer_class = PlanSerializer
    queryset = EmploymentPlan.objects.none()
    pagination_class = None
    purpose = "työllistymissuunnitelma (API)"
    log_name = "jobseeker-plan"
    predicates = {
        "retrieve": permissions.can_view_meetings,
        "update": permissions.can_manage_meetings,
        "tasks": permissions.can_view_meetings,
        "add_task": permissions.can_manage_meetings,
        "task": permissions.can_view_meetings,
        "update_task": permissions.can_manage_meetings,
        "obligations": permissions.can_view_meetings,
        "add_obligation": permissions.can_manage_meetings,
        "applications": permissions.can_view_meetings,
        "add_application": permissions.can_manage_meetings,
    }

    def plan(self, required: bool = True) -> EmploymentPlan | None:
        plan = selectors.plan_of(self.jobseeker())
        if plan is None and required:
            raise NotFound("Työllistymissuunnitelmaa ei ole vielä laadittu.")
        return plan

    def _plan_response(self, plan, code=status.HTTP_200_OK):
        return Response(PlanSerializer(plan, context={"today": service_today()}).data, status=code)

    def retrieve(self, request, jobseeker_pk=None):
        return self._plan_response(self.plan())

    @extend_schema(request=PlanWriteSerializer, responses={200: PlanSerializer, 201: PlanSerializer})
    def update(self, request, jobseeker_pk=None):
        jobseeker = self.jobseeker()
        self.require_manage(jobseeker)
        serializer = PlanWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        existed = selectors.has_plan(jobseeker)
        self.call(services.save_plan, jobseeker=jobseeker, goal=serializer.validated_data["goal"], by=request.user)
        return self._plan_response(
            selectors.plan_of(jobseeker), status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        )

    @extend_schema(responses=TaskSerializer(many=True))
    def tasks(self, request, jobseeker_pk=None):
        return Response(TaskSerializer(self.plan().tasks.all(), many=True).data)

    @extend_schema(request=TaskCreateSerializer, responses={201: TaskSerializer})
    def add_task(self, request, jobseeker_pk=None):
        plan = self.plan()
        self.require_manage(plan.jobseeker)
        serializer = TaskCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        task = self.call(
            services.add_task,
            plan=plan,
            title=data["title"],
            description=data.get("description", ""),
            due_on=data.get("due_on"),
            by=request.user,
        )
        return Response(TaskSerializer(task).data, status=status.HTTP_201_CREATED)

    def _task(self, pk) -> PlanTask:
        task = PlanTask.objects.filter(plan=self.plan(), pk=pk).first()
        if task is None:
            raise NotFound
        return task

    @extend_schema(responses=TaskSerializer)
    def task(self, request, jobseeker_pk=None, pk=None):
        return Response(TaskSerializer(self._task(pk)).data)

    @extend_schema(request=TaskUpdateSerializer, responses=TaskSerializer)
    def update_task(self, request, jobseeker_pk=None, pk=None):
        task = self._task(pk)
        self.require_manage(self.jobseeker())
        serializer = TaskUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        task = self.call(services.set_task_status, task, status=serializer.validated_data["status"], by=request.user)
        return Response(TaskSerializer(task).data)

    @extend_schema(responses=ObligationSerializer(many=True))
    def obligations(self, request, jobseeker_pk=None):
        return Response(ObligationSerializer(self.plan().obligations.all(), many=True).data)

    @extend_schema(request=ObligationCreateSerializer, responses={201: ObligationSerializer})
    def add_obligation(self, request, jobseeker_pk=None):
        plan = self.plan()
        self.require_manage(plan.jobseeker)
        serializer = ObligationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        obligation = self.call(
            services.set_obligation,
            plan=plan,
            applications=data["applications"],
            period_months=data["period_months"],
            starts_on=data.get("starts_on"),
            lowered_reason=data.get("lowered_reason", ""),
            by=request.user,
        )
        return Response(ObligationSerializer(obligation).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=ApplicationSerializer(many=True))
    def applications(self, request, jobseeker_pk=None):
        return Response(ApplicationSerializer(selectors.applications_of(self.jobseeker()), many=True).data)

    @extend_schema(request=ApplicationCreateSerializer, responses={201: ApplicationSerializer})
    def add_application(self, request, jobseeker_pk=None):
        jobseeker = self.jobseeker()
        self.require_manage(jobseeker)
        serializer = ApplicationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        application = self.call(
            services.report_application,
            jobseeker=jobseeker,
            applied_on=data["applied_on"],
            employer=data["employer"],
            job_title=data["job_title"],
            vacancy_reference=data.get("vacancy_reference", ""),
            source=data["source"],
            by=request.user,
        )
        return Response(ApplicationSerializer(application).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["service-model"])
class WorklistViewSet(viewsets.GenericViewSet):
    """The requesting counsellor's worklist: overdue first, then due within 7 days, then upcoming."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"list": permissions.can_view_worklist}
    serializer_class = WorklistRowSerializer
    queryset = Meeting.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter("paiva", OpenApiTypes.DATE, description="Viitepäivä VVVV-KK-PP (oletus: tänään)."),
            OpenApiParameter("horizon", OpenApiTypes.INT, description="Päiviä eteenpäin (0–366, oletus 28)."),
        ],
    )
    def list(self, request):
        query = WorklistQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        today = query.validated_data.get("paiva") or service_today()
        deadlines = self.paginate_queryset(
            selectors.worklist_deadlines(request.user, today, query.validated_data["horizon"])
        )
        rows = selectors.worklist(request.user, today, deadlines=deadlines)
        selectors.log_worklist(request.user, rows, view="api:worklist-list", purpose="oma viikko (API)")
        return self.get_paginated_response([_worklist_row(r) for r in rows])


@extend_schema(tags=["service-model"])
class DeadlineCalculatorViewSet(viewsets.GenericViewSet):
    """The statutory schedule of a job search starting on a day, under the rules in force at each event."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"calculate": permissions.can_use_deadline_calculator}
    pagination_class = None
    queryset = Meeting.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "job_search_started_on", OpenApiTypes.DATE, required=True, description="Työnhaun alkupäivä."
            ),
            OpenApiParameter(
                "status", str, enum=CALCULATOR_STATUSES, description="Työnhakijan tila (oletus: unemployed)."
            ),
            OpenApiParameter(
                "previous_job_search_ended_on",
                OpenApiTypes.DATE,
                description="Edellisen työnhaun päättymispäivä: alle 6 kuukautta ennen alkua avaava tapaaminen on "
                "työnhakukeskustelu eikä alkuhaastattelu.",
            ),
        ],
        responses=CALCULATOR_RESPONSE,
    )
    def calculate(self, request):
        query = CalculatorQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        start = query.validated_data["job_search_started_on"]
        status_value = query.validated_data["status"]
        rule_set = rules.rule_set_for(start)
        planned = rules.schedule(
            None,
            start,
            status=adapter.core_status(status_value),
            previous_job_search_ended_on=query.validated_data.get("previous_job_search_ended_on"),
        )
        opening = planned[0]
        interview = opening.meeting_type == rules.MeetingType.INITIAL_INTERVIEW
        return Response(
            {
                "job_search_started_on": start,
                "status": status_value,
                "rule_set": {"id": rule_set.id, "effective_from": rule_set.effective_from, "source": rule_set.source},
                "initial_interview_due": opening.due_on if interview else None,
                "next_discussions": [p.due_on for p in planned[1:]],
                "schedule": [
                    {"meeting_type": p.meeting_type.value, "due_on": p.due_on, "rule_set_id": p.rule_set_id}
                    for p in planned
                ],
            }
        )


urlpatterns = [
    path(
        "jobseekers/<int:jobseeker_pk>/meetings/",
        MeetingViewSet.as_view({"get": "list", "post": "create"}),
        name="jobseeker-meeting-list",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/meetings/<int:pk>/",
        MeetingViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="jobseeker-meeting-detail",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/meetings/<int:pk>/held/",
        MeetingViewSet.as_view({"post": "held"}),
        name="jobseeker-meeting-held",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/meetings/<int:pk>/did-not-attend/",
        MeetingViewSet.as_view({"post": "did_not_attend"}),
        name="jobseeker-meeting-did-not-attend",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/meetings/<int:pk>/cancel/",
        MeetingViewSet.as_view({"post": "cancel"}),
        name="jobseeker-meeting-cancel",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/plan/",
        PlanViewSet.as_view({"get": "retrieve", "put": "update"}),
        name="jobseeker-plan",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/plan/tasks/",
        PlanViewSet.as_view({"get": "tasks", "post": "add_task"}),
        name="jobseeker-plan-task-list",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/plan/tasks/<int:pk>/",
        PlanViewSet.as_view({"get": "task", "patch": "update_task"}),
        name="jobseeker-plan-task-detail",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/plan/obligations/",
        PlanViewSet.as_view({"get": "obligations", "post": "add_obligation"}),
        name="jobseeker-plan-obligation-list",
    ),
    path(
        "jobseekers/<int:jobseeker_pk>/plan/applications/",
        PlanViewSet.as_view({"get": "applications", "post": "add_application"}),
        name="jobseeker-plan-application-list",
    ),
    path("worklist/", WorklistViewSet.as_view({"get": "list"}), name="worklist"),
    path(
        "service-model/deadlines/",
        DeadlineCalculatorViewSet.as_view({"get": "calculate"}),
        name="service-model-deadlines",
    ),
]
