"""Statements for tests, written through the services so every row has its transition log as in production.

    statement = make_statement(jobseeker, by=counsellor)                      # a draft
    statement = make_statement(jobseeker, by=counsellor, state="awaiting_approval")
    statement = make_statement(jobseeker, by=counsellor, state="approved", approver=decision_maker)

The states are reached along the real path: hearing sent, reply recorded, proposed (no valid reason), approved.
The job seeker must be on the real area (the `area` fixture) – see tests/jobseekers/factories.py.
"""

from datetime import date, timedelta

import factory

from statements import enums, services


class StatementInputFactory(factory.DictFactory):
    """services.create_statement's input: a neglected job-search obligation, paid by Kela."""

    case_type = enums.CaseType.JOB_SEARCH_NEGLECT.value
    conduct_on = factory.LazyFunction(lambda: date.today() - timedelta(days=10))
    facts = "Työnhakija ei hakenut yhtään työpaikkaa lokakuun tarkastelujaksolla; suunnitelmassa sovittiin neljä."
    payer = enums.Payer.KELA.value
    payer_name = ""

    class Params:
        fund = factory.Trait(payer=enums.Payer.UNEMPLOYMENT_FUND.value, payer_name="Palkansaajien työttömyyskassa")
        refused_job = factory.Trait(case_type=enums.CaseType.REFUSED_JOB.value)


def make_statement(jobseeker, *, by, state="draft", approver=None, today: date | None = None, **overrides):
    today = today or date.today()
    statement = services.create_statement(jobseeker=jobseeker, by=by, today=today, **StatementInputFactory(**overrides))
    if state == "draft":
        return statement
    statement = services.send_hearing(
        statement, question="Miksi et hakenut työpaikkoja?", reply_due_on=today + timedelta(days=7), by=by, today=today
    )
    if state == "hearing":
        return statement
    statement = services.record_reply(statement, reply="Olin sairaana.", received_on=today, by=by, today=today)
    statement = services.propose(statement, valid_reason=False, judgement="Sairaudesta ei esitetty selvitystä.", by=by)
    if state == "awaiting_approval":
        return statement
    if approver is None:
        raise ValueError("an approved statement needs an approver")
    return services.approve(statement, by=approver, today=today)
