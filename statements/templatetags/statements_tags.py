"""The job seeker's statements on their card, with the link to draft a new one.

The card's view has already logged the read of the person, so this adds no access-log row of its own.
"""

from django import template

from accounts import permissions
from statements import selectors, texts

register = template.Library()

CARD_STATEMENTS = 5


@register.inclusion_tag("statements/_card.html", takes_context=True)
def statements_on_card(context, jobseeker):
    user = context["request"].user
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
