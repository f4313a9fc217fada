from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import vacancies
from service_model.today import parse_day, service_today


class Command(BaseCommand):
    help = (
        "Creates synthetic employers and open vacancies whose number per municipality equals the open-vacancy column "
        "of the newest month of Table 1 (and a few in the neighbouring centres outside the area, apart from it), fills "
        "in the synthetic job seekers' working languages, and makes a few job offers from the matches, most with an "
        "outcome, some to the centres outside the area. Run after generate_population. Idempotent: a new run "
        "replaces the synthetic vacancies, their employers and offers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Satunnaislukujen siemen.")
        parser.add_argument("--today", help="Viitepäivä VVVV-KK-PP (oletus: SERVICE_MODEL_TODAY tai tänään).")
        parser.add_argument("--offers", type=int, default=vacancies.OFFERS, help="Tehtävien työtarjousten määrä.")
        parser.add_argument("--demo", action="store_true", help="Luo tiedot myös, kun DEMO_MODE on pois päältä.")

    def handle(self, *args, seed, today, offers, demo=False, **options):
        if not (settings.DEMO_MODE or demo):
            raise CommandError(
                "Keksityt työpaikat luodaan vain esittelytilassa (DEBUG/DEMO_MODE) tai valitsimella --demo."
            )
        day = parse_day(today) if today else service_today()
        if day is None:
            raise CommandError(f"--today: päivä muodossa VVVV-KK-PP väliltä 2.5.2022–2100 (annettu {today!r})")
        if offers < 0:
            raise CommandError(f"--offers: ei-negatiivinen kokonaisluku (annettu {offers})")
        try:
            report = vacancies.generate(seed=seed, today=day)
        except vacancies.VacancyGenerationError as error:
            raise CommandError(str(error)) from None
        made, across, outcomes = vacancies.make_offers(seed=seed, today=day, count=offers)
        outside_offers = vacancies.make_outside_offers(
            seed=seed, today=day, count=min(offers, vacancies.OUTSIDE_OFFERS)
        )
        per_municipality = ", ".join(f"{code} {count}" for code, count in sorted(report.vacancies.items()))
        outside = ", ".join(f"{code} {count}" for code, count in sorted(report.outside_area.items()))
        self.stdout.write(
            f"{sum(report.vacancies.values())} avointa työpaikkaa ({report.month:%Y-%m}: {per_municipality}); "
            f"{sum(report.outside_area.values())} alueen ulkopuolella ({outside or '-'}); "
            f"{report.employers} työnantajaa; {report.deleted} vanhaa työpaikkaa korvattu; "
            f"{made} työtarjousta, joista {across} toisen kunnan työpaikkaan ja {outcomes} tulos kirjattu; "
            f"{outside_offers} työtarjousta alueen ulkopuolelle"
        )
