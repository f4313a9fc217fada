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


def first_pk(model_path):
    def build():
        from django.apps import apps

        return {"pk": apps.get_model(model_path).objects.order_by("pk").first().pk}

    return build


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


def test_every_url_is_declared():
    missing = sorted(set(url_names()) - set(RULES) - PUBLIC)
    assert not missing, f"Declare these URL names in RULES of {__name__} (who may use them): {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(RULES))
def test_url_answers_each_role_as_declared(client, area, make_user, name):
    rule = RULES[name]
    url = resolve_url(name, rule)

    anonymous = client.get(url)
    if rule.api:
        assert anonymous.status_code in (401, 403), f"anonymous {url}"
    else:
        assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))

    for role in Role:
        client.force_login(make_user(role=role, municipality_code="578"))
        response = client.get(url)
        expected = (200,) if role in rule.roles else (403, 404)
        assert response.status_code in expected, f"{role} {url} -> {response.status_code}"
        client.logout()
