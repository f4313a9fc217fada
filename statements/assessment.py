"""Which of a job seeker's earlier statements count as repeats, and the rules' answer for a statement: the one bridge
between the stored statements and the pure core (statements.rules), used by the services and the approval page."""

from statements import enums, rules
from statements.models import Statement

# Case types whose rules escalate, on any date: a repeat of one is a repeat of all (TTL 2 a, the staggered sanction
# counts neglects of the service process, the job-search obligation and services together).
ESCALATING = sorted({rule.case_type.value for rule in rules.RULES if rule.escalates})


def earlier_conducts(statement: Statement) -> list:
    """Dates of the person's earlier approved statements of an escalating kind that had a consequence (a valid reason
    makes the conduct no neglect, so it does not count)."""
    return list(
        Statement.objects.filter(
            jobseeker_id=statement.jobseeker_id,
            state=enums.StatementState.APPROVED,
            case_type__in=ESCALATING,
            conduct_on__lt=statement.conduct_on,
        )
        .exclude(pk=statement.pk)
        .exclude(consequence=enums.ConsequenceKind.NONE)
        .values_list("conduct_on", flat=True)
    )


def pending_earlier(statement: Statement) -> list[Statement]:
    """The person's statements not yet approved whose conduct would count as a repeat before this one's, earliest
    first. While one is open, this statement's consequence cannot be known: its approval could still make this a
    second neglect. Not approved means any state before approval, since a returned or still undecided finding on a
    valid reason can change."""
    rule = rules.rule_for(statement.case_type, statement.conduct_on)
    if not rule.escalates:
        return []
    candidates = (
        Statement.objects.filter(
            jobseeker_id=statement.jobseeker_id, case_type__in=ESCALATING, conduct_on__lt=statement.conduct_on
        )
        .exclude(state=enums.StatementState.APPROVED)
        .exclude(pk=statement.pk)
        .order_by("conduct_on", "pk")
    )
    return [
        other for other in candidates if rules.within_review(statement.conduct_on, other.conduct_on, rule.review_months)
    ]


def assess(statement: Statement, *, valid_reason: bool | None = None) -> rules.Assessment:
    """The rules' answer for the statement with the official's finding (given, or the one stored)."""
    finding = statement.valid_reason if valid_reason is None else valid_reason
    return rules.assess(
        statement.case_type, statement.conduct_on, valid_reason=bool(finding), earlier=earlier_conducts(statement)
    )


def store(statement: Statement, assessment: rules.Assessment) -> list[str]:
    """Copy the answer onto the statement; the names of the fields written, for save(update_fields=…)."""
    statement.rule_id = assessment.rule.id
    statement.legal_section = assessment.rule.section
    statement.rule_source = assessment.rule.source
    statement.ordinal = assessment.ordinal
    statement.consequence = enums.ConsequenceKind.of(assessment.consequence.kind)
    statement.consequence_days = assessment.consequence.days
    statement.consequence_weeks = assessment.consequence.weeks
    statement.reason_code = assessment.reason.code.value
    statement.reason_params = dict(assessment.reason.params)
    return [
        "rule_id",
        "legal_section",
        "rule_source",
        "ordinal",
        "consequence",
        "consequence_days",
        "consequence_weeks",
        "reason_code",
        "reason_params",
    ]
