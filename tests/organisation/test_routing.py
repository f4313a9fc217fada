import dataclasses
import random

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from organisation import enums as organisation_enums
from organisation import routing
from organisation.routing import JobseekerProfile, ReasonCode, route
from organisation.routing_snapshot import (
    ArrangementRole,
    MeetingPlace,
    Municipality,
    Office,
    OrganisationSnapshot,
    ServiceArrangement,
    TargetGroup,
    Team,
)
from organisation.routing_texts import explain, explain_in_every_language, explain_supplementary

# The plan's facts (§1 resources and teams, §3 offices, §4 cooperation) as the snapshot the database would give.
MUNICIPALITIES = [
    Municipality("105", "Hyrynsalmi", "Hyrynsalmi"),
    Municipality("205", "Kajaani", "Kajana"),
    Municipality("290", "Kuhmo", "Kuhmo"),
    Municipality("305", "Kuusamo", "Kuusamo"),
    Municipality("578", "Paltamo", "Paltamo"),
    Municipality("620", "Puolanka", "Puolanka"),
    Municipality("697", "Ristijärvi", "Ristijärvi"),
    Municipality("765", "Sotkamo", "Sotkamo"),
    Municipality("777", "Suomussalmi", "Suomussalmi"),
    Municipality("832", "Taivalkoski", "Taivalkoski"),
]

ALL = ("all",)
OFFICES = [
    Office("hyrynsalmi-kunnantalo", "Hyrynsalmen kunnantalo", "105", "Laskutie 1", "89400", "Hyrynsalmi", ALL),
    Office(
        "kajaani-virastotalo",
        "Virastotalo",
        "205",
        "Kalliokatu 4",
        "87100",
        "Kajaani",
        ("adults", "multisectoral"),
    ),
    Office(
        "kajaani-kaupungintalo",
        "Kaupungintalo",
        "205",
        "Pohjolankatu 13",
        "87100",
        "Kajaani",
        ("foreign_language", "international"),
    ),
    Office("kajaani-ohjaamo", "Ohjaamo", "205", "Pohjolankatu 16", "87100", "Kajaani", ("youth",)),
    Office("kuhmo-kaupungintalo", "Kuhmon kaupungintalo", "290", "Kainuuntie 82", "88900", "Kuhmo", ALL),
    Office("kuusamo-kaupungintalo", "Kuusamon kaupungintalo", "305", "Keskuskuja 6", "93600", "Kuusamo", ALL),
    Office("paltamo-kunnantalo", "Paltamon kunnantalo", "578", "Salmelankuja 1", "88300", "Paltamo", ALL),
    Office("puolanka-kunnantalo", "Puolangan kunnantalo", "620", "Maaherrankatu 7", "89200", "Puolanka", ALL),
    Office("ristijarvi-kunnantalo", "Ristijärven kunnantalo", "697", "Aholantie 25", "88400", "Ristijärvi", ALL),
    Office("sotkamo-virastotalo", "Sotkamon kunnan virastotalo", "765", "Markkinatie 1", "88600", "Sotkamo", ALL),
    Office("sotkamo-toimintakeskus", "Sotkamon toimintakeskus", "765", "Ratatie 8A", "88600", "Sotkamo", ()),
    Office("suomussalmi-kunnantalo", "Suomussalmen kunnantalo", "777", "Kauppakatu 20", "89600", "Suomussalmi", ALL),
    Office("taivalkoski-kunnantalo", "Taivalkosken kunnantalo", "832", "Kirkkotie 6", "93400", "Taivalkoski", ALL),
]

TEAMS = [
    Team("kajaani-nuoret", "205", "Nuoret asiakkaat", "youth", "kajaani-ohjaamo"),
    Team("kajaani-aikuiset", "205", "Aikuiset asiakkaat", "adults", "kajaani-virastotalo"),
    Team("kajaani-vieraskieliset", "205", "Vieraskieliset asiakkaat", "foreign_language", "kajaani-kaupungintalo"),
    Team("kajaani-typ", "205", "Monialaisen palvelun asiakkaat", "multisectoral", "kajaani-virastotalo"),
    Team("paltamo-tyollisyyspalvelut", "578", "Paltamon työllisyyspalvelut", "all", "paltamo-kunnantalo"),
    Team("suomussalmi-vieraskieliset", "777", "Vieraskielisten ohjaus", "foreign_language", "suomussalmi-kunnantalo"),
]

SMALL_MUNICIPALITIES = {"578", "105", "697"}
# For foreign-language customers "the small municipalities" also take in Puolanka and Taivalkoski
# (service_arrangements.yaml decides it from Table 1; test_area_arrangements.py checks the data).
SMALL_FOR_FOREIGN_LANGUAGE = SMALL_MUNICIPALITIES | {"620", "832"}


def own_service(key: str, code: str, source: str, **extra) -> ServiceArrangement:
    return ServiceArrangement(
        key=key,
        provider_municipality_code=code,
        served_municipality_codes={code},
        description="Kunta tuottaa henkilöasiakas- ja työnvälityspalvelut omille asukkailleen.",
        source=source,
        **extra,
    )


ARRANGEMENTS = [
    own_service("kajaani", "205", "suunnitelma §1 Kajaani"),
    own_service("kuhmo", "290", "suunnitelma §1 Kuhmo"),
    own_service(
        "kuusamo",
        "305",
        "suunnitelma §1 Kuusamo",
        meeting_place="named_office",
        meeting_office_key="kuusamo-kaupungintalo",
    ),
    own_service("puolanka", "620", "suunnitelma §1 Puolanka"),
    own_service("sotkamo", "765", "suunnitelma §1 Sotkamo"),
    own_service("suomussalmi", "777", "suunnitelma §1 Suomussalmi"),
    own_service("taivalkoski", "832", "suunnitelma §1 Taivalkoski"),
    ServiceArrangement(
        key="paltamo-pienet-kunnat",
        provider_municipality_code="578",
        served_municipality_codes=SMALL_MUNICIPALITIES,
        description="Paltamo tuottaa henkilöasiakas- ja työnvälityspalvelut Paltamolle, Hyrynsalmelle ja "
        "Ristijärvelle.",
        source="suunnitelma §1 Paltamo (ml. Hyrynsalmi ja Ristijärvi)",
        meeting_place="served_municipality_office",
    ),
    ServiceArrangement(
        key="suomussalmi-vieraskieliset-pienet-kunnat",
        provider_municipality_code="777",
        served_municipality_codes=SMALL_FOR_FOREIGN_LANGUAGE,
        description="Suomussalmen vieraskielisten ohjaaja palvelee pienten kuntien vieraskielisiä asiakkaita.",
        source="suunnitelma §1 Paltamo ja Suomussalmi, §4",
        target_group="foreign_language",
        provider_team_key="suomussalmi-vieraskieliset",
        meeting_place="not_stated",
        plan_example=True,
    ),
    ServiceArrangement(
        key="international-info",
        provider_municipality_code="205",
        served_municipality_codes={m.code for m in MUNICIPALITIES},
        description="International Info antaa kynnyksetöntä neuvontaa kaikille vieraskielisille asiakkaille "
        "kotikunnasta riippumatta.",
        source="suunnitelma §4",
        target_group="foreign_language",
        role="supplementary",
        meeting_place="named_office",
        meeting_office_key="kajaani-kaupungintalo",
    ),
]

PLAN = OrganisationSnapshot(municipalities=MUNICIPALITIES, offices=OFFICES, teams=TEAMS, arrangements=ARRANGEMENTS)

# One profile per target group; the derivation itself is tested separately.
PROFILES = {
    "youth": {"service_language": "fi", "age": 25},
    "adults": {"service_language": "fi", "age": 45},
    "foreign_language": {"service_language": "ru", "age": 45},
    "multisectoral": {"service_language": "sv", "age": 45, "multisectoral": True},
}


def person(code: str, group: str) -> JobseekerProfile:
    return JobseekerProfile(municipality_code=code, **PROFILES[group])


def serves_itself(code: str, office: str) -> dict[str, tuple]:
    """Every target group to the municipality's own counsellors; International Info for foreign-language ones."""
    return {group: (code, None, office, INTL if group == "foreign_language" else "") for group in PROFILES}


# Suomussalmi's foreign-language counsellor for the small municipalities: the plan names no meeting place.
SUOMUSSALMI_FOR_SMALL = ("777", "suomussalmi-vieraskieliset", None, "international-info")


INTL = "international-info"
# municipality → target group → (serving municipality, team, meeting office, supplementary arrangement)
EXPECTED = {
    "105": {
        "youth": ("578", "paltamo-tyollisyyspalvelut", "hyrynsalmi-kunnantalo", ""),
        "adults": ("578", "paltamo-tyollisyyspalvelut", "hyrynsalmi-kunnantalo", ""),
        "multisectoral": ("578", "paltamo-tyollisyyspalvelut", "hyrynsalmi-kunnantalo", ""),
        "foreign_language": SUOMUSSALMI_FOR_SMALL,
    },
    "205": {
        "youth": ("205", "kajaani-nuoret", "kajaani-ohjaamo", ""),
        "adults": ("205", "kajaani-aikuiset", "kajaani-virastotalo", ""),
        "multisectoral": ("205", "kajaani-typ", "kajaani-virastotalo", ""),
        "foreign_language": ("205", "kajaani-vieraskieliset", "kajaani-kaupungintalo", INTL),
    },
    "290": serves_itself("290", "kuhmo-kaupungintalo"),
    "305": serves_itself("305", "kuusamo-kaupungintalo"),
    "578": {
        "youth": ("578", "paltamo-tyollisyyspalvelut", "paltamo-kunnantalo", ""),
        "adults": ("578", "paltamo-tyollisyyspalvelut", "paltamo-kunnantalo", ""),
        "multisectoral": ("578", "paltamo-tyollisyyspalvelut", "paltamo-kunnantalo", ""),
        "foreign_language": SUOMUSSALMI_FOR_SMALL,
    },
    "620": {**serves_itself("620", "puolanka-kunnantalo"), "foreign_language": SUOMUSSALMI_FOR_SMALL},
    "697": {
        "youth": ("578", "paltamo-tyollisyyspalvelut", "ristijarvi-kunnantalo", ""),
        "adults": ("578", "paltamo-tyollisyyspalvelut", "ristijarvi-kunnantalo", ""),
        "multisectoral": ("578", "paltamo-tyollisyyspalvelut", "ristijarvi-kunnantalo", ""),
        "foreign_language": SUOMUSSALMI_FOR_SMALL,
    },
    "765": serves_itself("765", "sotkamo-virastotalo"),
    "777": {
        "youth": ("777", None, "suomussalmi-kunnantalo", ""),
        "adults": ("777", None, "suomussalmi-kunnantalo", ""),
        "multisectoral": ("777", None, "suomussalmi-kunnantalo", ""),
        "foreign_language": ("777", "suomussalmi-vieraskieliset", "suomussalmi-kunnantalo", INTL),
    },
    "832": {**serves_itself("832", "taivalkoski-kunnantalo"), "foreign_language": SUOMUSSALMI_FOR_SMALL},
}


def test_enums_mirror_the_organisation_models():
    assert {g.value for g in TargetGroup} == set(organisation_enums.TargetGroup.values)
    assert {r.value for r in ArrangementRole} == set(organisation_enums.ArrangementRole.values)
    assert {p.value for p in MeetingPlace} == set(organisation_enums.MeetingPlace.values)


def test_fixture_covers_every_municipality_and_target_group():
    assert set(EXPECTED) == {m.code for m in MUNICIPALITIES}
    assert all(set(groups) == set(PROFILES) for groups in EXPECTED.values())


@pytest.mark.parametrize(("code", "group"), [(code, group) for code in sorted(EXPECTED) for group in sorted(PROFILES)])
def test_every_municipality_and_target_group(code, group):
    serving, team, office, supplementary = EXPECTED[code][group]

    decision = route(person(code, group), PLAN)

    assert decision.target_group == group
    assert decision.serving_municipality.code == serving
    assert (decision.team.key if decision.team else None) == team
    assert decision.pool.id == (f"team:{team}" if team else f"municipality:{serving}")
    assert (decision.meeting_office.key if decision.meeting_office else None) == office
    assert [s.arrangement.key for s in decision.also_available] == ([supplementary] if supplementary else [])
    assert not decision.is_fallback


def test_ristijarvi_adult_is_served_by_paltamo_at_ristijarvi():
    decision = route(person("697", "adults"), PLAN)

    assert decision.serving_municipality.name_fi == "Paltamo"
    assert decision.meeting_office.name == "Ristijärven kunnantalo"
    assert decision.arrangement.key == "paltamo-pienet-kunnat"
    assert [reason.code for reason in decision.reasons] == [
        ReasonCode.AT_OR_OVER_YOUTH_AGE_LIMIT,
        ReasonCode.ARRANGEMENT,
        ReasonCode.TEAM_POOL,
        ReasonCode.MEETING_OFFICE,
    ]
    source = "suunnitelma §1 Paltamo (ml. Hyrynsalmi ja Ristijärvi)"
    for text in explain_in_every_language(decision).values():
        assert "Paltamo" in text
        assert source in text
        assert "Ristijärven kunnantalo, Aholantie 25, 88400 Ristijärvi" in text
    with translation.override("fi"):
        finnish = explain(decision)
    assert "Kotikunta: Ristijärvi." in finnish
    assert "asiakkaan oman kunnan toimipiste" in finnish
    assert "Paltamo tuottaa henkilöasiakas- ja työnvälityspalvelut" in finnish
    # Swedish and English come from the gettext catalogues (locale/*/LC_MESSAGES), like every other text.
    texts = explain_in_every_language(decision)
    assert "Betjänande kommun: Paltamo" in texts["sv"]
    assert "Serving municipality: Paltamo" in texts["en"]
    assert "Paltamo tuottaa" not in texts["en"], "the Finnish description is quoted to Finnish readers only"


def test_hyrynsalmi_foreign_language_customer_is_served_by_suomussalmi():
    decision = route(person("105", "foreign_language"), PLAN)

    assert decision.serving_municipality.name_fi == "Suomussalmi"
    assert decision.team.name == "Vieraskielisten ohjaus"
    assert decision.arrangement.key == "suomussalmi-vieraskieliset-pienet-kunnat"
    assert decision.reasons[0].params == {"language": "ru"}
    with translation.override("fi"):
        assert "Suomussalmi" in explain(decision)
        assert "asiointikieli ru" in explain(decision)
        [info] = decision.also_available
        assert info.office.name == "Kaupungintalo"
        assert "International Info" in explain_supplementary(info)
    with translation.override("en"):
        assert "suunnitelma §4" in explain_supplementary(info)


@pytest.mark.parametrize("code", ["105", "578", "620", "697", "832"])
def test_small_municipalities_foreign_language_arrangement_is_the_plans_example_with_no_meeting_place(code):
    decision = route(person(code, "foreign_language"), PLAN)

    assert (decision.serving_municipality.code, decision.team.key) == ("777", "suomussalmi-vieraskieliset")
    assert decision.arrangement.plan_example
    assert decision.meeting_office is None, "the plan does not say where: no office is invented"
    assert decision.reasons[-1].params["meeting_place"] == MeetingPlace.NOT_STATED
    with translation.override("fi"):
        text = explain(decision)
    assert "vain esimerkkinä" in text
    assert "suunnitelma ei kerro, missä tavataan" in text


@pytest.mark.parametrize("code", ["620", "832"])
def test_puolanka_and_taivalkoski_keep_their_own_team_for_everyone_else(code):
    for group in ("youth", "adults", "multisectoral"):
        assert route(person(code, group), PLAN).serving_municipality.code == code
    # A Sámi speaker is not a foreign-language customer: served at home.
    assert route(JobseekerProfile(code, "se", age=40), PLAN).serving_municipality.code == code


def test_an_arrangement_the_plan_decided_carries_no_example_note():
    decision = route(person("697", "adults"), PLAN)
    assert not decision.arrangement.plan_example
    with translation.override("fi"):
        assert "esimerkkinä" not in explain(decision)


def test_kajaani_foreign_language_customer_meets_at_kaupungintalo():
    decision = route(person("205", "foreign_language"), PLAN)

    assert decision.meeting_office.full_address == "Pohjolankatu 13, 87100 Kajaani"
    assert decision.team.key == "kajaani-vieraskieliset"
    with translation.override("sv"):
        assert "Hemkommun: Kajana." in explain(decision)


def test_kajaani_25_year_old_goes_to_the_youth_team():
    decision = route(JobseekerProfile("205", "fi", age=25), PLAN)

    assert decision.team.key == "kajaani-nuoret"
    assert decision.meeting_office.name == "Ohjaamo"
    assert decision.reasons[0].code == ReasonCode.UNDER_YOUTH_AGE_LIMIT
    assert decision.reasons[0].params == {"age_limit": routing.YOUTH_AGE_LIMIT}
    with translation.override("fi"):
        assert "alle 30-vuotias" in explain(decision)


def test_kajaani_typ_client_goes_to_the_multisectoral_team():
    profile = JobseekerProfile("205", "fi", age=24, multisectoral=True)

    assert route(profile, PLAN).team.key == "kajaani-typ"


@pytest.mark.parametrize(
    ("language", "age", "multisectoral", "group"),
    [
        ("fi", 29, False, "youth"),
        ("fi", 30, False, "adults"),
        ("SV ", 18, False, "youth"),
        ("sv", 50, True, "multisectoral"),
        ("en", 20, True, "foreign_language"),
        ("ar", 60, False, "foreign_language"),
        # The Sámi languages are not foreign: Statistics Finland's "vieraskielinen" excludes them.
        ("se", 45, False, "adults"),
        ("smn", 22, False, "youth"),
        ("sms", 40, True, "multisectoral"),
    ],
)
def test_target_group_derivation(language, age, multisectoral, group):
    profile = JobseekerProfile("205", language, age=age, multisectoral=multisectoral)

    assert routing.derive_target_group(profile) == group


def test_youth_age_limit_is_a_parameter():
    profile = JobseekerProfile("205", "fi", age=27)

    assert routing.derive_target_group(profile, youth_age_limit=25) == "adults"
    assert route(profile, PLAN, youth_age_limit=25).team.key == "kajaani-aikuiset"


def test_the_youth_age_limit_is_the_first_adult_age():
    assert routing.derive_target_group(JobseekerProfile("205", "fi", age=routing.YOUTH_AGE_LIMIT - 1)) == "youth"
    assert routing.derive_target_group(JobseekerProfile("205", "fi", age=routing.YOUTH_AGE_LIMIT)) == "adults"


def test_profile_refuses_a_negative_age():
    with pytest.raises(ValueError):
        JobseekerProfile("205", "fi", age=-1)


def test_specific_arrangement_wins_over_one_for_all():
    # Same data with the arrangements in reverse order: the choice must not depend on it.
    reversed_plan = dataclasses.replace(PLAN, arrangements=tuple(reversed(ARRANGEMENTS)))

    assert route(person("578", "foreign_language"), reversed_plan).arrangement.key == (
        "suomussalmi-vieraskieliset-pienet-kunnat"
    )
    assert route(person("578", "adults"), reversed_plan).arrangement.key == "paltamo-pienet-kunnat"


def test_without_an_arrangement_the_home_municipality_serves():
    plan = dataclasses.replace(PLAN, arrangements=[a for a in ARRANGEMENTS if a.key != "kuhmo"])

    decision = route(person("290", "adults"), plan)

    assert decision.is_fallback
    assert decision.serving_municipality.code == "290"
    assert decision.pool.id == "municipality:290"
    assert decision.meeting_office.key == "kuhmo-kaupungintalo"
    assert [reason.code for reason in decision.reasons][1:3] == [
        ReasonCode.NO_ARRANGEMENT,
        ReasonCode.MUNICIPALITY_POOL,
    ]
    with translation.override("fi"):
        assert "ei löytynyt palvelujärjestelyä" in explain(decision)


def test_provider_office_and_first_office_fallbacks():
    provider_meets = dataclasses.replace(
        ARRANGEMENTS[7], key="paltamo-omassa-toimipisteessa", meeting_place="provider_office"
    )
    plan = dataclasses.replace(
        PLAN,
        offices=[o for o in OFFICES if o.key != "sotkamo-virastotalo"],
        arrangements=[provider_meets, *(a for a in ARRANGEMENTS if a.key != "paltamo-pienet-kunnat")],
    )

    assert route(person("697", "adults"), plan).meeting_office.key == "paltamo-kunnantalo"
    # Sotkamo's remaining office names no customer groups: the first office is still better than none.
    assert route(person("765", "adults"), plan).meeting_office.key == "sotkamo-toimintakeskus"


def test_municipality_without_offices_gets_no_meeting_office():
    plan = dataclasses.replace(PLAN, offices=[o for o in OFFICES if o.municipality_code != "620"])

    decision = route(person("620", "adults"), plan)

    assert decision.meeting_office is None
    assert decision.reasons[-1].params["office"] is None
    with translation.override("fi"):
        assert "toimipistettä ei ole kirjattu" in explain(decision)


def test_unknown_home_municipality_is_an_error():
    with pytest.raises(ValueError, match="kotikunta: kunta 999"):
        route(person("999", "adults"), PLAN)


@pytest.mark.parametrize(
    "change",
    [
        {"teams": [*TEAMS, Team("x", "999", "X", "all")]},
        {"offices": [*OFFICES, OFFICES[0]]},
        {"arrangements": [dataclasses.replace(ARRANGEMENTS[0], served_municipality_codes={"999"})]},
        {"arrangements": [dataclasses.replace(ARRANGEMENTS[0], provider_team_key="puuttuva")]},
    ],
)
def test_snapshot_refuses_broken_references(change):
    with pytest.raises(ValueError):
        dataclasses.replace(PLAN, **change)


def test_named_office_must_be_given():
    with pytest.raises(ValueError, match="nimetty toimipiste puuttuu"):
        dataclasses.replace(ARRANGEMENTS[0], meeting_place="named_office")


profiles = st.builds(
    JobseekerProfile,
    municipality_code=st.sampled_from([m.code for m in MUNICIPALITIES]),
    service_language=st.sampled_from(["fi", "sv", "en", "ru", "ar", "so", "uk"]),
    age=st.integers(min_value=15, max_value=80),
    multisectoral=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(profile=profiles, kept=st.sets(st.sampled_from(ARRANGEMENTS)), seed=st.integers(0, 2**16))
def test_routing_is_deterministic_and_follows_an_arrangement(profile, kept, seed):
    arrangements = sorted(kept, key=lambda a: a.key)
    random.Random(seed).shuffle(arrangements)
    plan = dataclasses.replace(PLAN, arrangements=arrangements)
    shuffled = dataclasses.replace(PLAN, arrangements=list(reversed(arrangements)))

    decision = route(profile, plan)

    assert decision == route(profile, plan) == route(profile, shuffled)
    primary_providers = {
        a.provider_municipality_code
        for a in arrangements
        if a.role == "primary" and profile.municipality_code in a.served_municipality_codes
    }
    if decision.is_fallback:
        assert decision.serving_municipality.code == profile.municipality_code
    else:
        assert decision.serving_municipality.code in primary_providers
        assert profile.municipality_code in decision.arrangement.served_municipality_codes
        assert decision.arrangement.target_group in (decision.target_group, "all")
    assert decision.pool.id.split(":")[0] in ("team", "municipality")
