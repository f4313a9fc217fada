from cooperation.models.international import RecruitmentCase, Spouse, SpouseFollowUp
from cooperation.models.procurement import (
    AgendaItem,
    PlaceReferral,
    ProcuredPlaces,
    Procurement,
    ServiceNeed,
    WorkingGroupMeeting,
)
from cooperation.models.typ import Consent, TypAssessmentRecord, TypClient, TypReferral
from cooperation.models.youth import PartnerReferral, YouthPointVisit

__all__ = [
    "AgendaItem",
    "Consent",
    "PartnerReferral",
    "PlaceReferral",
    "ProcuredPlaces",
    "Procurement",
    "RecruitmentCase",
    "ServiceNeed",
    "Spouse",
    "SpouseFollowUp",
    "TypAssessmentRecord",
    "TypClient",
    "TypReferral",
    "WorkingGroupMeeting",
    "YouthPointVisit",
]
