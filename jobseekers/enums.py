from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation import routing


class Sex(models.TextChoices):
    """Derived from the identity code's individual number (odd male, even female), never typed."""

    MALE = "male", _("mies")
    FEMALE = "female", _("nainen")


class JobseekerStatus(models.TextChoices):
    """Labour-market status of a registered job seeker (työnhakijan työmarkkina-asema)."""

    UNEMPLOYED = "unemployed", _("työtön")
    FULLY_LAID_OFF = "fully_laid_off", _("kokoaikaisesti lomautettu")
    PARTLY_LAID_OFF = "partly_laid_off", _("lyhennetyllä työviikolla lomautettu")
    PART_TIME = "part_time", _("osa-aikatyössä")
    EMPLOYED = "employed", _("työssä, hakee työtä")
    IN_SERVICES = "in_services", _("palveluissa")
    STUDENT = "student", _("opiskelija")
    OUTSIDE_LABOUR_FORCE = "outside_labour_force", _("työvoiman ulkopuolella")


# Statistics Finland and the ministry count fully laid-off people among the unemployed job seekers (Table 1's
# "työttömät"), so these two statuses are "unemployed" wherever a figure is compared with the statistics.
UNEMPLOYED_STATUSES = frozenset({JobseekerStatus.UNEMPLOYED, JobseekerStatus.FULLY_LAID_OFF})
# A list filter by a statistical concept (`concept=unemployed`, as in the statistics API) rather than by one status.
STATUS_CONCEPTS = {"unemployed": UNEMPLOYED_STATUSES}


class Channel(models.TextChoices):
    ONLINE = "online", _("verkkoasiointi")
    PHONE = "phone", _("puhelin")
    EMAIL = "email", _("sähköposti")
    LETTER = "letter", _("kirje")
    IN_PERSON = "in_person", _("käynti toimipisteessä")


class EducationLevel(models.TextChoices):
    """Statistics Finland's level of education (koulutusaste), coarsened."""

    UNKNOWN = "unknown", _("tuntematon")
    BASIC = "basic", _("perusaste tai ei tutkintoa")
    UPPER_SECONDARY = "upper_secondary", _("toinen aste")
    SHORT_TERTIARY = "short_tertiary", _("alin korkea-aste")
    BACHELOR = "bachelor", _("alempi korkeakouluaste")
    MASTER = "master", _("ylempi korkeakouluaste")
    DOCTORAL = "doctoral", _("tutkijakoulutusaste")


class DrivingLicence(models.TextChoices):
    AM = "AM", "AM"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    A = "A", "A"
    B = "B", "B"
    BE = "BE", "BE"
    C1 = "C1", "C1"
    C1E = "C1E", "C1E"
    C = "C", "C"
    CE = "CE", "CE"
    D1 = "D1", "D1"
    D1E = "D1E", "D1E"
    D = "D", "D"
    DE = "DE", "DE"
    T = "T", "T"


class TargetGroup(models.TextChoices):
    """The routing target groups; the values are those of organisation.enums.TargetGroup and organisation.routing."""

    YOUTH = routing.TargetGroup.YOUTH.value, _("nuoret")
    ADULTS = routing.TargetGroup.ADULTS.value, _("aikuiset")
    FOREIGN_LANGUAGE = routing.TargetGroup.FOREIGN_LANGUAGE.value, _("vieraskieliset")
    MULTISECTORAL = routing.TargetGroup.MULTISECTORAL.value, _("monialainen palvelu (TYP)")


class AssignmentReason(models.TextChoices):
    BATCH = "batch", _("asiakasjako")
    MANUAL = "manual", _("esihenkilön siirto")
    REGISTRATION = "registration", _("rekisteröinti")


class JobSearchEndReason(models.TextChoices):
    """Why a job search ended (työnhaun päättymisen syy)."""

    EMPLOYED = "employed", _("työllistyi")
    EDUCATION = "education", _("aloitti opinnot")
    OWN_REQUEST = "own_request", _("asiakkaan oma ilmoitus")
    NO_CONTACT = "no_contact", _("asiakas ei ollut yhteydessä")
    MOVED_AWAY = "moved_away", _("muutti pois työllisyysalueelta")
    PENSION = "pension", _("siirtyi eläkkeelle")
    OTHER = "other", _("muu syy")


class ChangeKind(models.TextChoices):
    """What one row of a job seeker's change history (JobseekerChange) records."""

    FIELD = "field", _("tiedon muutos")
    STATUS = "status", _("tilan muutos")
    ROUTING = "routing", _("ohjaajaryhmän muutos")
    JOB_SEARCH_ENDED = "job_search_ended", _("työnhaku päättyi")
    JOB_SEARCH_REOPENED = "job_search_reopened", _("työnhaku alkoi uudelleen")


class ServiceLanguageGroup(models.TextChoices):
    FINNISH = "fi", _("suomi")
    SWEDISH = "sv", _("ruotsi")
    OTHER = "other", _("muu kieli")


class CaseloadStatus(models.TextChoices):
    """Clients per FTE against the plan's target, for a counsellor, a team or a serving municipality."""

    OVER = "over", _("yli tavoitteen")
    UNDER = "under", _("alle tavoitteen")
    WITHIN = "within", _("tavoitteessa")
    NO_TARGET = "no_target", _("ei tavoitetta")
    NO_STAFF = "no_staff", _("ei ohjaajia")
    NO_CLIENTS = "no_clients", _("ei asiakkaita")
    SERVED_ELSEWHERE = "served_elsewhere", _("toinen kunta palvelee")

    @property
    def is_over(self) -> bool:
        """More clients than the target allows: above it, or clients with no counsellor at all."""
        return self in (CaseloadStatus.OVER, CaseloadStatus.NO_STAFF)


class CounsellorPurpose(models.TextChoices):
    """What a counsellor is being chosen for; selectors.counsellors_for documents the conditions of each."""

    MEETING = "meeting", _("tapaamisen varaaminen")
    REASSIGNMENT = "reassignment", _("vastuuohjaajan vaihto")
    BATCH_ASSIGNMENT = "batch_assignment", _("asiakasjako")
    REGISTRATION = "registration", _("vastuuohjaajuus rekisteröinnissä")


class JournalEntryKind(models.TextChoices):
    """What a client journal (asiakaskertomus) entry records."""

    PHONE_CALL = "phone_call", _("puhelu")
    EMAIL = "email", _("sähköposti")
    NOTE = "note", _("muistiinpano")
    MESSAGE_SENT = "message_sent", _("lähetetty viesti")
    DOCUMENT_RECEIVED = "document_received", _("vastaanotettu asiakirja")
