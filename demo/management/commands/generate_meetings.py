from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from common.formatting import fi_date, fi_number
from demo import meetings
from service_model.enums import MeetingState
from service_model.today import parse_day, service_today

# More processes than this only compete for the cores and each holds its own copy of the people.
MAX_WORKERS = 16


class Command(BaseCommand):
    help = (
        "Generates a realistic meeting history (on time, late, missed, booked ahead), employment plans and the "
        "stored deadlines for every synthetic job seeker, up to the reference day. Run after generate_population. "
        "Idempotent: a new run replaces the synthetic meetings and plans, never recorded ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Satunnaislukujen siemen (sama siemen, sama historia).")
        parser.add_argument(
            "--today",
            help="Viitepäivä VVVV-KK-PP, johon asti historia luodaan (oletus: SERVICE_MODEL_TODAY tai tänään).",
        )
        parser.add_argument("--no-plans", action="store_true", help="Älä luo työllistymissuunnitelmia ja hakemuksia.")
        parser.add_argument("--demo", action="store_true", help="Luo historia myös, kun DEMO_MODE on pois päältä.")
        parser.add_argument(
            "--workers",
            type=int,
            help="Simulointiprosessien määrä (oletus: yksi ydintä kohden); sama historia millä tahansa määrällä.",
        )

    def handle(self, *args, seed, today, no_plans, demo=False, workers=None, **options):
        if not (settings.DEMO_MODE or demo):
            raise CommandError(
                "Keksitty historia luodaan vain esittelytilassa (DEBUG/DEMO_MODE) tai valitsimella --demo."
            )
        if workers is not None and not 1 <= workers <= MAX_WORKERS:
            raise CommandError(f"--workers: 1–{MAX_WORKERS} prosessia (annettu {workers})")
        day = parse_day(today) if today else service_today()
        if day is None:
            raise CommandError(f"--today: päivä muodossa VVVV-KK-PP väliltä 2.5.2022–2100 (annettu {today!r})")
        console = Console(file=self.stdout, highlight=False, width=120)
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True,
        ) as bar:  # fmt: skip
            tasks = {}

            def progress(phase, done, total):
                if phase not in tasks:
                    tasks[phase] = bar.add_task(phase, total=total)
                bar.update(tasks[phase], completed=done, total=total)

            report = meetings.generate(seed=seed, today=day, plans=not no_plans, progress=progress, workers=workers)
        self._summary(report)

    def _summary(self, report: meetings.MeetingReport) -> None:
        people = report.people or 1
        states = ", ".join(
            f"{MeetingState(state).label} {fi_number(count)}" for state, count in sorted(report.by_state.items())
        )
        self.stdout.write(
            f"tapaamiset {fi_date(report.today)} asti (siemen {report.seed}): {fi_number(report.meetings)} tapaamista "
            f"{fi_number(report.people)} työnhakijalle "
            f"({fi_number(Decimal(report.meetings) / people, 1)} / hlö; {states}), "
            f"{fi_number(report.plans)} suunnitelmaa, {fi_number(report.applications)} hakemusta, "
            f"{fi_number(report.deadlines)} määräaikaa, joista {fi_number(report.overdue)} myöhässä; "
            f"{fi_number(report.deleted)} vanhaa tapaamista korvattu, {fi_number(Decimal(report.seconds), 1)} s"
        )
