"""The job seeker's statements on their card (a jobseekers.card_sections section), with the link to draft a new one."""

from accounts import permissions
from jobseekers.card_sections import CardSection
from statements import selectors, texts

CARD_STATEMENTS = 5


def context(user, jobseeker) -> dict:
    shown = list(selectors.of_jobseeker(user, jobseeker)[:CARD_STATEMENTS])
    return {
        "jobseeker": jobseeker,
        "rows": [
            (
                statement,
                texts.consequence(statement.consequence, statement.consequence_days, statement.consequence_weeks),
            )
            for statement in shown
        ],
        "can_view": permissions.can_view_statements(user, jobseeker),
        "can_draft": permissions.can_draft_statement(user, jobseeker),
    }


SECTION = CardSection(key="statements", template="statements/_card.html", context=context)
