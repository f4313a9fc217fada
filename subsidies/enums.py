from django.db import models
from django.utils.translation import gettext_lazy as _


class SubsidyKind(models.TextChoices):
    """The kinds of subsidies.rates.Kind with their names (tests check that the two list the same values)."""

    GENERAL = "general", _("palkkatuki")
    REDUCED_WORK_ABILITY = "reduced_work_ability", _("palkkatuki vajaakuntoiselle")
    ASSOCIATION = "association", _("palkkatuki yhdistykselle, säätiölle tai uskonnolliselle yhdyskunnalle")
    AGE_55_PLUS = "age_55_plus", _("työllistämistuki 55 vuotta täyttäneelle")
    START_UP_GRANT = "start_up_grant", _("starttiraha")


class EmployerType(models.TextChoices):
    COMPANY = "company", _("yritys")
    ASSOCIATION = "association", _("yhdistys, säätiö tai uskonnollinen yhdyskunta")
    MUNICIPALITY = "municipality", _("kunta")
    OTHER_PUBLIC = "other_public", _("muu julkinen työnantaja")


class CaseType(models.TextChoices):
    """The delegation's case types (organisation.enums.CaseType values) a subsidy kind belongs to."""

    PAY_SUBSIDY = "pay_subsidy", _("palkkatuki")
    STARTUP_GRANT = "startup_grant", _("starttiraha")

    @classmethod
    def of(cls, kind: str) -> "CaseType":
        return cls.STARTUP_GRANT if kind == SubsidyKind.START_UP_GRANT else cls.PAY_SUBSIDY

    def kinds(self) -> list[str]:
        if self == CaseType.STARTUP_GRANT:
            return [SubsidyKind.START_UP_GRANT.value]
        return [kind.value for kind in SubsidyKind if kind != SubsidyKind.START_UP_GRANT]


class ApplicationState(models.TextChoices):
    RECEIVED = "received", _("saapunut")
    IN_PREPARATION = "in_preparation", _("valmistelussa")
    INFORMATION_REQUESTED = "information_requested", _("lisätietoja pyydetty")
    STATEMENT_REQUESTED = "statement_requested", _("työryhmän lausunto pyydetty")
    PROPOSED = "proposed", _("päätösesitys tehty")
    DECIDED = "decided", _("päätetty")
    NOTIFIED = "notified", _("tiedoksi annettu")
    RECTIFICATION_REQUESTED = "rectification_requested", _("oikaisuvaatimus käsittelyssä")
    CLOSED = "closed", _("päättynyt")


# Still waiting for the area's decision: the open queue.
OPEN_STATES = frozenset(
    {
        ApplicationState.RECEIVED,
        ApplicationState.IN_PREPARATION,
        ApplicationState.INFORMATION_REQUESTED,
        ApplicationState.STATEMENT_REQUESTED,
        ApplicationState.PROPOSED,
    }
)


class Action(models.TextChoices):
    """A step of the workflow: the states it starts from and the state it leads to (`moves`)."""

    RECEIVE = "receive", _("vastaanotettu")
    START_PREPARATION = "start_preparation", _("valmistelu aloitettu")
    REQUEST_INFORMATION = "request_information", _("lisätietoja pyydetty")
    INFORMATION_RECEIVED = "information_received", _("lisätiedot saatu")
    REQUEST_STATEMENT = "request_statement", _("työryhmän lausunto pyydetty")
    RECORD_STATEMENT = "record_statement", _("työryhmän lausunto kirjattu")
    PROPOSE = "propose", _("päätösesitys tehty")
    RETURN_TO_PREPARATION = "return_to_preparation", _("palautettu valmisteluun")
    DECIDE = "decide", _("päätetty")
    NOTIFY = "notify", _("annettu tiedoksi")
    REQUEST_RECTIFICATION = "request_rectification", _("oikaisuvaatimus saapunut")
    DECIDE_RECTIFICATION = "decide_rectification", _("oikaisuvaatimus ratkaistu")
    CLOSE = "close", _("käsittely päätetty")

    @property
    def moves(self) -> tuple[frozenset, ApplicationState]:
        return MOVES[self]

    @property
    def command(self) -> str:
        """The step as a button says it."""
        return COMMANDS[self]


_S = ApplicationState
MOVES = {
    Action.RECEIVE: (frozenset(), _S.RECEIVED),
    Action.START_PREPARATION: (frozenset({_S.RECEIVED}), _S.IN_PREPARATION),
    Action.REQUEST_INFORMATION: (frozenset({_S.IN_PREPARATION}), _S.INFORMATION_REQUESTED),
    Action.INFORMATION_RECEIVED: (frozenset({_S.INFORMATION_REQUESTED}), _S.IN_PREPARATION),
    Action.REQUEST_STATEMENT: (frozenset({_S.IN_PREPARATION}), _S.STATEMENT_REQUESTED),
    Action.RECORD_STATEMENT: (frozenset({_S.STATEMENT_REQUESTED}), _S.IN_PREPARATION),
    Action.PROPOSE: (frozenset({_S.IN_PREPARATION}), _S.PROPOSED),
    Action.RETURN_TO_PREPARATION: (frozenset({_S.PROPOSED}), _S.IN_PREPARATION),
    Action.DECIDE: (frozenset({_S.PROPOSED}), _S.DECIDED),
    Action.NOTIFY: (frozenset({_S.DECIDED}), _S.NOTIFIED),
    Action.REQUEST_RECTIFICATION: (frozenset({_S.NOTIFIED}), _S.RECTIFICATION_REQUESTED),
    Action.DECIDE_RECTIFICATION: (frozenset({_S.RECTIFICATION_REQUESTED}), _S.DECIDED),
    # The payment phase ends: the last month is paid, or the period (a rejection: the time to contest it) is over.
    Action.CLOSE: (frozenset({_S.NOTIFIED}), _S.CLOSED),
}


COMMANDS = {
    Action.RECEIVE: _("Kirjaa saapuneeksi"),
    Action.START_PREPARATION: _("Aloita valmistelu"),
    Action.REQUEST_INFORMATION: _("Pyydä lisätietoja"),
    Action.INFORMATION_RECEIVED: _("Lisätiedot saatu"),
    Action.REQUEST_STATEMENT: _("Pyydä työryhmän lausunto"),
    Action.RECORD_STATEMENT: _("Kirjaa lausunto"),
    Action.PROPOSE: _("Tee päätösesitys"),
    Action.RETURN_TO_PREPARATION: _("Palauta valmisteluun"),
    Action.DECIDE: _("Tee päätös"),
    Action.NOTIFY: _("Kirjaa tiedoksianto"),
    Action.REQUEST_RECTIFICATION: _("Kirjaa oikaisuvaatimus"),
    Action.DECIDE_RECTIFICATION: _("Ratkaise oikaisuvaatimus"),
    Action.CLOSE: _("Päätä käsittely"),
}


class Outcome(models.TextChoices):
    GRANTED = "granted", _("myönnetään")
    REJECTED = "rejected", _("hylätään")


class DecisionKind(models.TextChoices):
    DECISION = "decision", _("päätös")
    RECTIFICATION = "rectification", _("oikaisuvaatimuksen ratkaisu")


class RectificationOutcome(models.TextChoices):
    UPHELD = "upheld", _("päätös pysyy")
    CHANGED = "changed", _("päätöstä muutetaan")


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("puoltaa")
    OPPOSES = "opposes", _("ei puolla")
    NO_OPINION = "no_opinion", _("ei kantaa")


class PaymentState(models.TextChoices):
    SUBMITTED = "submitted", _("kirjattu")
    APPROVED = "approved", _("hyväksytty maksuun")
    REJECTED = "rejected", _("hylätty")
    EXPORTED = "exported", _("siirretty maksuun")


# A request that holds its months: only a rejected one frees them for a new request.
LIVE_PAYMENT_STATES = frozenset({PaymentState.SUBMITTED, PaymentState.APPROVED, PaymentState.EXPORTED})
