"""The links this app offers on the service model's pages (service_model.actions): an invitation to a booked meeting,
and the employment plan as a letter. The service model's page shows a meeting's actions only while it is booked."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import permissions
from service_model.actions import Action
from service_model.models import EmploymentPlan


def _may_invite(user, meeting) -> bool:
    # An ended job search has no meetings to invite to (correspondence.services.send_invitation refuses it too).
    jobseeker = meeting.jobseeker
    return permissions.can_send_to_client(user, jobseeker) and not jobseeker.job_search_ended


def _may_send_plan(user, jobseeker) -> bool:
    return (
        permissions.can_send_to_client(user, jobseeker)
        and EmploymentPlan.objects.filter(jobseeker_id=jobseeker.pk).exists()
    )


INVITATION = Action(
    key="invitation",
    label=_("Lähetä kutsu"),
    detail=_("tapaamiseen %(when)s"),
    url=lambda meeting: reverse("correspondence:invitation", kwargs={"pk": meeting.pk}),
    allowed=_may_invite,
)
PLAN_LETTER = Action(
    key="plan_letter",
    label=_("Työllistymissuunnitelma kirjeenä"),
    detail="",
    url=lambda jobseeker: reverse("correspondence:plan", kwargs={"pk": jobseeker.pk}),
    allowed=_may_send_plan,
)
