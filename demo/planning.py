"""Planning data for `make run`: the baseline and a layoff scenario, two change situations with their preparedness
checklists partly done and change-security customers flagged by their counsellors, and a week of calls to the shared
phone service with a rota. Everything goes through planning's own services, so it is checked like a user's input.

Employers are invented. Each part is created once: a new run finds it by name and leaves it as it is.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts.models import User
from common.dates import add_months
from jobseekers.models import Jobseeker
from organisation.models import EmploymentArea
from planning import change_services, checklists, phone_services, services
from planning.models import ChangeSituation, ChecklistTemplateItem, PhoneRotaEntry, PhoneVolumeWeek, Scenario

BASELINE = "Perusura"
LAYOFF = "Sotkamon Malmi Oy:n lomautukset"
WEEK = "Esimerkkiviikko"
SOTKAMO, KAJAANI = "765", "205"
# Calls an hour on weekdays 8–16, before the weekday factor: a morning peak and a smaller one after lunch.
HOURLY = {8: 40, 9: 70, 10: 62, 11: 48, 12: 38, 13: 52, 14: 45, 15: 30}
WEEKDAY_FACTOR = {1: 1.3, 2: 1.1, 3: 1.0, 4: 0.95, 5: 0.8}
# (municipality, weekdays, start, end, agents): the larger municipalities carry the line, the smaller take a shift.
ROTA = [
    (KAJAANI, range(1, 6), 8, 16, 8),
    ("305", range(1, 6), 8, 12, 4),
    (SOTKAMO, range(1, 6), 12, 16, 3),
    ("777", (1, 3), 8, 16, 2),
    ("290", (2, 4), 8, 16, 2),
]
SITUATIONS = [
    {
        "employer_name": "Sotkamon Malmi Oy",
        "municipality": SOTKAMO,
        "kind": "layoff",
        "people_affected": "420",
        "days_ago": 20,
        "schedule": "Lomautukset kahdessa erässä: 1. erä ensi kuussa, 2. erä kolmen kuukauden kuluttua; kesto 3–6 kk.",
        "sources": "Yhtiön tiedote (keksitty esimerkki)\nTyönantajapalveluiden puhelu yhtiön henkilöstöjohtajalle",
        "done": 2,
        "flag": 12,
        "status": "preparing",
    },
    {
        "employer_name": "Kajaanin Puutuote Oy",
        "municipality": KAJAANI,
        "kind": "closure",
        "people_affected": "65",
        "days_ago": 45,
        "schedule": "Tehdas suljetaan kahden kuukauden kuluttua; irtisanomisaika 2–6 kk.",
        "sources": "Muutosneuvottelujen päätöstiedote (keksitty esimerkki)",
        "done": 4,
        "flag": 6,
        "status": "active",
    },
]


@dataclass
class PlanningReport:
    scenarios: list[str] = field(default_factory=list)
    situations: list[str] = field(default_factory=list)
    flagged: int = 0
    week: str = ""
    rota_entries: int = 0


def _manager(area: EmploymentArea) -> User:
    """The demo's area manager, or any active one of the area (the scenarios and the week need an author)."""
    found = (
        User.objects.filter(username="johto", is_active=True).first()
        or User.objects.filter(role="area_manager", is_active=True, home_municipality__area=area).order_by("pk").first()
    )
    if found is None:
        found = User.objects.create_user(username="synt-johto", role="area_manager", is_active=True)
        found.set_unusable_password()
        found.home_municipality = area.municipalities.get(code=KAJAANI)
        found.save()
    return found


def _scenarios(manager: User, today: date, report: PlanningReport) -> None:
    start = today.replace(day=1)
    if not Scenario.objects.filter(name=BASELINE).exists():
        services.create_scenario(manager, name=BASELINE, changes=[], start_month=f"{start:%Y-%m}")
        report.scenarios.append(BASELINE)
    if not Scenario.objects.filter(name=LAYOFF).exists():
        first, second = add_months(start, 1), add_months(start, 3)
        layoff = {"kind": "layoff", "municipality": SOTKAMO, "employer": "Sotkamon Malmi Oy", "monthly_outflow": "0.1"}
        services.create_scenario(
            manager,
            name=LAYOFF,
            start_month=f"{start:%Y-%m}",
            changes=[
                {**layoff, "month": f"{first:%Y-%m}", "people": 250, "share_registering": "0.8"},
                {**layoff, "month": f"{second:%Y-%m}", "people": 170, "share_registering": "0.7"},
            ],
        )
        report.scenarios.append(LAYOFF)


def _flag(situation: ChangeSituation, count: int, rng: random.Random) -> int:
    """Flag some job seekers of the situation's municipality, each by their own counsellor, as a counsellor would."""
    people = list(
        Jobseeker.objects.searching()
        .filter(municipality=situation.municipality, responsible_counsellor__isnull=False)
        .select_related("responsible_counsellor")
        .order_by("pk")[:400]
    )
    flagged = 0
    for person in rng.sample(people, min(count, len(people))):
        change_services.flag(person.responsible_counsellor, person, situation.pk)
        flagged += 1
    return flagged


def _situations(manager: User, today: date, rng: random.Random, report: PlanningReport) -> None:
    if not ChecklistTemplateItem.objects.exists():
        checklists.load_checklists()
    for spec in SITUATIONS:
        if ChangeSituation.objects.filter(employer_name=spec["employer_name"]).exists():
            continue
        notice = today - timedelta(days=spec["days_ago"])
        data = {key: value for key, value in spec.items() if key not in ("days_ago", "done", "flag", "status")}
        situation = change_services.create_situation(manager, {**data, "notice_date": f"{notice:%Y-%m-%d}"})
        for item in situation.items.order_by("position")[: spec["done"]]:
            change_services.update_item(
                manager, item, {"owner": item.owner, "due_on": f"{item.due_on:%Y-%m-%d}", "done": "1"}
            )
        change_services.set_status(manager, situation, spec["status"])
        report.flagged += _flag(situation, spec["flag"], rng)
        report.situations.append(situation.employer_name)


def _week_csv(rng: random.Random) -> str:
    lines = ["weekday,hour,calls"]
    for weekday, factor in WEEKDAY_FACTOR.items():
        for hour, calls in HOURLY.items():
            lines.append(f"{weekday},{hour},{round(calls * factor * rng.uniform(0.9, 1.1))}")
    return "\n".join(lines) + "\n"


def _phone(manager: User, rng: random.Random, report: PlanningReport) -> None:
    if not PhoneVolumeWeek.objects.filter(name=WEEK).exists():
        phone_services.import_week(
            manager,
            name=WEEK,
            text=_week_csv(rng),
            targets={
                "average_handling_seconds": 300,
                "target_answer_seconds": 60,
                "target_service_level": "0.8",
                "shrinkage": "0.3",
            },
        )
        report.week = WEEK
    if not PhoneRotaEntry.objects.exists():
        for code, weekdays, start, end, agents in ROTA:
            for weekday in weekdays:
                phone_services.add_rota_entry(
                    manager,
                    {
                        "municipality": code,
                        "weekday": str(weekday),
                        "start_hour": start,
                        "end_hour": end,
                        "agents": agents,
                    },
                )
                report.rota_entries += 1


def generate(area: EmploymentArea, *, today: date, seed: int = 1) -> PlanningReport:
    rng = random.Random(f"planning:{seed}")
    manager = _manager(area)
    report = PlanningReport()
    _scenarios(manager, today, report)
    _situations(manager, today, rng, report)
    _phone(manager, rng, report)
    return report
