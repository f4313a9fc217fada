from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import cases
from service_model.today import parse_day, service_today


def _counts(states: dict) -> str:
    return ", ".join(f"{getattr(state, 'label', state)} {count}" for state, count in sorted(states.items())) or "–"


class Command(BaseCommand):
    help = (
        "Creates unemployment-security statements and pay-subsidy and start-up grant applications for synthetic job "
        "seekers, in every state, through the apps' own services. Run after generate_meetings. Idempotent: a new run "
        "replaces the synthetic cases."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Satunnaislukujen siemen.")
        parser.add_argument("--today", help="Viitepäivä VVVV-KK-PP (oletus: SERVICE_MODEL_TODAY tai tänään).")
        parser.add_argument("--demo", action="store_true", help="Luo tapaukset myös, kun DEMO_MODE on pois päältä.")

    def handle(self, *args, seed, today, demo=False, **options):
        if not (settings.DEMO_MODE or demo):
            raise CommandError(
                "Keksityt tapaukset luodaan vain esittelytilassa (DEBUG/DEMO_MODE) tai valitsimella --demo."
            )
        day = parse_day(today) if today else service_today()
        if day is None:
            raise CommandError(f"--today: päivä muodossa VVVV-KK-PP väliltä 2.5.2022–2100 (annettu {today!r})")
        report = cases.generate(seed=seed, today=day)
        self.stdout.write(
            f"lausunnot: {_counts(report.statements)}; tukihakemukset: {_counts(report.applications)}; "
            f"{report.decision_makers} päättäjää lisätty, {report.deleted} vanhaa tapausta korvattu"
        )
