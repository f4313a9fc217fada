import shutil
import subprocess
import sys
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from accounts.models import User
from organisation import enums, models
from organisation.area_data import AreaDataError, LoadContext, load_area
from organisation.loader import OrganisationSection
from tests.conftest import AREA_DIR
from tests.organisation.factories import EmploymentAreaFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

MODELS = [
    models.EmploymentArea,
    models.Municipality,
    models.Office,
    models.Team,
    models.StaffPosition,
    models.CaseloadTarget,
    models.ServiceArrangement,
    models.CentralisedService,
    models.Delegation,
    models.CooperationBody,
    models.Partner,
    models.AreaStaffFact,
]


def snapshot() -> dict:
    """Every organisation row with all its values, and who each arrangement serves."""
    state = {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}
    state["served"] = sorted(
        models.ServiceArrangement.served_municipalities.through.objects.values_list(
            "servicearrangement_id", "municipality_id"
        )
    )
    return state


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of the real area folder that a test may change."""
    copy = tmp_path / "kainuu-koillismaa"
    shutil.copytree(AREA_DIR, copy)
    return copy


def edit(folder: Path, file_name: str, old: str, new: str) -> None:
    path = folder / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file_name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def total(summaries):
    summary = summaries["organisation"]
    return summary.added, summary.changed, summary.unchanged, summary.removed


# --- The real plan ---------------------------------------------------------------------------------------------


def test_the_plan_loads_with_its_facts():
    load_area(AREA_DIR)

    area = models.EmploymentArea.objects.get()
    assert (area.slug, area.name_fi) == ("kainuu-koillismaa", "Kainuun ja Koillismaan työllisyysalue")
    assert area.responsible_municipality.code == "205"
    assert models.Municipality.objects.count() == 10
    assert models.Municipality.objects.get(code="205").name_sv == "Kajana"
    assert set(models.Municipality.objects.filter(region="Pohjois-Pohjanmaa").values_list("code", flat=True)) == {
        "305",
        "832",
    }

    assert models.Office.objects.count() == 13
    hyrynsalmi = models.Office.objects.get(municipality__code="105")
    assert hyrynsalmi.full_address == "Laskutie 1, 89400 Hyrynsalmi"
    assert models.Office.objects.filter(municipality__code="205").count() == 3
    assert models.Office.objects.filter(municipality__code="765").count() == 2
    assert models.Office.objects.get(key="kajaani-kaupungintalo").customer_groups == [
        "foreign_language",
        "international",
    ]
    assert "mahdollisesti yksi TE-virkailija" in models.Office.objects.get(key="sotkamo-toimintakeskus").notes
    assert "Kitkantie 28" in models.Office.objects.get(municipality__code="305").notes

    paltamo = models.ServiceArrangement.objects.get(key="paltamo-pienet-kunnat")
    assert set(paltamo.served_municipalities.values_list("code", flat=True)) == {"578", "105", "697"}
    assert paltamo.meeting_place == enums.MeetingPlace.SERVED_MUNICIPALITY_OFFICE
    info = models.ServiceArrangement.objects.get(key="international-info")
    assert info.served_municipalities.count() == 10
    assert (info.role, info.meeting_office.key) == (enums.ArrangementRole.SUPPLEMENTARY, "kajaani-kaupungintalo")

    assert set(models.Team.objects.filter(municipality__code="205").values_list("target_group", flat=True)) >= {
        "youth",
        "adults",
        "foreign_language",
        "multisectoral",
    }


def test_staffing_figures_are_as_printed():
    load_area(AREA_DIR)
    positions = models.StaffPosition.objects

    suomussalmi = positions.get(municipality__code="777", title="työllisyysohjaaja", origin="state_transfer")
    assert (suomussalmi.fte_min, suomussalmi.fte_max) == (Decimal(6), Decimal(7))
    # "mukaan lukien" the own 1 + 1 FTE: 1 supervisor + 7–8 counsellors in all, not 1 + 1 on top (plan §1).
    suomussalmi_all = positions.filter(municipality__code="777")
    assert sum(p.fte_min for p in suomussalmi_all) == 8 and sum(p.fte_max for p in suomussalmi_all) == 9
    customer_work = suomussalmi_all.filter(customer_work=True)
    assert (sum(p.fte_min for p in customer_work), sum(p.fte_max for p in customer_work)) == (7, 8)
    assert suomussalmi_all.get(role="supervisor").origin == "municipal"
    kuhmo_own = positions.filter(municipality__code="290", origin="municipal")
    assert sorted(p.fte_min for p in kuhmo_own) == [Decimal("0.5"), 1, 2]
    assert sum(p.fte_min for p in kuhmo_own) == Decimal("3.5")
    kuusamo = positions.filter(municipality__code="305", customer_work=True)
    assert sum(p.fte_min for p in kuusamo) == 9
    assert positions.get(municipality__code="620", origin="transfer_or_recruited").fte_min == 3
    assert not positions.filter(municipality__code__in=["105", "697"]).exists()
    assert not positions.filter(source="").exists()


def test_caseload_targets_keep_the_plans_wording():
    load_area(AREA_DIR)
    targets = models.CaseloadTarget.objects

    typ = targets.get(team__key="kajaani-typ")
    assert (typ.min_clients, typ.max_clients, typ.wording.startswith("alle 100")) == (None, 100, True)
    assert targets.get(municipality__code="620").wording.startswith("n. 100")
    assert (targets.get(municipality__code="620").min_clients, targets.get(municipality__code="620").max_clients) == (
        100,
        100,
    )
    assert not targets.filter(municipality__code="765").exists(), "Sotkamo's part gives no figure"
    assert targets.count() == 8


def test_centralised_services_delegations_bodies_and_partners():
    load_area(AREA_DIR)

    employer = models.CentralisedService.objects.get(key="tyonantaja-ja-yrityspalvelut")
    assert employer.parts.count() == 6
    assert models.CentralisedService.objects.filter(category=enums.ServiceCategory.PHONE_SERVICE).count() == 1
    assert models.CentralisedService.objects.filter(also_purchased=True).count() == 3
    assert not models.CentralisedService.objects.filter(name_sv="").exists()

    pay_subsidy = models.Delegation.objects.filter(case_type=enums.CaseType.PAY_SUBSIDY)
    assert pay_subsidy.count() == 7
    assert set(pay_subsidy.values_list("payment", "status", "decides")) == {("undecided", "planned", True)}

    assert models.CooperationBody.objects.get(kind=enums.BodyKind.LEADERSHIP_GROUP).role == enums.BodyRole.DECIDES
    assert set(models.CooperationBody.objects.filter(kind="working_group").values_list("role", flat=True)) == {
        "supports"
    }
    assert {"kela", "kamk", "kao", "osao", "tyokanava"} <= set(models.Partner.objects.values_list("key", flat=True))


def test_validate_fills_the_municipality_codes_and_writes_nothing():
    context = LoadContext(directory=AREA_DIR)
    OrganisationSection().validate(context)
    assert context.municipality_codes == {"105", "205", "290", "305", "578", "620", "697", "765", "777", "832"}
    assert not models.Municipality.objects.exists()


# --- Idempotence and mirroring ---------------------------------------------------------------------------------


def test_a_second_load_changes_nothing():
    first = load_area(AREA_DIR)
    before = snapshot()
    second = load_area(AREA_DIR)

    added = first["organisation"].added
    assert added > 100
    assert total(second) == (0, 0, added, 0)
    assert snapshot() == before


def test_a_changed_value_updates_the_row_in_place(folder):
    load_area(folder)
    office = models.Office.objects.get(key="hyrynsalmi-kunnantalo")
    edit(folder, "offices.yaml", "street_address: Laskutie 1", "street_address: Laskutie 3")
    edit(folder, "staff_positions.yaml", "fte_min: 6\n  fte_max: 7", "fte_min: 5\n  fte_max: 7")

    added, changed, _unchanged, removed = total(load_area(folder))

    assert (added, changed, removed) == (0, 2, 0)
    office.refresh_from_db()
    assert office.street_address == "Laskutie 3"
    assert models.StaffPosition.objects.get(municipality__code="777", fte_max=7).fte_min == 5


def test_a_changed_reference_counts_as_a_change(folder):
    load_area(folder)
    edit(
        folder,
        "service_arrangements.yaml",
        'served_municipalities: ["578", "105", "697"]',
        'served_municipalities: ["578", "105"]',
    )

    added, changed, _unchanged, removed = total(load_area(folder))

    assert (added, changed, removed) == (0, 1, 0)
    paltamo = models.ServiceArrangement.objects.get(key="paltamo-pienet-kunnat")
    assert set(paltamo.served_municipalities.values_list("code", flat=True)) == {"578", "105"}


def test_an_entry_removed_from_the_files_is_removed_from_the_database(folder):
    load_area(folder)
    edit(
        folder,
        "partners.yaml",
        "- key: tyokanava\n  name: Työkanava Oy\n  kind: company\n"
        "  cooperation: Yhteisesti nimetyt henkilöt ohjaavat henkilöasiakkaita Työkanava Oy:lle työntekijöiksi.\n"
        "  source: Suunnitelma §4\n",
        "",
    )

    assert total(load_area(folder))[3] == 1
    assert not models.Partner.objects.filter(key="tyokanava").exists()


def test_a_renamed_office_key_keeps_the_office_and_its_teams(folder):
    load_area(folder)
    office = models.Office.objects.get(key="kuhmo-kaupungintalo")
    edit(folder, "offices.yaml", "key: kuhmo-kaupungintalo", "key: kuhmo-kaupungintalo-uusi")
    edit(folder, "teams.yaml", "office: kuhmo-kaupungintalo", "office: kuhmo-kaupungintalo-uusi")

    load_area(folder)

    office.refresh_from_db()
    assert office.key == "kuhmo-kaupungintalo-uusi"
    assert models.Team.objects.get(key="kuhmo").office == office


def test_other_areas_are_left_alone():
    other = MunicipalityFactory(code="999", area=EmploymentAreaFactory(slug="muu-alue"))
    load_area(AREA_DIR)
    load_area(AREA_DIR)
    assert models.Municipality.objects.get(code="999") == other


# --- Bad input: a clear message and nothing written --------------------------------------------------------------

BAD_INPUTS = {
    "malformed YAML": (
        "offices.yaml",
        ("customer_groups: [foreign_language, international]", "customer_groups: [foreign_language, international"),
        ("rivi", ["YAML", "rivillä"]),
    ),
    "missing file": ("teams.yaml", None, ("-", ["puuttuu"])),
    "unknown field": (
        "municipalities.yaml",
        ("  region: Kainuu\n", "  maakunta: Kainuu\n"),
        ("Hyrynsalmi", ["tuntematon kenttä maakunta", "region"]),
    ),
    "missing required field": (
        "partners.yaml",
        ("  kind: company\n", ""),
        ("tyokanava", ["pakollinen kenttä kind puuttuu"]),
    ),
    "field given twice": (
        "bodies.yaml",
        ("  kind: leadership_group\n", "  kind: leadership_group\n  kind: working_group\n"),
        ("rivi", ["kind", "kahdesti"]),
    ),
    "unknown municipality code": (
        "offices.yaml",
        ('  municipality: "105"', '  municipality: "106"'),
        ("hyrynsalmi-kunnantalo", ["municipality", "tuntematon kuntanumero 106"]),
    ),
    "unknown responsible municipality": (
        "area.yaml",
        ('responsible_municipality: "205"', 'responsible_municipality: "206"'),
        ("työllisyysalue", ["responsible_municipality", "206"]),
    ),
    "unknown team": (
        "staff_positions.yaml",
        ("  team: kuhmo\n", "  team: kuhmoo\n"),
        ("290 työllisyysasiantuntija", ["team", "kuhmoo", "teams.yaml"]),
    ),
    "unknown office": (
        "teams.yaml",
        ("office: kuhmo-kaupungintalo", "office: kuhmon-talo"),
        ("kuhmo", ["office", "kuhmon-talo", "offices.yaml"]),
    ),
    "team in another municipality": (
        "staff_positions.yaml",
        ("  team: kuhmo\n", "  team: sotkamo\n"),
        ("290", ["team", "765"]),
    ),
    "invalid enum value": (
        "teams.yaml",
        ("target_group: youth", "target_group: nuoret"),
        ("kajaani-nuoret", ["target_group", "'nuoret'", "all, youth, adults"]),
    ),
    "invalid enum in a list": (
        "offices.yaml",
        ("customer_groups: [youth]", "customer_groups: [nuoret]"),
        ("kajaani-ohjaamo", ["customer_groups", "sallitut arvot"]),
    ),
    "negative FTE": (
        "staff_positions.yaml",
        ("fte: 0.5", "fte: -0.5"),
        ("290 työllisyysohjaaja (50 %)", ["fte", "negatiivinen"]),
    ),
    "FTE as text": (
        "staff_positions.yaml",
        ("fte_min: 6\n  fte_max: 7", 'fte: "6–7"'),
        ("777 työllisyysohjaaja", ["fte", "pitää olla luku"]),
    ),
    "FTE minimum above maximum": (
        "staff_positions.yaml",
        ("fte_min: 6\n  fte_max: 7", "fte_min: 9\n  fte_max: 7"),
        ("777 työllisyysohjaaja", ["fte_min (9) on suurempi kuin fte_max (7)"]),
    ),
    "caseload minimum above maximum": (
        "caseload_targets.yaml",
        ("min_clients: 90", "min_clients: 130"),
        ("777", ["min_clients (130) on suurempi kuin max_clients (120)"]),
    ),
    "duplicate office key": (
        "offices.yaml",
        ("key: ristijarvi-kunnantalo", "key: paltamo-kunnantalo"),
        ("paltamo-kunnantalo", ["tunniste paltamo-kunnantalo on jo käytössä"]),
    ),
    "duplicate office name and address": (
        "offices.yaml",
        (
            'name: Ristijärven kunnantalo\n  municipality: "697"\n  street_address: Aholantie 25',
            'name: Paltamon kunnantalo\n  municipality: "697"\n  street_address: Salmelankuja 1',
        ),
        ("ristijarvi-kunnantalo", ["Paltamon kunnantalo / Salmelankuja 1", "sama nimi ja katuosoite"]),
    ),
    "duplicate municipality code": (
        "municipalities.yaml",
        ('code: "697"', 'code: "578"'),
        ("578 Ristijärvi", ["kuntanumero 578 on jo"]),
    ),
    "duplicate staff position": (
        "staff_positions.yaml",
        ("title: työllisyysohjaaja (50 %)", "title: työllisyysohjaaja"),
        ("290 työllisyysohjaaja", ["nimike ja alkuperä", "tarkentamalla nimikettä"]),
    ),
    "postal code not five digits": (
        "offices.yaml",
        ('postal_code: "89400"', 'postal_code: "8940"'),
        ("hyrynsalmi-kunnantalo", ["postal_code", "5 numeroa", "'8940'"]),
    ),
    "municipality code not three digits": (
        "municipalities.yaml",
        ('code: "105"', 'code: "1050"'),
        ("Hyrynsalmi", ["code", "3 numeroa"]),
    ),
    "named office without the office": (
        "service_arrangements.yaml",
        ("  meeting_office: kuusamo-kaupungintalo\n", ""),
        ("kuusamo", ["meeting_office", "named_office"]),
    ),
    "alle without its maximum": (
        "caseload_targets.yaml",
        (
            "  max_clients: 100\n  bound: below\n  wording: alle sata",
            "  min_clients: 90\n  bound: below\n  wording: alle sata",
        ),
        ("290", ["bound below", "max_clients"]),
    ),
    "noin without a tolerance": (
        "caseload_targets.yaml",
        ("  tolerance_percent: 10\n  wording: n. 100", "  wording: n. 100"),
        ("620", ["bound about", "tolerance_percent"]),
    ),
    "a tolerance on a range": (
        "caseload_targets.yaml",
        ("  max_clients: 120\n", "  max_clients: 120\n  tolerance_percent: 5\n"),
        ("777", ["tolerance_percent", "range"]),
    ),
    "unknown reading": (
        "caseload_targets.yaml",
        ("bound: below", "bound: strictly"),
        ("205 kajaani-typ", ["bound", "'strictly'", "range, below, about"]),
    ),
    "plan example on a supplementary arrangement": (
        "service_arrangements.yaml",
        (
            "  role: supplementary\n  meeting_place: named_office\n  meeting_office: kajaani-kaupungintalo",
            "  role: supplementary\n  plan_example: true\n  meeting_place: named_office\n"
            "  meeting_office: kajaani-kaupungintalo",
        ),
        ("international-info", ["plan_example", "primary"]),
    ),
    "an office for a meeting place the plan does not state": (
        "service_arrangements.yaml",
        ("  meeting_place: not_stated\n", "  meeting_place: not_stated\n  meeting_office: suomussalmi-kunnantalo\n"),
        ("suomussalmi-vieraskieliset-pienet-kunnat", ["meeting_office", "not_stated"]),
    ),
    "area customer work above its FTE": (
        "area_staff.yaml",
        ("  customer_work_fte: 40", "  customer_work_fte: 90"),
        ("valtiolta-siirtyva-henkilosto", ["customer_work_fte", "fte"]),
    ),
    "area staff FTE as text": (
        "area_staff.yaml",
        ("  fte: 80", '  fte: "noin 80"'),
        ("valtiolta-siirtyva-henkilosto", ["fte", "pitää olla luku"]),
    ),
    "service part of itself": (
        "centralised_services.yaml",
        (
            "  category: employer_business\n  source: Suunnitelma §2, Yhteiset",
            "  category: employer_business\n  parent: tyonantaja-ja-yrityspalvelut\n  source: Suunnitelma §2, Yhteiset",
        ),
        ("tyonantaja-ja-yrityspalvelut", ["parent", "kehän"]),
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_named_and_nothing_is_written(folder, case):
    file_name, change, (entry, problems) = case
    load_area(AREA_DIR)
    edit(folder, "area.yaml", "name_fi: Kainuun ja Koillismaan työllisyysalue", "name_fi: Muutettu nimi")
    if change is None:
        (folder / file_name).unlink()
    else:
        edit(folder, file_name, *change)
    before = snapshot()

    with pytest.raises(AreaDataError) as raised:
        load_area(folder)

    error = raised.value
    assert error.file == file_name
    assert entry in error.entry
    for problem in problems:
        assert problem in error.problem
    assert snapshot() == before


def test_malformed_yaml_names_the_line(folder):
    edit(folder, "offices.yaml", "customer_groups: [youth]", "customer_groups: [youth")
    line = next(
        number
        for number, text in enumerate((folder / "offices.yaml").read_text().splitlines(), start=1)
        if text.rstrip().endswith("customer_groups: [youth")
    )
    with pytest.raises(AreaDataError) as raised:
        load_area(folder)
    assert raised.value.entry.startswith("rivi ")
    assert abs(int(raised.value.entry.removeprefix("rivi ")) - line) <= 2


def test_a_problem_found_while_writing_rolls_everything_back(folder):
    """A code that belongs to another area is only seen in the database, after earlier rows were written."""
    load_area(AREA_DIR)
    MunicipalityFactory(code="999", area=EmploymentAreaFactory(slug="muu-alue"))
    edit(folder, "area.yaml", "name_fi: Kainuun ja Koillismaan työllisyysalue", "name_fi: Muutettu nimi")
    edit(folder, "offices.yaml", "street_address: Laskutie 1", "street_address: Laskutie 3")
    (folder / "municipalities.yaml").write_text(
        (folder / "municipalities.yaml").read_text()
        + '- code: "999"\n  name_fi: Muu\n  name_sv: Muu\n  region: Muu\n'
        + "  wellbeing_services_county: Muu\n  source: Testi\n"
    )
    before = snapshot()

    with pytest.raises(AreaDataError) as raised:
        load_area(folder)

    assert (raised.value.file, "kuuluu jo työllisyysalueeseen" in raised.value.problem) == (
        "municipalities.yaml",
        True,
    )
    assert snapshot() == before


def test_a_removed_row_still_in_use_stops_the_load(folder):
    load_area(AREA_DIR)
    area = models.EmploymentArea.objects.get()
    extra = MunicipalityFactory(code="998", name_fi="Poistettava", area=area)
    User.objects.create_user(username="kayttaja", home_municipality=extra)
    before = snapshot()

    with pytest.raises(AreaDataError) as raised:
        load_area(folder)

    assert (raised.value.file, raised.value.entry) == ("municipalities.yaml", "Poistettava")
    assert "käyttäjä" in raised.value.problem
    assert snapshot() == before


# --- The command ---------------------------------------------------------------------------------------------


def test_command_prints_a_summary_per_section_and_is_idempotent():
    out = StringIO()
    call_command("load_area", str(AREA_DIR), stdout=out)
    assert "organisation: lisätty " in out.getvalue()

    out = StringIO()
    call_command("load_area", str(AREA_DIR), stdout=out)
    assert "organisation: lisätty 0, muutettu 0, ennallaan " in out.getvalue()
    assert models.Office.objects.count() == 13


def test_command_reports_bad_input_and_writes_nothing(folder):
    edit(folder, "offices.yaml", 'postal_code: "89400"', 'postal_code: "8940"')

    with pytest.raises(CommandError) as raised:
        call_command("load_area", str(folder), stdout=StringIO())

    message = str(raised.value)
    assert "offices.yaml" in message and "hyrynsalmi-kunnantalo" in message and "postal_code" in message
    assert not models.Municipality.objects.exists()


def test_command_exits_non_zero_with_the_message_on_stderr(folder):
    edit(folder, "teams.yaml", "target_group: youth", "target_group: nuoret")

    result = subprocess.run(
        [sys.executable, "manage.py", "load_area", str(folder)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "teams.yaml" in result.stderr and "target_group" in result.stderr
    assert result.stdout == ""


def test_a_field_given_twice_names_the_file_the_line_and_the_field(folder):
    edit(folder, "bodies.yaml", "  kind: leadership_group\n", "  kind: leadership_group\n  kind: working_group\n")
    line = (folder / "bodies.yaml").read_text(encoding="utf-8").splitlines().index("  kind: working_group") + 1
    with pytest.raises(AreaDataError) as raised:
        load_area(folder)
    error = raised.value
    assert (error.file, error.entry) == ("bodies.yaml", f"rivi {line}")
    assert error.problem == "kenttä kind on annettu kahdesti samassa kohteessa"
