"""Every URL the project serves, requested as anonymous and as every role, against one declarative table.

A new URL that is not in RULES fails `test_every_url_is_declared` with the name to add. A rule says which roles may
use the URL; `scoped` rules build their object in one municipality and expect users of another municipality to get
404 (no existence leak).
"""

from dataclasses import dataclass, field

import pytest
from django.urls import URLResolver, get_resolver, reverse

from accounts.enums import Role

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class Rule:
    roles: frozenset = ALL_ROLES
    kwargs: object = field(default_factory=dict)
    api: bool = False
    # How the URL is used: a POST-only URL is requested with `data` (a dict, or a callable building one) and
    # answers an allowed role with one of `ok` (e.g. 302 for a form that redirects).
    method: str = "get"
    data: object = None
    ok: tuple = (200,)
    # Roles whose access to the rule's object depends on the municipality: a user of such a role in another
    # municipality (OTHER_MUNICIPALITY) must get 404 – the object's existence does not leak.
    scoped: frozenset = frozenset()


def first_pk(model_path):
    def build():
        from django.apps import apps

        return {"pk": apps.get_model(model_path).objects.order_by("pk").first().pk}

    return build


# Users are made in HOME_MUNICIPALITY and placed in its team (a counsellor serves their team's pool); scoped objects
# belong to HOME_MUNICIPALITY's pool, and OTHER_MUNICIPALITY's users must not find them.
HOME_MUNICIPALITY = "578"
OTHER_MUNICIPALITY = "205"
PERSONAL_DATA = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.DECISION_MAKER, Role.ADMINISTRATOR})
REGISTERS = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMINISTRATOR})
ASSIGNS = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})
MUNICIPALITY_SCOPED = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.DECISION_MAKER})


def scoped_jobseeker():
    """A Hyrynsalmi resident, served by the team of Paltamo (HOME_MUNICIPALITY); made once per test."""
    from jobseekers.models import Jobseeker
    from tests.jobseekers.factories import make_jobseeker

    return Jobseeker.objects.filter(last_name="Matriisi").first() or make_jobseeker(
        municipality="105", last_name="Matriisi"
    )


def jobseeker_pk():
    return {"pk": scoped_jobseeker().pk}


def jobseeker_hetu():
    return {"hetu": scoped_jobseeker().reveal_hetu()}


ROUTE_PREVIEW = {"municipality": "105", "service_language": "fi", "birth_date": "1980-01-01"}

RULES = {
    "www:home": Rule(),
    "organisation:overview": Rule(),
    "organisation:offices": Rule(),
    "organisation:arrangements": Rule(),
    "organisation:municipality": Rule(kwargs={"code": "205"}),
    "organisation:export": Rule(kwargs={"table": "kunnat"}),
    "api-root": Rule(api=True),
    "api-schema": Rule(api=True),
    "api-docs": Rule(api=True),
    "municipality-list": Rule(api=True),
    "municipality-detail": Rule(api=True, kwargs={"code": "205"}),
    "office-list": Rule(api=True),
    "office-detail": Rule(api=True, kwargs=first_pk("organisation.Office")),
    "team-list": Rule(api=True),
    "team-detail": Rule(api=True, kwargs=first_pk("organisation.Team")),
    "staff-position-list": Rule(api=True),
    "staff-position-detail": Rule(api=True, kwargs=first_pk("organisation.StaffPosition")),
    "caseload-target-list": Rule(api=True),
    "caseload-target-detail": Rule(api=True, kwargs=first_pk("organisation.CaseloadTarget")),
    "service-arrangement-list": Rule(api=True),
    "service-arrangement-detail": Rule(api=True, kwargs=first_pk("organisation.ServiceArrangement")),
    "labour_market:overview": Rule(),
    "labour_market:time_series": Rule(),
    "labour_market:commuting": Rule(),
    "labour_market:consistency": Rule(),
    "labour_market:export_municipal": Rule(kwargs={"table": "suunnitelma-taulukko-1", "month": "2023-08"}),
    "labour_market:export_derived": Rule(kwargs={"table": "suunnitelma-taulukko-1", "month": "2023-08"}),
    "labour_market:export_time_series": Rule(kwargs={"table": "suunnitelma-taulukko-1", "indicator": "TYOTTOMATLOPUSSA"}),
    "labour_market:export_commuting": Rule(kwargs={"table": "suunnitelma-pendelointi"}),
    "labour_market:export_findings": Rule(),
    "statistics-municipal-list": Rule(api=True),
    "statistics-commuting-list": Rule(api=True),
    "statistics-consistency-list": Rule(api=True),
    "jobseekers:search": Rule(roles=PERSONAL_DATA),
    "jobseekers:my_clients": Rule(roles=frozenset({Role.COUNSELLOR})),
    "jobseekers:register": Rule(roles=REGISTERS),
    "jobseekers:register_check": Rule(roles=REGISTERS, method="post", data={"hetu": ""}),
    "jobseekers:caseloads": Rule(),
    "jobseekers:caseload_export": Rule(kwargs={"table": "asiakasmaarat-kunnat"}),
    "jobseekers:assign": Rule(roles=ASSIGNS, method="post", data={}, ok=(302,)),
    "jobseekers:card": Rule(roles=PERSONAL_DATA, kwargs=jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "jobseekers:reassign": Rule(roles=ASSIGNS, kwargs=jobseeker_pk, scoped=frozenset({Role.SUPERVISOR})),
    "jobseeker-list": Rule(api=True, roles=PERSONAL_DATA),
    "jobseeker-detail": Rule(api=True, roles=PERSONAL_DATA, kwargs=jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-route-preview": Rule(api=True, roles=PERSONAL_DATA, method="post", data=ROUTE_PREVIEW),
    "jobseeker-hetu-search": Rule(
        api=True, roles=PERSONAL_DATA, method="post", data=jobseeker_hetu, scoped=MUNICIPALITY_SCOPED
    ),
    "jobseeker-assign": Rule(api=True, roles=ASSIGNS, method="post", data={}),
    "caseload-list": Rule(api=True),
}

# Open to anonymous users by design: signing in and out, the second factor page (it redirects to sign-in), language.
PUBLIC = {"accounts:login", "accounts:logout", "accounts:otp", "set_language"}


def url_names(patterns=None, namespace=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            yield from url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def resolve_url(name, rule):
    kwargs = rule.kwargs() if callable(rule.kwargs) else rule.kwargs
    return reverse(name, kwargs=kwargs)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Each case makes a user per role; the production hasher's deliberate slowness would dominate the run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_every_url_is_declared():
    missing = sorted(set(url_names()) - set(RULES) - PUBLIC)
    assert not missing, f"Declare these URL names in RULES of {__name__} (who may use them): {missing}"


def request(client, url, rule):
    if rule.method == "get":
        return client.get(url)
    data = rule.data() if callable(rule.data) else (rule.data or {})
    if rule.api:
        return client.post(url, data, content_type="application/json")
    return client.post(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(RULES))
def test_url_answers_each_role_as_declared(client, area, make_user, name):
    from organisation.models import Team

    rule = RULES[name]
    url = resolve_url(name, rule)

    anonymous = request(client, url, rule)
    if rule.api:
        assert anonymous.status_code in (401, 403), f"anonymous {url}"
    else:
        assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))

    home_team = Team.objects.filter(municipality__code=HOME_MUNICIPALITY).order_by("key").first()
    for role in Role:
        client.force_login(make_user(role=role, municipality_code=HOME_MUNICIPALITY, team=home_team))
        response = request(client, url, rule)
        expected = rule.ok if role in rule.roles else (403, 404)
        assert response.status_code in expected, f"{role} {url} -> {response.status_code}"
        client.logout()

    other_team = Team.objects.filter(municipality__code=OTHER_MUNICIPALITY).order_by("key").first()
    for role in sorted(rule.scoped):
        client.force_login(make_user(role=role, municipality_code=OTHER_MUNICIPALITY, team=other_team))
        response = request(client, url, rule)
        assert response.status_code == 404, f"{role} of another municipality {url} -> {response.status_code}"
        client.logout()
