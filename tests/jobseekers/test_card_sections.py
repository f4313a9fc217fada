"""Sections that apps above add to the job seeker's card (jobseekers/card_sections.py), rendered in their order."""

import copy

import pytest
from django.urls import reverse

from jobseekers import card_sections
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(monkeypatch, settings, tmp_path):
    """Two sections of a made-up app, registered out of order, with their templates in a temporary folder."""
    (tmp_path / "first.html").write_text('<section id="first">{{ name }} / {{ viewer }}</section>')
    (tmp_path / "second.html").write_text('<section id="second">{{ name }}</section>')
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    monkeypatch.setattr(card_sections.REGISTRY, "_sections", {})
    card_sections.register(
        card_sections.CardSection("second", "second.html", lambda user, person: {"name": person.last_name}, order=20)
    )
    card_sections.register(
        card_sections.CardSection(
            "first", "first.html", lambda user, person: {"name": person.first_name, "viewer": user.username}, order=10
        )
    )


def test_the_card_renders_the_registered_sections_in_order_for_the_viewer(client, sections, area, make_staff):
    counsellor = make_staff(team="kajaani-aikuiset", username="olli")
    person = make_jobseeker(with_counsellor=counsellor, first_name="Aino", last_name="Ahonen")
    client.force_login(counsellor)
    body = client.get(reverse("jobseekers:card", args=[person.pk])).content.decode()
    assert '<section id="first">Aino / olli</section>' in body
    assert body.index('id="first"') < body.index('id="second">Ahonen') < body.index('id="vastuuohjaaja"')


def test_registering_a_key_again_replaces_the_section(sections):
    card_sections.register(card_sections.CardSection("first", "second.html", lambda user, person: {}, order=30))
    assert [(s.key, s.template) for s in card_sections.sections()] == [
        ("second", "second.html"),
        ("first", "second.html"),
    ]
