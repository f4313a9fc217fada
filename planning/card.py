"""The job seeker's change-security status on their card (a jobseekers.card_sections section): the situations they
are flagged in, and for a counsellor or supervisor in scope the form to flag or unflag them."""

from accounts import permissions, permissions_planning
from jobseekers.card_sections import CardSection
from planning import change_selectors


def context(user, jobseeker) -> dict:
    if not permissions.can_view_jobseeker(user, jobseeker):
        return {"visible": False}
    flagged = list(change_selectors.flags_of(jobseeker))
    can_flag = permissions_planning.can_flag_change_security(user, jobseeker)
    flagged_ids = {row.situation_id for row in flagged}
    return {
        "visible": True,
        "jobseeker": jobseeker,
        "flagged": flagged,
        "can_flag": can_flag,
        "situations": [s for s in change_selectors.open_situations(user) if s.pk not in flagged_ids]
        if can_flag
        else [],
    }


SECTION = CardSection(key="change_security", template="planning/_card.html", context=context, order=120)
