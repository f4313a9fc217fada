"""Writes of application attachments: adding a file and deleting one while the application is being prepared.

A file is accepted only when its name and its content agree on an allowed kind and it fits the size limit
(subsidies.file_types, settings.SUBSIDY_ATTACHMENT_MAX_BYTES); its name is made safe (common.documents.safe_filename)
and given the kind's extension, so a stored name never carries a path, a quote or a misleading extension. A refusal
names the `file` field and the reason, and nothing is written.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions_subsidies
from common.documents import safe_filename
from common.errors import Errors
from subsidies import file_types, texts, workflow
from subsidies.enums import ApplicationState
from subsidies.models import Attachment

# Deleting is for the preparation only: once a proposal rests on a file, the file stays with the case.
DELETABLE_STATES = frozenset({ApplicationState.IN_PREPARATION, ApplicationState.INFORMATION_REQUESTED})
NAME_LENGTH = 100


def max_bytes() -> int:
    return settings.SUBSIDY_ATTACHMENT_MAX_BYTES


def stored_name(name: str, kind: file_types.Kind) -> str:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    extension = file_types.extension_of(name)
    extension = extension if extension in kind.extensions else kind.extensions[0]
    return f"{safe_filename(stem)[:NAME_LENGTH]}.{extension}"


def add_attachment(application_id, *, by, name: str, content: bytes | None) -> Attachment:
    """`content` None: no file was sent. The caller reads at most max_bytes() + 1 bytes, so a larger file is refused
    as too large without being read whole."""
    errors = Errors()
    with transaction.atomic():
        application = workflow.locked(application_id)
        if not permissions_subsidies.can_prepare_subsidy(by, application):
            errors.add(
                NON_FIELD_ERRORS,
                _("Liitteen lisää hakemusta valmistelevan kunnan (%(municipality)s) ohjaaja tai lähiesihenkilö.")
                % {"municipality": application.serving_municipality.name_fi},
            )
            errors.raise_if_any()
        if application.state == ApplicationState.CLOSED:
            errors.add(NON_FIELD_ERRORS, _("Hakemuksen käsittely on päättynyt: liitteitä ei enää lisätä."))
            errors.raise_if_any()
        name = (name or "").strip()
        if content is None:
            errors.add("file", texts.attachment_problem_text("missing", max_bytes()))
            errors.raise_if_any()
        found = file_types.detect(name, content, max_bytes())
        if found.kind is None:
            extension = file_types.extension_of(name)
            errors.add("file", texts.attachment_problem_text(found.problem, max_bytes(), extension))
        errors.raise_if_any()
        return Attachment.objects.create(
            application=application,
            name=stored_name(name, found.kind),
            content_type=found.kind.content_type,
            size=len(content),
            content=content,
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=by,
        )


def can_delete(user, attachment: Attachment) -> bool:
    application = attachment.application
    return (
        application.state in DELETABLE_STATES
        and application.preparer_id == user.pk
        and permissions_subsidies.can_prepare_subsidy(user, application)
    )


def delete_attachment(attachment_id, *, by) -> None:
    errors = Errors()
    with transaction.atomic():
        attachment = Attachment.objects.select_related("application").filter(pk=attachment_id).first()
        if attachment is None:
            errors.add(NON_FIELD_ERRORS, _("Liitettä ei löydy."))
            errors.raise_if_any()
        application = workflow.locked(attachment.application_id)
        attachment.application = application
        if not can_delete(by, attachment):
            errors.add(
                NON_FIELD_ERRORS,
                _("Liitteen poistaa vain hakemuksen valmistelija, ja vain valmistelun aikana (tila nyt: %(state)s).")
                % {"state": application.get_state_display()},
            )
        errors.raise_if_any()
        attachment.delete()
