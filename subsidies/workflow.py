"""The steps' common machinery: the application row locked, the step checked against the state it starts from
(subsidies.enums.MOVES) with the reason when refused, the move and its attributed, timestamped Transition row.

Every write that changes an application's state goes through here (subsidies.services for the preparation and the
decisions, subsidies.closing for the end of the payment phase), so no state changes without its log row.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _

from common.errors import Errors
from subsidies.enums import Action
from subsidies.models import Application, Transition


def locked(application_id) -> Application:
    # of=("self",): the nullable preparer is an outer join, which PostgreSQL cannot lock; only this row is the lock.
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("jobseeker", "serving_municipality", "preparer")
        .get(pk=application_id)
    )


def log(application: Application, action: Action, from_state: str, by, note: str = "") -> None:
    Transition.objects.create(
        application=application, action=action, from_state=from_state, to_state=action.moves[1], by=by, note=note
    )


def start(application_id, action: Action, by, errors: Errors) -> Application:
    """The locked application, refused (with why) unless `action` may start from its state."""
    application = locked(application_id)
    sources, _target = action.moves
    if application.state not in sources:
        errors.add(
            NON_FIELD_ERRORS,
            _("Toimenpide ”%(action)s” ei ole mahdollinen, kun hakemus on tilassa ”%(state)s”.")
            % {"action": action.label, "state": application.get_state_display()},
        )
        errors.raise_if_any()
    return application


def move(application: Application, action: Action, by, note: str = "", **changes) -> Application:
    from_state = application.state
    application.state = action.moves[1]
    for name, value in changes.items():
        setattr(application, name, value)
    application.save()
    log(application, action, from_state, by, note)
    return application
