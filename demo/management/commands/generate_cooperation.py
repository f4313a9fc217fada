from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import cooperation
from organisation.models import EmploymentArea
from service_model.today import service_today


class Command(BaseCommand):
    help = (
        "Makes the cooperation services' demo data through the cooperation app's services: service needs and the "
        "procurement working group's agendas, a procurement with referrals, TYP clients with consents (one withdrawn), "
        "international recruitment with the spouse-job service, integration plans with language training, "
        "International Info contacts and recruitment events. Run after create_demo_accounts, generate_population "
        "and generate_vacancies. Idempotent: a new run replaces the area's cooperation rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Satunnaislukujen siemen.")
        parser.add_argument("--demo", action="store_true", help="Luo aineisto myös, kun DEMO_MODE on pois päältä.")

    def handle(self, *args, seed, demo=False, **options):
        if not (settings.DEMO_MODE or demo):
            raise CommandError(
                "Keksitty aineisto luodaan vain esittelytilassa (DEBUG/DEMO_MODE) tai valitsimella --demo."
            )
        area = EmploymentArea.objects.order_by("pk").first()
        if area is None:
            raise CommandError("Työllisyysaluetta ei ole ladattu: aja ensin manage.py load_area.")
        report = cooperation.generate(area, today=service_today(), seed=seed)
        self.stdout.write(
            f"yhteistyöpalvelut: {report.needs} palvelutarvetta, {report.meetings} kokousta, {report.procurements} "
            f"hankinta, {report.place_referrals} ohjausta, {report.typ_clients} TYP-asiakasta, {report.consents} "
            f"suostumusta, {report.recruitment_cases} rekrytointia, {report.spouses} puolisoa, {report.youth_visits} "
            f"Ohjaamo-kävijää, {report.partner_referrals} ohjausta kumppaneille, {report.integration_plans} "
            f"kotoutumissuunnitelmaa, {report.language_trainings} kielikoulutusta, {report.info_contacts} "
            f"International Info -yhteydenottoa, {report.events} rekrytointitapahtumaa "
            f"({report.event_participants} osallistujaa)"
        )
