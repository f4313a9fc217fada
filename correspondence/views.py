"""Pages for the letters: the preview of an invitation or of the plan with the choice of how it goes out, and the
DOCX of each. Thin: the reads (and their access log) are in selectors, the sending in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts import permissions
from common.views import require, safe_next
from correspondence import selectors, services
from correspondence.enums import Delivery
from correspondence.forms import DeliveryForm, suggested_delivery
from jobseekers.languages import language_name

PRINT = "tulosta"


def _send(form, send) -> tuple[object, int]:
    """Run `send(delivery)` for a valid form: the result, or None and the response status with the errors on the
    form (400 for bad input, 503 when the mail server failed)."""
    if not form.is_valid():
        return None, 400
    try:
        return send(form.cleaned_data["channel"]), 200
    except ValidationError as error:
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
        return None, 400
    except services.DeliveryFailed as error:
        form.add_error(None, str(error))
        return None, 503


def _letter_page(request, *, jobseeker, send, sent_texts: tuple[str, str], page: dict, content):
    """The preview page with the delivery form; a valid POST sends and redirects: back after an e-mail, to this page
    (its DOCX download) after a letter to print. `content` builds the letter, only when the page is shown."""
    next_url = safe_next(request)
    back = next_url or reverse("service_model:client", kwargs={"pk": jobseeker.pk})
    form = DeliveryForm(request.POST or None, initial={"channel": suggested_delivery(jobseeker)})
    status = 200
    if request.method == "POST":
        sent, status = _send(form, send)
        if sent is not None:
            email_text, letter_text = sent_texts
            if sent.delivery == Delivery.EMAIL:
                messages.success(request, email_text % {"address": sent.address})
                return redirect(back)
            messages.success(request, letter_text)
            return redirect(f"{request.path}?{urlencode({PRINT: 1, **({'next': next_url} if next_url else {})})}")
    shown = content()
    return render(
        request,
        "correspondence/send.html",
        {
            **page,
            "jobseeker": jobseeker,
            "letter": shown.letter,
            "language": language_name(shown.language),
            "form": form,
            "back": back,
            "next": next_url,
            # Just recorded as a letter for printing: the download is offered first.
            "to_print": request.GET.get(PRINT) == "1",
        },
        status=status,
    )


@login_required
def invitation(request, pk):
    """Preview the invitation to a meeting and send it by e-mail or record it as a letter to print."""
    user = request.user
    require(permissions.can_send_to_client(user))
    meeting, jobseeker = selectors.meeting_for_invitation(
        user, pk, view="correspondence:invitation", purpose="kutsu tapaamiseen"
    )
    require(permissions.can_send_to_client(user, jobseeker))
    return _letter_page(
        request,
        jobseeker=jobseeker,
        send=lambda delivery: services.send_invitation(meeting, jobseeker=jobseeker, delivery=delivery, by=user),
        sent_texts=(
            _("Kutsu lähetettiin osoitteeseen %(address)s ja kirjattiin asiakaskertomukseen."),
            _("Kutsu kirjattiin asiakaskertomukseen kirjeenä. Lataa kirje ja tulosta se."),
        ),
        page={
            "title": _("Kutsu tapaamiseen: %(name)s") % {"name": jobseeker},
            "document_url": reverse("correspondence:invitation_document", kwargs={"pk": meeting.pk}),
            "problem": services.meeting_problem(meeting),
        },
        content=lambda: selectors.invitation_content(meeting, jobseeker),
    )


@login_required
def invitation_document(request, pk):
    user = request.user
    require(permissions.can_send_to_client(user))
    meeting, jobseeker = selectors.meeting_for_invitation(
        user, pk, view="correspondence:invitation_document", purpose="kutsu tapaamiseen (asiakirja)"
    )
    require(permissions.can_send_to_client(user, jobseeker))
    letter = selectors.invitation_content(meeting, jobseeker).letter
    return letter.document().response(letter.file_name)


@login_required
def plan_letter(request, pk):
    """Preview the employment plan as a letter and send it by e-mail or record it as a letter to print."""
    user = request.user
    require(permissions.can_send_to_client(user))
    plan, jobseeker = selectors.plan_for_letter(
        user, pk, view="correspondence:plan", purpose="työllistymissuunnitelma kirjeenä"
    )
    require(permissions.can_send_to_client(user, jobseeker))
    return _letter_page(
        request,
        jobseeker=jobseeker,
        send=lambda delivery: services.send_plan(plan, jobseeker=jobseeker, delivery=delivery, by=user),
        sent_texts=(
            _("Työllistymissuunnitelma lähetettiin osoitteeseen %(address)s ja kirjattiin asiakaskertomukseen."),
            _("Työllistymissuunnitelma kirjattiin asiakaskertomukseen kirjeenä. Lataa kirje ja tulosta se."),
        ),
        page={
            "title": _("Työllistymissuunnitelma kirjeenä: %(name)s") % {"name": jobseeker},
            "document_url": reverse("correspondence:plan_document", kwargs={"pk": jobseeker.pk}),
        },
        content=lambda: selectors.plan_content(plan, jobseeker, user),
    )


@login_required
def plan_document(request, pk):
    user = request.user
    require(permissions.can_send_to_client(user))
    plan, jobseeker = selectors.plan_for_letter(
        user, pk, view="correspondence:plan_document", purpose="työllistymissuunnitelma kirjeenä (asiakirja)"
    )
    require(permissions.can_send_to_client(user, jobseeker))
    letter = selectors.plan_content(plan, jobseeker, user).letter
    return letter.document().response(letter.file_name)
