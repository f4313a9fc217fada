"""The main menu: each entry names its URL and the permission predicate that decides whether it is shown."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from accounts import permissions

ITEMS = [
    ("www:home", _("Etusivu"), permissions.is_staff_member),
    ("organisation:overview", _("Alue"), permissions.can_view_organisation),
    ("organisation:offices", _("Toimipisteet"), permissions.can_view_organisation),
    ("organisation:arrangements", _("Palvelujärjestelyt"), permissions.can_view_organisation),
    ("labour_market:overview", _("Tilastot"), permissions.can_view_statistics),
]


def menu(request):
    entries = []
    for url_name, label, allowed in ITEMS:
        if not allowed(request.user):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        current = request.path == url if url == "/" else request.path.startswith(url)
        entries.append({"url": url, "label": label, "current": current})
    return entries
