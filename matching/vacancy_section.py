"""A vacancy's best candidates on its page (an employers.vacancy_sections section): names for the people the user may
read, counts for the rest."""

from accounts import permissions
from employers.vacancy_sections import VacancySection
from matching import selectors

SECTION_LIMIT = 10


def context(user, vacancy) -> dict:
    can_view = permissions.can_view_candidates(user)
    return {
        "vacancy": vacancy,
        "can_view": can_view,
        "candidates": selectors.candidates(
            user, vacancy, limit=SECTION_LIMIT, view="employers:vacancy", purpose="työpaikan ehdokkaat"
        )
        if can_view
        else None,
    }


SECTION = VacancySection(key="matching", template="matching/_vacancy_section.html", context=context, order=50)
