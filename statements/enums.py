"""Choices of the statements app. Case types share their values with the pure core (statements.rules)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from statements import rules


class CaseType(models.TextChoices):
    JOB_SEARCH_NEGLECT = rules.CaseType.JOB_SEARCH_NEGLECT.value, _("työnhakuvelvollisuuden laiminlyönti")
    MISSED_MEETING = rules.CaseType.MISSED_MEETING.value, _("saapumatta jättäminen alkuhaastatteluun tai keskusteluun")
    REFUSED_JOB = rules.CaseType.REFUSED_JOB.value, _("työstä kieltäytyminen")
    REFUSED_SERVICE = rules.CaseType.REFUSED_SERVICE.value, _("palvelusta kieltäytyminen")
    INTERRUPTED_SERVICE = rules.CaseType.INTERRUPTED_SERVICE.value, _("palvelun keskeyttäminen")


class Payer(models.TextChoices):
    """Who pays the benefit and so receives the statement, which binds them."""

    KELA = "kela", _("Kela")
    UNEMPLOYMENT_FUND = "unemployment_fund", _("työttömyyskassa")


class ConsequenceKind(models.TextChoices):
    NONE = "none", _("ei seuraamusta")
    REMINDER = "reminder", _("muistutus")
    BENEFIT_FREE_PERIOD = "benefit_free_period", _("korvaukseton määräaika")
    WORK_OBLIGATION = "work_obligation", _("työssäolovelvoite")

    @classmethod
    def of(cls, kind: rules.ConsequenceKind) -> "ConsequenceKind":
        return cls(kind.name.lower())


class StatementState(models.TextChoices):
    """A statement's lifecycle. The hearing (Administrative Procedure Act 434/2003 § 34) comes before a proposal;
    a returned statement is heard again or proposed again; an approved one is final."""

    DRAFT = "draft", _("luonnos")
    HEARING = "hearing", _("kuultavana")
    AWAITING_APPROVAL = "awaiting_approval", _("odottaa hyväksyntää")
    APPROVED = "approved", _("hyväksytty")
    RETURNED = "returned", _("palautettu")

    def can_become(self, target: "StatementState") -> bool:
        return target in _ALLOWED[self]

    @property
    def hearing_can_be_sent(self) -> bool:
        return self.can_become(StatementState.HEARING)

    @property
    def can_be_proposed(self) -> bool:
        return self.can_become(StatementState.AWAITING_APPROVAL)

    @property
    def awaits_decision(self) -> bool:
        return self is StatementState.AWAITING_APPROVAL


_S = StatementState
_ALLOWED: dict[StatementState, frozenset[StatementState]] = {
    _S.DRAFT: frozenset({_S.HEARING}),
    _S.HEARING: frozenset({_S.AWAITING_APPROVAL}),
    _S.AWAITING_APPROVAL: frozenset({_S.APPROVED, _S.RETURNED}),
    _S.RETURNED: frozenset({_S.HEARING, _S.AWAITING_APPROVAL}),
    _S.APPROVED: frozenset(),
}
