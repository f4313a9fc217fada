from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accounts import permissions
from audit import selectors
from audit.forms import AccessLogFilter
from common.tables import Column, Table, export_response

PAGE_SIZE = 50


def _filtered(request):
    form = AccessLogFilter(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, selectors.access_log(request.user, **form.cleaned_data)
    if form.is_bound:
        return form, selectors.access_log(request.user).none()
    return form, selectors.access_log(request.user)


def _table(rows) -> Table:
    return Table(
        key="henkilotietojen-kasittely",
        title=_("Henkilötietojen käsittelyloki"),
        columns=[
            Column("at", _("Aika")),
            Column("user", _("Käyttäjä")),
            Column("subject", _("Kohde")),
            Column("view", _("Näkymä")),
            Column("purpose", _("Käyttötarkoitus")),
            Column("outcome", _("Tulos")),
        ],
        rows=[
            {
                "at": row.at,
                "user": row.user.username,
                "subject": f"{row.subject_type}:{row.subject_id}",
                "view": row.view,
                "purpose": row.purpose,
                "outcome": row.get_outcome_display(),
            }
            for row in rows
        ],
    )


@login_required
def access_log(request):
    if not permissions.can_view_access_log(request.user):
        raise PermissionDenied
    form, rows = _filtered(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("sivu"))
    query = request.GET.copy()
    query.pop("sivu", None)
    return render(
        request,
        "audit/access_log.html",
        {"form": form, "page": page, "table": _table(page.object_list), "query": query.urlencode()},
    )


@login_required
def export(request):
    if not permissions.can_view_access_log(request.user):
        raise PermissionDenied
    _form, rows = _filtered(request)
    return export_response(_table(rows[:100_000]), request.GET.get("format", "csv"))
