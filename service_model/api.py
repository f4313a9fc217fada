"""REST API of the service model: a job seeker's meetings and employment plan, the counsellor's worklist and the
deadline calculator. Thin over selectors and services (serializers.py types the input and the output); every
response that shows a person logs the read (selectors.get_jobseeker / log_worklist), and a job seeker outside the
user's scope is a 404 (and a denied row).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from accounts import permissions
from accounts.models import User
from common.api import Allowed, django_errors
from common.pagination import StrictLimitOffsetPagination
from organisation.models import Office
from service_model import adapter, rules, selectors
from service_model.models import EmploymentPlan, Meeting, PlanTask
from service_model.serializers import (
    CALCULATOR_RESPONSE,
    CALCULATOR_STATUSES,
    ApplicationCreateSerializer,
    ApplicationSerializer,
    CalculatorQuerySerializer,
    CancelSerializer,
    HeldSerializer,
    MeetingCreateSerializer,
    MeetingSerializer,
    MeetingUpdateSerializer,
    NoteSerializer,
    ObligationCreateSerializer,
    ObligationSerializer,
    PlanSerializer,
    PlanWriteSerializer,
    TaskCreateSerializer,
    TaskSerializer,
    TaskUpdateSerializer,
    WorklistQuerySerializer,
    WorklistRowSerializer,
    worklist_rows_data,
)
from service_model.services import meetings, plans
from service_model.today import service_today

# The job seeker's routes nest under the registry's jobseekers/{id}/; the router sees them as prefixes.
JOBSEEKER = r"jobseekers/(?P<jobseeker_pk>[0-9]+)"
JOBSEEKER_PK = OpenApiParameter("jobseeker_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="Työnhakijan id.")
MEETING_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Tapaamisen id.")


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
        raise ValidationError({"office": [_("Toimipistettä ei ole.")]})
    return office


def _counsellor(request, pk):
    if pk is None:
        return request.user
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None:
        raise ValidationError({"counsellor": [_("Ohjaajaa ei ole.")]})
    return user


@extend_schema(tags=["service-model"], parameters=[JOBSEEKER_PK])
class MeetingViewSet(JobseekerScoped):
    serializer_class = MeetingSerializer
    queryset = Meeting.objects.none()
    lookup_value_regex = "[0-9]+"
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

    @extend_schema(parameters=[MEETING_ID])
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
                meetings.record_meeting,
                held_at=data["planned_at"],
                outcome=data.get("outcome", ""),
                plan_review=data.get("plan_review", ""),
                plan_goal=data.get("plan_goal", ""),
                **common,
            )
        else:
            meeting = self.call(meetings.book_meeting, planned_at=data["planned_at"], **common)
        return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MeetingUpdateSerializer, responses=MeetingSerializer, parameters=[MEETING_ID])
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
        meeting = self.call(meetings.reschedule, meeting, by=request.user, **changes)
        return Response(MeetingSerializer(meeting).data)

    @extend_schema(request=HeldSerializer, responses=MeetingSerializer, parameters=[MEETING_ID])
    @action(detail=True, methods=["post"])
    def held(self, request, jobseeker_pk=None, pk=None):
        meeting = self.meeting()
        self.require_manage(meeting.jobseeker)
        serializer = HeldSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        meeting = self.call(
            meetings.record_held,
            meeting,
            by=request.user,
            held_at=data.get("held_at"),
            channel=data.get("channel"),
            outcome=data.get("outcome", ""),
            plan_review=data.get("plan_review", ""),
            plan_goal=data.get("plan_goal", ""),
        )
        return Response(MeetingSerializer(meeting).data)

    @extend_schema(request=NoteSerializer, responses=MeetingSerializer, parameters=[MEETING_ID])
    @action(detail=True, methods=["post"], url_path="did-not-attend")
    def did_not_attend(self, request, jobseeker_pk=None, pk=None):
        meeting = self.meeting()
        self.require_manage(meeting.jobseeker)
        serializer = NoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = self.call(
            meetings.record_did_not_attend, meeting, by=request.user, note=serializer.validated_data.get("note", "")
        )
        return Response(MeetingSerializer(meeting).data)

    @extend_schema(request=CancelSerializer, responses=MeetingSerializer, parameters=[MEETING_ID])
    @action(detail=True, methods=["post"])
    def cancel(self, request, jobseeker_pk=None, pk=None):
        meeting = self.meeting()
        self.require_manage(meeting.jobseeker)
        serializer = CancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = self.call(
            meetings.cancel_meeting, meeting, by=request.user, reason=serializer.validated_data["reason"]
        )
        return Response(MeetingSerializer(meeting).data)


@extend_schema(tags=["service-model"], parameters=[JOBSEEKER_PK])
class PlanViewSet(JobseekerScoped):
    serializer_class = PlanSerializer
    queryset = EmploymentPlan.objects.none()
    pagination_class = None
    purpose = "työllistymissuunnitelma (API)"
    log_name = "jobseeker-plan"
    predicates = {
        "read": permissions.can_view_meetings,
        "write": permissions.can_manage_meetings,
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

    @extend_schema(responses=PlanSerializer)
    @action(detail=False, methods=["get"], url_path="plan", url_name="detail")
    def read(self, request, jobseeker_pk=None):
        return self._plan_response(self.plan())

    @extend_schema(request=PlanWriteSerializer, responses={200: PlanSerializer, 201: PlanSerializer})
    @read.mapping.put
    def write(self, request, jobseeker_pk=None):
        jobseeker = self.jobseeker()
        self.require_manage(jobseeker)
        serializer = PlanWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        existed = selectors.has_plan(jobseeker)
        self.call(plans.save_plan, jobseeker=jobseeker, goal=serializer.validated_data["goal"], by=request.user)
        return self._plan_response(
            selectors.plan_of(jobseeker), status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        )

    @extend_schema(responses=TaskSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="plan/tasks", url_name="task-list")
    def tasks(self, request, jobseeker_pk=None):
        return Response(TaskSerializer(self.plan().tasks.all(), many=True).data)

    @extend_schema(request=TaskCreateSerializer, responses={201: TaskSerializer})
    @tasks.mapping.post
    def add_task(self, request, jobseeker_pk=None):
        plan = self.plan()
        self.require_manage(plan.jobseeker)
        serializer = TaskCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        task = self.call(
            plans.add_task,
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
    @action(detail=False, methods=["get"], url_path=r"plan/tasks/(?P<pk>[0-9]+)", url_name="task-detail")
    def task(self, request, jobseeker_pk=None, pk=None):
        return Response(TaskSerializer(self._task(pk)).data)

    @extend_schema(request=TaskUpdateSerializer, responses=TaskSerializer)
    @task.mapping.patch
    def update_task(self, request, jobseeker_pk=None, pk=None):
        task = self._task(pk)
        self.require_manage(self.jobseeker())
        serializer = TaskUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        task = self.call(plans.set_task_status, task, status=serializer.validated_data["status"], by=request.user)
        return Response(TaskSerializer(task).data)

    @extend_schema(responses=ObligationSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="plan/obligations", url_name="obligation-list")
    def obligations(self, request, jobseeker_pk=None):
        return Response(ObligationSerializer(self.plan().obligations.all(), many=True).data)

    @extend_schema(request=ObligationCreateSerializer, responses={201: ObligationSerializer})
    @obligations.mapping.post
    def add_obligation(self, request, jobseeker_pk=None):
        plan = self.plan()
        self.require_manage(plan.jobseeker)
        serializer = ObligationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        obligation = self.call(
            plans.set_obligation,
            plan=plan,
            applications=data["applications"],
            period_months=data["period_months"],
            starts_on=data.get("starts_on"),
            lowered_reason=data.get("lowered_reason", ""),
            by=request.user,
        )
        return Response(ObligationSerializer(obligation).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=ApplicationSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="plan/applications", url_name="application-list")
    def applications(self, request, jobseeker_pk=None):
        return Response(ApplicationSerializer(selectors.applications_of(self.jobseeker()), many=True).data)

    @extend_schema(request=ApplicationCreateSerializer, responses={201: ApplicationSerializer})
    @applications.mapping.post
    def add_application(self, request, jobseeker_pk=None):
        jobseeker = self.jobseeker()
        self.require_manage(jobseeker)
        serializer = ApplicationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        application = self.call(
            plans.report_application,
            jobseeker=jobseeker,
            applied_on=data["applied_on"],
            employer=data["employer"],
            job_title=data["job_title"],
            vacancy_reference=data.get("vacancy_reference", ""),
            source=data["source"],
            by=request.user,
        )
        return Response(ApplicationSerializer(application).data, status=status.HTTP_201_CREATED)


class WorklistPagination(StrictLimitOffsetPagination):
    """The default pagination, but a first page that holds the whole list is counted from its rows: most counsellors'
    lists fit in one page, and their COUNT query was a tenth of the endpoint's time."""

    def paginate_queryset(self, queryset, request, view=None):
        if request.query_params.get(self.offset_query_param, "0") != "0":
            return super().paginate_queryset(queryset, request, view)
        self._checked(request, self.limit_query_param)
        self.request, self.offset = request, 0
        self.limit = self.get_limit(request)
        head = list(queryset[: self.limit + 1])
        self.count = len(head) if len(head) <= self.limit else self.get_count(queryset)
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        return head[: self.limit]


@extend_schema(tags=["service-model"])
class WorklistViewSet(viewsets.GenericViewSet):
    """The requesting counsellor's worklist: overdue first, then due within 7 days, then upcoming."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"list": permissions.can_view_worklist}
    serializer_class = WorklistRowSerializer
    pagination_class = WorklistPagination
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
        return self.get_paginated_response(worklist_rows_data(rows))


@extend_schema(tags=["service-model"])
class DeadlineCalculatorViewSet(viewsets.GenericViewSet):
    """The statutory schedule of a job search starting on a day, under the rules in force at each event."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"deadlines": permissions.can_use_deadline_calculator}
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
    @action(detail=False, methods=["get"])
    def deadlines(self, request):
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


def register(router):
    router.register(f"{JOBSEEKER}/meetings", MeetingViewSet, basename="jobseeker-meeting")
    router.register(JOBSEEKER, PlanViewSet, basename="jobseeker-plan")
    router.register("worklist", WorklistViewSet, basename="worklist")
    router.register("service-model", DeadlineCalculatorViewSet, basename="service-model")
