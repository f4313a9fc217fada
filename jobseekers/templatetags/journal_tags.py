"""The client journal on the job seeker's card: the newest entries and the form of a new one.

The card's view has already logged the read of the person, so this adds no access-log row of its own.
"""

from django import template

from accounts import permissions
from jobseekers import journal_selectors
from jobseekers.journal_forms import BACK_TO_CARD, entry_form

register = template.Library()


@register.inclusion_tag("jobseekers/_journal_card.html", takes_context=True)
def journal_on_card(context, jobseeker):
    user = context["request"].user
    can_write = permissions.can_write_journal(user, jobseeker)
    return {
        "jobseeker": jobseeker,
        "rows": journal_selectors.latest(user, jobseeker),
        "can_write": can_write,
        "form": entry_form(user, jobseeker) if can_write else None,
        "back": BACK_TO_CARD,
        "csrf_token": context.get("csrf_token"),
    }
