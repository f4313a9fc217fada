"""Pages of the client journal (asiakaskertomus): the journal with its search, adding an entry (also from the job
seeker's card), correcting one and the export. Thin: the reads are in journal_selectors, the writes in journal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import permissions
from common.tables import export_response
from common.views import errors_to_form, require
from jobseekers import journal, journal_selectors
from jobseekers.journal_forms import BACK_TO_CARD, FilterForm, entry_form
from jobseekers.journal_tables import journal_table

PAGE_SIZE = 20
EXPORT_LIMIT = 10_000


def _filters(request) -> tuple[FilterForm, journal_selectors.JournalFilters | None]:
    """The search form and its filters; None when the search is not valid (then nothing is listed)."""
    form = FilterForm(request.GET or None)
    if not form.is_bound:
        return form, journal_selectors.JournalFilters()
    if not form.is_valid():
        return form, None
    return form, journal_selectors.JournalFilters(**form.cleaned_data)


def _write(form, write) -> bool:
    """Run `write(cleaned_data)` for a valid form; the service's errors go onto the form."""
    if not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        errors_to_form(form, error)
        return False
    return True


@login_required
def journal_page(request, pk):
    """The whole journal with its search; a POST adds an entry (from this page or the card)."""
    user = request.user
    jobseeker = journal_selectors.journal_jobseeker(user, pk, view="jobseekers:journal", purpose="asiakaskertomus")
    form = None
    if request.method == "POST":
        require(permissions.can_write_journal(user, jobseeker))
        form = entry_form(user, jobseeker, request.POST)
        added = _write(
            form,
            lambda data: journal.add_entry(
                jobseeker=jobseeker,
                kind=data["kind"],
                text=data["text"],
                entry_date=data["entry_date"],
                meeting_id=data["meeting"] or None,
                by=user,
            ),
        )
        if added:
            messages.success(request, _("Merkintä lisättiin asiakaskertomukseen."))
            if request.POST.get("palaa") == BACK_TO_CARD:
                return redirect(reverse("jobseekers:card", kwargs={"pk": jobseeker.pk}) + "#asiakaskertomus")
            return redirect("jobseekers:journal", pk=jobseeker.pk)
    filter_form, filters = _filters(request)
    found = (
        journal_selectors.entries(user, jobseeker, filters)
        if filters
        else journal_selectors.entries(user, jobseeker).none()
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("sivu"))
    query = request.GET.copy()
    query.pop("sivu", None)
    can_write = permissions.can_write_journal(user, jobseeker)
    return render(
        request,
        "jobseekers/journal.html",
        {
            "jobseeker": jobseeker,
            "filter_form": filter_form,
            "page": page,
            "rows": journal_selectors.rows(user, jobseeker, page.object_list),
            "query": query.urlencode(),
            "form": form or (entry_form(user, jobseeker) if can_write else None),
            "can_write": can_write,
            "can_export": permissions.can_export_journal(user, jobseeker),
        },
        status=400 if (form is not None and form.errors) or filters is None else 200,
    )


@login_required
def correct(request, pk, entry_pk):
    user = request.user
    jobseeker = journal_selectors.journal_jobseeker(
        user, pk, view="jobseekers:journal_correct", purpose="asiakaskertomuksen korjaus"
    )
    require(permissions.can_write_journal(user, jobseeker))
    entry = journal_selectors.entry_of(user, jobseeker, entry_pk)
    [row] = journal_selectors.rows(user, jobseeker, [entry])
    initial = {"kind": entry.kind, "entry_date": entry.entry_date, "text": row.text, "meeting": entry.meeting_id}
    form = entry_form(user, jobseeker, request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        corrected = _write(
            form,
            lambda data: journal.correct_entry(
                entry,
                kind=data["kind"],
                text=data["text"],
                entry_date=data["entry_date"],
                meeting_id=data["meeting"],
                by=user,
            ),
        )
        if corrected:
            messages.success(
                request, _("Korjaus lisättiin asiakaskertomukseen; alkuperäinen merkintä näkyy korjattuna.")
            )
            return redirect("jobseekers:journal", pk=jobseeker.pk)
    return render(
        request,
        "jobseekers/journal_correct.html",
        {"jobseeker": jobseeker, "row": row, "rows": [row], "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def export(request, pk):
    user = request.user
    jobseeker = journal_selectors.journal_jobseeker(
        user, pk, view="jobseekers:journal_export", purpose="asiakaskertomuksen vienti"
    )
    require(permissions.can_export_journal(user, jobseeker))
    form, filters = _filters(request)
    if filters is None:
        problems = [f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()]
        return HttpResponseBadRequest("\n".join(problems), content_type="text/plain; charset=utf-8")
    found = journal_selectors.entries(user, jobseeker, filters)[:EXPORT_LIMIT]
    table = journal_table(jobseeker, journal_selectors.rows(user, jobseeker, found))
    return export_response(table, request.GET.get("format", "csv"))
