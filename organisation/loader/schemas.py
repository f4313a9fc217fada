"""The area data files of the organisation section and the fields each file's entries may have."""

from organisation import enums, models
from organisation.loader.fields import (
    Field,
    boolean,
    choice,
    count,
    fte,
    list_of,
    municipality_code,
    optional,
    postal_code,
    slug,
    text,
)

AREA = "area.yaml"
MUNICIPALITIES = "municipalities.yaml"
OFFICES = "offices.yaml"
TEAMS = "teams.yaml"
STAFF_POSITIONS = "staff_positions.yaml"
CASELOAD_TARGETS = "caseload_targets.yaml"
SERVICE_ARRANGEMENTS = "service_arrangements.yaml"
CENTRALISED_SERVICES = "centralised_services.yaml"
DELEGATIONS = "delegations.yaml"
BODIES = "bodies.yaml"
PARTNERS = "partners.yaml"
# Optional: staffing figures the plan gives for the whole area, not for a municipality.
AREA_STAFF = "area_staff.yaml"

AREA_SCHEMA = {
    "slug": Field(slug(models.EmploymentArea, "slug")),
    "name_fi": Field(text(models.EmploymentArea, "name_fi")),
    "name_sv": optional(text(models.EmploymentArea, "name_sv", blank=True), ""),
    "name_en": optional(text(models.EmploymentArea, "name_en", blank=True), ""),
    "responsible_municipality": optional(municipality_code),
    "source": Field(text(models.EmploymentArea, "source")),
}

MUNICIPALITY_SCHEMA = {
    "code": Field(municipality_code),
    "name_fi": Field(text(models.Municipality, "name_fi")),
    "name_sv": Field(text(models.Municipality, "name_sv")),
    "region": Field(text(models.Municipality, "region")),
    "wellbeing_services_county": Field(text(models.Municipality, "wellbeing_services_county")),
    "source": Field(text(models.Municipality, "source")),
}

OFFICE_SCHEMA = {
    "key": Field(slug(models.Office)),
    "name": Field(text(models.Office, "name")),
    "municipality": Field(municipality_code),
    "street_address": Field(text(models.Office, "street_address")),
    "postal_code": Field(postal_code),
    "post_town": Field(text(models.Office, "post_town")),
    "customer_groups": optional(list_of(choice(enums.TargetGroup), allow_empty=True), []),
    "services": optional(text(models.Office, "services", blank=True), ""),
    "notes": optional(text(models.Office, "notes", blank=True), ""),
    "source": Field(text(models.Office, "source")),
}

TEAM_SCHEMA = {
    "key": Field(slug(models.Team)),
    "municipality": Field(municipality_code),
    "name": Field(text(models.Team, "name")),
    "target_group": Field(choice(enums.TargetGroup)),
    "office": optional(slug(models.Office)),
    "source": Field(text(models.Team, "source")),
}

STAFF_POSITION_SCHEMA = {
    "municipality": Field(municipality_code),
    "title": Field(text(models.StaffPosition, "title")),
    "role": Field(choice(enums.StaffRole)),
    "fte": optional(fte),
    "fte_min": optional(fte),
    "fte_max": optional(fte),
    "origin": Field(choice(enums.StaffOrigin)),
    "status": optional(choice(enums.PositionStatus), enums.PositionStatus.PLANNED.value),
    "customer_work": optional(boolean, False),
    "team": optional(slug(models.Team)),
    "notes": optional(text(models.StaffPosition, "notes", blank=True), ""),
    "source": Field(text(models.StaffPosition, "source")),
}

CASELOAD_TARGET_SCHEMA = {
    "municipality": Field(municipality_code),
    "team": optional(slug(models.Team)),
    "min_clients": optional(count),
    "max_clients": optional(count),
    "wording": Field(text(models.CaseloadTarget, "wording")),
    "bound": optional(choice(enums.CaseloadBound), enums.CaseloadBound.RANGE.value),
    "tolerance_percent": optional(fte),
    "notes": optional(text(models.CaseloadTarget, "notes", blank=True), ""),
    "source": Field(text(models.CaseloadTarget, "source")),
}

SERVICE_ARRANGEMENT_SCHEMA = {
    "key": Field(slug(models.ServiceArrangement)),
    "provider_municipality": Field(municipality_code),
    "provider_team": optional(slug(models.Team)),
    "served_municipalities": Field(list_of(municipality_code, allow_empty=False)),
    "target_group": optional(choice(enums.TargetGroup), enums.TargetGroup.ALL.value),
    "role": optional(choice(enums.ArrangementRole), enums.ArrangementRole.PRIMARY.value),
    "meeting_place": optional(choice(enums.MeetingPlace), enums.MeetingPlace.SERVED_MUNICIPALITY_OFFICE.value),
    "meeting_office": optional(slug(models.Office)),
    "fte": optional(fte),
    "plan_example": optional(boolean, False),
    "description": Field(text(models.ServiceArrangement, "description")),
    "source": Field(text(models.ServiceArrangement, "source")),
}

CENTRALISED_SERVICE_SCHEMA = {
    "key": Field(slug(models.CentralisedService)),
    "name_fi": Field(text(models.CentralisedService, "name_fi")),
    "name_sv": Field(text(models.CentralisedService, "name_sv")),
    "name_en": Field(text(models.CentralisedService, "name_en")),
    "category": Field(choice(enums.ServiceCategory)),
    "parent": optional(slug(models.CentralisedService)),
    "also_purchased": optional(boolean, False),
    "source": Field(text(models.CentralisedService, "source")),
}

DELEGATION_SCHEMA = {
    "municipality": Field(municipality_code),
    "case_type": Field(choice(enums.CaseType)),
    "prepares": optional(boolean, True),
    "decides": optional(boolean, True),
    "payment": optional(choice(enums.PaymentArrangement), enums.PaymentArrangement.NOT_APPLICABLE.value),
    "status": optional(choice(enums.DelegationStatus), enums.DelegationStatus.PLANNED.value),
    "notes": optional(text(models.Delegation, "notes", blank=True), ""),
    "source": Field(text(models.Delegation, "source")),
}

BODY_SCHEMA = {
    "key": Field(slug(models.CooperationBody)),
    "name": Field(text(models.CooperationBody, "name")),
    "kind": Field(choice(enums.BodyKind)),
    "role": Field(choice(enums.BodyRole)),
    "purpose": Field(text(models.CooperationBody, "purpose")),
    "members": optional(text(models.CooperationBody, "members", blank=True), ""),
    "source": Field(text(models.CooperationBody, "source")),
}

PARTNER_SCHEMA = {
    "key": Field(slug(models.Partner)),
    "name": Field(text(models.Partner, "name")),
    "kind": Field(choice(enums.PartnerKind)),
    "cooperation": Field(text(models.Partner, "cooperation")),
    "source": Field(text(models.Partner, "source")),
}

AREA_STAFF_SCHEMA = {
    "key": Field(slug(models.AreaStaffFact)),
    "title": Field(text(models.AreaStaffFact, "title")),
    "origin": Field(choice(enums.StaffOrigin)),
    "persons": optional(count),
    "fte": optional(fte),
    "customer_work_fte": optional(fte),
    "approximate": optional(boolean, False),
    "notes": optional(text(models.AreaStaffFact, "notes", blank=True), ""),
    "source": Field(text(models.AreaStaffFact, "source")),
}
