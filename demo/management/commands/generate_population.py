from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from common.dates import month_end
from common.formatting import fi_date, fi_number
from demo import people
from organisation.models import EmploymentArea
from service_model.today import parse_day, service_today

COLUMNS = [
    ("unemployed", "työttömät"),
    ("men", "miehet"),
    ("women", "naiset"),
    ("under_20", "alle 20"),
    ("under_25", "alle 25"),
    ("long_term", "pitkäaik."),
    ("foreigners", "ulkomaal."),
]


def parse_month(value: str) -> date:
    try:
        year, month = value.split("-")
        return date(int(year), int(month), 1)
    except ValueError:
        raise CommandError(f"--month: kuukausi muodossa VVVV-KK, esim. 2023-08 (annettu {value!r})") from None


class Command(BaseCommand):
    help = (
        "Creates a synthetic job-seeker population whose unemployed match the month's municipal statistics (the plan's "
        "Table 1), plus the job seekers who are not unemployed, counsellors from the plan's staffing, and assigns "
        "everyone a counsellor. Idempotent per month: a new run replaces that month's synthetic people."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--month",
            help="Tilastokuukausi VVVV-KK, esim. 2023-08 (oletus: uusin ladattu kuukausi, luvut tähän päivään).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Satunnaislukujen siemen (sama siemen, samat henkilöt)."
        )
        parser.add_argument("--scale", default="1", help="Kerroin taulukon luvuille (1 = taulukko sellaisenaan).")
        parser.add_argument(
            "--as-of",
            dest="as_of",
            help="Päivä VVVV-KK-PP, jona luvut täsmäävät (oletus: kuukauden viimeinen; ilman --month tämä päivä).",
        )
        parser.add_argument(
            "--municipality", action="append", dest="municipalities", help="Vain tämä kunta (kuntanumero); toistettava."
        )
        parser.add_argument("--no-assign", action="store_true", help="Älä jaa asiakkaita ohjaajille.")
        parser.add_argument("--area", help="Työllisyysalueen tunniste (oletus: ainoa alue).")
        parser.add_argument("--demo", action="store_true", help="Luo väestö myös, kun DEMO_MODE on pois päältä.")

    def handle(self, *args, month, seed, scale, as_of, municipalities, no_assign, area, demo=False, **options):
        if not (settings.DEMO_MODE or demo):
            raise CommandError(
                "Keksitty väestö luodaan vain esittelytilassa (DEBUG/DEMO_MODE) tai valitsimella --demo."
            )
        try:
            scale_value = Decimal(scale)
        except InvalidOperation:
            raise CommandError(f"--scale: luku, esim. 1 tai 0,5 (annettu {scale!r})") from None
        if scale_value <= 0:
            raise CommandError("--scale: kertoimen on oltava suurempi kuin nolla")
        as_of_date = parse_day(as_of) if as_of else None
        if as_of and as_of_date is None:
            raise CommandError(f"--as-of: päivä muodossa VVVV-KK-PP väliltä 2.5.2022–2100 (annettu {as_of!r})")
        areas = EmploymentArea.objects.all()
        area_obj = (areas.filter(slug=area) if area else areas).order_by("pk").first()
        if area_obj is None:
            raise CommandError("Työllisyysaluetta ei ole ladattu: aja ensin manage.py load_area.")
        if month:
            month_date = parse_month(month)
        else:
            month_date = people.latest_month(area_obj)
            if month_date is None:
                raise CommandError("Kuntalukuja ei ole ladattu: aja ensin manage.py load_area.")
            # The newest statistics carried forward to today: the demo lives in the current month.
            as_of_date = as_of_date or service_today()

        console = Console(file=self.stdout, highlight=False, width=140)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            tasks = {}

            def progress(phase, done, total):
                if phase not in tasks:
                    tasks[phase] = bar.add_task(phase, total=total)
                bar.update(tasks[phase], completed=done, total=total)

            try:
                report = people.generate(
                    area_obj,
                    month_date,
                    seed=seed,
                    scale=scale_value,
                    as_of=as_of_date,
                    municipality_codes=municipalities,
                    assign=not no_assign,
                    progress=progress,
                )
            except people.GenerationError as error:
                raise CommandError(str(error)) from None

        if report.as_of > month_end(report.month):
            console.print(
                f"Uusin tilastokuukausi on {report.month:%Y-%m}: sen luvut on siirretty sellaisinaan päivään "
                f"{fi_date(report.as_of)}, koska uudempaa kuukautta ei ole ladattu."
            )
        self._summary(console, area_obj, report)

    def _summary(self, console, area, report):
        actual = people.population_figures(area, report.month, report.as_of)
        table = Table(
            title=f"{report.table}: taulukon luvut / luotu väestö {fi_date(report.as_of)}", title_justify="left"
        )
        table.add_column("kunta")
        for _key, label in COLUMNS:
            table.add_column(label, justify="right")
        table.add_column("asiakkaita", justify="right")
        mismatches = 0
        for result in report.municipalities:
            row = actual.get(result.code, {})
            cells = []
            for key, _label in COLUMNS:
                wanted = getattr(result.targets, "total" if key == "unemployed" else key)
                got = row.get(key, 0)
                mark = "*" if key in result.targets.suppressed else ""
                if wanted != got:
                    mismatches += 1
                cells.append(f"{fi_number(wanted)}{mark}" if wanted == got else f"{wanted} ≠ {got}")
            table.add_row(result.name, *cells, fi_number(row.get("clients", 0)))
        console.print(table)
        console.print("* salattu luku (...), arvottu taulukon salausrajoissa")
        counsellors = report.counsellors
        console.print(
            f"ohjaajat: {counsellors['total']} suunnitelman henkilöstöstä "
            f"({counsellors['created']} uutta, {counsellors['updated']} päivitetty, "
            f"{counsellors['deactivated']} poistettu käytöstä)"
        )
        if report.assignment is not None:
            self._findings(console, report.assignment)
        seconds = sum(report.seconds.values())
        assigned = report.assignment.assigned if report.assignment else 0
        self.stdout.write(
            f"väestö {report.month:%Y-%m} (siemen {report.seed}, kerroin {report.scale}): "
            f"{report.created} työnhakijaa luotu, {report.deleted} korvattu, {assigned} jaettu ohjaajille, "
            f"{mismatches} poikkeamaa taulukosta, {fi_number(Decimal(seconds), 1)} s"
        )
        if mismatches:
            raise CommandError(f"luotu väestö poikkeaa taulukosta {mismatches} luvussa")

    def _findings(self, console, assignment):
        """What the plan's own figures say about its staffing, as findings of the demo: the table's population is
        the plan's, so a group over its caseload target is the plan's gap, not a failure of the generation."""
        if not assignment.shortfalls and not assignment.notes:
            console.print("Havainnot: jako mahtuu suunnitelman asiakasmäärätavoitteisiin.")
            return
        console.print("Havainnot suunnitelman mitoituksesta (tietoa esittelyä varten, ei virheitä):")
        if assignment.shortfalls:
            missing = sum(s.missing_fte for s in assignment.shortfalls)
            console.print(
                f"  {len(assignment.shortfalls)} ohjaajaryhmässä asiakkaita on enemmän kuin asiakasmäärätavoite "
                f"sallii; tavoitteeseen puuttuu yhteensä {fi_number(missing)} htv:"
            )
            for shortfall in assignment.shortfalls:
                console.print(f"    · {shortfall.message}")
        if assignment.notes:
            console.print(
                f"  {len(assignment.notes)} ohjaajaryhmässä on asiakkaita, joiden asiointikieltä kukaan ryhmän "
                "ohjaajista ei puhu; heidät jaettiin ryhmän kaikille ohjaajille:"
            )
            for note in assignment.notes:
                console.print(f"    · {note}")
