from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import competence
from organisation.models import EmploymentArea
from service_model.today import service_today


class Command(BaseCommand):
    help = (
        "Opens a competence survey round around today and answers it for the synthetic staff through the survey's "
        "own service. Run after generate_population (which creates the staff) and load_competence_areas. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Satunnaislukujen siemen.")
        parser.add_argument("--demo", action="store_true", help="Luo vastaukset myös, kun DEMO_MODE on pois päältä.")

    def handle(self, *args, seed, demo=False, **options):
        if not (settings.DEMO_MODE or demo):
            raise CommandError(
                "Keksityt vastaukset luodaan vain esittelytilassa (DEBUG/DEMO_MODE) tai valitsimella --demo."
            )
        area = EmploymentArea.objects.order_by("pk").first()
        if area is None:
            raise CommandError("Työllisyysaluetta ei ole ladattu: aja ensin manage.py load_area.")
        report = competence.generate(area, today=service_today(), seed=seed)
        self.stdout.write(f"osaamiskartoitus: {report.survey_round}, {report.respondents} vastaajaa")
