from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import planning
from organisation.models import EmploymentArea
from service_model.today import service_today


class Command(BaseCommand):
    help = (
        "Creates the planning demo: the baseline and a Sotkamo layoff scenario, two change situations with their "
        "checklists partly done and change-security customers flagged, and a week of phone volumes with a rota. "
        "Run after generate_population (which creates the job seekers and their counsellors). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Satunnaislukujen siemen.")
        parser.add_argument("--demo", action="store_true", help="Luo aineiston myös, kun DEMO_MODE on pois päältä.")

    def handle(self, *args, seed, demo=False, **options):
        if not (settings.DEMO_MODE or demo):
            raise CommandError(
                "Keksitty suunnitteluaineisto luodaan vain esittelytilassa (DEBUG/DEMO_MODE) tai valitsimella --demo."
            )
        area = EmploymentArea.objects.order_by("pk").first()
        if area is None:
            raise CommandError("Työllisyysaluetta ei ole ladattu: aja ensin manage.py load_area.")
        report = planning.generate(area, today=service_today(), seed=seed)
        self.stdout.write(
            f"suunnittelu: skenaariot {report.scenarios or '–'}, muutostilanteet {report.situations or '–'} "
            f"({report.flagged} muutosturva-asiakasta), viikko {report.week or '–'}, {report.rota_entries} vuoroa"
        )
