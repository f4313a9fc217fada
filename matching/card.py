"""The job seeker's best vacancies and job offers on their card (a jobseekers.card_sections section)."""

from accounts import permissions
from jobseekers.card_sections import CardSection
from matching import selectors

CARD_OFFERS = 5


def context(user, jobseeker) -> dict:
    can_view = permissions.can_view_matches(user, jobseeker)
    searching = can_view and not jobseeker.job_search_ended
    matches, elsewhere = selectors.card_matches(user, jobseeker) if searching else ([], None)
    return {
        "jobseeker": jobseeker,
        "can_view": can_view,
        "matches": matches,
        "elsewhere": elsewhere,
        "offers": list(selectors.offers_of(user, jobseeker)[:CARD_OFFERS]),
        "can_offer": permissions.can_make_job_offer(user, jobseeker),
    }


SECTION = CardSection(key="matching", template="matching/_card.html", context=context, order=50)
