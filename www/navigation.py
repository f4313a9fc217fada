"""The main menu: each entry names its URL and the permission predicate that decides whether it is shown."""

from django.utils.translation import gettext_lazy as _

from accounts import permissions, permissions_cooperation, permissions_planning, permissions_subsidies
from common.paths import path_of

ITEMS = [
    ("www:home", _("Etusivu"), permissions.is_staff_member),
    ("organisation:overview", _("Alue"), permissions.can_view_organisation),
    ("organisation:offices", _("Toimipisteet"), permissions.can_view_organisation),
    ("organisation:arrangements", _("Palvelujärjestelyt"), permissions.can_view_organisation),
    ("labour_market:overview", _("Tilastot"), permissions.can_view_statistics),
    ("jobseekers:my_clients", _("Omat asiakkaat"), permissions.has_own_clients),
    ("jobseekers:search", _("Asiakkaat"), permissions.can_search_jobseekers),
    ("jobseekers:caseloads", _("Asiakasmäärät"), permissions.can_view_caseloads),
    ("service_model:my_week", _("Oma viikko"), permissions.can_view_worklist),
    ("service_model:agenda", _("Kalenteri"), permissions.can_view_agenda),
    ("service_model:overview", _("Määräaikaseuranta"), permissions.can_view_service_overview),
    ("service_model:on_time", _("Ajallaan"), permissions.can_view_on_time_rate),
    ("subsidies:queue", _("Tukihakemukset"), permissions_subsidies.can_view_subsidy_applications),
    ("subsidies:calculator", _("Tukilaskuri"), permissions_subsidies.can_use_subsidy_calculator),
    ("subsidies:payments", _("Maksatus"), permissions_subsidies.can_handle_subsidy_payments),
    ("subsidies:reports", _("Tukiraportit"), permissions_subsidies.can_view_subsidy_reports),
    ("statements:list", _("Lausunnot"), permissions.can_view_statements),
    ("employers:vacancies", _("Työpaikat"), permissions.can_view_employers),
    ("matching:mobility", _("Liikkuvuus"), permissions.can_view_mobility_report),
    ("planning:capacity", _("Suunnittelu"), permissions_planning.can_view_planning),
    ("planning:change_situations", _("Muutostilanteet"), permissions_planning.can_view_change_situations),
    ("competence:heat_map", _("Osaaminen"), permissions.can_view_competence_aggregates),
    ("plan_document:index", _("Suunnitelma"), permissions_planning.can_generate_plan),
    ("cooperation:report", _("Yhteistyö"), permissions_cooperation.can_view_cooperation),
    ("audit:log", _("Tarkastusloki"), permissions.can_view_access_log),
]


def menu(request):
    entries = [
        {"url": path_of(url_name), "label": label, "current": False}
        for url_name, label, allowed in ITEMS
        if allowed(request.user)
    ]
    # The most specific entry whose URL starts the current path is the current page.
    path = request.path
    matching = [e for e in entries if path == e["url"] or (e["url"] != "/" and path.startswith(e["url"]))]
    if matching:
        max(matching, key=lambda e: len(e["url"]))["current"] = True
    return entries
