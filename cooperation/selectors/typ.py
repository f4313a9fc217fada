"""Reads of the multisectoral service (TYP). A person's assessments, client relationship, consents and referrals are
their data: read after the registry's `get_jobseeker` (which logs the read or the refusal); lists of clients log each
person shown. The caseload against the plan's target is counts only."""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from accounts import permissions, permissions_cooperation
from accounts.models import User
from cooperation.models import Consent, TypAssessmentRecord, TypClient, TypReferral
from jobseekers import selectors as jobseeker_selectors
from organisation.enums import TargetGroup
from organisation.models import CaseloadTarget, Municipality


def get_jobseeker(user, pk, *, view: str, purpose: str):
    return jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)


def assessments_of(jobseeker) -> QuerySet:
    return TypAssessmentRecord.objects.filter(jobseeker=jobseeker).select_related("assessed_by")


def latest_assessment(jobseeker) -> TypAssessmentRecord | None:
    return assessments_of(jobseeker).order_by("-assessed_on", "-pk").first()


def clients_of(jobseeker) -> QuerySet:
    return TypClient.objects.filter(jobseeker=jobseeker).select_related("wellbeing_county", "created_by")


def open_client(jobseeker) -> TypClient | None:
    return clients_of(jobseeker).filter(ended_on__isnull=True).first()


def consents_of(jobseeker) -> QuerySet:
    return Consent.objects.filter(jobseeker=jobseeker).select_related(
        "recipient", "recorded_by", "withdrawn_recorded_by"
    )


def consents_in_force(jobseeker, day) -> list[Consent]:
    return [consent for consent in consents_of(jobseeker) if consent.in_force(day)]


def referrals_of(jobseeker) -> QuerySet:
    return TypReferral.objects.filter(jobseeker=jobseeker).select_related("partner", "consent", "referred_by")


def get_consent(user, pk, *, view: str, purpose: str) -> Consent:
    consent = Consent.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if consent is None:
        raise Http404
    jobseeker_selectors.get_jobseeker(user, consent.jobseeker_id, view=view, purpose=purpose)
    return consents_of(consent.jobseeker).get(pk=consent.pk)


@dataclass(frozen=True)
class Event:
    day: object
    kind: str
    text: str
    by: object


def history(jobseeker) -> list[Event]:
    """Assessments, the client relationship, consents (given and withdrawn) and referrals, oldest first: the record
    a partner or the person can follow."""
    events = [Event(a.assessed_on, "assessment", a.rule_section, a.assessed_by) for a in assessments_of(jobseeker)]
    for client in clients_of(jobseeker):
        events.append(Event(client.started_on, "client_started", str(client.wellbeing_county), client.created_by))
        if client.ended_on:
            events.append(Event(client.ended_on, "client_ended", str(client.wellbeing_county), client.created_by))
    for consent in consents_of(jobseeker):
        events.append(Event(consent.given_on, "consent_given", str(consent.recipient), consent.recorded_by))
        if consent.withdrawn_on:
            events.append(
                Event(consent.withdrawn_on, "consent_withdrawn", str(consent.recipient), consent.withdrawn_recorded_by)
            )
    events.extend(Event(r.referred_on, "referral", str(r.partner), r.referred_by) for r in referrals_of(jobseeker))
    order = ["assessment", "client_started", "consent_given", "referral", "consent_withdrawn", "client_ended"]
    return sorted(events, key=lambda event: (event.day, order.index(event.kind)))


def clients(user) -> QuerySet:
    """Open TYP client relationships of the job seekers the user may read."""
    if not permissions_cooperation.can_view_cooperation_clients(user):
        return TypClient.objects.none()
    people = jobseeker_selectors.jobseekers(user).values("pk")
    return (
        TypClient.objects.filter(jobseeker__in=people, ended_on__isnull=True)
        .select_related("jobseeker", "municipality", "wellbeing_county")
        .order_by("jobseeker__last_name", "jobseeker__first_name", "pk")
    )


def log_listing(user, shown, *, view: str, purpose: str) -> None:
    jobseeker_selectors.log_listing(user, [row.jobseeker for row in shown], view=view, purpose=purpose)


@dataclass(frozen=True)
class TypCaseload:
    municipality: Municipality
    clients: int
    team_fte: Decimal | None
    per_fte: Decimal | None
    target_max: int | None
    target_wording: str

    @property
    def over_target(self) -> bool | None:
        if self.per_fte is None or self.target_max is None:
            return None
        # "alle 100" (under 100): the target's max is the limit itself, which is not allowed.
        return self.per_fte >= self.target_max


def caseload(area) -> list[TypCaseload]:
    """Open TYP clients per municipality against the plan's TYP target (a team target of a multisectoral team, e.g.
    Kajaani under 100 per expert), per FTE of that team's active counsellors."""
    counts = dict(
        TypClient.objects.filter(municipality__area=area, ended_on__isnull=True)
        .values("municipality_id")
        .annotate(n=Count("pk"))
        .values_list("municipality_id", "n")
    )
    targets = {
        target.municipality_id: target
        for target in CaseloadTarget.objects.filter(area=area, team__target_group=TargetGroup.MULTISECTORAL)
    }
    rows = []
    for municipality in Municipality.objects.filter(area=area).order_by("name_fi"):
        target = targets.get(municipality.pk)
        fte = per_fte = None
        if target is not None:
            fte = User.objects.filter(permissions.counsellors_filter(), team_id=target.team_id).aggregate(
                total=Sum("fte")
            )["total"]
            if fte:
                per_fte = (Decimal(counts.get(municipality.pk, 0)) / fte).quantize(
                    Decimal("0.1"), rounding=ROUND_HALF_EVEN
                )
        rows.append(
            TypCaseload(
                municipality=municipality,
                clients=counts.get(municipality.pk, 0),
                team_fte=fte,
                per_fte=per_fte,
                target_max=target.max_clients if target else None,
                target_wording=target.wording if target else "",
            )
        )
    return rows


def figures(area) -> dict:
    """Per municipality id: open clients, referrals made, consents given and withdrawn (counts for the report)."""
    result = {}
    for key, queryset, field in (
        ("typ_clients", TypClient.objects.filter(ended_on__isnull=True), "municipality_id"),
        ("typ_referrals", TypReferral.objects.all(), "jobseeker__municipality_id"),
        ("consents", Consent.objects.all(), "jobseeker__municipality_id"),
        ("consents_withdrawn", Consent.objects.filter(~Q(withdrawn_on=None)), "jobseeker__municipality_id"),
    ):
        for municipality_id, n in (
            queryset.filter(jobseeker__area=area).values(field).annotate(n=Count("pk")).values_list(field, "n")
        ):
            result.setdefault(municipality_id, {})[key] = n
    return result
