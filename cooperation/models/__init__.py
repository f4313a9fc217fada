from cooperation.models.events import EventParticipant, RecruitmentEvent
from cooperation.models.integration import InfoContact, IntegrationPlan, LanguageTraining
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
    "EventParticipant",
    "InfoContact",
    "IntegrationPlan",
    "LanguageTraining",
    "PartnerReferral",
    "PlaceReferral",
    "ProcuredPlaces",
    "Procurement",
    "RecruitmentCase",
    "RecruitmentEvent",
    "ServiceNeed",
    "Spouse",
    "SpouseFollowUp",
    "TypAssessmentRecord",
    "TypClient",
    "TypReferral",
    "WorkingGroupMeeting",
    "YouthPointVisit",
]
