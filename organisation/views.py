from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from common.tables import export_response
from organisation import selectors, tables


@login_required
def overview(request):
    user = request.user
    return render(
        request,
        "organisation/overview.html",
        {
            "area": selectors.area(user),
            "municipalities": tables.municipalities(user),
            "staffing": tables.staffing(user),
            "area_staff": tables.area_staff(user),
            "targets": tables.caseload_targets(user),
        },
    )


@login_required
def offices(request):
    return render(request, "organisation/offices.html", {"groups": tables.offices_by_municipality(request.user)})


@login_required
def arrangements(request):
    user = request.user
    return render(
        request,
        "organisation/arrangements.html",
        {
            "who_serves": tables.who_serves(user),
            "arrangements": tables.arrangements(user),
            "centralised": selectors.centralised_services(user).filter(parent__isnull=True).prefetch_related("parts"),
            "delegations": tables.delegations(user),
            "bodies": selectors.bodies(user),
            "partners": selectors.partners(user),
        },
    )


@login_required
def municipality(request, code):
    user = request.user
    item = get_object_or_404(selectors.municipalities(user), code=code)
    return render(
        request,
        "organisation/municipality.html",
        {
            "municipality": item,
            "offices": selectors.offices(user).filter(municipality=item),
            "teams": selectors.teams(user).filter(municipality=item),
            "positions": tables.staff_positions(user, municipality=item),
            "targets": selectors.caseload_targets(user).filter(municipality=item),
            "who_serves": [entry for entry in tables.who_serves(user) if entry["municipality"] == item],
            # Only what it provides for others: its own service of its own residents is already above.
            "provided": [
                arrangement
                for arrangement in selectors.service_arrangements(user).filter(provider_municipality=item)
                if any(served != item for served in arrangement.served_municipalities.all())
            ],
            "delegations": selectors.delegations(user).filter(municipality=item),
        },
    )


@login_required
def export_csv(request, table):
    builder = tables.EXPORTS.get(table)
    if builder is None:
        raise Http404
    return export_response(builder(request.user), request.GET.get("format", "csv"))
